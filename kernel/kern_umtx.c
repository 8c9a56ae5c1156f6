/*
 * kern_umtx.c - _umtx_op(2): wait while a word in user memory has a
 * value, and wake such waiters; what libc's mutexes, condition
 * variables and pthread_join sleep on (the ABI is sys/_umtx.h).
 *
 * A waiter is a struct umtx_waiter on its own kernel stack, queued on
 * one of UMTX_CHAINS lists chosen by a hash of its key: the address
 * space and the user address (the _PRIVATE operations and the others
 * are keyed alike; a word shared between processes is not a meeting
 * point yet).  Waiting is: queue the waiter, read the word (copyin,
 * which may fault and sleep), and if it still has the value, sleep on
 * the waiter until a wake takes it off the queue and marks it woken.
 * A wake that comes between the read and the sleep is not lost: it
 * marks the waiter, which then does not sleep; and a waiter that was
 * woken returns 0 even if a signal or the timeout came too, so a wake
 * counted for it is never dropped.
 *
 * Locking: the chains and each waiter's uw_woken change with interrupts
 * disabled (the scheduler's lock on one CPU), which is also what makes
 * "not yet woken, so sleep" one step with tsleep.
 */
#include <sys/errno.h>
#include <sys/_umtx.h>
#include <kernel/systm.h>
#include <kernel/clock.h>
#include <kernel/machdep.h>
#include <kernel/proc.h>
#include <kernel/sleep.h>
#include <kernel/syscallvar.h>
#include <kernel/time.h>
#include <kernel/umtx.h>

#define UMTX_CHAINS	64
#define NSEC_PER_SEC	1000000000LL
/* Timeouts longer than this many seconds are waits without one. */
#define UMTX_MAX_SEC	1000000000LL

struct umtx_waiter {
	TAILQ_ENTRY(umtx_waiter) uw_link;	/* in its chain */
	const void	*uw_space;		/* the key: address space */
	uintptr_t	uw_addr;		/* and user address */
	bool		uw_woken;		/* a wake took it off */
};

TAILQ_HEAD(umtx_chain, umtx_waiter);
static struct umtx_chain umtx_chains[UMTX_CHAINS];
static bool umtx_chains_ready;

/* The chain of key (space, addr). */
static struct umtx_chain *
umtx_chain(const void *space, uintptr_t addr)
{
	uintptr_t h = (addr >> 2) ^ ((uintptr_t)space >> 6);

	if (!umtx_chains_ready) {
		for (int i = 0; i < UMTX_CHAINS; i++)
			TAILQ_INIT(&umtx_chains[i]);
		umtx_chains_ready = true;
	}
	return (&umtx_chains[(h ^ (h >> 7)) % UMTX_CHAINS]);
}

/* kern_umtx_wake: see umtx.h. */
int
kern_umtx_wake(struct thread *td, const void *uaddr, int n)
{
	const void *space = td->td_proc->p_vmspace;
	struct umtx_chain *chain;
	struct umtx_waiter *uw, *next;
	unsigned long s;
	int woken = 0;

	s = intr_disable();
	chain = umtx_chain(space, (uintptr_t)uaddr);
	TAILQ_FOREACH_SAFE(uw, chain, uw_link, next) {
		if (woken >= n)
			break;
		if (uw->uw_space != space || uw->uw_addr != (uintptr_t)uaddr)
			continue;
		TAILQ_REMOVE(chain, uw, uw_link);
		uw->uw_woken = true;
		wakeup(uw);
		woken++;
	}
	intr_restore(s);
	return (woken);
}

static int64_t
ts_nsec(const struct timespec *ts)
{
	return (ts->tv_sec * NSEC_PER_SEC + ts->tv_nsec);
}

/*
 * The timeout of a wait as a deadline on the uptime clock, in ns
 * (*deadline = 0: none).  `size` and `utime` are uaddr1 and uaddr2.
 */
static int
umtx_deadline(uintptr_t size, const void *utime, int64_t *deadline)
{
	struct _umtx_time ut;
	struct timespec now, clock;
	int error;

	*deadline = 0;
	if (utime == NULL)
		return (0);
	memset(&ut, 0, sizeof(ut));
	if (size <= sizeof(struct timespec))
		error = copyin(utime, &ut._timeout, sizeof(ut._timeout));
	else if (size == sizeof(ut))
		error = copyin(utime, &ut, sizeof(ut));
	else
		return (EINVAL);
	if (error != 0)
		return (error);
	if (ut._timeout.tv_sec < 0 || ut._timeout.tv_nsec < 0 ||
	    ut._timeout.tv_nsec >= NSEC_PER_SEC ||
	    (ut._flags & ~UMTX_ABSTIME) != 0 ||
	    (ut._clockid != CLOCK_REALTIME && ut._clockid != CLOCK_MONOTONIC))
		return (EINVAL);
	nanouptime(&now);
	if ((ut._flags & UMTX_ABSTIME) == 0)
		clock = (struct timespec){ 0, 0 };
	else if (ut._clockid == CLOCK_MONOTONIC)
		clock = now;
	else
		nanotime(&clock);	/* the uptime plus a constant */
	/* So far away that it never comes: no timeout. */
	if (ut._timeout.tv_sec - clock.tv_sec > UMTX_MAX_SEC)
		return (0);
	*deadline = ts_nsec(&now) + ts_nsec(&ut._timeout) - ts_nsec(&clock);
	if (*deadline <= 0)
		*deadline = 1;		/* long past: at once */
	return (0);
}

/*
 * Wait while the word at `uaddr` (a long if `islong`, else an unsigned
 * int) equals `val`, until woken, a signal or `deadline` (see
 * umtx_deadline).  0, EINTR/ERESTART, ETIMEDOUT, EFAULT.
 */
static int
kern_umtx_wait(struct thread *td, const void *uaddr, unsigned long val,
    bool islong, int64_t deadline)
{
	struct umtx_waiter uw;
	struct umtx_chain *chain;
	struct timespec now;
	unsigned long cur = 0;
	unsigned int cur32;
	unsigned long s;
	int64_t left;
	int error;

	memset(&uw, 0, sizeof(uw));
	uw.uw_space = td->td_proc->p_vmspace;
	uw.uw_addr = (uintptr_t)uaddr;
	s = intr_disable();
	chain = umtx_chain(uw.uw_space, uw.uw_addr);
	TAILQ_INSERT_TAIL(chain, &uw, uw_link);
	intr_restore(s);

	if (islong)
		error = copyin(uaddr, &cur, sizeof(cur));
	else if ((error = copyin(uaddr, &cur32, sizeof(cur32))) == 0) {
		cur = cur32;
		val = (unsigned int)val;
	}
	s = intr_disable();
	while (error == 0 && cur == val && !uw.uw_woken) {
		left = 0;
		if (deadline != 0) {
			nanouptime(&now);
			if ((left = deadline - ts_nsec(&now)) <= 0) {
				error = ETIMEDOUT;
				break;
			}
		}
		error = tsleep(&uw, PCATCH, "uwait", deadline == 0 ? 0 :
		    (int)MIN(left / (NSEC_PER_SEC / HZ) + 1,
		    (int64_t)INT32_MAX));
		if (error == EWOULDBLOCK)
			error = 0;	/* the loop looks at the clock */
	}
	if (uw.uw_woken)
		error = 0;		/* a wake counted on us: take it */
	else
		TAILQ_REMOVE(chain, &uw, uw_link);
	intr_restore(s);
	/* Restarting would start a relative timeout afresh. */
	if (error == ERESTART && deadline != 0)
		error = EINTR;
	return (error);
}

/*
 * sys__umtx_op: _umtx_op(obj, op, val, uaddr1, uaddr2): see
 * sys/_umtx.h.  EINVAL for another op or a bad timeout.
 */
int
sys__umtx_op(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	const void *obj = (const void *)args[0];
	int op = (int)args[1], error;
	unsigned long val = args[2];
	int64_t deadline;

	(void)retval;
	switch (op) {
	case UMTX_OP_WAIT:
	case UMTX_OP_WAIT_UINT:
	case UMTX_OP_WAIT_UINT_PRIVATE:
		error = umtx_deadline(args[3], (const void *)args[4],
		    &deadline);
		if (error != 0)
			return (error);
		return (kern_umtx_wait(td, obj, val, op == UMTX_OP_WAIT,
		    deadline));
	case UMTX_OP_WAKE:
	case UMTX_OP_WAKE_PRIVATE:
		(void)kern_umtx_wake(td, obj, (int)MIN(val,
		    (unsigned long)INT32_MAX));
		return (0);
	default:
		return (EINVAL);
	}
}
