/*
 * fgetc.c - one byte in: fgetc, getc, getchar.
 */
#include "local.h"

/*
 * The next byte of fp, as an unsigned char, or EOF at end of file or
 * on an error (tell them apart with feof and ferror).
 */
static int
fgetc_unlocked(FILE *fp)
{
	int c;

	if (fp->ungot != EOF) {
		c = fp->ungot;
		fp->ungot = EOF;
		return (c);
	}
	if (__stdio_refill(fp) != 0)
		return (EOF);
	return (fp->buf[fp->rpos++]);
}

/* fgetc, under the stdio lock (local.h). */
int
fgetc(FILE *fp)
{
	int r;

	FLOCKFILE();
	r = fgetc_unlocked(fp);
	FUNLOCKFILE();
	return (r);
}

/* fgetc (a function here, not a macro: FILE is opaque). */
int
getc(FILE *fp)
{
	return (fgetc(fp));
}

/* fgetc from stdin. */
int
getchar(void)
{
	return (fgetc(stdin));
}
