/*
 * pmap_tlb.c - TLB invalidation for both x86 pmaps: the only place that
 * flushes translations after a page-table change.  With one CPU, a
 * flush on this CPU is all there is; an SMP shootdown (IPI the CPUs that
 * may cache `pmap`'s entries) goes here and nowhere else.
 */
#include <kernel/systm.h>
#include <vm/vm.h>
#include <vm/pmap.h>
#include <x86/cpufunc.h>

/* Past this many pages, flushing everything is cheaper than invlpg. */
#define PMAP_INVLPG_MAX	32

/*
 * Whether this CPU may hold a translation of `va` through `pmap`:
 * kernel addresses are shared by every pmap; a user pmap's entries are
 * not global, so only the loaded one can be in the TLB.
 */
static bool
pmap_in_tlb(pmap_t pmap, vm_offset_t va)
{
	return (va >= VM_MIN_KERNEL_ADDRESS || pmap == kernel_pmap ||
	    (rcr3() & ~(unsigned long)PAGE_MASK) == pmap->pm_cr3);
}

/* pmap_invalidate_page (vm/pmap.h): invlpg.  Any context. */
void
pmap_invalidate_page(pmap_t pmap, vm_offset_t va)
{
	if (pmap_in_tlb(pmap, va))
		invlpg(va);
}

/*
 * pmap_invalidate_range (vm/pmap.h): invlpg each page, or the whole TLB
 * for more than PMAP_INVLPG_MAX pages.  Any context.
 */
void
pmap_invalidate_range(pmap_t pmap, vm_offset_t sva, vm_offset_t eva)
{
	vm_offset_t va;

	if (!pmap_in_tlb(pmap, sva))
		return;
	if (eva - sva > ptoa(PMAP_INVLPG_MAX)) {
		pmap_invalidate_all(pmap);
		return;
	}
	for (va = sva; va < eva; va += PAGE_SIZE)
		invlpg(va);
}

/*
 * pmap_invalidate_all (vm/pmap.h): a CR3 reload drops a loaded user
 * pmap's entries; the kernel's are global (PG_G) when the CPU has global
 * pages, and only toggling CR4.PGE drops those.  Any context.
 */
void
pmap_invalidate_all(pmap_t pmap)
{
	unsigned long cr4;

	if (pmap == kernel_pmap && pmap_pg_g != 0) {
		cr4 = rcr4();
		load_cr4(cr4 & ~CR4_PGE);
		load_cr4(cr4);
	} else if (pmap_in_tlb(pmap, 0))
		load_cr3(rcr3());
}
