/*
 * stdio.h - formatted output into memory (C11 7.21.6).
 *
 * Only what works without system calls so far: the snprintf family.
 * FILE streams, printf to stdout, fopen and the rest come with the
 * system-call layer; they will be declared here when they exist.
 */
#ifndef _STDIO_H_
#define _STDIO_H_

#define __need_size_t
#define __need_NULL
#include <stddef.h>
#include <stdarg.h>

#define EOF	(-1)

int	snprintf(char * __restrict, size_t, const char * __restrict, ...)
	    __attribute__((__format__(__printf__, 3, 4)));
int	sprintf(char * __restrict, const char * __restrict, ...)
	    __attribute__((__format__(__printf__, 2, 3)));
int	vsnprintf(char * __restrict, size_t, const char * __restrict,
	    va_list) __attribute__((__format__(__printf__, 3, 0)));
int	vsprintf(char * __restrict, const char * __restrict, va_list)
	    __attribute__((__format__(__printf__, 2, 0)));

#endif /* !_STDIO_H_ */
