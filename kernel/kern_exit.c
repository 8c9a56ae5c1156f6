/*
 * kern_exit.c - the end of a process: exit(2) and wait4(2).
 *
 * An exiting process first single-threads itself (thread_single,
 * kern_thread.c: its other threads exit), gives its address space back
 * at once (every page and page-table page), becomes a zombie holding
 * only its exit status and resource usage (and its place in its
 * process group, until it is reaped), and wakes its parent with
 * SIGCHLD; its last thread then ends like any thread (its stack is
 * reaped after the next switch).  wait4 also reports children that
 * stopped or were continued (kern_sig.c); reaping a child adds its
 * usage to the parent's RUSAGE_CHILDREN.
 */
#include <sys/errno.h>
#include <sys/signal.h>
#include <sys/_wait.h>
#include <sys/_rusage.h>
#include <kernel/systm.h>
#include <kernel/machdep.h>
#include <kernel/kthread.h>
#include <kernel/file.h>
#include <kernel/pgrp.h>
#include <kernel/mount.h>
#include <kernel/proc.h>
#include <kernel/signalvar.h>
#include <kernel/sleep.h>
#include <kernel/syscallvar.h>
#include <vm/vm_map.h>
#include <vm/pmap.h>

/* exit1: see proc.h. */
void
exit1(struct thread *td, int xstat)
{
	struct proc *p = td->td_proc, *child, *heir;
	struct vmspace *vm;
	unsigned long s;

	KASSERT(p != &proc0, ("exit1: proc0 exits"));
	/* Another thread is ending the process (or exec'ing): it wins. */
	if (thread_single(td) != 0)
		thread_suicide(td);
	/* R31, R46: no vslock of the address space about to go. */
	KASSERT(td->td_vslock_sz == 0, ("exit1: thread %s exits with %zu "
	    "bytes vslocked", td->td_name, td->td_vslock_sz));
	/* Off the address space before it goes. */
	s = intr_disable();
	vm = p->p_vmspace;
	if (vm != NULL)
		rusage_sample_rss(p);
	p->p_vmspace = NULL;
	pmap_activate(kernel_pmap);
	intr_restore(s);
	if (vm != NULL)
		vmspace_free(vm);
	if (p->p_fd != NULL) {
		fdfree(p->p_fd);
		p->p_fd = NULL;
	}
	vfs_cwd_exit(p);

	s = intr_disable();
	/* The terminal, and groups this exit orphans (pgrp.h). */
	pgrp_exit(p);
	/* Orphans go to init (to proc0 until init exists). */
	heir = initproc != NULL && initproc != p ? initproc : &proc0;
	while ((child = LIST_FIRST(&p->p_children)) != NULL) {
		LIST_REMOVE(child, p_sibling);
		child->p_pptr = heir;
		LIST_INSERT_HEAD(&heir->p_children, child, p_sibling);
		if (child->p_state == PRS_ZOMBIE)
			wakeup(heir);
	}
	p->p_xstat = xstat;
	p->p_state = PRS_ZOMBIE;
	psignal(p->p_pptr, SIGCHLD, WIFSIGNALED(xstat) ? CLD_KILLED :
	    CLD_EXITED, p->p_pid, 0);
	wakeup(p->p_pptr);
	/*
	 * Interrupts stay off: the parent must not reap the zombie before
	 * its last thread is off p_threads (thread_exit switches away).
	 */
	thread_exit();
}

/* Whether child `p` is one that wait4(pid) of `parent` waits for. */
static bool
wait_matches(struct proc *parent, struct proc *p, int pid)
{
	if (pid > 0)
		return (p->p_pid == pid);
	if (pid == -1)
		return (true);
	if (p->p_pgrp == NULL)
		return (false);
	return (p->p_pgrp->pg_id == (pid == 0 ? parent->p_pgrp->pg_id :
	    -pid));
}

/*
 * Whether child `p` has a stop or a continue to report under
 * `options`; if so it is taken (reported once) into *xstatp.
 * Interrupts off.
 */
static bool
wait_stop_report(struct proc *p, int options, int *xstatp)
{
	if ((options & WUNTRACED) != 0 &&
	    (p->p_flag & (P_STOPPED_SIG | P_WAITED)) == P_STOPPED_SIG) {
		p->p_flag |= P_WAITED;
		*xstatp = W_STOPCODE(p->p_xsig);
		return (true);
	}
	if ((options & WCONTINUED) != 0 && (p->p_flag & P_CONTINUED) != 0) {
		p->p_flag &= ~P_CONTINUED;
		*xstatp = W_CONTINUED;
		return (true);
	}
	return (false);
}

/* kern_wait4: see proc.h. */
int
kern_wait4(struct thread *td, int pid, int *xstatp, int options, int *pidp)
{
	return (kern_wait(td, pid, xstatp, options, pidp, NULL));
}

/* kern_wait: see proc.h. */
int
kern_wait(struct thread *td, int pid, int *xstatp, int options, int *pidp,
    struct rusage *rup)
{
	struct proc *parent = td->td_proc, *p;
	unsigned long s;
	bool found;
	int error;

	if ((options & ~(WNOHANG | WUNTRACED | WCONTINUED)) != 0)
		return (EINVAL);
	s = intr_disable();
	for (;;) {
		found = false;
		LIST_FOREACH(p, &parent->p_children, p_sibling) {
			if (!wait_matches(parent, p, pid))
				continue;
			found = true;
			if (p->p_state == PRS_ZOMBIE)
				break;
			if (wait_stop_report(p, options, xstatp)) {
				intr_restore(s);
				*pidp = p->p_pid;
				return (0);
			}
		}
		if (!found) {
			intr_restore(s);
			return (ECHILD);
		}
		if (p != NULL)
			break;
		if ((options & WNOHANG) != 0) {
			intr_restore(s);
			*pidp = 0;
			return (0);
		}
		if ((error = tsleep(parent, PCATCH, "wait", 0)) != 0) {
			intr_restore(s);
			return (error);
		}
	}
	/*
	 * Ours now: off the list of children before interrupts come back,
	 * so that another thread of this process cannot reap it too.
	 */
	LIST_REMOVE(p, p_sibling);
	rusage_reap(parent, p);
	intr_restore(s);
	*pidp = p->p_pid;
	*xstatp = p->p_xstat;
	if (rup != NULL)
		rusage_of_zombie(p, rup);
	proc_reap(p);
	return (0);
}

/*
 * sys_wait4: wait4(pid, status, options, rusage).  rusage gets the
 * reaped child's own usage (kern_rusage.c); zeros when nothing was
 * reaped (a stop, a continue, WNOHANG with nothing to report).
 */
int
sys_wait4(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	struct rusage ru;
	int error, pid, xstat;

	memset(&ru, 0, sizeof(ru));
	error = kern_wait(td, (int)args[0], &xstat, (int)args[2], &pid, &ru);
	if (error != 0)
		return (error);
	if (pid != 0 && args[1] != 0 &&
	    (error = copyout(&xstat, (void *)args[1], sizeof(xstat))) != 0)
		return (error);
	if (args[3] != 0 &&
	    (error = copyout(&ru, (void *)args[3], sizeof(ru))) != 0)
		return (error);
	retval[0] = pid;
	return (0);
}

/* sys_exit: exit(2). */
int
sys_exit(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	(void)retval;
	exit1(td, W_EXITCODE((int)args[0] & 0xff, 0));
}

