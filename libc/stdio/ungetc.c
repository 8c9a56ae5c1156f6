/*
 * ungetc.c - pushing one byte back onto an input stream.
 */
#include "local.h"

/*
 * Make c (as an unsigned char) the next byte fgetc, fgets or fread
 * returns from fp, and clear its end-of-file indicator.  One byte can
 * be pushed back (C's guarantee; there is no more room), and only onto
 * a stream open for reading.  Returns the byte, or EOF if c is EOF or
 * it cannot be pushed back.
 */
static int
ungetc_unlocked(int c, FILE *fp)
{
	if (c == EOF || fp->ungot != EOF || (fp->flags & S_RD) == 0)
		return (EOF);
	fp->ungot = (unsigned char)c;
	fp->flags &= ~S_EOF;
	return (fp->ungot);
}

/* ungetc, under the stdio lock (local.h). */
int
ungetc(int c, FILE *fp)
{
	int r;

	FLOCKFILE();
	r = ungetc_unlocked(c, fp);
	FUNLOCKFILE();
	return (r);
}
