/*
 * sleep.h - waiting for an event: tsleep(chan) until wakeup(chan).
 *
 * Until the scheduler exists there is one thread, so nothing could ever
 * call wakeup for a sleeper: tsleep() panics with what it waited for
 * (a deadlock made visible), except with a timeout, which it spends
 * idling.  The scheduler issue replaces this file's implementation; its
 * callers (the VM's transition and busy waits) do not change.
 */
#ifndef _KERNEL_SLEEP_H_
#define _KERNEL_SLEEP_H_

#define PCATCH	0x100	/* a signal ends the sleep (EINTR/ERESTART) */

/*
 * tsleep: sleep on `chan` until wakeup(chan), a signal (with PCATCH) or
 * `timo` ticks (0: no limit).  Returns 0, EWOULDBLOCK (timeout) or
 * EINTR.  Must not hold a spin mutex.
 */
int	tsleep(const void *chan, int flags, const char *wmesg, int timo);
/* wakeup: wake every sleeper on `chan`.  Any context. */
void	wakeup(const void *chan);

#endif /* !_KERNEL_SLEEP_H_ */
