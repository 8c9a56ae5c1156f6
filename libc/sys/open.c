/*
 * open.c - open(2).
 */
#include <fcntl.h>
#include <stdarg.h>

#include "libc_syscalls.h"

/*
 * Open path with flags (O_RDONLY, O_WRONLY or O_RDWR, plus O_* flags)
 * and return the lowest free descriptor, or -1 with errno set.  With
 * O_CREAT the third argument is the new file's mode (a mode_t, passed
 * as an int after the default promotions).
 */
int
open(const char *path, int flags, ...)
{
	va_list ap;
	int mode = 0;

	/*
	 * Only O_CREAT passes a mode; reading one that is not there is
	 * undefined behaviour.
	 */
	if ((flags & O_CREAT) != 0) {
		va_start(ap, flags);
		mode = va_arg(ap, int);
		va_end(ap);
	}
	return (__sys_open(path, flags, mode));
}
