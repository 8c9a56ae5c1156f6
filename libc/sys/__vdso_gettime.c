/*
 * __vdso_gettime.c - clock_gettime's fast path: CLOCK_MONOTONIC and
 * CLOCK_REALTIME from the TSC and the clock's record in the shared page
 * (sys/_timekeep.h, kernel/kern_sharedpage.c), with the kernel's own
 * formula (__timekeep_uptime), so that the result is the nanosecond
 * the system call would give at that instant.  FreeBSD's
 * __vdso_clock_gettime, reduced to the TSC the kernel uses.
 */
#include <errno.h>
#include <time.h>
#include <sys/_timekeep.h>

#include "libc_private.h"

/* Reads of a record that keeps changing, before the system call. */
#define VDSO_TRIES	4

const struct vdso_timekeep *__vdso_timekeep;

static inline unsigned long long
vdso_rdtsc(void)
{
	unsigned int lo, hi;

	__asm__ __volatile__("rdtsc" : "=a" (lo), "=d" (hi));
	return ((unsigned long long)hi << 32 | lo);
}

/* See libc_private.h. */
int
__vdso_clock_gettime(int id, struct timespec *ts)
{
	const struct vdso_timekeep *tk = __vdso_timekeep;
	unsigned long long base, freq, tsc;
	long long boottime;
	unsigned int gen;
	int tries;

	if ((id != CLOCK_MONOTONIC && id != CLOCK_REALTIME) || tk == NULL ||
	    tk->tk_ver != VDSO_TK_VER_CURR)
		return (ENOSYS);
	for (tries = 0; tries < VDSO_TRIES; tries++) {
		gen = __atomic_load_n(&tk->tk_gen, __ATOMIC_ACQUIRE);
		if (gen == 0)
			return (ENOSYS);	/* not usable now */
		if (__atomic_load_n(&tk->tk_enabled, __ATOMIC_RELAXED) == 0)
			return (ENOSYS);
		base = tk->tk_tsc_base;
		freq = tk->tk_tsc_freq;
		boottime = tk->tk_boottime;
		tsc = vdso_rdtsc();
		/* The TSC and the fields, then the generation again. */
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
		if (__atomic_load_n(&tk->tk_gen, __ATOMIC_RELAXED) != gen)
			continue;
		__timekeep_uptime(tsc, base, freq, ts);
		if (id == CLOCK_REALTIME)
			ts->tv_sec += boottime;
		return (0);
	}
	return (ENOSYS);
}
