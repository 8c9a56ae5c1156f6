/*
 * synch_host.c - tsleep() and wakeup() (see kernel/sleep.h) for the host
 * build of vm/: one thread, no scheduler.  The kernel's are in
 * kernel/kern_synch.c; this file stands in for it on the pretend
 * machine, as the fake pmap stands in for the real one.
 *
 * Nothing but an interrupt handler could call wakeup() for the one
 * thread, so:
 *  - tsleep() without a timeout can never return: it panics, naming what
 *    it waits for (wmesg) and the channel - a deadlock made visible;
 *  - tsleep() with a timeout idles until `timo` clock ticks have passed
 *    (EWOULDBLOCK) or something called wakeup() on its channel (0);
 *    here cpu_idle() stands for "an interrupt came" and advances the
 *    clock by calling hardclock(), so the sleep returns after `timo`
 *    turns of the loop, without waiting;
 *  - wakeup() with nobody asleep on the channel does nothing.
 *
 * Also the scheduler's entry points the clock and sx locks call: with
 * one thread there is nothing to schedule and nobody else to release a
 * lock; the console's input, which the clock polls: there is no
 * console; and the resource limits stack growth reads (proc0's, which
 * a test sets directly).
 */
#include <sys/errno.h>
#include <kernel/systm.h>
#include <kernel/clock.h>
#include <kernel/machdep.h>
#include <kernel/sleep.h>
#include <kernel/proc.h>
#include <kernel/resourcevar.h>
#include <kernel/sched.h>
#include <kernel/tty.h>
#include <vm/vm_pageout.h>
#include "vmhost.h"

struct proc proc0;
struct thread thread0 = { .td_proc = &proc0, .td_name = "thread0" };
struct thread *curthread = &thread0;

/* What an interruptible sleep returns at once (vmhost_signal_pending). */
static int sleep_signal;

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

	KASSERT(chan != NULL, ("tsleep(\"%s\"): NULL channel", wmesg));
	KASSERT(timo >= 0, ("tsleep(\"%s\"): timeout %d", wmesg, timo));
	KASSERT(sleep_chan == NULL, ("tsleep(\"%s\") on %p while asleep on "
	    "%p (from an interrupt handler?)", wmesg, chan, sleep_chan));
	if ((flags & PCATCH) != 0 && sleep_signal != 0)
		return (sleep_signal);
	/* PKILL: a test marks proc0 killed (P_KILLED). */
	if ((flags & PKILL) != 0 && thread_killed(curthread))
		return (EINTR);
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

/* tsleep_gen: see sleep.h.  A change of *gen ends it before it starts. */
int
tsleep_gen(const void *chan, const volatile unsigned int *gen,
    unsigned int seen, int flags, const char *wmesg, int timo)
{
	if (gen != NULL && *gen != seen)
		return (0);
	return (tsleep(chan, flags, wmesg, timo));
}

/* wakeup: see sleep.h.  Any context, interrupt handlers included. */
void
wakeup(const void *chan)
{
	if (chan != NULL && sleep_chan == chan)
		sleep_woken = true;
}

/* wakeup_one: see sleep.h.  One sleeper at most here. */
void
wakeup_one(const void *chan)
{
	wakeup(chan);
}

/* sleepq_tick: see sleep.h.  tsleep counts its own ticks here. */
void
sleepq_tick(void)
{
}

/* tty_poll: see tty.h.  Nobody types on the pretend machine. */
void
tty_poll(void)
{
}

/* sched_clock: see sched.h.  Nothing to schedule. */
void
sched_clock(void)
{
}

/* sched_others: see sched.h.  There is only the one thread. */
bool
sched_others(void)
{
	return (false);
}

/* lim_cur: see kernel/resourcevar.h; the limits are p's own table. */
rlim_t
lim_cur(struct proc *p, int which)
{
	return (p->p_limit.pl_rlimit[which].rlim_cur);
}

/* vmhost_limits, _memlock, _signal_pending, _curvmspace: see vmhost.h. */
void
vmhost_limits(int64_t stack, int64_t vmem)
{
	proc0.p_limit.pl_rlimit[RLIMIT_STACK].rlim_cur = stack;
	proc0.p_limit.pl_rlimit[RLIMIT_VMEM].rlim_cur = vmem;
}

void
vmhost_memlock(int64_t memlock)
{
	proc0.p_limit.pl_rlimit[RLIMIT_MEMLOCK].rlim_cur = memlock;
}

void
vmhost_signal_pending(int error)
{
	sleep_signal = error;
}

void
vmhost_pid(int pid)
{
	proc0.p_pid = pid;
}

void
vmhost_killed(bool killed)
{
	if (killed)
		proc0.p_flag |= P_KILLED;
	else
		proc0.p_flag &= ~P_KILLED;
}

void
vmhost_curvmspace(struct vmspace *vm)
{
	proc0.p_vmspace = vm;
}

/*
 * vm_pageout_oom: the host has no processes to kill, so the fault
 * path's OOM request (vm/vm_fault.c) is only counted here; a test that
 * wants to act on it defines its own (tests/host/test_vm_map.c).
 */
unsigned long vmhost_oom_requests;

__attribute__((weak)) void
vm_pageout_oom(int shortage)
{
	(void)shortage;
	vmhost_oom_requests++;
}
