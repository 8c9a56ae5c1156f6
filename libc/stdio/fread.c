/*
 * fread.c - binary input: fread.
 */
#include <string.h>

#include "local.h"

/*
 * Read up to nmemb objects of size bytes from fp into buf.  Returns how
 * many whole objects were read; fewer than nmemb at end of file or on
 * an error (feof, ferror).  A trailing partial object is consumed but
 * not counted.
 */
static size_t
fread_unlocked(void * __restrict buf, size_t size, size_t nmemb,
    FILE * __restrict fp)
{
	unsigned char *p = buf;
	size_t want, len = 0, chunk;

	/* The objects are in memory, so size * nmemb cannot overflow. */
	if (size == 0 || nmemb == 0)
		return (0);
	want = size * nmemb;
	if (fp->ungot != EOF) {
		p[len++] = (unsigned char)fp->ungot;
		fp->ungot = EOF;
	}
	while (len < want) {
		if (__stdio_refill(fp) != 0)
			break;
		chunk = fp->rlen - fp->rpos;
		if (chunk > want - len)
			chunk = want - len;
		memcpy(p + len, fp->buf + fp->rpos, chunk);
		fp->rpos += chunk;
		len += chunk;
	}
	return (len / size);
}

/* fread, under the stdio lock (local.h). */
size_t
fread(void * __restrict buf, size_t size, size_t nmemb,
    FILE * __restrict fp)
{
	size_t r;

	FLOCKFILE();
	r = fread_unlocked(buf, size, nmemb, fp);
	FUNLOCKFILE();
	return (r);
}
