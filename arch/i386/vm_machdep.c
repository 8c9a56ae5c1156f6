/*
 * vm_machdep.c - i386 thread set-up: the first frame on a new thread's
 * kernel stack (see cpu_switch in swtch.asm).
 */
#include <kernel/systm.h>
#include <kernel/kthread.h>

/*
 * The frame cpu_switch pops for a thread that never ran: four callee-
 * saved registers (zero: ebp = 0 ends backtraces), then the return
 * address thread_start, then a zero that is thread_start's own (never
 * used) return address, then padding so that at thread_start's first
 * instruction esp + 4 is a multiple of 16, as gcc expects after a call.
 */
struct switchframe {
	uint32_t	sf_edi, sf_esi, sf_ebx, sf_ebp;
	uint32_t	sf_eip;
	uint32_t	sf_zero;
	uint32_t	sf_pad[2];
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
	sf->sf_eip = (uintptr_t)thread_start;
	td->td_sp = (uintptr_t)sf;
}
