/*
 * refill.c - getting input into a stream's buffer: the one place
 * stdio reads.
 */
#include <errno.h>

#include "libc_syscalls.h"
#include "local.h"

/* Flush every line-buffered output stream (the prompt before a read). */
static void
flush_line_buffered(void)
{
	FILE *fp;

	for (fp = __stdio_streams; fp != NULL; fp = fp->next) {
		if ((fp->flags & (S_WR | S_LBF)) == (S_WR | S_LBF))
			(void)__stdio_flush(fp);
	}
}

/* See local.h. */
int
__stdio_refill(FILE *fp)
{
	ssize_t n;

	if ((fp->flags & S_RD) == 0) {
		fp->flags |= S_ERR;
		errno = EBADF;
		return (EOF);
	}
	if (__stdio_flush(fp) != 0)
		return (EOF);
	if (fp->rpos < fp->rlen)
		return (0);
	/* C11 7.21.7.1: once at end of file, stay there until clearerr. */
	if ((fp->flags & S_EOF) != 0)
		return (EOF);
	if ((fp->flags & (S_LBF | S_NBF)) != 0)
		flush_line_buffered();
	__stdio_makebuf(fp);
	fp->rpos = fp->rlen = 0;
	n = __sys_read(fp->fd, fp->buf, fp->size);
	if (n <= 0) {
		fp->flags |= n == 0 ? S_EOF : S_ERR;
		return (EOF);
	}
	fp->rlen = (size_t)n;
	return (0);
}
