/*
 * getcwd.c - getcwd(3) over the kernel's __getcwd (FreeBSD's 326).
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <unistd.h>

#include "libc_syscalls.h"

/*
 * The absolute path of the current directory, in buf (size bytes with
 * the NUL).  With buf NULL the string is malloc'd (size bytes, or
 * PATH_MAX if size is 0) and the caller frees it.  Returns buf (or the
 * new string), or NULL with errno set: EINVAL (size 0 with a buffer),
 * ERANGE (does not fit), ENOENT (the directory was removed), ENOMEM,
 * EFAULT.
 */
char *
getcwd(char *buf, size_t size)
{
	char *mine = NULL;

	if (buf == NULL) {
		if (size == 0)
			size = PATH_MAX;
		if ((buf = mine = malloc(size)) == NULL)
			return (NULL);
	} else if (size == 0) {
		errno = EINVAL;
		return (NULL);
	}
	if (__sys___getcwd(buf, size) != 0) {
		free(mine);
		return (NULL);
	}
	return (buf);
}
