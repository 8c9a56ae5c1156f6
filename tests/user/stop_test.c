/*
 * stop_test.c - stopped processes (issue 5, job control), run inside
 * Vise: SIGSTOP cannot be caught or ignored; a stopped child is
 * reported by waitpid(WUNTRACED) once per stop, continued by SIGCONT
 * (WCONTINUED, its handler runs), killed by SIGKILL; it does not run
 * while stopped (a counter in MAP_SHARED memory stands still); a stop
 * in a blocking read leaves the read to finish after SIGCONT; the
 * parent gets SIGCHLD on a stop unless SA_NOCLDSTOP; SIGTSTP, SIGTTIN
 * and SIGTTOU stop by default, not in an orphaned group; an orphaned
 * group with a stopped member gets SIGHUP then SIGCONT; ps's state T.
 * Prints TAP; exits 0 only if every check passed.
 *
 * The checks run in a child that leads a session of its own (the test
 * may be run as init, which gets only signals it catches).  Children
 * that are stopped with SIGTSTP get a group of their own, which is not
 * orphaned: their parent is in another group of the same session.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/sysctl.h>
#include <sys/wait.h>
#include <sys/_kinfo_proc.h>
#include <time.h>
#include <unistd.h>

static int ntest, nfailed;
static volatile unsigned long *counter;	/* MAP_SHARED with the children */

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

static pid_t
wait_for(pid_t pid, int *status, int options)
{
	pid_t r;

	while ((r = waitpid(pid, status, options)) < 0 && errno == EINTR)
		continue;
	return (r);
}

static int
set_handler(int sig, void (*fn)(int), int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = fn;
	sa.sa_flags = flags;
	return (sigaction(sig, &sa, NULL));
}

/* A child that counts in *counter until it is killed. */
static pid_t
spawn_counter(void)
{
	unsigned long start = *counter;
	pid_t pid;
	int i;

	if ((pid = fork()) == 0)
		for (;;)
			(*counter)++;
	/* Until it runs (at most a second). */
	for (i = 0; i < 100 && *counter == start; i++)
		pause_ms(10);
	return (pid);
}

static void on_cont(int);

/* ps's state of process `pid` (KI_STATE_*), or -1. */
static int
ps_state(pid_t pid)
{
	struct kinfo_proc kp[64];
	size_t len = sizeof(kp), i;

	if (sysctlbyname("kern.proc.all", kp, &len, NULL, 0) != 0)
		return (-1);
	for (i = 0; i < len / sizeof(kp[0]); i++)
		if (kp[i].ki_pid == pid)
			return (kp[i].ki_state);
	return (-1);
}

static void
stop_uncatchable(void)
{
	struct sigaction sa, old;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_IGN;
	ok(sigaction(SIGSTOP, &sa, NULL) == -1 && errno == EINVAL,
	    "sigaction(SIGSTOP, SIG_IGN): EINVAL");
	sa.sa_handler = on_cont;
	ok(sigaction(SIGSTOP, &sa, NULL) == -1 && errno == EINVAL,
	    "sigaction(SIGSTOP, handler): EINVAL");
	ok(sigaction(SIGSTOP, NULL, &old) == 0 && old.sa_handler == SIG_DFL,
	    "sigaction(SIGSTOP) reads SIG_DFL");
}

static void
stop_continue_kill(void)
{
	unsigned long c1, c2;
	int status;
	pid_t pid;

	pid = spawn_counter();
	ok(kill(pid, SIGSTOP) == 0, "kill(SIGSTOP) of a running child");
	ok(wait_for(pid, &status, WUNTRACED) == pid && WIFSTOPPED(status) &&
	    WSTOPSIG(status) == SIGSTOP, "WUNTRACED reports it stopped by "
	    "SIGSTOP");
	ok(wait_for(pid, &status, WUNTRACED | WNOHANG) == 0,
	    "the stop is reported once");
	ok(ps_state(pid) == KI_STATE_STOP, "ps shows it stopped (T)");
	c1 = *counter;
	pause_ms(200);
	c2 = *counter;
	ok(c1 == c2, "a stopped child does not run");
	ok(kill(pid, SIGSTOP) == 0 &&
	    wait_for(pid, &status, WUNTRACED | WNOHANG) == 0,
	    "SIGSTOP to a stopped child: no new stop");
	ok(kill(pid, SIGCONT) == 0, "kill(SIGCONT)");
	ok(wait_for(pid, &status, WCONTINUED) == pid && WIFCONTINUED(status) &&
	    !WIFSIGNALED(status) && !WIFSTOPPED(status),
	    "WCONTINUED reports it continued");
	ok(wait_for(pid, &status, WCONTINUED | WNOHANG) == 0,
	    "the continue is reported once");
	pause_ms(100);
	ok(*counter != c2, "a continued child runs again");
	ok(ps_state(pid) == KI_STATE_RUN, "ps shows it running");
	kill(pid, SIGSTOP);
	ok(wait_for(pid, &status, WUNTRACED) == pid && WIFSTOPPED(status),
	    "a second stop is reported again");
	ok(kill(pid, SIGKILL) == 0 && wait_for(pid, &status, WUNTRACED) ==
	    pid && WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
	    "SIGKILL ends a stopped child");
}

static void
stop_in_read(void)
{
	int p[2], status;
	pid_t pid;
	char c;

	if (pipe(p) != 0) {
		ok(0, "pipe");
		return;
	}
	if ((pid = fork()) == 0) {
		close(p[1]);
		_exit(read(p[0], &c, 1) == 1 ? c : 99);
	}
	close(p[0]);
	pause_ms(30);
	kill(pid, SIGSTOP);
	ok(wait_for(pid, &status, WUNTRACED) == pid && WIFSTOPPED(status),
	    "a child blocked in read stops");
	write(p[1], "\7", 1);
	pause_ms(50);
	ok(wait_for(pid, &status, WNOHANG) == 0,
	    "data for its read does not make it run while stopped");
	kill(pid, SIGCONT);
	ok(wait_for(pid, &status, 0) == pid && WIFEXITED(status) &&
	    WEXITSTATUS(status) == 7,
	    "after SIGCONT its read finishes (no EINTR)");
	close(p[1]);
}

static volatile sig_atomic_t chld_count, chld_code, chld_pid;

static void
on_chld(int sig, siginfo_t *si, void *uc)
{
	(void)sig;
	(void)uc;
	chld_count++;
	chld_code = si->si_code;
	chld_pid = si->si_pid;
}

static void
sigchld_on_stop(void)
{
	struct sigaction sa;
	int status, before;
	pid_t pid;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_chld;
	sa.sa_flags = SA_SIGINFO | SA_RESTART;
	sigaction(SIGCHLD, &sa, NULL);
	chld_count = 0;
	pid = spawn_counter();
	kill(pid, SIGSTOP);
	wait_for(pid, &status, WUNTRACED);
	pause_ms(20);
	ok(chld_count == 1 && chld_code == CLD_STOPPED && chld_pid == pid,
	    "SIGCHLD (CLD_STOPPED) to the parent on a stop");
	kill(pid, SIGCONT);
	wait_for(pid, &status, WCONTINUED);
	pause_ms(20);
	ok(chld_count == 2 && chld_code == CLD_CONTINUED,
	    "SIGCHLD (CLD_CONTINUED) on a continue");

	sa.sa_flags |= SA_NOCLDSTOP;
	sigaction(SIGCHLD, &sa, NULL);
	before = chld_count;
	kill(pid, SIGSTOP);
	wait_for(pid, &status, WUNTRACED);
	pause_ms(20);
	ok(chld_count == before, "no SIGCHLD on a stop with SA_NOCLDSTOP");
	kill(pid, SIGKILL);
	wait_for(pid, &status, 0);
	pause_ms(20);
	ok(chld_count == before + 1 && chld_code == CLD_KILLED,
	    "SIGCHLD (CLD_KILLED) on its death all the same");
	signal(SIGCHLD, SIG_DFL);
}

static volatile sig_atomic_t got_cont, got_tstp, got_hup;

static void
on_cont(int sig)
{
	(void)sig;
	got_cont++;
	counter[1]++;		/* for the parent to see */
}

static void
on_tstp(int sig)
{
	(void)sig;
	got_tstp++;
}

static void
on_hup(int sig)
{
	(void)sig;
	got_hup++;
}

/* A child in a group of its own that runs fn, then counts. */
static pid_t
spawn_grouped(void (*fn)(void))
{
	unsigned long start = *counter;
	pid_t pid;
	int i;

	if ((pid = fork()) == 0) {
		setpgid(0, 0);
		if (fn != NULL)
			fn();
		for (;;)
			(*counter)++;
	}
	setpgid(pid, pid);
	for (i = 0; i < 100 && *counter == start; i++)
		pause_ms(10);
	return (pid);
}

static void
catch_cont(void)
{
	set_handler(SIGCONT, on_cont, 0);
}

static void
catch_tstp(void)
{
	set_handler(SIGTSTP, on_tstp, 0);
}

static void
tty_stops(void)
{
	static const int sigs[] = { SIGTSTP, SIGTTIN, SIGTTOU };
	static const char *const names[] = {
		"SIGTSTP stops by default", "SIGTTIN stops by default",
		"SIGTTOU stops by default" };
	int status, i;
	unsigned long c;
	pid_t pid;

	for (i = 0; i < 3; i++) {
		pid = spawn_grouped(NULL);
		kill(pid, sigs[i]);
		ok(wait_for(pid, &status, WUNTRACED) == pid &&
		    WIFSTOPPED(status) && WSTOPSIG(status) == sigs[i],
		    names[i]);
		kill(pid, SIGKILL);
		wait_for(pid, &status, 0);
	}

	/* A caught SIGCONT: the handler runs, and the child goes on. */
	pid = spawn_grouped(catch_cont);
	kill(pid, SIGSTOP);
	wait_for(pid, &status, WUNTRACED);
	c = counter[1];
	kill(pid, SIGCONT);
	wait_for(pid, &status, WCONTINUED);
	pause_ms(50);
	ok(counter[1] == c + 1, "a caught SIGCONT runs its handler");
	c = *counter;
	pause_ms(50);
	ok(*counter != c, "a caught SIGCONT continues the child too");
	kill(pid, SIGKILL);
	wait_for(pid, &status, 0);

	/* A caught SIGTSTP does not stop. */
	pid = spawn_grouped(catch_tstp);
	kill(pid, SIGTSTP);
	pause_ms(50);
	ok(wait_for(pid, &status, WUNTRACED | WNOHANG) == 0,
	    "a caught SIGTSTP does not stop");
	kill(pid, SIGKILL);
	wait_for(pid, &status, 0);
}

/*
 * The session leader's group is orphaned (the leader's parent is in
 * another session), so SIGTSTP to a child in it is discarded.  A child of a middle
 * process stops; when the middle process exits, the child's group is
 * orphaned and gets SIGHUP, then SIGCONT.
 */
static void
orphans(void)
{
	int p[2], status;
	pid_t middle, pid;
	char buf[4] = "";

	if ((pid = fork()) == 0) {
		kill(getpid(), SIGTSTP);
		_exit(0);
	}
	ok(wait_for(pid, &status, WUNTRACED) == pid && WIFEXITED(status),
	    "SIGTSTP to a member of an orphaned group is discarded");
	if (WIFSTOPPED(status)) {
		kill(pid, SIGKILL);
		wait_for(pid, &status, 0);
	}
	if (pipe(p) != 0) {
		ok(0, "pipe");
		return;
	}
	if ((middle = fork()) == 0) {
		if ((pid = fork()) == 0) {
			setpgid(0, 0);
			set_handler(SIGHUP, on_hup, 0);
			set_handler(SIGCONT, on_cont, 0);
			got_hup = got_cont = 0;
			kill(getpid(), SIGSTOP);
			/* Here after SIGCONT, the handlers have run. */
			buf[0] = got_hup ? 'H' : 'h';
			buf[1] = got_cont ? 'C' : 'c';
			write(p[1], buf, 2);
			_exit(0);
		}
		setpgid(pid, pid);
		if (wait_for(pid, &status, WUNTRACED) != pid ||
		    !WIFSTOPPED(status))
			_exit(1);
		_exit(0);		/* orphans the stopped child's group */
	}
	close(p[1]);
	ok(wait_for(middle, &status, 0) == middle && WIFEXITED(status) &&
	    WEXITSTATUS(status) == 0, "the middle process saw its child stop");
	ok(read(p[0], buf, 2) == 2 && buf[0] == 'H' && buf[1] == 'C',
	    "an orphaned group with a stopped member gets SIGHUP and SIGCONT");
	close(p[0]);
}

static void
run(void)
{
	if (setsid() < 0) {
		printf("Bail out! setsid: %s\n", strerror(errno));
		exit(1);
	}
	counter = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
	    MAP_SHARED | MAP_ANON, -1, 0);
	if (counter == MAP_FAILED) {
		printf("Bail out! mmap: %s\n", strerror(errno));
		exit(1);
	}
	stop_uncatchable();
	stop_continue_kill();
	stop_in_read();
	sigchld_on_stop();
	tty_stops();
	orphans();
	printf("1..%d\n", ntest);
	fflush(stdout);
	exit(nfailed == 0 ? 0 : 1);
}

int
main(void)
{
	int status;
	pid_t pid;

	if ((pid = fork()) == 0)
		run();
	if (pid < 0 || wait_for(pid, &status, 0) != pid) {
		printf("Bail out! fork or wait failed\n");
		return (1);
	}
	return (WIFEXITED(status) ? WEXITSTATUS(status) : 1);
}
