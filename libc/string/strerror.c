/*
 * strerror.c - the message for an error number.
 */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <string.h>

/*
 * One message per value of <sys/errno.h>, indexed by the value itself,
 * so the numbers stay in that header alone.  Gaps are NULL.
 */
static const char *const messages[] = {
	[0] =		"No error",
	[EPERM] =	"Operation not permitted",
	[ENOENT] =	"No such file or directory",
	[ESRCH] =	"No such process",
	[EINTR] =	"Interrupted system call",
	[EIO] =		"Input/output error",
	[ENXIO] =	"Device not configured",
	[E2BIG] =	"Argument list too long",
	[ENOEXEC] =	"Exec format error",
	[EBADF] =	"Bad file descriptor",
	[ECHILD] =	"No child processes",
	[EDEADLK] =	"Resource deadlock avoided",
	[ENOMEM] =	"Cannot allocate memory",
	[EACCES] =	"Permission denied",
	[EFAULT] =	"Bad address",
	[EBUSY] =	"Device busy",
	[EEXIST] =	"File exists",
	[EXDEV] =	"Cross-device link",
	[ENODEV] =	"Operation not supported by device",
	[ENOTDIR] =	"Not a directory",
	[EISDIR] =	"Is a directory",
	[EINVAL] =	"Invalid argument",
	[ENFILE] =	"Too many open files in system",
	[EMFILE] =	"Too many open files",
	[ENOTTY] =	"Inappropriate ioctl for device",
	[EFBIG] =	"File too large",
	[ENOSPC] =	"No space left on device",
	[ESPIPE] =	"Illegal seek",
	[EROFS] =	"Read-only file system",
	[EPIPE] =	"Broken pipe",
	[EDOM] =	"Numerical argument out of domain",
	[ERANGE] =	"Result too large",
	[EAGAIN] =	"Resource temporarily unavailable",
	[ETIMEDOUT] =	"Operation timed out",
	[ELOOP] =	"Too many levels of symbolic links",
	[ENAMETOOLONG] = "File name too long",
	[ENOTEMPTY] =	"Directory not empty",
	[EPROCLIM] =	"Too many processes",
	[ENOSYS] =	"Function not implemented",
	[EOVERFLOW] =	"Value too large to be stored in data type",
};

#define UNKNOWN		"Unknown error: "

/*
 * Return the message for error number errnum.  A number with no message
 * gives "Unknown error: N" in a static buffer that the next such call
 * overwrites (C allows that); errno is left alone either way.
 */
char *
strerror(int errnum)
{
	static char unknown[sizeof(UNKNOWN) + sizeof(int) * CHAR_BIT / 3 + 2];
	char digits[sizeof(int) * CHAR_BIT / 3 + 2];
	unsigned magnitude;
	char *p;
	int n;

	if (errnum >= 0 && (unsigned)errnum < sizeof(messages) /
	    sizeof(messages[0]) && messages[errnum] != NULL)
		return ((char *)(uintptr_t)messages[errnum]);

	/* Formatted by hand: string functions do not pull in stdio. */
	magnitude = errnum < 0 ? -(unsigned)errnum : (unsigned)errnum;
	n = 0;
	do {
		digits[n++] = (char)('0' + magnitude % 10);
		magnitude /= 10;
	} while (magnitude != 0);
	p = unknown + strlen(strcpy(unknown, UNKNOWN));
	if (errnum < 0)
		*p++ = '-';
	while (n > 0)
		*p++ = digits[--n];
	*p = '\0';
	return (unknown);
}
