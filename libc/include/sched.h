/*
 * sched.h - scheduling: sched_yield.  No policies or priorities (the
 * kernel's scheduler is round robin, kernel/kern_switch.c).
 */
#ifndef _SCHED_H_
#define _SCHED_H_

int	sched_yield(void);

#endif /* !_SCHED_H_ */
