/*
 * mcl_future_test.c - mlockall(MCL_FUTURE) (issue 7): the life of
 * MAP_WIREFUTURE against SEMANTICS.md.  Applied by the one post-mapping
 * hook: mmap of every kind (R21, R24: anonymous, /dev/zero, tmpfs
 * files, shm objects, MAP_STACK), the heap (R22), stack growth (R23);
 * EAGAIN with nothing mapped when it cannot be (RLIMIT_MEMLOCK,
 * vm.max_user_wired, a fault that fails: the decisions table).  Not
 * set by a failed mlockall (R20); cleared by munlockall (R25), in a
 * fork's child (R26), by exec (R27), and never found in a new address
 * space that reuses the memory of one that had it (R28, I-M1, I-M3).
 *
 * "Wired" is seen three ways: vm.stats.vm.v_user_wire_count (virtual
 * pages), no page fault on the first touch (ru_minflt), and the entry's
 * user-wired flag in kern.proc.vmmap.  Every case runs in a child, so
 * its lock state dies with it.  Run with an argument "exec-check" the
 * program is the helper R27 execs.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/sysctl.h>
#include <sys/wait.h>
#include <time.h>
#include <sys/_kinfo_vmentry.h>
#include <unistd.h>

#include "lib/utest.h"

#define PAGE		4096UL
#define SGROWSIZ	(128 * 1024UL)	/* vm_map.h: a stack's first piece */
#define ROUNDS		1000		/* R28 */

static const char *self = "/tests/mcl_future_test";

static int
set_memlock(rlim_t bytes)
{
	struct rlimit rl;

	getrlimit(RLIMIT_MEMLOCK, &rl);
	rl.rlim_cur = bytes;
	return (setrlimit(RLIMIT_MEMLOCK, &rl));
}

static char *
anon(size_t pages)
{
	char *p;

	p = mmap(NULL, pages * PAGE, PROT_READ | PROT_WRITE,
	    MAP_ANON | MAP_PRIVATE, -1, 0);
	return (p == MAP_FAILED ? NULL : p);
}

/*
 * The map read into a static buffer: malloc could map memory, which
 * MCL_FUTURE would wire (and count) or refuse.
 */
static struct kinfo_vmentry kvebuf[512];

/* This process's map entries from kern.proc.vmmap, or -1. */
static long
vmmap_read(void)
{
	size_t len = sizeof(kvebuf);

	if (sysctlbyname("kern.proc.vmmap", kvebuf, &len, NULL, 0) != 0)
		return (-1);
	return ((long)(len / sizeof(kvebuf[0])));
}

/*
 * The kern.proc.vmmap entry of this process that holds `a`, copied to
 * *e; 0 if there is none (or the map cannot be read).
 */
static int
vmmap_entry(const void *a, struct kinfo_vmentry *e)
{
	unsigned long va = (unsigned long)a;
	long i, n;

	n = vmmap_read();
	for (i = 0; i < n; i++)
		if (kvebuf[i].kve_start <= va && va < kvebuf[i].kve_end) {
			*e = kvebuf[i];
			return (1);
		}
	return (0);
}

/* Does kern.proc.vmmap show [a, a + len) user-wired, every page? */
static int
user_wired(const void *a, size_t len)
{
	struct kinfo_vmentry e;
	const char *p = a;
	size_t off;

	for (off = 0; off < len; off += PAGE)
		if (!vmmap_entry(p + off, &e) ||
		    (e.kve_flags & KVME_FLAG_USER_WIRED) == 0 ||
		    e.kve_wired_count < 1)
			return (0);
	return (1);
}

/* Is `a` mapped with no wiring at all? */
static int
unwired(const void *a)
{
	struct kinfo_vmentry e;

	return (vmmap_entry(a, &e) && e.kve_wired_count == 0 &&
	    (e.kve_flags & KVME_FLAG_USER_WIRED) == 0);
}

/* Is nothing mapped in [a, a + len) (mincore and kern.proc.vmmap)? */
static int
range_free(const void *a, size_t len)
{
	struct kinfo_vmentry e;
	const char *p = a;
	char vec[1];
	size_t off;

	for (off = 0; off < len; off += PAGE) {
		errno = 0;
		if (mincore(p + off, PAGE, vec) != -1 || errno != ENOMEM ||
		    vmmap_entry(p + off, &e))
			return (0);
	}
	return (1);
}

/* An address where `pages` pages are free right now. */
static char *
free_range(size_t pages)
{
	char *p = anon(pages);

	if (p != NULL)
		munmap(p, pages * PAGE);
	return (p);
}

/* Touch one byte per page for writing; the page faults it took. */
static long
touch_faults(char *p, size_t pages)
{
	long f0 = minflt();
	size_t i;

	for (i = 0; i < pages; i++)
		((volatile char *)p)[i * PAGE] = (char)i;
	return (minflt() - f0);
}

/* A file of `bytes` in tmpfs, unlinked; its descriptor or -1. */
static int
tmpfs_file(off_t bytes)
{
	char path[] = "/tmp/t_mclfXXXXXX";
	int fd;

	if ((fd = mkstemp(path)) < 0)
		return (-1);
	unlink(path);
	if (ftruncate(fd, bytes) != 0) {
		close(fd);
		return (-1);
	}
	return (fd);
}

/* Use `kib` KiB of stack below this frame, a byte every 512. */
static int __attribute__((noinline))
use_stack(size_t kib)
{
	volatile char *p = __builtin_alloca(kib * 1024);
	size_t i;

	for (i = 0; i < kib * 1024; i += 512)
		p[i] = (char)i;
	return (p[0] == 0 ? 0 : 1);
}

/* ---- R21, R24: mmap ---- */

static void
c_mmap_anon(void)
{
	unsigned long u0;
	char *p, *q;

	CHECK(mlockall(MCL_FUTURE) == 0);
	u0 = uwire();
	p = anon(4);
	CHECK(p != NULL);
	if (p == NULL)
		return;
	CHECK(uwire() == u0 + 4);
	CHECK(touch_faults(p, 4) == 0);
	CHECK(user_wired(p, 4 * PAGE));
	/* Read-only memory is wired too (read faults are all it allows). */
	q = mmap(NULL, 2 * PAGE, PROT_READ, MAP_ANON | MAP_PRIVATE, -1, 0);
	CHECK(q != MAP_FAILED && uwire() == u0 + 6 && user_wired(q, 2 * PAGE));
	CHECK(munmap(p, 4 * PAGE) == 0 && munmap(q, 2 * PAGE) == 0 &&
	    uwire() == u0);
}

static void
c_mmap_devzero_stack_none(void)
{
	unsigned long u0;
	char *p, *s, *n;
	int fd;

	CHECK(mlockall(MCL_FUTURE) == 0);
	u0 = uwire();
	fd = open("/dev/zero", O_RDWR);
	CHECK(fd >= 0);
	p = mmap(NULL, 3 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	CHECK(p != MAP_FAILED && uwire() == u0 + 3 &&
	    touch_faults(p, 3) == 0 && user_wired(p, 3 * PAGE));
	close(fd);
	/* MAP_STACK: its first piece, not the gap below it (HOLESOK). */
	s = mmap(NULL, 64 * PAGE, PROT_READ | PROT_WRITE,
	    MAP_STACK | MAP_ANON | MAP_PRIVATE, -1, 0);
	CHECK(s != MAP_FAILED);
	if (s == MAP_FAILED)
		return;
	CHECK(uwire() == u0 + 3 + SGROWSIZ / PAGE);
	CHECK(user_wired(s + 64 * PAGE - SGROWSIZ, SGROWSIZ));
	CHECK(!user_wired(s, PAGE));
	/* R6: memory that cannot be read is mapped, not wired. */
	n = mmap(NULL, 2 * PAGE, PROT_NONE, MAP_ANON | MAP_PRIVATE, -1, 0);
	CHECK(n != MAP_FAILED && unwired(n) &&
	    uwire() == u0 + 3 + SGROWSIZ / PAGE);
	CHECK(munmap(p, 3 * PAGE) == 0 && munmap(s, 64 * PAGE) == 0 &&
	    munmap(n, 2 * PAGE) == 0 && uwire() == u0);
}

static void
c_mmap_shm_tmpfs(void)
{
	unsigned long u0;
	char *a, *b, *c;
	int shm, fd;

	CHECK(mlockall(MCL_FUTURE) == 0);
	u0 = uwire();
	shm = shm_open(SHM_ANON, O_RDWR, 0600);
	CHECK(shm >= 0 && ftruncate(shm, 4 * PAGE) == 0);
	a = mmap(NULL, 4 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, shm, 0);
	CHECK(a != MAP_FAILED && uwire() == u0 + 4 &&
	    touch_faults(a, 4) == 0 && user_wired(a, 4 * PAGE));
	fd = tmpfs_file(3 * PAGE);
	CHECK(fd >= 0);
	b = mmap(NULL, 3 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	CHECK(b != MAP_FAILED && uwire() == u0 + 7 &&
	    touch_faults(b, 3) == 0 && user_wired(b, 3 * PAGE));
	c = mmap(NULL, 3 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	CHECK(c != MAP_FAILED && uwire() == u0 + 10 &&
	    touch_faults(c, 3) == 0 && user_wired(c, 3 * PAGE));
	CHECK(b[PAGE] == 1 && c[PAGE] == 1);
	CHECK(munmap(a, 4 * PAGE) == 0 && munmap(b, 3 * PAGE) == 0 &&
	    munmap(c, 3 * PAGE) == 0 && uwire() == u0);
	close(shm);
	close(fd);
}

static void
c_mmap_memlock(void)
{
	char *hole, *old, *p;

	old = anon(1);
	hole = free_range(4);
	CHECK(hole != NULL && old != NULL);
	if (hole == NULL || old == NULL)
		return;
	old[0] = 'o';
	CHECK(mlockall(MCL_FUTURE) == 0 && set_memlock(2 * PAGE) == 0);
	CHECK_ERR(mmap(hole, 4 * PAGE, PROT_READ | PROT_WRITE,
	    MAP_ANON | MAP_PRIVATE | MAP_FIXED | MAP_EXCL, -1, 0), EAGAIN);
	CHECK(range_free(hole, 4 * PAGE));
	CHECK_ERR(mmap(NULL, 3 * PAGE, PROT_READ | PROT_WRITE,
	    MAP_ANON | MAP_PRIVATE, -1, 0), EAGAIN);
	/* MAP_FIXED over a mapping: refused before it is replaced. */
	CHECK_ERR(mmap(old, 4 * PAGE, PROT_READ | PROT_WRITE,
	    MAP_ANON | MAP_PRIVATE | MAP_FIXED, -1, 0), EAGAIN);
	CHECK(old[0] == 'o');
	/* Within the limit it works, and then the limit is full. */
	p = anon(2);
	CHECK(p != NULL && user_wired(p, 2 * PAGE));
	CHECK_ERR(mmap(NULL, PAGE, PROT_READ | PROT_WRITE,
	    MAP_ANON | MAP_PRIVATE, -1, 0), EAGAIN);
	/* Memory that is not wired does not count. */
	p = mmap(NULL, 8 * PAGE, PROT_NONE, MAP_ANON | MAP_PRIVATE, -1, 0);
	CHECK(p != MAP_FAILED);
}

static void
c_mmap_max_user_wired(void)
{
	unsigned long max = sysctl_ulong("vm.max_user_wired");
	char *hole = free_range(1);

	CHECK(max != ~0UL && hole != NULL);
	CHECK(mlockall(MCL_FUTURE) == 0);
	CHECK_ERR(mmap(hole, (max + 1) * PAGE, PROT_READ | PROT_WRITE,
	    MAP_ANON | MAP_PRIVATE | MAP_FIXED | MAP_EXCL, -1, 0), EAGAIN);
	CHECK(range_free(hole, PAGE));
}

static void
c_mmap_wiring_fails(void)
{
	unsigned long u0;
	char *hole, *old;
	int fd;

	fd = tmpfs_file(PAGE);
	old = anon(4);
	hole = free_range(4);
	CHECK(fd >= 0 && hole != NULL && old != NULL);
	if (fd < 0 || hole == NULL || old == NULL)
		return;
	CHECK(mlockall(MCL_FUTURE) == 0);
	u0 = uwire();
	/* One page of file mapped as four: the second page cannot be. */
	CHECK_ERR(mmap(hole, 4 * PAGE, PROT_READ | PROT_WRITE,
	    MAP_SHARED | MAP_FIXED | MAP_EXCL, fd, 0), EAGAIN);
	CHECK(range_free(hole, 4 * PAGE) && uwire() == u0);
	CHECK_ERR(mmap(NULL, 4 * PAGE, PROT_READ, MAP_SHARED, fd, 0),
	    EAGAIN);
	CHECK(uwire() == u0);
	/*
	 * MAP_FIXED over a mapping: what it replaced is gone, the new one
	 * is undone; the range is left empty (POSIX allows it).
	 */
	CHECK_ERR(mmap(old, 4 * PAGE, PROT_READ | PROT_WRITE,
	    MAP_SHARED | MAP_FIXED, fd, 0), EAGAIN);
	CHECK(range_free(old, 4 * PAGE) && uwire() == u0);
	close(fd);
}

/* ---- R22: the heap ---- */

static void
c_brk(void)
{
	unsigned long u0, u1;
	char *cur, *p;

	CHECK(mlockall(MCL_CURRENT | MCL_FUTURE) == 0);
	/* Move the break to a page boundary first. */
	cur = sbrk(0);
	CHECK(sbrk((PAGE - (unsigned long)cur % PAGE) % PAGE) != (void *)-1);
	u0 = uwire();
	p = sbrk(4 * PAGE);
	CHECK(p != (void *)-1 && (unsigned long)p % PAGE == 0);
	if (p == (void *)-1)
		return;
	CHECK(uwire() == u0 + 4);
	CHECK(touch_faults(p, 4) == 0);
	CHECK(user_wired(p, 4 * PAGE));
	u1 = uwire();
	CHECK(sbrk(-(intptr_t)(2 * PAGE)) != (void *)-1 &&
	    uwire() == u1 - 2 && range_free(p + 2 * PAGE, 2 * PAGE));
	CHECK(sbrk(-(intptr_t)(2 * PAGE)) != (void *)-1 && uwire() == u0);
	/* Over RLIMIT_MEMLOCK: EAGAIN, the break where it was. */
	CHECK(set_memlock(0) == 0);
	cur = sbrk(0);
	CHECK_ERR(sbrk(4 * PAGE), EAGAIN);
	CHECK(sbrk(0) == cur && range_free(cur, 4 * PAGE));
}

static void
c_brk_future_only(void)
{
	unsigned long u0;
	char *cur, *p;

	/* The heap below is not wired: the new pages alone are. */
	cur = sbrk(0);
	CHECK(sbrk((PAGE - (unsigned long)cur % PAGE) % PAGE + PAGE) !=
	    (void *)-1);
	CHECK(mlockall(MCL_FUTURE) == 0);
	u0 = uwire();
	p = sbrk(2 * PAGE);
	CHECK(p != (void *)-1 && uwire() == u0 + 2 &&
	    touch_faults(p, 2) == 0 && user_wired(p, 2 * PAGE));
	CHECK(unwired(p - PAGE));
	CHECK(sbrk(-(intptr_t)(2 * PAGE)) != (void *)-1 && uwire() == u0);
}

/* ---- R23: the stack ---- */

static void
c_stack_grows_wired(void)
{
	unsigned long u0;
	char here;

	CHECK(mlockall(MCL_CURRENT | MCL_FUTURE) == 0);
	u0 = uwire();
	CHECK(use_stack(512) == 0);
	CHECK(uwire() >= u0 + 512 * 1024 / PAGE - SGROWSIZ / PAGE);
	CHECK(user_wired((char *)((unsigned long)&here - 480 * 1024), PAGE));
}

static void
g_stack_over_memlock(void)
{
	mlockall(MCL_CURRENT | MCL_FUTURE);
	set_memlock(0);			/* R78: the locks stay */
	use_stack(512);
	_exit(0);			/* the stack grew: wrong */
}

static void
c_stack_over_memlock(void)
{
	int status;
	pid_t pid;

	fflush(stdout);
	if ((pid = fork()) == 0)
		g_stack_over_memlock();
	CHECK(pid > 0 && waitpid(pid, &status, 0) == pid &&
	    WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV);
}

/* ---- R20, R25, R26, R27: where MAP_WIREFUTURE is not, or goes ---- */

static void
c_failed_mlockall(void)
{
	unsigned long u0;
	char *f, *p;
	int fd;

	fd = tmpfs_file(PAGE);
	CHECK(fd >= 0);
	f = mmap(NULL, 4 * PAGE, PROT_READ, MAP_SHARED, fd, 0);
	CHECK(f != MAP_FAILED);
	u0 = uwire();
	CHECK_ERR(mlockall(MCL_CURRENT | MCL_FUTURE), EAGAIN);
	CHECK(uwire() == u0);
	p = anon(2);
	CHECK(p != NULL && uwire() == u0 && touch_faults(p, 2) == 2 &&
	    unwired(p));
	close(fd);
}

static void
c_munlockall(void)
{
	unsigned long u0 = uwire();
	char *p;

	CHECK(mlockall(MCL_CURRENT | MCL_FUTURE) == 0);
	CHECK(munlockall() == 0 && uwire() == u0);
	p = anon(2);
	CHECK(p != NULL && uwire() == u0 && touch_faults(p, 2) == 2 &&
	    unwired(p));
}

static void
c_fork(void)
{
	unsigned long u0;
	char *p;
	int status;
	pid_t pid;

	CHECK(mlockall(MCL_FUTURE) == 0);
	p = anon(2);
	CHECK(p != NULL && user_wired(p, 2 * PAGE));
	fflush(stdout);
	fflush(stderr);
	if ((pid = fork()) == 0) {
		child_failures = 0;
		u0 = uwire();
		p = anon(3);
		CHECK(p != NULL && uwire() == u0 &&
		    touch_faults(p, 3) == 3 && unwired(p));
		_exit(child_failures == 0 ? 0 : 1);
	}
	CHECK(pid > 0 && waitpid(pid, &status, 0) == pid &&
	    WIFEXITED(status) && WEXITSTATUS(status) == 0);
	u0 = uwire();
	p = anon(2);
	CHECK(p != NULL && uwire() == u0 + 2 && user_wired(p, 2 * PAGE));
}

/* The program exec'd by c_exec: nothing of it may be wired. */
static int
exec_check(void)
{
	unsigned long u0 = uwire();
	long i, n;
	char *p;
	int bad = 0;

	p = anon(3);
	bad |= p == NULL || uwire() != u0 || touch_faults(p, 3) != 3 ||
	    !unwired(p);
	bad |= (use_stack(256) != 0) << 1;
	if ((n = vmmap_read()) <= 0)
		bad |= 4;
	for (i = 0; i < n; i++)
		if (kvebuf[i].kve_wired_count != 0 ||
		    (kvebuf[i].kve_flags & KVME_FLAG_USER_WIRED) != 0)
			bad |= 8;
	if (bad)
		fprintf(stderr, "mcl_future_test exec-check: %#x\n", bad);
	return (bad);
}

static void
c_exec(void)
{
	char *argv[] = { (char *)self, "exec-check", NULL };
	int status;
	pid_t pid;

	CHECK(mlockall(MCL_CURRENT | MCL_FUTURE) == 0);
	fflush(stdout);
	fflush(stderr);
	if ((pid = fork()) == 0) {
		/* A child of a locked process, locking for itself. */
		if (mlockall(MCL_CURRENT | MCL_FUTURE) != 0)
			_exit(99);
		execve(self, argv, NULL);
		_exit(98);
	}
	CHECK(pid > 0 && waitpid(pid, &status, 0) == pid &&
	    WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

/*
 * R28 (SEMANTICS H2): one child sets MAP_WIREFUTURE and exits, its
 * vmspace is freed; the next child's vmspace may be the same memory
 * and must not have the flag.  Its new page must fault on first touch.
 */
static void
c_recycle(void)
{
	struct timespec t0, t1;
	int i, status, bad = 0;
	pid_t pid;
	char *p;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (i = 0; i < ROUNDS && bad == 0; i++) {
		if ((pid = fork()) == 0)
			_exit(mlockall(MCL_FUTURE) == 0 ? 0 : 1);
		if (pid < 0 || waitpid(pid, &status, 0) != pid ||
		    !WIFEXITED(status) || WEXITSTATUS(status) != 0)
			bad = 1;
		if ((pid = fork()) == 0) {
			p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE,
			    MAP_ANON | MAP_PRIVATE, -1, 0);
			_exit(p != MAP_FAILED && touch_faults(p, 1) == 1 ?
			    0 : 1);
		}
		if (pid < 0 || waitpid(pid, &status, 0) != pid ||
		    !WIFEXITED(status) || WEXITSTATUS(status) != 0)
			bad = 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	/* On standard error: the runner shows it as a comment. */
	fprintf(stderr, "%d rounds of R28 in %ld ms\n", i,
	    (long)(t1.tv_sec - t0.tv_sec) * 1000 +
	    (t1.tv_nsec - t0.tv_nsec) / 1000000);
	if (bad)
		fprintf(stderr, "round %d: %s\n", i - 1, bad == 1 ?
		    "mlockall child failed" : "fresh child's page was wired");
	CHECK(bad == 0);
}

static int
run(void)
{
	run_in_child("mcl_future", "R21 mmap anon after mlockall(MCL_FUTURE) "
	    "is wired: v_user_wire_count, no fault on first touch, "
	    "kern.proc.vmmap", c_mmap_anon);
	run_in_child("mcl_future", "R21 R24 R6 /dev/zero wired, MAP_STACK's "
	    "first piece wired (not its gap), PROT_NONE mapped unwired",
	    c_mmap_devzero_stack_none);
	run_in_child("mcl_future", "R24 shm_open+mmap and tmpfs file "
	    "mappings (shared, private) wired", c_mmap_shm_tmpfs);
	run_in_child("mcl_future", "R21 over RLIMIT_MEMLOCK: EAGAIN, nothing "
	    "mapped, a MAP_FIXED target kept", c_mmap_memlock);
	run_in_child("mcl_future", "R21 R76 over vm.max_user_wired: EAGAIN, "
	    "nothing mapped", c_mmap_max_user_wired);
	run_in_child("mcl_future", "R21 wiring fails (file past EOF): EAGAIN, "
	    "the mapping undone; MAP_FIXED leaves the range empty",
	    c_mmap_wiring_fails);
	run_in_child("mcl_future", "R22 sbrk after mlockall(MCL_CURRENT|"
	    "MCL_FUTURE): new heap user-wired, shrinking gives it back, "
	    "EAGAIN over RLIMIT_MEMLOCK", c_brk);
	run_in_child("mcl_future", "R22 I-E5 sbrk after MCL_FUTURE alone: "
	    "only the new pages wired", c_brk_future_only);
	run_in_child("mcl_future", "R23 stack growth after mlockall("
	    "MCL_CURRENT|MCL_FUTURE) is wired", c_stack_grows_wired);
	run_in_child("mcl_future", "R23 R72 stack growth over RLIMIT_MEMLOCK: "
	    "SIGSEGV", c_stack_over_memlock);
	run_in_child("mcl_future", "R20 a failed mlockall(MCL_CURRENT|"
	    "MCL_FUTURE) leaves later mmaps unwired", c_failed_mlockall);
	run_in_child("mcl_future", "R25 munlockall clears MAP_WIREFUTURE",
	    c_munlockall);
	run_in_child("mcl_future", "R26 a fork's child maps unwired, the "
	    "parent still wired", c_fork);
	run_in_child("mcl_future", "R27 exec clears MAP_WIREFUTURE: the new "
	    "program's mmap, stack and map unwired", c_exec);
	run_in_child("mcl_future", "R28 I-M1 I-M3 1000 rounds: a child "
	    "mlockall(MCL_FUTURE)s and exits, a fresh child's page is not "
	    "wired", c_recycle);
	return (done_testing());
}

int
main(int argc, char **argv)
{
	int status;
	pid_t pid;

	if (argc > 0 && strchr(argv[0], '/') != NULL)
		self = argv[0];
	if (argc == 2 && strcmp(argv[1], "exec-check") == 0)
		return (exec_check());
	if (getpid() != 1)
		return (run());
	/* As init: do the work in a child (normal process semantics). */
	if ((pid = fork()) == 0)
		_exit(run());
	waitpid(pid, &status, 0);
	return (WIFEXITED(status) ? WEXITSTATUS(status) : 1);
}
