/*
 * vmem.h - a resource-range allocator (vmem, after Bonwick and Adams
 * 2001), used for kernel virtual address space.
 *
 * An arena owns spans of integers [base, base + size) and hands out
 * aligned, quantum-sized pieces.  Free segments are kept both in
 * address order (to merge neighbours on free) and in power-of-two size
 * lists (to find a fit quickly).  Boundary tags come from pages taken
 * directly from the page allocator (direct-mapped, wired as kmem), so
 * the arena never needs itself to grow.
 *
 * Locking: each arena has a mutex taken inside these functions.  Never
 * sleeps.
 */
#ifndef _KERNEL_VMEM_H_
#define _KERNEL_VMEM_H_

#include <vm/vm.h>

typedef struct vmem vmem_t;
typedef uintptr_t vmem_addr_t;
typedef uintptr_t vmem_size_t;

/* vmem_alloc flags: how to pick the segment. */
#define M_BESTFIT	0x1000	/* the smallest segment that fits */
#define M_FIRSTFIT	0x2000	/* the lowest-addressed segment that fits */

/*
 * vmem_create: an arena named `name` with an initial span [base,
 * base + size) (size 0: none yet), allocating multiples of `quantum`.
 * Returns NULL if no memory for the arena.
 */
vmem_t	*vmem_create(const char *name, vmem_addr_t base, vmem_size_t size,
	    vmem_size_t quantum, int flags);

/* vmem_destroy: free an arena with nothing allocated from it. */
void	vmem_destroy(vmem_t *vm);

/* vmem_add: give the arena another span.  0 or ENOMEM. */
int	vmem_add(vmem_t *vm, vmem_addr_t base, vmem_size_t size, int flags);

/*
 * vmem_alloc / vmem_xalloc: take `size` (rounded to the quantum);
 * xalloc adds alignment, a boundary not to cross and [minaddr, maxaddr]
 * limits (0: none).  Return 0 and set *addrp, or ENOMEM.
 */
int	vmem_alloc(vmem_t *vm, vmem_size_t size, int flags, vmem_addr_t *addrp);
int	vmem_xalloc(vmem_t *vm, vmem_size_t size, vmem_size_t align,
	    vmem_size_t phase, vmem_size_t nocross, vmem_addr_t minaddr,
	    vmem_addr_t maxaddr, int flags, vmem_addr_t *addrp);

/* vmem_free: give back exactly what one vmem_alloc returned. */
void	vmem_free(vmem_t *vm, vmem_addr_t addr, vmem_size_t size);

/* Bytes in use / total in spans. */
vmem_size_t vmem_size_inuse(vmem_t *vm);
vmem_size_t vmem_size_total(vmem_t *vm);

/* vmem_check: verify the arena's lists; returns the number of problems. */
int	vmem_check(vmem_t *vm);

#endif /* !_KERNEL_VMEM_H_ */
