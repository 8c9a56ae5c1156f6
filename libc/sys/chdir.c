/*
 * chdir.c - chdir(2) and fchdir(2): the process's current directory,
 * where relative paths start (inherited by fork, kept by exec).
 */
#include <unistd.h>

#include "libc_syscalls.h"

/*
 * Make the directory path names the current directory.  Returns 0, or
 * -1 with errno set (ENOENT, ENOTDIR, EACCES without search permission,
 * ELOOP, ENAMETOOLONG, EFAULT).
 */
int
chdir(const char *path)
{
	return (__sys_chdir(path));
}

/*
 * Make the directory open at fd the current directory.  Returns 0, or
 * -1 with errno set (EBADF, ENOTDIR, EACCES).
 */
int
fchdir(int fd)
{
	return (__sys_fchdir(fd));
}
