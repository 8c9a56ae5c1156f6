/*
 * vm_glue.h - the VM's services to the rest of the kernel (vm_glue.c).
 */
#ifndef _VM_VM_GLUE_H_
#define _VM_VM_GLUE_H_

#include <vm/vm.h>

/*
 * vm_thread_stack_alloc: a kernel stack of KSTACK_SIZE bytes, wired
 * (VM_WIRE_KSTACK), with an unmapped guard page below it.  Returns its
 * lowest address, or 0 if there is no memory.  Does not sleep.
 * vm_thread_stack_free: give it all back.  Does not sleep.
 */
vm_offset_t vm_thread_stack_alloc(void);
void	vm_thread_stack_free(vm_offset_t stack);

#endif /* !_VM_VM_GLUE_H_ */
