/*
 * fputc.c - one byte out: fputc, putc, putchar.
 */
#include "local.h"

/* Write c, as an unsigned char, to fp.  Returns it, or EOF on error. */
static int
fputc_unlocked(int c, FILE *fp)
{
	unsigned char byte = (unsigned char)c;

	if (__stdio_write(fp, &byte, 1, NULL) != 0)
		return (EOF);
	return (byte);
}

/* fputc, under the stdio lock (local.h). */
int
fputc(int c, FILE *fp)
{
	int r;

	FLOCKFILE();
	r = fputc_unlocked(c, fp);
	FUNLOCKFILE();
	return (r);
}

/* fputc (a function here, not a macro: FILE is opaque). */
int
putc(int c, FILE *fp)
{
	return (fputc(c, fp));
}

/* fputc to stdout. */
int
putchar(int c)
{
	return (fputc(c, stdout));
}
