/*
 * signal_errors_test.c - the signal system calls (kill, sigaction,
 * sigprocmask, sigpending, sigsuspend, sigreturn), each done right and
 * then with every way to get it wrong (issue 5): EINVAL for signal
 * numbers, flags, handlers and `how` values that do not exist, EFAULT
 * for every pointer argument (unmapped, and in the kernel's part of the
 * address space), ESRCH for processes that do not exist, and a
 * sigreturn frame that is garbage: the process dies or gets an error,
 * the kernel stays up.  sig_test.c has how delivery works.
 *
 * Prints TAP; exits 0 only if every result passed.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lib/utest.h"

/* sigreturn has no libc wrapper (only the trampoline calls it). */
int	__sys_sigreturn(const void *ucontext);

static volatile sig_atomic_t caught;

static void
on_signal(int sig)
{
	caught = sig;
}

/* A sigaction for on_signal with `flags`. */
static struct sigaction
action(int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sa.sa_flags = flags;
	sigemptyset(&sa.sa_mask);
	return (sa);
}

static void
t_kill(void)
{
	struct sigaction sa = action(0);

	sigaction(SIGUSR1, &sa, NULL);
	ok(kill(getpid(), 0) == 0, "kill: signal 0 checks that we exist");
	caught = 0;
	ok(kill(getpid(), SIGUSR1) == 0 && caught == SIGUSR1,
	    "kill: SIGUSR1 to ourselves runs the handler");
	fails(kill(99999, 0), ESRCH, "kill: ESRCH on a pid nobody has");
	fails(kill(-99998, SIGUSR1), ESRCH,
	    "kill: ESRCH on a process group nobody has");
	fails(kill(getpid(), -1), EINVAL, "kill: EINVAL on signal -1");
	fails(kill(getpid(), NSIG), EINVAL, "kill: EINVAL on signal NSIG");
	signal(SIGUSR1, SIG_DFL);
}

static void
t_sigaction(void)
{
	struct sigaction sa = action(SA_RESTART), old, now;
	void (*volatile kernel_handler)(int);

	ok(sigaction(SIGUSR2, &sa, NULL) == 0 &&
	    sigaction(SIGUSR2, NULL, &old) == 0 &&
	    old.sa_handler == on_signal && old.sa_flags == SA_RESTART,
	    "sigaction: set a handler, read it back");
	fails(sigaction(0, &sa, NULL), EINVAL, "sigaction: EINVAL on signal 0");
	fails(sigaction(-1, &sa, NULL), EINVAL,
	    "sigaction: EINVAL on signal -1");
	fails(sigaction(NSIG, &sa, NULL), EINVAL,
	    "sigaction: EINVAL on signal NSIG");
	fails(sigaction(SIGKILL, &sa, NULL), EINVAL,
	    "sigaction: EINVAL on a handler for SIGKILL");
	fails(sigaction(SIGSTOP, &sa, NULL), EINVAL,
	    "sigaction: EINVAL on a handler for SIGSTOP");
	sa.sa_handler = SIG_DFL;
	ok(sigaction(SIGKILL, &sa, NULL) == 0,
	    "sigaction: SIG_DFL for SIGKILL is allowed");
	sa = action(SA_ONSTACK);
	fails(sigaction(SIGUSR2, &sa, NULL), EINVAL,
	    "sigaction: EINVAL on SA_ONSTACK (no sigaltstack)");
	sa = action(0x8000);
	fails(sigaction(SIGUSR2, &sa, NULL), EINVAL,
	    "sigaction: EINVAL on an unknown flag");
	sa = action(0);
	kernel_handler = (void (*)(int))kernel_addr();
	sa.sa_handler = kernel_handler;
	fails(sigaction(SIGUSR2, &sa, NULL), EINVAL,
	    "sigaction: EINVAL on a handler at a kernel address");
	fails(sigaction(SIGUSR2, unmapped, NULL), EFAULT,
	    "sigaction: EFAULT on an unmapped act");
	fails(sigaction(SIGUSR2, kernel_addr(), NULL), EFAULT,
	    "sigaction: EFAULT on a kernel act");
	fails(sigaction(SIGUSR2, NULL, unmapped), EFAULT,
	    "sigaction: EFAULT on an unmapped oact");
	fails(sigaction(SIGUSR2, NULL, kernel_addr()), EFAULT,
	    "sigaction: EFAULT on a kernel oact");
	ok(sigaction(SIGUSR2, NULL, &now) == 0 && now.sa_handler ==
	    on_signal && now.sa_flags == SA_RESTART,
	    "sigaction: the failed calls left the action alone");
	signal(SIGUSR2, SIG_DFL);
}

static void
t_sigprocmask(void)
{
	sigset_t set, old, now;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	ok(sigprocmask(SIG_BLOCK, &set, &old) == 0 &&
	    sigprocmask(SIG_BLOCK, NULL, &now) == 0 &&
	    sigismember(&now, SIGUSR1) == 1 &&
	    sigprocmask(SIG_SETMASK, &old, NULL) == 0,
	    "sigprocmask: block a signal, see it in the mask");
	sigfillset(&set);
	sigprocmask(SIG_SETMASK, &set, &old);
	sigprocmask(SIG_SETMASK, &old, &now);
	ok(sigismember(&now, SIGKILL) == 0 && sigismember(&now, SIGSTOP) == 0,
	    "sigprocmask: SIGKILL and SIGSTOP cannot be blocked");
	sigemptyset(&set);
	fails(sigprocmask(99, &set, NULL), EINVAL,
	    "sigprocmask: EINVAL on a how of 99");
	ok(sigprocmask(99, NULL, &now) == 0,
	    "sigprocmask: without a set, how is not looked at");
	fails(sigprocmask(SIG_SETMASK, unmapped, NULL), EFAULT,
	    "sigprocmask: EFAULT on an unmapped set");
	fails(sigprocmask(SIG_SETMASK, kernel_addr(), NULL), EFAULT,
	    "sigprocmask: EFAULT on a kernel set");
	fails(sigprocmask(SIG_BLOCK, NULL, unmapped), EFAULT,
	    "sigprocmask: EFAULT on an unmapped oset");
	fails(sigprocmask(SIG_BLOCK, NULL, kernel_addr()), EFAULT,
	    "sigprocmask: EFAULT on a kernel oset");
	ok(sigprocmask(SIG_BLOCK, NULL, &now) == 0 && now == old,
	    "sigprocmask: the failed calls left the mask alone");
}

/*
 * A blocked signal waits in sigpending; sigsuspend with an empty mask
 * lets it in, its handler runs, and sigsuspend returns EINTR with the
 * old mask back.
 */
static void
t_pending_suspend(void)
{
	struct sigaction sa = action(0);
	sigset_t set, pend, empty, now;

	sigaction(SIGUSR1, &sa, NULL);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigemptyset(&empty);
	sigprocmask(SIG_BLOCK, &set, NULL);
	caught = 0;
	raise(SIGUSR1);
	ok(sigpending(&pend) == 0 && sigismember(&pend, SIGUSR1) == 1 &&
	    caught == 0, "sigpending: a blocked signal is pending");
	fails(sigpending(unmapped), EFAULT,
	    "sigpending: EFAULT on an unmapped set");
	fails(sigpending(kernel_addr()), EFAULT,
	    "sigpending: EFAULT on a kernel set");
	fails(sigsuspend(unmapped), EFAULT,
	    "sigsuspend: EFAULT on an unmapped mask, at once");
	fails(sigsuspend(kernel_addr()), EFAULT,
	    "sigsuspend: EFAULT on a kernel mask, at once");
	ok(caught == 0, "sigsuspend: the failed calls let nothing in");
	errno = 0;
	ok(sigsuspend(&empty) == -1 && errno == EINTR && caught == SIGUSR1,
	    "sigsuspend: the pending signal's handler runs, then EINTR");
	ok(sigprocmask(SIG_BLOCK, NULL, &now) == 0 &&
	    sigismember(&now, SIGUSR1) == 1,
	    "sigsuspend: the old mask is back afterwards");
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	signal(SIGUSR1, SIG_DFL);
}

/* Room for any ARCH's signal context, whatever it holds. */
static unsigned char frame[4096] __attribute__((__aligned__(64)));

/* In a child: sigreturn with `frame` filled with `byte`. */
static int
sigreturn_child(int byte)
{
	int status = -1;
	pid_t pid;

	fflush(stdout);
	if ((pid = fork()) == 0) {
		memset(frame, byte, sizeof(frame));
		errno = 0;
		if (__sys_sigreturn(frame) == -1)
			_exit(errno);
		_exit(0);	/* not reached: sigreturn does not return */
	}
	waitpid(pid, &status, 0);
	return (status);
}

static void
t_sigreturn(void)
{
	int status;

	fails(__sys_sigreturn(unmapped), EFAULT,
	    "sigreturn: EFAULT on an unmapped context, and we carry on");
	fails(__sys_sigreturn(kernel_addr()), EFAULT,
	    "sigreturn: EFAULT on a kernel context, and we carry on");
	/* All zeros: pc 0 and stack pointer 0, so the fault kills. */
	status = sigreturn_child(0);
	ok(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV,
	    "sigreturn: a context of zeros (pc 0) ends the process with "
	    "SIGSEGV");
	/*
	 * All ones: on amd64 the pc is not a user address, which the way
	 * back to user mode refuses (SIGSEGV); on i386 the segment
	 * registers are not the user's, which sigreturn refuses (EINVAL).
	 */
	status = sigreturn_child(0xff);
	if (sizeof(void *) == 8)
		ok(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV,
		    "sigreturn: a context of ones (pc in the kernel's half) "
		    "ends the process with SIGSEGV");
	else
		ok(WIFEXITED(status) && WEXITSTATUS(status) == EINVAL,
		    "sigreturn: a context of ones (bad segment registers) is "
		    "EINVAL");
}

int
main(void)
{
	t_kill();
	t_sigaction();
	t_sigprocmask();
	t_pending_suspend();
	t_sigreturn();
	return (done_testing());
}
