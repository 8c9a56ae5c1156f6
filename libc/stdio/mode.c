/*
 * mode.c - what an fopen mode string means.
 */
#include <errno.h>
#include <fcntl.h>

#include "local.h"

/*
 * See local.h.  The first letter is r, w or a; then any of + (read and
 * write), b (binary: no different), x (with w: fail if the file exists,
 * C11) and e (close on exec, as in FreeBSD and glibc).
 */
int
__stdio_mode(const char *mode, int *oflags)
{
	int flags, access;

	switch (*mode++) {
	case 'r':
		flags = S_RD;
		access = O_RDONLY;
		*oflags = 0;
		break;
	case 'w':
		flags = S_WR;
		access = O_WRONLY;
		*oflags = O_CREAT | O_TRUNC;
		break;
	case 'a':
		flags = S_WR;
		access = O_WRONLY;
		*oflags = O_CREAT | O_APPEND;
		break;
	default:
		errno = EINVAL;
		return (0);
	}
	for (; *mode != '\0'; mode++) {
		switch (*mode) {
		case '+':
			flags = S_RD | S_WR;
			access = O_RDWR;
			break;
		case 'b':
			break;
		case 'x':
			*oflags |= O_EXCL;
			break;
		case 'e':
			*oflags |= O_CLOEXEC;
			break;
		default:
			errno = EINVAL;
			return (0);
		}
	}
	*oflags |= access;
	return (flags);
}
