/*
 * sys/wait.h - waiting for child processes.  The status layout
 * (WIFEXITED, WEXITSTATUS, WIFSTOPPED, WSTOPSIG, WIFCONTINUED, ...) and
 * the options (WNOHANG, WUNTRACED, WCONTINUED) are the kernel's, from
 * <sys/_wait.h>.
 */
#ifndef _SYS_WAIT_H_
#define _SYS_WAIT_H_

#include <sys/_wait.h>
#include <sys/types.h>

struct rusage;		/* <sys/resource.h>; wait4 accepts NULL */

pid_t	wait(int *);
pid_t	waitpid(pid_t, int *, int);
pid_t	wait4(pid_t, int *, int, struct rusage *);

#endif /* !_SYS_WAIT_H_ */
