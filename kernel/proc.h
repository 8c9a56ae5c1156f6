/*
 * proc.h - processes and threads.
 *
 * A thread is what the scheduler runs: a kernel stack, a saved stack
 * pointer while it is switched out, its state, its signal mask and the
 * signals sent to it alone.  A process owns threads, an address space,
 * credentials, files and the signals sent to the process.  Kernel
 * threads belong to proc0; a user process starts with one thread and
 * gets more with thr_new (kernel/kern_thr.c).  When one thread of a
 * process must be the only one (exit, exec), it *single-threads* the
 * process (thread_single, kern_thread.c): the others exit at their
 * next return to user mode or interruptible sleep.
 *
 * Lock keys:
 *	(c)  constant after creation
 *	(s)  the scheduler: interrupts disabled (one CPU; see kern_switch.c)
 *	(t)  only the thread itself touches it
 *	(v)  vfs_lock (kernel/mount.h)
 */
#ifndef _KERNEL_PROC_H_
#define _KERNEL_PROC_H_

#include <kernel/systm.h>
#include <sys/queue.h>
#include <vm/vm.h>
#include <sys/signal.h>
#include <kernel/resourcevar.h>
#include <kernel/ucred.h>
#include <kernel/sx.h>
#include <kernel/vfsnode.h>
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

/* What is known about a pending signal, for its siginfo. */
struct psiginfo {
	int		code;		/* si_code */
	int		pid;		/* the sender (SI_USER) */
	uintptr_t	addr;		/* si_addr */
};

/*
 * What a thread or process has used (getrusage, kernel/kern_rusage.c):
 * clock ticks that found it in user mode or in the kernel, page faults,
 * context switches and signals.  A thread counts its own; they are added
 * to its process's when it exits.
 */
struct rucounts {
	uint64_t	ru_uticks;
	uint64_t	ru_sticks;
	uint64_t	ru_minflt;	/* faults resolved without I/O */
	uint64_t	ru_majflt;	/* faults that waited for I/O (none yet) */
	uint64_t	ru_nvcsw;	/* switches away to sleep or stop */
	uint64_t	ru_nivcsw;	/* preempted */
	uint64_t	ru_nsignals;	/* signals delivered (handlers run) */
};

/* rucounts_add: *to += *from, field by field.  Interrupts disabled. */
void	rucounts_add(struct rucounts *to, const struct rucounts *from);

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
	__sigset_t	td_siglist;		/* (s) signals sent to this
						   thread (thr_kill, faults) */
	struct psiginfo	td_siginfo[NSIG];	/* (s) about each of those */
	struct rucounts	td_ru;			/* (s) what it has used */
	struct trapframe *td_intr_frame;	/* (s) the interrupted frame,
						   while an interrupt runs */
	size_t		td_vslock_sz;		/* (t) bytes vslocked now: 0
						   at userret (R31) */
	struct mdthread	td_md;			/* machine-dependent part */
};

#define TDF_TIMEDOUT	0x01	/* the sleep ended by its timeout */
#define TDF_NEEDRESCHED	0x02	/* switch away at the next chance */
#define TDF_IDLE	0x04	/* the idle thread: never on the run queue */
#define TDF_SINTR	0x08	/* sleeping interruptibly (PCATCH) */
#define TDF_SKILL	0x20	/* sleeping with PKILL: only a kill ends it */
#define TDF_OLDMASK	0x10	/* restore td_oldmask after the handler */

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
	struct filedesc	*p_fd;			/* (c) open files (the table has
						   its own lock); NULL: none.
						   Freed by exit, single-
						   threaded */
	int		p_xstat;		/* (s) exit status (sys/wait.h) */
	__sigset_t	p_siglist;		/* (s) signals pending */
	struct psiginfo	p_siginfo[NSIG];	/* (s) about each pending one */
	struct __sigaction p_sigact[NSIG];	/* (s) the handlers */
	uintptr_t	p_sigtramp;		/* (s) libc's return trampoline */
	char		p_comm[TD_NAMELEN];	/* (c) */
	struct ucred	p_ucred;		/* (s) credentials: changed by
						   its threads under
						   p_credlock, written with
						   interrupts off (ucred.h) */
	struct sx	p_credlock;		/* (c) serializes changes of
						   p_ucred (kern_prot.c) */
	struct plimit	p_limit;		/* (s) resource limits: its
						   threads', resourcevar.h */
	int		p_umask;		/* (t) file mode creation mask:
						   bits new files do not get */
	struct vfsnode	p_cwd;			/* (v) current directory, with
						   a reference; vn_mount NULL:
						   the root (kernel/vfs_cwd.c) */
	/* Job control (kernel/kern_pgrp.c, kern_sig.c). */
	struct pgrp	*p_pgrp;		/* (s) its process group; NULL
						   only for proc0 */
	LIST_ENTRY(proc) p_pglist;		/* (s) in p_pgrp's members */
	int		p_flag;			/* (s) P_* */
	int		p_xsig;			/* (s) the signal that stopped
						   it, for wait4 */
	/* Threads (kernel/kern_thread.c, kern_thr.c). */
	int		p_numthreads;		/* (s) in p_threads */
	struct thread	*p_singlethread;	/* (s) the thread that must be
						   the only one (exit, exec):
						   the others exit; or NULL */
	/* Resource usage (kernel/kern_rusage.c). */
	struct rucounts	p_ru;			/* (s) of its exited threads */
	struct rucounts	p_cru;			/* (s) of its reaped children */
	vm_size_t	p_maxrss;		/* (s) most resident pages seen */
	vm_size_t	p_cmaxrss;		/* (s) the most of its children */
};

#define P_EXEC		0x01	/* it has exec'd (setpgid: EACCES) */
#define P_STOPPED_SIG	0x02	/* stopped by a signal */
#define P_WAITED	0x04	/* this stop was reported by wait4 */
#define P_CONTINUED	0x08	/* continued; wait4 has not said so yet */
/* FreeBSD's values (sys/_kinfo_proc.h repeats them as KI_P_*). */
#define P_SYSTEM	0x00200	/* the kernel's process (proc0): never an OOM
				   victim, exempt from the severe gate (R80) */
#define P_PROTECTED	0x100000 /* madvise(MADV_PROTECT): never an OOM
				   victim (R74); not inherited by fork */
#define P_KILLED	0x100	/* SIGKILL was posted: it dies (never cleared) */

/* The most threads a process may have (thr_new: EPROCLIM). */
#define MAXTHREADS_PER_PROC	256

/*
 * thread_must_exit: whether `td` must end: another thread of its
 * process is single-threading it.  Interrupts disabled, or curthread.
 */
static inline bool
thread_must_exit(const struct thread *td)
{
	const struct thread *single = td->td_proc->p_singlethread;

	return (single != NULL && single != td);
}

/*
 * thread_killed: whether `td` is on its way to dying: SIGKILL was
 * posted to its process (P_KILLED, SEMANTICS R68), or it must exit
 * (thread_must_exit).  Such a thread bypasses the severe gate, takes
 * pages from the SYSTEM reserve, and its PKILL sleeps end (sleep.h).
 * Interrupts disabled, or curthread (the flag is only ever set).
 */
static inline bool
thread_killed(const struct thread *td)
{
	return ((td->td_proc->p_flag & P_KILLED) != 0 ||
	    thread_must_exit(td));
}

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
 * kern_wait: kern_wait4, and when a child is reaped and `rup` is not
 * NULL, *rup gets the child's own resource usage (kern_rusage.c).
 */
struct rusage;
int	kern_wait(struct thread *td, int pid, int *xstatp, int options,
	    int *pidp, struct rusage *rup);

/*
 * exit1: end curthread's process with status `xstat` (W_EXITCODE): its
 * other threads exit first (thread_single; if another thread is
 * already ending or exec'ing the process, curthread only exits), its
 * address space goes, its children go to initproc, it becomes a zombie
 * and its parent is woken (tsleep channel: the parent proc).  Never
 * returns.
 */
void	exit1(struct thread *td, int xstat) __attribute__((__noreturn__));

/*
 * proc_reap: free zombie `p` (the parent has its status and has taken
 * it off its list of children).  Thread context.
 */
void	proc_reap(struct proc *p);

/*
 * thread_single: make curthread `td` the only thread of its process
 * (for exit and exec): every other thread is told to exit and woken
 * from interruptible sleeps (and from a stop); each exits at its next
 * return to user mode or interruptible sleep, and td waits until they
 * have.  Returns 0, or EINTR if another thread is single-threading the
 * process already (td must then give up what it does and return to
 * user mode, where it exits).  Until thread_single_end, new threads
 * exit before they reach user mode.  Thread context, no locks held;
 * sleeps (not interruptibly).
 */
int	thread_single(struct thread *td);

/*
 * thread_single_end: td's process may have other threads again (exec
 * is done).  Thread context.
 */
void	thread_single_end(struct thread *td);

/*
 * thread_suicide: curthread `td` exits because another thread is
 * single-threading its process (thread_must_exit).  Never returns.
 */
void	thread_suicide(struct thread *td) __attribute__((__noreturn__));

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

/*
 * cpu_set_upcall (arch): new thread `td`, made by cpu_thread_set_user,
 * starts in user mode at func(arg) on the user stack [stack_base,
 * stack_base + stack_size), as if called there (the C ABI's alignment,
 * a return address of 0).  Thread context of the creating thread (the
 * same address space); 0 or EFAULT (i386 puts arg on that stack).
 */
int	cpu_set_upcall(struct thread *td, vm_offset_t func, vm_offset_t arg,
	    vm_offset_t stack_base, vm_size_t stack_size);

/*
 * cpu_set_user_tls (arch): `td`'s TLS base (amd64 %fs, i386 %gs)
 * becomes `base`, loaded now if td is curthread and at every switch to
 * it.  EINVAL if base is not a user address.  cpu_get_user_tls: the
 * base.  Any thread context.
 */
int	cpu_set_user_tls(struct thread *td, vm_offset_t base);
vm_offset_t cpu_get_user_tls(struct thread *td);

/* fork_exit: a new user thread's first words in the kernel. */
void	fork_exit(void);

#endif /* !_KERNEL_PROC_H_ */
