/*
 * _exit.c - _exit(2): end the process now, without atexit functions or
 * stdio flushing (exit() in stdlib/exit.c does those first).
 */
#include <unistd.h>

#include "libc_syscalls.h"

/*
 * End the process; the parent's wait sees status & 0xff.  Never
 * returns.
 */
void
_exit(int status)
{
	/*
	 * exit cannot fail.  Should it ever return, asking again is all
	 * there is to do.
	 */
	for (;;)
		__sys_exit(status);
}
