/*
 * vm_kern.h - kernel memory: kernel virtual address space and wired
 * kernel pages (SEMANTICS R32).
 *
 * kernel_arena is a vmem arena over [VM_KVA_START, VM_KVA_END).  kmem
 * allocations take VA from it and back every page with a page allocated
 * wired (reason VM_WIRE_KMEM) and mapped with a wired PTE.
 */
#ifndef _VM_VM_KERN_H_
#define _VM_VM_KERN_H_

#include <vm/vm.h>
#include <vm/vm_page.h>

struct vmem;
extern struct vmem *kernel_arena;

/* Flags for kmem_malloc and malloc (FreeBSD's M_* values). */
#define M_NOWAIT	0x0001	/* fail rather than wait */
#define M_WAITOK	0x0002	/* may wait (until the scheduler: same as
				   NOWAIT, but a failure panics) */
#define M_ZERO		0x0100	/* zero the memory */
#define M_USE_RESERVE	0x0400	/* may take the last pages (INTERRUPT) */

/*
 * kmem_back: back the kernel VA [addr, addr + size) (page aligned, page
 * tables present: pmap_growkernel) with new pages wired for `reason` and
 * entered with wired PTEs.  flags as for kmem_malloc.  On a shortage
 * the pages already entered are given back and false is returned.
 * kmem_unback: undo it: remove each PTE, then unwire and free the page;
 * every page must be mapped and wired once, for `reason`.  Never sleep.
 */
bool	kmem_back(vm_offset_t addr, vm_size_t size, int flags,
	    enum vm_wire_reason reason);
void	kmem_unback(vm_offset_t addr, vm_size_t size,
	    enum vm_wire_reason reason);

/*
 * kmem_init: create kernel_arena.  Boot only, after pmap_init().
 */
void	kmem_init(void);

/*
 * kmem_malloc: `size` bytes (rounded up to pages) of wired kernel
 * memory.  Pages come from class SYSTEM (INTERRUPT with M_USE_RESERVE).
 * On failure with M_NOWAIT everything taken so far is given back and
 * 0 is returned; with M_WAITOK a failure panics until vm_wait exists.
 * Does not sleep yet.
 */
vm_offset_t kmem_malloc(vm_size_t size, int flags);

/*
 * kmem_free: undo kmem_malloc(size) at `addr`; `size` must be the size
 * given to kmem_malloc.  Removes the PTEs, unwires and frees each page,
 * releases the VA.
 */
void	kmem_free(vm_offset_t addr, vm_size_t size);

/*
 * kva_alloc / kva_free: kernel VA only, no pages behind it (for
 * pmap_mapdev and temporary mappings).  kva_alloc returns 0 on failure.
 */
vm_offset_t kva_alloc(vm_size_t size);
void	kva_free(vm_offset_t addr, vm_size_t size);

#endif /* !_VM_VM_KERN_H_ */
