/*
 * mmap.c - mmap(2), munmap(2), mprotect(2), msync(2), madvise(2),
 * posix_madvise(3), mincore(2) and minherit(2).  The errors are the
 * kernel's (vm/vm_mmap.c says which and why).
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

/*
 * Set the protection of the pages of [addr, addr + len) (addr
 * page-aligned) to prot.  0, or -1 with errno EINVAL, EACCES (beyond
 * what the mapping may ever allow) or ENOMEM (a page is not mapped).
 */
int
mprotect(void *addr, size_t len, int prot)
{
	return (__sys_mprotect(addr, len, prot));
}

/*
 * Write the pages of [addr, addr + len) back to their object (MS_SYNC,
 * MS_ASYNC) and with MS_INVALIDATE drop cached copies.  0, or -1 with
 * errno EINVAL, ENOMEM (a page is not mapped) or EBUSY (MS_INVALIDATE
 * over locked pages).
 */
int
msync(void *addr, size_t len, int flags)
{
	return (__sys_msync(addr, len, flags));
}

/*
 * Advice (MADV_*) about the pages of [addr, addr + len).  0, or -1 with
 * errno EINVAL (unknown advice, unaligned addr) or ENOMEM (outside the
 * address space).
 */
int
madvise(void *addr, size_t len, int advice)
{
	return (__sys_madvise(addr, len, advice));
}

/*
 * POSIX's madvise: the same advice (POSIX_MADV_*), which never changes
 * what the memory holds; returns the error number instead of setting
 * errno.
 */
int
posix_madvise(void *addr, size_t len, int advice)
{
	int saved = errno, error = 0;

	if (advice < POSIX_MADV_NORMAL || advice > POSIX_MADV_DONTNEED)
		return (EINVAL);
	if (__sys_madvise(addr, len, advice) != 0)
		error = errno;
	errno = saved;
	return (error);
}

/*
 * One byte per page of [addr, addr + len) into vec: MINCORE_INCORE if
 * the page is in memory, with the other MINCORE_* bits.  0, or -1 with
 * errno ENOMEM (a page is not mapped) or EFAULT.
 */
int
mincore(const void *addr, size_t len, char *vec)
{
	return (__sys_mincore(addr, len, vec));
}

/*
 * What a child of fork gets of [addr, addr + len): INHERIT_SHARE,
 * INHERIT_COPY, INHERIT_NONE or INHERIT_ZERO.  0, or -1 with errno
 * EINVAL.
 */
int
minherit(void *addr, size_t len, int inherit)
{
	return (__sys_minherit(addr, len, inherit));
}
