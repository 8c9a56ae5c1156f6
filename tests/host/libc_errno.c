/*
 * libc_errno.c - libc's <errno.h> values for the libc host tests, which
 * include the host's <errno.h> and so cannot see them.  Compiled with
 * libc's flags and headers (tests/host/libc.mk), not renamed.
 */
#include <errno.h>
#include <stddef.h>

extern const int libc_EINVAL, libc_ENOMEM, libc_ERANGE;
extern const int libc_errno_values[];
extern const size_t libc_errno_count;

const int libc_EINVAL = EINVAL;
const int libc_ENOMEM = ENOMEM;
const int libc_ERANGE = ERANGE;

/* Every value <sys/errno.h> defines (EWOULDBLOCK is EAGAIN). */
const int libc_errno_values[] = {
	EPERM, ENOENT, ESRCH, EINTR, EIO, ENXIO, E2BIG, ENOEXEC, EBADF,
	ECHILD, EDEADLK, ENOMEM, EACCES, EFAULT, EBUSY, EEXIST, ENODEV,
	ENOTDIR, EISDIR, EINVAL, ENFILE, EMFILE, ENOTTY, EFBIG, ENOSPC,
	ESPIPE, EROFS, EPIPE, EDOM, ERANGE, EAGAIN, EWOULDBLOCK, ENOSYS,
};
const size_t libc_errno_count = sizeof(libc_errno_values) /
    sizeof(libc_errno_values[0]);
