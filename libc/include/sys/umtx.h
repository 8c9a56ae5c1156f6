/*
 * sys/umtx.h - _umtx_op(2), the futex-like wait and wake that libc's
 * mutexes and condition variables are made of (the operations and
 * struct _umtx_time are in <sys/_umtx.h>).  0, or -1 with errno:
 * EINTR, ETIMEDOUT, EFAULT, EINVAL.
 */
#ifndef _SYS_UMTX_H_
#define _SYS_UMTX_H_

#include <sys/_umtx.h>

int	_umtx_op(void *obj, int op, unsigned long val, void *uaddr1,
	    void *uaddr2);

#endif /* !_SYS_UMTX_H_ */
