/*
 * fcntl.c - fcntl(2).
 */
#include <fcntl.h>
#include <stdarg.h>

#include "libc_syscalls.h"

/*
 * Control descriptor fd: cmd is F_DUPFD (the lowest free descriptor >=
 * the argument), F_GETFD/F_SETFD (FD_CLOEXEC), F_GETFL/F_SETFL (O_*;
 * only O_APPEND and O_NONBLOCK change).  The commands that take an
 * argument take an int.  Returns what the command gives (0 for the
 * setters), or -1 with errno set.
 */
int
fcntl(int fd, int cmd, ...)
{
	va_list ap;
	int arg = 0;

	/*
	 * Only these pass an argument; reading one that is not there is
	 * undefined behaviour.
	 */
	if (cmd == F_DUPFD || cmd == F_SETFD || cmd == F_SETFL) {
		va_start(ap, cmd);
		arg = va_arg(ap, int);
		va_end(ap);
	}
	return (__sys_fcntl(fd, cmd, arg));
}
