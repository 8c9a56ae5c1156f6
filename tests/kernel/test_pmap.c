/*
 * test_pmap.c - self tests of the pmap through its machine-independent
 * interface (vm/pmap.h), the same on i386 and amd64: mappings in a fresh
 * user pmap with its resident and wired counts after every step, the
 * wired bit rules (SEMANTICS I-PM1, I-PM2), page-table pages coming and
 * going, pv lists (pmap_remove_all), the accessed/dirty bits, page
 * zeroing and copying, kernel mappings and device mappings.
 *
 * Pages for the tests come from vm_page_alloc_noobj() and are unmanaged;
 * page_manage() makes one pv-tracked where a test needs that (it stands
 * in for a page of a vm_object until objects exist, issue 4) and
 * page_unmanage() puts the flag back before the page is freed.  Every
 * test frees what it took, and checks that the page-table pages (and,
 * where no pv entry was involved, the free pages) are back where they
 * started.
 */
#include <kernel/systm.h>
#include <kernel/ktest.h>
#include <kernel/machdep.h>
#include <vm/vm.h>
#include <vm/vm_page.h>
#include <vm/vmmeter.h>
#include <vm/vm_kern.h>
#include <vm/pmap.h>
#include <machine/vmparam.h>
#include <x86/pv.h>
#include <x86/x86_var.h>
#include "ktest_vm.h"

/*
 * User addresses far apart, so that each needs page tables of its own
 * at every level the ARCH has.
 */
#if defined(__x86_64__)
/* amd64: three PML4 slots (512 GiB each). */
#define TVA0	0x0000000000400000UL
#define TVA1	0x0000200000000000UL
#define TVA2	0x00007f0000000000UL
#else
/* i386 (PAE): three PDPT slots (1 GiB each). */
#define TVA0	0x00400000UL
#define TVA1	0x40000000UL
#define TVA2	0x80000000UL
#endif

#define NTPAGES	4

/* Counters a test must leave as it found them. */
struct counts {
	u_long	pgtable;	/* pages wired as page tables */
	u_long	free;		/* pages free */
};

static void
counts_take(struct counts *c)
{
	c->pgtable = vm_cnt.v_wire_by_reason[VM_WIRE_PGTABLE];
	c->free = vm_cnt.v_free_count;
}

#define KT_CHECK_PGTABLE(c)						\
	KT_CHECK(vm_cnt.v_wire_by_reason[VM_WIRE_PGTABLE] == (c)->pgtable,\
	    "page-table pages %lu, baseline %lu",			\
	    vm_cnt.v_wire_by_reason[VM_WIRE_PGTABLE], (c)->pgtable)
#define KT_CHECK_FREE(c)						\
	KT_CHECK(vm_cnt.v_free_count == (c)->free,			\
	    "free pages %lu, baseline %lu", vm_cnt.v_free_count, (c)->free)
#define KT_CHECK_PMAP(pm, res, wired)					\
	KT_CHECK(pmap_resident_count(pm) == (res) &&			\
	    pmap_wired_count(pm) == (wired),				\
	    "resident %ld wired %ld, want %ld %ld",			\
	    pmap_resident_count(pm), pmap_wired_count(pm),		\
	    (long)(res), (long)(wired))

/* `n` unwired, unmanaged pages into m[]; false (nothing kept) if short. */
static bool
pages_alloc(vm_page_t *m, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		m[i] = vm_page_alloc_noobj(VM_ALLOC_NORMAL);
		if (m[i] == NULL) {
			while (i-- > 0)
				vm_page_free(m[i]);
			return (false);
		}
	}
	return (true);
}

static void
pages_free(vm_page_t *m, int n)
{
	int i;

	for (i = 0; i < n; i++)
		vm_page_free(m[i]);
}

/* Stand-in for an object page until vm_object exists (issue 4). */
static void
page_manage(vm_page_t m)
{
	m->oflags &= ~VPO_UNMANAGED;
}

static void
page_unmanage(vm_page_t m)
{
	m->oflags |= VPO_UNMANAGED;
}

/*
 * Store `val` at `p` with `pmap` active; true if the store faulted (and
 * so did nothing).  Through copyout, the kernel's one way into user
 * pages (SMAP), with interrupts off so that no switch changes the
 * address space in between.  The test runs in proc0, which has no
 * address space for vm_fault, so a fault is EFAULT.
 */
static bool
store_faults(pmap_t pmap, volatile uint8_t *p, uint8_t val)
{
	unsigned long s;
	int error;

	s = intr_disable();
	pmap_activate(pmap);
	error = copyout(&val, (void *)(uintptr_t)p, 1);
	pmap_activate(kernel_pmap);
	intr_restore(s);
	return (error != 0);
}

/* Read a byte at `p` with `pmap` active, as above; -1 if that faulted. */
static int
load_through(pmap_t pmap, volatile uint8_t *p)
{
	unsigned long s;
	uint8_t val;
	int error;

	s = intr_disable();
	pmap_activate(pmap);
	error = copyin((const void *)(uintptr_t)p, &val, 1);
	pmap_activate(kernel_pmap);
	intr_restore(s);
	return (error != 0 ? -1 : val);
}

KTEST(pmap_enter_extract_protect_remove_counts)
{
	struct pmap pm;
	struct counts base;
	vm_page_t m[2];
	vm_paddr_t pa0, pa1;

	KT_REQUIRE(pages_alloc(m, 2));
	pa0 = VM_PAGE_TO_PHYS(m[0]);
	pa1 = VM_PAGE_TO_PHYS(m[1]);
	counts_take(&base);
	KT_REQUIRE(pmap_pinit(&pm) == 0);
	KT_CHECK_PMAP(&pm, 0, 0);
	KT_CHECK(pmap_extract(&pm, TVA0) == 0);

	KT_CHECK(pmap_enter(&pm, TVA0, m[0], VM_PROT_RW, VM_PROT_READ) ==
	    KERN_SUCCESS);
	KT_CHECK_PMAP(&pm, 1, 0);
	KT_CHECK(pmap_extract(&pm, TVA0) == pa0);
	KT_CHECK(pmap_extract(&pm, TVA0 + 0x123) == pa0 + 0x123);
	KT_CHECK(pmap_extract(&pm, TVA0 + PAGE_SIZE) == 0);

	KT_CHECK(pmap_enter(&pm, TVA0 + PAGE_SIZE, m[1], VM_PROT_RW,
	    VM_PROT_READ | PMAP_ENTER_WIRED) == KERN_SUCCESS);
	KT_CHECK_PMAP(&pm, 2, 1);
	KT_CHECK(pmap_extract(&pm, TVA0 + PAGE_SIZE) == pa1);

	/* Lowering protection changes no count and no translation. */
	pmap_protect(&pm, TVA0, TVA0 + 2 * PAGE_SIZE, VM_PROT_READ);
	KT_CHECK_PMAP(&pm, 2, 1);
	KT_CHECK(pmap_extract(&pm, TVA0) == pa0);
	KT_CHECK(pmap_extract(&pm, TVA0 + PAGE_SIZE) == pa1);

	/* VM_PROT_NONE removes, wired or not. */
	pmap_protect(&pm, TVA0 + PAGE_SIZE, TVA0 + 2 * PAGE_SIZE,
	    VM_PROT_NONE);
	KT_CHECK_PMAP(&pm, 1, 0);
	KT_CHECK(pmap_extract(&pm, TVA0 + PAGE_SIZE) == 0);

	KT_CHECK(pmap_enter(&pm, TVA0, m[0], VM_PROT_READ,
	    VM_PROT_READ | PMAP_ENTER_WIRED) == KERN_SUCCESS);
	KT_CHECK_PMAP(&pm, 1, 1);
	pmap_unwire(&pm, TVA0, TVA0 + PAGE_SIZE);
	KT_CHECK_PMAP(&pm, 1, 0);
	KT_CHECK(pmap_extract(&pm, TVA0) == pa0);

	pmap_remove(&pm, TVA0, TVA0 + 2 * PAGE_SIZE);
	KT_CHECK_PMAP(&pm, 0, 0);
	KT_CHECK(pmap_extract(&pm, TVA0) == 0);
	pmap_release(&pm);
	KT_CHECK_PGTABLE(&base);
	KT_CHECK_FREE(&base);
	pages_free(m, 2);
}

/*
 * pmap_enter over an existing mapping: the same page keeps its pv entry
 * and only changes protection and wiring; another page replaces the old
 * one, whose pv entry goes.
 */
KTEST(pmap_enter_replaces_existing_mapping)
{
	struct pmap pm;
	struct counts base;
	vm_page_t m[2];

	KT_REQUIRE(pages_alloc(m, 2));
	page_manage(m[0]);
	page_manage(m[1]);
	counts_take(&base);
	KT_REQUIRE(pmap_pinit(&pm) == 0);

	KT_CHECK(pmap_enter(&pm, TVA0, m[0], VM_PROT_READ, VM_PROT_READ) ==
	    KERN_SUCCESS);
	KT_CHECK_PMAP(&pm, 1, 0);
	KT_CHECK(pv_count(m[0]) == 1);

	KT_CHECK(pmap_enter(&pm, TVA0, m[0], VM_PROT_RW,
	    VM_PROT_READ | PMAP_ENTER_WIRED) == KERN_SUCCESS);
	KT_CHECK_PMAP(&pm, 1, 1);
	KT_CHECK(pv_count(m[0]) == 1, "same page entered again: %d pv "
	    "entries", pv_count(m[0]));
	KT_CHECK(!store_faults(&pm, (volatile uint8_t *)TVA0, 0x5a),
	    "the new protection (read/write) is not in effect");

	KT_CHECK(pmap_enter(&pm, TVA0, m[1], VM_PROT_READ, VM_PROT_READ) ==
	    KERN_SUCCESS);
	KT_CHECK_PMAP(&pm, 1, 0);
	KT_CHECK(pv_count(m[0]) == 0, "the replaced page kept a pv entry");
	KT_CHECK(pv_count(m[1]) == 1);
	KT_CHECK(pmap_extract(&pm, TVA0) == VM_PAGE_TO_PHYS(m[1]));

	pmap_remove(&pm, TVA0, TVA0 + PAGE_SIZE);
	KT_CHECK(pv_count(m[1]) == 0);
	KT_CHECK_PMAP(&pm, 0, 0);
	pmap_release(&pm);
	KT_CHECK_PGTABLE(&base);
	page_unmanage(m[0]);
	page_unmanage(m[1]);
	pages_free(m, 2);
}

/*
 * Out of pages, pmap_pinit fails and pmap_enter returns
 * KERN_RESOURCE_SHORTAGE with nothing changed, also when it got some of
 * the page-table pages it needed (the rest are given back); with enough
 * pages for every level it succeeds.
 */
KTEST(pmap_enter_shortage_changes_nothing)
{
	struct pglist held = TAILQ_HEAD_INITIALIZER(held);
	struct pmap pm, pm2;
	struct counts base;
	vm_page_t m;
	int avail, rv = KERN_FAILURE;

	KT_REQUIRE(pages_alloc(&m, 1));
	if (pmap_pinit(&pm) != 0) {
		pages_free(&m, 1);
		KT_REQUIRE(false, "no page for the pmap");
	}
	ktest_drain(&held, 0, VM_ALLOC_SYSTEM);
	counts_take(&base);
	KT_CHECK(pmap_pinit(&pm2) != 0, "pmap_pinit without a free page");
	KT_CHECK_PGTABLE(&base);
	KT_CHECK_FREE(&base);
	/* One, two, three levels of page tables: amd64 needs all three. */
	for (avail = 0; avail <= 3; avail++) {
		ktest_undrain(&held, avail);
		counts_take(&base);
		rv = pmap_enter(&pm, TVA1, m, VM_PROT_RW, PMAP_ENTER_WIRED);
		if (rv == KERN_SUCCESS) {
			KT_CHECK_PMAP(&pm, 1, 1);
			KT_CHECK(pmap_extract(&pm, TVA1) == VM_PAGE_TO_PHYS(m));
			pmap_remove(&pm, TVA1, TVA1 + PAGE_SIZE);
		} else {
			KT_CHECK(rv == KERN_RESOURCE_SHORTAGE, "%d", rv);
			KT_CHECK_PGTABLE(&base);
			KT_CHECK_FREE(&base);
			KT_CHECK_PMAP(&pm, 0, 0);
			KT_CHECK(pmap_extract(&pm, TVA1) == 0);
		}
		KT_CHECK(avail > 0 || rv == KERN_RESOURCE_SHORTAGE,
		    "pmap_enter without a free page");
		ktest_drain(&held, 0, VM_ALLOC_SYSTEM);
	}
	KT_CHECK(rv == KERN_SUCCESS, "three free pages were not enough");
	ktest_undrain(&held, -1);
	pmap_release(&pm);
	pages_free(&m, 1);
}

/*
 * I-PM1: pmap_unwire clears PG_W on the valid PTEs of the range and
 * skips the holes: unmapped pages and whole missing page tables.
 */
KTEST(ipm1_unwire_skips_invalid_ptes)
{
	struct pmap pm;
	struct counts base;
	vm_page_t m[NTPAGES];

	KT_REQUIRE(pages_alloc(m, NTPAGES));
	counts_take(&base);
	KT_REQUIRE(pmap_pinit(&pm) == 0);
	KT_CHECK(pmap_enter(&pm, TVA0, m[0], VM_PROT_RW, PMAP_ENTER_WIRED) ==
	    KERN_SUCCESS);
	KT_CHECK(pmap_enter(&pm, TVA0 + 2 * PAGE_SIZE, m[1], VM_PROT_RW,
	    PMAP_ENTER_WIRED) == KERN_SUCCESS);
	KT_CHECK(pmap_enter(&pm, TVA1, m[2], VM_PROT_RW, PMAP_ENTER_WIRED) ==
	    KERN_SUCCESS);
	KT_CHECK(pmap_enter(&pm, TVA2, m[3], VM_PROT_RW, PMAP_ENTER_WIRED) ==
	    KERN_SUCCESS);
	KT_CHECK_PMAP(&pm, 4, 4);

	/* A range holding one wired page and holes around it. */
	pmap_unwire(&pm, TVA0 + PAGE_SIZE, TVA0 + 4 * PAGE_SIZE);
	KT_CHECK_PMAP(&pm, 4, 3);
	/* From there across missing page tables to TVA1. */
	pmap_unwire(&pm, TVA0 + 3 * PAGE_SIZE, TVA1 + PAGE_SIZE);
	KT_CHECK_PMAP(&pm, 4, 2);
	pmap_unwire(&pm, TVA0, TVA0 + PAGE_SIZE);
	KT_CHECK_PMAP(&pm, 4, 1);
	KT_CHECK(pmap_extract(&pm, TVA0) == VM_PAGE_TO_PHYS(m[0]));
	KT_CHECK(pmap_extract(&pm, TVA1) == VM_PAGE_TO_PHYS(m[2]));

	/* I-PM1: removing a wired mapping lowers the wired count. */
	pmap_remove(&pm, TVA2, TVA2 + PAGE_SIZE);
	KT_CHECK_PMAP(&pm, 3, 0);
	pmap_remove(&pm, TVA0, TVA1 + PAGE_SIZE);
	KT_CHECK_PMAP(&pm, 0, 0);
	pmap_release(&pm);
	KT_CHECK_PGTABLE(&base);
	KT_CHECK_FREE(&base);
	pages_free(m, NTPAGES);
}

/*
 * I-PM2: once wired mappings are gone (removed, or unwired then
 * removed) both counts are 0 and pmap_release gives back every
 * page-table page, the top-level one included.
 */
KTEST(ipm2_release_with_zero_counts)
{
	struct pmap pm;
	struct counts base;
	vm_page_t m[NTPAGES];
	int i;

	KT_REQUIRE(pages_alloc(m, NTPAGES));
	counts_take(&base);
	KT_REQUIRE(pmap_pinit(&pm) == 0);
	KT_CHECK(vm_cnt.v_wire_by_reason[VM_WIRE_PGTABLE] > base.pgtable,
	    "pmap_pinit took no page-table page");
	for (i = 0; i < NTPAGES; i++)
		KT_CHECK(pmap_enter(&pm, TVA1 + ptoa(i), m[i], VM_PROT_RW,
		    VM_PROT_WRITE | PMAP_ENTER_WIRED) == KERN_SUCCESS);
	KT_CHECK_PMAP(&pm, NTPAGES, NTPAGES);
	pmap_unwire(&pm, TVA1, TVA1 + 2 * PAGE_SIZE);
	KT_CHECK_PMAP(&pm, NTPAGES, NTPAGES - 2);
	pmap_remove(&pm, TVA1, TVA1 + ptoa(NTPAGES));
	KT_CHECK_PMAP(&pm, 0, 0);
	pmap_release(&pm);
	KT_CHECK_PGTABLE(&base);
	KT_CHECK_FREE(&base);
	pages_free(m, NTPAGES);
}

/* The pmap's own count of its page-table pages, against the system's. */
#define KT_CHECK_PTP(pm, after_pinit)					\
	KT_CHECK(pmap_pgtable_count(pm) == 1 +				\
	    (long)(vm_cnt.v_wire_by_reason[VM_WIRE_PGTABLE] - (after_pinit)),\
	    "pmap counts %ld page-table pages, the system %lu more than "\
	    "after pmap_pinit", pmap_pgtable_count(pm),			\
	    vm_cnt.v_wire_by_reason[VM_WIRE_PGTABLE] - (after_pinit))

/*
 * Page-table pages are allocated as mappings need them and freed when
 * their last mapping goes; a remove over a huge sparse range finishes
 * (it skips missing tables) and leaves only the top-level table.  The
 * pmap's own count of them (pmap_pgtable_count, ps's PTP) follows the
 * system's count at every step.
 */
KTEST(pmap_ptp_freed_when_empty)
{
	struct pmap pm;
	struct counts base;
	vm_page_t m[NTPAGES];
	u_long after_pinit, after_one, after_three;

	KT_REQUIRE(pages_alloc(m, NTPAGES));
	counts_take(&base);
	KT_REQUIRE(pmap_pinit(&pm) == 0);
	after_pinit = vm_cnt.v_wire_by_reason[VM_WIRE_PGTABLE];
	KT_CHECK_PTP(&pm, after_pinit);

	KT_CHECK(pmap_enter(&pm, TVA0, m[0], VM_PROT_RW, 0) == KERN_SUCCESS);
	after_one = vm_cnt.v_wire_by_reason[VM_WIRE_PGTABLE];
	KT_CHECK(after_one > after_pinit, "no page table for the first page");
	/* Same page table: nothing new. */
	KT_CHECK(pmap_enter(&pm, TVA0 + PAGE_SIZE, m[1], VM_PROT_RW, 0) ==
	    KERN_SUCCESS);
	KT_CHECK(vm_cnt.v_wire_by_reason[VM_WIRE_PGTABLE] == after_one);
	KT_CHECK(pmap_enter(&pm, TVA1, m[2], VM_PROT_RW, 0) == KERN_SUCCESS);
	KT_CHECK(pmap_enter(&pm, TVA2, m[3], VM_PROT_RW, 0) == KERN_SUCCESS);
	after_three = vm_cnt.v_wire_by_reason[VM_WIRE_PGTABLE];
	KT_CHECK(after_three - after_one == 2 * (after_one - after_pinit),
	    "far mappings took %lu page-table pages, the first %lu each",
	    after_three - after_one, after_one - after_pinit);
	KT_CHECK_PMAP(&pm, 4, 0);
	KT_CHECK_PTP(&pm, after_pinit);

	pmap_remove(&pm, TVA2, TVA2 + PAGE_SIZE);
	KT_CHECK(vm_cnt.v_wire_by_reason[VM_WIRE_PGTABLE] ==
	    after_three - (after_one - after_pinit),
	    "removing the only page under its tables did not free them");
	KT_CHECK_PTP(&pm, after_pinit);
	/* One of two pages in a page table: the table stays. */
	pmap_remove(&pm, TVA0, TVA0 + PAGE_SIZE);
	KT_CHECK(vm_cnt.v_wire_by_reason[VM_WIRE_PGTABLE] ==
	    after_three - (after_one - after_pinit));
	pmap_remove(&pm, 0, TVA2 + PAGE_SIZE);
	KT_CHECK_PMAP(&pm, 0, 0);
	KT_CHECK(vm_cnt.v_wire_by_reason[VM_WIRE_PGTABLE] == after_pinit,
	    "%lu page-table pages, %lu after pmap_pinit",
	    vm_cnt.v_wire_by_reason[VM_WIRE_PGTABLE], after_pinit);
	KT_CHECK_PTP(&pm, after_pinit);
	pmap_release(&pm);
	KT_CHECK_PGTABLE(&base);
	KT_CHECK_FREE(&base);
	pages_free(m, NTPAGES);
}

/*
 * pmap_remove_all finds every mapping of a page through its pv list:
 * two in one pmap (one of them wired) and one in another.
 */
KTEST(pmap_remove_all_via_pv)
{
	struct pmap pma, pmb;
	struct counts base;
	vm_page_t m;

	KT_REQUIRE(pages_alloc(&m, 1));
	page_manage(m);
	counts_take(&base);
	KT_REQUIRE(pmap_pinit(&pma) == 0);
	if (pmap_pinit(&pmb) != 0) {
		pmap_release(&pma);
		KT_REQUIRE(false, "no page for a second pmap");
	}
	KT_CHECK(pmap_enter(&pma, TVA0, m, VM_PROT_READ, 0) == KERN_SUCCESS);
	KT_CHECK(pmap_enter(&pma, TVA1, m, VM_PROT_RW, PMAP_ENTER_WIRED) ==
	    KERN_SUCCESS);
	KT_CHECK(pmap_enter(&pmb, TVA0, m, VM_PROT_RW, 0) == KERN_SUCCESS);
	KT_CHECK_PMAP(&pma, 2, 1);
	KT_CHECK_PMAP(&pmb, 1, 0);
	KT_CHECK(pv_count(m) == 3, "%d pv entries", pv_count(m));
	KT_CHECK((m->aflags & PGA_WRITEABLE) != 0);

	pmap_remove_all(m);
	KT_CHECK(pv_count(m) == 0, "%d pv entries left", pv_count(m));
	KT_CHECK(pmap_extract(&pma, TVA0) == 0);
	KT_CHECK(pmap_extract(&pma, TVA1) == 0);
	KT_CHECK(pmap_extract(&pmb, TVA0) == 0);
	KT_CHECK_PMAP(&pma, 0, 0);
	KT_CHECK_PMAP(&pmb, 0, 0);
	KT_CHECK((m->aflags & PGA_WRITEABLE) == 0);
	pmap_release(&pma);
	pmap_release(&pmb);
	KT_CHECK_PGTABLE(&base);
	page_unmanage(m);
	pages_free(&m, 1);
}

/*
 * The hardware's accessed and dirty bits, read through the pv list:
 * pmap_enter presets A (and D for a write access), a read through the
 * mapping sets A, a write sets D; pmap_ts_referenced and
 * pmap_clear_modify clear them.
 */
KTEST(pmap_accessed_and_modified_bits)
{
	struct pmap pma, pmb;
	struct counts base;
	vm_page_t m;

	KT_REQUIRE(pages_alloc(&m, 1));
	page_manage(m);
	counts_take(&base);
	KT_REQUIRE(pmap_pinit(&pma) == 0);
	if (pmap_pinit(&pmb) != 0) {
		pmap_release(&pma);
		KT_REQUIRE(false, "no page for a second pmap");
	}
	KT_CHECK(pmap_enter(&pma, TVA0, m, VM_PROT_RW, VM_PROT_READ) ==
	    KERN_SUCCESS);
	KT_CHECK(!pmap_is_modified(m), "a read access preset dirty");
	KT_CHECK(pmap_ts_referenced(m) == 1, "accessed not preset");
	KT_CHECK(pmap_ts_referenced(m) == 0, "accessed not cleared");

	(void)load_through(&pma, (volatile uint8_t *)TVA0);
	KT_CHECK(pmap_ts_referenced(m) == 1, "a read did not set accessed");
	KT_CHECK(!pmap_is_modified(m), "a read set dirty");

	KT_CHECK(!store_faults(&pma, (volatile uint8_t *)TVA0 + 7, 0xa5));
	KT_CHECK(pmap_is_modified(m), "a write did not set dirty");
	pmap_clear_modify(m);
	KT_CHECK(!pmap_is_modified(m), "dirty not cleared");
	KT_CHECK(load_through(&pma, (volatile uint8_t *)TVA0 + 7) == 0xa5);
	KT_CHECK(!pmap_is_modified(m), "a read after clear set dirty");

	/* A second mapping, entered for a write access: dirty preset. */
	KT_CHECK(pmap_enter(&pmb, TVA2, m, VM_PROT_RW, VM_PROT_WRITE) ==
	    KERN_SUCCESS);
	KT_CHECK(pmap_is_modified(m), "a write access did not preset dirty");
	KT_CHECK(pmap_ts_referenced(m) == 2);

	pmap_remove_all(m);
	pmap_release(&pma);
	pmap_release(&pmb);
	KT_CHECK_PGTABLE(&base);
	page_unmanage(m);
	pages_free(&m, 1);
}

/* pmap_protect lowers protection and never raises it. */
KTEST(pmap_protect_never_raises)
{
	struct pmap pm;
	struct counts base;
	vm_page_t m[2];

	KT_REQUIRE(pages_alloc(m, 2));
	counts_take(&base);
	KT_REQUIRE(pmap_pinit(&pm) == 0);
	KT_CHECK(pmap_enter(&pm, TVA0, m[0], VM_PROT_READ, 0) == KERN_SUCCESS);
	KT_CHECK(pmap_enter(&pm, TVA0 + PAGE_SIZE, m[1], VM_PROT_RW, 0) ==
	    KERN_SUCCESS);
	KT_CHECK(store_faults(&pm, (volatile uint8_t *)TVA0, 1),
	    "a read-only mapping took a write");
	KT_CHECK(!store_faults(&pm, (volatile uint8_t *)TVA0 + PAGE_SIZE, 1));

	pmap_protect(&pm, TVA0, TVA0 + 2 * PAGE_SIZE, VM_PROT_ALL);
	KT_CHECK(store_faults(&pm, (volatile uint8_t *)TVA0, 2),
	    "pmap_protect raised read-only to writable");
	pmap_protect(&pm, TVA0, TVA0 + 2 * PAGE_SIZE, VM_PROT_READ);
	KT_CHECK(store_faults(&pm, (volatile uint8_t *)TVA0 + PAGE_SIZE, 3),
	    "pmap_protect did not take write away");
	KT_CHECK(load_through(&pm, (volatile uint8_t *)TVA0 + PAGE_SIZE) == 1);
	KT_CHECK_PMAP(&pm, 2, 0);

	pmap_remove(&pm, TVA0, TVA0 + 2 * PAGE_SIZE);
	pmap_release(&pm);
	KT_CHECK_PGTABLE(&base);
	KT_CHECK_FREE(&base);
	pages_free(m, 2);
}

/* Fill `n` bytes at `p` with a pattern that depends on `seed`. */
static void
pattern_fill(volatile uint8_t *p, size_t n, unsigned seed)
{
	size_t i;

	for (i = 0; i < n; i++)
		p[i] = (uint8_t)(i * 7 + seed);
}

static bool
pattern_check(volatile uint8_t *p, size_t n, unsigned seed)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] != (uint8_t)(i * 7 + seed))
			return (false);
	return (true);
}

static bool
zero_check(volatile uint8_t *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] != 0)
			return (false);
	return (true);
}

/* pmap_zero_page and pmap_copy_page, checked through kernel mappings. */
KTEST(pmap_zero_and_copy_page_contents)
{
	volatile uint8_t *src, *dst;
	vm_offset_t kva;
	vm_page_t m[2];

	KT_REQUIRE(pages_alloc(m, 2));
	kva = kva_alloc(2 * PAGE_SIZE);
	if (kva == 0 || pmap_growkernel(kva + 2 * PAGE_SIZE) != 0) {
		if (kva != 0)
			kva_free(kva, 2 * PAGE_SIZE);
		pages_free(m, 2);
		KT_REQUIRE(false, "no kernel VA");
	}
	pmap_kenter(kva, VM_PAGE_TO_PHYS(m[0]));
	pmap_kenter(kva + PAGE_SIZE, VM_PAGE_TO_PHYS(m[1]));
	src = (volatile uint8_t *)kva;
	dst = (volatile uint8_t *)(kva + PAGE_SIZE);

	pattern_fill(src, PAGE_SIZE, 3);
	pmap_zero_page(m[0]);
	KT_CHECK(zero_check(src, PAGE_SIZE), "pmap_zero_page left data");
	pattern_fill(src, PAGE_SIZE, 11);
	pattern_fill(dst, PAGE_SIZE, 99);
	pmap_copy_page(m[0], m[1]);
	KT_CHECK(pattern_check(dst, PAGE_SIZE, 11), "copy differs");
	KT_CHECK(pattern_check(src, PAGE_SIZE, 11), "source changed");

	pmap_kremove(kva);
	pmap_kremove(kva + PAGE_SIZE);
	kva_free(kva, 2 * PAGE_SIZE);
	pages_free(m, 2);
}

/* pmap_kenter / pmap_kextract / pmap_kremove on the kernel VA arena. */
KTEST(pmap_kenter_kextract_kremove)
{
	vm_offset_t kva;
	vm_paddr_t pa;
	vm_page_t m;

	KT_REQUIRE(pages_alloc(&m, 1));
	pa = VM_PAGE_TO_PHYS(m);
	kva = kva_alloc(PAGE_SIZE);
	if (kva == 0 || pmap_growkernel(kva + PAGE_SIZE) != 0) {
		if (kva != 0)
			kva_free(kva, PAGE_SIZE);
		pages_free(&m, 1);
		KT_REQUIRE(false, "no kernel VA");
	}
	KT_CHECK(kva >= VM_KVA_START && kva + PAGE_SIZE <= VM_KVA_END);
	KT_CHECK(pmap_kextract(kva) == 0, "fresh VA is mapped");
	pmap_kenter(kva, pa);
	KT_CHECK(pmap_kextract(kva) == pa);
	KT_CHECK(pmap_kextract(kva + 0x7f) == pa + 0x7f);
	KT_CHECK(pmap_extract(kernel_pmap, kva) == pa);
	*(volatile uint32_t *)kva = 0x600dcafe;
	KT_CHECK(*(volatile uint32_t *)kva == 0x600dcafe);
	pmap_kremove(kva);
	KT_CHECK(pmap_kextract(kva) == 0, "still mapped after pmap_kremove");
	kva_free(kva, PAGE_SIZE);
	pages_free(&m, 1);
}

/* pmap_kextract answers for the direct map and the kernel image too. */
KTEST(pmap_kextract_direct_map_and_image)
{
	static const char here[] = "pmap_kextract";
	vm_page_t m;
	vm_paddr_t pa;

	m = vm_page_alloc_noobj(VM_ALLOC_NORMAL | VM_ALLOC_DIRECT);
	KT_REQUIRE(m != NULL);
	pa = VM_PAGE_TO_PHYS(m);
	KT_CHECK(pmap_kextract(PHYS_TO_DMAP(pa) + 5) == pa + 5);
	vm_page_free(m);
	KT_CHECK(pmap_kextract((vm_offset_t)here) ==
	    (vm_offset_t)here - KERNBASE);
	KT_CHECK(pmap_kextract((vm_offset_t)&vm_cnt) ==
	    (vm_offset_t)&vm_cnt - KERNBASE);
}

/*
 * pmap_mapdev_attr maps any physical range with a caching mode, at the
 * right offset, and pmap_unmapdev takes it away.  The range here is a
 * page of kernel read-only data, which the test can recognize (it is
 * never written, so an uncached alias reads the same bytes).
 */
KTEST(pmap_mapdev_attr_maps_and_unmaps)
{
	static const char text[] = "mapped through pmap_mapdev_attr";
	static const vm_memattr_t modes[] = { VM_MEMATTR_UNCACHEABLE,
	    VM_MEMATTR_WRITE_COMBINING, VM_MEMATTR_WRITE_THROUGH,
	    VM_MEMATTR_DEFAULT };
	vm_paddr_t pa = (vm_offset_t)text - KERNBASE;
	const char *p;
	size_t i;

	for (i = 0; i < nitems(modes); i++) {
		p = pmap_mapdev_attr(pa, sizeof(text), modes[i]);
		KT_REQUIRE(p != NULL, "mode %u: no mapping", modes[i]);
		KT_CHECK(((vm_offset_t)p & PAGE_MASK) == (pa & PAGE_MASK));
		KT_CHECK(pmap_kextract((vm_offset_t)p) == pa);
		KT_CHECK(memcmp(p, text, sizeof(text)) == 0,
		    "mode %u: other bytes", modes[i]);
		pmap_unmapdev((void *)p, sizeof(text));
		KT_CHECK(pmap_kextract((vm_offset_t)p) == 0,
		    "mode %u: still mapped", modes[i]);
	}
}
