/*
 * kern_clock.c - the clock interrupt's machine-independent half: count
 * the tick, end the timed sleeps that are due, and let the scheduler
 * count down the running thread's time slice.
 */
#include <kernel/systm.h>
#include <kernel/clock.h>
#include <kernel/sched.h>
#include <kernel/sleep.h>

volatile uint64_t ticks;

void
hardclock(void)
{
	ticks++;
	sleepq_tick();
	sched_clock();
}
