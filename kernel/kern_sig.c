/*
 * kern_sig.c - signals: kill, sigaction, sigprocmask, sigpending,
 * sigsuspend, sigreturn; posting a signal (psignal), interrupting a
 * sleep, delivery on the way back to user mode (userret), and the
 * stopping and continuing of processes (job control).
 *
 * Threads.  A signal sent to a process (kill, the terminal, job
 * control, SIGCHLD) is pending in the process (p_siglist); one sent to
 * a thread (thr_kill, a fault's signal) in that thread (td_siglist).
 * The mask is each thread's.  A process's signal is taken by whichever
 * of its threads that does not block it first returns to user mode;
 * psignal picks one such thread to wake (curthread if it may take it,
 * else one that runs or sleeps interruptibly, else any): if none
 * exists the signal waits until a thread unblocks it.  SIGKILL wakes
 * every interruptible sleeper of the process; the thread that takes it
 * ends the process (exit1 single-threads it, kern_thread.c).  Stop
 * signals, SIGCONT and SIGKILL sent to a thread act on its process.
 *
 * A signal is delivered when a thread returns to user mode: after a
 * system call, a fault, or an interrupt that came from user mode.  A
 * sleep with PCATCH ends early when a signal that the thread does not
 * block arrives (EINTR, or ERESTART when its handler has SA_RESTART);
 * SIGKILL ends every such sleep.
 *
 * Default actions: terminate (the wait status names the signal),
 * ignore (SIGCHLD, SIGURG, SIGCONT, SIGWINCH, SIGINFO), or stop
 * (SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU).  init (pid 1) gets only the
 * signals it has a handler for.
 *
 * Stopping.  A stop signal at its default action stops the process at
 * once if the thread psignal picks is in an interruptible sleep: the
 * thread stays on the sleep queue, and a wakeup makes it TDS_STOPPED
 * instead of runnable (kern_synch.c).  Otherwise the signal stays
 * pending and stops the process where a thread next returns to user
 * mode (userret) or starts an interruptible sleep (tsleep calls
 * sig_take_stops).  Every thread of a stopped process stops at such a
 * point (the process is marked stopped at once, and its parent told,
 * while threads still in the kernel reach theirs).  So, as in
 * FreeBSD, a stopped thread never runs and
 * stops only where a sleep may be interrupted, never in the middle of
 * something that holds a lock.  The parent is told: SIGCHLD (unless
 * its handler has SA_NOCLDSTOP) and a wakeup for wait4 (WUNTRACED).
 * SIGCONT, whatever its action, continues the process (SIGCHLD and
 * WCONTINUED for the parent) and discards pending stop signals; a stop
 * signal discards a pending SIGCONT.  SIGKILL continues a stopped
 * process, which then dies; other signals stay pending while it is
 * stopped.  SIGTSTP, SIGTTIN and SIGTTOU are discarded, not obeyed, by
 * a member of an orphaned process group (nobody could continue it).
 *
 * Locking: interrupts disabled around the pending set, the stop state
 * and the sleep (the scheduler's lock on one CPU); psignal may be
 * called from an interrupt (the console's ^C, ^\ and ^Z).
 */
#include <sys/errno.h>
#include <sys/signal.h>
#include <sys/_wait.h>
#include <kernel/systm.h>
#include <kernel/machdep.h>
#include <kernel/pgrp.h>
#include <kernel/proc.h>
#include <kernel/sched.h>
#include <kernel/signalvar.h>
#include <kernel/sleep.h>
#include <kernel/syscallvar.h>
#include <machine/frame.h>
#include <machine/vmparam.h>

/* Signals whose default action is to be ignored. */
#define SIG_DFL_IGNORE	(SIGBIT(SIGCHLD) | SIGBIT(SIGURG) |		\
	SIGBIT(SIGCONT) | SIGBIT(SIGWINCH) | SIGBIT(SIGINFO))
/* Signals whose default action is to stop the process. */
#define SIG_STOPS	(SIGBIT(SIGSTOP) | SIGBIT(SIGTSTP) |		\
	SIGBIT(SIGTTIN) | SIGBIT(SIGTTOU))

static bool
sig_valid(int sig)
{
	return (sig > 0 && sig < NSIG);
}

/* Whether `p` ignores `sig` (explicitly, or by default). */
static bool
sig_ignored(struct proc *p, int sig)
{
	void (*h)(int) = p->p_sigact[sig].sa_handler;

	if (sig == SIGKILL)
		return (false);
	if (h == SIG_IGN)
		return (true);
	if (h == SIG_DFL && (SIGBIT(sig) & SIG_DFL_IGNORE) != 0)
		return (true);
	/* init is not killed by signals it does not catch. */
	return (p == initproc && h == SIG_DFL);
}

/* Whether `td` blocks `sig` (SIGKILL and SIGSTOP cannot be blocked). */
static bool
sig_blocked(const struct thread *td, int sig)
{
	return ((td->td_sigmask & ~SIG_CANTMASK & SIGBIT(sig)) != 0);
}

/* Whether `sig` would stop `p`: a stop signal at its default action. */
static bool
sig_stops(struct proc *p, int sig)
{
	return ((SIGBIT(sig) & SIG_STOPS) != 0 &&
	    p->p_sigact[sig].sa_handler == SIG_DFL);
}

/*
 * Interrupts off: the first signal pending that `td` does not block,
 * leaving out the stop signals (sig_take_stops acts on those).
 */
static int
sig_deliverable(struct thread *td)
{
	struct proc *p = td->td_proc;
	__sigset_t set = (p->p_siglist | td->td_siglist) &
	    (~td->td_sigmask | SIG_CANTMASK);
	int sig;

	/* Only the pending bits, lowest first (the common case: none). */
	for (; set != 0; set &= set - 1) {
		sig = __builtin_ctz(set) + 1;
		if (!sig_stops(p, sig))
			return (sig);
	}
	return (0);
}

/* sig_sleep_check: see signalvar.h. */
int
sig_sleep_check(struct thread *td)
{
	struct proc *p = td->td_proc;
	int sig;

	if (thread_must_exit(td))
		return (EINTR);		/* it exits on the way out */
	if ((sig = sig_deliverable(td)) == 0)
		return (0);
	return (sig != SIGKILL &&
	    (p->p_sigact[sig].sa_flags & SA_RESTART) != 0 ? ERESTART : EINTR);
}

/*
 * Tell p's parent that p stopped or was continued (`code`: CLD_STOPPED,
 * CLD_CONTINUED): SIGCHLD unless the parent's handler has SA_NOCLDSTOP,
 * and a wakeup for its wait4.  Interrupts off.
 */
static void
sig_notify_parent(struct proc *p, int code)
{
	struct proc *parent = p->p_pptr;

	if ((parent->p_sigact[SIGCHLD].sa_flags & SA_NOCLDSTOP) == 0)
		psignal(parent, SIGCHLD, code, p->p_pid, 0);
	wakeup(parent);
}

/* Stop `p` with `sig`; its thread stops where it is (see above). */
static void
proc_stop(struct proc *p, int sig)
{
	p->p_flag |= P_STOPPED_SIG;
	p->p_flag &= ~(P_WAITED | P_CONTINUED);
	p->p_xsig = sig;
	sig_notify_parent(p, CLD_STOPPED);
}

/* Whether `td` sleeps interruptibly. */
static bool
sig_td_sintr(const struct thread *td)
{
	return (td != NULL && td->td_state == TDS_SLEEPING &&
	    (td->td_flags & TDF_SINTR) != 0);
}

/* End td's interruptible sleep if a signal pending for it should. */
static void
sig_wake_thread(struct thread *td)
{
	if (sig_td_sintr(td) && sig_sleep_check(td) != 0)
		sleepq_abort(td, sig_sleep_check(td));
}

/*
 * Continue stopped `p`; `report`: the parent is told (not for SIGKILL,
 * after which it only dies).  Threads that were woken while stopped
 * run again; those still asleep sleep on, unless a signal that arrived
 * meanwhile ends their sleep now.  Interrupts off.
 */
static void
proc_continue(struct proc *p, bool report)
{
	struct thread *td;

	p->p_flag &= ~(P_STOPPED_SIG | P_WAITED);
	if (report) {
		p->p_flag |= P_CONTINUED;
		sig_notify_parent(p, CLD_CONTINUED);
	}
	TAILQ_FOREACH(td, &p->p_threads, td_plist) {
		if (td->td_state == TDS_STOPPED)
			sched_add(td);
		else
			sig_wake_thread(td);
	}
}

/* Whether a stop by `sig` is discarded: `p`'s group is orphaned. */
static bool
sig_stop_orphaned(struct proc *p, int sig)
{
	return (sig != SIGSTOP && pgrp_orphaned(p->p_pgrp));
}

/* sig_take_stops: see signalvar.h. */
void
sig_take_stops(struct thread *td)
{
	struct proc *p = td->td_proc;
	__sigset_t set = p->p_siglist & SIG_STOPS &
	    (~td->td_sigmask | SIG_CANTMASK);
	int sig;

	for (sig = 1; set != 0 && sig < NSIG; sig++) {
		if ((set & SIGBIT(sig)) == 0 || !sig_stops(p, sig))
			continue;
		p->p_siglist &= ~SIGBIT(sig);
		if ((p->p_flag & P_STOPPED_SIG) == 0 &&
		    !sig_stop_orphaned(p, sig))
			proc_stop(p, sig);
	}
}

/*
 * The thread of `p` to wake for process-directed `sig`: curthread if it
 * is p's and does not block it; else one that does not block it and
 * runs or sleeps interruptibly (it reaches user mode soonest); else any
 * that does not block it; else NULL.  Interrupts off.
 */
static struct thread *
sig_pick_thread(struct proc *p, int sig)
{
	struct thread *td, *other = NULL;

	if (curthread->td_proc == p && !sig_blocked(curthread, sig))
		return (curthread);
	TAILQ_FOREACH(td, &p->p_threads, td_plist) {
		if (sig_blocked(td, sig))
			continue;
		if (td->td_state == TDS_RUNQ || td->td_state == TDS_RUNNING ||
		    sig_td_sintr(td))
			return (td);
		if (other == NULL)
			other = td;
	}
	return (other);
}

/* psignal: see signalvar.h. */
void
psignal(struct proc *p, int sig, int code, int pid, uintptr_t addr)
{
	struct thread *td;
	unsigned long s;

	KASSERT(sig_valid(sig), ("psignal: signal %d", sig));
	s = intr_disable();
	if (p->p_state != PRS_NORMAL || p == &proc0)
		goto out;
	if (sig == SIGCONT) {
		p->p_siglist &= ~SIG_STOPS;
		if ((p->p_flag & P_STOPPED_SIG) != 0)
			proc_continue(p, true);
	} else if ((SIGBIT(sig) & SIG_STOPS) != 0)
		p->p_siglist &= ~SIGBIT(SIGCONT);
	if (sig_ignored(p, sig))
		goto out;
	td = sig_pick_thread(p, sig);
	if (sig_stops(p, sig)) {
		/* Stopped already, or nobody could continue it. */
		if ((p->p_flag & P_STOPPED_SIG) != 0 ||
		    sig_stop_orphaned(p, sig))
			goto out;
		/* Asleep and not blocking it: it stops right there. */
		if (sig_td_sintr(td)) {
			proc_stop(p, sig);
			goto out;
		}
	}
	if (sig == SIGKILL && (p->p_flag & P_STOPPED_SIG) != 0)
		proc_continue(p, false);
	p->p_siglist |= SIGBIT(sig);
	p->p_siginfo[sig].code = code;
	p->p_siginfo[sig].pid = pid;
	p->p_siginfo[sig].addr = addr;
	if ((p->p_flag & P_STOPPED_SIG) != 0)
		goto out;
	if (sig == SIGKILL) {
		/*
		 * Every thread: the first one out ends the process.  PKILL
		 * sleeps end too (R68: a fault waiting for pages, a wait
		 * for an entry in transition).
		 */
		p->p_flag |= P_KILLED;
		TAILQ_FOREACH(td, &p->p_threads, td_plist) {
			if (td->td_state == TDS_SLEEPING &&
			    (td->td_flags & TDF_SKILL) != 0)
				sleepq_abort(td, EINTR);
			else
				sig_wake_thread(td);
		}
	} else if (td != NULL)
		sig_wake_thread(td);
out:
	intr_restore(s);
}

/* tdsignal: see signalvar.h. */
void
tdsignal(struct thread *td, int sig, int code, int pid, uintptr_t addr)
{
	struct proc *p = td->td_proc;
	unsigned long s;

	KASSERT(sig_valid(sig), ("tdsignal: signal %d", sig));
	if (sig == SIGKILL || sig == SIGCONT || (SIGBIT(sig) & SIG_STOPS) != 0) {
		psignal(p, sig, code, pid, addr);
		return;
	}
	s = intr_disable();
	if (p->p_state == PRS_NORMAL && !sig_ignored(p, sig)) {
		td->td_siglist |= SIGBIT(sig);
		td->td_siginfo[sig].code = code;
		td->td_siginfo[sig].pid = pid;
		td->td_siginfo[sig].addr = addr;
		if ((p->p_flag & P_STOPPED_SIG) == 0)
			sig_wake_thread(td);
	}
	intr_restore(s);
}

/* Deliver `sig` to curthread: the default action, or its handler. */
static void
postsig(struct thread *td, int sig)
{
	struct proc *p = td->td_proc;
	struct __sigaction *act = &p->p_sigact[sig];
	struct psiginfo *info;
	struct __siginfo si;
	__sigset_t mask;
	unsigned long s;

	s = intr_disable();
	/* Its own first: a fault's signal is about what it did. */
	if ((td->td_siglist & SIGBIT(sig)) != 0) {
		td->td_siglist &= ~SIGBIT(sig);
		info = &td->td_siginfo[sig];
	} else {
		p->p_siglist &= ~SIGBIT(sig);
		info = &p->p_siginfo[sig];
	}
	memset(&si, 0, sizeof(si));
	si.si_signo = sig;
	si.si_code = info->code;
	si.si_pid = info->pid;
	si.si_addr = (void *)info->addr;
	intr_restore(s);
	if (sig_ignored(p, sig))
		return;
	td->td_ru.ru_nsignals++;
	if (act->sa_handler == SIG_DFL || sig == SIGKILL)
		exit1(td, W_EXITCODE(0, sig));
	/* The mask to restore when the handler returns. */
	mask = td->td_sigmask;
	if ((td->td_flags & TDF_OLDMASK) != 0) {
		mask = td->td_oldmask;
		td->td_flags &= ~TDF_OLDMASK;
	}
	if (cpu_sendsig(td, sig, act, &si, mask) != 0) {
		/* No room on the user stack: it cannot be handled. */
		exit1(td, W_EXITCODE(0, SIGSEGV));
	}
	td->td_sigmask |= act->sa_mask;
	if ((act->sa_flags & SA_NODEFER) == 0)
		td->td_sigmask |= SIGBIT(sig);
	td->td_sigmask &= ~SIG_CANTMASK;
	if ((act->sa_flags & SA_RESETHAND) != 0) {
		act->sa_handler = SIG_DFL;
		act->sa_flags &= ~SA_SIGINFO;
	}
}

/*
 * userret: see signalvar.h.  A stopped process's thread waits here; a
 * thread whose process another thread single-threads exits here.
 */
void
userret(struct thread *td, struct trapframe *tf)
{
	struct proc *p = td->td_proc;
	unsigned long s;
	int sig;

	/* R31: no system wiring of a user buffer outlives a system call. */
	KASSERT(td->td_vslock_sz == 0, ("userret: thread %s returns to user "
	    "mode with %zu bytes vslocked", td->td_name, td->td_vslock_sz));
	for (;;) {
		s = intr_disable();
		/*
		 * The usual case, nothing pending, not stopped, not ending:
		 * what the steps below would find, without them.
		 */
		if ((p->p_siglist | td->td_siglist) == 0 &&
		    (p->p_flag & P_STOPPED_SIG) == 0 && !thread_must_exit(td)) {
			intr_restore(s);
			break;
		}
		if (!thread_must_exit(td))
			sig_take_stops(td);
		while ((p->p_flag & P_STOPPED_SIG) != 0 &&
		    !thread_must_exit(td)) {
			td->td_state = TDS_STOPPED;
			mi_switch();
		}
		/* Another thread is exiting or exec'ing the process. */
		if (thread_must_exit(td))
			thread_suicide(td);
		sig = sig_deliverable(td);
		intr_restore(s);
		if (sig == 0)
			break;
		postsig(td, sig);
	}
	if ((td->td_flags & TDF_OLDMASK) != 0) {
		/* sigsuspend ended without a handler running. */
		td->td_sigmask = td->td_oldmask;
		td->td_flags &= ~TDF_OLDMASK;
	}
	if (TF_PC(tf) >= VM_MAX_USER_ADDRESS)
		exit1(td, W_EXITCODE(0, SIGSEGV));
}

/*
 * trapsignal: see proc.h.  A fault's signal cannot be blocked or
 * ignored; it is the faulting thread's own.
 */
void
trapsignal(struct thread *td, int sig, int code, vm_offset_t addr)
{
	struct proc *p = td->td_proc;
	void (*h)(int) = p->p_sigact[sig].sa_handler;

	if (h == SIG_DFL || h == SIG_IGN ||
	    (td->td_sigmask & SIGBIT(sig)) != 0) {
		printf("pid %d (%s): signal %d (code %d) at %#lx: killed\n",
		    p->p_pid, p->p_comm, sig, code, (u_long)addr);
		exit1(td, W_EXITCODE(0, sig));
	}
	tdsignal(td, sig, code, 0, addr);
}

/* sigacts_fork: see signalvar.h. */
void
sigacts_fork(struct proc *child, struct proc *parent)
{
	memcpy(child->p_sigact, parent->p_sigact, sizeof(child->p_sigact));
	child->p_sigtramp = parent->p_sigtramp;
	child->p_siglist = 0;
}

/* sigacts_exec: see signalvar.h. */
void
sigacts_exec(struct proc *p)
{
	int sig;

	for (sig = 1; sig < NSIG; sig++)
		if (p->p_sigact[sig].sa_handler != SIG_IGN) {
			p->p_sigact[sig].sa_handler = SIG_DFL;
			p->p_sigact[sig].sa_flags = 0;
			p->p_sigact[sig].sa_mask = 0;
		}
	p->p_sigtramp = 0;
}

/*
 * Send `sig` to `p` from curthread, if it may (p_cansignal, ucred.h:
 * EPERM for another user's process unless root).
 */
static int
kill_one(struct proc *p, int sig)
{
	int error;

	if (p->p_state == PRS_NEW)
		return (ESRCH);
	if ((error = p_cansignal(curthread, p)) != 0)
		return (error);
	if (sig != 0)
		psignal(p, sig, SI_USER, curthread->td_proc->p_pid, 0);
	return (0);
}

/*
 * Send `sig` to every member of group `pgid` (0: the caller's) but
 * init; ESRCH if there is no such group (or it holds only init).
 */
static int
kill_pgrp(struct thread *td, int pgid, int sig)
{
	struct pgrp *pg;
	struct proc *p;
	unsigned long s;
	int error = ESRCH;

	s = intr_disable();
	pg = pgid == 0 ? td->td_proc->p_pgrp : pgfind(pgid);
	if (pg != NULL)
		LIST_FOREACH(p, &pg->pg_members, p_pglist)
			if (p != initproc && kill_one(p, sig) == 0)
				error = 0;
	intr_restore(s);
	return (error);
}

/*
 * sys_kill: kill(pid, sig): pid > 0 one process, 0 the caller's
 * process group, -1 every process but init and the caller, < -1 the
 * process group -pid.  Signal 0 only checks that the target exists.
 */
int
sys_kill(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	int pid = (int)args[0], sig = (int)args[1], error = ESRCH;
	struct proc *p;

	(void)retval;
	if (sig < 0 || sig >= NSIG)
		return (EINVAL);
	if (pid > 0) {
		TAILQ_FOREACH(p, &allproc, p_list)
			if (p->p_pid == pid)
				return (kill_one(p, sig));
		return (ESRCH);
	}
	if (pid != -1)
		return (kill_pgrp(td, pid == 0 ? 0 : -pid, sig));
	TAILQ_FOREACH(p, &allproc, p_list)
		if (p != initproc && p != td->td_proc &&
		    kill_one(p, sig) == 0)
			error = 0;
	return (error);
}

/* sys_sigaction: sigaction(sig, act, oact, trampoline). */
int
sys_sigaction(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	struct proc *p = td->td_proc;
	struct __sigaction act, old;
	struct thread *td2;
	int sig = (int)args[0], error;
	unsigned long s;

	(void)retval;
	if (!sig_valid(sig))
		return (EINVAL);
	old = p->p_sigact[sig];
	if (args[1] != 0) {
		if ((error = copyin((void *)args[1], &act, sizeof(act))) != 0)
			return (error);
		if ((SIGBIT(sig) & SIG_CANTMASK) != 0 &&
		    act.sa_handler != SIG_DFL)
			return (EINVAL);
		if ((act.sa_flags & ~(SA_RESTART | SA_RESETHAND | SA_NODEFER |
		    SA_NOCLDSTOP | SA_SIGINFO)) != 0)
			return (EINVAL);	/* SA_ONSTACK: no sigaltstack */
		if (act.sa_handler != SIG_DFL && act.sa_handler != SIG_IGN &&
		    ((uintptr_t)act.sa_handler >= VM_MAX_USER_ADDRESS ||
		    args[3] == 0 || args[3] >= VM_MAX_USER_ADDRESS))
			return (EINVAL);
		act.sa_mask &= ~SIG_CANTMASK;
		s = intr_disable();
		p->p_sigact[sig] = act;
		if (args[3] != 0)
			p->p_sigtramp = args[3];
		/* Setting SIG_IGN (or an ignoring default) drops it. */
		if (sig_ignored(p, sig)) {
			p->p_siglist &= ~SIGBIT(sig);
			TAILQ_FOREACH(td2, &p->p_threads, td_plist)
				td2->td_siglist &= ~SIGBIT(sig);
		}
		intr_restore(s);
	}
	if (args[2] != 0)
		return (copyout(&old, (void *)args[2], sizeof(old)));
	return (0);
}

/* sys_sigprocmask: sigprocmask(how, set, oset). */
int
sys_sigprocmask(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	__sigset_t set, old = td->td_sigmask;
	int error;

	(void)retval;
	if (args[1] != 0) {
		if ((error = copyin((void *)args[1], &set, sizeof(set))) != 0)
			return (error);
		switch ((int)args[0]) {
		case SIG_BLOCK:
			td->td_sigmask |= set;
			break;
		case SIG_UNBLOCK:
			td->td_sigmask &= ~set;
			break;
		case SIG_SETMASK:
			td->td_sigmask = set;
			break;
		default:
			return (EINVAL);
		}
		td->td_sigmask &= ~SIG_CANTMASK;
	}
	if (args[2] != 0)
		return (copyout(&old, (void *)args[2], sizeof(old)));
	return (0);
}

/*
 * sys_sigpending: sigpending(set): the signals pending for the thread,
 * its own and its process's.
 */
int
sys_sigpending(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	__sigset_t set = td->td_proc->p_siglist | td->td_siglist;

	(void)retval;
	return (copyout(&set, (void *)args[0], sizeof(set)));
}

/*
 * sys_sigsuspend: sigsuspend(mask): wait with `mask` until a signal is
 * delivered; the old mask comes back after its handler.  Always EINTR.
 */
int
sys_sigsuspend(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	static int sigsuspend_chan;
	__sigset_t mask;
	int error;

	(void)retval;
	if ((error = copyin((void *)args[0], &mask, sizeof(mask))) != 0)
		return (error);
	td->td_oldmask = td->td_sigmask;
	td->td_flags |= TDF_OLDMASK;
	td->td_sigmask = mask & ~SIG_CANTMASK;
	while (tsleep(&sigsuspend_chan, PCATCH, "sigsusp", 0) == 0)
		;
	return (EINTR);
}

/* sys_sigreturn: sigreturn(uc): back from a handler to the saved state. */
int
sys_sigreturn(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	__sigset_t mask;
	int error;

	(void)retval;
	if ((error = cpu_sigreturn(td, (const void *)args[0], &mask)) != 0)
		return (error);
	td->td_sigmask = mask & ~SIG_CANTMASK;
	return (EJUSTRETURN);
}
