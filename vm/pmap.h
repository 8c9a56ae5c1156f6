/*
 * pmap.h - the machine-dependent page-table layer, as the rest of the
 * kernel sees it.  arch/amd64/pmap.c and arch/i386/pmap.c implement it
 * on real x86 page tables; machine/pmap.h holds struct pmap.
 *
 * Wiring in the pmap is a property of page-table entries: a wired
 * mapping has the software PG_W bit, and pm_stats.wired_count counts
 * such PTEs (SEMANTICS 1.5, I-PM1, I-PM2).  The pmap never changes a
 * vm_page's wire_count: that belongs to the VM layer above.
 *
 * Page-table pages are allocated wired with reason VM_WIRE_PGTABLE.  A
 * user pmap frees a page-table page when its last entry goes; the
 * kernel's page tables are never freed.
 *
 * Locking: each pmap has a mutex (pm_mtx) taken inside these functions;
 * pv lists are under the lock of the pmaps involved.  Lock order: pmap
 * lock, then vm_free_mtx.  No function here sleeps.
 */
#ifndef _VM_PMAP_H_
#define _VM_PMAP_H_

#include <vm/vm.h>

/* Defined before machine/pmap.h, whose struct pmap embeds it. */
struct pmap_statistics {
	long	resident_count;	/* 4 KiB pages mapped */
	long	wired_count;	/* 4 KiB pages mapped by PG_W entries */
	long	pgtable_count;	/* its own page-table pages (VM_WIRE_PGTABLE),
				   the top-level one included; 0 in the
				   kernel pmap, whose tables are not counted */
};

#include <machine/pmap.h>

/* pmap_enter flags */
#define PMAP_ENTER_WIRED	0x0100	/* set PG_W, count it */
#define PMAP_ENTER_NOSLEEP	0x0200	/* fail rather than wait for memory */

extern struct pmap kernel_pmap_store;
#define kernel_pmap	(&kernel_pmap_store)

/*
 * pmap_bootstrap: build the kernel's final page tables (direct map,
 * kernel image with its protections, page tables for the kernel VA
 * range) with pages from vm_phys_early_alloc(), switch to them, and
 * initialize kernel_pmap.  Boot only, after vm_phys_init(), before
 * vm_page_startup().
 */
void	pmap_bootstrap(void);

/*
 * pmap_init: finish setting up once the page array exists (pv entries,
 * marking the kernel's own page-table pages).  Boot only.
 */
void	pmap_init(void);

/*
 * pmap_pinit: set up an empty user pmap (its top-level page table,
 * with the kernel's part shared).  Returns 0, or ENOMEM if no page was
 * available.  pmap_release: free it; it must hold no mappings
 * (resident and wired counts 0, I-PM2).  May not sleep.
 */
int	pmap_pinit(pmap_t pmap);
void	pmap_release(pmap_t pmap);

/*
 * pmap_enter: map page `m` at `va` with protection `prot`, replacing
 * any earlier mapping of `va`.  flags: VM_PROT_* bits of the access
 * that caused it (to preset A/D), PMAP_ENTER_WIRED, PMAP_ENTER_NOSLEEP.
 * Managed pages (no VPO_UNMANAGED) get a pv entry.  Returns
 * KERN_SUCCESS or KERN_RESOURCE_SHORTAGE (no page-table page or pv
 * entry could be allocated; nothing changed).
 */
int	pmap_enter(pmap_t pmap, vm_offset_t va, vm_page_t m, vm_prot_t prot,
	    u_int flags);

/*
 * pmap_remove: remove every mapping in [sva, eva); wired ones too
 * (their PG_W count goes down).  Frees user page-table pages that
 * become empty.
 */
void	pmap_remove(pmap_t pmap, vm_offset_t sva, vm_offset_t eva);

/*
 * pmap_protect: lower the protection of the valid mappings in
 * [sva, eva) to `prot` (VM_PROT_NONE removes them).  Never raises it.
 */
void	pmap_protect(pmap_t pmap, vm_offset_t sva, vm_offset_t eva,
	    vm_prot_t prot);

/* pmap_extract: the physical address `va` maps to, or 0 if none. */
vm_paddr_t pmap_extract(pmap_t pmap, vm_offset_t va);

/*
 * pmap_unwire (SEMANTICS I-PM1): clear PG_W on every valid PTE in
 * [sva, eva), skipping invalid ones; a valid PTE without PG_W is a
 * fatal inconsistency (panic).  Lowers pm_stats.wired_count.
 */
void	pmap_unwire(pmap_t pmap, vm_offset_t sva, vm_offset_t eva);

/*
 * pmap_remove_all: remove every mapping of managed page `m`, in every
 * pmap, through its pv list.
 */
void	pmap_remove_all(vm_page_t m);

/* Hardware accessed/dirty bits of managed page `m`, over all mappings. */
bool	pmap_is_modified(vm_page_t m);
void	pmap_clear_modify(vm_page_t m);
/* pmap_ts_referenced: count mappings with A set, and clear them. */
int	pmap_ts_referenced(vm_page_t m);

/*
 * pmap_mincore: what mincore(2) learns from `pmap`'s mapping of the
 * user address `va`: 0 if there is none, else MINCORE_INCORE with
 * MINCORE_REFERENCED and MINCORE_MODIFIED as the PTE's accessed and
 * dirty bits say (sys/_mman.h).  Takes the pmap's lock.
 */
int	pmap_mincore(pmap_t pmap, vm_offset_t va);

/*
 * pmap_is_wired: whether `pmap` maps the user address `va` with a
 * wired PTE (PG_W); false if it does not map it.  For the wire audit
 * and kern.proc.vmmap.  Takes the pmap's lock.
 */
bool	pmap_is_wired(pmap_t pmap, vm_offset_t va);

/*
 * pmap_copy_to_page: copy `len` bytes (at most PAGE_SIZE) from the
 * kernel address `src` to the start of page `m`, and zero the rest of
 * the page (a pager filling a page from memory).  Any context.
 */
void	pmap_copy_to_page(const void *src, vm_page_t m, size_t len);

/*
 * pmap_zero_page / pmap_copy_page: fill `m` with zeros, copy `src` to
 * `dst`.  Work for every page of RAM: through the direct map, or on
 * i386 a temporary per-CPU mapping for pages above it.  Any context.
 */
void	pmap_zero_page(vm_page_t m);
void	pmap_copy_page(vm_page_t src, vm_page_t dst);

/*
 * pmap_quick_enter_page / pmap_quick_remove_page: a kernel address for
 * the bytes of any page of RAM, for a short copy (file data to and from
 * a bounce buffer).  Through the direct map, or on i386 a temporary
 * per-CPU mapping for pages above it, held with interrupts off until
 * pmap_quick_remove_page(va): nothing in between may sleep, fault or
 * take another quick mapping.  Any context.
 */
vm_offset_t pmap_quick_enter_page(vm_page_t m);
void	pmap_quick_remove_page(vm_offset_t va);

/*
 * pmap_kenter / pmap_kenter_attr / pmap_kremove: enter or remove one
 * wired kernel mapping (read/write, no execute, no pv entry) in the
 * kernel's VA range.  The page tables must already exist
 * (pmap_growkernel).  pmap_kextract: what a kernel VA maps to, or 0.
 */
void	pmap_kenter(vm_offset_t va, vm_paddr_t pa);
void	pmap_kenter_attr(vm_offset_t va, vm_paddr_t pa, vm_memattr_t ma);
void	pmap_kremove(vm_offset_t va);
vm_paddr_t pmap_kextract(vm_offset_t va);

/*
 * pmap_growkernel: make sure page tables exist for kernel VA up to
 * `addr` (exclusive).  Returns 0 or ENOMEM (nothing allocated then
 * stays allocated past what was already grown).  Page-table pages come
 * from class INTERRUPT so kernel memory can always grow its tables.
 */
int	pmap_growkernel(vm_offset_t addr);

/* pmap_activate: make `pmap` the current address space of this CPU. */
void	pmap_activate(pmap_t pmap);

/*
 * pmap_mapdev_attr / pmap_unmapdev: map device memory [pa, pa+size)
 * into kernel VA with caching mode `ma` (VM_MEMATTR_*).  Returns the VA
 * of `pa`, or NULL if no VA was free.
 */
void	*pmap_mapdev_attr(vm_paddr_t pa, vm_size_t size, vm_memattr_t ma);
void	pmap_unmapdev(void *va, vm_size_t size);

/*
 * Counters of a pmap; unlocked reads are snapshots.  pmap_pgtable_count
 * is the number of page-table pages a user pmap owns (top level
 * included, shared kernel tables not): what its process adds to
 * vm.stats.vm.v_wire_pagetable (kinfo_proc's ki_pgtable).
 */
#define pmap_resident_count(pm)	((pm)->pm_stats.resident_count)
#define pmap_wired_count(pm)	((pm)->pm_stats.wired_count)
#define pmap_pgtable_count(pm)	((pm)->pm_stats.pgtable_count)

/*
 * pmap_invalidate_page / pmap_invalidate_range / pmap_invalidate_all:
 * the only places TLB entries are flushed (SMP shootdown goes here).
 */
void	pmap_invalidate_page(pmap_t pmap, vm_offset_t va);
void	pmap_invalidate_range(pmap_t pmap, vm_offset_t sva, vm_offset_t eva);
void	pmap_invalidate_all(pmap_t pmap);

/*
 * pmap_check_kernel: for the self tests: verify the protections of the
 * kernel image (text read-only and executable, everything else not
 * executable where the CPU has NX) and that page 0 is not mapped.
 * Prints problems, returns how many.
 */
int	pmap_check_kernel(void);

#endif /* !_VM_PMAP_H_ */
