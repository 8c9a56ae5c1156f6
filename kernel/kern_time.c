/*
 * kern_time.c - time: the uptime clock (the TSC, calibrated against the
 * clock interrupt at boot), the wall clock (the RTC at boot plus the
 * uptime), and the system calls clock_gettime, gettimeofday and
 * nanosleep.
 *
 * Under the test harness (-icount) guest time counts guest
 * instructions, so all of these are exactly repeatable there.
 */
#include <sys/errno.h>
#include <sys/_timespec.h>
#include <sys/_timekeep.h>
#include <kernel/systm.h>
#include <kernel/clock.h>
#include <kernel/machdep.h>
#include <kernel/proc.h>
#include <kernel/sharedpage.h>
#include <kernel/sleep.h>
#include <kernel/syscallvar.h>
#include <kernel/time.h>

#define CALIBRATE_TICKS	10
#define NSEC_PER_SEC	1000000000LL

static uint64_t tsc_freq;		/* (c) TSC ticks per second */
static int64_t boottime_sec;		/* (c) wall clock at uptime 0 */

/* nanouptime: see time.h. */
void
nanouptime(struct timespec *ts)
{
	/* libc's fast path computes the same (sys/_timekeep.h). */
	__timekeep_uptime(cpu_ticks(), boot_tsc, tsc_freq, ts);
}

/* nanotime: see time.h. */
void
nanotime(struct timespec *ts)
{
	nanouptime(ts);
	ts->tv_sec += boottime_sec;
}

/* tc_init: see time.h. */
void
tc_init(void)
{
	struct timespec up;
	uint64_t t, tsc0;

	t = ticks;
	while (ticks == t)		/* start on a tick */
		cpu_idle();
	tsc0 = cpu_ticks();
	t = ticks;
	while (ticks - t < CALIBRATE_TICKS)
		cpu_idle();
	tsc_freq = (cpu_ticks() - tsc0) * HZ / CALIBRATE_TICKS;
	if (tsc_freq == 0)
		panic("tc_init: the TSC does not advance");
	nanouptime(&up);
	boottime_sec = rtc_gettime() - up.tv_sec;
	printf("time: TSC at %llu Hz, booted at %lld s since the Epoch\n",
	    (unsigned long long)tsc_freq, (long long)boottime_sec);
	timekeep_push_vdso();
}

/* tc_fill_vdso_timehands: see time.h. */
bool
tc_fill_vdso_timehands(struct vdso_timekeep *tk)
{
	if (tsc_freq == 0)
		return (false);		/* not calibrated yet */
	tk->tk_tsc_base = boot_tsc;
	tk->tk_tsc_freq = tsc_freq;
	tk->tk_boottime = boottime_sec;
	return (true);
}

/* sys_clock_gettime: clock_gettime(id, tp): REALTIME or MONOTONIC. */
int
sys_clock_gettime(struct thread *td, syscallarg_t *args,
    syscallarg_t *retval)
{
	struct timespec ts;

	(void)td, (void)retval;
	switch ((int)args[0]) {
	case CLOCK_REALTIME:
		nanotime(&ts);
		break;
	case CLOCK_MONOTONIC:
		nanouptime(&ts);
		break;
	default:
		return (EINVAL);
	}
	return (copyout(&ts, (void *)args[1], sizeof(ts)));
}

/* sys_gettimeofday: gettimeofday(tp, tzp); the time zone is zeros. */
int
sys_gettimeofday(struct thread *td, syscallarg_t *args,
    syscallarg_t *retval)
{
	struct timespec ts;
	struct timeval tv;
	int tz[2] = { 0, 0 }, error = 0;

	(void)td, (void)retval;
	nanotime(&ts);
	tv.tv_sec = ts.tv_sec;
	tv.tv_usec = ts.tv_nsec / 1000;
	if (args[0] != 0)
		error = copyout(&tv, (void *)args[0], sizeof(tv));
	if (error == 0 && args[1] != 0)
		error = copyout(tz, (void *)args[1], sizeof(tz));
	return (error);
}

static int64_t
ts_nsec(const struct timespec *ts)
{
	return (ts->tv_sec * NSEC_PER_SEC + ts->tv_nsec);
}

/*
 * sys_nanosleep: nanosleep(rqtp, rmtp): sleep at least the time asked
 * (the clock interrupt's granularity, rounded up).  A signal ends it
 * with EINTR and the time left in rmtp.
 */
int
sys_nanosleep(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	static int nanosleep_chan;
	struct timespec rq, now;
	int64_t deadline, left;
	int error;

	(void)td, (void)retval;
	if ((error = copyin((const void *)args[0], &rq, sizeof(rq))) != 0)
		return (error);
	if (rq.tv_sec < 0 || rq.tv_nsec < 0 || rq.tv_nsec >= NSEC_PER_SEC)
		return (EINVAL);
	nanouptime(&now);
	if (rq.tv_sec > INT64_MAX / NSEC_PER_SEC - now.tv_sec - 1)
		return (EINVAL);
	deadline = ts_nsec(&now) + ts_nsec(&rq);
	while ((left = deadline - ts_nsec(&now)) > 0) {
		error = tsleep(&nanosleep_chan, PCATCH, "nanslp",
		    (int)MIN(left / (NSEC_PER_SEC / HZ) + 1, (int64_t)INT32_MAX));
		nanouptime(&now);
		if (error != 0 && error != EWOULDBLOCK) {
			/* A signal: the time left, and never a restart. */
			left = MAX(deadline - ts_nsec(&now), 0);
			rq.tv_sec = left / NSEC_PER_SEC;
			rq.tv_nsec = left % NSEC_PER_SEC;
			if (args[1] != 0 && (error = copyout(&rq,
			    (void *)args[1], sizeof(rq))) != 0)
				return (error);
			return (EINTR);
		}
	}
	return (0);
}
