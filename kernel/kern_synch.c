/*
 * kern_synch.c - tsleep() and wakeup() (see sleep.h) for a kernel with
 * one thread and no scheduler.
 *
 * Nothing but an interrupt handler could call wakeup() for the one
 * thread, so:
 *  - tsleep() without a timeout can never return: it panics, naming what
 *    it waits for (wmesg) and the channel - a deadlock made visible;
 *  - tsleep() with a timeout idles (cpu_idle(): wait for an interrupt)
 *    until `timo` clock ticks have passed (EWOULDBLOCK) or an interrupt
 *    handler called wakeup() on its channel (0);
 *  - wakeup() with nobody asleep on the channel does nothing.
 *
 * The same file builds for the host tests, which have no interrupts:
 * there cpu_idle() stands for "an interrupt came" and advances the
 * clock by calling hardclock(), so a sleep with a timeout returns
 * EWOULDBLOCK after `timo` turns of the loop, without waiting.  No
 * #ifdef: the host only supplies that cpu_idle().
 *
 * PCATCH is accepted and has no effect until there are signals.  The
 * scheduler issue replaces this file; the callers do not change.
 */
#include <sys/errno.h>
#include <kernel/systm.h>
#include <kernel/clock.h>
#include <kernel/machdep.h>
#include <kernel/sleep.h>

/* The channel the thread sleeps on (NULL: awake), and whether woken. */
static const void *volatile sleep_chan;
static volatile bool sleep_woken;

/*
 * tsleep: see sleep.h.  Interrupts must be enabled (no spin mutex held):
 * the timeout is counted by the clock interrupt.
 */
int
tsleep(const void *chan, int flags, const char *wmesg, int timo)
{
	uint64_t start;
	int error;

	(void)flags;
	KASSERT(chan != NULL, ("tsleep(\"%s\"): NULL channel", wmesg));
	KASSERT(timo >= 0, ("tsleep(\"%s\"): timeout %d", wmesg, timo));
	KASSERT(sleep_chan == NULL, ("tsleep(\"%s\") on %p while asleep on "
	    "%p (from an interrupt handler?)", wmesg, chan, sleep_chan));
	if (timo == 0)
		panic("tsleep: \"%s\" on %p with no timeout: there is one "
		    "thread and no scheduler, so nothing can ever wake it "
		    "(deadlock)", wmesg, chan);
	sleep_woken = false;
	sleep_chan = chan;
	start = ticks;
	while (!sleep_woken && ticks - start < (uint64_t)timo)
		cpu_idle();
	error = sleep_woken ? 0 : EWOULDBLOCK;
	sleep_chan = NULL;
	return (error);
}

/* wakeup: see sleep.h.  Any context, interrupt handlers included. */
void
wakeup(const void *chan)
{
	if (chan != NULL && sleep_chan == chan)
		sleep_woken = true;
}
