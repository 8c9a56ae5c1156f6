/*
 * sscanf.c - formatted input from a string: sscanf, vsscanf, over the
 * engine in scan.c.
 */
#include <stdio.h>

#include "scan.h"

/* A source over a NUL-terminated string: its end is the input's end. */
struct string_source {
	struct scan_source src;
	const unsigned char *s;
};

static int
string_peek(struct scan_source *src)
{
	struct string_source *ss = (struct string_source *)src;

	return (*ss->s != '\0' ? *ss->s : EOF);
}

static void
string_next(struct scan_source *src)
{
	((struct string_source *)src)->s++;
}

/*
 * Read from the string s as fmt says (see scan.c), storing through
 * the pointers in ap.  Returns the number of items assigned, or EOF if
 * the string ended before the first conversion.
 */
int
vsscanf(const char * __restrict s, const char * __restrict fmt, va_list ap)
{
	struct string_source ss = { { string_peek, string_next },
	    (const unsigned char *)s };

	return (__scan(&ss.src, fmt, ap));
}

/* vsscanf with the arguments in line. */
int
sscanf(const char * __restrict s, const char * __restrict fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsscanf(s, fmt, ap);
	va_end(ap);
	return (n);
}
