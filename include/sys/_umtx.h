/*
 * _umtx.h - the ABI of _umtx_op(2), the futex-like wait and wake
 * (FreeBSD's operation numbers).  Shared by the kernel
 * (kernel/kern_umtx.c) and libc's <sys/umtx.h>.
 *
 *	_umtx_op(obj, op, val, uaddr1, uaddr2)
 *
 * UMTX_OP_WAIT (a long at obj), UMTX_OP_WAIT_UINT and
 * UMTX_OP_WAIT_UINT_PRIVATE (an unsigned int): sleep while the word at
 * obj equals val, until a wake on obj, a signal (EINTR, or the call is
 * restarted when the handler has SA_RESTART and there is no timeout)
 * or the timeout (ETIMEDOUT).  No timeout if uaddr2 is NULL; else
 * uaddr2 points at a relative struct timespec when (size_t)uaddr1 is
 * at most sizeof(struct timespec), or at a struct _umtx_time (with
 * UMTX_ABSTIME: an absolute time on _clockid, CLOCK_REALTIME or
 * CLOCK_MONOTONIC) when (size_t)uaddr1 is its size.
 * UMTX_OP_WAKE, UMTX_OP_WAKE_PRIVATE: wake at most val threads waiting
 * on obj.
 *
 * Waiters are keyed by the caller's address space and the address:
 * the _PRIVATE forms and the others are the same (a word in memory
 * shared between processes is not a meeting point yet).
 */
#ifndef _SYS__UMTX_H_
#define _SYS__UMTX_H_

#include <sys/_timespec.h>

#define UMTX_OP_WAIT			2
#define UMTX_OP_WAKE			3
#define UMTX_OP_WAIT_UINT		11
#define UMTX_OP_WAIT_UINT_PRIVATE	15
#define UMTX_OP_WAKE_PRIVATE		16

#define UMTX_ABSTIME	0x01		/* _timeout is a point in time */

struct _umtx_time {
	struct timespec	_timeout;
	__UINT32_TYPE__	_flags;		/* UMTX_ABSTIME */
	__UINT32_TYPE__	_clockid;	/* CLOCK_REALTIME, CLOCK_MONOTONIC */
};

#endif /* !_SYS__UMTX_H_ */
