/*
 * vm_phys.h - physical memory: the segments of usable RAM, the boot-time
 * page allocator, and the buddy allocator that owns free pages.
 *
 * Segments are the usable RAM ranges of the memory map minus everything
 * the kernel must not hand out (page 0, the kernel image, modules, the
 * boot information), cut at the end of the direct map so each segment
 * lies in one free list.  Before the page array exists,
 * vm_phys_early_alloc() takes pages off segment ends and records them;
 * vm_page_startup() later marks those pages wired with their reason.
 *
 * Free pages live in power-of-two blocks of 1 .. 2^(VM_NFREEORDER-1)
 * pages (4 MiB), naturally aligned, one queue per (free list, order).
 * Freeing merges a block with its buddy while the buddy is free too.
 * Only the head page of a free block has PG_FREE set; its `order` says
 * how big the block is.
 *
 * Locking: everything below that touches the queues needs vm_free_mtx
 * (the callers in vm_page.c take it).  Host-testable: no pmap calls.
 */
#ifndef _VM_VM_PHYS_H_
#define _VM_VM_PHYS_H_

#include <vm/vm.h>
#include <vm/vm_page.h>
#include <machine/vmparam.h>

#define VM_NFREEORDER	11		/* orders 0 .. 10: 4 KiB .. 4 MiB */
#define VM_PHYSSEG_MAX	32
#define VM_EARLY_MAX	32		/* boot allocations remembered */

struct vm_phys_seg {
	vm_paddr_t	start;		/* (c) first byte, page aligned */
	vm_paddr_t	end;		/* (c) one past the last byte */
	vm_page_t	first_page;	/* (c) its first vm_page */
	int		freelist;	/* (c) VM_FREELIST_* */
};

/* A range handed out by vm_phys_early_alloc(). */
struct vm_phys_early {
	vm_paddr_t	start;
	u_long		npages;
	enum vm_wire_reason reason;
};

extern struct vm_phys_seg vm_phys_segs[VM_PHYSSEG_MAX];	/* (c) */
extern int	vm_phys_nsegs;					/* (c) */
extern struct vm_phys_early vm_phys_early_allocs[VM_EARLY_MAX];
extern int	vm_phys_nearly;
extern u_long	vm_phys_freelist_count[VM_NFREELIST];	/* (f) free pages */

struct bootinfo;

/*
 * vm_phys_init: build the segments from the boot information: usable
 * RAM below VM_PHYS_MAX_PA, minus page 0, the kernel image, modules and
 * the multiboot2 block.  Boot only, once, before pmap_bootstrap().
 */
void	vm_phys_init(const struct bootinfo *bi);

/*
 * vm_phys_add_seg / vm_phys_exclude: the pieces vm_phys_init is made
 * of, exposed so the host tests can describe a machine.  add_seg adds
 * usable RAM [start, end) (rounded inward to pages, split at the direct
 * map's end); exclude removes [start, end) (rounded outward) from all
 * segments.  Boot only.
 */
void	vm_phys_add_seg(vm_paddr_t start, vm_paddr_t end);
void	vm_phys_exclude(vm_paddr_t start, vm_paddr_t end);

/* vm_phys_ram_bytes: the bytes of RAM the segments cover. */
vm_paddr_t vm_phys_ram_bytes(void);

/*
 * vm_phys_early_alloc: take `npages` contiguous pages below `high` for
 * the boot: page tables before the pmap runs, the page array.  Returns
 * the physical address (not zeroed); panics if nothing fits.  The pages
 * are recorded and become wired pages with `reason` in
 * vm_page_startup().  Boot only, before vm_page_startup().
 */
vm_paddr_t vm_phys_early_alloc(u_long npages, enum vm_wire_reason reason,
	    vm_paddr_t high);

/*
 * vm_phys_set_page_array: tell vm_phys where each segment's vm_pages
 * are (`array` covers all segments in order), once the array exists.
 * Called by vm_page_startup().
 */
void	vm_phys_set_page_array(vm_page_t array);

/* vm_phys_find_page: the vm_page of `pa`, or NULL if not in a segment. */
vm_page_t vm_phys_find_page(vm_paddr_t pa);

/*
 * vm_phys_free_pages: give the block of 2^order pages at `m` (aligned
 * to its size) to the allocator, merging it with free buddies.
 * vm_phys_free_range: the same for any run of pages, cut into aligned
 * blocks.  Neither touches wire counts.  vm_free_mtx held.
 */
void	vm_phys_free_pages(vm_page_t m, int order);
void	vm_phys_free_range(vm_page_t m, u_long npages);

/*
 * vm_phys_alloc_pages: a free block of 2^order pages from `freelist`,
 * split from a larger one if needed, or NULL.  vm_free_mtx held.
 */
vm_page_t vm_phys_alloc_pages(int freelist, int order);

/*
 * vm_phys_alloc_contig: `npages` free contiguous pages in [low, high)
 * from the free lists in `freelist_mask` (bit i: list i), aligned to
 * `alignment` bytes and not crossing a `boundary` multiple (0: none);
 * the pages outside the run go back to the allocator.  Any size; cost
 * linear in the range searched.  Returns the first page or NULL.
 * vm_free_mtx held.
 */
vm_page_t vm_phys_alloc_contig(u_int freelist_mask, u_long npages,
	    vm_paddr_t low, vm_paddr_t high, u_long alignment,
	    vm_paddr_t boundary);

/* vm_phys_free_count: pages in the buddy allocator.  vm_free_mtx held. */
u_long	vm_phys_free_count(void);

/*
 * vm_phys_check: verify the buddy queues (every block aligned, inside a
 * segment, free-flagged, not overlapping another, counts right).
 * Prints what is wrong; returns the number of problems.  vm_free_mtx
 * held.
 */
int	vm_phys_check(void);

#endif /* !_VM_VM_PHYS_H_ */
