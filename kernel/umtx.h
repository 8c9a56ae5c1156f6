/*
 * umtx.h - the kernel side of _umtx_op(2), the futex-like wait and
 * wake (kernel/kern_umtx.c; the ABI is sys/_umtx.h).
 */
#ifndef _KERNEL_UMTX_H_
#define _KERNEL_UMTX_H_

struct thread;

/*
 * kern_umtx_wake: wake at most `n` threads of td's address space that
 * wait on user address `uaddr`; returns how many were woken.  Any
 * thread context; does not sleep.
 */
int	kern_umtx_wake(struct thread *td, const void *uaddr, int n);

#endif /* !_KERNEL_UMTX_H_ */
