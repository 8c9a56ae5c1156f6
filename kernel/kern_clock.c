/*
 * kern_clock.c - the clock interrupt's machine-independent half: count
 * the tick, end the timed sleeps that are due, take what was typed on
 * the console (its input is polled), and let the scheduler count down
 * the running thread's time slice.
 */
#include <kernel/systm.h>
#include <kernel/clock.h>
#include <kernel/sched.h>
#include <kernel/sleep.h>
#include <kernel/tty.h>

volatile uint64_t ticks;

void
hardclock(void)
{
	ticks++;
	sleepq_tick();
	tty_poll();
	sched_clock();
}
