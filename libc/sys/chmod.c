/*
 * chmod.c - chmod(2), fchmod(2) and umask(2).
 */
#include <sys/stat.h>

#include "libc_syscalls.h"

/*
 * Set the permission bits of path (or of the file fd refers to) to
 * mode & 07777.  Only the owner or root may.  Returns 0, or -1 with
 * errno set (EPERM, EROFS, ENOENT, EACCES, ...).
 */
int
chmod(const char *path, mode_t mode)
{
	return (__sys_chmod(path, mode));
}

int
fchmod(int fd, mode_t mode)
{
	return (__sys_fchmod(fd, mode));
}

/*
 * Set the file mode creation mask to mask & 0777: the permission bits
 * open, mkdir and shm_open leave out.  Returns the old mask; cannot
 * fail.
 */
mode_t
umask(mode_t mask)
{
	return ((mode_t)__sys_umask(mask));
}
