/*
 * rusage_test.c - getrusage (issue 6): ru_minflt grows by the pages
 * touched in a fresh mapping (about: one fault per page, give or take
 * the stack), ru_majflt stays 0 (no fault does I/O), ru_maxrss covers
 * what was touched; RUSAGE_THREAD counts the calling thread's faults
 * only; RUSAGE_CHILDREN after wait has the children's faults, time and
 * maxrss, and wait4's rusage the reaped child's own; the errors.
 * Prints TAP; exits 0 only if every check passed.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define PAGE	4096
#define SLACK	16	/* faults that are not ours: stack, libc */

static int ntest, nfailed;

static void
ok(int cond, const char *name)
{
	ntest++;
	if (!cond)
		nfailed++;
	printf("%sok %d - rusage: %s\n", cond ? "" : "not ", ntest, name);
	fflush(stdout);
}

/* Map and touch n fresh pages (a write each), then unmap them. */
static void
touch_pages(int n)
{
	char *p;
	int i;

	p = mmap(NULL, (size_t)n * PAGE, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANON, -1, 0);
	if (p == MAP_FAILED)
		return;
	for (i = 0; i < n; i++)
		((volatile char *)p)[i * PAGE] = 1;
	munmap(p, (size_t)n * PAGE);
}

static long
ms_of(const struct timeval *tv)
{
	return ((long)tv->tv_sec * 1000 + tv->tv_usec / 1000);
}

/*
 * Spin for `ms` milliseconds of real time, in user mode, reading the
 * clock every 100,000 rounds (clock_gettime reads it in user space,
 * from the shared page: no system call either).
 */
static void
spin_ms(long ms)
{
	struct timespec a, b;
	volatile long n;

	clock_gettime(CLOCK_MONOTONIC, &a);
	do {
		for (n = 0; n < 100000; n++)
			continue;
		clock_gettime(CLOCK_MONOTONIC, &b);
	} while ((b.tv_sec - a.tv_sec) * 1000 +
	    (b.tv_nsec - a.tv_nsec) / 1000000 < ms);
}

static void *
thread_touches(void *arg)
{
	struct rusage a, b;

	getrusage(RUSAGE_THREAD, &a);
	touch_pages(32);
	getrusage(RUSAGE_THREAD, &b);
	*(long *)arg = b.ru_minflt - a.ru_minflt;
	return (NULL);
}

int
main(void)
{
	struct rusage a, b, c, r;
	pthread_t t;
	long delta, tdelta = 0;
	int status;
	pid_t pid;

	ok(getrusage(RUSAGE_SELF, &a) == 0 && a.ru_minflt > 0 &&
	    a.ru_majflt == 0 && a.ru_maxrss > 0,
	    "getrusage(RUSAGE_SELF): faults so far, none major, maxrss");
	touch_pages(64);
	getrusage(RUSAGE_SELF, &b);
	delta = b.ru_minflt - a.ru_minflt;
	printf("# 64 pages touched: ru_minflt +%ld, ru_maxrss %ld KiB\n",
	    delta, b.ru_maxrss);
	ok(delta >= 64 && delta <= 64 + SLACK,
	    "ru_minflt grows by the number of pages touched (64)");
	ok(b.ru_majflt == 0, "ru_majflt stays 0: no fault waits for I/O");
	ok(b.ru_maxrss >= a.ru_maxrss && b.ru_maxrss >= 64 * PAGE / 1024,
	    "ru_maxrss (KiB) covers the 64 pages");

	/* A thread's faults are its own; the process's are all of them. */
	getrusage(RUSAGE_THREAD, &a);
	getrusage(RUSAGE_SELF, &b);
	pthread_create(&t, NULL, thread_touches, &tdelta);
	pthread_join(t, NULL);
	getrusage(RUSAGE_THREAD, &c);
	getrusage(RUSAGE_SELF, &r);
	ok(tdelta >= 32 && tdelta <= 32 + SLACK &&
	    c.ru_minflt - a.ru_minflt < 32,
	    "RUSAGE_THREAD counts the calling thread's faults only");
	ok(r.ru_minflt - b.ru_minflt >= 32, "RUSAGE_SELF keeps an exited "
	    "thread's faults");

	/* Children: counted when reaped. */
	getrusage(RUSAGE_CHILDREN, &a);
	if ((pid = fork()) == 0) {
		touch_pages(128);
		spin_ms(300);
		_exit(0);
	}
	memset(&r, 0, sizeof(r));
	while (wait4(pid, &status, 0, &r) < 0 && errno == EINTR)
		continue;
	getrusage(RUSAGE_CHILDREN, &b);
	printf("# child: ru_minflt %ld, utime %ld ms, stime %ld ms, maxrss "
	    "%ld KiB\n", r.ru_minflt, ms_of(&r.ru_utime), ms_of(&r.ru_stime),
	    r.ru_maxrss);
	ok(r.ru_minflt >= 128 && r.ru_maxrss >= 128 * PAGE / 1024,
	    "wait4's rusage: the reaped child's faults and maxrss");
	ok(ms_of(&r.ru_utime) >= 150 && ms_of(&r.ru_utime) +
	    ms_of(&r.ru_stime) <= 2000,
	    "wait4's rusage: the child's user time (300 ms spun in user "
	    "mode, counted by clock ticks)");
	ok(b.ru_minflt - a.ru_minflt == r.ru_minflt &&
	    b.ru_maxrss >= r.ru_maxrss &&
	    ms_of(&b.ru_utime) - ms_of(&a.ru_utime) == ms_of(&r.ru_utime),
	    "RUSAGE_CHILDREN adds the reaped child's usage");

	ok(getrusage(5, &a) == -1 && errno == EINVAL,
	    "getrusage: EINVAL for an unknown who");
	ok(getrusage(RUSAGE_SELF, (struct rusage *)8) == -1 &&
	    errno == EFAULT && getrusage(RUSAGE_CHILDREN, (struct rusage *)
	    (sizeof(long) == 8 ? (unsigned long)0xffffffff80000000ULL :
	    0xc0000000UL)) == -1 && errno == EFAULT,
	    "getrusage: EFAULT for a bad pointer, unmapped or in the kernel");
	printf("1..%d\n", ntest);
	return (nfailed == 0 ? 0 : 1);
}
