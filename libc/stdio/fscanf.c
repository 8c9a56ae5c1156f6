/*
 * fscanf.c - formatted input from streams: fscanf, vfscanf, scanf,
 * vscanf, over the engine in scan.c.
 */
#include "local.h"
#include "scan.h"

/*
 * A source over a stream: the next byte is looked at in the stream's
 * buffer (or its pushed-back byte), so that a character that does not
 * match stays unread without using ungetc's one byte of pushback.
 */
struct stream_source {
	struct scan_source src;
	FILE		*fp;
};

static int
stream_peek(struct scan_source *src)
{
	FILE *fp = ((struct stream_source *)src)->fp;

	if (fp->ungot != EOF)
		return (fp->ungot);
	if (__stdio_refill(fp) != 0)
		return (EOF);
	return (fp->buf[fp->rpos]);
}

static void
stream_next(struct scan_source *src)
{
	FILE *fp = ((struct stream_source *)src)->fp;

	if (fp->ungot != EOF)
		fp->ungot = EOF;
	else
		fp->rpos++;
}

/*
 * Read from fp as fmt says (see scan.c), storing through the pointers
 * in ap.  Returns the number of items assigned, or EOF if the input
 * ended or failed before the first conversion (feof and ferror tell
 * which).
 */
static int
vfscanf_unlocked(FILE * __restrict fp, const char * __restrict fmt, va_list ap)
{
	struct stream_source ss = { { stream_peek, stream_next }, fp };

	return (__scan(&ss.src, fmt, ap));
}

/* vfscanf, under the stdio lock (local.h). */
int
vfscanf(FILE * __restrict fp, const char * __restrict fmt, va_list ap)
{
	int r;

	FLOCKFILE();
	r = vfscanf_unlocked(fp, fmt, ap);
	FUNLOCKFILE();
	return (r);
}

/* vfscanf with the arguments in line. */
int
fscanf(FILE * __restrict fp, const char * __restrict fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vfscanf(fp, fmt, ap);
	va_end(ap);
	return (n);
}

/* vfscanf from stdin. */
int
vscanf(const char * __restrict fmt, va_list ap)
{
	return (vfscanf(stdin, fmt, ap));
}

/* vfscanf from stdin with the arguments in line. */
int
scanf(const char * __restrict fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vfscanf(stdin, fmt, ap);
	va_end(ap);
	return (n);
}
