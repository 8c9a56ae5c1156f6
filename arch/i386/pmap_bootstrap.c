/*
 * pmap_bootstrap.c - the i386 kernel's final page tables, built once at
 * boot, how to read them (pmap_kwalk), and the check of the kernel's
 * protections the self tests run (pmap_check_kernel).  The design is
 * explained at the top of pmap.c; in short, the kernel's GiB has one
 * page directory that every pmap's PDPT points at, all of its page
 * tables exist from here on, and no kernel PDE changes after
 * pmap_bootstrap().
 *
 * What pmap_bootstrap() maps, all in PDPT slot 3 (KERNBASE ..):
 *
 *	KERNBASE + [0, pmap_direct_end)	the direct window: RAM up to
 *		512 MiB and always the legacy first MiB (BIOS data area,
 *		VGA text at 0xB8000); read/write, not executable, global.
 *		2 MiB pages, except with 4 KiB pages in a page table for:
 *		the first 2 MiB (the legacy area, whose caching the MTRRs
 *		split), the last 2 MiB when the window ends inside it, and
 *		the 2 MiB blocks of the kernel image, which sits in the
 *		window at KERNBASE + 2 MiB: [_text, _etext) read-only and
 *		executable, [_rodata, _erodata) read-only, the rest of
 *		those blocks (.data, .bss, the .boot code locore ran)
 *		read/write, both not executable.
 *	VM_KVA_START .. VM_KVA_END	the kernel VA arena: page tables
 *		only, all of them (128 pages for 256 MiB), entries empty.
 *	DEVWIN_EARLY_BASE ..		the early device window: the 2 MiB
 *		uncached pages pmap_mapdev_early() made, carried over.
 *	PMAP_TMPMAP_BASE ..		one page table for the per-CPU
 *		temporary mappings, entries empty.
 *
 * Slots 0 .. 2 of the kernel pmap's PDPT are empty: no identity map,
 * page 0 faults.  "Not executable" is PG_NX, which exists only when the
 * CPU has NX and locore turned EFER.NXE on (pg_nx); without it the
 * kernel still boots, and everything readable is executable, as on a
 * non-PAE i386.  Read-only works because CR0.WP (set by locore) makes
 * the kernel honour PG_RW too.
 *
 * The tables come from one vm_phys_early_alloc() run in the early
 * direct window (so below 4 GiB, as CR3 needs); they become wired
 * VM_WIRE_PGTABLE pages in vm_page_startup() and are never freed.
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
#define CPUID_NX	(1U << 20)	/* leaf 0x80000001, EDX */
#define EFER_NXE	(1ULL << 11)
#define CR4_PAE		0x00000020
#define LEGACY_END	0x100000ULL

#define KVA_NPT		((VM_KVA_END - VM_KVA_START) / NBPDR)
#define TMPMAP_NPT	1
/* Kernel PDEs point at page tables writable by the kernel only. */
#define KPDE_BITS	(PG_V | PG_RW | PG_A)

/* Problems pmap_check_kernel prints; it counts all of them. */
#define CHECK_PRINT_MAX	10

pt_entry_t	pg_nx;
pd_entry_t	*pmap_kpd;

/* The physical address of kernel-image address `va`. */
static vm_paddr_t
kimage_pa(const void *va)
{
	return ((vm_paddr_t)((uintptr_t)va - KERNBASE));
}

/* Whether the CPU has NX (CPUID leaf 0x80000001, EDX bit 20). */
static bool
cpu_has_nx(void)
{
	uint32_t regs[4];

	do_cpuid(0x80000000, regs);
	if (regs[0] < 0x80000001)
		return (false);
	do_cpuid(0x80000001, regs);
	return ((regs[3] & CPUID_NX) != 0);
}

/* Read what the CPU offers into pmap_pg_g and pg_nx. */
static void
boot_cpu_features(void)
{
	uint32_t regs[4];

	do_cpuid(1, regs);
	pmap_pg_g = (regs[3] & CPUID_PGE) != 0 ? PG_G : 0;
	/* locore turned EFER.NXE on if the CPU has NX (EFER exists then). */
	pg_nx = cpu_has_nx() && (rdmsr(MSR_EFER) & EFER_NXE) != 0 ? PG_NX : 0;
}

/*
 * Whether the direct window's 2 MiB block `k` needs a page table (see
 * the top of the file) rather than one 2 MiB page.
 */
static bool
direct_block_needs_pt(u_long k)
{
	vm_paddr_t start = (vm_paddr_t)k * NBPDR, end = start + NBPDR;

	return (start < LEGACY_END || end > pmap_direct_end ||
	    (start < kimage_pa(_end) && end > kimage_pa(_text)));
}

/* The PTE of physical page `pa` in the direct window (4 KiB pages). */
static pt_entry_t
direct_pte(vm_paddr_t pa)
{
	pt_entry_t pte = pa | PG_V | PG_A | pmap_pg_g;

	if (pa >= pmap_direct_end)
		return (0);
	if (pa >= kimage_pa(_text) && pa < kimage_pa(_etext))
		return (pte);		/* text: read-only, executable */
	if (pa >= kimage_pa(_rodata) && pa < kimage_pa(_erodata))
		return (pte | pg_nx);		/* read-only data */
	return (pte | PG_RW | PG_M | pg_nx);
}

/*
 * Fill the direct window's part of `kpd`, taking page tables for the
 * blocks that need them from *nextp (physical, zeroed).
 */
static void
boot_map_direct(pd_entry_t *kpd, vm_paddr_t *nextp)
{
	pt_entry_t *pt;
	vm_paddr_t base;
	u_long k, i;

	for (k = 0; k < howmany(pmap_direct_end, NBPDR); k++) {
		base = (vm_paddr_t)k * NBPDR;
		if (!direct_block_needs_pt(k)) {
			kpd[k] = base | PG_V | PG_RW | PG_A | PG_M | PG_PS |
			    pmap_pg_g | pg_nx;
			continue;
		}
		pt = (pt_entry_t *)PHYS_TO_DMAP(*nextp);
		for (i = 0; i < NPTEPG; i++)
			pt[i] = direct_pte(base + ptoa(i));
		kpd[k] = *nextp | KPDE_BITS;
		*nextp += PAGE_SIZE;
	}
}

/* Point `npt` PDEs from the one of `va` at page tables from *nextp. */
static void
boot_link_pts(pd_entry_t *kpd, vm_offset_t va, u_long npt, vm_paddr_t *nextp)
{
	u_long i;

	for (i = 0; i < npt; i++) {
		kpd[pdei(va) + i] = *nextp | KPDE_BITS;
		*nextp += PAGE_SIZE;
	}
}

/*
 * Copy the early device window's 2 MiB pages, making their caching mode
 * "uncacheable" in the PAT's terms (pat_init() has run), not
 * executable and global.
 */
static void
boot_copy_devwin(pd_entry_t *kpd)
{
	const pd_entry_t *early;
	pd_entry_t uc;
	u_int i;

	early = (const pd_entry_t *)((uintptr_t)boot_kpd + KERNBASE);
	uc = (pd_entry_t)pat_pte_bits(VM_MEMATTR_UNCACHEABLE, true);
	for (i = pdei(DEVWIN_EARLY_BASE); i < pdei(DEVWIN_EARLY_END); i++) {
		if ((early[i] & PG_V) == 0)
			continue;
		KASSERT((early[i] & PG_PS) != 0,
		    ("device window PDE %u is not a 2 MiB page", i));
		kpd[i] = (early[i] & ~PG_PS_CACHE_MASK) | uc | pmap_pg_g |
		    pg_nx;
	}
}

/* Page-table pages the layout above needs. */
static u_long
boot_count_tables(void)
{
	u_long n, k;

	n = 2 + KVA_NPT + TMPMAP_NPT;		/* PDPT, kernel PD, ... */
	for (k = 0; k < howmany(pmap_direct_end, NBPDR); k++)
		if (direct_block_needs_pt(k))
			n++;
	return (n);
}

/*
 * pmap_bootstrap (vm/pmap.h): build the PDPT, the kernel's page
 * directory and the page tables described at the top of this file in
 * one run of pages from the boot allocator, switch CR3 to them and set
 * up kernel_pmap.  Boot only, after vm_phys_init(); interrupts may be
 * on (nothing here is reached by an interrupt handler before CR3
 * changes).
 */
void
pmap_bootstrap(void)
{
	vm_paddr_t pdpt_pa, kpd_pa, next;
	pdpt_entry_t *pdpt;
	pd_entry_t *kpd;
	u_long npages, i;

	pat_init();
	KASSERT((vm_offset_t)_text == trunc_page((vm_offset_t)_text) &&
	    round_page((vm_offset_t)_etext) <= (vm_offset_t)_rodata &&
	    round_page((vm_offset_t)_erodata) <= (vm_offset_t)_data,
	    ("pmap_bootstrap: kernel.ld does not page-align the image"));
	boot_cpu_features();

	pmap_direct_end = i386_direct_window_end();
	KASSERT(pmap_direct_end != 0, ("pmap_bootstrap: no memory map"));
	if (i386_early_direct_used > pmap_direct_end)
		panic("pmap_bootstrap: pmap_mapdev_early used physical %#llx "
		    "through the direct window, which ends at %#llx",
		    (unsigned long long)i386_early_direct_used,
		    (unsigned long long)pmap_direct_end);

	/* The PDPT, the kernel PD, then the direct, arena, tmpmap tables. */
	npages = boot_count_tables();
	pdpt_pa = vm_phys_early_alloc(npages, VM_WIRE_PGTABLE,
	    VM_EARLY_MAX_PA);
	for (i = 0; i < npages; i++)
		pagezero((void *)PHYS_TO_DMAP(pdpt_pa + ptoa(i)));
	pdpt = (pdpt_entry_t *)PHYS_TO_DMAP(pdpt_pa);
	kpd_pa = pdpt_pa + PAGE_SIZE;
	kpd = (pd_entry_t *)PHYS_TO_DMAP(kpd_pa);
	next = kpd_pa + PAGE_SIZE;

	boot_map_direct(kpd, &next);
	boot_link_pts(kpd, VM_KVA_START, KVA_NPT, &next);
	boot_link_pts(kpd, PMAP_TMPMAP_BASE, TMPMAP_NPT, &next);
	boot_copy_devwin(kpd);
	KASSERT(next == pdpt_pa + ptoa(npages),
	    ("pmap_bootstrap: page-table pages miscounted"));
	pdpt[KPDPTI] = kpd_pa | PG_V;

	mtx_init(&kernel_pmap->pm_mtx, "kernel pmap");
	kernel_pmap->pm_pdpt = pdpt;
	kernel_pmap->pm_cr3 = pdpt_pa;
	pmap_kpd = kpd;
	pmap_activate(kernel_pmap);
	if (pmap_pg_g != 0)
		load_cr4(rcr4() | CR4_PGE);

	printf("pmap: PAE, direct window %llu KiB (2 MiB pages), %lu "
	    "page-table pages, %sglobal pages, NX %s; kernel text "
	    "read-only\n", (unsigned long long)pmap_direct_end / 1024,
	    npages, pmap_pg_g != 0 ? "" : "no ",
	    pg_nx != 0 ? "on" : "off (no CPU support)");
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

/*
 * Walk kernel address `va`: the level where the walk ended (3: the
 * PDPT entry is not present, 2: the PDE is not present or maps a 2 MiB
 * page, 1: the PTE), and in *protp the effective entry: the leaf's bits
 * with PG_RW and PG_U only if every level has them and PG_NX if any
 * level has it (0 if not mapped).  No locks.
 */
static int
kwalk(vm_offset_t va, pt_entry_t *protp)
{
	pt_entry_t e, allow, deny;
	pt_entry_t *pt;

	*protp = 0;
	e = pte_load(&kernel_pmap->pm_pdpt[pdpti(va)]);
	if ((e & PG_V) == 0)
		return (3);
	/* A PDPT entry has no RW, U or NX bits: it allows everything. */
	e = pte_load(&((pd_entry_t *)PHYS_TO_DMAP(e & PG_FRAME))[pdei(va)]);
	if ((e & PG_V) == 0)
		return (2);
	if ((e & PG_PS) != 0) {
		*protp = e;
		return (2);
	}
	allow = e & (PG_RW | PG_U);
	deny = e & PG_NX;
	pt = (pt_entry_t *)PHYS_TO_DMAP(e & PG_FRAME);
	e = pte_load(&pt[ptei(va)]);
	if ((e & PG_V) != 0)
		*protp = (e & ~(PG_RW | PG_U)) | (e & allow) | deny;
	return (1);
}

/* pmap_kwalk (machine/pmap.h). */
int
pmap_kwalk(vm_offset_t va, pt_entry_t *entryp)
{
	return (kwalk(va, entryp));
}

/* The physical address a walk that ended at `level` with `e` gives. */
static vm_paddr_t
kwalk_pa(vm_offset_t va, int level, pt_entry_t e)
{
	if (level == 2)
		return ((e & PG_PS_FRAME) | (va & PDRMASK));
	return ((e & PG_FRAME) | (va & PAGE_MASK));
}

/* Print one problem, the first CHECK_PRINT_MAX of them; count it. */
static void
check_problem(int *problems, const char *what, vm_offset_t va,
    pt_entry_t prot)
{
	if (++*problems <= CHECK_PRINT_MAX)
		printf("pmap_check_kernel: %s at %#lx (entry bits %#llx)\n",
		    what, (u_long)va, (unsigned long long)prot);
}

/*
 * Every page of [start, end) must map KERNBASE + pa with all of `want`
 * and none of `refuse` among its effective bits.
 */
static void
check_image_range(int *problems, const char *name, const char *start,
    const char *end, pt_entry_t want, pt_entry_t refuse)
{
	vm_offset_t va;
	pt_entry_t prot;
	int level;

	for (va = (vm_offset_t)start; va < (vm_offset_t)end; va += PAGE_SIZE) {
		level = kwalk(va, &prot);
		if ((prot & PG_V) == 0)
			check_problem(problems, name, va, 0);
		else if (kwalk_pa(va, level, prot) != va - KERNBASE ||
		    (prot & want) != want || (prot & refuse) != 0)
			check_problem(problems, name, va, prot);
	}
}

/*
 * The direct window outside the image: every page maps KERNBASE + pa,
 * read/write, kernel only, not executable; nothing past its end up to
 * the kernel VA arena.
 */
static void
check_direct(int *problems)
{
	vm_offset_t va, next, img_start, img_end;
	pt_entry_t prot;
	int level;

	img_start = (vm_offset_t)_text;
	img_end = round_page((vm_offset_t)_end);
	for (va = KERNBASE; va < VM_KVA_START; va = next) {
		level = kwalk(va, &prot);
		next = (va | (vm_offset_t)(PT_SPAN(level) - 1)) + 1;
		if (va >= img_start && va < img_end)
			continue;
		if (DMAP_TO_PHYS(va) >= pmap_direct_end) {
			if ((prot & PG_V) != 0)
				check_problem(problems, "mapped past the "
				    "direct window", va, prot);
			continue;
		}
		if ((prot & PG_V) == 0 ||
		    kwalk_pa(va, level, prot) != DMAP_TO_PHYS(va) ||
		    (prot & (PG_RW | PG_U | PG_NX)) != (PG_RW | pg_nx))
			check_problem(problems, "direct window", va, prot);
	}
}

/* Every mapping in the kernel VA arena is kernel only and not executable. */
static void
check_arena(int *problems)
{
	vm_offset_t va;
	pt_entry_t prot;

	for (va = VM_KVA_START; va < VM_KVA_END; va += PAGE_SIZE) {
		if (kwalk(va, &prot) != 1)
			check_problem(problems, "arena without page table", va,
			    prot);
		else if ((prot & PG_V) != 0 &&
		    (prot & (PG_U | PG_NX)) != pg_nx)
			check_problem(problems, "arena mapping user or "
			    "executable", va, prot);
	}
}

/*
 * pmap_check_kernel (vm/pmap.h): paging is PAE with CR0.WP, and NX is on
 * in EFER whenever the CPU has it; the image has text read-only and
 * executable, rodata read-only and not executable, data read/write and
 * not executable; the direct window is read/write and not executable
 * everywhere else; the arena's mappings are not executable; nothing is
 * mapped below KERNBASE (no identity map, no page 0); the kernel pmap's
 * PDPT holds only the kernel directory.  Prints the first problems and
 * returns their count.  Boot or later, no locks (the kernel's page
 * tables are fixed).
 */
int
pmap_check_kernel(void)
{
	pt_entry_t prot, e;
	int problems = 0;
	u_int i;

	if ((rcr4() & CR4_PAE) == 0)
		check_problem(&problems, "CR4.PAE off", 0, rcr4());
	if ((rcr0() & CR0_WP) == 0)
		check_problem(&problems, "CR0.WP off: the kernel can write "
		    "to read-only pages", 0, rcr0());
	if (cpu_has_nx() && ((rdmsr(MSR_EFER) & EFER_NXE) == 0 ||
	    pg_nx != PG_NX))
		check_problem(&problems, "the CPU has NX but it is not in use",
		    0, pg_nx);
	if ((kernel_pmap->pm_cr3 & 0x1f) != 0 ||
	    kernel_pmap->pm_cr3 >= 0x100000000ULL)
		check_problem(&problems, "PDPT misplaced", 0,
		    kernel_pmap->pm_cr3);
	/* Bits outside PG_PDPTE_MASK: QEMU's TCG sets PG_A there. */
	for (i = 0; i < NPDPTEPG; i++) {
		e = pte_load(&kernel_pmap->pm_pdpt[i]) & PG_PDPTE_MASK;
		if (i < KPDPTI ? e != 0 : e != (DMAP_TO_PHYS(
		    (vm_offset_t)pmap_kpd) | PG_V))
			check_problem(&problems, "kernel PDPT entry",
			    (vm_offset_t)i << PDPTSHIFT, e);
	}
	check_image_range(&problems, "text not read-only+executable", _text,
	    _etext, 0, PG_RW | PG_U | PG_NX);
	check_image_range(&problems, "rodata not read-only+NX", _rodata,
	    _erodata, pg_nx, PG_RW | PG_U);
	check_image_range(&problems, "data not read/write+NX", _data, _end,
	    PG_RW | pg_nx, PG_U);
	check_direct(&problems);
	check_arena(&problems);
	kwalk(0, &prot);
	if ((prot & PG_V) != 0)
		check_problem(&problems, "page 0 mapped", 0, prot);
	if (problems > CHECK_PRINT_MAX)
		printf("pmap_check_kernel: %d problems in all\n", problems);
	return (problems);
}
