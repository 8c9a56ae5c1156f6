/*
 * libc_lock.c - the locks libc takes inside itself (the heap, stdio)
 * and the futex operations pthread mutexes and condition variables
 * are made of; see libc_private.h.
 *
 * A lock word is 0 (free), 1 (held, nobody waits) or 2 (held, someone
 * may wait).  Taking it: compare-and-swap 0 -> 1; if that fails, swap
 * in 2 and, while the old value was not 0, sleep in the kernel for as
 * long as the word is 2 (_umtx_op UMTX_OP_WAIT_UINT_PRIVATE: the
 * kernel checks the value after queueing the sleeper, so a wake that
 * comes in between is not lost).  Letting go: swap in 0; if the old
 * value was 2, wake one sleeper.  A thread that took the lock after
 * sleeping leaves it at 2, so its release wakes the next one.
 *
 * Machine independent; the only system call is __sys__umtx_op, which
 * an uncontended lock never makes (the host tests stub it).
 */
#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/_umtx.h>

#include "libc_private.h"
#include "libc_syscalls.h"

/* See libc_private.h. */
void	*(*__libc_self_hook)(void);

/* See libc_private.h: the caller, for recursive locks. */
void *
__libc_self(void)
{
	if (__libc_self_hook != NULL)
		return (__libc_self_hook());
	return (&__libc_self_hook);	/* the one thread */
}

/* See libc_private.h. */
int
__libc_futex_wait(volatile unsigned int *word, unsigned int val,
    const struct timespec *abstime, int clockid)
{
	struct _umtx_time ut;
	int saved = errno, error = 0;
	void *size = NULL, *timeout = NULL;

	if (abstime != NULL) {
		ut._timeout = *abstime;
		ut._flags = UMTX_ABSTIME;
		ut._clockid = (unsigned int)clockid;
		size = (void *)sizeof(ut);
		timeout = &ut;
	}
	if (__sys__umtx_op((void *)word, UMTX_OP_WAIT_UINT_PRIVATE, val,
	    size, timeout) != 0)
		error = errno;
	errno = saved;
	return (error);
}

/* See libc_private.h. */
void
__libc_futex_wake(volatile unsigned int *word, int n)
{
	int saved = errno;

	(void)__sys__umtx_op((void *)word, UMTX_OP_WAKE_PRIVATE,
	    (unsigned long)n, NULL, NULL);
	errno = saved;
}

/* See libc_private.h. */
void
__libc_futex_lock(volatile unsigned int *word)
{
	unsigned int c = 0;

	if (__atomic_compare_exchange_n(word, &c, 1, false, __ATOMIC_ACQUIRE,
	    __ATOMIC_RELAXED))
		return;
	if (c != 2)
		c = __atomic_exchange_n(word, 2, __ATOMIC_ACQUIRE);
	while (c != 0) {
		(void)__libc_futex_wait(word, 2, NULL, CLOCK_REALTIME);
		c = __atomic_exchange_n(word, 2, __ATOMIC_ACQUIRE);
	}
}

/* See libc_private.h. */
void
__libc_futex_unlock(volatile unsigned int *word)
{
	if (__atomic_exchange_n(word, 0, __ATOMIC_RELEASE) == 2)
		__libc_futex_wake(word, 1);
}

/* See libc_private.h. */
void
__libc_lock(struct __libc_lock *lk)
{
	__libc_futex_lock(&lk->lk_word);
}

/* See libc_private.h. */
void
__libc_unlock(struct __libc_lock *lk)
{
	__libc_futex_unlock(&lk->lk_word);
}

/*
 * See libc_private.h.  lk_owner is read without the lock: only the
 * holder sets it to itself, so it can equal the caller only if the
 * caller holds the lock.
 */
void
__libc_rlock(struct __libc_lock *lk)
{
	void *self = __libc_self();

	if (lk->lk_owner == self) {
		lk->lk_depth++;
		return;
	}
	__libc_futex_lock(&lk->lk_word);
	lk->lk_owner = self;
	lk->lk_depth = 1;
}

/* See libc_private.h. */
int
__libc_rtrylock(struct __libc_lock *lk)
{
	void *self = __libc_self();
	unsigned int c = 0;

	if (lk->lk_owner == self) {
		lk->lk_depth++;
		return (0);
	}
	if (!__atomic_compare_exchange_n(&lk->lk_word, &c, 1, false,
	    __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
		return (1);
	lk->lk_owner = self;
	lk->lk_depth = 1;
	return (0);
}

/* See libc_private.h. */
void
__libc_runlock(struct __libc_lock *lk)
{
	if (--lk->lk_depth > 0)
		return;
	lk->lk_owner = NULL;
	__libc_futex_unlock(&lk->lk_word);
}
