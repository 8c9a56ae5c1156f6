/*
 * libc_errno.c - libc's <errno.h> values, and the <stdio.h> constants
 * the stream tests need, for the libc host tests, which include the
 * host's headers and so cannot see libc's.  Compiled with libc's flags
 * and headers (tests/host/libc.mk), not renamed.
 */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>

extern const int libc_EINVAL, libc_ENOMEM, libc_ERANGE;
extern const int libc_EBADF, libc_EBUSY, libc_EIO, libc_EMFILE, libc_ENOENT;
extern const int libc_ENOTDIR, libc_ESPIPE, libc_EOVERFLOW;
extern const int libc_BUFSIZ, libc_IOFBF, libc_IOLBF, libc_IONBF;
extern const int libc_errno_values[];
extern const size_t libc_errno_count;

const int libc_EINVAL = EINVAL;
const int libc_ENOMEM = ENOMEM;
const int libc_ERANGE = ERANGE;
const int libc_EBADF = EBADF;
const int libc_EBUSY = EBUSY;
const int libc_EIO = EIO;
const int libc_EMFILE = EMFILE;
const int libc_ENOENT = ENOENT;
const int libc_ENOTDIR = ENOTDIR;
const int libc_ESPIPE = ESPIPE;
const int libc_EOVERFLOW = EOVERFLOW;

const int libc_BUFSIZ = BUFSIZ;
const int libc_IOFBF = _IOFBF, libc_IOLBF = _IOLBF, libc_IONBF = _IONBF;

/* Every value <sys/errno.h> defines (EWOULDBLOCK is EAGAIN). */
const int libc_errno_values[] = {
	EPERM, ENOENT, ESRCH, EINTR, EIO, ENXIO, E2BIG, ENOEXEC, EBADF,
	ECHILD, EDEADLK, ENOMEM, EACCES, EFAULT, EBUSY, EEXIST, EXDEV,
	ENODEV, ENOTDIR, EISDIR, EINVAL, ENFILE, EMFILE, ENOTTY, EFBIG,
	ENOSPC, ESPIPE, EROFS, EPIPE, EDOM, ERANGE, EAGAIN, EWOULDBLOCK,
	ETIMEDOUT, ELOOP, ENAMETOOLONG, ENOTEMPTY, EPROCLIM, ENOSYS, EOVERFLOW,
};
const size_t libc_errno_count = sizeof(libc_errno_values) /
    sizeof(libc_errno_values[0]);
