/*
 * test_time.c - the kernel's clocks: uptime moves forward and agrees
 * with the clock interrupt; the wall clock comes from the RTC (the
 * harness starts it at 2024-01-01, so it is at least that).
 */
#include <sys/errno.h>
#include <kernel/systm.h>
#include <kernel/ktest.h>
#include <kernel/clock.h>
#include <kernel/sleep.h>
#include <kernel/time.h>

#define NSEC_PER_SEC	1000000000LL
#define EPOCH_2024	1704067200LL	/* 2024-01-01 00:00:00 UTC */

static int64_t
ts_nsec(const struct timespec *ts)
{
	return (ts->tv_sec * NSEC_PER_SEC + ts->tv_nsec);
}

/* Ten ticks of sleep are a tenth of a second of uptime (+ one tick). */
KTEST(nanouptime_follows_the_clock_interrupt)
{
	static int chan;
	struct timespec a, b;
	int64_t d;

	nanouptime(&a);
	(void)tsleep(&chan, 0, "kttime", 10);
	nanouptime(&b);
	d = ts_nsec(&b) - ts_nsec(&a);
	KT_CHECK(d >= 90 * 1000000LL && d <= 120 * 1000000LL,
	    "10 ticks took %lld ns", (long long)d);
	KT_CHECK(b.tv_nsec >= 0 && b.tv_nsec < NSEC_PER_SEC);
}

KTEST(nanotime_is_the_rtc_plus_uptime)
{
	struct timespec up, now;

	nanouptime(&up);
	nanotime(&now);
	KT_CHECK(now.tv_sec >= EPOCH_2024, "wall clock %lld s",
	    (long long)now.tv_sec);
	KT_CHECK(now.tv_sec - up.tv_sec >= EPOCH_2024 - 1,
	    "booted at %lld", (long long)(now.tv_sec - up.tv_sec));
}
