/*
 * vfprintf.c - formatted output to streams: vfprintf, fprintf, printf,
 * vprintf, over the engine in format.c.
 */
#include <string.h>

#include "format.h"
#include "local.h"

/* A sink into a stream, through its buffer. */
struct stream_sink {
	struct format_sink sink;
	FILE		*fp;
};

static int
stream_write(struct format_sink *sink, const char *buf, size_t len)
{
	struct stream_sink *ss = (struct stream_sink *)sink;

	return (__stdio_write(ss->fp, buf, len, NULL) != 0 ? -1 : 0);
}

/*
 * An unbuffered stream gets its output in pieces of at most this many
 * bytes: the engine emits a format in many small runs, and one
 * fprintf(stderr, ...) should be one write(2), not one per run.
 */
#define UNBUF_CHUNK	256

struct unbuffered_sink {
	struct format_sink sink;
	FILE		*fp;
	size_t		len;
	char		buf[UNBUF_CHUNK];
};

static int
unbuffered_flush(struct unbuffered_sink *us)
{
	size_t len = us->len;

	us->len = 0;
	return (__stdio_write(us->fp, us->buf, len, NULL) != 0 ? -1 : 0);
}

static int
unbuffered_write(struct format_sink *sink, const char *buf, size_t len)
{
	struct unbuffered_sink *us = (struct unbuffered_sink *)sink;
	size_t n;

	while (len > 0) {
		if (us->len == sizeof(us->buf) && unbuffered_flush(us) != 0)
			return (-1);
		n = sizeof(us->buf) - us->len;
		if (n > len)
			n = len;
		memcpy(us->buf + us->len, buf, n);
		us->len += n;
		buf += n;
		len -= n;
	}
	return (0);
}

/*
 * Format onto fp.  Returns the number of bytes written, or a negative
 * value on an output error (ferror(fp) and errno tell which).
 */
static int
vfprintf_unlocked(FILE * __restrict fp, const char * __restrict fmt, va_list ap)
{
	struct stream_sink ss = { { stream_write }, fp };
	struct unbuffered_sink us;
	int n;

	if ((fp->flags & S_NBF) == 0)
		return (__format(&ss.sink, fmt, ap));
	us.sink.write = unbuffered_write;
	us.fp = fp;
	us.len = 0;
	n = __format(&us.sink, fmt, ap);
	if (us.len > 0 && unbuffered_flush(&us) != 0)
		return (-1);
	return (n);
}

/* vfprintf, under the stdio lock (local.h). */
int
vfprintf(FILE * __restrict fp, const char * __restrict fmt, va_list ap)
{
	int r;

	FLOCKFILE();
	r = vfprintf_unlocked(fp, fmt, ap);
	FUNLOCKFILE();
	return (r);
}

/* vfprintf with the arguments in line. */
int
fprintf(FILE * __restrict fp, const char * __restrict fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vfprintf(fp, fmt, ap);
	va_end(ap);
	return (n);
}

/* vfprintf to stdout. */
int
vprintf(const char * __restrict fmt, va_list ap)
{
	return (vfprintf(stdout, fmt, ap));
}

/* vfprintf to stdout with the arguments in line. */
int
printf(const char * __restrict fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vfprintf(stdout, fmt, ap);
	va_end(ap);
	return (n);
}
