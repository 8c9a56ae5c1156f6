/*
 * swrite.c - the one path output takes into a stream: buffering,
 * line flushing, and the direct write of unbuffered and large output.
 */
#include <errno.h>
#include <string.h>

#include "local.h"

/* See local.h. */
int
__stdio_write(FILE *fp, const void *buf, size_t len, size_t *taken)
{
	const unsigned char *p = buf;
	size_t done = 0, n;
	int error = 0;

	if ((fp->flags & S_WR) == 0) {
		fp->flags |= S_ERR;
		errno = EBADF;
		error = EOF;
		goto out;
	}
	/* Read-ahead is dropped: see local.h. */
	fp->rpos = fp->rlen = 0;
	fp->ungot = EOF;
	__stdio_makebuf(fp);
	while (done < len) {
		if ((fp->flags & S_NBF) != 0 ||
		    (fp->wlen == 0 && len - done >= fp->size)) {
			/* Copying would not save a write(2). */
			n = __stdio_write_all(fp->fd, p + done, len - done);
			done += n;
			if (done < len) {
				fp->flags |= S_ERR;
				error = EOF;
			}
			goto out;
		}
		if (fp->wlen == fp->size && (error = __stdio_flush(fp)) != 0)
			goto out;
		n = len - done;
		if (n > fp->size - fp->wlen)
			n = fp->size - fp->wlen;
		memcpy(fp->buf + fp->wlen, p + done, n);
		fp->wlen += n;
		done += n;
	}
	if ((fp->flags & S_LBF) != 0 && memchr(p, '\n', len) != NULL)
		error = __stdio_flush(fp);
out:
	if (taken != NULL)
		*taken = done;
	return (error);
}
