/*
 * vmparam.h - i386 VM layout, as the machine-independent VM needs it.
 *
 * Kernel address space (the top GiB, shared by every pmap):
 *	0xC0000000  direct window: physical 0 .. 512 MiB (kernel image,
 *	            page tables, the page array, uma slabs)
 *	0xE0000000  kernel VA arena (kmem, malloc, mapdev): 256 MiB
 *	0xF0000000  early device window (firmware tables, framebuffer)
 *	0xFF000000  per-CPU temporary mappings (pmap_zero/copy_page)
 *
 * RAM above 512 MiB (up to 4 GiB) has no permanent mapping: it
 * is reached through pmap_enter/pmap_kenter or the temporary mappings.
 * Page-table pages must be direct-mapped, so they come from the DIRECT
 * free list; other allocations prefer the high list and fall back.
 */
#ifndef _MACHINE_VMPARAM_H_
#define _MACHINE_VMPARAM_H_

#include <machine/param.h>

#define VM_NFREELIST		2
#define VM_FREELIST_DEFAULT	0	/* above the direct window */
#define VM_FREELIST_DIRECT	1	/* inside it */

/*
 * RAM below 4 GiB only: PAE entries could hold wider addresses, but the
 * pmap keeps page tables, PDPTs and managed pages under 4 GiB.
 */
#define VM_PHYS_MAX_PA		0x100000000ULL
#define VM_DIRECT_MAX_PA	0x20000000ULL		/* 512 MiB */
#define VM_EARLY_MAX_PA		VM_DIRECT_MAX_PA

#define DMAP_MIN_ADDRESS	KERNBASE
#define PHYS_TO_DMAP(pa)	((vm_offset_t)(KERNBASE + (vm_offset_t)(pa)))
#define DMAP_TO_PHYS(va)	((vm_paddr_t)((va) - KERNBASE))

#define VM_KVA_START		0xE0000000UL
#define VM_KVA_END		0xF0000000UL

/* User address space: below KERNBASE, minus page 0 and the top 4 MiB. */
#define VM_MIN_USER_ADDRESS	0x00001000UL
#define VM_MAX_USER_ADDRESS	0xbfc00000UL

#endif /* !_MACHINE_VMPARAM_H_ */
