/*
 * pthread_cond.c - condition variables: a sequence number that every
 * signal and broadcast bumps.  A waiter reads it, lets go of the mutex
 * and sleeps (_umtx_op) while the number is unchanged, so a signal
 * between the unlock and the sleep is not lost: the kernel compares the
 * word after queueing the waiter.  Signal wakes one sleeper, broadcast
 * all; a waiter may also wake for no reason (POSIX allows it), so the
 * caller re-checks its predicate as it must anyway.  The mutex is taken
 * back in its contended state (2), so that its unlock wakes the other
 * waiters a broadcast woke and that then queued on it.
 */
#include <errno.h>
#include <limits.h>
#include <stddef.h>

#include "libc_private.h"
#include "thr_private.h"

/* A condition variable whose timeouts are on attr's clock (REALTIME). */
int
pthread_cond_init(pthread_cond_t *c, const pthread_condattr_t *attr)
{
	c->__seq = 0;
	c->__clock = attr != NULL ? attr->__clock : CLOCK_REALTIME;
	return (0);
}

int
pthread_cond_destroy(pthread_cond_t *c)
{
	(void)c;
	return (0);
}

/* Take m back after a wait: as contended, see above. */
static void
cond_relock(pthread_mutex_t *m, pthread_t self, unsigned int count)
{
	while (__atomic_exchange_n(&m->__lock, 2, __ATOMIC_ACQUIRE) != 0)
		(void)__libc_futex_wait(&m->__lock, 2, NULL, CLOCK_REALTIME);
	m->__owner = self;
	m->__count = count;
}

/*
 * Wait on c with m (held by the caller) let go meanwhile, until a
 * signal or broadcast (or a spurious wakeup), or until `abstime` on
 * c's clock.  m is held again on return.  0, ETIMEDOUT, EPERM (m is
 * not the caller's), EINVAL (a bad abstime).
 */
int
pthread_cond_timedwait(pthread_cond_t *c, pthread_mutex_t *m,
    const struct timespec *abstime)
{
	pthread_t self = pthread_self();
	unsigned int seq, count;
	int error;

	if (m->__owner != self)
		return (EPERM);
	if (abstime != NULL && (abstime->tv_nsec < 0 ||
	    abstime->tv_nsec >= 1000000000L))
		return (EINVAL);
	seq = __atomic_load_n(&c->__seq, __ATOMIC_ACQUIRE);
	count = m->__count;
	m->__owner = NULL;
	m->__count = 0;
	__libc_futex_unlock(&m->__lock);
	error = __libc_futex_wait(&c->__seq, seq, abstime, c->__clock);
	cond_relock(m, self, count);
	return (error == ETIMEDOUT ? ETIMEDOUT : 0);
}

/* pthread_cond_timedwait without a timeout. */
int
pthread_cond_wait(pthread_cond_t *c, pthread_mutex_t *m)
{
	return (pthread_cond_timedwait(c, m, NULL));
}

/* Wake one waiter of c, if any. */
int
pthread_cond_signal(pthread_cond_t *c)
{
	__atomic_add_fetch(&c->__seq, 1, __ATOMIC_RELEASE);
	__libc_futex_wake(&c->__seq, 1);
	return (0);
}

/* Wake every waiter of c. */
int
pthread_cond_broadcast(pthread_cond_t *c)
{
	__atomic_add_fetch(&c->__seq, 1, __ATOMIC_RELEASE);
	__libc_futex_wake(&c->__seq, INT_MAX);
	return (0);
}

int
pthread_condattr_init(pthread_condattr_t *attr)
{
	attr->__clock = CLOCK_REALTIME;
	return (0);
}

int
pthread_condattr_destroy(pthread_condattr_t *attr)
{
	(void)attr;
	return (0);
}

/* CLOCK_REALTIME or CLOCK_MONOTONIC (else EINVAL). */
int
pthread_condattr_setclock(pthread_condattr_t *attr, clockid_t clock)
{
	if (clock != CLOCK_REALTIME && clock != CLOCK_MONOTONIC)
		return (EINVAL);
	attr->__clock = clock;
	return (0);
}

int
pthread_condattr_getclock(const pthread_condattr_t *attr, clockid_t *clock)
{
	*clock = attr->__clock;
	return (0);
}
