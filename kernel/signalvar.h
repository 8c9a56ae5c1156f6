/*
 * signalvar.h - the kernel side of signals (kernel/kern_sig.c).
 */
#ifndef _KERNEL_SIGNALVAR_H_
#define _KERNEL_SIGNALVAR_H_

#include <sys/signal.h>

struct proc;
struct thread;
struct trapframe;

#define SIGBIT(sig)	(1U << ((sig) - 1))
/* Signals that can be neither caught, blocked nor ignored. */
#define SIG_CANTMASK	(SIGBIT(SIGKILL) | SIGBIT(SIGSTOP))

/*
 * psignal: post `sig` to process `p` (from kill, a fault, the terminal
 * or job control), with what its siginfo will say.  An ignored signal
 * is dropped; a pending one wakes the process's interruptible sleep
 * (SIGKILL always does).  SIGCONT continues a stopped process; a stop
 * signal at its default action stops it (at once if it sleeps
 * interruptibly, else where it next returns to user mode or sleeps).
 * Any context (interrupts too); does not sleep.
 */
void	psignal(struct proc *p, int sig, int code, int pid, uintptr_t addr);

/*
 * tdsignal: post `sig` to thread `td` alone (thr_kill, a fault's
 * signal): only td takes it, when it does not block it.  SIGKILL,
 * SIGCONT and the stop signals act on td's process (psignal).  Any
 * context; does not sleep.
 */
void	tdsignal(struct thread *td, int sig, int code, int pid,
	    uintptr_t addr);

/*
 * sig_take_stops: act on the stop signals pending for `td` at their
 * default action: they are taken off, and the first one stops the
 * process (unless its group is orphaned, SIGSTOP aside).  For userret
 * and for tsleep with PCATCH, with `td` (curthread) already on the
 * sleep queue, where it then sleeps stopped.  Interrupts disabled.
 */
void	sig_take_stops(struct thread *td);

/*
 * sig_sleep_check: for tsleep with PCATCH: 0 if no signal would end the
 * sleep, else EINTR or ERESTART (the handler has SA_RESTART).  Stop
 * signals at their default action do not end a sleep.  A thread that
 * must exit (thread_must_exit, proc.h) gets EINTR.  Interrupts
 * disabled.
 */
int	sig_sleep_check(struct thread *td);

/*
 * userret: the last work before curthread returns to user mode: stop
 * while the process is stopped, deliver pending signals (run the
 * default action, or set up the handler's frame), and make sure the
 * frame returns to a user address.  Under INVARIANTS it asserts that
 * the thread holds no vslock (td_vslock_sz == 0, SEMANTICS R31): every
 * return to user mode, from a system call, a trap, an interrupt or a
 * new thread's fork_exit, passes here on both ARCHes.  Thread context,
 * interrupts on.
 */
void	userret(struct thread *td, struct trapframe *tf);

/* sigacts_fork: the child's handlers are the parent's (fork). */
void	sigacts_fork(struct proc *child, struct proc *parent);
/* sigacts_exec: caught signals go back to SIG_DFL (exec); ignored stay. */
void	sigacts_exec(struct proc *p);

/*
 * cpu_sendsig (arch): set up the user stack and registers so that the
 * thread runs `handler` for `sig` and then libc's trampoline; the saved
 * registers, FPU state and signal mask `mask` go in a frame on the
 * user stack for sigreturn.  0, or EFAULT if the stack is bad.
 * cpu_sigreturn (arch): restore them from the frame at `uctx`,
 * checking that nothing privileged changed; *maskp gets the mask.
 */
int	cpu_sendsig(struct thread *td, int sig, const struct __sigaction *act,
	    const struct __siginfo *si, __sigset_t mask);
int	cpu_sigreturn(struct thread *td, const void *uctx, __sigset_t *maskp);
/* cpu_syscall_restart (arch): back up the frame to redo the system call. */
void	cpu_syscall_restart(struct trapframe *tf);

#endif /* !_KERNEL_SIGNALVAR_H_ */
