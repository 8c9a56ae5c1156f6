/*
 * opendir.c - opening a directory for readdir: opendir and fdopendir.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "libc_syscalls.h"
#include "dir_local.h"

/*
 * A DIR that reads directory descriptor fd from its current offset;
 * from now on fd belongs to the DIR (closedir closes it).  Returns
 * NULL with errno set, leaving fd open: EBADF (not open), ENOTDIR (not
 * a directory), ENOMEM.
 */
DIR *
fdopendir(int fd)
{
	struct stat sb;
	DIR *dirp;

	if (__sys_fstat(fd, &sb) != 0)
		return (NULL);
	/* Found now rather than at the first readdir, as POSIX asks. */
	if (!S_ISDIR(sb.st_mode)) {
		errno = ENOTDIR;
		return (NULL);
	}
	if ((dirp = malloc(sizeof(*dirp))) == NULL)
		return (NULL);
	dirp->fd = fd;
	dirp->loc = dirp->len = 0;
	return (dirp);
}

/*
 * Open the directory at path for readdir.  The descriptor underneath
 * has FD_CLOEXEC set: a program that execs does not pass on its open
 * directories.  Returns NULL with errno set (ENOENT, ENOTDIR, ENOMEM,
 * EMFILE, ...).
 */
DIR *
opendir(const char *path)
{
	DIR *dirp;
	int fd, error;

	if ((fd = __sys_open(path, O_RDONLY | O_CLOEXEC, 0)) < 0)
		return (NULL);
	if ((dirp = fdopendir(fd)) == NULL) {
		error = errno;
		(void)__sys_close(fd);
		errno = error;
	}
	return (dirp);
}
