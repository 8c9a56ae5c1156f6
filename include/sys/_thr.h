/*
 * _thr.h - the thread system calls' ABI (FreeBSD's names and layout):
 * struct thr_param for thr_new(2).  Shared by the kernel
 * (kernel/kern_thr.c) and libc's <sys/thr.h>.
 *
 * thr_new starts a thread in the caller's process at start_func(arg)
 * on the user stack [stack_base, stack_base + stack_size), with its
 * TLS pointer (amd64: the %fs base; i386: the %gs base) at tls_base if
 * that is not NULL.  The new thread's id is stored (as a long) at
 * child_tid and at parent_tid, when they are not NULL, before it runs.
 * flags and rtp must be 0 (no THR_SUSPENDED, no real-time priorities);
 * tls_size and the spares are ignored.
 */
#ifndef _SYS__THR_H_
#define _SYS__THR_H_

struct rtprio;

struct thr_param {
	void		(*start_func)(void *);
	void		*arg;
	char		*stack_base;
	__SIZE_TYPE__	stack_size;
	char		*tls_base;
	__SIZE_TYPE__	tls_size;
	long		*child_tid;
	long		*parent_tid;
	int		flags;
	struct rtprio	*rtp;
	void		*spare[3];
};

#define THR_SUSPENDED		0x0001	/* not supported: EINVAL */
#define THR_SYSTEM_SCOPE	0x0002	/* accepted; every thread is */

#endif /* !_SYS__THR_H_ */
