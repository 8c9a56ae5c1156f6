/*
 * ferror.c - a stream's indicators and descriptor: feof, ferror,
 * clearerr, fileno.
 */
#include "local.h"

/* Nonzero if fp's end-of-file indicator is set. */
int
feof(FILE *fp)
{
	return ((fp->flags & S_EOF) != 0);
}

/* Nonzero if fp's error indicator is set. */
int
ferror(FILE *fp)
{
	return ((fp->flags & S_ERR) != 0);
}

/* Clear fp's end-of-file and error indicators. */
void
clearerr(FILE *fp)
{
	FLOCKFILE();
	fp->flags &= ~(S_EOF | S_ERR);
	FUNLOCKFILE();
}

/* The descriptor under fp. */
int
fileno(FILE *fp)
{
	return (fp->fd);
}
