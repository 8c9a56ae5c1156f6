/*
 * pfault_test.c - a page fault that finds no page, and SIGKILL ending
 * every wait user activity can cause (issue 8; SEMANTICS R66a, R67,
 * R68, R73's fault-path rate limit; docs/exhaustion.md).
 *
 * The shortage is made with the fault-injection knob
 * debug.inject.page_alloc_fail aimed at one child (debug.inject.pid):
 * that child's NORMAL page allocations fail, as when memory is short,
 * while everybody else's go on.  Where a child waits is read from
 * kern.proc.pid.<pid> (ki_wmesg of its first thread): "pfault" is
 * vm_waitpfault, "vmmaps" the wait for an entry in transition.  Every
 * wait for a state is bounded in guest time (nanosleep: QEMU runs with
 * icount), and knobs and sysctls are put back after each case.
 *
 * Runs as root (the knobs and the vm.* sysctls are root's).
 */
#include <errno.h>
#include <pthread.h>
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

#include "lib/utest.h"

#define PAGE	4096UL
#define TICK_MS	10		/* polling step */

/* Touchers protect themselves from the OOM killer (t_oom_asks). */
static int protect;

static void
msleep(int ms)
{
	struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

/* The R67 tunables as they were, to be put back. */
static int save_attempts, save_wait, save_secs;

static void
tunables_save(void)
{
	save_attempts = sysctl_int("vm.pfault_oom_attempts");
	save_wait = sysctl_int("vm.pfault_oom_wait");
	save_secs = sysctl_int("vm.oom_pf_secs");
}

static void
tunables_set(int attempts, int wait, int secs)
{
	CHECK(sysctl_int_set("vm.pfault_oom_attempts", attempts) == 0);
	CHECK(sysctl_int_set("vm.pfault_oom_wait", wait) == 0);
	CHECK(sysctl_int_set("vm.oom_pf_secs", secs) == 0);
}

static void
knobs_off(void)
{
	(void)sysctl_int_set("debug.inject.page_alloc_fail", 0);
	(void)sysctl_int_set("debug.inject.page_alloc_skip", 0);
	(void)sysctl_int_set("debug.inject.wire_delay_ms", 0);
	(void)sysctl_int_set("debug.inject.pid", 0);
}

static void
restore(void)
{
	knobs_off();
	(void)sysctl_int_set("vm.pfault_oom_attempts", save_attempts);
	(void)sysctl_int_set("vm.pfault_oom_wait", save_wait);
	(void)sysctl_int_set("vm.oom_pf_secs", save_secs);
}

/* What the first thread of `pid` sleeps on into buf ("" if running). */
static int
wmesg(pid_t pid, char *buf, size_t len)
{
	struct kinfo_proc ki;
	char name[64];
	size_t klen = sizeof(ki);

	snprintf(name, sizeof(name), "kern.proc.pid.%d", (int)pid);
	if (sysctlbyname(name, &ki, &klen, NULL, 0) != 0)
		return (-1);
	snprintf(buf, len, "%s", ki.ki_wmesg);
	return (0);
}

/* Poll until `pid` sleeps on `want`, at most `ms` of guest time. */
static int
wait_wmesg(pid_t pid, const char *want, int ms)
{
	char buf[32] = "";
	int t;

	for (t = 0; t <= ms; t += TICK_MS) {
		if (wmesg(pid, buf, sizeof(buf)) == 0 &&
		    strcmp(buf, want) == 0)
			return (1);
		msleep(TICK_MS);
	}
	printf("# pid %d sleeps on \"%s\", not \"%s\"\n", (int)pid, buf,
	    want);
	return (0);
}

/*
 * Reap `pid` if it exits within `ms` of guest time: 1 and its status;
 * else 0 (it is then killed and reaped, so nothing is left behind).
 */
static int
wait_exit(pid_t pid, int ms, int *status)
{
	int t;

	for (t = 0; t <= ms; t += TICK_MS) {
		if (waitpid(pid, status, WNOHANG) == pid)
			return (1);
		msleep(TICK_MS);
	}
	kill(pid, SIGKILL);
	(void)waitpid(pid, status, 0);
	return (0);
}

/*
 * A child that waits for a byte on `go`, then writes to a page it has
 * never touched (a zero-fill fault that needs a new page) and exits 0
 * if the write stuck.  With `lockpages`, it mlocks that many pages of
 * its own first and says so with a byte on `ready`.
 */
static pid_t
toucher(int go, int ready, int lockpages)
{
	volatile char *p, *l;
	char c;
	pid_t pid;

	fflush(stdout);
	if ((pid = fork()) != 0)
		return (pid);
	if (lockpages > 0) {
		l = mmap(NULL, lockpages * PAGE, PROT_READ | PROT_WRITE,
		    MAP_ANON | MAP_PRIVATE, -1, 0);
		if (l == MAP_FAILED || mlock((void *)l, lockpages * PAGE) != 0)
			_exit(3);
	}
	p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_ANON | MAP_PRIVATE,
	    -1, 0);
	if (p == MAP_FAILED)
		_exit(3);
	c = 'r';
	if (ready >= 0 && write(ready, &c, 1) != 1)
		_exit(3);
	if (read(go, &c, 1) != 1)
		_exit(3);
	if (protect)
		(void)madvise(NULL, 0, MADV_PROTECT);
	p[0] = 7;
	_exit(p[0] == 7 ? 0 : 2);
}

/* Start a toucher and put it in a shortage; 0 and its pid, or -1. */
static int
short_toucher(pid_t *pidp, int lockpages)
{
	int go[2], ready[2];
	char c;
	pid_t pid;

	if (pipe(go) != 0 || pipe(ready) != 0)
		return (-1);
	pid = toucher(go[0], ready[1], lockpages);
	close(go[0]);
	close(ready[1]);
	if (pid < 0 || read(ready[0], &c, 1) != 1) {
		close(go[1]);
		close(ready[0]);
		return (-1);
	}
	close(ready[0]);
	CHECK(sysctl_int_set("debug.inject.pid", pid) == 0);
	CHECK(sysctl_int_set("debug.inject.page_alloc_fail", 1000000000) == 0);
	c = 'g';
	CHECK(write(go[1], &c, 1) == 1);
	close(go[1]);
	*pidp = pid;
	return (0);
}

/* R67: the fault waits (no SIGBUS), and completes when pages return. */
static void
t_wait_then_complete(void)
{
	int status = 0, blocked, done;
	pid_t pid;

	tunables_set(-1, 1, 10);		/* no OOM request here */
	if (short_toucher(&pid, 0) != 0) {
		ok(0, "R67 a faulting child blocks (setup)");
		restore();
		return;
	}
	blocked = wait_wmesg(pid, "pfault", 3000);
	msleep(500);
	blocked = blocked && waitpid(pid, &status, WNOHANG) == 0;
	ok(blocked, "R67 a fault with no page waits for free pages "
	    "(vm_waitpfault), no SIGBUS");
	CHECK(sysctl_int_set("debug.inject.page_alloc_fail", 0) == 0);
	done = wait_exit(pid, 2000, &status);
	ok(done && WIFEXITED(status) && WEXITSTATUS(status) == 0,
	    "R67 once allocations succeed again the fault restarts from the "
	    "lookup and completes (within 2 s of guest time)");
	if (done && !WIFEXITED(status))
		printf("# killed by signal %d\n", WTERMSIG(status));
	restore();
}

/* R68: SIGKILL ends the wait; the child dies, its wired memory returns. */
static void
t_kill_waiting(void)
{
	unsigned long u0 = uwire(), w0 = pwire(), wired;
	int status = 0, done;
	pid_t pid;

	tunables_set(-1, 10, 10);	/* a long wait: only the kill ends it */
	if (short_toucher(&pid, 8) != 0) {
		ok(0, "R68 a faulting child blocks (setup)");
		restore();
		return;
	}
	wired = pwire() - w0;
	ok(wait_wmesg(pid, "pfault", 3000) && wired == 8,
	    "R68 a child with 8 mlocked pages waits for a page");
	kill(pid, SIGKILL);
	done = wait_exit(pid, 1000, &status);
	ok(done && WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
	    "R68 SIGKILL ends the wait for pages: the child dies within 1 s "
	    "of guest time (allocating from the SYSTEM reserve)");
	restore();
	ok(uwire() == u0 && pwire() == w0,
	    "R68 R46 its memory, wired memory included, comes back");
}

/*
 * R66a: a fault that waits is not a SIGBUS, however long the shortage;
 * nothing but the wait reaches user mode (the restart codes stay in
 * vm_fault).  Here several pfault_oom_wait periods pass.
 */
static void
t_no_sigbus(void)
{
	int status = 0, done, sleeping;
	pid_t pid;

	tunables_set(-1, 1, 10);
	if (short_toucher(&pid, 0) != 0) {
		ok(0, "R66a setup");
		restore();
		return;
	}
	sleeping = wait_wmesg(pid, "pfault", 3000);
	msleep(2500);			/* more than two waits of 1 s */
	sleeping = sleeping && wait_wmesg(pid, "pfault", 1000);
	CHECK(sysctl_int_set("debug.inject.page_alloc_fail", 0) == 0);
	done = wait_exit(pid, 2000, &status);
	ok(sleeping && done && WIFEXITED(status) &&
	    WEXITSTATUS(status) == 0, "R66a a shortage that outlasts "
	    "several waits never reaches the program as SIGBUS/BUS_OOMERR");
	restore();
}

/*
 * R67, R73: a fault failing for attempts x wait seconds asks the OOM
 * killer; asks from the fault path are rate limited by vm.oom_pf_secs.
 * The shortage is injected (memory is plentiful), so the OOM killer's
 * answer would be to kill the largest process there is: this test or
 * its toucher.  Both are protected (MADV_PROTECT) while it runs, so
 * each round finds no victim and only the asks are counted.
 * One second per period here: without a limit a 2.5 s shortage asks
 * about twice; with a 3 s window a 3.5 s shortage (three periods)
 * asks exactly once.
 */
static unsigned long
asks_during(int ms)
{
	unsigned long a0 = sysctl_ulong("vm.stats.vm.v_pfault_oom_asks");
	int status = 0;
	pid_t pid;

	if (short_toucher(&pid, 0) != 0)
		return ((unsigned long)-1);
	msleep(ms);
	CHECK(sysctl_int_set("debug.inject.page_alloc_fail", 0) == 0);
	if (!wait_exit(pid, 2000, &status) || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0)
		printf("# the toucher did not complete (status %#x)\n",
		    status);
	knobs_off();
	return (sysctl_ulong("vm.stats.vm.v_pfault_oom_asks") - a0);
}

static void
t_oom_asks(void)
{
	unsigned long n;

	CHECK(madvise(NULL, 0, MADV_PROTECT) == 0);
	protect = 1;
	tunables_set(1, 1, 0);
	n = asks_during(2500);
	ok(n >= 1 && n <= 3, "R67 a fault failing for pfault_oom_attempts x "
	    "pfault_oom_wait seconds asks the OOM killer (1 s periods, "
	    "no rate limit: about one ask a second)");
	if (n < 1 || n > 3)
		printf("# %lu asks in 2.5 s\n", n);
	tunables_set(1, 1, 3);
	msleep(3200);			/* the window of the asks above ends */
	n = asks_during(3500);
	ok(n == 1, "R73 vm.oom_pf_secs: one OOM request per window from the "
	    "fault path (3 periods of 1 s in a 3 s window: one ask)");
	if (n != 1)
		printf("# %lu asks in 3.5 s\n", n);
	protect = 0;
	restore();
}

/*
 * A real shortage, no knob: a hog touches memory until the free count
 * is below severe, where its faults stop at the gate and wait.  A
 * second child's fault waits too.  Killing the hog frees its memory;
 * the free that takes the count back over free_min wakes the waiting
 * fault, which completes long before its 10 s wait would end (R67's
 * wake-up), and the hog's kill itself ends its own wait (R68).
 */
static void
t_real_shortage(void)
{
	int go[2], status = 0, hog_waits, done, locked;
	pid_t hog, victim;
	char c = 'g', *p;
	size_t i, chunk = 64UL << 20;

	tunables_set(-1, 10, 10);	/* long waits, no OOM request */
	/*
	 * This process must not need a page below severe, or it would
	 * wait too: its pages are wired (fork then copies them for the
	 * children at once instead of sharing them copy-on-write, R48).
	 */
	locked = mlockall(MCL_CURRENT) == 0;
	if (!locked || pipe(go) != 0) {
		ok(0, "R67 real shortage (setup: mlockall, pipe)");
		restore();
		return;
	}
	victim = toucher(go[0], -1, 0);
	close(go[0]);
	fflush(stdout);
	if ((hog = fork()) == 0) {
		for (;;) {
			p = mmap(NULL, chunk, PROT_READ | PROT_WRITE,
			    MAP_ANON | MAP_PRIVATE, -1, 0);
			if (p == MAP_FAILED)
				_exit(3);
			for (i = 0; i < chunk; i += PAGE)
				p[i] = 1;
		}
	}
	hog_waits = wait_wmesg(hog, "pfault", 20000);
	/* free_severe is under 1% of the pages (docs/architecture.md). */
	ok(hog_waits && sysctl_ulong("vm.stats.vm.v_free_count") <
	    sysctl_ulong("vm.stats.vm.v_page_count") / 50, "R67 a hog "
	    "touching memory stops at the severe gate and waits (pfault), "
	    "no SIGBUS");
	CHECK(write(go[1], &c, 1) == 1);
	close(go[1]);
	ok(victim > 0 && wait_wmesg(victim, "pfault", 3000),
	    "R67 below severe another process's fault waits too");
	kill(hog, SIGKILL);
	done = wait_exit(hog, 1000, &status);
	ok(done && WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
	    "R68 SIGKILL ends the hog's wait: it dies within 1 s");
	done = victim > 0 && wait_exit(victim, 1000, &status);
	ok(done && WIFEXITED(status) && WEXITSTATUS(status) == 0,
	    "R67 the memory the hog gave back wakes the waiting fault: it "
	    "completes within 1 s, not at the end of its 10 s wait");
	CHECK(munlockall() == 0);
	restore();
}

/* ---- wiring loops and entries in transition ---- */

static volatile char *region;
static size_t region_len;

static void *
locker(void *arg)
{
	(void)arg;
	(void)mlock((void *)region, region_len);
	return (NULL);
}

/*
 * R68: a slow mlock (debug.inject.wire_delay_ms) killed in its fault
 * loop: the process dies at once and every page wiring is undone.
 */
static void
t_kill_mlock(void)
{
	unsigned long u0 = uwire(), w0 = pwire();
	int status = 0, done, t, started = 0;
	pid_t pid;

	fflush(stdout);
	if ((pid = fork()) == 0) {
		region_len = 64 * PAGE;
		region = mmap(NULL, region_len, PROT_READ | PROT_WRITE,
		    MAP_ANON | MAP_PRIVATE, -1, 0);
		if (sysctl_int_set("debug.inject.pid", getpid()) != 0 ||
		    sysctl_int_set("debug.inject.wire_delay_ms", 100) != 0)
			_exit(3);
		(void)mlock((void *)region, region_len);
		_exit(0);
	}
	for (t = 0; t < 3000 && !started; t += TICK_MS) {
		started = pwire() - w0 >= 2;
		msleep(TICK_MS);
	}
	ok(started && pwire() - w0 < 64, "R68 a slow mlock of 64 pages is in "
	    "its fault loop");
	kill(pid, SIGKILL);
	done = wait_exit(pid, 500, &status);
	ok(done && WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
	    "R68 SIGKILL ends a long mlock: the child dies within 0.5 s of "
	    "guest time");
	knobs_off();
	ok(uwire() == u0 && pwire() == w0, "R3 R68 the killed mlock is "
	    "undone: user-wire count and page wirings back");
}

static volatile int usr1_seen;

static void
on_usr1(int sig)
{
	(void)sig;
	usr1_seen = 1;
}

/*
 * A caught signal is not a kill: it does not stop mlock (the choice
 * of docs/exhaustion.md); mlock returns 0 with every page wired.
 */
static void
t_signal_mlock(void)
{
	unsigned long w0 = pwire();
	int status = 0, done, t, started = 0;
	pid_t pid;

	fflush(stdout);
	if ((pid = fork()) == 0) {
		int rv;

		signal(SIGUSR1, on_usr1);
		region_len = 32 * PAGE;
		region = mmap(NULL, region_len, PROT_READ | PROT_WRITE,
		    MAP_ANON | MAP_PRIVATE, -1, 0);
		if (sysctl_int_set("debug.inject.pid", getpid()) != 0 ||
		    sysctl_int_set("debug.inject.wire_delay_ms", 50) != 0)
			_exit(3);
		rv = mlock((void *)region, region_len);
		_exit(rv == 0 && usr1_seen && pwire() - w0 == 32 ? 0 : 4);
	}
	for (t = 0; t < 3000 && !started; t += TICK_MS) {
		started = pwire() - w0 >= 2;
		msleep(TICK_MS);
	}
	kill(pid, SIGUSR1);
	done = wait_exit(pid, 5000, &status);
	ok(started && done && WIFEXITED(status) && WEXITSTATUS(status) == 0,
	    "R68 a caught signal (not SIGKILL) does not abort a slow mlock: "
	    "it returns 0 with all 32 pages wired");
	knobs_off();
}

/*
 * R68, R44: a thread faulting on an entry another thread is wiring
 * waits for the transition ("vmmaps"); SIGKILL ends that wait too,
 * and the process dies with its wiring undone.
 */
static void
t_kill_transition(void)
{
	unsigned long u0 = uwire(), w0 = pwire();
	int status = 0, done, waiting;
	pid_t pid;

	fflush(stdout);
	if ((pid = fork()) == 0) {
		pthread_t th;

		region_len = 64 * PAGE;
		region = mmap(NULL, region_len, PROT_READ | PROT_WRITE,
		    MAP_ANON | MAP_PRIVATE, -1, 0);
		if (sysctl_int_set("debug.inject.pid", getpid()) != 0 ||
		    sysctl_int_set("debug.inject.wire_delay_ms", 100) != 0 ||
		    pthread_create(&th, NULL, locker, NULL) != 0)
			_exit(3);
		msleep(300);		/* the locker is a few pages in */
		region[region_len - PAGE] = 1;	/* a page it has not reached */
		_exit(0);
	}
	waiting = wait_wmesg(pid, "vmmaps", 3000);
	ok(waiting, "R44 a fault on an entry in transition waits for it");
	kill(pid, SIGKILL);
	done = wait_exit(pid, 1000, &status);
	ok(done && WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
	    "R68 SIGKILL ends the wait for an entry in transition: the "
	    "process dies within 1 s of guest time");
	knobs_off();
	ok(uwire() == u0 && pwire() == w0, "R68 R46 its wirings are undone");
}

int
main(void)
{
	tunables_save();
	printf("# pfault_oom_attempts %d, pfault_oom_wait %d, oom_pf_secs "
	    "%d\n", save_attempts, save_wait, save_secs);
	ok(save_attempts == 3 && save_wait == 10 && save_secs == 10,
	    "R67 vm.pfault_oom_attempts 3, vm.pfault_oom_wait 10, "
	    "vm.oom_pf_secs 10 at boot");
	t_wait_then_complete();
	t_kill_waiting();
	t_no_sigbus();
	t_oom_asks();
	t_real_shortage();
	t_kill_mlock();
	t_signal_mlock();
	t_kill_transition();
	restore();
	return (done_testing());
}
