/*
 * thr_private.h - private to libc's threads (libc/thr/): the thread
 * control block and what the files share.
 *
 * Every thread has a struct pthread, its thread control block (TCB);
 * pthread_t is a pointer to it.  The TCB's first word points at the
 * TCB itself, and the thread's TLS base (amd64 %fs, i386 %gs: thr_new's
 * tls_base, sysarch for the first thread) is the TCB, so reading %fs:0
 * (%gs:0) finds the running thread's TCB in one instruction
 * (thr_tcb()): that is how errno and pthread_self are per thread.
 *
 * A thread pthread_create makes lives in one mapping: a guard page
 * (PROT_NONE) at the bottom, the stack, and the TCB at the top.  The
 * kernel writes the thread's id into tid before the thread runs and 0
 * when it has exited and no longer uses its stack (thr_exit); a joiner
 * waits for the 0 (_umtx_op UMTX_OP_WAIT on tid) and unmaps the
 * mapping.  A detached thread that exits puts itself on a list of the
 * dead, whose mappings the next pthread_create unmaps once their tid is
 * 0.  The first thread's TCB is static (__thr_main) and never freed.
 *
 * Nothing here runs until the first pthread_create (thr_init): a
 * program without threads keeps libc's one errno and lock owner.
 */
#ifndef _LIBC_THR_PRIVATE_H_
#define _LIBC_THR_PRIVATE_H_

#include <pthread.h>
#include <stddef.h>

/* flags (atomic): who owns the end of a thread. */
#define THR_DETACHED	0x01	/* nobody will join it */
#define THR_EXITED	0x02	/* it called pthread_exit */
#define THR_JOINED	0x04	/* a join has started */

struct pthread {
	struct pthread	*self;		/* offset 0: %fs:0 or %gs:0 */
	int		error;		/* this thread's errno */
	volatile long	tid;		/* the kernel's id; 0 once exited */
	void		*(*start)(void *);
	void		*arg;
	void		*retval;	/* pthread_exit's value */
	void		*map_base;	/* guard, stack and TCB; NULL: main */
	size_t		map_size;
	volatile unsigned int flags;	/* THR_* */
	struct pthread	*dead_next;	/* on the list of the dead */
};

/* The first thread's TCB. */
extern struct pthread __thr_main;
/* Nonzero once the program has (had) more than one thread. */
extern int	__thr_threaded;

/*
 * thr_tcb: the running thread's TCB, from %fs:0 (amd64) or %gs:0
 * (i386).  Only once __thr_threaded: before that the TLS base is 0.
 */
static inline struct pthread *
thr_tcb(void)
{
	struct pthread *tcb;

#ifdef __x86_64__
	__asm__ volatile("movq %%fs:0, %0" : "=r"(tcb));
#else
	__asm__ volatile("movl %%gs:0, %0" : "=r"(tcb));
#endif
	return (tcb);
}

/*
 * __thr_set_tls: make `tcb` the calling thread's TLS base (sysarch).
 * 0 or an errno value.
 */
int	__thr_set_tls(struct pthread *tcb);

#endif /* !_LIBC_THR_PRIVATE_H_ */
