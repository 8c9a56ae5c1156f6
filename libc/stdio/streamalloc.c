/*
 * streamalloc.c - making and freeing the streams fopen and fdopen
 * return.
 */
#include <errno.h>
#include <stdlib.h>

#include "local.h"

/* See local.h. */
FILE *
__stdio_alloc(int fd, int flags)
{
	FILE *fp;

	if ((fp = calloc(1, sizeof(*fp))) == NULL) {
		errno = ENOMEM;
		return (NULL);
	}
	fp->fd = fd;
	fp->flags = flags;
	fp->ungot = EOF;
	FLOCKFILE();
	fp->next = __stdio_streams;
	__stdio_streams = fp;
	FUNLOCKFILE();
	return (fp);
}

/* See local.h.  A static stream stays, marked closed (no S_RD, S_WR). */
void
__stdio_free(FILE *fp)
{
	FILE **link;

	if ((fp->flags & S_MYBUF) != 0)
		free(fp->buf);
	if ((fp->flags & S_STATIC) != 0) {
		fp->flags = S_STATIC;
		fp->buf = NULL;
		fp->wlen = fp->rpos = fp->rlen = 0;
		fp->ungot = EOF;
		return;
	}
	for (link = &__stdio_streams; *link != NULL; link = &(*link)->next) {
		if (*link == fp) {
			*link = fp->next;
			break;
		}
	}
	free(fp);
}
