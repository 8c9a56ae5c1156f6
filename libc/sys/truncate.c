/*
 * truncate.c - truncate(2) and ftruncate(2).
 */
#include <errno.h>
#include <unistd.h>

#include "libc_syscalls.h"

/*
 * Make the regular file at path (or open for writing at fd) length
 * bytes long: what is past the end goes, and growing it reads back as
 * zeros.  Returns 0, or -1 with errno set (EINVAL: a negative length or
 * a descriptor not open for writing; EISDIR, EACCES, EROFS, EFBIG).
 *
 * The length travels in one register, so on i386 one that does not fit
 * in 32 bits cannot be passed: EFBIG rather than a truncated length.
 */
int
truncate(const char *path, off_t length)
{
	if (length != (long)length) {
		errno = EFBIG;
		return (-1);
	}
	return (__sys_truncate(path, (long)length));
}

int
ftruncate(int fd, off_t length)
{
	if (length != (long)length) {
		errno = EFBIG;
		return (-1);
	}
	return (__sys_ftruncate(fd, (long)length));
}
