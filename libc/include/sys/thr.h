/*
 * sys/thr.h - the kernel's thread calls, under libc's pthreads
 * (FreeBSD's names; struct thr_param is <sys/_thr.h>).  Programs use
 * <pthread.h>; these are for tests and for libc itself.
 *
 * thr_new: a new thread as param says (param_size: sizeof(*param));
 * thr_self: the caller's id; thr_exit: store 0 at *state (if not NULL),
 * wake its waiters and end the thread (the process, if it is the last);
 * thr_kill: a signal to thread id of this process (-1: every thread).
 * 0, or -1 with errno.
 */
#ifndef _SYS_THR_H_
#define _SYS_THR_H_

#include <sys/_thr.h>

int	thr_new(struct thr_param *param, int param_size);
int	thr_self(long *id);
void	thr_exit(long *state) __attribute__((__noreturn__));
int	thr_kill(long id, int sig);

#endif /* !_SYS_THR_H_ */
