/*
 * time.c - clock_gettime, nanosleep, and time over clock_gettime.
 */
#include <stddef.h>
#include <time.h>

#include "libc_private.h"
#include "libc_syscalls.h"

/*
 * The time of clock `id` (CLOCK_REALTIME, CLOCK_MONOTONIC): from the
 * shared page when the kernel says it may (__vdso_clock_gettime), else
 * the system call.  A bad ts: SIGSEGV on the fast path, EFAULT from the
 * system call (libc/README.md).
 */
int
clock_gettime(clockid_t id, struct timespec *ts)
{
	if (__vdso_clock_gettime(id, ts) == 0)
		return (0);
	return (__sys_clock_gettime(id, ts));
}

/*
 * Sleep at least `rq`; -1 with EINTR if a signal's handler ran, the
 * time left in `rm` (if not NULL).
 */
int
nanosleep(const struct timespec *rq, struct timespec *rm)
{
	return (__sys_nanosleep(rq, rm));
}

/* Seconds since the Epoch, also in *t if t is not NULL. */
time_t
time(time_t *t)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_REALTIME, &ts) != 0)
		return ((time_t)-1);
	if (t != NULL)
		*t = ts.tv_sec;
	return (ts.tv_sec);
}
