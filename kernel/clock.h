/*
 * clock.h - the kernel's notion of time: a tick counter advanced by the
 * periodic clock interrupt.
 */
#ifndef _KERNEL_CLOCK_H_
#define _KERNEL_CLOCK_H_

#include <stdint.h>

#define HZ	100		/* clock interrupts per second */

/* Ticks since the clock started; written only by hardclock(). */
extern volatile uint64_t ticks;

/* hardclock: called from the clock interrupt, interrupts off. */
void	hardclock(void);

#endif /* !_KERNEL_CLOCK_H_ */
