/*
 * assert.c - what a failed assert() does.
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>

/*
 * Report the failed assertion expr, at line of file in function func,
 * on stderr, and abort().  Called by the assert macro only.
 */
void
__assert(const char *func, const char *file, int line, const char *expr)
{
	fprintf(stderr, "Assertion failed: (%s), function %s, file %s, "
	    "line %d.\n", expr, func, file, line);
	abort();
}
