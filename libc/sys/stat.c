/*
 * stat.c - fstat(2), fstatat(2), and stat and lstat over fstatat.
 */
#include <sys/stat.h>

#include "libc_syscalls.h"

/*
 * Fill *sb with what the file at path is (struct stat in <sys/_stat.h>),
 * following a symbolic link at its end unless flags has
 * AT_SYMLINK_NOFOLLOW.  A relative path starts at fd's directory; only
 * AT_FDCWD is accepted for now, and it is the root (there is no current
 * directory yet).  Returns 0, or -1 with errno set (ENOENT, ENOTDIR,
 * ELOOP, ENAMETOOLONG, EFAULT).
 */
int
fstatat(int fd, const char *path, struct stat *sb, int flags)
{
	return (__sys_fstatat(fd, path, sb, flags));
}

/* fstatat(AT_FDCWD, path, sb, 0). */
int
stat(const char *path, struct stat *sb)
{
	return (fstatat(AT_FDCWD, path, sb, 0));
}

/* stat, except that a symbolic link at the end is described itself. */
int
lstat(const char *path, struct stat *sb)
{
	return (fstatat(AT_FDCWD, path, sb, AT_SYMLINK_NOFOLLOW));
}

/* Fill *sb for the file descriptor fd refers to; 0, or -1 with errno. */
int
fstat(int fd, struct stat *sb)
{
	return (__sys_fstat(fd, sb));
}
