/*
 * format.h - private to libc: the printf engine and the output sinks it
 * writes to.  snprintf and friends use a sink over a memory buffer
 * (snprintf.c); the printf family over FILE streams will use one over
 * a stream's buffer.
 */
#ifndef _LIBC_STDIO_FORMAT_H_
#define _LIBC_STDIO_FORMAT_H_

#include <stdarg.h>
#include <stddef.h>

/*
 * Where formatted output goes.  write() takes len bytes at buf (len may
 * be 0) and returns 0, or -1 with errno set if it cannot, which stops
 * the formatting.  A sink embeds this struct first and finds itself
 * from the pointer.
 */
struct format_sink {
	int	(*write)(struct format_sink *sink, const char *buf,
		    size_t len);
};

int	__format(struct format_sink *sink, const char *fmt, va_list ap);

#endif /* !_LIBC_STDIO_FORMAT_H_ */
