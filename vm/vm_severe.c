/*
 * vm_severe.c - who may allocate below the severe threshold, and the
 * wait of those who may not (vm_page.h; SEMANTICS R69, R80).
 *
 * init (pid 1) and kernel processes (P_SYSTEM) are exempt: they pass
 * the gate and take pages with class SYSTEM, as a killed process does
 * (R68), so that init can still fork, exec and reap while ordinary
 * processes wait (R80, a project decision; FreeBSD has no such
 * exemption, R79).  The wait polls: the free count is looked at again
 * every VM_WAIT_SEVERE_POLL ticks, so nothing in the allocator has to
 * wake anyone.
 */
#include <sys/errno.h>
#include <kernel/systm.h>
#include <kernel/proc.h>
#include <kernel/sleep.h>
#include <vm/vm.h>
#include <vm/vm_page.h>
#include <vm/vmmeter.h>

bool
vm_page_count_severe_exempt(const struct proc *p)
{
	return (p->p_pid == 1 || (p->p_flag & P_SYSTEM) != 0);
}

int
vm_alloc_class_for(const struct proc *p)
{
	return (vm_page_count_severe_exempt(p) ? VM_ALLOC_SYSTEM :
	    VM_ALLOC_NORMAL);
}

int
vm_wait_severe(struct thread *td)
{
	int error;

	while (vm_page_count_severe() &&
	    !vm_page_count_severe_exempt(td->td_proc)) {
		error = tsleep(&vm_cnt.v_severe, PCATCH, "vmwsev",
		    VM_WAIT_SEVERE_POLL);
		if (error != 0 && error != EWOULDBLOCK)
			return (error);
	}
	return (0);
}
