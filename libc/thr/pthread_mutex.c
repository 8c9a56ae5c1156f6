/*
 * pthread_mutex.c - mutexes over libc's futex lock (gen/libc_lock.c:
 * a word 0/1/2 and _umtx_op to sleep on it), with an owner so that an
 * error-checking mutex (the default, as on FreeBSD) refuses a second
 * lock by its holder (EDEADLK) and an unlock by anyone else (EPERM),
 * and a recursive one counts its holder's locks.  A normal mutex
 * locked twice by its holder deadlocks, as POSIX says.
 */
#include <errno.h>
#include <stdbool.h>
#include <stddef.h>

#include "libc_private.h"
#include "thr_private.h"

/* A mutex of attr's type (PTHREAD_MUTEX_DEFAULT without attr). */
int
pthread_mutex_init(pthread_mutex_t *m, const pthread_mutexattr_t *attr)
{
	m->__lock = 0;
	m->__type = attr != NULL ? attr->__type : PTHREAD_MUTEX_DEFAULT;
	m->__owner = NULL;
	m->__count = 0;
	return (0);
}

/* EBUSY if it is locked; else nothing to free. */
int
pthread_mutex_destroy(pthread_mutex_t *m)
{
	return (m->__lock != 0 ? EBUSY : 0);
}

/*
 * Take m, sleeping while another thread holds it.  0, or EDEADLK (an
 * error-checking mutex the caller holds).
 */
int
pthread_mutex_lock(pthread_mutex_t *m)
{
	pthread_t self = pthread_self();

	if (m->__owner == self) {
		if (m->__type == PTHREAD_MUTEX_RECURSIVE) {
			m->__count++;
			return (0);
		}
		if (m->__type != PTHREAD_MUTEX_NORMAL)
			return (EDEADLK);
	}
	__libc_futex_lock(&m->__lock);
	m->__owner = self;
	m->__count = 1;
	return (0);
}

/* Take m if it is free (or a recursive one the caller holds); EBUSY. */
int
pthread_mutex_trylock(pthread_mutex_t *m)
{
	pthread_t self = pthread_self();
	unsigned int c = 0;

	if (m->__owner == self && m->__type == PTHREAD_MUTEX_RECURSIVE) {
		m->__count++;
		return (0);
	}
	if (!__atomic_compare_exchange_n(&m->__lock, &c, 1, false,
	    __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
		return (EBUSY);
	m->__owner = self;
	m->__count = 1;
	return (0);
}

/* Let go of m (once, for a recursive one).  EPERM if not the holder. */
int
pthread_mutex_unlock(pthread_mutex_t *m)
{
	if (m->__owner != pthread_self())
		return (EPERM);
	if (--m->__count > 0)
		return (0);
	m->__owner = NULL;
	__libc_futex_unlock(&m->__lock);
	return (0);
}

int
pthread_mutexattr_init(pthread_mutexattr_t *attr)
{
	attr->__type = PTHREAD_MUTEX_DEFAULT;
	return (0);
}

int
pthread_mutexattr_destroy(pthread_mutexattr_t *attr)
{
	(void)attr;
	return (0);
}

/* PTHREAD_MUTEX_NORMAL, _ERRORCHECK (_DEFAULT) or _RECURSIVE; EINVAL. */
int
pthread_mutexattr_settype(pthread_mutexattr_t *attr, int type)
{
	if (type != PTHREAD_MUTEX_NORMAL && type != PTHREAD_MUTEX_ERRORCHECK &&
	    type != PTHREAD_MUTEX_RECURSIVE)
		return (EINVAL);
	attr->__type = type;
	return (0);
}

int
pthread_mutexattr_gettype(const pthread_mutexattr_t *attr, int *type)
{
	*type = attr->__type;
	return (0);
}
