/*
 * errno.c - where errno lives.
 *
 * One process-wide variable while processes have one thread; with
 * threads, __error() will return the calling thread's.  It starts at 0
 * (C and POSIX: errno is 0 at program start) because it is in .bss.
 */
#include <errno.h>

static int errno_value;

/* Return the address errno names (see <errno.h>). */
int *
__error(void)
{
	return (&errno_value);
}
