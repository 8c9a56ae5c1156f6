/*
 * mlock.c - mlock(2), munlock(2), mlockall(2) and munlockall(2): memory
 * locking.  The errors are the kernel's (vm/vm_mlock.c says which and
 * why; SEMANTICS R10, R12, R18, R25).
 */
#include <sys/mman.h>

#include "libc_syscalls.h"

/*
 * Lock the pages holding [addr, addr + len) in memory: faulted in now,
 * never paged out, until munlock, munmap or exit.  Locks do not nest.
 * 0, or -1 with errno EPERM, EINVAL or ENOMEM.
 */
int
mlock(const void *addr, size_t len)
{
	return (__sys_mlock(addr, len));
}

/*
 * Unlock the pages of [addr, addr + len).  0, or -1 with errno EPERM,
 * EINVAL or ENOMEM.
 */
int
munlock(const void *addr, size_t len)
{
	return (__sys_munlock(addr, len));
}

/*
 * Lock every mapping (MCL_CURRENT) and/or those made later
 * (MCL_FUTURE).  0, or -1 with errno EPERM, EINVAL, ENOMEM or EAGAIN.
 */
int
mlockall(int how)
{
	return (__sys_mlockall(how));
}

/* Undo mlockall and every mlock of the process.  0, or -1 (EPERM). */
int
munlockall(void)
{
	return (__sys_munlockall());
}
