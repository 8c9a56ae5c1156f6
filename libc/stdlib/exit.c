/*
 * exit.c - ending the program from C: exit and _Exit.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "libc_private.h"

/*
 * End the program with status: run the atexit functions (last
 * registered first), flush every output stream, then _exit.  Streams
 * are flushed, not closed: the kernel closes descriptors.
 */
void
exit(int status)
{
	__libc_run_atexit();
	fflush(NULL);
	_exit(status);
}

/* End the program at once, as _exit does (C11 7.22.4.5). */
void
_Exit(int status)
{
	_exit(status);
}
