/*
 * proc.h - processes and threads.
 *
 * A thread is what the scheduler runs: a kernel stack, a saved stack
 * pointer while it is switched out, and its state.  A process owns
 * threads and (later) an address space, credentials, files and signals.
 * They are apart from the start (DESIGN.md), though each process has one
 * thread; kernel threads belong to proc0.
 *
 * Lock keys:
 *	(c)  constant after creation
 *	(s)  the scheduler: interrupts disabled (one CPU; see kern_switch.c)
 *	(t)  only the thread itself touches it
 */
#ifndef _KERNEL_PROC_H_
#define _KERNEL_PROC_H_

#include <kernel/systm.h>
#include <sys/queue.h>
#include <vm/vm.h>

struct proc;
struct vmspace;

enum td_state {
	TDS_INACTIVE,		/* being created, or reaped */
	TDS_RUNQ,		/* runnable, on the run queue */
	TDS_RUNNING,		/* curthread */
	TDS_SLEEPING,		/* in tsleep(), on the sleep queue */
	TDS_DEAD,		/* exited; its stack is freed by another thread */
};

#define TD_NAMELEN	20

struct thread {
	struct proc	*td_proc;		/* (c) */
	TAILQ_ENTRY(thread) td_runq;		/* (s) run, sleep or dead queue */
	TAILQ_ENTRY(thread) td_plist;		/* (s) in the process */
	enum td_state	td_state;		/* (s) */
	uintptr_t	td_sp;			/* (s) saved stack pointer while
						   switched out */
	vm_offset_t	td_kstack;		/* (c) lowest stack address */
	vm_size_t	td_kstack_size;		/* (c) 0: the boot stack */
	const void	*td_wchan;		/* (s) what it sleeps on */
	const char	*td_wmesg;		/* (s) why, for ps and panics */
	uint64_t	td_timeout;		/* (s) tick a timed sleep ends */
	int		td_flags;		/* (s) TDF_* */
	int		td_slice;		/* (s) ticks left to run */
	int		td_tid;			/* (c) */
	void		(*td_func)(void *);	/* (c) a kernel thread's body */
	void		*td_arg;		/* (c) and its argument */
	char		td_name[TD_NAMELEN];	/* (c) */
};

#define TDF_TIMEDOUT	0x01	/* the sleep ended by its timeout */
#define TDF_NEEDRESCHED	0x02	/* switch away at the next chance */
#define TDF_IDLE	0x04	/* the idle thread: never on the run queue */

struct proc {
	TAILQ_HEAD(, thread) p_threads;		/* (s) */
	int		p_pid;			/* (c) */
	struct vmspace	*p_vmspace;		/* (c) NULL: the kernel's */
	char		p_comm[TD_NAMELEN];	/* (c) */
};

extern struct proc proc0;
extern struct thread thread0;
/* The running thread (one CPU: a variable; per CPU when SMP comes). */
extern struct thread *curthread;

#endif /* !_KERNEL_PROC_H_ */
