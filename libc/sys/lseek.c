/*
 * lseek.c - lseek(2).
 */
#include <errno.h>
#include <unistd.h>

#include "libc_syscalls.h"

/*
 * Set fd's offset to offset from whence (SEEK_SET: the start, SEEK_CUR:
 * the current offset, SEEK_END: the end).  Returns the new offset, or
 * -1 with errno set (ESPIPE: fd is a pipe or the console; EINVAL: a bad
 * whence or a negative result).
 *
 * The offset travels in one register, so on i386 one that does not fit
 * in 32 bits cannot be passed: EOVERFLOW rather than a truncated one.
 */
off_t
lseek(int fd, off_t offset, int whence)
{
	if (offset != (long)offset) {
		errno = EOVERFLOW;
		return (-1);
	}
	return (__sys_lseek(fd, (long)offset, whence));
}
