/*
 * fopen.c - opening a file as a stream.
 */
#include "libc_syscalls.h"
#include "local.h"

/*
 * Open the file at path for the access mode says ("r", "w", "a", with
 * "+", "b", "x", "e"; see mode.c) and return a fully buffered stream on
 * it.  Files are created with mode 0666 (less the umask).  Returns
 * NULL with errno set.
 */
FILE *
fopen(const char * __restrict path, const char * __restrict mode)
{
	FILE *fp;
	int flags, oflags, fd;

	if ((flags = __stdio_mode(mode, &oflags)) == 0)
		return (NULL);
	if ((fd = __sys_open(path, oflags, 0666)) < 0)
		return (NULL);
	if ((fp = __stdio_alloc(fd, flags)) == NULL)
		(void)__sys_close(fd);
	return (fp);
}
