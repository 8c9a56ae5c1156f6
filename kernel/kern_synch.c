/*
 * kern_synch.c - sleeping and waking up (see sleep.h): tsleep() puts
 * curthread on the sleep queue and switches away; wakeup() moves the
 * threads sleeping on a channel back to the run queue; the clock ends
 * timed sleeps (sleepq_tick).
 *
 * One sleep queue for all channels: a wakeup walks every sleeper.  With
 * the few threads Vise has that is cheap, and simple to read; a hash of
 * queues by channel (FreeBSD's sleepqueue(9)) is the change to make if
 * it ever shows up in a profile.
 *
 * Locking: interrupts disabled (the scheduler's lock on one CPU), so an
 * interrupt handler may call wakeup().  A thread may not sleep holding
 * a spin mutex (KASSERT).
 *
 * With PCATCH a signal ends the sleep (kernel/kern_sig.c): tsleep
 * returns EINTR, or ERESTART when the signal's handler has SA_RESTART;
 * the caller passes that up, so the system call ends or is redone.
 * An interruptible sleep is also where a process stops (job control):
 * its thread stays on the sleep queue, and if the wakeup comes while
 * the process is stopped the thread waits for SIGCONT off every queue
 * (unless it is to exit: single-threading, kern_thread.c).
 */
#include <sys/errno.h>
#include <kernel/systm.h>
#include <kernel/clock.h>
#include <kernel/machdep.h>
#include <kernel/mutex.h>
#include <kernel/proc.h>
#include <kernel/sched.h>
#include <kernel/signalvar.h>
#include <kernel/sleep.h>

static TAILQ_HEAD(, thread) sleepq = TAILQ_HEAD_INITIALIZER(sleepq);

/* tsleep: see sleep.h. */
int
tsleep(const void *chan, int flags, const char *wmesg, int timo)
{
	return (tsleep_gen(chan, NULL, 0, flags, wmesg, timo));
}

/* tsleep_gen: see sleep.h.  gen NULL: plain tsleep. */
int
tsleep_gen(const void *chan, const volatile unsigned int *gen,
    unsigned int seen, int flags, const char *wmesg, int timo)
{
	struct thread *td = curthread;
	unsigned long s;
	int error;

	KASSERT(chan != NULL, ("tsleep(\"%s\"): NULL channel", wmesg));
	KASSERT(timo >= 0, ("tsleep(\"%s\"): timeout %d", wmesg, timo));
	KASSERT(mtx_held_count() == 0, ("tsleep(\"%s\"): %d spin mutexes "
	    "held", wmesg, mtx_held_count()));
	KASSERT((td->td_flags & TDF_IDLE) == 0, ("tsleep(\"%s\"): the idle "
	    "thread may not sleep", wmesg));
	s = intr_disable();
	/* The waker came before we got here: nothing to wait for. */
	if (gen != NULL && *gen != seen) {
		intr_restore(s);
		return (0);
	}
	/* A signal already pending ends an interruptible sleep at once. */
	if ((flags & PCATCH) != 0 && (error = sig_sleep_check(td)) != 0) {
		intr_restore(s);
		return (error);
	}
	/* So does a kill a PKILL sleep. */
	if ((flags & PKILL) != 0 && thread_killed(td)) {
		intr_restore(s);
		return (EINTR);
	}
	td->td_wchan = chan;
	td->td_wmesg = wmesg;
	td->td_timeout = timo > 0 ? ticks + (uint64_t)timo : 0;
	td->td_flags &= ~TDF_TIMEDOUT;
	td->td_intrval = 0;
	td->td_state = TDS_SLEEPING;
	TAILQ_INSERT_TAIL(&sleepq, td, td_runq);
	if ((flags & PCATCH) != 0) {
		td->td_flags |= TDF_SINTR;
		/* A pending stop signal stops the process here, asleep. */
		sig_take_stops(td);
	} else if ((flags & PKILL) != 0)
		td->td_flags |= TDF_SKILL;
	mi_switch();
	td->td_flags &= ~(TDF_SINTR | TDF_SKILL);
	if (td->td_intrval != 0)
		error = td->td_intrval;
	else
		error = (td->td_flags & TDF_TIMEDOUT) != 0 ? EWOULDBLOCK : 0;
	td->td_flags &= ~TDF_TIMEDOUT;
	intr_restore(s);
	return (error);
}

/*
 * Take `td` off the sleep queue and make it runnable; an interruptible
 * sleeper of a stopped process stops instead (TDS_STOPPED), until
 * SIGCONT or SIGKILL makes it runnable (kern_sig.c).
 */
static void
sleepq_resume(struct thread *td)
{
	TAILQ_REMOVE(&sleepq, td, td_runq);
	td->td_wchan = NULL;
	td->td_wmesg = NULL;
	td->td_timeout = 0;
	if ((td->td_flags & TDF_SINTR) != 0 &&
	    (td->td_proc->p_flag & P_STOPPED_SIG) != 0 &&
	    !thread_must_exit(td))
		td->td_state = TDS_STOPPED;
	else
		sched_add(td);
}

/* sleepq_abort: see sleep.h. */
void
sleepq_abort(struct thread *td, int error)
{
	KASSERT(td->td_state == TDS_SLEEPING &&
	    (td->td_flags & (TDF_SINTR | TDF_SKILL)) != 0,
	    ("sleepq_abort: thread %s is not in an interruptible sleep",
	    td->td_name));
	td->td_intrval = error;
	sleepq_resume(td);
}

/* wakeup: see sleep.h. */
void
wakeup(const void *chan)
{
	struct thread *td, *next;
	unsigned long s;

	s = intr_disable();
	TAILQ_FOREACH_SAFE(td, &sleepq, td_runq, next)
		if (td->td_wchan == chan)
			sleepq_resume(td);
	intr_restore(s);
}

/* wakeup_one: see sleep.h. */
void
wakeup_one(const void *chan)
{
	struct thread *td;
	unsigned long s;

	s = intr_disable();
	TAILQ_FOREACH(td, &sleepq, td_runq)
		if (td->td_wchan == chan) {
			sleepq_resume(td);
			break;
		}
	intr_restore(s);
}

/* sleepq_tick: see sleep.h. */
void
sleepq_tick(void)
{
	struct thread *td, *next;

	TAILQ_FOREACH_SAFE(td, &sleepq, td_runq, next)
		if (td->td_timeout != 0 && ticks >= td->td_timeout) {
			td->td_flags |= TDF_TIMEDOUT;
			sleepq_resume(td);
		}
}
