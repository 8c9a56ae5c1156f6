/*
 * scan.h - private to libc: the scanf engine (scan.c) and the input
 * sources it reads from: a string (sscanf.c) or a stream (fscanf.c).
 */
#ifndef _LIBC_STDIO_SCAN_H_
#define _LIBC_STDIO_SCAN_H_

#include <stdarg.h>

/*
 * Where the characters come from.  peek() returns the next one (as an
 * unsigned char) without taking it, or EOF at the end of the input or
 * on a read error; next() takes the character peek() returned.  A
 * source embeds this struct first and finds itself from the pointer.
 */
struct scan_source {
	int	(*peek)(struct scan_source *src);
	void	(*next)(struct scan_source *src);
};

/*
 * Read from src as fmt says, storing through the pointers in ap.
 * Returns the number of items assigned, or EOF if the input ended (or
 * failed) before the first conversion.  Characters that do not match
 * are left unread.
 */
int	__scan(struct scan_source *src, const char *fmt, va_list ap);

#endif /* !_LIBC_STDIO_SCAN_H_ */
