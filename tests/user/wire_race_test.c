/*
 * wire_race_test.c - wiring against other threads of the same process
 * (issue 7, SEMANTICS 2.G) and wiring failures made on purpose, with
 * the fault-injection knobs of vm/vm_inject.c (debug.inject.*):
 *
 *  - debug.inject.wire_delay_ms makes the wiring fault loop sleep
 *    before each page, with the map unlocked: while thread A mlocks,
 *    the main thread sees the range in transition (kern.proc.vmmap) and
 *    then munlocks, munmaps, mprotects, reads, minherits or forks
 *    (R40-R44); mlockall against a new mapping (R38); a bounded stress
 *    of four threads on one region (R41): a fixed number of rounds of
 *    mlock, munlock, munmap, mmap(MAP_FIXED) and a read of the region
 *    through write(2) to a pipe (EFAULT if it is gone, never a signal);
 *  - debug.inject.pager_error and debug.inject.page_alloc_fail make a
 *    fault of the wiring fail (R7, R39, R3).
 *
 * Each case runs in a child of its own (run_in_child), which points
 * debug.inject.pid at itself so that no other process is touched, and
 * every knob is put back to 0 after it.  The waits are for states seen
 * in kern.proc.vmmap, never for a time; the delay only makes the
 * windows wide.  Runs as root (the knobs are root's).
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/_kinfo_vmentry.h>
#include <sys/mman.h>
#include <sys/sysctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lib/utest.h"

#define PAGE		4096UL
#define NPAGES		16		/* the range thread A wires */
#define DELAY_MS	20		/* per page: ~300 ms a wiring */
#define MAXENT		256
#define POLLS		200000		/* vmmap reads before giving up */

static const char *const knobs[] = {
	"debug.inject.wire_delay_ms", "debug.inject.page_alloc_skip",
	"debug.inject.page_alloc_fail", "debug.inject.pager_error_skip",
	"debug.inject.pager_error", "debug.inject.pid",
};

static void
knobs_off(void)
{
	size_t i;

	for (i = 0; i < sizeof(knobs) / sizeof(knobs[0]); i++)
		(void)sysctl_int_set(knobs[i], 0);
}

/* Aim the knobs at this process only. */
static void
knobs_mine(void)
{
	knobs_off();
	CHECK(sysctl_int_set("debug.inject.pid", getpid()) == 0);
}

static struct kinfo_vmentry kve[MAXENT];

/* This process's map into kve[]; the number of entries (-1: error). */
static int
vmmap(void)
{
	size_t len = sizeof(kve);

	if (sysctlbyname("kern.proc.vmmap", kve, &len, NULL, 0) != 0)
		return (-1);
	return ((int)(len / sizeof(kve[0])));
}

/* The entry holding `addr` (copied), or kve_end == 0 if none. */
static struct kinfo_vmentry
entry_at(const void *addr)
{
	struct kinfo_vmentry none;
	unsigned long long a = (unsigned long)addr;
	int i, n = vmmap();

	for (i = 0; i < n; i++)
		if (kve[i].kve_start <= a && a < kve[i].kve_end)
			return (kve[i]);
	memset(&none, 0, sizeof(none));
	return (none);
}

/*
 * Over [addr, addr + len): count entries in transition, the pages of
 * user-wired entries, and whether every mapped page has wired count
 * `wc` (-1: do not check).  Returns the entries in transition.
 */
static int
range_state(const void *addr, size_t len, int wc, unsigned long *uwpages,
    int *wc_ok)
{
	unsigned long long a = (unsigned long)addr, e = a + len, s0, e0;
	int i, n = vmmap(), busy = 0;

	if (uwpages != NULL)
		*uwpages = 0;
	if (wc_ok != NULL)
		*wc_ok = n > 0;
	for (i = 0; i < n; i++) {
		if (kve[i].kve_end <= a || kve[i].kve_start >= e)
			continue;
		s0 = kve[i].kve_start > a ? kve[i].kve_start : a;
		e0 = kve[i].kve_end < e ? kve[i].kve_end : e;
		if ((kve[i].kve_flags & KVME_FLAG_IN_TRANSITION) != 0)
			busy++;
		if (uwpages != NULL &&
		    (kve[i].kve_flags & KVME_FLAG_USER_WIRED) != 0)
			*uwpages += (unsigned long)((e0 - s0) / PAGE);
		if (wc_ok != NULL && wc >= 0 && kve[i].kve_wired_count != wc)
			*wc_ok = 0;
	}
	return (busy);
}

static int
in_transition(const void *addr, size_t len)
{
	return (range_state(addr, len, -1, NULL, NULL));
}

/* Wait (by polling the map) until part of the range is in transition. */
static int
wait_transition(const void *addr, size_t len)
{
	int i;

	for (i = 0; i < POLLS; i++) {
		if (in_transition(addr, len) > 0)
			return (1);
		sched_yield();
	}
	return (0);
}

/* Thread A: one mlock or mlockall, its result kept. */
struct locker {
	pthread_t	thread;
	char		*addr;
	size_t		len;
	int		all;		/* mlockall(MCL_CURRENT) instead */
	int		rv, err;
};

static void *
locker_main(void *arg)
{
	struct locker *l = arg;

	l->rv = l->all ? mlockall(MCL_CURRENT) : mlock(l->addr, l->len);
	l->err = errno;
	return (NULL);
}

static char *
anon(size_t pages)
{
	char *p;

	p = mmap(NULL, pages * PAGE, PROT_READ | PROT_WRITE,
	    MAP_ANON | MAP_PRIVATE, -1, 0);
	return (p == MAP_FAILED ? NULL : p);
}

/* A thread on a small stack (mlockall wires stacks too). */
static int
spawn(pthread_t *t, void *(*fn)(void *), void *arg)
{
	pthread_attr_t attr;
	int error;

	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, 64 * 1024);
	error = pthread_create(t, &attr, fn, arg);
	pthread_attr_destroy(&attr);
	return (error);
}

/*
 * Start thread A on a slow mlock of NPAGES fresh pages (if `fill`,
 * written first: page i holds i + 1), and wait until the range is in
 * transition.  What the main thread uses meanwhile is touched first,
 * so that it does not wait on a page fault of its own.
 */
static char *
slow_mlock_start(struct locker *l, int fill)
{
	size_t i;
	char *p;

	knobs_mine();
	memset(kve, 0, sizeof(kve));
	(void)vmmap();
	p = anon(NPAGES);
	CHECK(p != NULL);
	if (p == NULL)
		_exit(1);
	for (i = 0; fill && i < NPAGES; i++)
		p[i * PAGE] = (char)(i + 1);
	memset(l, 0, sizeof(*l));
	l->addr = p;
	l->len = NPAGES * PAGE;
	CHECK(sysctl_int_set("debug.inject.wire_delay_ms", DELAY_MS) == 0);
	CHECK(spawn(&l->thread, locker_main, l) == 0);
	CHECK(wait_transition(p, NPAGES * PAGE));
	return (p);
}

static void
slow_mlock_join(struct locker *l)
{
	CHECK(pthread_join(l->thread, NULL) == 0);
	knobs_off();
	CHECK(l->rv == 0);
	if (l->rv != 0)
		fprintf(stderr, "mlock: errno %d\n", l->err);
}

static void
c_r40_munlock(void)
{
	unsigned long u0 = uwire(), w0 = pwire(), uwp;
	struct locker l;
	int ok;
	char *p;

	p = slow_mlock_start(&l, 1);
	CHECK(munlock(p, NPAGES * PAGE) == 0);
	/* It waited: the wiring is over, and was undone after it. */
	CHECK(range_state(p, NPAGES * PAGE, 0, &uwp, &ok) == 0);
	CHECK(ok && uwp == 0);
	slow_mlock_join(&l);
	CHECK(uwire() == u0 && pwire() == w0);
	CHECK(munmap(p, NPAGES * PAGE) == 0);
}

static void
c_r40_munmap(void)
{
	unsigned long u0 = uwire(), w0 = pwire();
	struct locker l;
	char *p;

	p = slow_mlock_start(&l, 1);
	CHECK(munmap(p, NPAGES * PAGE) == 0);
	CHECK(entry_at(p).kve_end == 0 &&
	    entry_at(p + (NPAGES - 1) * PAGE).kve_end == 0);
	slow_mlock_join(&l);	/* the mlock found its range whole: 0 */
	CHECK(uwire() == u0 && pwire() == w0);
}

static void
c_r43_mprotect(void)
{
	unsigned long u0 = uwire(), w0 = pwire(), uwp;
	struct kinfo_vmentry e;
	struct locker l;
	int ok;
	char *p;

	p = slow_mlock_start(&l, 1);
	CHECK(mprotect(p, NPAGES * PAGE, PROT_READ) == 0);
	CHECK(range_state(p, NPAGES * PAGE, 1, &uwp, &ok) == 0);
	CHECK(ok && uwp == NPAGES);
	e = entry_at(p);
	CHECK(e.kve_protection == KVME_PROT_READ);
	slow_mlock_join(&l);
	CHECK(uwire() == u0 + NPAGES && pwire() == w0 + NPAGES);
	CHECK(p[(NPAGES - 1) * PAGE] == (char)NPAGES);
	CHECK(munlock(p, NPAGES * PAGE) == 0);
	CHECK(uwire() == u0 && pwire() == w0);
	CHECK(munmap(p, NPAGES * PAGE) == 0);
}

static void
c_r44_read_fault(void)
{
	unsigned long u0 = uwire(), w0 = pwire(), uwp;
	volatile char *last;
	struct locker l;
	int ok;
	char *p;

	/* The last page has never been touched: reading it faults. */
	p = slow_mlock_start(&l, 0);
	last = p + (NPAGES - 1) * PAGE;
	CHECK(*last == 0);	/* waits for the wiring, then restarts */
	CHECK(range_state(p, NPAGES * PAGE, 1, &uwp, &ok) == 0);
	CHECK(ok && uwp == NPAGES);
	slow_mlock_join(&l);
	CHECK(uwire() == u0 + NPAGES && pwire() == w0 + NPAGES);
	CHECK(munmap(p, NPAGES * PAGE) == 0);
	CHECK(uwire() == u0 && pwire() == w0);
}

static void
c_r42_minherit(void)
{
	unsigned long u0 = uwire(), w0 = pwire(), uwp;
	struct locker l;
	int ok;
	char *p;

	p = slow_mlock_start(&l, 1);
	CHECK(minherit(p + 4 * PAGE, 4 * PAGE, INHERIT_NONE) == 0);
	/* R42: clipping does not wait for the wiring. */
	CHECK(in_transition(p, NPAGES * PAGE) > 0);
	slow_mlock_join(&l);
	CHECK(range_state(p, NPAGES * PAGE, 1, &uwp, &ok) == 0);
	CHECK(ok && uwp == NPAGES);
	CHECK(entry_at(p).kve_end == (unsigned long)(p + 4 * PAGE));
	CHECK(entry_at(p + 4 * PAGE).kve_inheritance == KVME_INHERIT_NONE &&
	    entry_at(p + 4 * PAGE).kve_end == (unsigned long)(p + 8 * PAGE));
	CHECK(entry_at(p + 8 * PAGE).kve_inheritance == KVME_INHERIT_COPY);
	CHECK(uwire() == u0 + NPAGES && pwire() == w0 + NPAGES);
	CHECK(munlock(p, NPAGES * PAGE) == 0);
	CHECK(uwire() == u0 && pwire() == w0);
	CHECK(munmap(p, NPAGES * PAGE) == 0);
}

static void
c_r43_fork(void)
{
	unsigned long u0 = uwire(), w0 = pwire();
	struct locker l;
	int status, bad;
	pid_t pid;
	size_t i;
	char *p;

	p = slow_mlock_start(&l, 1);
	fflush(stdout);
	fflush(stderr);
	if ((pid = fork()) == 0) {
		/* R26 R43: no wiring and the same contents in the child */
		bad = range_state(p, NPAGES * PAGE, 0, NULL, &status) != 0 ||
		    !status;
		for (i = 0; i < NPAGES; i++)
			bad |= p[i * PAGE] != (char)(i + 1);
		_exit(bad);
	}
	CHECK(pid > 0);
	/* fork waited for the wiring to end */
	CHECK(in_transition(p, NPAGES * PAGE) == 0);
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	    WEXITSTATUS(status) == 0);
	slow_mlock_join(&l);
	CHECK(uwire() == u0 + NPAGES && pwire() == w0 + NPAGES);
	CHECK(munmap(p, NPAGES * PAGE) == 0);
	CHECK(uwire() == u0 && pwire() == w0);
}

/*
 * R38: while mlockall(MCL_CURRENT) faults the big mapping, a new one is
 * made in a hole the wiring has gone past: it is left alone (WC 0).
 */
static void
c_r38_mlockall_hole(void)
{
	unsigned long u0 = uwire(), w0 = pwire();
	struct kinfo_vmentry e;
	struct locker l;
	char *p, *hole, *q;

	knobs_mine();
	memset(kve, 0, sizeof(kve));
	(void)vmmap();
	/* [1 page][hole of 2][NPAGES * 4 pages] */
	p = anon(3 + NPAGES * 4);
	CHECK(p != NULL);
	hole = p + PAGE;
	CHECK(munmap(hole, 2 * PAGE) == 0);
	memset(&l, 0, sizeof(l));
	l.all = 1;
	CHECK(sysctl_int_set("debug.inject.wire_delay_ms", 10) == 0);
	CHECK(spawn(&l.thread, locker_main, &l) == 0);
	CHECK(wait_transition(p + 3 * PAGE, PAGE));
	q = mmap(hole, 2 * PAGE, PROT_READ | PROT_WRITE,
	    MAP_ANON | MAP_PRIVATE | MAP_FIXED, -1, 0);
	CHECK(q == hole);
	q[0] = 1;
	/* made while the wiring went on */
	CHECK(in_transition(p + 3 * PAGE, PAGE) > 0);
	CHECK(pthread_join(l.thread, NULL) == 0);
	knobs_off();
	CHECK(l.rv == 0);
	e = entry_at(hole);
	CHECK(e.kve_end != 0 && e.kve_wired_count == 0 &&
	    (e.kve_flags & KVME_FLAG_USER_WIRED) == 0);
	e = entry_at(p + 3 * PAGE);
	CHECK(e.kve_wired_count == 1 &&
	    (e.kve_flags & KVME_FLAG_USER_WIRED) != 0);
	CHECK(munlockall() == 0);
	CHECK(uwire() == u0 && pwire() == w0);
	CHECK(munmap(p, (3 + NPAGES * 4) * PAGE) == 0);
}

/* R41: the stress.  Four threads, one region, a fixed number of rounds. */
#define SREGION		16
#define STHREADS	4
#define SROUNDS		60

static char *sbase;

struct stresser {
	pthread_t	thread;
	unsigned int	rng;
	int		pipe[2];	/* to read through the kernel */
	int		bad;
};

static unsigned int
xorshift(unsigned int *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return (*s);
}

static void *
stress_main(void *arg)
{
	struct stresser *s = arg;
	unsigned int first, n;
	char *a, c;
	int i, rv;

	for (i = 0; i < SROUNDS; i++) {
		first = xorshift(&s->rng) % SREGION;
		n = 1 + xorshift(&s->rng) % 4;
		if (first + n > SREGION)
			n = SREGION - first;
		a = sbase + first * PAGE;
		switch (xorshift(&s->rng) % 5) {
		case 0:
			rv = mlock(a, n * PAGE);
			s->bad |= rv != 0 && errno != ENOMEM;
			break;
		case 1:
			rv = munlock(a, n * PAGE);
			s->bad |= rv != 0 && errno != ENOMEM;
			break;
		case 2:
			s->bad |= munmap(a, n * PAGE) != 0;
			break;
		case 3:
			s->bad |= mmap(a, n * PAGE, PROT_READ | PROT_WRITE,
			    MAP_ANON | MAP_PRIVATE | MAP_FIXED, -1, 0) != a;
			break;
		default:
			/*
			 * A fault on the region, taken by copyin (another
			 * thread may have unmapped it: EFAULT, no signal).
			 */
			if (write(s->pipe[1], a + (n - 1) * PAGE, 1) == 1)
				s->bad |= read(s->pipe[0], &c, 1) != 1;
			else
				s->bad |= errno != EFAULT;
			break;
		}
	}
	return (NULL);
}

static void
c_r41_stress(void)
{
	unsigned long u0 = uwire(), w0 = pwire(), uwp;
	struct stresser s[STHREADS];
	unsigned long wpages, end;
	int i, n;

	knobs_mine();
	sbase = anon(SREGION);
	CHECK(sbase != NULL);
	CHECK(sysctl_int_set("debug.inject.wire_delay_ms", 10) == 0);
	for (i = 0; i < STHREADS; i++) {
		memset(&s[i], 0, sizeof(s[i]));
		s[i].rng = 0x9e3779b9U * (unsigned)(i + 1);
		CHECK(pipe(s[i].pipe) == 0);
		CHECK(spawn(&s[i].thread, stress_main, &s[i]) == 0);
	}
	for (i = 0; i < STHREADS; i++) {
		CHECK(pthread_join(s[i].thread, NULL) == 0);
		CHECK(!s[i].bad);
		close(s[i].pipe[0]);
		close(s[i].pipe[1]);
	}
	knobs_off();
	/* Exact counters: user-wired pages of the region, nothing else. */
	CHECK(range_state(sbase, SREGION * PAGE, -1, &uwp, NULL) == 0);
	n = vmmap();
	end = (unsigned long)(sbase + SREGION * PAGE);
	for (wpages = 0, i = 0; i < n; i++)
		if (kve[i].kve_start >= (unsigned long)sbase &&
		    kve[i].kve_end <= end && kve[i].kve_wired_count > 0)
			wpages += (kve[i].kve_end - kve[i].kve_start) / PAGE;
	CHECK(uwire() == u0 + uwp);
	CHECK(pwire() == w0 + wpages && wpages == uwp);
	if (uwire() != u0 + uwp || pwire() != w0 + wpages)
		fprintf(stderr, "uwire %lu base %lu region %lu; pwire %lu "
		    "base %lu wired %lu\n", uwire(), u0, uwp, pwire(), w0,
		    wpages);
	CHECK(munmap(sbase, SREGION * PAGE) == 0);
	CHECK(uwire() == u0 && pwire() == w0);
}

/* R7 R39: a pager I/O error in the middle of a wiring. */
static void
c_r39_pager_error(void)
{
	unsigned long u0 = uwire(), w0 = pwire();
	struct kinfo_vmentry e;
	int fd;
	char *p;

	knobs_mine();
	fd = open("/bin/sh", O_RDONLY);
	CHECK(fd >= 0);
	p = mmap(NULL, 4 * PAGE, PROT_READ, MAP_PRIVATE, fd, 0);
	CHECK(p != MAP_FAILED);
	CHECK(sysctl_int_set("debug.inject.pager_error_skip", 2) == 0 &&
	    sysctl_int_set("debug.inject.pager_error", 1) == 0);
	CHECK_ERR(mlock(p, 4 * PAGE), ENOMEM);
	CHECK(sysctl_int("debug.inject.pager_error") == 0 &&
	    sysctl_int("debug.inject.pager_error_skip") == 0);
	e = entry_at(p);
	CHECK(e.kve_wired_count == 0 &&
	    (e.kve_flags & KVME_FLAG_USER_WIRED) == 0);
	CHECK(uwire() == u0 && pwire() == w0);
	/* mlockall: EAGAIN, everything undone */
	CHECK(munmap(p, 4 * PAGE) == 0);
	p = mmap(NULL, 4 * PAGE, PROT_READ, MAP_PRIVATE, fd, 0);
	CHECK(p != MAP_FAILED);
	CHECK(sysctl_int_set("debug.inject.pager_error", 1) == 0);
	CHECK_ERR(mlockall(MCL_CURRENT), EAGAIN);
	CHECK(sysctl_int("debug.inject.pager_error") == 0);
	CHECK(uwire() == u0 && pwire() == w0);
	/* without the knob it works */
	CHECK(mlock(p, 4 * PAGE) == 0 && uwire() == u0 + 4);
	CHECK(munmap(p, 4 * PAGE) == 0 && uwire() == u0 && pwire() == w0);
	close(fd);
	knobs_off();
}

/* R3 R7: a page allocation fails in the middle of a two-entry wiring. */
static void
c_r3_page_alloc_failure(void)
{
	unsigned long u0 = uwire(), w0 = pwire();
	char *p;

	knobs_mine();
	p = anon(8);
	CHECK(p != NULL);
	/* two entries: [rw 4][r 4] (a protection apart) */
	CHECK(mprotect(p + 4 * PAGE, 4 * PAGE, PROT_READ) == 0);
	CHECK(sysctl_int_set("debug.inject.page_alloc_skip", 6) == 0 &&
	    sysctl_int_set("debug.inject.page_alloc_fail", 1) == 0);
	CHECK_ERR(mlock(p, 8 * PAGE), ENOMEM);
	CHECK(sysctl_int("debug.inject.page_alloc_fail") == 0);
	CHECK(range_state(p, 8 * PAGE, 0, NULL, NULL) == 0);
	CHECK(entry_at(p).kve_wired_count == 0 &&
	    entry_at(p + 4 * PAGE).kve_wired_count == 0);
	CHECK(uwire() == u0 && pwire() == w0);
	/* the first allocation of the wiring fails: nothing at all */
	CHECK(sysctl_int_set("debug.inject.page_alloc_fail", 1) == 0);
	CHECK_ERR(mlock(p + 4 * PAGE, 4 * PAGE), ENOMEM);
	CHECK(uwire() == u0 && pwire() == w0);
	/* mlockall: the shortage is ENOMEM (vm_mlock.c), undone */
	CHECK(sysctl_int_set("debug.inject.page_alloc_skip", 3) == 0 &&
	    sysctl_int_set("debug.inject.page_alloc_fail", 1) == 0);
	CHECK_ERR(mlockall(MCL_CURRENT), ENOMEM);
	CHECK(uwire() == u0 && pwire() == w0);
	knobs_off();
	CHECK(mlock(p, 8 * PAGE) == 0 && uwire() == u0 + 8 &&
	    pwire() == w0 + 8);
	CHECK(munmap(p, 8 * PAGE) == 0 && uwire() == u0 && pwire() == w0);
}

/* The knobs: root only, every one 0 at rest, a wrong size EINVAL. */
static void
t_knobs(void)
{
	size_t i;
	int v = 0, bad = 0;
	long lv = 0;

	for (i = 0; i < sizeof(knobs) / sizeof(knobs[0]); i++)
		bad |= sysctl_int(knobs[i]) != 0;
	ok(!bad, "R40 the fault-injection knobs exist and are off");
	fails(sysctlbyname("debug.inject.pid", NULL, NULL, &lv, sizeof(lv) +
	    1), EINVAL, "R40 setting a knob with the wrong size: EINVAL");
	ok(sysctl_int_set("debug.inject.pid", 1) == 0 &&
	    sysctl_int("debug.inject.pid") == 1 &&
	    sysctl_int_set("debug.inject.pid", v) == 0,
	    "R40 root sets a knob and reads it back");
}

static void
c_user_may_not_set(void)
{
	CHECK(setuid(1001) == 0);
	CHECK_ERR(sysctl_int_set("debug.inject.wire_delay_ms", 5), EPERM);
}

int
main(void)
{
	int status;
	pid_t pid;

	if (getpid() == 1) {
		/* As init: do the work in a child. */
		if ((pid = fork()) == 0)
			_exit(main());
		waitpid(pid, &status, 0);
		return (WIFEXITED(status) ? WEXITSTATUS(status) : 1);
	}
	knobs_off();
	t_knobs();
	run_in_child("R40", "a user may not set a fault-injection knob: "
	    "EPERM", c_user_may_not_set);
	run_in_child("R40 R41", "munlock during a slow mlock waits for it, "
	    "then unlocks everything", c_r40_munlock);
	knobs_off();
	run_in_child("R40 R45", "munmap during a slow mlock waits for it; "
	    "the mlock succeeds, counters back", c_r40_munmap);
	knobs_off();
	/* I-M2: the map is busy while the wiring faults unlocked. */
	run_in_child("R40 R43 I-M2", "mprotect during a slow mlock waits "
	    "for it; all pages wired, read-only", c_r43_mprotect);
	knobs_off();
	run_in_child("R44", "a read fault on a range being wired waits and "
	    "restarts; the wiring completes", c_r44_read_fault);
	knobs_off();
	run_in_child("R42", "minherit clips a range being wired without "
	    "waiting; all three pieces end wired", c_r42_minherit);
	knobs_off();
	run_in_child("R43 R26 I-M2", "fork during a slow mlock waits for "
	    "it; the child has WC 0 and the same contents", c_r43_fork);
	knobs_off();
	run_in_child("R38", "a mapping made in a hole behind a slow "
	    "mlockall(MCL_CURRENT) ends with WC 0", c_r38_mlockall_hole);
	knobs_off();
	run_in_child("R41 R35", "four threads mlock, munlock, munmap, mmap "
	    "and read one region slowly: no hang, exact counters",
	    c_r41_stress);
	knobs_off();
	run_in_child("R7 R39", "a pager I/O error: mlock ENOMEM, mlockall "
	    "EAGAIN, all undone", c_r39_pager_error);
	knobs_off();
	run_in_child("R3 R7", "a page allocation failure mid-wiring: ENOMEM, "
	    "both entries rolled back", c_r3_page_alloc_failure);
	knobs_off();
	return (done_testing());
}
