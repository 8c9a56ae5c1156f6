/*
 * kern_clock.c - the clock interrupt's machine-independent half.
 * Later it will also drive the scheduler and timeouts.
 */
#include <kernel/systm.h>
#include <kernel/clock.h>

volatile uint64_t ticks;

void
hardclock(void)
{
	ticks++;
}
