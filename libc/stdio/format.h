/*
 * format.h - private to libc: the printf engine and the output sinks it
 * writes to.  snprintf and friends use a sink over a memory buffer
 * (snprintf.c), the printf family one over a stream (vfprintf.c).  The
 * engine is format.c; the floating-point conversions are
 * format_float.c, which shares its output helpers.
 */
#ifndef _LIBC_STDIO_FORMAT_H_
#define _LIBC_STDIO_FORMAT_H_

#include <stdarg.h>
#include <stdbool.h>
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

/* One conversion specification, after parsing. */
struct format_spec {
	bool		left;		/* '-': pad on the right */
	bool		plus;		/* '+': sign even when positive */
	bool		space;		/* ' ': space where '+' would be */
	bool		alt;		/* '#': 0x, a leading 0, a point */
	bool		zero;		/* '0': pad with zeros */
	int		width;		/* 0: none */
	int		precision;	/* -1: none */
	char		length;		/* 0, h, l, j, z, t; H: hh; L: ll, L */
};

/* The output so far: the sink, how much it took, and whether it failed. */
struct format_output {
	struct format_sink *sink;
	size_t		count;
	bool		failed;
};

/*
 * Send len bytes at buf to the sink, keeping the count within INT_MAX;
 * nothing once the output has failed.
 */
void	__format_emit(struct format_output *out, const char *buf,
	    size_t len);

/* Send n copies of c (' ' or '0'); nothing if n <= 0. */
void	__format_pad(struct format_output *out, char c, long n);

/*
 * One floating-point conversion (conv: e E f F g G a A) of value, as
 * sp says (format_float.c).
 */
void	__format_float(struct format_output *out,
	    const struct format_spec *sp, char conv, double value);

#endif /* !_LIBC_STDIO_FORMAT_H_ */
