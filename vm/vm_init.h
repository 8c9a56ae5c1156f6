/*
 * vm_init.h - starting the VM at boot.
 */
#ifndef _VM_VM_INIT_H_
#define _VM_VM_INIT_H_

/*
 * vm_mem_init: find RAM, build the kernel's page tables and the page
 * array, start kernel memory (kmem, malloc), the object and map-entry
 * zones, and print what was found.
 * Boot only, once, from mi_startup(), interrupts on.
 */
void	vm_mem_init(void);

#endif /* !_VM_VM_INIT_H_ */
