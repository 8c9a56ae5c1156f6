/*
 * vm_glue.c - where the VM meets the rest of the kernel: kernel stacks
 * for threads (and, with the wiring issue, vslock).
 *
 * A kernel stack is KSTACK_SIZE of wired pages (reason VM_WIRE_KSTACK,
 * so `vmstat` can tell them from other kernel memory) above one page of
 * kernel VA left unmapped: a thread that overflows its stack takes a
 * page fault on the guard page and the panic names it, instead of
 * silently overwriting whatever lies below.
 */
#include <kernel/systm.h>
#include <vm/vm.h>
#include <vm/vm_kern.h>
#include <vm/vm_glue.h>
#include <vm/pmap.h>

#define KSTACK_GUARD	PAGE_SIZE

/* vm_thread_stack_alloc: see vm_glue.h. */
vm_offset_t
vm_thread_stack_alloc(void)
{
	vm_offset_t va;

	va = kva_alloc(KSTACK_GUARD + KSTACK_SIZE);
	if (va == 0)
		return (0);
	if (pmap_growkernel(va + KSTACK_GUARD + KSTACK_SIZE) != 0 ||
	    !kmem_back(va + KSTACK_GUARD, KSTACK_SIZE, M_NOWAIT,
	    VM_WIRE_KSTACK)) {
		kva_free(va, KSTACK_GUARD + KSTACK_SIZE);
		return (0);
	}
	return (va + KSTACK_GUARD);
}

/* vm_thread_stack_free: see vm_glue.h. */
void
vm_thread_stack_free(vm_offset_t stack)
{
	kmem_unback(stack, KSTACK_SIZE, VM_WIRE_KSTACK);
	kva_free(stack - KSTACK_GUARD, KSTACK_GUARD + KSTACK_SIZE);
}
