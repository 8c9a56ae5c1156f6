/*
 * thr.c - the kernel's thread calls (<sys/thr.h>) and _umtx_op
 * (<sys/umtx.h>), for programs that want them bare; libc's pthreads
 * call the stubs.
 */
#include <sys/thr.h>
#include <sys/umtx.h>
#include <sys/sysarch.h>
#include <sched.h>

#include "libc_syscalls.h"

/* A new thread as param says.  0, or -1 with errno. */
int
thr_new(struct thr_param *param, int param_size)
{
	return (__sys_thr_new(param, param_size));
}

/* The calling thread's id in *id.  0, or -1 with errno (EFAULT). */
int
thr_self(long *id)
{
	return (__sys_thr_self(id));
}

/* Store 0 at *state (if not NULL), wake its waiters, end the thread. */
void
thr_exit(long *state)
{
	__sys_thr_exit(state);
	__builtin_trap();
}

/* Signal sig to thread id of this process.  0, or -1 with errno. */
int
thr_kill(long id, int sig)
{
	return (__sys_thr_kill(id, sig));
}

/* See <sys/sysarch.h>.  0, or -1 with errno. */
int
sysarch(int op, void *parms)
{
	return (__sys_sysarch(op, parms));
}

/* Let the other runnable threads run first.  0. */
int
sched_yield(void)
{
	return (__sys_sched_yield());
}

/* See <sys/_umtx.h>.  0, or -1 with errno. */
int
_umtx_op(void *obj, int op, unsigned long val, void *uaddr1, void *uaddr2)
{
	return (__sys__umtx_op(obj, op, val, uaddr1, uaddr2));
}
