/*
 * wait.c - wait4(2) and the two older forms over it, waitpid and wait.
 */
#include <stddef.h>
#include <sys/wait.h>

#include "libc_syscalls.h"

/*
 * Wait for a child to end: pid > 0 that child, -1 any child, 0 any in
 * the caller's process group, < -1 any in group -pid.  Stores its
 * status (see <sys/wait.h>) in *status unless status is NULL, and
 * reaps it.  options: WNOHANG returns 0 at once if no child has ended;
 * WUNTRACED also reports a child that stopped (once per stop),
 * WCONTINUED one that was continued.  rusage may be NULL.  Returns the
 * child's pid, or -1 with errno set (ECHILD: no such child).
 */
pid_t
wait4(pid_t pid, int *status, int options, struct rusage *rusage)
{
	return (__sys_wait4(pid, status, options, rusage));
}

/* wait4 without the resource usage. */
pid_t
waitpid(pid_t pid, int *status, int options)
{
	return (wait4(pid, status, options, NULL));
}

/* Wait for any child: waitpid(-1, status, 0). */
pid_t
wait(int *status)
{
	return (wait4(-1, status, 0, NULL));
}
