/*
 * errno.c - where errno lives.
 *
 * One variable while the program has one thread; from the first
 * pthread_create on, each thread's is in its thread control block and
 * __libc_errno_hook (set then, thr/) finds the caller's.  It starts at
 * 0 (C and POSIX: errno is 0 at program start) because it is in .bss.
 */
#include <errno.h>
#include <stddef.h>

#include "libc_private.h"

static int errno_value;

/* See libc_private.h. */
int	*(*__libc_errno_hook)(void);

/* Return the address errno names (see <errno.h>). */
int *
__error(void)
{
	if (__libc_errno_hook != NULL)
		return (__libc_errno_hook());
	return (&errno_value);
}
