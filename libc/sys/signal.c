/*
 * signal.c - kill, raise, sigaction and signal, sigprocmask,
 * sigsuspend, sigpending.
 *
 * The kernel starts a handler with libc's trampoline (__sigtramp,
 * arch/<ARCH>/sigtramp.asm) as its return address; sigaction passes its
 * address with every call, so the kernel always knows it.
 */
#include <errno.h>
#include <signal.h>
#include <unistd.h>

#include "libc_syscalls.h"

/* arch/<ARCH>/sigtramp.asm: calls sigreturn with the handler's context. */
void	__sigtramp(void);

/* Send `sig` to process `pid` (kill(2)). */
int
kill(pid_t pid, int sig)
{
	return (__sys_kill(pid, sig));
}

/* Send `sig` to the calling process; its handler has run on return. */
int
raise(int sig)
{
	return (kill(getpid(), sig));
}

/* Examine and change a signal's action (sigaction(2)). */
int
sigaction(int sig, const struct sigaction *act, struct sigaction *oact)
{
	return (__sys_sigaction(sig, act, oact, __sigtramp));
}

/*
 * The old interface: `handler` for `sig`, calls interrupted by it
 * restarted (SA_RESTART, as BSD does).  The previous handler, or
 * SIG_ERR with errno set.
 */
void
(*signal(int sig, void (*handler)(int)))(int)
{
	struct sigaction sa, old;

	sa.sa_handler = handler;
	sa.sa_flags = SA_RESTART;
	sigemptyset(&sa.sa_mask);
	if (sigaction(sig, &sa, &old) != 0)
		return (SIG_ERR);
	return (old.sa_handler);
}

/* Block, unblock or set the signals blocked (sigprocmask(2)). */
int
sigprocmask(int how, const sigset_t *set, sigset_t *oset)
{
	return (__sys_sigprocmask(how, set, oset));
}

/* Wait for a signal with `mask` blocked; -1 with EINTR after it. */
int
sigsuspend(const sigset_t *mask)
{
	return (__sys_sigsuspend(mask));
}

/* The pending signals (sigpending(2)). */
int
sigpending(sigset_t *set)
{
	return (__sys_sigpending(set));
}

static int
sig_ok(int sig)
{
	if (sig <= 0 || sig >= NSIG) {
		errno = EINVAL;
		return (0);
	}
	return (1);
}

int
sigemptyset(sigset_t *set)
{
	*set = 0;
	return (0);
}

int
sigfillset(sigset_t *set)
{
	*set = ~(sigset_t)0;
	return (0);
}

int
sigaddset(sigset_t *set, int sig)
{
	if (!sig_ok(sig))
		return (-1);
	*set |= (sigset_t)1 << (sig - 1);
	return (0);
}

int
sigdelset(sigset_t *set, int sig)
{
	if (!sig_ok(sig))
		return (-1);
	*set &= ~((sigset_t)1 << (sig - 1));
	return (0);
}

int
sigismember(const sigset_t *set, int sig)
{
	if (!sig_ok(sig))
		return (-1);
	return ((*set >> (sig - 1)) & 1);
}
