/*
 * vm_machdep.c - amd64 thread set-up: the first frame on a new
 * thread's kernel stack (see cpu_switch in swtch.asm).
 */
#include <kernel/systm.h>
#include <kernel/kthread.h>

/*
 * The frame cpu_switch pops for a thread that never ran: six callee-
 * saved registers (zero: rbp = 0 ends backtraces), then the return
 * address thread_start, then a zero that is thread_start's own
 * (never used) return address.  At thread_start's first instruction
 * rsp is 8 more than a multiple of 16, as the ABI wants after a call.
 */
struct switchframe {
	uint64_t	sf_r15, sf_r14, sf_r13, sf_r12, sf_rbx, sf_rbp;
	uint64_t	sf_rip;
	uint64_t	sf_zero;
};

/* cpu_thread_setup: see kernel/kthread.h. */
void
cpu_thread_setup(struct thread *td)
{
	struct switchframe *sf;
	uintptr_t top;

	top = (td->td_kstack + td->td_kstack_size) & ~(uintptr_t)15;
	sf = (struct switchframe *)(top - sizeof(*sf));
	memset(sf, 0, sizeof(*sf));
	sf->sf_rip = (uintptr_t)thread_start;
	td->td_sp = (uintptr_t)sf;
}
