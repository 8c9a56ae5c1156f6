/*
 * vmparam.h - amd64 VM layout, as the machine-independent VM needs it.
 *
 * Kernel address space (the top half, shared by every pmap):
 *	0xffff800000000000  DMAP: all RAM (and at least the first 4 GiB,
 *	                    for device memory), PML4 slot 256, NX
 *	0xfffffe0000000000  kernel VA arena (kmem, malloc, mapdev), slot 508
 *	0xffffffff80000000  KERNBASE: the kernel image, slot 511
 */
#ifndef _MACHINE_VMPARAM_H_
#define _MACHINE_VMPARAM_H_

#include <machine/param.h>

/* One free list: every page is in the direct map. */
#define VM_NFREELIST		1
#define VM_FREELIST_DEFAULT	0
#define VM_FREELIST_DIRECT	0

/* The highest physical address the kernel uses (one DMAP PML4 slot). */
#define VM_PHYS_MAX_PA		0x8000000000ULL		/* 512 GiB */
/* RAM below this is direct-mapped. */
#define VM_DIRECT_MAX_PA	VM_PHYS_MAX_PA
/* Boot allocations must come from here: locore's early DMAP. */
#define VM_EARLY_MAX_PA		DMAP_EARLY_SIZE

#define DMAP_MIN_ADDRESS	DMAP_BASE
#define PHYS_TO_DMAP(pa)	((vm_offset_t)(DMAP_MIN_ADDRESS + (pa)))
#define DMAP_TO_PHYS(va)	((vm_paddr_t)((va) - DMAP_MIN_ADDRESS))

/* The kernel VA arena. */
#define VM_KVA_START		0xFFFFFE0000000000UL
#define VM_KVA_END		0xFFFFFE1000000000UL	/* 64 GiB */

/* User address space: the lower half, minus page 0 and the last page before the hole. */
#define VM_MIN_USER_ADDRESS	0x0000000000001000UL
#define VM_MAX_USER_ADDRESS	0x00007ffffffff000UL

#endif /* !_MACHINE_VMPARAM_H_ */
