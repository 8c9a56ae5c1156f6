/*
 * stack_test.c - stacks that grow down, run inside Vise: the main
 * stack grows on demand within RLIMIT_STACK, read at the time of the
 * fault (a setrlimit counts at once), SIGSEGV past it; a fork's child
 * grows its copy; mincore shows the gap as mapped but not resident and
 * the grown part as resident; a MAP_STACK region grows the same way
 * down to its guard page.  One TAP line per behaviour.
 */
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#define PG	4096UL
#define KIB	1024UL
#define MIB	(1024UL * 1024)

static int ntests, nfailed;

static void
report(bool ok, const char *name)
{
	ntests++;
	if (!ok)
		nfailed++;
	printf("%sok %d - stack: %s\n", ok ? "" : "not ", ntests, name);
}

static bool
set_stack_limit(rlim_t cur)
{
	struct rlimit rl;

	if (getrlimit(RLIMIT_STACK, &rl) != 0)
		return (false);
	rl.rlim_cur = cur;
	return (setrlimit(RLIMIT_STACK, &rl) == 0);
}

/* Touch `kib` KiB of stack below this frame, a byte every 512. */
static int __attribute__((noinline))
use_stack(size_t kib)
{
	volatile char *p = __builtin_alloca(kib * KIB);
	size_t i;

	for (i = 0; i < kib * KIB; i += 512)
		p[i] = (char)i;
	return (p[0] == 0 ? 0 : 1);
}

/*
 * Fork a child that sets its RLIMIT_STACK to `limit` (0: leave it)
 * and uses `kib` KiB of stack; its wait status.
 */
static int
child_stack(rlim_t limit, size_t kib)
{
	int status;
	pid_t pid;

	fflush(stdout);
	if ((pid = fork()) == 0) {
		if (limit != 0 && !set_stack_limit(limit))
			_exit(3);
		_exit(use_stack(kib));
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return (-1);
	return (status);
}

static bool
exited_0(int status)
{
	return (status >= 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

static bool
segv(int status)
{
	return (status >= 0 && WIFSIGNALED(status) &&
	    WTERMSIG(status) == SIGSEGV);
}

/* In a child: lower the limit, overflow, ... at once. */
static int
limit_now(void)
{
	int status;
	pid_t pid;

	fflush(stdout);
	if ((pid = fork()) == 0) {
		/* 2 MiB fine with the default 8 MiB limit... */
		if (use_stack(2 * KIB) != 0)
			_exit(2);
		/* ...then the limit drops below what is there already. */
		if (!set_stack_limit(512 * KIB))
			_exit(3);
		_exit(use_stack(3 * KIB));
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return (-1);
	return (status);
}

/* The lowest address of the main stack's reservation mincore knows. */
static bool
gap_not_resident(void)
{
	char here, vec[4];
	char *page = (char *)((unsigned long)&here & ~(PG - 1));

	/* 7 MiB below: inside the gap, mapped (a guard) but not resident. */
	if (mincore(page - 7 * MIB, 4 * PG, vec) != 0)
		return (false);
	return (vec[0] == 0 && vec[3] == 0);
}

static bool
grown_resident(void)
{
	char here, vec[1];
	char *page = (char *)((unsigned long)&here & ~(PG - 1));

	if (use_stack(1024) != 0)		/* 1 MiB */
		return (false);
	/* 512 KiB below this frame was touched by use_stack. */
	return (mincore(page - 512 * KIB, PG, vec) == 0 &&
	    (vec[0] & MINCORE_INCORE) != 0);
}

static bool
map_stack_grows(void)
{
	size_t len = 256 * PG;
	char *s, vec[1];

	s = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_STACK | MAP_PRIVATE,
	    -1, 0);
	if (s == MAP_FAILED)
		return (false);
	/* The top part is there; the bottom is a gap, not resident. */
	if (mincore(s, PG, vec) != 0 || vec[0] != 0)
		return (false);
	s[len - 1] = 1;
	s[PG] = 2;		/* the lowest page it may grow to */
	if (mincore(s + PG, PG, vec) != 0 || (vec[0] & MINCORE_INCORE) == 0)
		return (false);
	return (s[PG] == 2 && munmap(s, len) == 0);
}

static int
map_stack_guard(void)
{
	int status;
	pid_t pid;
	char *s;

	s = mmap(NULL, 64 * PG, PROT_READ | PROT_WRITE,
	    MAP_STACK | MAP_PRIVATE, -1, 0);
	if (s == MAP_FAILED)
		return (-1);
	fflush(stdout);
	if ((pid = fork()) == 0) {
		s[0] = 1;	/* the guard page */
		_exit(0);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return (-1);
	return (status);
}

int
main(void)
{
	report(exited_0(child_stack(0, 4 * KIB)), "the main stack grows "
	    "on demand: 4 MiB used with the default limit");
	report(segv(child_stack(0, 9 * KIB)), "past the reservation "
	    "(MAXSSIZ 8 MiB): SIGSEGV");
	report(exited_0(child_stack(1 * MIB, 900)) &&
	    segv(child_stack(1 * MIB, 1100)), "RLIMIT_STACK 1 MiB: 900 KiB "
	    "fine, 1100 KiB SIGSEGV");
	report(segv(limit_now()), "a lower RLIMIT_STACK counts at the next "
	    "growth, not at the next exec");
	report(gap_not_resident(), "mincore: the stack's gap is mapped "
	    "(no ENOMEM) but not resident");
	report(grown_resident(), "mincore: the grown stack is resident");
	report(map_stack_grows(), "MAP_STACK: the top is there, the rest "
	    "grows on demand down to one page above the bottom");
	report(segv(map_stack_guard()), "MAP_STACK: its lowest page is a "
	    "guard: SIGSEGV");
	printf("1..%d\n", ntests);
	return (nfailed == 0 ? 0 : 1);
}
