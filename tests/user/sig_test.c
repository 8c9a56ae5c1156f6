/*
 * sig_test.c - signals, run inside Vise: handlers and their siginfo,
 * blocking and pending, ignoring, SA_RESETHAND, SA_RESTART and EINTR,
 * kill of sleeping children (SIGKILL ends any interruptible wait),
 * sigsuspend, a fault's handler with its address, SIGPIPE's default,
 * the registers (FPU included) surviving a handler, and the errors.
 * Exits 0 if every check passed; prints each failure to stderr.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int failures;

static void
check(int ok, int line, const char *what)
{
	if (!ok) {
		fprintf(stderr, "sig_test.c:%d: failed: %s\n", line, what);
		failures++;
	}
}

#define CHECK(cond)	check((cond), __LINE__, #cond)

static volatile sig_atomic_t got, got_sig, got_code, got_pid;
static void *volatile got_addr;

static void
on_signal(int sig)
{
	got++;
	got_sig = sig;
}

static void
on_siginfo(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	got++;
	got_sig = sig;
	got_code = si->si_code;
	got_pid = si->si_pid;
	got_addr = si->si_addr;
}

static void
on_segv(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	/* The faulting address and code; no way back to the store. */
	_exit(sig == SIGSEGV && si->si_addr == (void *)16 &&
	    si->si_code == SEGV_MAPERR ? 42 : 1);
}

static void
handle(int sig, void (*fn)(int), int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = fn;
	sa.sa_flags = flags;
	sigemptyset(&sa.sa_mask);
	CHECK(sigaction(sig, &sa, NULL) == 0);
}

/* Fork a child running fn; its wait status. */
static int
child_status(void (*fn)(int), int arg, int sig_to_send, int write_fd)
{
	int status = -1;
	pid_t pid;

	if ((pid = fork()) == 0) {
		fn(arg);
		_exit(0);
	}
	if (pid < 0)
		return (-1);
	if (sig_to_send != 0) {
		/* Let it reach its wait, then signal it. */
		struct timespec ts = { 0, 50 * 1000 * 1000 };

		nanosleep(&ts, NULL);
		CHECK(kill(pid, sig_to_send) == 0);
		if (write_fd >= 0) {
			nanosleep(&ts, NULL);
			CHECK(write(write_fd, "z", 1) == 1);
		}
	}
	CHECK(waitpid(pid, &status, 0) == pid);
	return (status);
}

static int pipefd[2];

static void
read_pipe_child(int restart)
{
	char c;
	ssize_t n;

	handle(SIGUSR1, on_signal, restart ? SA_RESTART : 0);
	close(pipefd[1]);
	n = read(pipefd[0], &c, 1);
	if (restart)
		_exit(n == 1 && c == 'z' && got == 1 ? 0 : 1);
	_exit(n == -1 && errno == EINTR && got == 1 ? 0 : 1);
}

static void
sleep_forever_child(int arg)
{
	sigset_t none;

	(void)arg;
	sigemptyset(&none);
	for (;;)
		sigsuspend(&none);
}

static void
blocked_read_child(int arg)
{
	char c;

	(void)arg;
	close(pipefd[1]);
	(void)read(pipefd[0], &c, 1);	/* only SIGKILL ends this */
	_exit(3);
}

static void
resethand_child(int arg)
{
	(void)arg;
	handle(SIGUSR1, on_signal, SA_RESETHAND);
	raise(SIGUSR1);		/* the handler */
	raise(SIGUSR1);		/* the default: terminate */
	_exit(5);
}

/* Page 0 is never mapped; volatile, so the compiler keeps the store. */
static volatile int *volatile bad_ptr = (volatile int *)16;

static void
segv_child(int arg)
{
	struct sigaction sa;

	(void)arg;
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_segv;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGSEGV, &sa, NULL);
	*bad_ptr = 1;
	_exit(2);
}

static void
sigpipe_child(int arg)
{
	int p[2];

	(void)arg;
	if (pipe(p) != 0)
		_exit(4);
	close(p[0]);
	(void)write(p[1], "x", 1);
	_exit(4);
}

static void
nanosleep_child(int arg)
{
	struct timespec rq = { 10, 0 }, rm = { 0, 0 };
	int r;

	(void)arg;
	handle(SIGUSR1, on_signal, 0);
	r = nanosleep(&rq, &rm);
	_exit(r == -1 && errno == EINTR && rm.tv_sec > 0 && rm.tv_sec < 10 ?
	    0 : 1);
}

int
main(void)
{
	struct sigaction sa, old;
	sigset_t set, pend;
	volatile double x = 1.5;
	int status;

	/* A handler runs at once for raise; siginfo says who sent it. */
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_siginfo;
	sa.sa_flags = SA_SIGINFO;
	CHECK(sigaction(SIGUSR1, &sa, NULL) == 0);
	got = 0;
	x = x * 3.0;
	CHECK(raise(SIGUSR1) == 0);
	CHECK(got == 1 && got_sig == SIGUSR1);
	CHECK(got_code == SI_USER && got_pid == getpid());
	CHECK(x == 4.5);
	CHECK(sigaction(SIGUSR1, NULL, &old) == 0 &&
	    old.sa_sigaction == on_siginfo && (old.sa_flags & SA_SIGINFO));

	/* Blocked: pending until unblocked, then delivered once. */
	handle(SIGUSR2, on_signal, 0);
	got = 0;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	CHECK(sigprocmask(SIG_BLOCK, &set, NULL) == 0);
	CHECK(raise(SIGUSR2) == 0 && raise(SIGUSR2) == 0);
	CHECK(got == 0);
	CHECK(sigpending(&pend) == 0 && sigismember(&pend, SIGUSR2) == 1);
	CHECK(sigprocmask(SIG_UNBLOCK, &set, NULL) == 0);
	CHECK(got == 1 && got_sig == SIGUSR2);

	/* Ignored, explicitly or by default. */
	CHECK(signal(SIGUSR2, SIG_IGN) == on_signal);
	got = 0;
	CHECK(raise(SIGUSR2) == 0 && raise(SIGCHLD) == 0 && got == 0);

	/* SA_RESETHAND: the second one is the default action. */
	status = child_status(resethand_child, 0, 0, -1);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGUSR1);

	/* kill: a default action ends a child waiting in sigsuspend. */
	status = child_status(sleep_forever_child, 0, SIGTERM, -1);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM);

	/* SIGKILL ends a wait even with every other signal blocked. */
	CHECK(pipe(pipefd) == 0);
	sigfillset(&set);
	CHECK(sigprocmask(SIG_SETMASK, &set, NULL) == 0);
	status = child_status(blocked_read_child, 0, SIGKILL, -1);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
	sigemptyset(&set);
	CHECK(sigprocmask(SIG_SETMASK, &set, NULL) == 0);
	close(pipefd[0]);
	close(pipefd[1]);

	/* A handler without SA_RESTART makes a blocked read fail EINTR... */
	CHECK(pipe(pipefd) == 0);
	status = child_status(read_pipe_child, 0, SIGUSR1, pipefd[1]);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	close(pipefd[0]);
	close(pipefd[1]);
	/* ...and with it the read goes on and gets the data. */
	CHECK(pipe(pipefd) == 0);
	status = child_status(read_pipe_child, 1, SIGUSR1, pipefd[1]);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	close(pipefd[0]);
	close(pipefd[1]);

	/* nanosleep ends early with the time left. */
	status = child_status(nanosleep_child, 0, SIGUSR1, -1);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);

	/* A fault's handler gets the address and the code. */
	status = child_status(segv_child, 0, 0, -1);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 42);

	/* Writing to a pipe nobody reads: SIGPIPE's default ends it. */
	status = child_status(sigpipe_child, 0, 0, -1);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGPIPE);

	/* Errors. */
	errno = 0;
	CHECK(kill(99999, 0) == -1 && errno == ESRCH);
	errno = 0;
	CHECK(kill(getpid(), 99) == -1 && errno == EINVAL);
	errno = 0;
	sa.sa_handler = on_signal;
	sa.sa_flags = 0;
	CHECK(sigaction(SIGKILL, &sa, NULL) == -1 && errno == EINVAL);
	errno = 0;
	CHECK(sigaction(0, &sa, NULL) == -1 && errno == EINVAL);
	CHECK(kill(getpid(), 0) == 0);

	if (failures != 0)
		fprintf(stderr, "sig_test: %d checks failed\n", failures);
	return (failures == 0 ? 0 : 1);
}
