/*
 * test_pmap_pae.c - self tests of what is particular to the i386 PAE
 * pmap (arch/i386/pmap.c), through its entries: the 64-bit entry
 * primitives (machine/pte.h), the PDPT of a user pmap (a page below 4
 * GiB, 32-byte aligned, sharing the kernel's page directory), NX on
 * every mapping without VM_PROT_EXECUTE (user and kernel), page
 * directories and page tables allocated on demand and freed when empty
 * level by level, and a new PDPT entry of the active pmap reaching the
 * CPU (which reads PDPT entries only when CR3 is loaded).  The
 * machine-independent behaviour is test_pmap.c's, on both ARCHes; these
 * exist on i386 only.
 */
#if defined(__i386__)
#include <kernel/systm.h>
#include <kernel/ktest.h>
#include <kernel/machdep.h>
#include <vm/vm.h>
#include <vm/vm_page.h>
#include <vm/vmmeter.h>
#include <vm/vm_kern.h>
#include <vm/pmap.h>
#include <machine/vmparam.h>
#include <x86/cpufunc.h>
#include "ktest_vm.h"

#define CR4_PAE		0x00000020

/* Addresses in PDPT slot 1: two page tables under one directory. */
#define PVA0	0x40000000UL
#define PVA1	0x40200000UL

static u_long
pgtable_pages(void)
{
	return (vm_cnt.v_wire_by_reason[VM_WIRE_PGTABLE]);
}

/* The PTE of `va` in `pm`, or 0 if there is none. */
static pt_entry_t
pte_of(pmap_t pm, vm_offset_t va)
{
	pt_entry_t *pte;

	pte = pmap_pte(pm, va);
	return (pte == NULL ? 0 : pte_load(pte));
}

/* The CPU does have NX (then pg_nx must be PG_NX). */
static bool
cpu_has_nx(void)
{
	uint32_t regs[4];

	do_cpuid(0x80000000, regs);
	if (regs[0] < 0x80000001)
		return (false);
	do_cpuid(0x80000001, regs);
	return ((regs[3] & (1U << 20)) != 0);
}

/*
 * The 64-bit entry primitives keep both halves: NX (bit 63) and the low
 * bits survive every update, a failed compare-and-exchange changes
 * nothing and returns what is there.
 */
KTEST(pae_pte_primitives_are_64_bit)
{
	static pt_entry_t e __aligned(8);
	pt_entry_t v = PG_NX | 0x12345000ULL | PG_V | PG_RW;

	e = 0;
	KT_CHECK(pte_store(&e, v) == 0);
	KT_CHECK(pte_load(&e) == v, "load %#llx", (unsigned long long)e);
	KT_CHECK(pte_cmpxchg(&e, v | PG_A, 0) == v, "a failed exchange "
	    "returned another value");
	KT_CHECK(pte_load(&e) == v, "a failed exchange stored");
	KT_CHECK(pte_update(&e, PG_RW, PG_W | PG_M) == v);
	KT_CHECK(pte_load(&e) == (PG_NX | 0x12345000ULL | PG_V | PG_W | PG_M),
	    "update gave %#llx", (unsigned long long)pte_load(&e));
	KT_CHECK(pte_update(&e, PG_NX, 0) >> 63 == 1);
	KT_CHECK(pte_load(&e) >> 32 == 0, "NX not cleared");
	KT_CHECK(pte_load_clear(&e) == (0x12345000ULL | PG_V | PG_W | PG_M));
	KT_CHECK(pte_load(&e) == 0);
}

/*
 * Paging is PAE; every PDPT (the kernel's, a user pmap's) is below 4
 * GiB and 32-byte aligned, a user PDPT starts with no user directory
 * and its slot 3 is the kernel's page directory, the same for all.
 */
KTEST(pae_pdpt_below_4g_shares_kernel_directory)
{
	struct pmap pma, pmb;
	u_long base = pgtable_pages();
	u_int i;

	KT_CHECK((rcr4() & CR4_PAE) != 0, "CR4.PAE is off");
	KT_CHECK(kernel_pmap->pm_cr3 < 0x100000000ULL &&
	    (kernel_pmap->pm_cr3 & 0x1f) == 0);
	KT_REQUIRE(pmap_pinit(&pma) == 0);
	if (pmap_pinit(&pmb) != 0) {
		pmap_release(&pma);
		KT_REQUIRE(false, "no page for a second pmap");
	}
	KT_CHECK(pgtable_pages() == base + 2, "a PDPT is not one page");
	KT_CHECK(pma.pm_cr3 < 0x100000000ULL && (pma.pm_cr3 & 0x1f) == 0,
	    "PDPT at %#llx", (unsigned long long)pma.pm_cr3);
	KT_CHECK(pma.pm_cr3 < pmap_direct_end);
	KT_CHECK(pma.pm_cr3 != pmb.pm_cr3);
	for (i = 0; i < KPDPTI; i++)
		KT_CHECK(pte_load(&pma.pm_pdpt[i]) == 0, "slot %u used", i);
	KT_CHECK((pte_load(&pma.pm_pdpt[KPDPTI]) & PG_FRAME) ==
	    DMAP_TO_PHYS((vm_offset_t)pmap_kpd));
	KT_CHECK((pte_load(&pmb.pm_pdpt[KPDPTI]) & PG_FRAME) ==
	    DMAP_TO_PHYS((vm_offset_t)pmap_kpd));
	/* A kernel address reads the same through any pmap. */
	KT_CHECK(pmap_extract(&pma, (vm_offset_t)&vm_cnt) ==
	    pmap_kextract((vm_offset_t)&vm_cnt));
	pmap_release(&pma);
	pmap_release(&pmb);
	KT_CHECK(pgtable_pages() == base);
}

/*
 * NX on every mapping without VM_PROT_EXECUTE: pmap_enter sets it,
 * pmap_protect sets it when execute goes and never clears it; kernel
 * arena mappings (pmap_kenter) have it.  Without NX in the CPU no entry
 * has the bit (it would be a reserved bit).
 */
KTEST(pae_nx_on_data_mappings)
{
	struct pmap pm;
	vm_page_t m;
	vm_offset_t kva;
	pt_entry_t nx = cpu_has_nx() ? PG_NX : 0;

	KT_CHECK(pg_nx == nx, "pg_nx %#llx, CPU NX %#llx",
	    (unsigned long long)pg_nx, (unsigned long long)nx);
	if (nx == 0)
		printf("# this CPU has no NX: checking that no entry has it\n");
	m = vm_page_alloc_noobj(VM_ALLOC_NORMAL);
	KT_REQUIRE(m != NULL);
	if (pmap_pinit(&pm) != 0) {
		vm_page_free(m);
		KT_REQUIRE(false, "no page for a pmap");
	}
	KT_CHECK(pmap_enter(&pm, PVA0, m, VM_PROT_RW, 0) == KERN_SUCCESS);
	KT_CHECK((pte_of(&pm, PVA0) & PG_NX) == nx, "read/write: %#llx",
	    (unsigned long long)pte_of(&pm, PVA0));
	KT_CHECK(pmap_enter(&pm, PVA0 + PAGE_SIZE, m, VM_PROT_READ, 0) ==
	    KERN_SUCCESS);
	KT_CHECK((pte_of(&pm, PVA0 + PAGE_SIZE) & PG_NX) == nx);
	KT_CHECK(pmap_enter(&pm, PVA0 + 2 * PAGE_SIZE, m, VM_PROT_READ |
	    VM_PROT_EXECUTE, 0) == KERN_SUCCESS);
	KT_CHECK((pte_of(&pm, PVA0 + 2 * PAGE_SIZE) & PG_NX) == 0);
	KT_CHECK(pmap_enter(&pm, PVA0 + 3 * PAGE_SIZE, m, VM_PROT_ALL, 0) ==
	    KERN_SUCCESS);
	KT_CHECK((pte_of(&pm, PVA0 + 3 * PAGE_SIZE) & (PG_NX | PG_RW)) ==
	    PG_RW);
	/* Re-entering with execute clears it: that is pmap_enter's call. */
	KT_CHECK(pmap_enter(&pm, PVA0, m, VM_PROT_ALL, 0) == KERN_SUCCESS);
	KT_CHECK((pte_of(&pm, PVA0) & PG_NX) == 0);
	/* pmap_protect takes execute away, and never gives it. */
	pmap_protect(&pm, PVA0, PVA0 + 4 * PAGE_SIZE, VM_PROT_READ |
	    VM_PROT_WRITE);
	KT_CHECK((pte_of(&pm, PVA0) & PG_NX) == nx);
	KT_CHECK((pte_of(&pm, PVA0 + 2 * PAGE_SIZE) & PG_NX) == nx);
	KT_CHECK((pte_of(&pm, PVA0 + 3 * PAGE_SIZE) & (PG_NX | PG_RW)) ==
	    (nx | PG_RW), "write went with execute");
	pmap_protect(&pm, PVA0, PVA0 + 4 * PAGE_SIZE, VM_PROT_ALL);
	KT_CHECK((pte_of(&pm, PVA0 + 2 * PAGE_SIZE) & PG_NX) == nx,
	    "pmap_protect raised execute");
	KT_CHECK(pmap_resident_count(&pm) == 4);
	pmap_remove(&pm, PVA0, PVA0 + 4 * PAGE_SIZE);
	pmap_release(&pm);

	kva = kva_alloc(PAGE_SIZE);
	KT_REQUIRE(kva != 0);
	pmap_kenter(kva, VM_PAGE_TO_PHYS(m));
	KT_CHECK((pte_of(kernel_pmap, kva) & (PG_NX | PG_V | PG_U)) ==
	    (nx | PG_V), "kernel arena mapping %#llx",
	    (unsigned long long)pte_of(kernel_pmap, kva));
	pmap_kremove(kva);
	kva_free(kva, PAGE_SIZE);
	vm_page_free(m);
}

/*
 * A page directory and a page table come with the first mapping of a
 * GiB, a second page table with the next 2 MiB, and each goes when its
 * last entry goes: the page table, then the directory and its PDPT
 * slot.
 */
KTEST(pae_pgtable_pages_freed_when_empty)
{
	struct pmap pm;
	vm_page_t m, pdpt;
	u_long base;

	m = vm_page_alloc_noobj(VM_ALLOC_NORMAL);
	KT_REQUIRE(m != NULL);
	base = pgtable_pages();
	if (pmap_pinit(&pm) != 0) {
		vm_page_free(m);
		KT_REQUIRE(false, "no page for a pmap");
	}
	pdpt = PHYS_TO_VM_PAGE(pm.pm_cr3);
	KT_CHECK(pgtable_pages() == base + 1);
	KT_CHECK(pmap_enter(&pm, PVA0, m, VM_PROT_RW, 0) == KERN_SUCCESS);
	KT_CHECK(pgtable_pages() == base + 3, "%lu pages for the first "
	    "mapping of a GiB, want a directory and a table",
	    pgtable_pages() - base - 1);
	KT_CHECK((pte_load(&pm.pm_pdpt[pdpti(PVA0)]) & PG_V) != 0);
	KT_CHECK(pdpt->plinks.ptp.entries == 1);
	KT_CHECK(pmap_enter(&pm, PVA1, m, VM_PROT_RW, 0) == KERN_SUCCESS);
	KT_CHECK(pgtable_pages() == base + 4, "next 2 MiB: not one table");

	pmap_remove(&pm, PVA0, PVA0 + PAGE_SIZE);
	KT_CHECK(pgtable_pages() == base + 3, "empty page table kept");
	KT_CHECK((pte_load(&pm.pm_pdpt[pdpti(PVA0)]) & PG_V) != 0,
	    "directory freed with a table left in it");
	KT_CHECK(pmap_pte(&pm, PVA0) == NULL);
	pmap_remove(&pm, PVA1, PVA1 + PAGE_SIZE);
	KT_CHECK(pgtable_pages() == base + 1, "empty directory kept");
	KT_CHECK(pte_load(&pm.pm_pdpt[pdpti(PVA0)]) == 0);
	KT_CHECK(pdpt->plinks.ptp.entries == 0);
	KT_CHECK(pmap_resident_count(&pm) == 0);
	pmap_release(&pm);
	KT_CHECK(pgtable_pages() == base);
	vm_page_free(m);
}

/* Read a byte at user address `va` of the active pmap; -1 if it faults. */
static int
peek(vm_offset_t va)
{
	uint8_t val;

	return (copyin((const void *)va, &val, 1) != 0 ? -1 : val);
}

/*
 * The CPU reads the PDPT entries when CR3 is loaded: a directory made
 * for the pmap that is active must be loaded before it is used, and one
 * freed must be dropped.  With the pmap active throughout (interrupts
 * off, so nothing switches), a mapping in a fresh GiB is readable at
 * once, gone when removed, and readable again when made again.
 */
KTEST(pae_new_pdpt_entry_reaches_the_active_pmap)
{
	struct pmap pm;
	vm_page_t m;
	unsigned long s;
	int first, gone, again;

	m = vm_page_alloc_noobj(VM_ALLOC_NORMAL | VM_ALLOC_ZERO);
	KT_REQUIRE(m != NULL);
	if (pmap_pinit(&pm) != 0) {
		vm_page_free(m);
		KT_REQUIRE(false, "no page for a pmap");
	}
	pmap_copy_to_page("\x5a", m, 1);
	s = intr_disable();
	pmap_activate(&pm);
	first = pmap_enter(&pm, PVA0, m, VM_PROT_READ, 0) == KERN_SUCCESS ?
	    peek(PVA0) : -2;
	pmap_remove(&pm, PVA0, PVA0 + PAGE_SIZE);
	gone = peek(PVA0);
	again = pmap_enter(&pm, PVA0 + PAGE_SIZE, m, VM_PROT_READ, 0) ==
	    KERN_SUCCESS ? peek(PVA0 + PAGE_SIZE) : -2;
	pmap_remove(&pm, PVA0, PVA0 + 2 * PAGE_SIZE);
	pmap_activate(kernel_pmap);
	intr_restore(s);
	KT_CHECK(first == 0x5a, "first read %d", first);
	KT_CHECK(gone == -1, "read %d after the removal", gone);
	KT_CHECK(again == 0x5a, "read %d after the directory came back",
	    again);
	pmap_release(&pm);
	vm_page_free(m);
}
#endif /* __i386__ */
