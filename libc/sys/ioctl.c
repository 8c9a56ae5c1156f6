/*
 * ioctl.c - ioctl(2): device requests.  Vise has the terminal's
 * (<sys/ttycom.h>); every other file answers ENOTTY.
 */
#include <stdarg.h>
#include <sys/ioctl.h>

#include "libc_syscalls.h"

/*
 * Ask the device behind fd to do request, whose one argument (a
 * pointer, if the request takes one) follows.  0 or what the request
 * returns, or -1 with errno set (ENOTTY: not a terminal, or no such
 * request; EBADF).
 */
int
ioctl(int fd, unsigned long request, ...)
{
	va_list ap;
	void *arg;

	va_start(ap, request);
	arg = va_arg(ap, void *);
	va_end(ap);
	return (__sys_ioctl(fd, request, arg));
}
