/*
 * rlimit_test.c - resource limits, run inside Vise (issue 5): the
 * defaults; getrlimit/setrlimit and their errors (EINVAL, EPERM,
 * EFAULT); RLIMIT_NOFILE in open, pipe, dup2 and F_DUPFD, and
 * sysconf(_SC_OPEN_MAX); limits inherited by fork and kept by exec;
 * RLIMIT_STACK sizing exec's stack; RLIMIT_NPROC for a non-root user;
 * RLIMIT_AS in mmap.
 *
 * Each test runs in a child of its own, so the limits it changes go
 * with it.  Prints TAP through tests/user/lib/utest.c; exits 0 if every test
 * passed.
 *
 * Helper modes, for the exec tests: "rlimit WHICH CUR MAX" exits 0 if
 * that limit is (CUR, MAX); "stack KIB" touches KIB KiB of stack and
 * exits 0.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lib/utest.h"

#define MIB	(1024L * 1024)

static const char *self;

/* Whether limit `which` is (cur, max). */
static int
limit_is(int which, rlim_t cur, rlim_t max)
{
	struct rlimit rl;

	if (getrlimit(which, &rl) != 0)
		return (0);
	if (rl.rlim_cur != cur || rl.rlim_max != max) {
		fprintf(stderr, "limit %d: %lld %lld\n", which,
		    (long long)rl.rlim_cur, (long long)rl.rlim_max);
		return (0);
	}
	return (1);
}

static int
set(int which, rlim_t cur, rlim_t max)
{
	struct rlimit rl = { cur, max };

	return (setrlimit(which, &rl));
}

static void
t_defaults(void)
{
	CHECK(sizeof(struct rlimit) == 16);
	CHECK(limit_is(RLIMIT_NOFILE, 64, 64));
	CHECK(limit_is(RLIMIT_STACK, 8 * MIB, 8 * MIB));
	CHECK(limit_is(RLIMIT_NPROC, 512, 512));
	CHECK(limit_is(RLIMIT_MEMLOCK, RLIM_INFINITY, RLIM_INFINITY));
	CHECK(limit_is(RLIMIT_AS, RLIM_INFINITY, RLIM_INFINITY));
	CHECK(limit_is(RLIMIT_CPU, RLIM_INFINITY, RLIM_INFINITY));
	CHECK(sysconf(_SC_OPEN_MAX) == 64);
	CHECK(sysconf(_SC_CHILD_MAX) == 512);
}

static void
t_round_trip(void)
{
	int which;

	CHECK(set(RLIMIT_NOFILE, 20, 40) == 0);
	CHECK(limit_is(RLIMIT_NOFILE, 20, 40));
	CHECK(set(RLIMIT_MEMLOCK, 65536, 65536) == 0);
	CHECK(limit_is(RLIMIT_MEMLOCK, 65536, 65536));
	/* Every resource keeps what it is given. */
	for (which = 0; which < RLIM_NLIMITS; which++) {
		CHECK(set(which, 7, 9) == 0);
		CHECK(limit_is(which, 7, 9));
	}
	/* Negative means infinity (FreeBSD); root may raise the hard one. */
	CHECK(set(RLIMIT_AS, -1, -1) == 0);
	CHECK(limit_is(RLIMIT_AS, RLIM_INFINITY, RLIM_INFINITY));
	/* NOFILE and STACK are kept within what the kernel has. */
	CHECK(set(RLIMIT_NOFILE, 1000, 1000) == 0);
	CHECK(limit_is(RLIMIT_NOFILE, 64, 64));
	CHECK(set(RLIMIT_STACK, 64 * MIB, RLIM_INFINITY) == 0);
	CHECK(limit_is(RLIMIT_STACK, 8 * MIB, 8 * MIB));
}

static void
t_errors(void)
{
	struct rlimit rl;

	CHECK_ERR(set(RLIMIT_NOFILE, 50, 40), EINVAL);
	CHECK_ERR(set(RLIMIT_AS, RLIM_INFINITY, 4096), EINVAL);
	CHECK(limit_is(RLIMIT_NOFILE, 64, 64));
	CHECK_ERR(getrlimit(RLIM_NLIMITS, &rl), EINVAL);
	CHECK_ERR(getrlimit(-1, &rl), EINVAL);
	CHECK_ERR(set(RLIM_NLIMITS, 1, 1), EINVAL);
	CHECK_ERR(set(1000, 1, 1), EINVAL);
	CHECK_ERR(getrlimit(RLIMIT_NOFILE, unmapped), EFAULT);
	CHECK_ERR(setrlimit(RLIMIT_NOFILE, unmapped), EFAULT);
	CHECK(limit_is(RLIMIT_NOFILE, 64, 64));
}

static void
t_nonroot(void)
{
	CHECK(set(RLIMIT_NOFILE, 10, 20) == 0);
	CHECK(set(RLIMIT_NOFILE, 10, 30) == 0);	/* root may raise */
	CHECK(set(RLIMIT_NOFILE, 10, 20) == 0);
	CHECK(setuid(1001) == 0);
	CHECK_ERR(set(RLIMIT_NOFILE, 10, 30), EPERM);
	CHECK_ERR(set(RLIMIT_NOFILE, 10, RLIM_INFINITY), EPERM);
	CHECK(limit_is(RLIMIT_NOFILE, 10, 20));
	CHECK(set(RLIMIT_NOFILE, 20, 20) == 0);	/* soft up to hard */
	CHECK(set(RLIMIT_NOFILE, 5, 10) == 0);	/* lowering is free */
	CHECK_ERR(set(RLIMIT_NOFILE, 5, 20), EPERM);	/* for good */
	CHECK(limit_is(RLIMIT_NOFILE, 5, 10));
	CHECK(set(RLIMIT_MEMLOCK, 4096, 4096) == 0);
	CHECK_ERR(set(RLIMIT_MEMLOCK, 4096, 8192), EPERM);
}

/* The highest descriptor open now, or -1. */
static int
highest_fd(void)
{
	int fd, hi = -1;

	for (fd = 0; fd < 64; fd++)
		if (fcntl(fd, F_GETFD) != -1)
			hi = fd;
	return (hi);
}

static void
t_nofile(void)
{
	int fd, last = -1, fds[2];

	CHECK(set(RLIMIT_NOFILE, 10, 10) == 0);
	CHECK(sysconf(_SC_OPEN_MAX) == 10);
	/* Open until it fails: the last one is 9, then EMFILE. */
	for (;;) {
		errno = 0;
		if ((fd = open("/dev/null", O_RDONLY)) < 0)
			break;
		last = fd;
	}
	CHECK(errno == EMFILE);
	CHECK(last == 9);
	CHECK(highest_fd() == 9);
	CHECK_ERR(dup(0), EMFILE);
	CHECK_ERR(pipe(fds), EMFILE);
	CHECK_ERR(fcntl(0, F_DUPFD, 3), EMFILE);
	CHECK_ERR(fcntl(0, F_DUPFD, 10), EINVAL);
	CHECK_ERR(dup2(0, 10), EBADF);
	CHECK_ERR(dup2(0, 63), EBADF);
	CHECK(dup2(0, 9) == 9);		/* below the limit: fine */
	/* One free: a pipe needs two, and leaves none behind. */
	CHECK(close(8) == 0);
	CHECK_ERR(pipe(fds), EMFILE);
	CHECK(fcntl(8, F_GETFD) == -1);
	CHECK(close(7) == 0);
	CHECK(pipe(fds) == 0 && fds[0] == 7 && fds[1] == 8);
	/* A lower limit leaves descriptors above it open and usable. */
	CHECK(set(RLIMIT_NOFILE, 5, 10) == 0);
	CHECK(write(8, "x", 1) == 1);
	CHECK(close(9) == 0);
	CHECK_ERR(open("/dev/null", O_RDONLY), EMFILE);
	CHECK_ERR(dup2(0, 5), EBADF);
	CHECK(set(RLIMIT_NOFILE, 10, 10) == 0);
	CHECK(open("/dev/null", O_RDONLY) == 9);
}

static void
t_fork_inherits(void)
{
	int status;
	pid_t pid;

	CHECK(set(RLIMIT_NOFILE, 12, 30) == 0);
	CHECK(set(RLIMIT_CORE, 0, 100) == 0);
	if ((pid = fork()) == 0)
		_exit(limit_is(RLIMIT_NOFILE, 12, 30) &&
		    limit_is(RLIMIT_CORE, 0, 100) ? 0 : 1);
	CHECK(pid > 0);
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	    WEXITSTATUS(status) == 0);
}

static void
t_exec_keeps(void)
{
	char *argv[] = { (char *)self, "rlimit", "8", "13", "31", NULL };

	CHECK(set(RLIMIT_NOFILE, 13, 31) == 0);
	execv(self, argv);
	CHECK(!"exec of self");
}

/* Exec self to touch `kib` KiB of stack with RLIMIT_STACK `limit`. */
static int
stack_status(rlim_t limit, int kib)
{
	char arg[16], *argv[] = { (char *)self, "stack", arg, NULL };
	int status;
	pid_t pid;

	snprintf(arg, sizeof(arg), "%d", kib);
	if ((pid = fork()) == 0) {
		if (set(RLIMIT_STACK, limit, 8 * MIB) != 0)
			_exit(2);
		execv(self, argv);
		_exit(3);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return (-1);
	return (status);
}

static void
t_stack(void)
{
	int st;

	st = stack_status(256 * 1024, 128);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	st = stack_status(256 * 1024, 1024);
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV);
	st = stack_status(8 * MIB, 1024);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	/* A tiny limit still leaves room for the arguments. */
	st = stack_status(1, 1);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
}

/* Fork n children that wait for `fd` to close; their pids in pids[]. */
static int
fork_waiters(int n, int fd, int wfd, pid_t *pids)
{
	char c;
	int i;

	for (i = 0; i < n; i++) {
		if ((pids[i] = fork()) < 0)
			return (i);
		if (pids[i] == 0) {
			close(wfd);
			(void)read(fd, &c, 1);
			_exit(0);
		}
	}
	return (n);
}

static void
t_nproc(void)
{
	pid_t pids[4];
	int fds[2], i, n;

	CHECK(pipe(fds) == 0);
	/* Root is not limited. */
	CHECK(set(RLIMIT_NPROC, 1, 1) == 0);
	n = fork_waiters(1, fds[0], fds[1], pids);
	CHECK(n == 1);
	/* Uid 4242: this process and two more, then EAGAIN. */
	CHECK(set(RLIMIT_NPROC, 3, 3) == 0);
	CHECK(setuid(4242) == 0);
	n = fork_waiters(2, fds[0], fds[1], &pids[1]);
	CHECK(n == 2);
	errno = 0;
	CHECK(fork() == -1 && errno == EAGAIN);
	close(fds[1]);
	for (i = 0; i < 1 + n; i++)
		CHECK(waitpid(pids[i], NULL, 0) == pids[i]);
	/* Reaped: room again. */
	n = fork_waiters(2, fds[0], -1, pids);
	CHECK(n == 2);
	for (i = 0; i < n; i++)
		CHECK(waitpid(pids[i], NULL, 0) == pids[i]);
	close(fds[0]);
}

static void
t_as(void)
{
	void *p;

	CHECK(set(RLIMIT_AS, 64 * MIB, RLIM_INFINITY) == 0);
	p = mmap(NULL, 16 * MIB, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANON, -1, 0);
	CHECK(p != MAP_FAILED);
	errno = 0;
	CHECK(mmap(NULL, 64 * MIB, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANON, -1, 0) == MAP_FAILED && errno == ENOMEM);
	CHECK(munmap(p, 16 * MIB) == 0);
	CHECK(set(RLIMIT_AS, RLIM_INFINITY, RLIM_INFINITY) == 0);
	p = mmap(NULL, 64 * MIB, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANON, -1, 0);
	CHECK(p != MAP_FAILED);
}

/* "stack KIB": touch that much stack below this frame. */
static int
touch_stack(int kib)
{
	volatile char *p = __builtin_alloca((size_t)kib * 1024);
	int i;

	for (i = 0; i < kib * 1024; i += 512)
		p[i] = 1;
	return (p[0] == 1 ? 0 : 1);
}

int
main(int argc, char **argv)
{
	self = argc > 0 && strchr(argv[0], '/') != NULL ? argv[0] :
	    "/tests/rlimit_test";
	if (argc == 5 && strcmp(argv[1], "rlimit") == 0)
		return (limit_is(atoi(argv[2]), atoll(argv[3]),
		    atoll(argv[4])) ? 0 : 1);
	if (argc == 3 && strcmp(argv[1], "stack") == 0)
		return (touch_stack(atoi(argv[2])));

	run_in_child("rlimit", "defaults: NOFILE 64, STACK 8 MiB, "
	    "NPROC 512, MEMLOCK and AS unlimited; sysconf", t_defaults);
	run_in_child("rlimit", "setrlimit/getrlimit round trip; "
	    "NOFILE, STACK capped", t_round_trip);
	run_in_child("rlimit", "soft > hard EINVAL, bad resource "
	    "EINVAL, bad pointer EFAULT", t_errors);
	run_in_child("rlimit", "non-root: raising a hard limit EPERM, "
	    "lowering works", t_nonroot);
	run_in_child("rlimit", "NOFILE: EMFILE at exactly the limit; "
	    "dup2 EBADF, F_DUPFD EINVAL past it", t_nofile);
	run_in_child("rlimit", "fork inherits the limits", t_fork_inherits);
	run_in_child("rlimit", "exec keeps the limits", t_exec_keeps);
	run_in_child("rlimit", "STACK sizes exec's stack: SIGSEGV past "
	    "it", t_stack);
	run_in_child("rlimit", "NPROC: EAGAIN for a non-root user at the "
	    "limit, root not limited", t_nproc);
	run_in_child("rlimit", "AS: mmap ENOMEM past it", t_as);
	return (done_testing());
}
