/*
 * pthread_kill.c - signals and threads: pthread_kill (thr_kill to the
 * thread's kernel id) and pthread_sigmask (the mask is per thread in
 * the kernel, so it is sigprocmask).  Both return an errno value and
 * leave errno alone.
 */
#include <errno.h>
#include <signal.h>

#include "libc_syscalls.h"
#include "thr_private.h"

/* Send sig to `thread` (0: only check it).  0, ESRCH, EINVAL. */
int
pthread_kill(pthread_t thread, int sig)
{
	long tid = thread->tid;
	int saved = errno, error = 0;

	if (tid == 0)
		return (ESRCH);
	if (__sys_thr_kill(tid, sig) != 0)
		error = errno;
	errno = saved;
	return (error);
}

/* The calling thread's signal mask (see sigprocmask). */
int
pthread_sigmask(int how, const sigset_t *set, sigset_t *oset)
{
	int saved = errno, error = 0;

	if (__sys_sigprocmask(how, set, oset) != 0)
		error = errno;
	errno = saved;
	return (error);
}
