/*
 * closedir.c - the end of a DIR (closedir), and its descriptor (dirfd).
 */
#include <stdlib.h>

#include "libc_syscalls.h"
#include "dir_local.h"

/*
 * Close dirp's descriptor and free dirp (even if the close fails).
 * Returns 0, or -1 with errno set.
 */
int
closedir(DIR *dirp)
{
	int fd = dirp->fd;

	free(dirp);
	return (__sys_close(fd));
}

/* The descriptor dirp reads; it stays dirp's (closedir closes it). */
int
dirfd(DIR *dirp)
{
	return (dirp->fd);
}
