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
#include <sys/signal.h>
#include <kernel/resourcevar.h>
#include <kernel/ucred.h>
#include <machine/proc.h>

struct filedesc;
struct pgrp;
struct proc;
struct trapframe;
struct vmspace;

enum td_state {
	TDS_INACTIVE,		/* being created, or reaped */
	TDS_RUNQ,		/* runnable, on the run queue */
	TDS_RUNNING,		/* curthread */
	TDS_SLEEPING,		/* in tsleep(), on the sleep queue */
	TDS_STOPPED,		/* its process is stopped: on no queue
				   until SIGCONT or SIGKILL (kern_sig.c) */
	TDS_DEAD,		/* exited; its stack is freed by another thread */
};

#define TD_NAMELEN	20

struct thread {
	/*
	 * Where a fault in copyin/copyout resumes (0: nowhere, a fault
	 * there is fatal).  First, at offset 0: the copy routines in
	 * arch/<ARCH>/support.asm set it.
	 */
	uintptr_t	td_onfault;		/* (t) */
	struct proc	*td_proc;		/* (c) */
	struct trapframe *td_frame;		/* (t) the user registers, on
						   the kernel stack */
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
	__sigset_t	td_sigmask;		/* (t) signals blocked */
	__sigset_t	td_oldmask;		/* (t) sigsuspend's mask to
						   restore after the handler */
	int		td_intrval;		/* (s) what an interrupted
						   sleep returns: EINTR or
						   ERESTART */
	struct mdthread	td_md;			/* machine-dependent part */
};

#define TDF_TIMEDOUT	0x01	/* the sleep ended by its timeout */
#define TDF_NEEDRESCHED	0x02	/* switch away at the next chance */
#define TDF_IDLE	0x04	/* the idle thread: never on the run queue */
#define TDF_SINTR	0x08	/* sleeping interruptibly (PCATCH) */
#define TDF_OLDMASK	0x10	/* restore td_oldmask after the handler */

/* What is known about a pending signal, for its siginfo. */
struct psiginfo {
	int		code;		/* si_code */
	int		pid;		/* the sender (SI_USER) */
	uintptr_t	addr;		/* si_addr */
};

enum p_state {
	PRS_NEW,		/* being made */
	PRS_NORMAL,		/* running */
	PRS_ZOMBIE,		/* exited: its status waits for the parent */
};

struct proc {
	TAILQ_HEAD(, thread) p_threads;		/* (s) */
	TAILQ_ENTRY(proc) p_list;		/* (s) in allproc */
	enum p_state	p_state;		/* (s) */
	int		p_pid;			/* (c) */
	struct proc	*p_pptr;		/* (s) parent */
	LIST_HEAD(, proc) p_children;		/* (s) */
	LIST_ENTRY(proc) p_sibling;		/* (s) in the parent's list */
	struct vmspace	*p_vmspace;		/* (s) NULL: the kernel's */
	struct filedesc	*p_fd;			/* (t) open files; NULL: none */
	int		p_xstat;		/* (s) exit status (sys/wait.h) */
	__sigset_t	p_siglist;		/* (s) signals pending */
	struct psiginfo	p_siginfo[NSIG];	/* (s) about each pending one */
	struct __sigaction p_sigact[NSIG];	/* (s) the handlers */
	uintptr_t	p_sigtramp;		/* (s) libc's return trampoline */
	char		p_comm[TD_NAMELEN];	/* (c) */
	struct ucred	p_ucred;		/* (t, s) credentials: changed
						   by its thread with
						   interrupts off (ucred.h) */
	struct plimit	p_limit;		/* (t) resource limits */
	int		p_umask;		/* (t) file mode creation mask:
						   bits new files do not get */
	/* Job control (kernel/kern_pgrp.c, kern_sig.c). */
	struct pgrp	*p_pgrp;		/* (s) its process group; NULL
						   only for proc0 */
	LIST_ENTRY(proc) p_pglist;		/* (s) in p_pgrp's members */
	int		p_flag;			/* (s) P_* */
	int		p_xsig;			/* (s) the signal that stopped
						   it, for wait4 */
};

#define P_EXEC		0x01	/* it has exec'd (setpgid: EACCES) */
#define P_STOPPED_SIG	0x02	/* stopped by a signal */
#define P_WAITED	0x04	/* this stop was reported by wait4 */
#define P_CONTINUED	0x08	/* continued; wait4 has not said so yet */

TAILQ_HEAD(proclist, proc);
extern struct proclist allproc;		/* (s) every process but proc0 */
/* init (pid 1), the parent of orphans; until it runs, proc0 is. */
extern struct proc *initproc;

extern struct proc proc0;
extern struct thread thread0;
/* The running thread (one CPU: a variable; per CPU when SMP comes). */
extern struct thread *curthread;

/*
 * proc_spawn: a new process, child of curthread's, named `name`, with
 * address space `vm` (the process takes it over) and one thread that
 * starts in user mode at `entry` with stack pointer `sp`.  The first
 * process (init) comes this way; the others will come from fork.
 * Returns 0 and *pp, or ENOMEM (then `vm` is still the caller's).
 * Thread context; does not sleep.
 */
int	proc_spawn(struct vmspace *vm, vm_offset_t entry, vm_offset_t sp,
	    const char *name, struct proc **pp);

/*
 * proc_spawn_kernel: like proc_spawn, but the new process's thread
 * first runs func(arg) in the kernel (with an empty address space),
 * then returns to user mode with whatever registers func set (an exec).
 */
int	proc_spawn_kernel(void (*func)(void *), void *arg, const char *name,
	    struct proc **pp);

/*
 * fork1: a copy of curthread's process (its address space by each
 * entry's inheritance, SEMANTICS R48-R51), whose one thread returns
 * to user mode from the same system call with 0; *pidp gets the
 * child's pid.  The child gets the parent's credentials and resource
 * limits.  0, EAGAIN (RLIMIT_NPROC), or ENOMEM with nothing left
 * behind.  Thread context.
 */
int	fork1(struct thread *td, int *pidp);

/*
 * kern_wait4: wait for a child of curthread's process: pid > 0 that
 * one, -1 any, 0 any in the caller's process group, < -1 any in group
 * -pid.  A zombie child is reaped: *pidp gets its pid and *xstatp its
 * status.  WUNTRACED: a child that stopped is reported once per stop
 * (W_STOPCODE); WCONTINUED: one continued since (W_CONTINUED); neither
 * is reaped.  WNOHANG: *pidp = 0 if there is nothing to report.  ECHILD
 * if there is no such child, EINVAL for other options.  Sleeps
 * (PCATCH: a signal ends it).
 */
int	kern_wait4(struct thread *td, int pid, int *xstatp, int options,
	    int *pidp);

/*
 * exit1: end curthread's process with status `xstat` (W_EXITCODE): its
 * address space goes, its children go to initproc, it becomes a zombie
 * and its parent is woken (tsleep channel: the parent proc).  Never
 * returns.
 */
void	exit1(struct thread *td, int xstat) __attribute__((__noreturn__));

/*
 * proc_reap: free zombie `p` (the parent has its status).  Thread
 * context.
 */
void	proc_reap(struct proc *p);

/*
 * trapsignal: a fault or exception in user mode raises signal `sig`
 * with `code` at `addr` (kernel/kern_sig.c): its handler runs on the
 * way back to user mode; if it has none, or blocks or ignores the
 * signal (the instruction would only fault again), the process ends,
 * killed by `sig`.
 */
void	trapsignal(struct thread *td, int sig, int code, vm_offset_t addr);

/*
 * cpu_thread_set_user (arch): make new thread `td` start in user mode
 * at `entry` with stack `sp` (a struct trapframe at the top of its
 * kernel stack, and a first switch to fork_trampoline).
 */
void	cpu_thread_set_user(struct thread *td, vm_offset_t entry,
	    vm_offset_t sp);

/*
 * cpu_fork (arch): new thread `td` returns to user mode with the user
 * registers `tf` (the parent's, at its system call), made to return 0.
 */
void	cpu_fork(struct thread *td, const struct trapframe *tf);

/*
 * cpu_switchin (arch): what the CPU needs before `td` runs: its kernel
 * stack for entries from user mode.  Interrupts off.
 */
void	cpu_switchin(struct thread *td);

/* fork_exit: a new user thread's first words in the kernel. */
void	fork_exit(void);

#endif /* !_KERNEL_PROC_H_ */
