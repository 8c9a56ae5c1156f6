/*
 * time.h - the kernel's clocks (kernel/kern_time.c).
 */
#ifndef _KERNEL_TIME_H_
#define _KERNEL_TIME_H_

#include <stdbool.h>
#include <sys/_timespec.h>

struct vdso_timekeep;

/*
 * tc_init: calibrate the TSC against the clock interrupt (a tenth of a
 * second) and read the wall clock.  Once, at boot, interrupts on.
 */
void	tc_init(void);

/* nanouptime: time since boot.  nanotime: wall-clock time.  Any context. */
void	nanouptime(struct timespec *ts);
void	nanotime(struct timespec *ts);

/*
 * tc_fill_vdso_timehands: the time base nanouptime and nanotime use
 * (the TSC at uptime 0, its frequency, the wall clock at uptime 0) into
 * the shared page's record; false, and nothing written, before
 * tc_init has calibrated the TSC.  Any context; called only by
 * timekeep_push_vdso (kernel/kern_sharedpage.c).
 */
bool	tc_fill_vdso_timehands(struct vdso_timekeep *tk);

#endif /* !_KERNEL_TIME_H_ */
