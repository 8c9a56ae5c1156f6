/*
 * pipe.c - pipe2(2), and pipe(2) over it.
 */
#include <unistd.h>

#include "libc_syscalls.h"

/*
 * Make a pipe: fds[0] reads what fds[1] writes.  flags: O_CLOEXEC (both
 * descriptors get FD_CLOEXEC), O_NONBLOCK (reads and writes do not
 * wait).  Returns 0, or -1 with errno set (EINVAL, EMFILE, ENOMEM).
 */
int
pipe2(int fds[2], int flags)
{
	return (__sys_pipe2(fds, flags));
}

/* pipe2(fds, 0). */
int
pipe(int fds[2])
{
	return (pipe2(fds, 0));
}
