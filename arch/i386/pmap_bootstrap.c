/*
 * pmap_bootstrap.c - the i386 kernel's final page tables, built once at
 * boot, and the checks on them.  The design is explained at the top of
 * pmap.c; in short, every kernel page table exists from here on and no
 * kernel PDE changes after pmap_bootstrap(), so user pmaps copy them.
 *
 * What pmap_bootstrap() maps (all 4 KiB pages unless said otherwise):
 *
 *	KERNBASE + [0, pmap_direct_end)	the direct window: RAM up to
 *		512 MiB and always the legacy first MiB (BIOS data area,
 *		VGA text at 0xB8000).  The kernel image sits in it at
 *		KERNBASE + 2 MiB: [_text, _erodata) read-only, the rest
 *		read/write.
 *	VM_KVA_START .. VM_KVA_END	the kernel VA arena: page tables
 *		only, all of them (64 pages for 256 MiB), entries empty.
 *	DEVWIN_EARLY_BASE ..		the early device window: the 4 MiB
 *		uncached pages pmap_mapdev_early() made, carried over.
 *	PMAP_TMPMAP_BASE ..		one page table for the per-CPU
 *		temporary mappings, entries empty.
 *
 * Nothing below KERNBASE: no identity map, page 0 faults.
 *
 * No NX: without PAE, i386 page-table entries have no execute-disable
 * bit, so data and stacks stay executable.  Read-only text works
 * because CR0.WP (set by locore) makes the kernel honour PG_RW too.
 */
#include <kernel/systm.h>
#include <sys/errno.h>
#include <vm/vm.h>
#include <vm/vm_page.h>
#include <vm/vm_phys.h>
#include <vm/pmap.h>
#include <x86/cpufunc.h>
#include <x86/pat.h>

#define CPUID_PGE	(1U << 13)	/* leaf 1, EDX */

#define KVA_NPT		((VM_KVA_END - VM_KVA_START) / NBPDR)
#define TMPMAP_NPT	1
/* Kernel PDEs point at page tables writable by the kernel only. */
#define KPDE_BITS	(PG_V | PG_RW | PG_A)

/* The physical page of the kernel image holding kernel address `va`. */
static vm_paddr_t
kimage_pa(const char *va)
{
	return ((vm_paddr_t)((uintptr_t)va - KERNBASE));
}

/* Fill the direct window's page tables at `pt` (contiguous). */
static void
pmap_fill_direct(pt_entry_t *pt, vm_paddr_t end)
{
	vm_paddr_t pa, ro_start, ro_end;
	pt_entry_t pte;

	ro_start = kimage_pa(_text);
	ro_end = kimage_pa(_erodata);
	for (pa = 0; pa < end; pa += PAGE_SIZE) {
		pte = (pt_entry_t)pa | PG_V | PG_A | pmap_pg_g;
		if (pa < ro_start || pa >= ro_end)
			pte |= PG_RW | PG_M;
		pt[atop(pa)] = pte;
	}
}

/*
 * Point `npt` PDEs from the one of `va` at the page tables starting at
 * physical `pt_pa`.
 */
static void
pmap_link_pts(pd_entry_t *pd, vm_offset_t va, vm_paddr_t pt_pa, u_long npt)
{
	u_long i;

	for (i = 0; i < npt; i++)
		pd[pdei(va) + i] = (pd_entry_t)(pt_pa + ptoa(i)) | KPDE_BITS;
}

/*
 * Copy the early device window's 4 MiB pages, making their caching mode
 * "uncacheable" in the PAT's terms (pat_init() has run).
 */
static void
pmap_copy_devwin(pd_entry_t *pd)
{
	const pd_entry_t *early;
	pd_entry_t uc;
	u_int i;

	early = (const pd_entry_t *)((uintptr_t)boot_pd + KERNBASE);
	uc = (pd_entry_t)pat_pte_bits(VM_MEMATTR_UNCACHEABLE, true);
	for (i = pdei(DEVWIN_EARLY_BASE); i < pdei(DEVWIN_EARLY_END); i++) {
		if ((early[i] & PG_V) == 0)
			continue;
		KASSERT((early[i] & PG_PS) != 0,
		    ("device window PDE %u is not a 4 MiB page", i));
		pd[i] = (early[i] & ~PG_PS_CACHE_MASK) | uc | pmap_pg_g;
	}
}

/*
 * pmap_bootstrap (vm/pmap.h): build the page directory and page tables
 * described at the top of this file in one run of pages from the boot
 * allocator, switch CR3 to them and set up kernel_pmap.  Boot only,
 * after vm_phys_init(), interrupts may be on (nothing here is reached
 * by an interrupt handler before CR3 changes).
 */
void
pmap_bootstrap(void)
{
	vm_paddr_t pd_pa, direct_pa;
	pd_entry_t *pd;
	u_long ndirect, npages, i;
	uint32_t regs[4];

	pat_init();
	do_cpuid(1, regs);
	if ((regs[3] & CPUID_PGE) != 0)
		pmap_pg_g = PG_G;

	pmap_direct_end = i386_direct_window_end();
	KASSERT(pmap_direct_end != 0, ("pmap_bootstrap: no memory map"));
	if (i386_early_direct_used > pmap_direct_end)
		panic("pmap_bootstrap: pmap_mapdev_early used physical %#llx "
		    "through the direct window, which ends at %#llx",
		    (unsigned long long)i386_early_direct_used,
		    (unsigned long long)pmap_direct_end);
	ndirect = howmany(pmap_direct_end, NBPDR);

	/* The page directory, then the direct, arena and tmpmap tables. */
	npages = 1 + ndirect + KVA_NPT + TMPMAP_NPT;
	pd_pa = vm_phys_early_alloc(npages, VM_WIRE_PGTABLE, VM_EARLY_MAX_PA);
	for (i = 0; i < npages; i++)
		pagezero((void *)PHYS_TO_DMAP(pd_pa + ptoa(i)));
	pd = (pd_entry_t *)PHYS_TO_DMAP(pd_pa);
	direct_pa = pd_pa + PAGE_SIZE;

	pmap_fill_direct((pt_entry_t *)PHYS_TO_DMAP(direct_pa),
	    pmap_direct_end);
	pmap_link_pts(pd, KERNBASE, direct_pa, ndirect);
	pmap_link_pts(pd, VM_KVA_START, direct_pa + ptoa(ndirect), KVA_NPT);
	pmap_link_pts(pd, PMAP_TMPMAP_BASE,
	    direct_pa + ptoa(ndirect + KVA_NPT), TMPMAP_NPT);
	pmap_copy_devwin(pd);

	mtx_init(&kernel_pmap->pm_mtx, "kernel pmap");
	kernel_pmap->pm_pdir = pd;
	kernel_pmap->pm_cr3 = pd_pa;
	pmap_activate(kernel_pmap);
	if (pmap_pg_g != 0)
		load_cr4(rcr4() | CR4_PGE);

	printf("pmap: direct window %llu KiB, %lu page-table pages, "
	    "%sglobal pages; no NX (no PAE); kernel text and rodata "
	    "read-only\n",
	    (unsigned long long)pmap_direct_end / 1024, npages,
	    pmap_pg_g != 0 ? "" : "no ");
}

/*
 * pmap_growkernel (vm/pmap.h): every page table of the kernel VA arena
 * exists from pmap_bootstrap() on, so this only checks the bound.  No
 * locks, any context.
 */
int
pmap_growkernel(vm_offset_t addr)
{
	return (addr <= VM_KVA_END ? 0 : ENOMEM);
}

/* Check one page of the kernel image: mapped, and writable or not. */
static int
pmap_check_kpage(vm_offset_t va, bool writable)
{
	pt_entry_t *pte;

	pte = pmap_pte(kernel_pmap, va);
	if (pte == NULL || (*pte & PG_V) == 0) {
		printf("pmap_check_kernel: kernel page %#lx is not mapped\n",
		    (u_long)va);
		return (1);
	}
	if (((*pte & PG_RW) != 0) != writable) {
		printf("pmap_check_kernel: kernel page %#lx is %s\n",
		    (u_long)va, writable ? "read-only" : "writable");
		return (1);
	}
	return (0);
}

/*
 * pmap_check_kernel (vm/pmap.h): the read-only part of the image is
 * mapped read-only and the rest writable, CR0.WP is on, and nothing is
 * mapped below KERNBASE (so no identity map and no page 0).  NX cannot
 * be checked: i386 without PAE has no NX bit.  Prints each problem
 * (one line per page-directory entry or page) and returns the count.
 * Boot or later, no locks (the kernel's page tables are fixed).
 */
int
pmap_check_kernel(void)
{
	vm_offset_t va;
	int problems = 0;
	u_int i;

	for (i = 0; i < KPDI; i++) {
		if (kernel_pmap->pm_pdir[i] != 0) {
			printf("pmap_check_kernel: PDE %u (va %#lx) below "
			    "KERNBASE is %#x\n", i, (u_long)i << PDRSHIFT,
			    kernel_pmap->pm_pdir[i]);
			problems++;
		}
	}
	if ((rcr0() & CR0_WP) == 0) {
		printf("pmap_check_kernel: CR0.WP is off: the kernel can "
		    "write to read-only pages\n");
		problems++;
	}
	for (va = (vm_offset_t)_text; va < (vm_offset_t)_erodata;
	    va += PAGE_SIZE)
		problems += pmap_check_kpage(va, false);
	for (va = (vm_offset_t)_erodata; va < (vm_offset_t)_end;
	    va += PAGE_SIZE)
		problems += pmap_check_kpage(va, true);
	return (problems);
}
