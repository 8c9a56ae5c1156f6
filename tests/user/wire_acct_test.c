/*
 * wire_acct_test.c - wired memory per process (issue 7, item 5):
 * struct kinfo_proc's figures (kern.proc.pid.<pid>, kern.proc.all)
 * against the map dump (kern.proc.vmmap) and the system-wide counters.
 *
 *  - R14 R35: ki_user_wired is the pages of the user-wired entries, a
 *    page mapped twice counting twice, as v_user_wire_count does, while
 *    v_wire_user counts it once;
 *  - R47: ki_pmap_wired is the mapped pages of the wired entries;
 *  - R35 R47: the sum of ki_user_wired over all processes is
 *    v_user_wire_count whenever nothing is being locked;
 *  - R46: when a process that locked everything exits, the counters
 *    drop by exactly its figures (user-wired, page tables, stacks);
 *  - ki_kstack grows by one stack with a thread, ki_pgtable with
 *    mappings far apart, and both come back;
 *  - R76 R77: user wirings of ten processes stop exactly at
 *    vm.max_user_wired (mlock and mlockall ENOMEM there), which counts
 *    mappings, not physical pages;
 *  - R78 R14 R15: RLIMIT_MEMLOCK counts each mapping of a page, and a
 *    re-lock is not counted again.
 *
 * Runs as root, as a child of the runner.  Prints TAP.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/sysctl.h>
#include <sys/wait.h>
#include <sys/_kinfo_proc.h>
#include <sys/_kinfo_vmentry.h>
#include <unistd.h>

#include "lib/utest.h"

#define PAGE		4096UL
#define MAXENTRIES	512
#define MAXPROCS	256

static struct kinfo_vmentry kvebuf[MAXENTRIES];
static struct kinfo_proc kpbuf[MAXPROCS];

static unsigned long
reason(const char *r)
{
	char name[64];

	snprintf(name, sizeof(name), "vm.stats.vm.v_wire_%s", r);
	return (sysctl_ulong(name));
}

/* What kern.proc.vmmap.<pid> says about the wired memory of `pid`. */
struct mapsums {
	unsigned long	user_wired;	/* pages of KVME_FLAG_USER_WIRED */
	unsigned long	system_wired;	/* pages with wirings beyond UW */
	unsigned long	wired_resident;	/* resident pages of wired entries */
	long		nentries;	/* -1: could not be read */
};

static struct mapsums
map_sums(pid_t pid)
{
	struct mapsums s;
	char name[64];
	size_t len = sizeof(kvebuf);
	unsigned long npages;
	int uw;
	long i;

	memset(&s, 0, sizeof(s));
	snprintf(name, sizeof(name), "kern.proc.vmmap.%d", (int)pid);
	if (sysctlbyname(name, kvebuf, &len, NULL, 0) != 0) {
		printf("# %s: errno %d\n", name, errno);
		s.nentries = -1;
		return (s);
	}
	s.nentries = (long)(len / sizeof(kvebuf[0]));
	for (i = 0; i < s.nentries; i++) {
		npages = (unsigned long)((kvebuf[i].kve_end -
		    kvebuf[i].kve_start) / PAGE);
		uw = (kvebuf[i].kve_flags & KVME_FLAG_USER_WIRED) != 0;
		if (uw)
			s.user_wired += npages;
		if (kvebuf[i].kve_wired_count > uw)
			s.system_wired += npages;
		if (kvebuf[i].kve_wired_count > 0)
			s.wired_resident += kvebuf[i].kve_resident;
	}
	return (s);
}

/* The record of `pid` agrees with its map dump (R14, R47). */
static int
agrees_with_map(pid_t pid, const char *when)
{
	struct kinfo_proc ki;
	struct mapsums s;

	if (kinfo(pid, &ki) != 0)
		return (0);
	s = map_sums(pid);
	if (s.nentries > 0 && ki.ki_user_wired == s.user_wired &&
	    ki.ki_system_wired == s.system_wired &&
	    ki.ki_pmap_wired == s.wired_resident)
		return (1);
	printf("# %s: ki_user_wired %llu, map %lu; ki_system_wired %llu, "
	    "map %lu; ki_pmap_wired %llu, wired resident %lu\n", when,
	    (unsigned long long)ki.ki_user_wired, s.user_wired,
	    (unsigned long long)ki.ki_system_wired, s.system_wired,
	    (unsigned long long)ki.ki_pmap_wired, s.wired_resident);
	return (0);
}

/* Σ ki_user_wired over kern.proc.all, or ~0UL. */
static unsigned long
sum_user_wired(int *nprocs)
{
	size_t len = sizeof(kpbuf);
	unsigned long sum = 0;
	size_t i;

	if (sysctlbyname("kern.proc.all", kpbuf, &len, NULL, 0) != 0) {
		printf("# kern.proc.all: errno %d\n", errno);
		return (~0UL);
	}
	for (i = 0; i < len / sizeof(kpbuf[0]); i++)
		sum += kpbuf[i].ki_user_wired;
	*nprocs = (int)(len / sizeof(kpbuf[0]));
	return (sum);
}

/*
 * Σ ki_user_wired = v_user_wire_count now (R35, R47), and every live
 * process's record agrees with its map (R47: its wired PTEs are the
 * mapped pages of its wired entries).
 */
static void
check_sum(const char *name)
{
	struct kinfo_proc procs[MAXPROCS];
	unsigned long sum, u;
	int n = 0, i, agree = 1;

	sum = sum_user_wired(&n);
	u = uwire();
	memcpy(procs, kpbuf, (size_t)n * sizeof(procs[0]));
	for (i = 0; i < n; i++)
		if (procs[i].ki_state == KI_STATE_RUN &&
		    !agrees_with_map(procs[i].ki_pid, procs[i].ki_comm))
			agree = 0;
	ok(sum == u && n > 0 && agree, name);
	if (sum != u)
		printf("# %d processes sum to %lu, v_user_wire_count %lu\n", n,
		    sum, u);
}

static char *
anon(size_t pages)
{
	char *p;

	p = mmap(NULL, pages * PAGE, PROT_READ | PROT_WRITE,
	    MAP_ANON | MAP_PRIVATE, -1, 0);
	return (p == MAP_FAILED ? NULL : p);
}

/* An anonymous shm object of `pages` pages: a descriptor, or -1. */
static int
shm_pages(size_t pages)
{
	int fd;

	fd = shm_open(SHM_ANON, O_RDWR, 0600);
	if (fd >= 0 && ftruncate(fd, (off_t)(pages * PAGE)) != 0) {
		close(fd);
		return (-1);
	}
	return (fd);
}

static char *
map_shared(int fd, size_t pages)
{
	char *p;

	p = mmap(NULL, pages * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd,
	    0);
	return (p == MAP_FAILED ? NULL : p);
}

/*
 * The kern.proc.pid node: itself (the caller), a pid, ESRCH and
 * ENOENT; kern.proc.all has a record for the caller.
 */
static void
t_node(void)
{
	struct kinfo_proc ki, self;
	size_t len = sizeof(ki);
	int n = 0, found = 0, i;

	ok(sysctlbyname("kern.proc.pid", &ki, &len, NULL, 0) == 0 &&
	    len == sizeof(ki) && ki.ki_pid == getpid(),
	    "kinfo: kern.proc.pid is the caller");
	ok(kinfo(getpid(), &self) == 0 && self.ki_pid == getpid() &&
	    self.ki_ppid == getppid() && self.ki_state == KI_STATE_RUN &&
	    strcmp(self.ki_comm, ki.ki_comm) == 0,
	    "kinfo: kern.proc.pid.<own pid> is the caller");
	len = sizeof(ki);
	fails(sysctlbyname("kern.proc.pid.99998", &ki, &len, NULL, 0), ESRCH,
	    "kinfo: kern.proc.pid.<no such pid>: ESRCH");
	len = sizeof(ki);
	fails(sysctlbyname("kern.proc.pid.1x", &ki, &len, NULL, 0), ENOENT,
	    "kinfo: kern.proc.pid.<not a pid>: ENOENT");
	len = sizeof(ki);
	fails(sysctlbyname("kern.proc.all.1", &ki, &len, NULL, 0), ENOENT,
	    "kinfo: kern.proc.all has no names below it");
	(void)sum_user_wired(&n);
	for (i = 0; i < n; i++)
		if (kpbuf[i].ki_pid == getpid())
			found = kpbuf[i].ki_pgtable == self.ki_pgtable &&
			    kpbuf[i].ki_kstack == self.ki_kstack;
	ok(n > 1 && found, "kinfo: kern.proc.all has the caller, the same "
	    "figures");
	ok(self.ki_pgtable > 0 && self.ki_kstack > 0 &&
	    self.ki_numthreads == 1 && self.ki_rss > 0,
	    "kinfo: page tables, a kernel stack, one thread, resident pages");
	ok(agrees_with_map(getpid(), "start"),
	    "R14 R47 kinfo agrees with kern.proc.vmmap before any lock");
}

/*
 * R14 R35 R47: one shm page mapped twice and eight anonymous pages,
 * all locked: the process and v_user_wire_count count 10, the
 * physical counters 9.
 */
static void
t_self(void)
{
	struct kinfo_proc k0, k1;
	unsigned long u0, w0, wc0, km0, pt0, u1, w1, wc1, km1, pt1;
	char *a, *b, *c;
	int fd;

	fd = shm_pages(1);
	a = fd >= 0 ? map_shared(fd, 1) : NULL;
	b = fd >= 0 ? map_shared(fd, 1) : NULL;
	c = anon(8);
	if (a == NULL || b == NULL || c == NULL || kinfo(getpid(), &k0)) {
		ok(0, "R14 a shm page mapped twice and 8 anonymous pages");
		return;
	}
	u0 = uwire();
	w0 = reason("user");
	wc0 = sysctl_ulong("vm.stats.vm.v_wire_count");
	km0 = reason("kmem");
	pt0 = reason("pagetable");
	ok(mlock(a, PAGE) == 0 && mlock(b, PAGE) == 0 &&
	    mlock(c, 8 * PAGE) == 0, "R14 mlock of both mappings and of "
	    "8 anonymous pages: 0");
	u1 = uwire();
	w1 = reason("user");
	wc1 = sysctl_ulong("vm.stats.vm.v_wire_count");
	km1 = reason("kmem");
	pt1 = reason("pagetable");
	if (kinfo(getpid(), &k1) != 0)
		memset(&k1, 0, sizeof(k1));
	ok(k1.ki_user_wired == k0.ki_user_wired + 10 && u1 == u0 + 10,
	    "R14 R35 ki_user_wired and v_user_wire_count +10 (per mapping)");
	ok(w1 == w0 + 9 && wc1 - wc0 == (km1 - km0) + (pt1 - pt0) + 9,
	    "R14 v_wire_user and v_wire_count count the shared page once "
	    "(+9 beside kernel memory and page tables)");
	if (w1 != w0 + 9)
		printf("# v_wire_user %lu -> %lu\n", w0, w1);
	ok(k1.ki_pmap_wired == k0.ki_pmap_wired + 10 &&
	    k1.ki_system_wired == k0.ki_system_wired,
	    "R47 ki_pmap_wired +10 wired PTEs, no system wiring");
	ok(agrees_with_map(getpid(), "locked"),
	    "R14 R47 kinfo agrees with kern.proc.vmmap with 10 pages locked");
	check_sum("R35 R47 Σ ki_user_wired over the processes is "
	    "v_user_wire_count (this one locked); each agrees with its map");
	ok(munlock(a, PAGE) == 0 && kinfo(getpid(), &k1) == 0 &&
	    k1.ki_user_wired == k0.ki_user_wired + 9 && uwire() == u0 + 9 &&
	    reason("user") == w0 + 9,
	    "R14 munlock of one mapping: 9 left, the page still wired");
	ok(munmap(b, PAGE) == 0 && munmap(c, 8 * PAGE) == 0 &&
	    kinfo(getpid(), &k1) == 0 &&
	    k1.ki_user_wired == k0.ki_user_wired &&
	    k1.ki_pmap_wired == k0.ki_pmap_wired && uwire() == u0 &&
	    reason("user") == w0, "R45 munmap: the figures are back");
	munmap(a, PAGE);
	close(fd);
}

/*
 * A child that runs fn, tells the parent through `ready` and waits
 * until `go` is closed before it exits.
 */
static pid_t
hold_child(int (*fn)(void), int *readyfd, int *gofd)
{
	int ready[2], go[2];
	char c;
	pid_t pid;

	if (pipe(ready) != 0 || pipe(go) != 0)
		return (-1);
	fflush(stdout);
	if ((pid = fork()) == 0) {
		close(ready[0]);
		close(go[1]);
		c = (char)fn();
		write(ready[1], &c, 1);
		read(go[0], &c, 1);
		_exit(0);
	}
	close(ready[1]);
	close(go[0]);
	*readyfd = ready[0];
	*gofd = go[1];
	return (pid);
}

/* Wait for the child's report: its fn's result, or -1. */
static int
hold_ready(int readyfd)
{
	char c;

	if (read(readyfd, &c, 1) != 1)
		return (-1);
	return (c);
}

/* Let the child go and reap it: its exit status, or -1. */
static int
hold_release(pid_t pid, int readyfd, int gofd)
{
	int status;

	close(gofd);
	close(readyfd);
	if (waitpid(pid, &status, 0) != pid)
		return (-1);
	return (WIFEXITED(status) ? WEXITSTATUS(status) : 128);
}

static int
c_lock5(void)
{
	char *p = anon(5);

	return (p == NULL || mlock(p, 5 * PAGE) != 0);
}

static int
c_mlockall(void)
{
	char *p = anon(64);
	int i;

	if (p == NULL)
		return (1);
	for (i = 0; i < 64; i++)
		p[i * PAGE] = 1;
	return (mlockall(MCL_CURRENT) != 0);
}

/* R35 R47: the sum over the processes with a child holding locks. */
static void
t_sum(void)
{
	struct kinfo_proc k;
	int readyfd, gofd;
	pid_t pid;

	check_sum("R35 R47 Σ ki_user_wired over the processes is "
	    "v_user_wire_count (at rest); each agrees with its map");
	pid = hold_child(c_lock5, &readyfd, &gofd);
	ok(pid > 0 && hold_ready(readyfd) == 0 && kinfo(pid, &k) == 0 &&
	    k.ki_user_wired == 5 && k.ki_pmap_wired >= 5,
	    "R14 a child locking 5 pages: its ki_user_wired is 5");
	ok(pid > 0 && agrees_with_map(pid, "child"),
	    "R14 R47 the child's kinfo agrees with its kern.proc.vmmap");
	check_sum("R35 R47 Σ ki_user_wired over the processes is "
	    "v_user_wire_count (a child holds 5 pages); each agrees with "
	    "its map");
	ok(pid > 0 && hold_release(pid, readyfd, gofd) == 0,
	    "R46 the child exits");
	check_sum("R35 R47 Σ ki_user_wired is v_user_wire_count after it; "
	    "each agrees with its map");
}

/*
 * R46: a child that mlockall(MCL_CURRENT)s: the system counters drop
 * by its figures when it exits.
 */
static void
t_exit(void)
{
	unsigned long u0, w0, u1, pt1, ks1, u2, pt2, ks2;
	struct kinfo_proc k;
	int readyfd, gofd, st;
	pid_t pid;

	u0 = uwire();
	w0 = reason("user");
	pid = hold_child(c_mlockall, &readyfd, &gofd);
	st = pid > 0 ? hold_ready(readyfd) : -1;
	ok(st == 0 && kinfo(pid, &k) == 0 && k.ki_user_wired >= 64 &&
	    k.ki_pmap_wired >= 64 && k.ki_pgtable > 0 && k.ki_kstack > 0,
	    "R46 a child mlockall(MCL_CURRENT)s: its figures");
	if (st != 0)
		memset(&k, 0, sizeof(k));
	ok(pid > 0 && agrees_with_map(pid, "mlockall child"),
	    "R14 R47 the child's kinfo agrees with its kern.proc.vmmap");
	u1 = uwire();
	pt1 = reason("pagetable");
	ks1 = reason("kstack");
	ok(u1 == u0 + k.ki_user_wired,
	    "R35 v_user_wire_count grew by the child's ki_user_wired");
	st = pid > 0 ? hold_release(pid, readyfd, gofd) : -1;
	u2 = uwire();
	pt2 = reason("pagetable");
	ks2 = reason("kstack");
	ok(st == 0 && u1 - u2 == k.ki_user_wired && u2 == u0,
	    "R46 after its exit v_user_wire_count dropped by its "
	    "ki_user_wired");
	ok(pt1 - pt2 == k.ki_pgtable && ks1 - ks2 == k.ki_kstack,
	    "R46 v_wire_pagetable and v_wire_kstack dropped by its "
	    "ki_pgtable and ki_kstack");
	if (pt1 - pt2 != k.ki_pgtable || ks1 - ks2 != k.ki_kstack)
		printf("# pagetable %lu -> %lu (ki %llu), kstack %lu -> %lu "
		    "(ki %llu)\n", pt1, pt2, (unsigned long long)k.ki_pgtable,
		    ks1, ks2, (unsigned long long)k.ki_kstack);
	ok(reason("user") == w0, "R46 v_wire_user back at its base");
}

static int thread_pipe[2];

static void *
blocked_thread(void *arg)
{
	char c;

	(void)arg;
	read(thread_pipe[0], &c, 1);
	return (NULL);
}

/* Poll kern.proc.pid.<self> until it has `n` threads (about 2 s). */
static int
wait_threads(int n, struct kinfo_proc *ki)
{
	int i;

	for (i = 0; i < 200; i++) {
		if (kinfo(getpid(), ki) != 0)
			return (0);
		if (ki->ki_numthreads == n)
			return (1);
		usleep(10000);
	}
	return (0);
}

/* ki_kstack: one more kernel stack while a second thread lives. */
static void
t_kstack(void)
{
	struct kinfo_proc k0, k1, k2;
	unsigned long ks0, ks1, ks2;
	pthread_t t;
	int created;

	if (kinfo(getpid(), &k0) != 0 || pipe(thread_pipe) != 0) {
		ok(0, "kstack: a pipe and the record");
		return;
	}
	ks0 = reason("kstack");
	created = pthread_create(&t, NULL, blocked_thread, NULL) == 0;
	ok(created && wait_threads(2, &k1) &&
	    k1.ki_kstack == 2 * k0.ki_kstack && k0.ki_numthreads == 1,
	    "kstack: a second thread doubles ki_kstack");
	ks1 = reason("kstack");
	ok(ks1 - ks0 == k0.ki_kstack,
	    "kstack: v_wire_kstack grew by one thread's stack");
	write(thread_pipe[1], "x", 1);
	if (created)
		pthread_join(t, NULL);
	ok(wait_threads(1, &k2) && k2.ki_kstack == k0.ki_kstack,
	    "kstack: after pthread_join ki_kstack is back");
	ks2 = reason("kstack");
	ok(ks2 == ks0, "kstack: and v_wire_kstack");
	close(thread_pipe[0]);
	close(thread_pipe[1]);
}

/* The region of 2 MiB (a page table's reach) holding `a`. */
#define PT_REACH	(2UL * 1024 * 1024)
#define NFAR		4

/* Does any entry of our map lie in the page-table region of `a`? */
static int
region_has_entry(unsigned long a, const char *skip)
{
	unsigned long lo = a & ~(PT_REACH - 1), hi = lo + PT_REACH;
	struct mapsums s;
	long i;

	s = map_sums(getpid());
	for (i = 0; i < s.nentries; i++)
		if (kvebuf[i].kve_start < hi && kvebuf[i].kve_end > lo &&
		    kvebuf[i].kve_start != (unsigned long)skip)
			return (1);
	return (0);
}

/* ki_pgtable: mappings far apart need page tables of their own. */
static void
t_pgtable(void)
{
	struct kinfo_proc k0, k1, k2;
	unsigned long pt0, pt1, pt2, hint, step;
	char *p[NFAR];
	int i, alone = 1;

	/* Far apart: 512 GiB (amd64) or 256 MiB (i386), 1 GiB up. */
	step = sizeof(void *) == 8 ? 1UL << 39 : 1UL << 28;
	hint = 1UL << 30;
	if (kinfo(getpid(), &k0) != 0) {
		ok(0, "pgtable: the record");
		return;
	}
	pt0 = reason("pagetable");
	for (i = 0; i < NFAR; i++) {
		p[i] = mmap((void *)(hint + (unsigned long)i * step), PAGE,
		    PROT_READ | PROT_WRITE, MAP_ANON | MAP_PRIVATE, -1, 0);
		if (p[i] == MAP_FAILED) {
			p[i] = NULL;
			alone = 0;
		} else if (region_has_entry((unsigned long)p[i], p[i]))
			alone = 0;
	}
	ok(alone, "pgtable: 4 one-page mappings, each alone in its 2 MiB");
	for (i = 0; i < NFAR; i++)
		if (p[i] != NULL)
			p[i][0] = 1;
	pt1 = reason("pagetable");
	ok(kinfo(getpid(), &k1) == 0 &&
	    k1.ki_pgtable >= k0.ki_pgtable + NFAR,
	    "pgtable: touching them adds at least 4 page-table pages");
	ok(pt1 - pt0 == k1.ki_pgtable - k0.ki_pgtable,
	    "pgtable: v_wire_pagetable grew by the same number");
	if (pt1 - pt0 != k1.ki_pgtable - k0.ki_pgtable)
		printf("# v_wire_pagetable %lu -> %lu, ki_pgtable %llu -> "
		    "%llu\n", pt0, pt1, (unsigned long long)k0.ki_pgtable,
		    (unsigned long long)k1.ki_pgtable);
	for (i = 0; i < NFAR; i++)
		if (p[i] != NULL)
			munmap(p[i], PAGE);
	pt2 = reason("pagetable");
	ok(kinfo(getpid(), &k2) == 0 && k2.ki_pgtable == k0.ki_pgtable &&
	    pt2 == pt0, "pgtable: munmap frees them: both back");
}

/*
 * R76: a shm object of CHUNK pages mapped over and over by NPROC
 * children, each locking its share plus one more mapping: together
 * they want more than vm.max_user_wired allows, and stop exactly at it.
 */
#define CHUNK	256
#define NPROC	10
#define ROOM_MAX	(256UL * 1024)	/* 1 GiB of mappings: beyond, SKIP */

static int cap_fd;
static unsigned long cap_quota;	/* pages each child tries to lock */

/* Lock up to cap_quota pages; report how many, hit the cap or not. */
static void
cap_child(int report)
{
	unsigned long locked = 0, j;
	int full = 0;
	char *p;
	struct { unsigned long pages; int full, error; } r;

	r.error = 0;
	while (locked < cap_quota && !full) {
		if ((p = map_shared(cap_fd, CHUNK)) == NULL) {
			r.error = 1;
			break;
		}
		if (mlock(p, CHUNK * PAGE) == 0) {
			locked += CHUNK;
			continue;
		}
		if (errno != ENOMEM) {
			r.error = 2;
			break;
		}
		/* At the cap: what fits, page by page (R3: none of it yet). */
		full = 1;
		for (j = 0; j < CHUNK; j++) {
			if (mlock(p + j * PAGE, PAGE) != 0) {
				if (errno != ENOMEM)
					r.error = 3;
				break;
			}
			locked++;
		}
	}
	r.pages = locked;
	r.full = full;
	write(report, &r, sizeof(r));
}

static void
t_cap(void)
{
	struct { unsigned long pages; int full, error; } r;
	unsigned long cap, u0, w0, room, total = 0, sum_ki = 0;
	int report[2], go[2], i, full = 0, errors = 0, st, status;
	struct kinfo_proc k;
	pid_t pid[NPROC];
	char *p, c;

	cap = sysctl_ulong("vm.max_user_wired");
	u0 = uwire();
	w0 = reason("user");
	cap_fd = shm_pages(CHUNK);
	if (cap == ~0UL || u0 > cap || cap_fd < 0 || pipe(report) != 0 ||
	    pipe(go) != 0) {
		ok(0, "R76 the cap, a shm object and pipes");
		return;
	}
	room = cap - u0;
	if (room > ROOM_MAX) {
		printf("ok %d - R76 ten processes stop at vm.max_user_wired "
		    "# SKIP %lu pages below the cap: more than this test maps "
		    "(boot with less memory or vm.max_user_wired)\n",
		    ++results, room);
		close(cap_fd);
		close(report[0]);
		close(report[1]);
		close(go[0]);
		close(go[1]);
		return;
	}
	cap_quota = room / NPROC + CHUNK;
	printf("# vm.max_user_wired %lu, v_user_wire_count %lu: %d processes "
	    "try %lu pages each\n", cap, u0, NPROC, cap_quota);
	fflush(stdout);
	for (i = 0; i < NPROC; i++) {
		if ((pid[i] = fork()) == 0) {
			close(report[0]);
			close(go[1]);
			cap_child(report[1]);
			read(go[0], &c, 1);
			_exit(0);
		}
		/* One at a time, so the last ones find the cap reached. */
		if (pid[i] < 0 ||
		    read(report[0], &r, sizeof(r)) != (ssize_t)sizeof(r)) {
			errors++;
			continue;
		}
		total += r.pages;
		full |= r.full;
		errors += r.error != 0;
		if (kinfo(pid[i], &k) == 0 && k.ki_user_wired == r.pages)
			sum_ki += k.ki_user_wired;
		else
			errors++;
	}
	ok(errors == 0 && full, "R76 ten processes lock until the cap: "
	    "mlock ENOMEM there, nothing else failed");
	ok(uwire() == cap && total == room,
	    "R76 v_user_wire_count stops exactly at vm.max_user_wired");
	if (uwire() != cap || total != room)
		printf("# v_user_wire_count %lu, locked %lu of %lu\n", uwire(),
		    total, room);
	ok(sum_ki == total, "R14 R76 each child's ki_user_wired is what it "
	    "locked");
	ok(reason("user") == w0 + CHUNK, "R14 R76 the cap counts mappings: "
	    "v_wire_user grew by the 256 shared pages only");
	check_sum("R35 R47 Σ ki_user_wired is v_user_wire_count at the cap; "
	    "each agrees with its map");
	p = anon(1);
	fails(p != NULL ? mlock(p, PAGE) : 0, ENOMEM,
	    "R76 R77 at the cap mlock of one more page: ENOMEM");
	fails(mlockall(MCL_CURRENT), ENOMEM,
	    "R76 R77 at the cap mlockall(MCL_CURRENT): ENOMEM");
	ok(uwire() == cap, "R3 R76 the failed calls locked nothing");
	if (p != NULL)
		munmap(p, PAGE);
	close(go[1]);
	close(go[0]);
	close(report[0]);
	close(report[1]);
	st = 0;
	for (i = 0; i < NPROC; i++)
		if (pid[i] > 0 && (waitpid(pid[i], &status, 0) != pid[i] ||
		    !WIFEXITED(status) || WEXITSTATUS(status) != 0))
			st = 1;
	close(cap_fd);
	ok(st == 0 && uwire() == u0 && reason("user") == w0,
	    "R46 R76 they exit: the counters are back");
}

/*
 * R78 R14 R15: with RLIMIT_MEMLOCK at 2 pages, two mappings of one page
 * fill it (each mapping counts), a re-lock is still allowed, a third
 * mapping is ENOMEM.
 */
static void
c_limit_per_mapping(void)
{
	struct rlimit rl = { 2 * PAGE, 2 * PAGE };
	struct kinfo_proc k0, k1;
	char *a, *b, *c;
	int fd;

	fd = shm_pages(1);
	CHECK(fd >= 0);
	a = map_shared(fd, 1);
	b = map_shared(fd, 1);
	c = map_shared(fd, 1);
	CHECK(a != NULL && b != NULL && c != NULL);
	CHECK(kinfo(getpid(), &k0) == 0 && k0.ki_pmap_wired == 0);
	CHECK(setrlimit(RLIMIT_MEMLOCK, &rl) == 0);
	CHECK(mlock(a, PAGE) == 0);
	CHECK(mlock(b, PAGE) == 0);
	CHECK(mlock(a, PAGE) == 0);	/* R15: not counted again */
	CHECK_ERR(mlock(c, PAGE), ENOMEM);
	CHECK(kinfo(getpid(), &k1) == 0 && k1.ki_pmap_wired == 2 &&
	    k1.ki_user_wired == 2);
}

static void
t_limit(void)
{
	run_in_child("R78 R14 R15", "RLIMIT_MEMLOCK 2 pages: two mappings "
	    "of one page fill it, a re-lock is allowed, a third mapping "
	    "ENOMEM", c_limit_per_mapping);
}

static int
run(void)
{
	t_node();
	t_self();
	t_sum();
	t_exit();
	t_kstack();
	t_pgtable();
	t_limit();
	t_cap();
	return (done_testing());
}

int
main(void)
{
	int status;
	pid_t pid;

	if (getpid() != 1)
		return (run());
	/* As init: do the work in a child (normal process semantics). */
	if ((pid = fork()) == 0)
		_exit(run());
	waitpid(pid, &status, 0);
	return (WIFEXITED(status) ? WEXITSTATUS(status) : 1);
}
