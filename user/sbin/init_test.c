/*
 * init_test.c - init -t: the user test runner (test=user on the kernel's
 * command line starts init this way; see docs/testing.md).
 *
 * It runs every executable in /tests, then every one in /extra, in name
 * order (only names containing FILTER if one is given: utest=WORD on
 * the command line), each in a child of its own, and prints one TAP
 * stream on the console:
 *
 *	- the test's own TAP lines, renumbered into the stream and named
 *	  "<test>: <what>"; its other output as "# " comment lines;
 *	- "<test>: exits 0": the exit status, or the signal that ended
 *	  it, or that it ran out of time (TEST_TIMEOUT seconds; a watchdog
 *	  child kills it) or printed fewer results than its plan said;
 *	- "<test>: pages back at baseline": the free page count and every
 *	  wired-by-reason count (vm.stats.vm.v_wire_<reason>) read before
 *	  and after the test must be equal, once the pages that caches
 *	  hold are set apart (vm.stats.vm.v_cache_<reason>, see
 *	  vm/vm_meter.c); any other difference is a leak and is listed.
 *
 * and ends with "N passed, N failed".  init then exits 0 only if
 * nothing failed, and the kernel switches the machine off with that.
 *
 * What the runner does between the two readings must not change the
 * counts itself: everything it allocates is allocated before the first
 * test (the list of tests, stdout's buffer, the line buffer); a
 * manager child does the work that differs from test to test, so the
 * runner does the same between every two readings (see run_one); and
 * two quiet warm-up rounds (WARMUP_PROGRAM) let the changes its first
 * forks make for good happen before the first test.
 */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/sysctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "init.h"

#define TEST_TIMEOUT	120		/* seconds a test may run */
#define MAX_TESTS	256
#define MAX_COUNTERS	16
#define LINE_MAX_LEN	512
#define COUNTER_PREFIX	"vm.stats.vm.v_"
/* What the warm-up rounds run: a small program every initrd has. */
#define WARMUP_PROGRAM	"/bin/true"
#define WARMUP_ROUNDS	2
#define BASELINE	"pages back at baseline"

static const char *const test_dirs[] = { "/tests", "/extra" };

/* The counters the leak check compares: name and cache name. */
struct counter {
	char	name[64];		/* vm.stats.vm.v_free_count, ... */
	char	cache[80];		/* its v_cache_ twin, or "" */
};

static struct counter counters[MAX_COUNTERS];
static int ncounters;
static char *tests[MAX_TESTS];
static int ntests;
static int passed, failed;
static bool quiet;		/* warming up: no output, nothing counted */
static char line[LINE_MAX_LEN];

/*
 * A TAP result of the stream: ok N - <test>: <what>, with diagnostics.
 * Nothing while quiet.
 */
static void
report(int ok, const char *test, const char *what)
{
	if (quiet)
		return;
	if (ok)
		passed++;
	else
		failed++;
	printf("%sok %d - %s: %s\n", ok ? "" : "not ", passed + failed,
	    test, what);
}

static int
name_cmp(const void *a, const void *b)
{
	return (strcmp(*(char *const *)a, *(char *const *)b));
}

/*
 * Add the executables of `dir` whose names contain `filter` to tests[],
 * sorted.  A missing directory adds nothing.
 */
static void
collect(const char *dir, const char *filter)
{
	struct dirent *de;
	struct stat st;
	char path[256];
	DIR *d;
	int first = ntests;

	if ((d = opendir(dir)) == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.' ||
		    (filter != NULL && strstr(de->d_name, filter) == NULL))
			continue;
		if (snprintf(path, sizeof(path), "%s/%s", dir, de->d_name) >=
		    (int)sizeof(path) || stat(path, &st) != 0 || !S_ISREG(st.st_mode) ||
		    (st.st_mode & 0111) == 0)
			continue;
		if (ntests == MAX_TESTS) {
			printf("# init -t: more than %d tests; %s skipped\n",
			    MAX_TESTS, path);
			continue;
		}
		if ((tests[ntests] = strdup(path)) != NULL)
			ntests++;
	}
	closedir(d);
	qsort(tests + first, ntests - first, sizeof(tests[0]), name_cmp);
}

/*
 * The counters to compare: the free count and every wired-by-reason
 * count the kernel has, each with its cache twin if there is one.
 */
static void
find_counters(void)
{
	char name[64], *reason;
	struct counter *c;
	unsigned long v;
	size_t len;

	name[0] = '\0';
	while (ncounters < MAX_COUNTERS &&
	    sysctl_next(name, name, sizeof(name)) == 0) {
		if (strncmp(name, COUNTER_PREFIX, strlen(COUNTER_PREFIX)) != 0)
			continue;
		reason = name + strlen(COUNTER_PREFIX);
		if (strcmp(reason, "free_count") != 0 &&
		    strncmp(reason, "wire_", 5) != 0)
			continue;
		if (strcmp(reason, "wire_count") == 0)
			continue;	/* the sum of the others */
		c = &counters[ncounters++];
		snprintf(c->name, sizeof(c->name), "%s", name);
		/* The free count has no cache of its own. */
		len = sizeof(v);
		if (strcmp(reason, "free_count") == 0 ||
		    snprintf(c->cache, sizeof(c->cache), "%scache_%s",
		    COUNTER_PREFIX, reason + 5) >= (int)sizeof(c->cache) ||
		    sysctlbyname(c->cache, &v, &len, NULL, 0) != 0)
			c->cache[0] = '\0';
	}
}

/*
 * Read every counter into `v`: a wired count less the pages its cache
 * holds, the free count plus all that caches hold (a page a cache
 * holds is a page not free).  Allocates nothing.  0, or -1 if a
 * counter cannot be read.
 */
static int
read_counters(long *v)
{
	unsigned long x, cache[MAX_COUNTERS], caches = 0;
	size_t len;
	int i;

	for (i = 0; i < ncounters; i++) {
		cache[i] = 0;
		len = sizeof(cache[i]);
		if (counters[i].cache[0] != '\0' && sysctlbyname(
		    counters[i].cache, &cache[i], &len, NULL, 0) != 0)
			return (-1);
		caches += cache[i];
	}
	for (i = 0; i < ncounters; i++) {
		len = sizeof(x);
		if (sysctlbyname(counters[i].name, &x, &len, NULL, 0) != 0)
			return (-1);
		v[i] = strcmp(counters[i].name, COUNTER_PREFIX "free_count") ==
		    0 ? (long)(x + caches) : (long)(x - cache[i]);
	}
	return (0);
}

/* Start `path` with its output on fd `out`; its pid, or -1. */
static pid_t
start_test(const char *path, int out, int in_unused)
{
	char *argv[3];
	size_t n;
	pid_t pid;

	fflush(stdout);
	if ((pid = fork()) != 0) {
		/* Both sides set the group, so neither can race the other. */
		if (pid > 0)
			setpgid(pid, pid);
		return (pid);
	}
	setpgid(0, 0);
	n = strlen(path);
	close(in_unused);
	dup2(out, STDOUT_FILENO);
	dup2(out, STDERR_FILENO);
	if (out > STDERR_FILENO)
		close(out);
	if (n > 3 && strcmp(path + n - 3, ".sh") == 0) {
		argv[0] = "sh";
		argv[1] = (char *)path;
		argv[2] = NULL;
		execve("/bin/sh", argv, environ);
	} else {
		argv[0] = (char *)path;
		argv[1] = NULL;
		execve(path, argv, environ);
	}
	dprintf(STDERR_FILENO, "cannot run %s: %s\n", path, strerror(errno));
	_exit(127);
}

/*
 * A watchdog: a child that kills `victim`'s process group (the test and
 * whatever it started) after TEST_TIMEOUT seconds and exits 0; killed
 * itself if the test ends first.  Its pid, or -1.
 */
static pid_t
start_watchdog(pid_t victim)
{
	struct timespec ts = { TEST_TIMEOUT, 0 };
	pid_t pid;

	if ((pid = fork()) != 0)
		return (pid);
	(void)madvise(NULL, 0, MADV_PROTECT);	/* see manage() */
	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		continue;
	kill(-victim, SIGKILL);
	_exit(0);
}

/*
 * Copy the test's output from `fd` to the stream until EOF: TAP result
 * lines renumbered, a plan remembered in *plan, the rest as comments.
 * Returns how many results the test printed.
 */
static int
relay(int fd, const char *test, int *plan)
{
	size_t len = 0;
	ssize_t n;
	char *nl, *what;
	int results = 0, ok;

	for (;;) {
		nl = len > 0 ? memchr(line, '\n', len) : NULL;
		if (nl == NULL && len < sizeof(line) - 1) {
			n = read(fd, line + len, sizeof(line) - 1 - len);
			if (n > 0) {
				len += n;
				continue;
			}
			if (n < 0 && errno == EINTR)
				continue;
			if (len == 0)
				return (results);
			nl = line + len;	/* a last line without \n */
		} else if (nl == NULL)
			nl = line + len;	/* a line too long: cut it */
		*nl = '\0';
		ok = strncmp(line, "ok ", 3) == 0 ? 1 :
		    strncmp(line, "not ok ", 7) == 0 ? 0 : -1;
		if (ok >= 0) {
			what = line + (ok ? 3 : 7);
			what += strspn(what, "0123456789");
			what += strspn(what, " -");
			report(ok, test, what);
			results++;
		} else if (strncmp(line, "1..", 3) == 0)
			*plan = atoi(line + 3);
		else
			printf("# %s\n", line);
		fflush(stdout);
		if (nl < line + len)
			nl++;
		len -= nl - line;
		memmove(line, nl, len);
	}
}

/* Reap every child that has ended (orphans of a test), without waiting. */
static void
reap_orphans(void)
{
	int status;

	while (waitpid(-1, &status, WNOHANG) > 0)
		continue;
}

/* What running a child came to. */
struct run {
	pid_t	pid;			/* the test, or -1: fork failed */
	int	error;			/* errno of a failed pipe or fork */
	int	status;			/* its wait status */
	bool	timed_out;		/* the watchdog killed it */
	int	plan;			/* its 1..N, or -1 */
	int	results;		/* TAP results it printed */
};

/*
 * Run `path` (NULL: a child that exits 0 at once) with its output
 * relayed as `test`'s, under a watchdog; wait for it, the watchdog and
 * any orphans that have ended.
 */
static void
run_child(const char *path, const char *test, struct run *r)
{
	int fds[2], dogstatus = 0;
	pid_t dog = -1;

	r->pid = -1;
	r->error = 0;
	r->status = W_EXITCODE(127, 0);
	r->timed_out = false;
	r->plan = -1;
	r->results = 0;
	if (pipe(fds) != 0) {
		r->error = errno;
		return;
	}
	if ((r->pid = start_test(path, fds[1], fds[0])) < 0)
		r->error = errno;
	close(fds[1]);
	if (r->pid > 0) {
		dog = start_watchdog(r->pid);
		r->results = relay(fds[0], test, &r->plan);
	}
	close(fds[0]);
	if (r->pid > 0)
		while (waitpid(r->pid, &r->status, 0) < 0 && errno == EINTR)
			continue;
	if (dog > 0) {
		kill(dog, SIGKILL);
		while (waitpid(dog, &dogstatus, 0) < 0 && errno == EINTR)
			continue;
		r->timed_out = WIFEXITED(dogstatus);
	}
	reap_orphans();
}

/*
 * The manager's side of one test: run it, relay its output and print
 * whether it exited 0; the test's pid (its process group) goes to
 * shared[2].  Runs in the manager child (see run_one).
 */
static void
manage(const char *path, int *shared)
{
	const char *test = strrchr(path, '/') + 1;
	char what[LINE_MAX_LEN];
	struct run r;

	/*
	 * The runner's own processes are never OOM victims (R74): a test
	 * that runs memory out must not kill the manager or its watchdog.
	 * The test itself is not protected (fork does not pass it on).
	 */
	(void)madvise(NULL, 0, MADV_PROTECT);
	run_child(path, test, &r);
	shared[2] = r.pid;
	if (r.pid < 0)
		snprintf(what, sizeof(what), "exits 0 # cannot start it: %s",
		    strerror(r.error));
	else if (r.timed_out)
		snprintf(what, sizeof(what), "exits 0 # killed after %d s "
		    "(timeout)", TEST_TIMEOUT);
	else if (WIFSIGNALED(r.status))
		snprintf(what, sizeof(what), "exits 0 # killed by signal %d",
		    WTERMSIG(r.status));
	else if (WEXITSTATUS(r.status) != 0)
		snprintf(what, sizeof(what), "exits 0 # exit status %d",
		    WEXITSTATUS(r.status));
	else if (r.plan >= 0 && r.plan != r.results)
		snprintf(what, sizeof(what), "exits 0 # planned %d results, "
		    "printed %d", r.plan, r.results);
	else
		snprintf(what, sizeof(what), "exits 0");
	report(strcmp(what, "exits 0") == 0, test, what);
	fflush(stdout);
}

/*
 * Run one test; its results are counted in passed/failed (unless
 * quiet: a warm-up round).
 *
 * The runner itself must do the same thing between the two readings
 * of every round, or its own memory would be blamed on the test: its
 * writes after a fork copy pages and take radix nodes, and those
 * depend on what it did.  So a manager child does the work that varies
 * (running the test, relaying its output, printing its results) and
 * hands its counts back in `shared`; the runner only reads the
 * counters, forks the manager, waits for it and reads them again.
 */
static void
run_one(const char *path, int *shared)
{
	long before[MAX_COUNTERS], after[MAX_COUNTERS];
	const char *test = strrchr(path, '/') + 1;
	char what[LINE_MAX_LEN];
	int i, status, ok;
	size_t n;
	pid_t pid;

	ok = read_counters(before) == 0;
	shared[2] = 0;
	fflush(stdout);
	if ((pid = fork()) == 0) {
		manage(path, shared);
		shared[0] = passed;
		shared[1] = failed;
		_exit(0);
	}
	if (pid > 0)
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			continue;
	reap_orphans();
	ok = read_counters(after) == 0 && ok;
	/*
	 * What the test left running is in the leak check's figures; now
	 * it goes, so that the next test starts clean.
	 */
	if (shared[2] > 0 && kill(-shared[2], SIGKILL) == 0)
		while (waitpid(-1, &status, 0) > 0 || errno == EINTR)
			continue;
	if (pid < 0) {
		snprintf(what, sizeof(what), "runs # fork: %s",
		    strerror(errno));
		report(0, test, what);
		return;
	}
	passed = shared[0];
	failed = shared[1];
	if (!ok) {
		report(0, test, BASELINE " # counters unreadable");
		return;
	}
	n = snprintf(what, sizeof(what), BASELINE);
	for (i = 0; i < ncounters; i++)
		if (after[i] != before[i] && n < sizeof(what))
			n += snprintf(what + n, sizeof(what) - n, "%s %s %+ld",
			    n == strlen(BASELINE) ? " # leak:" : ",",
			    counters[i].name + strlen(COUNTER_PREFIX),
			    after[i] - before[i]);
	report(n == strlen(BASELINE), test, what);
}

/*
 * init_run_tests: see init.h.
 */
int
init_run_tests(const char *filter)
{
	unsigned i;
	int t, *shared;

	if (filter != NULL && filter[0] == '\0')
		filter = NULL;
	for (i = 0; i < sizeof(test_dirs) / sizeof(test_dirs[0]); i++)
		collect(test_dirs[i], filter);
	find_counters();
	shared = mmap(NULL, getpagesize(), PROT_READ | PROT_WRITE,
	    MAP_SHARED | MAP_ANON, -1, 0);
	if (shared == MAP_FAILED) {
		printf("# init -t: mmap: %s\n", strerror(errno));
		report(0, "init -t", "a page shared with the managers");
		printf("%d passed, %d failed\n", passed, failed);
		return (1);
	}
	printf("# init -t: %d test programs%s%s, leak check over %d "
	    "counters\n", ntests, filter != NULL ? " matching " : "",
	    filter != NULL ? filter : "", ncounters);
	fflush(stdout);
	/*
	 * The first rounds change the runner for good (its first forks
	 * give its memory shadow objects; the pages it copies take radix
	 * nodes): let them happen before the first test's reading.
	 */
	quiet = true;
	for (t = 0; t < WARMUP_ROUNDS; t++)
		run_one(WARMUP_PROGRAM, shared);
	quiet = false;

	for (t = 0; t < ntests; t++) {
		run_one(tests[t], shared);
		fflush(stdout);
	}
	if (ntests == 0)
		report(0, "init -t", "found test programs");
	printf("%d passed, %d failed\n", passed, failed);
	fflush(stdout);
	return (failed == 0 ? 0 : 1);
}
