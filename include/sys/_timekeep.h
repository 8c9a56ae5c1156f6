/*
 * _timekeep.h - the clock's record in the shared page, which exec maps
 * read-only into every process (kernel/kern_sharedpage.c) and whose
 * address it passes in the auxiliary vector as AT_TIMEKEEP (FreeBSD's
 * name and number).  libc's clock_gettime reads CLOCK_MONOTONIC and
 * CLOCK_REALTIME from it and the TSC without entering the kernel
 * (libc/sys/__vdso_gettime.c).  Shared by the kernel and libc; the same
 * layout on i386 and amd64.
 *
 * The kernel writes the record only when the time base changes (the
 * TSC's calibration at boot, kern.timecounter.fast_gettime): tk_gen to
 * 0, the fields, then tk_gen to a new value other than 0.  A reader
 * takes tk_gen, the fields and the TSC, and keeps the result only if
 * tk_gen was not 0 and is unchanged (FreeBSD's th_gen protocol).
 */
#ifndef _SYS__TIMEKEEP_H_
#define _SYS__TIMEKEEP_H_

#include <sys/_timespec.h>

/* Auxiliary vector entry: the address of struct vdso_timekeep. */
#define AT_TIMEKEEP		22

#define VDSO_TK_VER_CURR	1	/* tk_ver of this layout */

struct vdso_timekeep {
	__UINT32_TYPE__	tk_ver;		/* VDSO_TK_VER_CURR */
	__UINT32_TYPE__	tk_enabled;	/* 1: the fields may be used */
	__UINT32_TYPE__	tk_gen;		/* 0 while being written */
	__UINT32_TYPE__	tk_pad;
	__UINT64_TYPE__	tk_tsc_base;	/* the TSC at uptime 0 */
	__UINT64_TYPE__	tk_tsc_freq;	/* TSC ticks per second */
	__INT64_TYPE__	tk_boottime;	/* wall clock at uptime 0, seconds */
};

/*
 * The uptime `tsc` stands for, given the base and the frequency: the
 * one formula of the kernel's nanouptime and of libc's fast path, so
 * that both give the same nanosecond (truncated, never rounded up).  In
 * two steps, so that the product fits 64 bits.
 */
static inline void
__timekeep_uptime(__UINT64_TYPE__ tsc, __UINT64_TYPE__ base,
    __UINT64_TYPE__ freq, struct timespec *ts)
{
	__UINT64_TYPE__ delta = tsc - base;

	ts->tv_sec = (__time_t)(delta / freq);
	ts->tv_nsec = (long)((delta % freq) * 1000000000ULL / freq);
}

#endif /* !_SYS__TIMEKEEP_H_ */
