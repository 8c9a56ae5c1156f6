/*
 * pgrp_test.c - process groups and sessions (issue 5, job control),
 * run inside Vise: getpgrp/getpgid/getsid, the errors of setpgid and
 * setsid, fork's child in its parent's group, kill to a group (every
 * member and no one else), waitpid(0) and waitpid(-pgid).  Prints TAP;
 * exits 0 only if every check passed.
 *
 * The checks run in a child, which first leads a session of its own:
 * the test may be run as init, which gets only signals it catches.
 * With an argument "exec-wait" it is the program a child execs (to see
 * setpgid's EACCES): it writes one byte and reads its input to the end.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int ntest, nfailed;

static void
ok(int cond, const char *name)
{
	ntest++;
	if (!cond)
		nfailed++;
	printf("%sok %d - job control: %s\n", cond ? "" : "not ", ntest,
	    name);
	fflush(stdout);
}

static void
pause_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

/* A child that waits for signals until killed. */
static pid_t
spawn_sleeper(void)
{
	sigset_t none;
	pid_t pid;

	if ((pid = fork()) == 0) {
		sigemptyset(&none);
		for (;;)
			sigsuspend(&none);
	}
	return (pid);
}

/* waitpid that goes on after a signal; the pid or -1. */
static pid_t
wait_for(pid_t pid, int *status, int options)
{
	pid_t r;

	while ((r = waitpid(pid, status, options)) < 0 && errno == EINTR)
		continue;
	return (r);
}

/* Whether `pid` ended by signal `sig` (and is reaped). */
static int
killed_by(pid_t pid, int sig)
{
	int status;

	return (wait_for(pid, &status, 0) == pid && WIFSIGNALED(status) &&
	    WTERMSIG(status) == sig);
}

static void
ids(void)
{
	pid_t me = getpid();

	ok(getpgrp() == getpgid(0) && getpgid(me) == getpgrp(),
	    "getpgrp, getpgid(0) and getpgid(getpid()) agree");
	ok(getsid(0) == me && getpgrp() == me,
	    "after setsid the caller leads its session and group");
	ok(getpgid(99998) == -1 && errno == ESRCH,
	    "getpgid of no process: ESRCH");
	ok(getsid(99998) == -1 && errno == ESRCH,
	    "getsid of no process: ESRCH");
	ok(setsid() == -1 && errno == EPERM,
	    "setsid by a group leader: EPERM");
	ok(setpgid(0, me) == -1 && errno == EPERM,
	    "setpgid of a session leader: EPERM");
}

static void
setpgid_errors(void)
{
	pid_t a, b;
	int status;

	ok(setpgid(0, -1) == -1 && errno == EINVAL,
	    "setpgid with pgid < 0: EINVAL");
	ok(setpgid(99998, 0) == -1 && errno == ESRCH,
	    "setpgid of no process: ESRCH");
	ok(setpgid(getppid(), 0) == -1 && errno == ESRCH,
	    "setpgid of a process that is not a child: ESRCH");
	a = spawn_sleeper();
	ok(a > 0 && getpgid(a) == getpgrp(),
	    "fork's child is in its parent's group");
	ok(setpgid(a, 99998) == -1 && errno == EPERM,
	    "setpgid into a group that does not exist: EPERM");
	ok(setpgid(a, 0) == 0 && getpgid(a) == a,
	    "setpgid(child, 0): the child leads a new group");
	ok(setpgid(a, a) == 0 && getpgid(a) == a,
	    "setpgid into the group it is in: no change");
	b = spawn_sleeper();
	ok(setpgid(b, a) == 0 && getpgid(b) == a && getsid(b) == getpid(),
	    "setpgid into another group of the session");
	ok(setpgid(b, getpgrp()) == 0 && getpgid(b) == getpgrp(),
	    "setpgid back into the parent's group");
	kill(a, SIGKILL);
	kill(b, SIGKILL);
	ok(killed_by(a, SIGKILL) && killed_by(b, SIGKILL),
	    "the sleepers are killed");

	/* A child in another session. */
	if ((a = fork()) == 0) {
		setsid();
		pause_ms(200);
		_exit(0);
	}
	pause_ms(50);
	ok(getsid(a) == a, "getsid of a child that called setsid");
	ok(setpgid(a, a) == -1 && errno == EPERM,
	    "setpgid of a child in another session: EPERM");
	ok(setpgid(0, a) == -1 && errno == EPERM,
	    "setpgid into a group of another session: EPERM");
	ok(wait_for(a, &status, 0) == a && WIFEXITED(status),
	    "that child exits");
}

/* Exec this program again (where the test may have been put). */
static void
exec_self(const char *self)
{
	static const char *const paths[] = { "/tests/pgrp_test",
	    "/ktest/tests/pgrp_test" };
	char *argv[] = { "pgrp_test", "exec-wait", NULL };
	size_t i;

	if (strchr(self, '/') != NULL)
		execve(self, argv, environ);
	for (i = 0; i < sizeof(paths) / sizeof(paths[0]); i++)
		execve(paths[i], argv, environ);
}

static void
setpgid_after_exec(const char *self)
{
	int in[2], out[2], status;
	pid_t pid;
	char c = 0;

	if (pipe(in) != 0 || pipe(out) != 0) {
		ok(0, "pipes for the exec test");
		return;
	}
	if ((pid = fork()) == 0) {
		dup2(in[0], 0);
		dup2(out[1], 1);
		close(in[0]);
		close(in[1]);
		close(out[0]);
		close(out[1]);
		exec_self(self);
		_exit(127);
	}
	close(in[0]);
	close(out[1]);
	ok(read(out[0], &c, 1) == 1 && c == 'x', "the child has exec'd");
	ok(setpgid(pid, pid) == -1 && errno == EACCES,
	    "setpgid of a child that has exec'd: EACCES");
	close(in[1]);
	close(out[0]);
	ok(wait_for(pid, &status, 0) == pid && WIFEXITED(status) &&
	    WEXITSTATUS(status) == 0, "the exec'd child exits 0");
}

static void
kill_group(void)
{
	pid_t a1, a2, other, p;
	int status;

	a1 = spawn_sleeper();
	a2 = spawn_sleeper();
	other = spawn_sleeper();
	setpgid(a1, a1);
	setpgid(a2, a1);
	setpgid(other, other);
	ok(kill(-a1, SIGTERM) == 0, "kill(-pgid) of a group");
	ok(killed_by(a1, SIGTERM) && killed_by(a2, SIGTERM),
	    "kill(-pgid) reaches every member");
	pause_ms(30);
	ok(wait_for(other, &status, WNOHANG) == 0,
	    "kill(-pgid) reaches no one else");
	ok(kill(-a1, 0) == -1 && errno == ESRCH,
	    "kill of a group that is gone: ESRCH");
	ok(killpg(other, SIGTERM) == 0 && killed_by(other, SIGTERM),
	    "killpg");

	/* kill(0): the caller's own group, the caller included. */
	if ((p = fork()) == 0) {
		setpgid(0, 0);
		a1 = spawn_sleeper();
		a2 = spawn_sleeper();
		signal(SIGUSR1, SIG_IGN);
		if (kill(0, SIGUSR1) != 0)
			_exit(1);
		_exit(killed_by(a1, SIGUSR1) && killed_by(a2, SIGUSR1) ?
		    0 : 2);
	}
	ok(wait_for(p, &status, 0) == p && WIFEXITED(status) &&
	    WEXITSTATUS(status) == 0, "kill(0) reaches the caller's group");
}

static void
wait_group(void)
{
	pid_t inside, outside, p;
	int status;

	/* A process with a group of its own waits for its children. */
	if ((p = fork()) == 0) {
		setpgid(0, 0);
		if ((outside = fork()) == 0) {
			setpgid(0, 0);
			_exit(20);
		}
		setpgid(outside, outside);
		if ((inside = fork()) == 0) {
			pause_ms(50);
			_exit(10);
		}
		pause_ms(20);		/* outside has ended: a zombie */
		if (wait_for(0, &status, 0) != inside ||
		    WEXITSTATUS(status) != 10)
			_exit(1);
		if (wait_for(0, &status, WNOHANG) != -1 || errno != ECHILD)
			_exit(2);
		if (wait_for(-outside, &status, 0) != outside ||
		    WEXITSTATUS(status) != 20)
			_exit(3);
		if (wait_for(-outside, &status, 0) != -1 || errno != ECHILD)
			_exit(4);
		_exit(0);
	}
	ok(wait_for(p, &status, 0) == p && WIFEXITED(status),
	    "the waitpid(0) test ran");
	ok(WEXITSTATUS(status) != 1,
	    "waitpid(0) waits for a child of the caller's group only");
	ok(WEXITSTATUS(status) != 2,
	    "waitpid(0) with no child in the group: ECHILD");
	ok(WEXITSTATUS(status) != 3,
	    "waitpid(-pgid) reaps a zombie of that group");
	ok(WEXITSTATUS(status) != 4,
	    "waitpid(-pgid) of a group without children: ECHILD");
}

/* The checks, in a session of their own. */
static void
run(const char *self)
{
	if (setsid() < 0) {
		printf("Bail out! setsid: %s\n", strerror(errno));
		exit(1);
	}
	ids();
	setpgid_errors();
	setpgid_after_exec(self);
	kill_group();
	wait_group();
	printf("1..%d\n", ntest);
	fflush(stdout);
	exit(nfailed == 0 ? 0 : 1);
}

int
main(int argc, char **argv)
{
	int status;
	pid_t pid;
	char c;

	if (argc == 2 && strcmp(argv[1], "exec-wait") == 0) {
		if (write(1, "x", 1) != 1)
			return (1);
		while (read(0, &c, 1) > 0)
			continue;
		return (0);
	}
	if ((pid = fork()) == 0)
		run(argc > 0 ? argv[0] : "");
	if (pid < 0 || wait_for(pid, &status, 0) != pid) {
		printf("Bail out! fork or wait failed\n");
		return (1);
	}
	return (WIFEXITED(status) ? WEXITSTATUS(status) : 1);
}
