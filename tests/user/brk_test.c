/*
 * brk_test.c - brk(2) and sbrk(2), run inside Vise: the break starts
 * after the bss, grows with zero-filled memory and shrinks (the pages
 * go), byte-exact in libc and page-rounded in the kernel; it stops at
 * RLIMIT_DATA, RLIMIT_AS and other mappings with ENOMEM, never goes
 * below its start, and a fork copies it.  One TAP line per behaviour.
 */
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#define PG	4096UL

static int ntests, nfailed;
static bool ok_now;
static char bss[3 * 4096];		/* the break is after this */

#define CHECK(c) do {							\
	if (!(c)) {							\
		printf("# %s:%d: %s\n", __FILE__, __LINE__, #c);	\
		ok_now = false;						\
	}								\
} while (0)

static void
report(void (*fn)(void), const char *name)
{
	int status;
	pid_t pid;

	/* Each in a child: the break and the limits start afresh. */
	fflush(stdout);
	if ((pid = fork()) == 0) {
		ok_now = true;
		fn();
		fflush(stdout);
		_exit(ok_now ? 0 : 1);
	}
	ntests++;
	ok_now = pid > 0 && waitpid(pid, &status, 0) == pid &&
	    WIFEXITED(status) && WEXITSTATUS(status) == 0;
	if (!ok_now)
		nfailed++;
	printf("%sok %d - brk: %s\n", ok_now ? "" : "not ", ntests, name);
}

static sigjmp_buf fault_env;

static void
on_segv(int sig)
{
	(void)sig;
	siglongjmp(fault_env, 1);
}

/* Whether writing *p faults (SIGSEGV). */
static bool
write_faults(volatile char *p)
{
	struct sigaction sa, old;
	volatile bool faulted = false;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_segv;
	sigaction(SIGSEGV, &sa, &old);
	if (sigsetjmp(fault_env, 1) == 0)
		*p = 1;
	else
		faulted = true;
	sigaction(SIGSEGV, &old, NULL);
	return (faulted);
}

static bool
set_limit(int which, rlim_t cur)
{
	struct rlimit rl;

	return (getrlimit(which, &rl) == 0 && (rl.rlim_cur = cur, true) &&
	    setrlimit(which, &rl) == 0);
}

static void
t_start(void)
{
	char *b = sbrk(0);

	CHECK(b != (void *)-1);
	CHECK(((unsigned long)b & (PG - 1)) == 0);
	CHECK(b >= bss + sizeof(bss));
	CHECK(sbrk(0) == b);
}

static void
t_grow_shrink(void)
{
	char *b = sbrk(0), *old;
	size_t i;

	old = sbrk(3 * PG);
	CHECK(old == b && sbrk(0) == b + 3 * PG);
	for (i = 0; i < 3 * PG; i++)
		if (b[i] != 0)
			break;
	CHECK(i == 3 * PG);
	memset(b, 'h', 3 * PG);
	CHECK(sbrk(-(intptr_t)(2 * PG)) == b + 3 * PG && sbrk(0) == b + PG);
	CHECK(b[PG - 1] == 'h');
	CHECK(write_faults(b + PG));
	/* Grown again, the pages are new ones. */
	CHECK(sbrk(PG) == b + PG && b[PG] == 0);
}

static void
t_bytes(void)
{
	char *b = sbrk(0);

	CHECK(sbrk(100) == b && sbrk(100) == b + 100 && sbrk(0) == b + 200);
	b[199] = 'x';
	CHECK(brk(b + PG + 1) == 0 && sbrk(0) == b + PG + 1);
	b[PG] = 'y';
	CHECK(b[199] == 'x' && b[PG] == 'y');
}

static void
t_floor(void)
{
	char *b = sbrk(0);

	errno = 0;
	CHECK(sbrk(-(intptr_t)PG) == (void *)-1 && errno == EINVAL);
	/* brk below the start goes to the start. */
	CHECK(sbrk(PG) == b && brk(bss) == 0 && sbrk(0) == b);
	CHECK(write_faults(b));
}

static void
t_limits(void)
{
	char *b = sbrk(0);

	/* RLIMIT_DATA counts data, bss and heap: there is no room left. */
	CHECK(set_limit(RLIMIT_DATA, (rlim_t)PG));
	errno = 0;
	CHECK(sbrk(PG) == (void *)-1 && errno == ENOMEM && sbrk(0) == b);
	CHECK(set_limit(RLIMIT_DATA, RLIM_INFINITY) && sbrk(PG) == b);
	CHECK(set_limit(RLIMIT_AS, 1));
	errno = 0;
	CHECK(sbrk(PG) == (void *)-1 && errno == ENOMEM &&
	    sbrk(0) == b + PG);
	/* Shrinking is always allowed. */
	CHECK(sbrk(-(intptr_t)PG) == b + PG && sbrk(0) == b);
}

static void
t_collision(void)
{
	char *b = sbrk(0), *m;

	m = mmap(b + 2 * PG, PG, PROT_READ, MAP_PRIVATE | MAP_ANON |
	    MAP_FIXED, -1, 0);
	CHECK(m == b + 2 * PG);
	CHECK(sbrk(2 * PG) == b);
	errno = 0;
	CHECK(sbrk(PG) == (void *)-1 && errno == ENOMEM &&
	    sbrk(0) == b + 2 * PG);
}

static void
t_fork(void)
{
	char *b = sbrk(0);
	int status;
	pid_t pid;

	CHECK(sbrk(PG) == b);
	b[0] = 'p';
	if ((pid = fork()) == 0) {
		if (sbrk(0) != b + PG || b[0] != 'p')
			_exit(1);
		b[0] = 'c';
		_exit(sbrk(PG) == b + PG ? 0 : 2);
	}
	CHECK(pid > 0 && waitpid(pid, &status, 0) == pid &&
	    WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CHECK(b[0] == 'p' && sbrk(0) == b + PG);
}

int
main(void)
{
	report(t_start, "the break starts page-aligned after the bss; "
	    "sbrk(0) tells it");
	report(t_grow_shrink, "sbrk grows with zeros and shrinks, the pages "
	    "past the break fault");
	report(t_bytes, "libc keeps the break to the byte; brk sets it");
	report(t_floor, "sbrk below the start EINVAL, brk below goes to it");
	report(t_limits, "ENOMEM past RLIMIT_DATA and RLIMIT_AS, the break "
	    "unchanged; shrinking always works");
	report(t_collision, "ENOMEM into another mapping");
	report(t_fork, "fork copies the break and the heap");
	printf("1..%d\n", ntests);
	return (nfailed == 0 ? 0 : 1);
}
