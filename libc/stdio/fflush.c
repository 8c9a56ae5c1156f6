/*
 * fflush.c - getting buffered output to the descriptor: fflush, and
 * the writing loop every output path ends in.
 */
#include <errno.h>
#include <string.h>

#include "libc_syscalls.h"
#include "local.h"

/* See local.h. */
size_t
__stdio_write_all(int fd, const void *buf, size_t len)
{
	const char *p = buf;
	size_t done = 0;
	ssize_t n;

	while (done < len) {
		n = __sys_write(fd, p + done, len - done);
		if (n <= 0) {
			/* No progress and no error either: do not spin. */
			if (n == 0)
				errno = EIO;
			break;
		}
		done += (size_t)n;
	}
	return (done);
}

/* See local.h. */
int
__stdio_flush(FILE *fp)
{
	size_t done;

	if (fp->wlen == 0)
		return (0);
	done = __stdio_write_all(fp->fd, fp->buf, fp->wlen);
	if (done < fp->wlen) {
		/* Keep what was not written, at the front. */
		memmove(fp->buf, fp->buf + done, fp->wlen - done);
		fp->wlen -= done;
		fp->flags |= S_ERR;
		return (EOF);
	}
	fp->wlen = 0;
	return (0);
}

/*
 * Write out fp's buffered output; with fp NULL, every stream's.  An
 * input stream's read-ahead is kept (there is no lseek to give it
 * back).  Returns 0, or EOF with errno set if any write failed.
 */
int
fflush(FILE *fp)
{
	int error = 0;

	if (fp != NULL)
		return (__stdio_flush(fp));
	for (fp = __stdio_streams; fp != NULL; fp = fp->next) {
		if (__stdio_flush(fp) != 0)
			error = EOF;
	}
	return (error);
}
