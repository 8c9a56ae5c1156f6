/*
 * mmap.c - mmap(2) and munmap(2).
 */
#include <errno.h>
#include <sys/mman.h>

#include "libc_syscalls.h"

/*
 * Map len bytes of fd from offset (or, with MAP_ANON and fd -1, fresh
 * zero-filled memory) with protection prot (PROT_*) and sharing flags
 * (MAP_*); addr is a hint, or the exact place with MAP_FIXED.  Returns
 * the address, or MAP_FAILED with errno set.
 *
 * The offset travels in one register, so on i386 an offset beyond
 * 2 GiB - 1 cannot be passed: EOVERFLOW, rather than a silently
 * truncated offset.
 */
void *
mmap(void *addr, size_t len, int prot, int flags, int fd, off_t offset)
{
	if (offset != (long)offset) {
		errno = EOVERFLOW;
		return (MAP_FAILED);
	}
	return (__sys_mmap(addr, len, prot, flags, fd, (long)offset));
}

/*
 * Remove the mappings of [addr, addr + len); addr must be page-aligned.
 * Returns 0, or -1 with errno set.
 */
int
munmap(void *addr, size_t len)
{
	return (__sys_munmap(addr, len));
}
