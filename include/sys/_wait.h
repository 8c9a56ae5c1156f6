/*
 * _wait.h - how an exit status is packed (the traditional layout, with
 * FreeBSD's values), shared by the kernel and libc's <sys/wait.h>: the
 * exit code in bits 8..15, or the number of the signal that ended the
 * process in bits 0..6; a stopped child reports 0177 with the stop
 * signal in bits 8..15, a continued one (WCONTINUED) the value 0x13
 * (SIGCONT).  (Not sys/wait.h itself, so that host tests still find
 * the C library's.)
 */
#ifndef _SYS__WAIT_H_
#define _SYS__WAIT_H_

#define W_EXITCODE(ret, sig)	((ret) << 8 | (sig))
#define W_STOPCODE(sig)		((sig) << 8 | 0177)
#define W_CONTINUED		0x13	/* the status of a continued child */
#define WNOHANG			1	/* wait4: do not wait */
#define WUNTRACED		2	/* wait4: report stopped children */
#define WSTOPPED		WUNTRACED
#define WCONTINUED		4	/* wait4: report continued children */
#define WIFEXITED(s)		(((s) & 0x7f) == 0)
#define WEXITSTATUS(s)		(((s) >> 8) & 0xff)
#define WIFSIGNALED(s)		(((s) & 0x7f) != 0 && ((s) & 0x7f) != 0x7f && \
				    (s) != W_CONTINUED)
#define WTERMSIG(s)		((s) & 0x7f)
#define WIFSTOPPED(s)		(((s) & 0xff) == 0x7f)
#define WSTOPSIG(s)		(((s) >> 8) & 0xff)
#define WIFCONTINUED(s)		((s) == W_CONTINUED)
#define WCOREDUMP(s)		(((s) & 0x80) != 0)

#endif /* !_SYS__WAIT_H_ */
