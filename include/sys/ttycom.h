/*
 * ttycom.h - the terminal ioctl(2) requests Vise has (FreeBSD's
 * values), shared by the kernel (kernel/tty.c) and libc (tcgetpgrp,
 * tcsetpgrp).  Any other request on the console is ENOTTY, and so is
 * every request on a file that is not a terminal.
 */
#ifndef _SYS_TTYCOM_H_
#define _SYS_TTYCOM_H_

#include <sys/ioccom.h>

#define TIOCSCTTY	_IO('t', 97)		/* become the controlling
						   terminal of the caller's
						   session (its leader) */
#define TIOCGSID	_IOR('t', 99, int)	/* the session's id */
#define TIOCSPGRP	_IOW('t', 118, int)	/* set the foreground group */
#define TIOCGPGRP	_IOR('t', 119, int)	/* get the foreground group */

#endif /* !_SYS_TTYCOM_H_ */
