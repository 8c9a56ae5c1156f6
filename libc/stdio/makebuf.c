/*
 * makebuf.c - a stream's buffer, made on its first I/O so that
 * setvbuf can still choose another.
 */
#include <stdlib.h>

#include "local.h"

/* See local.h. */
void
__stdio_makebuf(FILE *fp)
{
	if (fp->buf != NULL)
		return;
	if ((fp->flags & S_NBF) == 0) {
		if (fp->size == 0)
			fp->size = BUFSIZ;
		if ((fp->buf = malloc(fp->size)) != NULL) {
			fp->flags |= S_MYBUF;
			return;
		}
		/* No memory: unbuffered still works, only slower. */
		fp->flags = (fp->flags & ~S_LBF) | S_NBF;
	}
	fp->buf = &fp->nbuf;
	fp->size = 1;
}
