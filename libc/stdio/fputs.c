/*
 * fputs.c - strings out: fputs, and puts, which adds a newline.
 */
#include <string.h>

#include "local.h"

/* Write the string s, without its NUL, to fp.  Returns 0, or EOF. */
static int
fputs_unlocked(const char * __restrict s, FILE * __restrict fp)
{
	return (__stdio_write(fp, s, strlen(s), NULL));
}

/* fputs, under the stdio lock (local.h). */
int
fputs(const char * __restrict s, FILE * __restrict fp)
{
	int r;

	FLOCKFILE();
	r = fputs_unlocked(s, fp);
	FUNLOCKFILE();
	return (r);
}

/*
 * Write s and a newline to stdout.  Both go through the buffer, so a
 * line-buffered stdout writes a short line with one write(2).
 * Returns 0, or EOF.
 */
static int
puts_unlocked(const char *s)
{
	size_t len = strlen(s);

	if (__stdio_write(stdout, s, len, NULL) != 0 ||
	    __stdio_write(stdout, "\n", 1, NULL) != 0)
		return (EOF);
	return (0);
}

/* puts, under the stdio lock (local.h). */
int
puts(const char *s)
{
	int r;

	FLOCKFILE();
	r = puts_unlocked(s);
	FUNLOCKFILE();
	return (r);
}
