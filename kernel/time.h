/*
 * time.h - the kernel's clocks (kernel/kern_time.c).
 */
#ifndef _KERNEL_TIME_H_
#define _KERNEL_TIME_H_

#include <sys/_timespec.h>

/*
 * tc_init: calibrate the TSC against the clock interrupt (a tenth of a
 * second) and read the wall clock.  Once, at boot, interrupts on.
 */
void	tc_init(void);

/* nanouptime: time since boot.  nanotime: wall-clock time.  Any context. */
void	nanouptime(struct timespec *ts);
void	nanotime(struct timespec *ts);

#endif /* !_KERNEL_TIME_H_ */
