/*
 * unlink.c - unlink(2), rmdir(2), rename(2) and mkdir(2): the calls
 * that change names.
 */
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "libc_syscalls.h"

/*
 * Remove the name path (not a directory: EPERM).  The file goes with
 * its last name and its last open descriptor and mapping.  Returns 0,
 * or -1 with errno set (ENOENT, EACCES, EPERM, EROFS, ...).
 */
int
unlink(const char *path)
{
	return (__sys_unlink(path));
}

/*
 * Remove the empty directory path.  Returns 0, or -1 with errno set
 * (ENOTEMPTY, ENOTDIR, EBUSY for a mount point, EINVAL for ".", ...).
 */
int
rmdir(const char *path)
{
	return (__sys_rmdir(path));
}

/*
 * Make directory path with permission bits mode & ~umask.  Returns 0,
 * or -1 with errno set (EEXIST, ENOENT, EACCES, EROFS, ...).
 */
int
mkdir(const char *path, mode_t mode)
{
	return (__sys_mkdir(path, mode));
}

/*
 * Give the file called from the name to instead, replacing what to
 * names (a file by a file, an empty directory by a directory).
 * Returns 0, or -1 with errno set (EXDEV between file systems, EISDIR,
 * ENOTDIR, ENOTEMPTY, EINVAL for a directory into itself, ...).
 */
int
rename(const char *from, const char *to)
{
	return (__sys_rename(from, to));
}
