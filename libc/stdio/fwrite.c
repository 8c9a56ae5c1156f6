/*
 * fwrite.c - binary output: fwrite.
 */
#include "local.h"

/*
 * Write nmemb objects of size bytes from buf to fp.  Returns how many
 * whole objects fp took; fewer than nmemb only on an error (ferror).
 */
static size_t
fwrite_unlocked(const void * __restrict buf, size_t size, size_t nmemb,
    FILE * __restrict fp)
{
	size_t taken;

	/* The objects are in memory, so size * nmemb cannot overflow. */
	if (size == 0 || nmemb == 0)
		return (0);
	(void)__stdio_write(fp, buf, size * nmemb, &taken);
	return (taken / size);
}

/* fwrite, under the stdio lock (local.h). */
size_t
fwrite(const void * __restrict buf, size_t size, size_t nmemb,
    FILE * __restrict fp)
{
	size_t r;

	FLOCKFILE();
	r = fwrite_unlocked(buf, size, nmemb, fp);
	FUNLOCKFILE();
	return (r);
}
