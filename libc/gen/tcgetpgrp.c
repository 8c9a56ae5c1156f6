/*
 * tcgetpgrp.c - the foreground process group of the controlling
 * terminal: tcgetpgrp and tcsetpgrp, over ioctl(2).
 */
#include <sys/ioctl.h>
#include <unistd.h>

/*
 * The foreground process group of the terminal on fd, which must be
 * the caller's controlling terminal; a value that names no group if
 * there is none.  -1 with errno ENOTTY, EBADF.
 */
pid_t
tcgetpgrp(int fd)
{
	int pgid;

	if (ioctl(fd, TIOCGPGRP, &pgid) != 0)
		return (-1);
	return (pgid);
}

/*
 * Make group pgrp (of the caller's session) the foreground process
 * group of the caller's controlling terminal on fd.  A process in the
 * background gets SIGTTOU unless it ignores or blocks it.  0, or -1
 * with errno ENOTTY, EINVAL, EPERM (no such group in the session),
 * EBADF.
 */
int
tcsetpgrp(int fd, pid_t pgrp)
{
	int pgid = pgrp;

	return (ioctl(fd, TIOCSPGRP, &pgid));
}
