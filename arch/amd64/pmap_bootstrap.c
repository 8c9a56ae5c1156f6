/*
 * pmap_bootstrap.c - the kernel's final page tables, built once at boot
 * (pmap_bootstrap), how to read them (pmap_kwalk) and the check of the
 * kernel's protections the self tests run (pmap_check_kernel).
 *
 * Kernel address space (PML4 slots 256..511, shared by every pmap):
 *
 *   slot 256  DMAP_BASE + [0, dmap_max_pa)   all physical memory: at least
 *             4 GiB (device memory, firmware tables), else up to the
 *             highest RAM address, in 1 GiB pages when the CPU has them,
 *             else 2 MiB pages; read/write, not executable, global
 *   slot 508  VM_KVA_START .. VM_KVA_END     the kernel VA arena (kmem,
 *             malloc, pmap_mapdev): its PDPT exists from here on, its
 *             PDs and PTs come from pmap_growkernel; 4 KiB pages
 *   slot 511  KERNBASE + pa of the image     the kernel image only, 4 KiB
 *             pages: .text read-only and executable, .ksyms and .rodata
 *             read-only, .data and .bss read/write, the last two not
 *             executable.  The boot code (.boot*) is not mapped.
 *
 * Nothing else is mapped: no identity map, so page 0 faults.  locore's
 * tables (in .boot.bss) are dead once CR3 points here.
 *
 * The tables come from one vm_phys_early_alloc() run below 4 GiB, which
 * locore's early direct map reaches at the same DMAP_BASE; they become
 * wired VM_WIRE_PGTABLE pages in vm_page_startup() and are never freed.
 */
#include <kernel/systm.h>
#include <kernel/bootinfo.h>
#include <kernel/mutex.h>
#include <vm/vm.h>
#include <vm/vm_page.h>
#include <vm/vm_phys.h>
#include <vm/pmap.h>
#include <machine/vmparam.h>
#include <x86/cpufunc.h>
#include <x86/pat.h>

struct pmap kernel_pmap_store;
pt_entry_t pg_nx;
pt_entry_t pmap_pg_g;
vm_paddr_t dmap_max_pa;

/* kernel.ld: the image by kind of section, each kind page aligned. */
extern char _text[], _etext[], _rodata[], _erodata[], _data[], _end[];

#define MSR_EFER	0xc0000080
#define EFER_NXE	(1ULL << 11)
#define CPUID_PGE	(1U << 13)	/* leaf 1, EDX */
#define CPUID_1GPAGES	(1U << 26)	/* leaf 0x80000001, EDX */

/* The PML4 slot of the kernel image: 512 GiB from here. */
#define KERNEL_SLOT_BASE	(KERNBASE & ~(NBPML4 - 1))

/* Problems pmap_check_kernel prints; it counts all of them. */
#define CHECK_PRINT_MAX	10

/* Boot page-table pages: the early allocation, handed out in order. */
static vm_paddr_t boot_pt_next, boot_pt_end;

/* The table entry `e` points to; a fresh zeroed boot page if none. */
static pt_entry_t *
boot_next_table(pt_entry_t *e)
{
	vm_paddr_t pa;

	if ((*e & PG_V) == 0) {
		if (boot_pt_next >= boot_pt_end)
			panic("pmap_bootstrap: page-table pages miscounted");
		pa = boot_pt_next;
		boot_pt_next += PAGE_SIZE;
		pagezero((void *)PHYS_TO_DMAP(pa));
		/* Upper levels allow everything; the leaf decides. */
		*e = pa | PG_V | PG_RW | PG_A;
	}
	return ((pt_entry_t *)PHYS_TO_DMAP(*e & PG_FRAME));
}

/* Set the level-`level` entry of kernel address `va`, making tables. */
static void
boot_enter(vm_offset_t va, pt_entry_t entry, int level)
{
	pt_entry_t *table = kernel_pmap->pm_pml4;
	int l;

	for (l = PT_LEVELS; l > level; l--)
		table = boot_next_table(&table[PT_INDEX(va, l)]);
	table[PT_INDEX(va, level)] = entry;
}

/*
 * The end of physical memory the DMAP must cover: the highest RAM
 * address (memory map or vm_phys), at least 4 GiB, rounded to 1 GiB.
 */
static vm_paddr_t
boot_dmap_end(void)
{
	const struct bi_memrange *r;
	vm_paddr_t end = DMAP_EARLY_SIZE;
	int i;

	for (i = 0; i < bootinfo.nmemranges; i++) {
		r = &bootinfo.memranges[i];
		if (r->type == BI_MEM_AVAILABLE || r->type == BI_MEM_ACPI ||
		    r->type == BI_MEM_NVS)
			end = MAX(end, r->base + r->length);
	}
	for (i = 0; i < vm_phys_nsegs; i++)
		end = MAX(end, vm_phys_segs[i].end);
	return (MIN(roundup(end, NBPDP), VM_PHYS_MAX_PA));
}

/* Map [start, end) of the image with `bits`, 4 KiB pages. */
static void
boot_map_image(const char *start, const char *end, pt_entry_t bits)
{
	vm_offset_t va;

	for (va = trunc_page((vm_offset_t)start);
	    va < round_page((vm_offset_t)end); va += PAGE_SIZE)
		boot_enter(va, (va - KERNBASE) | bits, 1);
}

/* Page-table pages the layout above needs. */
static u_long
boot_count_tables(bool gbpages)
{
	vm_offset_t img_start, img_end;
	u_long n;

	n = 1;					/* the PML4 */
	n += 1;					/* DMAP PDPT */
	if (!gbpages)
		n += dmap_max_pa / NBPDP;	/* DMAP PDs */
	img_start = rounddown((vm_offset_t)_text, NBPDR);
	img_end = roundup((vm_offset_t)_end, NBPDR);
	n += 2 + (img_end - img_start) / NBPDR;	/* image PDPT, PD, PTs */
	n += 1;					/* VA arena PDPT */
	return (n);
}

/* Read what the CPU offers: sets pg_nx and pmap_pg_g; true if 1 GiB pages. */
static bool
boot_cpu_features(void)
{
	uint32_t regs[4];

	/* locore turned EFER.NXE on if the CPU has NX. */
	pg_nx = (rdmsr(MSR_EFER) & EFER_NXE) != 0 ? PG_NX : 0;
	do_cpuid(1, regs);
	pmap_pg_g = (regs[3] & CPUID_PGE) != 0 ? PG_G : 0;
	do_cpuid(0x80000001, regs);	/* locore checked that it exists */
	return ((regs[3] & CPUID_1GPAGES) != 0);
}

/* Take the first boot page as the kernel pmap's PML4. */
static void
boot_kernel_pmap_init(void)
{
	vm_paddr_t pml4_pa = boot_pt_next;

	boot_pt_next += PAGE_SIZE;
	pagezero((void *)PHYS_TO_DMAP(pml4_pa));
	kernel_pmap->pm_pml4 = (pt_entry_t *)PHYS_TO_DMAP(pml4_pa);
	kernel_pmap->pm_cr3 = pml4_pa;
	kernel_pmap->pm_stats.resident_count = 0;
	kernel_pmap->pm_stats.wired_count = 0;
	mtx_init(&kernel_pmap->pm_mtx, "kernel pmap");
}

/*
 * pmap_bootstrap: see vm/pmap.h and the layout above.  Boot only, one
 * CPU, after vm_phys_init().
 */
void
pmap_bootstrap(void)
{
	pt_entry_t kbits, dmap_bits;
	vm_paddr_t pa;
	bool gbpages;
	u_long ntables;

	pat_init();
	KASSERT((vm_offset_t)_text == trunc_page((vm_offset_t)_text) &&
	    round_page((vm_offset_t)_etext) <= (vm_offset_t)_rodata &&
	    round_page((vm_offset_t)_erodata) <= (vm_offset_t)_data &&
	    (vm_offset_t)_end - KERNBASE <= NBPDP,
	    ("pmap_bootstrap: kernel.ld does not page-align the image"));
	gbpages = boot_cpu_features();
	dmap_max_pa = boot_dmap_end();
	ntables = boot_count_tables(gbpages);
	boot_pt_next = vm_phys_early_alloc(ntables, VM_WIRE_PGTABLE,
	    VM_EARLY_MAX_PA);
	boot_pt_end = boot_pt_next + ptoa(ntables);
	boot_kernel_pmap_init();

	dmap_bits = PG_V | PG_RW | PG_A | PG_M | PG_PS | pmap_pg_g | pg_nx;
	for (pa = 0; pa < dmap_max_pa; pa += gbpages ? NBPDP : NBPDR)
		boot_enter(PHYS_TO_DMAP(pa), pa | dmap_bits, gbpages ? 3 : 2);
	kbits = PG_V | PG_A | pmap_pg_g;
	boot_map_image(_text, _etext, kbits);
	boot_map_image(_rodata, _erodata, kbits | pg_nx);
	boot_map_image(_data, _end, kbits | PG_RW | PG_M | pg_nx);
	boot_next_table(&kernel_pmap->pm_pml4[PT_INDEX(VM_KVA_START, 4)]);
	KASSERT(boot_pt_next == boot_pt_end,
	    ("pmap_bootstrap: %lu page-table pages unused",
	    (u_long)atop(boot_pt_end - boot_pt_next)));

	load_cr3(kernel_pmap->pm_cr3);
	if (pmap_pg_g != 0)
		load_cr4(rcr4() | CR4_PGE);
	printf("pmap: DMAP %llu GiB (%s pages), NX %s, global pages %s, "
	    "kernel text read-only; %lu page-table pages\n",
	    (unsigned long long)(dmap_max_pa / NBPDP),
	    gbpages ? "1 GiB" : "2 MiB", pg_nx != 0 ? "on" : "off (no CPU "
	    "support)", pmap_pg_g != 0 ? "on" : "off", ntables);
}

/*
 * Walk `va` through the kernel tables.  Returns the level (1..4) of the
 * entry where the walk ended and says whether that entry maps `va`
 * (*pap, *protp as pmap_kwalk describes them) or is invalid.
 */
static int
kwalk(vm_offset_t va, bool *mappedp, vm_paddr_t *pap, pt_entry_t *protp)
{
	pt_entry_t *table = kernel_pmap->pm_pml4, e;
	pt_entry_t allow = PG_RW | PG_U, deny = 0;
	int l;

	for (l = PT_LEVELS; l >= 1; l--) {
		e = table[PT_INDEX(va, l)];
		if ((e & PG_V) == 0)
			break;
		allow &= e;
		deny |= e & PG_NX;
		if (l == 1 || (l <= 3 && (e & PG_PS) != 0)) {
			*mappedp = true;
			*pap = (e & PG_FRAME & ~(PT_SPAN(l) - 1)) |
			    (va & (PT_SPAN(l) - 1));
			*protp = (e & ~(PG_RW | PG_U | PG_NX)) | allow | deny;
			return (l);
		}
		table = (pt_entry_t *)PHYS_TO_DMAP(e & PG_FRAME);
	}
	*mappedp = false;
	return (l);
}

/*
 * pmap_kwalk: translate kernel address `va` through the kernel pmap,
 * large pages included.  Returns true and sets *pap to the physical
 * address and *protp to the effective entry bits (PG_RW and PG_U only
 * if every level has them, PG_NX if any level has it) when `va` is
 * mapped; false otherwise.
 */
static bool
pmap_kwalk(vm_offset_t va, vm_paddr_t *pap, pt_entry_t *protp)
{
	bool mapped;

	kwalk(va, &mapped, pap, protp);
	return (mapped);
}

/*
 * pmap_kextract: see vm/pmap.h.  The direct map by arithmetic, the rest
 * by a walk.  Any context, no locks: kernel page tables are never freed.
 */
vm_paddr_t
pmap_kextract(vm_offset_t va)
{
	pt_entry_t prot;
	vm_paddr_t pa;

	if (va >= DMAP_MIN_ADDRESS && va - DMAP_MIN_ADDRESS < dmap_max_pa)
		return (DMAP_TO_PHYS(va));
	return (pmap_kwalk(va, &pa, &prot) ? pa : 0);
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
	vm_paddr_t pa;
	pt_entry_t prot;

	for (va = (vm_offset_t)start; va < (vm_offset_t)end; va += PAGE_SIZE) {
		if (!pmap_kwalk(va, &pa, &prot))
			check_problem(problems, name, va, 0);
		else if (pa != va - KERNBASE || (prot & want) != want ||
		    (prot & refuse) != 0)
			check_problem(problems, name, va, prot);
	}
}

/* Nothing in the image's PML4 slot is mapped outside the image. */
static void
check_image_slot(int *problems)
{
	vm_offset_t va, next, img_start, img_end;
	pt_entry_t prot;
	vm_paddr_t pa;
	bool mapped;
	int level;

	img_start = (vm_offset_t)_text;
	img_end = round_page((vm_offset_t)_end);
	for (va = KERNEL_SLOT_BASE; va != 0; va = next) {
		level = kwalk(va, &mapped, &pa, &prot);
		next = (va | (PT_SPAN(level) - 1)) + 1;
		if (mapped && (va < img_start || va >= img_end))
			check_problem(problems, "mapped outside the kernel "
			    "image", va, prot);
	}
}

/* The DMAP: every page maps DMAP_BASE + pa, read/write, kernel only, NX. */
static void
check_dmap(int *problems)
{
	vm_offset_t va, next;
	pt_entry_t prot;
	vm_paddr_t pa;
	bool mapped;
	int level;

	for (va = DMAP_MIN_ADDRESS; va < DMAP_MIN_ADDRESS + dmap_max_pa;
	    va = next) {
		level = kwalk(va, &mapped, &pa, &prot);
		next = (va | (PT_SPAN(level) - 1)) + 1;
		if (!mapped || pa != DMAP_TO_PHYS(va) ||
		    (prot & (PG_RW | PG_U | pg_nx)) != (PG_RW | pg_nx))
			check_problem(problems, "direct map", va, prot);
	}
}

/*
 * pmap_check_kernel: see vm/pmap.h.  Also checks the direct map, that
 * nothing else is mapped in the image's PML4 slot and that the kernel
 * pmap's user half is empty.  No locks (kernel tables are never freed).
 */
int
pmap_check_kernel(void)
{
	pt_entry_t prot;
	vm_paddr_t pa;
	int problems = 0, i;

	check_image_range(&problems, "text not read-only+executable", _text,
	    _etext, 0, PG_RW | PG_U | PG_NX);
	check_image_range(&problems, "rodata not read-only+NX", _rodata,
	    _erodata, pg_nx, PG_RW | PG_U);
	check_image_range(&problems, "data not read/write+NX", _data, _end,
	    PG_RW | pg_nx, PG_U);
	check_image_slot(&problems);
	check_dmap(&problems);
	for (i = 0; i < NUPML4E; i++)
		if (kernel_pmap->pm_pml4[i] != 0)
			check_problem(&problems, "kernel pmap maps user half",
			    (vm_offset_t)i << PML4SHIFT,
			    kernel_pmap->pm_pml4[i]);
	if (pmap_kwalk(0, &pa, &prot))
		check_problem(&problems, "page 0 mapped", 0, prot);
	if (problems > CHECK_PRINT_MAX)
		printf("pmap_check_kernel: %d problems in all\n", problems);
	return (problems);
}
