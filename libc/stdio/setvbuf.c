/*
 * setvbuf.c - choosing a stream's buffering: setvbuf, setbuf.
 */
#include <errno.h>
#include <stdlib.h>

#include "local.h"

/*
 * Make fp fully buffered (_IOFBF), line buffered (_IOLBF) or unbuffered
 * (_IONBF), in buf[0 .. size) if buf is not NULL, else in a buffer of
 * size bytes (BUFSIZ if 0) made at the next I/O.  C allows it only
 * before any other operation on fp; here pending output is flushed
 * first, and read-ahead makes it fail.  Returns 0, or EOF with errno
 * set (EINVAL: bad mode; EBUSY: input is buffered).
 */
static int
setvbuf_unlocked(FILE * __restrict fp, char * __restrict buf, int mode, size_t size)
{
	if (mode != _IOFBF && mode != _IOLBF && mode != _IONBF) {
		errno = EINVAL;
		return (EOF);
	}
	if (fp->rpos < fp->rlen || fp->ungot != EOF) {
		errno = EBUSY;
		return (EOF);
	}
	if (__stdio_flush(fp) != 0)
		return (EOF);
	if ((fp->flags & S_MYBUF) != 0)
		free(fp->buf);
	fp->flags &= ~(S_MYBUF | S_LBF | S_NBF);
	fp->buf = NULL;
	fp->size = 0;
	fp->rpos = fp->rlen = 0;
	if (mode == _IONBF) {
		fp->flags |= S_NBF;
		return (0);
	}
	if (mode == _IOLBF)
		fp->flags |= S_LBF;
	if (buf != NULL && size > 0)
		fp->buf = (unsigned char *)buf;
	fp->size = size;
	return (0);
}

/* setvbuf, under the stdio lock (local.h). */
int
setvbuf(FILE * __restrict fp, char * __restrict buf, int mode, size_t size)
{
	int r;

	FLOCKFILE();
	r = setvbuf_unlocked(fp, buf, mode, size);
	FUNLOCKFILE();
	return (r);
}

/* setvbuf fully buffered in buf (BUFSIZ bytes), or unbuffered if NULL. */
void
setbuf(FILE * __restrict fp, char * __restrict buf)
{
	(void)setvbuf(fp, buf, buf != NULL ? _IOFBF : _IONBF, BUFSIZ);
}
