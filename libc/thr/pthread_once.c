/*
 * pthread_once.c - run an initialization once: the first caller runs
 * it, later ones (and those that come while it runs) wait until it is
 * done.  The state word: 0 not run, 1 running, 2 done.
 */
#include <limits.h>
#include <stdbool.h>
#include <stddef.h>

#include "libc_private.h"
#include "thr_private.h"

/* Call init() if no call with `once` has; return when it has run. */
int
pthread_once(pthread_once_t *once, void (*init)(void))
{
	unsigned int c = 0;

	if (__atomic_load_n(&once->__state, __ATOMIC_ACQUIRE) == 2)
		return (0);
	if (__atomic_compare_exchange_n(&once->__state, &c, 1, false,
	    __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
		init();
		__atomic_store_n(&once->__state, 2, __ATOMIC_RELEASE);
		__libc_futex_wake(&once->__state, INT_MAX);
		return (0);
	}
	while (__atomic_load_n(&once->__state, __ATOMIC_ACQUIRE) == 1)
		(void)__libc_futex_wait(&once->__state, 1, NULL,
		    CLOCK_REALTIME);
	return (0);
}
