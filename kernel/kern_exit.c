/*
 * kern_exit.c - the end of a process: exit(2), and the default action
 * of a signal raised by a fault (trapsignal) until signals exist.
 *
 * An exiting process gives its address space back at once (every page
 * and page-table page), becomes a zombie holding only its exit status,
 * and wakes its parent; its one thread then ends like any thread (its
 * stack is reaped after the next switch).
 */
#include <sys/signal.h>
#include <sys/_wait.h>
#include <kernel/systm.h>
#include <kernel/machdep.h>
#include <kernel/kthread.h>
#include <kernel/proc.h>
#include <kernel/sleep.h>
#include <kernel/syscallvar.h>
#include <vm/vm_map.h>
#include <vm/pmap.h>

/* exit1: see proc.h. */
void
exit1(struct thread *td, int xstat)
{
	struct proc *p = td->td_proc;
	struct vmspace *vm;
	unsigned long s;

	KASSERT(p != &proc0, ("exit1: proc0 exits"));
	/* Off the address space before it goes. */
	s = intr_disable();
	vm = p->p_vmspace;
	p->p_vmspace = NULL;
	pmap_activate(kernel_pmap);
	intr_restore(s);
	if (vm != NULL)
		vmspace_free(vm);

	s = intr_disable();
	p->p_xstat = xstat;
	p->p_state = PRS_ZOMBIE;
	wakeup(p);
	intr_restore(s);
	thread_exit();
}

/* sys_exit: exit(2). */
int
sys_exit(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	(void)retval;
	exit1(td, W_EXITCODE((int)args[0] & 0xff, 0));
}

/* trapsignal: see proc.h. */
void
trapsignal(struct thread *td, int sig, int code, vm_offset_t addr)
{
	printf("pid %d (%s): signal %d (code %d) at %#lx: killed\n",
	    td->td_proc->p_pid, td->td_proc->p_comm, sig, code,
	    (u_long)addr);
	exit1(td, W_EXITCODE(0, sig));
}
