/*
 * atexit.c - the list of functions exit() calls.
 */
#include <stdlib.h>

#include "libc_private.h"

/* C requires room for at least 32; that is all there is. */
#define ATEXIT_MAX	32

static void	(*handlers[ATEXIT_MAX])(void);
static int	nhandlers;

/*
 * Register fn to be called by exit(), after the functions registered
 * later.  Returns 0, or nonzero when ATEXIT_MAX are registered already.
 */
int
atexit(void (*fn)(void))
{
	if (nhandlers == ATEXIT_MAX)
		return (-1);
	handlers[nhandlers++] = fn;
	return (0);
}

/* See libc_private.h. */
void
__libc_run_atexit(void)
{
	while (nhandlers > 0)
		handlers[--nhandlers]();
}
