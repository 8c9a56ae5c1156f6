/*
 * time_test.c - the time system calls, clock_gettime, gettimeofday and
 * nanosleep, done right and done wrong (issue 5): EINVAL for a clock
 * that does not exist and for a tv_nsec outside [0, 1e9), EFAULT for
 * every pointer argument (unmapped, and in the kernel's part of the
 * address space), also nanosleep's rmtp, which is written only when a
 * signal ends the sleep.  The EFAULT cases of clock_gettime call the
 * system call's stub: libc's clock_gettime reads the clock in user
 * space (timekeep_test.c) and a bad pointer there is a SIGSEGV.
 *
 * Prints TAP; exits 0 only if every result passed.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "lib/utest.h"

#define NSEC		1000000000L
#define JAN_2024	1704067200	/* scripts/run-qemu's RTC starts there */

/* gettimeofday has no libc wrapper yet: the system call's stub. */
int	__sys_gettimeofday(struct timeval *tp, void *tzp);
/* clock_gettime's system call itself (libc's may not enter the kernel). */
int	__sys_clock_gettime(long id, void *ts);

static long long
ts_nsec(const struct timespec *ts)
{
	return (ts->tv_sec * (long long)NSEC + ts->tv_nsec);
}

static void
t_clock_gettime(void)
{
	struct timespec a, b;

	ok(clock_gettime(CLOCK_REALTIME, &a) == 0 && a.tv_sec >= JAN_2024 &&
	    a.tv_nsec >= 0 && a.tv_nsec < NSEC,
	    "clock_gettime: CLOCK_REALTIME is after 2024, tv_nsec in range");
	ok(clock_gettime(CLOCK_MONOTONIC, &a) == 0 &&
	    clock_gettime(CLOCK_MONOTONIC, &b) == 0 &&
	    ts_nsec(&b) >= ts_nsec(&a) && a.tv_nsec >= 0 && a.tv_nsec < NSEC,
	    "clock_gettime: CLOCK_MONOTONIC does not go back");
	fails(clock_gettime(-1, &a), EINVAL,
	    "clock_gettime: EINVAL on clock id -1");
	fails(clock_gettime(99, &a), EINVAL,
	    "clock_gettime: EINVAL on a clock id that does not exist");
	fails(__sys_clock_gettime(CLOCK_REALTIME, unmapped), EFAULT,
	    "clock_gettime: EFAULT on an unmapped buffer");
	fails(__sys_clock_gettime(CLOCK_MONOTONIC, kernel_addr()), EFAULT,
	    "clock_gettime: EFAULT on a kernel buffer");
}

static void
t_gettimeofday(void)
{
	struct timespec ts;
	struct timeval tv;
	int tz[2] = { -1, -1 };

	ok(__sys_gettimeofday(&tv, tz) == 0 &&
	    clock_gettime(CLOCK_REALTIME, &ts) == 0 &&
	    tv.tv_usec >= 0 && tv.tv_usec < 1000000 &&
	    tv.tv_sec <= ts.tv_sec && tv.tv_sec + 1 >= ts.tv_sec &&
	    tz[0] == 0 && tz[1] == 0,
	    "gettimeofday: the time of CLOCK_REALTIME, a zero time zone");
	ok(__sys_gettimeofday(NULL, NULL) == 0,
	    "gettimeofday: both pointers may be NULL");
	fails(__sys_gettimeofday(unmapped, NULL), EFAULT,
	    "gettimeofday: EFAULT on an unmapped timeval");
	fails(__sys_gettimeofday(kernel_addr(), NULL), EFAULT,
	    "gettimeofday: EFAULT on a kernel timeval");
	fails(__sys_gettimeofday(&tv, unmapped), EFAULT,
	    "gettimeofday: EFAULT on an unmapped time zone");
	fails(__sys_gettimeofday(NULL, kernel_addr()), EFAULT,
	    "gettimeofday: EFAULT on a kernel time zone");
}

static void
t_nanosleep(void)
{
	struct timespec a, b, rq = { 0, 20 * 1000 * 1000 };

	clock_gettime(CLOCK_MONOTONIC, &a);
	ok(nanosleep(&rq, NULL) == 0 && clock_gettime(CLOCK_MONOTONIC, &b) ==
	    0 && ts_nsec(&b) - ts_nsec(&a) >= ts_nsec(&rq),
	    "nanosleep: sleeps at least the time asked");
	rq.tv_nsec = 0;
	ok(nanosleep(&rq, NULL) == 0, "nanosleep: zero returns at once");
	rq.tv_nsec = NSEC;
	fails(nanosleep(&rq, NULL), EINVAL,
	    "nanosleep: EINVAL on tv_nsec = 1000000000");
	rq.tv_nsec = -1;
	fails(nanosleep(&rq, NULL), EINVAL,
	    "nanosleep: EINVAL on a negative tv_nsec");
	rq.tv_sec = -1;
	rq.tv_nsec = 0;
	fails(nanosleep(&rq, NULL), EINVAL,
	    "nanosleep: EINVAL on a negative tv_sec (FreeBSD returns 0)");
	fails(nanosleep(unmapped, NULL), EFAULT,
	    "nanosleep: EFAULT on an unmapped rqtp");
	fails(nanosleep(kernel_addr(), NULL), EFAULT,
	    "nanosleep: EFAULT on a kernel rqtp");
}

static void
on_usr1(int sig)
{
	(void)sig;
}

/*
 * A child sleeps with a bad rmtp; a signal ends the sleep, and the
 * kernel's copyout of the time left fails: EFAULT, not EINTR.  The
 * child's exit status: 0 if so.
 */
static void
t_nanosleep_rmtp(void *rmtp, const char *name)
{
	struct timespec rq = { 5, 0 }, pause = { 0, 50 * 1000 * 1000 };
	int status = -1;
	pid_t pid;

	fflush(stdout);
	if ((pid = fork()) == 0) {
		signal(SIGUSR1, on_usr1);
		errno = 0;
		_exit(nanosleep(&rq, rmtp) == -1 && errno == EFAULT ? 0 : 1);
	}
	nanosleep(&pause, NULL);
	kill(pid, SIGUSR1);
	waitpid(pid, &status, 0);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 0, name);
}

int
main(void)
{
	t_clock_gettime();
	t_gettimeofday();
	t_nanosleep();
	t_nanosleep_rmtp(unmapped,
	    "nanosleep: EFAULT on an unmapped rmtp when a signal ends it");
	t_nanosleep_rmtp(kernel_addr(),
	    "nanosleep: EFAULT on a kernel rmtp when a signal ends it");
	return (done_testing());
}
