/*
 * vslock_test.c - system wirings (issue 7): vslock and vsunlock driven
 * from user space through /dev/wiretest (sys/_wiretest.h), and their
 * two real users, sysctl tables made in a wired buffer and the raw read
 * of /dev/initrd.  Against SEMANTICS.md: vslock's errors and what it
 * counts (R29), vsunlock leaving an mlock alone (R30), no vslock left
 * after a system call (R31: vm.stats.vm.v_vslock_bytes back to 0), the
 * composition table (R34), munmap waiting for another thread's vslock
 * and not for an mlock, and SIGKILL ending that wait (R36, R45, R46),
 * and one page wired through two mappings by mlock and vslock in either
 * order (the first reason stays; every counter back).
 *
 * Runs as root (a hold needs it), as a child of the runner.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/sysctl.h>
#include <sys/wait.h>
#include <sys/_kinfo_proc.h>
#include <sys/_kinfo_vmentry.h>
#include <sys/_wiretest.h>
#include <time.h>
#include <unistd.h>

#include "lib/utest.h"

#define PAGE	4096UL

static int wfd = -1;		/* /dev/wiretest */

/* Bytes vslocked now, system-wide (R31). */
static unsigned long
vsbytes(void)
{
	return (sysctl_ulong("vm.stats.vm.v_vslock_bytes"));
}

/* Physical pages wired by the first wiring's reason: system, user. */
static unsigned long
swire(void)
{
	return (sysctl_ulong("vm.stats.vm.v_wire_system"));
}

static void
msleep(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

static char *
anon(size_t pages, int prot)
{
	char *p;

	p = mmap(NULL, pages * PAGE, prot, MAP_ANON | MAP_PRIVATE, -1, 0);
	return (p == MAP_FAILED ? NULL : p);
}

/* vslock [addr, addr + len) for ms (0: until released or a signal). */
static int
hold(void *addr, size_t len, int ms, int flags)
{
	struct wiretest_hold wh;

	memset(&wh, 0, sizeof(wh));
	wh.wh_addr = (unsigned long)addr;
	wh.wh_len = len;
	wh.wh_ms = ms;
	wh.wh_flags = flags;
	return (ioctl(wfd, WIRETEST_HOLD, &wh));
}

static int
release(void)
{
	return (ioctl(wfd, WIRETEST_RELEASE));
}

/* A hold in a thread of its own. */
struct holder {
	pthread_t	 thr;
	char		*addr;
	size_t		 len;
	int		 ms, flags;
	int		 rc, err;
};

static void *
holder_main(void *arg)
{
	struct holder *h = arg;

	h->rc = hold(h->addr, h->len, h->ms, h->flags);
	h->err = errno;
	return (NULL);
}

/*
 * Start a hold of [addr, addr + len) in a new thread and wait until the
 * wiring is in place (v_vslock_bytes up by len).  0 or -1.
 */
static int
hold_start(struct holder *h, void *addr, size_t len, int ms, int flags)
{
	unsigned long before = vsbytes();
	int i;

	memset(h, 0, sizeof(*h));
	h->addr = addr;
	h->len = len;
	h->ms = ms;
	h->flags = flags;
	h->rc = -2;
	if (pthread_create(&h->thr, NULL, holder_main, h) != 0)
		return (-1);
	for (i = 0; i < 300; i++) {
		if (vsbytes() >= before + len)
			return (0);
		msleep(10);
	}
	return (-1);
}

/* Release every hold and join h's thread: the hold's result. */
static int
hold_end(struct holder *h)
{
	release();
	pthread_join(h->thr, NULL);
	return (h->rc);
}

/* The caller's map entry holding `a`, copied to *kve; -1 if none. */
static int
entry_of(const void *a, struct kinfo_vmentry *kve)
{
	struct kinfo_vmentry *v;
	unsigned long va = (unsigned long)a;
	size_t len, i;
	int found = -1;

	if (sysctlbyname("kern.proc.vmmap", NULL, &len, NULL, 0) != 0)
		return (-1);
	len += 8 * sizeof(*v);
	if ((v = malloc(len)) == NULL)
		return (-1);
	if (sysctlbyname("kern.proc.vmmap", v, &len, NULL, 0) == 0)
		for (i = 0; i < len / sizeof(*v); i++)
			if (v[i].kve_start <= va && va < v[i].kve_end) {
				*kve = v[i];
				found = 0;
				break;
			}
	free(v);
	return (found);
}

/* Wired count of the entry holding `a` (-1: none), and its UW flag. */
static int
wc(const void *a)
{
	struct kinfo_vmentry kve;

	return (entry_of(a, &kve) == 0 ? kve.kve_wired_count : -1);
}

static int
uw(const void *a)
{
	struct kinfo_vmentry kve;

	return (entry_of(a, &kve) == 0 &&
	    (kve.kve_flags & KVME_FLAG_USER_WIRED) != 0);
}

static int
resident(const void *p, size_t pages)
{
	unsigned char vec[64];
	size_t i;

	if (pages > sizeof(vec) || mincore((void *)p, pages * PAGE,
	    (char *)vec) != 0)
		return (0);
	for (i = 0; i < pages; i++)
		if ((vec[i] & MINCORE_INCORE) == 0)
			return (0);
	return (1);
}

/* ---- R29: errors ---- */

static void
t_errors(void)
{
	unsigned long max = sysctl_ulong("vm.max_user_wired");
	unsigned long b0 = vsbytes(), s0 = swire();
	char *p;

	fails(hold(unmapped, PAGE, 1, 0), EFAULT,
	    "R29 vslock of an unmapped buffer: EFAULT");
	fails(hold((void *)(0UL - PAGE), 2 * PAGE, 1, 0), EINVAL,
	    "R29 vslock of a range that wraps: EINVAL");
	fails(hold(unmapped, (max + 1) * PAGE, 1, 0), ENOMEM,
	    "R29 vslock of more pages than vm.max_user_wired: ENOMEM");
	fails(hold(kernel_addr(), PAGE, 1, 0), EFAULT,
	    "R29 vslock of a kernel address: EFAULT");
	p = anon(1, PROT_NONE);
	fails(hold(p, PAGE, 1, 0), EFAULT,
	    "R29 vslock of a PROT_NONE page: EFAULT");
	munmap(p, PAGE);
	p = anon(3, PROT_READ | PROT_WRITE);
	munmap(p + PAGE, PAGE);
	fails(hold(p, 3 * PAGE, 1, 0), EFAULT,
	    "R29 vslock over a hole: EFAULT");
	ok(wc(p) == 0 && swire() == s0,
	    "R29 R3 the failed vslock left nothing wired");
	munmap(p, 3 * PAGE);
	ok(vsbytes() == b0, "R31 no failed vslock leaves bytes vslocked");
	p = anon(2, PROT_READ | PROT_WRITE);
	ok(hold(p + 100, PAGE, 1, 0) == 0 && wc(p) == 0 && swire() == s0 &&
	    vsbytes() == b0,
	    "R29 R31 vslock and vsunlock of a buffer: 0, nothing left after");
	fails(hold(p, PAGE, 1, 0x100), EINVAL,
	    "wiretest: an unknown flag is EINVAL");
	fails(hold(p, PAGE, 0, WIRETEST_F_NOSIG), EINVAL,
	    "wiretest: a hold no signal ends must have a time limit");
	munmap(p, 2 * PAGE);
}

/* ---- R29: what a system wiring counts ---- */

static void
c_counts(void)
{
	struct rlimit rl = { 0, 0 };
	struct holder h;
	unsigned long u0 = uwire(), s0 = swire(), p0 = pwire();
	char *p = anon(8, PROT_READ | PROT_WRITE);

	CHECK(setrlimit(RLIMIT_MEMLOCK, &rl) == 0);
	CHECK(hold_start(&h, p, 8 * PAGE, 0, 0) == 0);
	CHECK(wc(p) == 1 && wc(p + 7 * PAGE) == 1);	/* SWC 1 */
	CHECK(!uw(p));
	CHECK(uwire() == u0);		/* not a user wiring */
	CHECK(swire() == s0 + 8 && pwire() == p0);
	CHECK(resident(p, 8));		/* R4: faulted in */
	CHECK(mlock(p, PAGE) == -1 && errno == ENOMEM);	/* the limit is 0 */
	CHECK(hold_end(&h) == 0);
	CHECK(wc(p) == 0 && swire() == s0);
	munmap(p, 8 * PAGE);
}

/* ---- R30, R34: user and system wirings of one entry ---- */

static void
c_r30(void)
{
	struct holder h;
	unsigned long u0 = uwire(), s0 = swire(), p0 = pwire();
	char *p = anon(8, PROT_READ | PROT_WRITE);

	CHECK(hold_start(&h, p, 8 * PAGE, 0, 0) == 0);
	CHECK(mlock(p, 8 * PAGE) == 0);
	CHECK(wc(p) == 2 && uw(p));
	CHECK(hold_end(&h) == 0);	/* vsunlock */
	CHECK(wc(p) == 1 && uw(p));
	CHECK(uwire() == u0 + 8);
	/* The pages stay wired, under the reason that wired them first. */
	CHECK(swire() + pwire() == s0 + p0 + 8);
	CHECK(resident(p, 8));
	CHECK(munlock(p, 8 * PAGE) == 0);
	CHECK(wc(p) == 0 && uwire() == u0 && swire() == s0 && pwire() == p0);
	munmap(p, 8 * PAGE);
}

static void
c_r34(void)
{
	struct holder h, h2;
	unsigned long u0 = uwire(), s0 = swire(), p0 = pwire();
	char *p = anon(4, PROT_READ | PROT_WRITE);
	long f0;

	/* vslock on WC 0: fault-in, WC 1, UW 0. */
	CHECK(hold_start(&h, p, 4 * PAGE, 0, 0) == 0);
	CHECK(wc(p) == 1 && !uw(p) && resident(p, 4));
	/* mlock on UW 0, SWC > 0: WC + 1, UW 1, no fault-in. */
	f0 = minflt();
	CHECK(mlock(p, 4 * PAGE) == 0);
	CHECK(minflt() == f0);
	CHECK(wc(p) == 2 && uw(p) && uwire() == u0 + 4);
	/* mlock on UW 1: no change. */
	CHECK(mlock(p, 4 * PAGE) == 0 && wc(p) == 2 && uwire() == u0 + 4);
	/* vslock on WC > 0: WC + 1. */
	CHECK(hold_start(&h2, p, 4 * PAGE, 0, 0) == 0);
	CHECK(wc(p) == 3);
	/* munlock on UW 1, SWC > 0: WC - 1, UW 0, pages stay wired. */
	CHECK(munlock(p, 4 * PAGE) == 0);
	CHECK(wc(p) == 2 && !uw(p) && uwire() == u0);
	CHECK(swire() + pwire() == s0 + p0 + 4 && resident(p, 4));
	/* munlock on UW 0: no change, success. */
	CHECK(munlock(p, 4 * PAGE) == 0 && wc(p) == 2);
	/* vsunlock on SWC > 0, WC > 1 (both holds end: 2 -> 0). */
	release();
	pthread_join(h.thr, NULL);
	pthread_join(h2.thr, NULL);
	CHECK(h.rc == 0 && h2.rc == 0);
	/* vsunlock on SWC 1, WC 1: full unwire. */
	CHECK(wc(p) == 0 && swire() == s0 && pwire() == p0);
	munmap(p, 4 * PAGE);
}

/* ---- one page, several reasons ---- */

/* Two shared mappings of one 4-page object: *m1, *m2. */
static int
two_maps(char **m1, char **m2)
{
	int fd = shm_open(SHM_ANON, O_RDWR, 0600);

	if (fd < 0 || ftruncate(fd, 4 * PAGE) != 0)
		return (-1);
	*m1 = mmap(NULL, 4 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	*m2 = mmap(NULL, 4 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	close(fd);
	if (*m1 == MAP_FAILED || *m2 == MAP_FAILED)
		return (-1);
	memset(*m1, 'a', 4 * PAGE);
	return (0);
}

static void
c_shared_mlock_first(void)
{
	struct holder h;
	unsigned long u0 = uwire(), s0 = swire(), p0 = pwire();
	char *m1, *m2;

	CHECK(two_maps(&m1, &m2) == 0);
	CHECK(mlock(m1, 4 * PAGE) == 0);
	CHECK(pwire() == p0 + 4);
	CHECK(hold_start(&h, m2, 4 * PAGE, 0, 0) == 0);
	CHECK(wc(m1) == 1 && wc(m2) == 1);
	/* The same 4 pages, counted once, as user: their first reason. */
	CHECK(pwire() == p0 + 4 && swire() == s0);
	CHECK(hold_end(&h) == 0);
	CHECK(pwire() == p0 + 4 && swire() == s0);
	CHECK(munlock(m1, 4 * PAGE) == 0);
	CHECK(pwire() == p0 && swire() == s0 && uwire() == u0);
	munmap(m1, 4 * PAGE);
	munmap(m2, 4 * PAGE);
}

static void
c_shared_vslock_first(void)
{
	struct holder h;
	unsigned long u0 = uwire(), s0 = swire(), p0 = pwire();
	char *m1, *m2;

	CHECK(two_maps(&m1, &m2) == 0);
	CHECK(hold_start(&h, m2, 4 * PAGE, 0, 0) == 0);
	CHECK(swire() == s0 + 4);
	CHECK(mlock(m1, 4 * PAGE) == 0);
	CHECK(swire() == s0 + 4 && pwire() == p0 && uwire() == u0 + 4);
	CHECK(hold_end(&h) == 0);
	/* Held by the mlock alone now, still counted as system. */
	CHECK(swire() == s0 + 4 && pwire() == p0 && resident(m1, 4));
	CHECK(munlock(m1, 4 * PAGE) == 0);
	CHECK(pwire() == p0 && swire() == s0 && uwire() == u0);
	munmap(m1, 4 * PAGE);
	munmap(m2, 4 * PAGE);
}

/* A child mlocks its mapping of the object, the parent vslocks its own. */
static void
c_shared_two_processes(void)
{
	struct holder h;
	unsigned long s0 = swire(), p0 = pwire();
	char *m1, *m2, c;
	int go[2], done[2], status;
	pid_t pid;

	CHECK(two_maps(&m1, &m2) == 0);
	CHECK(pipe(go) == 0 && pipe(done) == 0);
	if ((pid = fork()) == 0) {
		if (mlock(m1, 4 * PAGE) != 0)
			_exit(1);
		write(done[1], "l", 1);
		read(go[0], &c, 1);		/* the parent holds m2 */
		_exit(munlock(m1, 4 * PAGE) == 0 ? 0 : 1);
	}
	CHECK(pid > 0 && read(done[0], &c, 1) == 1);
	CHECK(pwire() == p0 + 4);
	CHECK(hold_start(&h, m2, 4 * PAGE, 0, 0) == 0);
	CHECK(pwire() == p0 + 4 && swire() == s0);
	write(go[1], "g", 1);		/* the child munlocks and exits */
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	    WEXITSTATUS(status) == 0);
	/* The vslock keeps the pages, still counted as user. */
	CHECK(pwire() == p0 + 4 && resident(m2, 4));
	CHECK(hold_end(&h) == 0);
	CHECK(pwire() == p0 && swire() == s0);
	munmap(m1, 4 * PAGE);
	munmap(m2, 4 * PAGE);
}

/* ---- R36: munmap waits for system wirings, not for user ones ---- */

struct unmapper {
	pthread_t	 thr;
	char		*addr;
	size_t		 len;
	volatile int	 done;
	int		 rc;
};

static void *
unmapper_main(void *arg)
{
	struct unmapper *u = arg;

	u->rc = munmap(u->addr, u->len);
	u->done = 1;
	return (NULL);
}

static void
c_r36_waits(void)
{
	struct holder h;
	struct unmapper u;
	unsigned long s0 = swire();
	char *p = anon(4, PROT_READ | PROT_WRITE);

	CHECK(hold_start(&h, p, 4 * PAGE, 0, 0) == 0);
	memset(&u, 0, sizeof(u));
	u.addr = p;
	u.len = 4 * PAGE;
	CHECK(pthread_create(&u.thr, NULL, unmapper_main, &u) == 0);
	msleep(300);
	CHECK(!u.done);			/* blocked behind the vslock */
	CHECK(wc(p) == 1);
	CHECK(hold_end(&h) == 0);
	pthread_join(u.thr, NULL);
	CHECK(u.done && u.rc == 0);
	CHECK(wc(p) == -1 && swire() == s0);	/* gone */
}

static void
c_r36_mlock_no_wait(void)
{
	unsigned long u0 = uwire(), p0 = pwire();
	struct holder h;
	char *p = anon(4, PROT_READ | PROT_WRITE);

	CHECK(mlock(p, 4 * PAGE) == 0);
	CHECK(munmap(p, 4 * PAGE) == 0);	/* R45: unlocks, no wait */
	CHECK(uwire() == u0 && pwire() == p0);
	/* A vslock of another part of the mapping is no reason to wait. */
	p = anon(4, PROT_READ | PROT_WRITE);
	CHECK(hold_start(&h, p, PAGE, 0, 0) == 0);
	CHECK(munmap(p + 2 * PAGE, 2 * PAGE) == 0);
	CHECK(wc(p) == 1 && wc(p + 2 * PAGE) == -1);
	CHECK(hold_end(&h) == 0);
	munmap(p, 2 * PAGE);
}

static volatile int usr1_seen;

static void
on_usr1(int sig)
{
	(void)sig;
	usr1_seen++;
}

struct poker {
	pthread_t	 thr;
	pthread_t	 target;
};

static void *
poker_main(void *arg)
{
	struct poker *k = arg;

	msleep(200);
	pthread_kill(k->target, SIGUSR1);
	msleep(200);
	release();
	return (NULL);
}

/* A caught signal during the wait: the handler runs, munmap is redone. */
static void
c_r36_caught_signal(void)
{
	struct sigaction sa;
	struct holder h;
	struct poker k;
	char *p = anon(2, PROT_READ | PROT_WRITE);

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	CHECK(sigaction(SIGUSR1, &sa, NULL) == 0);	/* no SA_RESTART */
	CHECK(hold_start(&h, p, 2 * PAGE, 0, 0) == 0);
	k.target = pthread_self();
	CHECK(pthread_create(&k.thr, NULL, poker_main, &k) == 0);
	CHECK(munmap(p, 2 * PAGE) == 0);
	CHECK(usr1_seen == 1);
	pthread_join(k.thr, NULL);
	pthread_join(h.thr, NULL);
	CHECK(h.rc == 0 && wc(p) == -1);
}

/* The first thread's wait message of process `pid` ("" if none). */
static int
wmesg_of(pid_t pid, char *out, size_t outlen)
{
	struct kinfo_proc *kp;
	size_t len, i;
	int found = -1;

	if (sysctlbyname("kern.proc.all", NULL, &len, NULL, 0) != 0)
		return (-1);
	len += 16 * sizeof(*kp);
	if ((kp = malloc(len)) == NULL)
		return (-1);
	if (sysctlbyname("kern.proc.all", kp, &len, NULL, 0) == 0)
		for (i = 0; i < len / sizeof(*kp); i++)
			if (kp[i].ki_pid == pid) {
				snprintf(out, outlen, "%s", kp[i].ki_wmesg);
				found = 0;
			}
	free(kp);
	return (found);
}

/* Wait up to `ms` for pid's wait message to be (or stop being) `w`. */
static int
wmesg_wait(pid_t pid, const char *w, int is, int ms)
{
	char m[32];

	for (; ms > 0; ms -= 10) {
		if (wmesg_of(pid, m, sizeof(m)) == 0 &&
		    (strcmp(m, w) == 0) == is)
			return (0);
		msleep(10);
	}
	return (-1);
}

/* What the blocked child does to the held range. */
enum unmap_op { OP_MUNMAP, OP_MAPFIXED, OP_BRK };

/*
 * A child whose main thread unmaps a range another thread holds with
 * a vslock (`flags`: WIRETEST_F_NOSIG for a hold no signal ends): with
 * munmap, with mmap(MAP_FIXED) over it, or (OP_BRK: the range is the
 * top of the heap) by shrinking the break below it.
 */
static pid_t
child_blocked_in(enum unmap_op op, int ms, int flags)
{
	struct holder h;
	uintptr_t b;
	char *p;
	pid_t pid;

	fflush(stdout);
	if ((pid = fork()) != 0)
		return (pid);
	if (op == OP_BRK) {
		b = (uintptr_t)sbrk(0);
		if (b % PAGE != 0)
			(void)sbrk((intptr_t)(PAGE - b % PAGE));
		p = sbrk(4 * PAGE);
		if (p == (char *)-1)
			_exit(2);
		memset(p, 1, 4 * PAGE);
	} else
		p = anon(4, PROT_READ | PROT_WRITE);
	if (p == NULL || hold_start(&h, p, 4 * PAGE, ms, flags) != 0)
		_exit(2);
	if (op == OP_MUNMAP)
		munmap(p, 4 * PAGE);
	else if (op == OP_MAPFIXED)
		(void)mmap(p, 4 * PAGE, PROT_READ | PROT_WRITE,
		    MAP_ANON | MAP_PRIVATE | MAP_FIXED, -1, 0);
	else
		(void)brk(p);
	_exit(3);		/* not reached if killed while waiting */
}

static pid_t
child_blocked_in_munmap(int ms, int flags)
{
	return (child_blocked_in(OP_MUNMAP, ms, flags));
}

/*
 * R68, "SIGKILL ends every wait": mmap(MAP_FIXED) over a range another
 * thread vslocked, and brk shrinking below one, wait as munmap does;
 * the wait (which no caught signal ends: neither call has EINTR) ends
 * on SIGKILL, and the exit then waits for the holder.
 */
static void
t_r68_sigkill_mapfixed_brk(void)
{
	static const struct {
		enum unmap_op	op;
		const char	*what;
	} ops[] = {
		{ OP_MAPFIXED, "mmap(MAP_FIXED)" },
		{ OP_BRK, "brk" },
	};
	unsigned long s0 = swire(), b0 = vsbytes();
	char name[160];
	int status;
	size_t i;
	pid_t pid;

	for (i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
		pid = child_blocked_in(ops[i].op, 20000, WIRETEST_F_NOSIG);
		snprintf(name, sizeof(name), "R45 %s over a range another "
		    "thread vslocked waits (vmmaps)", ops[i].what);
		ok(pid > 0 && wmesg_wait(pid, "vmmaps", 1, 5000) == 0, name);
		kill(pid, SIGKILL);
		snprintf(name, sizeof(name), "R68 SIGKILL ends the wait of "
		    "%s itself; exit waits for the holder", ops[i].what);
		ok(wmesg_wait(pid, "single", 1, 5000) == 0 &&
		    vsbytes() == b0 + 4 * PAGE, name);
		release();
		ok(waitpid(pid, &status, 0) == pid && WIFSIGNALED(status) &&
		    WTERMSIG(status) == SIGKILL, "R46 exit completes once the "
		    "holder has vsunlocked");
		ok(swire() == s0 && vsbytes() == b0,
		    "R46 nothing stays wired or vslocked after it");
	}
}

static void
t_r36_sigkill(void)
{
	unsigned long s0 = swire(), b0 = vsbytes();
	int status;
	pid_t pid;

	/* A hold that a signal ends: SIGKILL ends it and the munmap. */
	pid = child_blocked_in_munmap(0, 0);
	ok(pid > 0 && wmesg_wait(pid, "vmmaps", 1, 3000) == 0,
	    "R36 munmap of a range another thread vslocked waits (vmmaps)");
	kill(pid, SIGKILL);
	ok(waitpid(pid, &status, 0) == pid && WIFSIGNALED(status) &&
	    WTERMSIG(status) == SIGKILL,
	    "R36 SIGKILL ends the wait and the process");
	ok(swire() == s0 && vsbytes() == b0,
	    "R46 nothing stays wired or vslocked after it");

	/*
	 * A hold no signal ends: munmap's own wait must end on SIGKILL,
	 * and the exit then waits for the holder (here until RELEASE).
	 */
	pid = child_blocked_in_munmap(20000, WIRETEST_F_NOSIG);
	ok(pid > 0 && wmesg_wait(pid, "vmmaps", 1, 5000) == 0,
	    "R36 munmap waits behind a vslock no signal ends");
	kill(pid, SIGKILL);
	ok(wmesg_wait(pid, "single", 1, 5000) == 0 &&
	    vsbytes() == b0 + 4 * PAGE,
	    "R36 SIGKILL ends munmap's wait itself; exit waits for the holder");
	release();
	ok(waitpid(pid, &status, 0) == pid && WIFSIGNALED(status) &&
	    WTERMSIG(status) == SIGKILL,
	    "R46 exit completes once the holder has vsunlocked");
	ok(swire() == s0 && vsbytes() == b0,
	    "R46 R31 nothing stays wired or vslocked after it");
}

/* ---- sysctl tables in a wired buffer ---- */

static void
t_sysctl(void)
{
	struct kinfo_proc *kp;
	unsigned long s0 = swire(), b0 = vsbytes(), u0;
	size_t len, n, i;
	char *ro, *lk;
	int mine = 0;

	ok(sysctlbyname("kern.proc.all", NULL, &len, NULL, 0) == 0 &&
	    len > 0, "kern.proc.all: size");
	n = len + 8 * sizeof(*kp);
	kp = malloc(n);
	len = n;
	ok(kp != NULL && sysctlbyname("kern.proc.all", kp, &len, NULL, 0) == 0,
	    "R29 kern.proc.all into a wired buffer: 0");
	for (i = 0; kp != NULL && i < len / sizeof(*kp); i++)
		if (kp[i].ki_pid == getpid() &&
		    strcmp(kp[i].ki_comm, "vslock_test") == 0)
			mine = 1;
	ok(mine, "R29 kern.proc.all lists this process");
	ok(swire() == s0 && vsbytes() == b0,
	    "R31 kern.proc.all leaves no wiring behind");
	free(kp);

	ro = anon(16, PROT_READ);
	len = 16 * PAGE;
	fails(sysctlbyname("kern.proc.all", ro, &len, NULL, 0), EFAULT,
	    "R29 kern.proc.all into a read-only buffer: EFAULT");
	munmap(ro, 16 * PAGE);
	len = 16 * PAGE;
	fails(sysctlbyname("kern.proc.all", unmapped, &len, NULL, 0), EFAULT,
	    "R29 kern.proc.all into an unmapped buffer: EFAULT");
	len = 16 * PAGE;
	fails(sysctlbyname("kern.proc.all", kernel_addr(), &len, NULL, 0),
	    EFAULT, "R29 kern.proc.all into a kernel address: EFAULT");

	lk = anon(16, PROT_READ | PROT_WRITE);
	ok(lk != NULL && mlock(lk, 16 * PAGE) == 0, "mlock a buffer");
	u0 = uwire();
	len = 16 * PAGE;
	ok(sysctlbyname("kern.proc.all", lk, &len, NULL, 0) == 0 &&
	    ((struct kinfo_proc *)lk)->ki_pid > 0,
	    "R30 kern.proc.all into an mlocked buffer: 0");
	ok(uw(lk) && wc(lk) == 1 && uwire() == u0,
	    "R30 the buffer stays mlocked, its system wiring gone");
	munmap(lk, 16 * PAGE);
	ok(swire() == s0 && vsbytes() == b0,
	    "R31 nothing stays wired after the errors");
}

/* A map larger than the 64 KiB bounce buffer goes through the wiring. */
static void
t_sysctl_big_vmmap(void)
{
	struct kinfo_vmentry *kve;
	size_t want, len, i;
	int fds[2], status;
	char name[64], c;
	pid_t pid;

	want = 65536 / sizeof(*kve) + 64;
	CHECK(pipe(fds) == 0);
	fflush(stdout);
	if ((pid = fork()) == 0) {
		/* Alternate protections, so the entries do not merge. */
		for (i = 0; i < want; i++)
			if (anon(1, i % 2 ? PROT_READ : PROT_READ |
			    PROT_WRITE) == NULL)
				_exit(1);
		write(fds[1], "m", 1);
		for (;;)
			sleep(100);
	}
	ok(pid > 0 && read(fds[0], &c, 1) == 1,
	    "a child with many map entries");
	snprintf(name, sizeof(name), "kern.proc.vmmap.%d", (int)pid);
	ok(sysctlbyname(name, NULL, &len, NULL, 0) == 0 && len > 65536,
	    "kern.proc.vmmap of it is larger than 64 KiB");
	len += 8 * sizeof(*kve);
	kve = malloc(len);
	ok(kve != NULL && sysctlbyname(name, kve, &len, NULL, 0) == 0 &&
	    len / sizeof(*kve) >= want && kve[0].kve_start < kve[1].kve_start,
	    "R29 kern.proc.vmmap of more than 64 KiB through a wired buffer");
	free(kve);
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	close(fds[0]);
	close(fds[1]);
}

/* ---- /dev/initrd: the raw read into a wired buffer ---- */

static char *image;
static size_t image_len;

static int
find(const char *hay, size_t hlen, const char *needle, size_t nlen)
{
	size_t i;

	for (i = 0; i + nlen <= hlen; i++)
		if (memcmp(hay + i, needle, nlen) == 0)
			return (1);
	return (0);
}

static void
t_devinitrd(void)
{
	unsigned long s0 = swire(), b0 = vsbytes(), u0;
	char passwd[512], *buf, *lk, *ro;
	size_t cap = 1 << 20;
	ssize_t n;
	int fd, pfd, status;
	pid_t pid;

	fd = open("/dev/initrd", O_RDONLY);
	ok(fd >= 0, "/dev/initrd opens");
	image = malloc(cap);
	image_len = 0;
	while (image != NULL && (n = read(fd, image + image_len,
	    cap - image_len)) > 0) {
		image_len += (size_t)n;
		if (image_len == cap)
			image = realloc(image, cap *= 2);
	}
	ok(image != NULL && n == 0 && image_len > 512 &&
	    memcmp(image + 257, "ustar", 5) == 0,
	    "/dev/initrd reads a ustar archive to its end");
	pfd = open("/etc/passwd", O_RDONLY);
	n = pfd >= 0 ? read(pfd, passwd, sizeof(passwd)) : -1;
	close(pfd);
	ok(n > 0 && find(image, image_len, passwd, (size_t)n),
	    "/dev/initrd holds /etc/passwd's bytes");
	ok(swire() == s0 && vsbytes() == b0,
	    "R31 reading /dev/initrd leaves no wiring behind");

	buf = anon(4, PROT_READ | PROT_WRITE);
	ok(lseek(fd, 0, SEEK_SET) == 0 &&
	    read(fd, buf + 100, 3 * PAGE) == (ssize_t)(3 * PAGE) &&
	    memcmp(buf + 100, image, 3 * PAGE) == 0,
	    "/dev/initrd into an unaligned buffer over 4 pages");
	ok(lseek(fd, 257, SEEK_SET) == 257 && read(fd, buf, 5) == 5 &&
	    memcmp(buf, "ustar", 5) == 0, "/dev/initrd reads from the offset");

	lk = anon(16, PROT_READ | PROT_WRITE);
	ok(lk != NULL && mlock(lk, 16 * PAGE) == 0, "mlock a buffer");
	u0 = uwire();
	ok(lseek(fd, 0, SEEK_SET) == 0 &&
	    read(fd, lk, 16 * PAGE) == (ssize_t)(16 * PAGE) &&
	    memcmp(lk, image, 16 * PAGE) == 0,
	    "R30 /dev/initrd into an mlocked buffer");
	ok(uw(lk) && wc(lk) == 1 && uwire() == u0,
	    "R30 the buffer stays mlocked after the read");
	munmap(lk, 16 * PAGE);

	fails(read(fd, unmapped, 512), EFAULT,
	    "R29 /dev/initrd into an unmapped buffer: EFAULT");
	fails(read(fd, kernel_addr(), 512), EFAULT,
	    "R29 /dev/initrd into a kernel address: EFAULT");
	ro = anon(1, PROT_READ);
	fails(read(fd, ro, 512), EFAULT,
	    "R29 /dev/initrd into a read-only buffer: EFAULT");
	ok(ro[0] == 0, "and the read-only page was not written");
	munmap(ro, PAGE);
	close(fd);
	fd = open("/dev/initrd", O_RDWR);
	fails(fd >= 0 ? write(fd, "x", 1) : -1, EBADF,
	    "/dev/initrd cannot be written: EBADF");

	/* Copy on write: the child's read lands in the child's copy. */
	memset(buf, 'x', 4 * PAGE);
	fflush(stdout);
	if ((pid = fork()) == 0) {
		if (lseek(fd, 0, SEEK_SET) != 0 ||
		    read(fd, buf, 2 * PAGE) != (ssize_t)(2 * PAGE))
			_exit(1);
		_exit(memcmp(buf, image, 2 * PAGE) == 0 ? 0 : 2);
	}
	ok(pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	    WEXITSTATUS(status) == 0, "/dev/initrd into a copy-on-write "
	    "buffer: the child reads its data");
	ok(buf[0] == 'x' && buf[2 * PAGE - 1] == 'x',
	    "and the parent's pages are unchanged");
	munmap(buf, 4 * PAGE);
	close(fd);
	free(image);
	ok(swire() == s0 && vsbytes() == b0,
	    "R31 nothing stays wired or vslocked after the reads");
}

int
main(void)
{
	unsigned long s0, p0, u0, b0;

	wfd = open("/dev/wiretest", O_RDWR);
	ok(wfd >= 0, "/dev/wiretest opens");
	if (wfd < 0)
		return (done_testing());
	s0 = swire();
	p0 = pwire();
	u0 = uwire();
	b0 = vsbytes();
	ok(b0 == 0, "R31 nothing is vslocked while no system call runs");
	t_errors();
	run_in_child("R29", "a vslock is a system wiring: SWC 1, UW 0, "
	    "the user-wire counter and RLIMIT_MEMLOCK untouched", c_counts);
	run_in_child("R30", "vslock, mlock, vsunlock: still mlocked, pages "
	    "wired", c_r30);
	run_in_child("R34", "the composition table driven from user space",
	    c_r34);
	run_in_child("one page, two reasons", "mlock of one mapping, then "
	    "vslock of another of the same shm pages: counted once, as user",
	    c_shared_mlock_first);
	run_in_child("one page, two reasons", "vslock first, then mlock: "
	    "counted once, as system, until the last wiring goes",
	    c_shared_vslock_first);
	run_in_child("one page, two reasons", "mlock in a child, vslock in "
	    "the parent, of one shm object", c_shared_two_processes);
	run_in_child("R36", "munmap of a range another thread vslocked "
	    "waits until the vsunlock", c_r36_waits);
	run_in_child("R36 R45", "munmap of an mlocked range, or next to a "
	    "vslocked one, does not wait", c_r36_mlock_no_wait);
	run_in_child("R36", "a caught signal during munmap's wait: the "
	    "handler runs, munmap is redone and succeeds",
	    c_r36_caught_signal);
	t_r36_sigkill();
	t_r68_sigkill_mapfixed_brk();
	t_sysctl();
	t_sysctl_big_vmmap();
	t_devinitrd();
	ok(swire() == s0 && pwire() == p0 && uwire() == u0 && vsbytes() == b0,
	    "R31 R35 every counter back at the end");
	close(wfd);
	return (done_testing());
}
