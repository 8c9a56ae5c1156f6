/*
 * snprintf.c - formatted output into memory: snprintf, vsnprintf,
 * sprintf, vsprintf, over the engine in format.c.
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "format.h"

/* A sink over buf[0 .. size): keeps what fits, leaving room for NUL. */
struct buffer_sink {
	struct format_sink sink;
	char		*buf;
	size_t		size;
	size_t		len;		/* bytes stored so far */
};

static int
buffer_write(struct format_sink *sink, const char *data, size_t len)
{
	struct buffer_sink *bs = (struct buffer_sink *)sink;
	size_t room = bs->size > 0 ? bs->size - 1 - bs->len : 0;

	if (len > room)
		len = room;
	if (len == 0)
		return (0);
	memcpy(bs->buf + bs->len, data, len);
	bs->len += len;
	return (0);
}

/*
 * Format into buf, storing at most size - 1 bytes and a NUL (nothing at
 * all if size is 0; buf may then be NULL).  Returns the length the
 * whole output has, which is >= size if it was cut short, or a negative
 * value if it is longer than INT_MAX.
 */
int
vsnprintf(char * __restrict buf, size_t size, const char * __restrict fmt,
    va_list ap)
{
	struct buffer_sink bs = { { buffer_write }, buf, size, 0 };
	int n;

	n = __format(&bs.sink, fmt, ap);
	if (size > 0)
		buf[bs.len] = '\0';
	return (n);
}

/* vsnprintf with the arguments in line. */
int
snprintf(char * __restrict buf, size_t size, const char * __restrict fmt,
    ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return (n);
}

/*
 * vsnprintf into a buffer the caller promises is big enough (C gives no
 * bound; output cannot exceed INT_MAX bytes anyway).
 */
int
vsprintf(char * __restrict buf, const char * __restrict fmt, va_list ap)
{
	return (vsnprintf(buf, (size_t)INT_MAX + 1, fmt, ap));
}

/* vsprintf with the arguments in line. */
int
sprintf(char * __restrict buf, const char * __restrict fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsprintf(buf, fmt, ap);
	va_end(ap);
	return (n);
}
