/*
 * sleep.h - waiting for an event: tsleep(chan) until wakeup(chan).
 * The kernel's are in kernel/kern_synch.c; the host build of vm/ has a
 * one-thread stand-in (tests/host/vmhost/synch_host.c).
 */
#ifndef _KERNEL_SLEEP_H_
#define _KERNEL_SLEEP_H_

#define PCATCH	0x100	/* a signal ends the sleep (EINTR/ERESTART) */
/*
 * PKILL: only the end of the process ends the sleep (EINTR): SIGKILL
 * posted (P_KILLED) or another thread single-threading it for exit or
 * exec (thread_killed, proc.h).  Caught signals and stop signals do
 * not: for waits that user activity causes and that must not fail
 * because of an ordinary signal (a fault waiting for free pages, an
 * entry in transition).  A stop signal does not stop such a sleeper.
 */
#define PKILL	0x200

/*
 * tsleep: sleep on `chan` until wakeup(chan), a signal (with PCATCH) or
 * `timo` ticks (0: no limit).  Returns 0, EWOULDBLOCK (timeout), or
 * with PCATCH EINTR or ERESTART (a signal), with PKILL EINTR (the
 * process is being killed).  Thread context; must not
 * hold a spin mutex.
 */
int	tsleep(const void *chan, int flags, const char *wmesg, int timo);
/*
 * tsleep_gen: tsleep, unless *gen no longer equals `seen`: the check and
 * going to sleep are one step as far as wakeup() is concerned (both
 * with interrupts disabled, the scheduler's lock), so a waker that
 * changes *gen and then calls wakeup(chan) is never missed, even if it
 * runs between the caller's unlocking of its own lock and this call.
 * Returns 0 at once if *gen changed.  The waker must change *gen before
 * calling wakeup.  Same context and results as tsleep.
 */
int	tsleep_gen(const void *chan, const volatile unsigned int *gen,
	    unsigned int seen, int flags, const char *wmesg, int timo);
/* wakeup: wake every sleeper on `chan`.  Any context. */
void	wakeup(const void *chan);
/* wakeup_one: wake the sleeper on `chan` that slept first.  Any context. */
void	wakeup_one(const void *chan);
/*
 * sleepq_abort: end `td`'s interruptible (PCATCH or PKILL) sleep now; its tsleep returns
 * `error` (EINTR or ERESTART).  Interrupts disabled.
 */
struct thread;
void	sleepq_abort(struct thread *td, int error);
/* sleepq_tick: end timed sleeps that are due.  The clock interrupt. */
void	sleepq_tick(void);

#endif /* !_KERNEL_SLEEP_H_ */
