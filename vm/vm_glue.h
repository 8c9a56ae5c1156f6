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

/*
 * vslock: wire [trunc(addr), round(addr + len)) of the current process's
 * map with a system wiring (VM_MAP_WIRE_SYSTEM | NOHOLES, R29), so the
 * kernel can work on the buffer without faulting: every page resident
 * and mapped (copy-on-write broken if the mapping is writable), and
 * munmap/exit of the range wait until it is undone (R36).  Adds len to
 * curthread's td_vslock_sz; every vslock must be undone by a vsunlock of
 * the same range before the system call returns (R31: userret asserts
 * td_vslock_sz == 0).  Not charged to RLIMIT_MEMLOCK nor to the
 * user-wire count.  Returns 0, EINVAL (the range wraps), ENOMEM (more
 * pages than vm.max_user_wired), EFAULT (a hole, a page that cannot be
 * wired or read, a fault failure, or an address outside the user map).
 * len 0 wires nothing and succeeds.  Thread context of a user process;
 * takes the map lock; may sleep (faults, waits for entries in transition).
 *
 * vsunlock: undo one vslock of the same (addr, len) (R30: a system
 * unwiring, so it never takes away an mlock).  Asserts td_vslock_sz >=
 * len.  Same context; may sleep.
 */
int	vslock(void *addr, size_t len);
void	vsunlock(void *addr, size_t len);

/*
 * vsmap: a kernel address through which the kernel reads or writes the
 * vslocked user buffer [addr, addr + len) directly (a "DMA" into the
 * user's pages, no copyout, so it cannot fault and may be used with
 * interrupts off): a kernel mapping of the very pages the user's PTEs
 * map.  `prot` is what the kernel will do (VM_PROT_WRITE to fill the
 * buffer): EFAULT if the user's mapping does not allow it (a read-only
 * buffer) or a page is not wired; ENOMEM if no kernel VA; EINVAL/EFAULT
 * for the range as vslock.  The buffer must stay vslocked until vsunmap.
 * Takes the map lock (read); may sleep.
 * vsunmap: remove that window (`kaddr`, `len` as vsmap gave and took).
 * Does not sleep.
 */
int	vsmap(void *addr, size_t len, vm_prot_t prot, void **kvap);
void	vsunmap(void *kaddr, size_t len);

#endif /* !_VM_VM_GLUE_H_ */
