/*
 * test_vm_phys.c - host tests of the physical memory layer: threshold
 * arithmetic and class floors (R70), the buddy allocator (split,
 * coalesce, contiguous runs) against a reference bitmap, wiring counters
 * and the audit.  vm_phys.c, vm_page.c and vm_meter.c run unchanged over
 * a pretend machine (vmhost/): 48 MiB of "RAM" with holes, the low
 * 16 MiB direct-mapped.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "rng.h"
#include "vmhost/vmhost.h"

#include <kernel/systm.h>

#include <vm/vm.h>
#include <vm/vm_page.h>
#include <vm/vm_phys.h>
#include <vm/vmmeter.h>

#define RAM_BYTES	(48UL << 20)
#define RAM_PAGES	(RAM_BYTES / PAGE_SIZE)

static vm_paddr_t early_pt;	/* a pretend page-table allocation */

/* A machine like a PC's: a low hole, RAM to 48 MiB, a reserved gap. */
static void
machine_boot(void)
{
	vmhost_phys_alloc(RAM_BYTES);
	vm_phys_add_seg(0, 0x9f000);
	vm_phys_add_seg(0x100000, 0x1f00000);
	vm_phys_add_seg(0x2000000, RAM_BYTES);
	vm_phys_exclude(0, PAGE_SIZE);
	vm_phys_exclude(0x200000, 0x2c0123);	/* a "kernel image" */
	early_pt = vm_phys_early_alloc(3, VM_WIRE_PGTABLE, VM_EARLY_MAX_PA);
	vm_phys_early_alloc(2, VM_WIRE_PGTABLE, VM_EARLY_MAX_PA);
	vm_page_startup();
}

static void
thresholds_are_ordered(void)
{
	static const u_long counts[] = { 0, 1, 100, 400, 8000, 65536,
	    786432, 2097152 };
	struct vm_thresholds t;
	size_t i;

	for (i = 0; i < sizeof(counts) / sizeof(counts[0]); i++) {
		vm_thresholds_compute(counts[i], &t);
		CHECK(t.interrupt_free_min == 2 &&
		    t.interrupt_free_min < t.free_reserved &&
		    t.free_reserved < t.free_severe &&
		    t.free_severe < t.free_min && t.free_min < t.free_target,
		    "%lu pages: %lu %lu %lu %lu %lu", counts[i],
		    t.interrupt_free_min, t.free_reserved, t.free_severe,
		    t.free_min, t.free_target);
	}
}

/* The SEMANTICS 1.6 formulas, worked by hand for 65536 pages (256 MiB). */
static void
thresholds_follow_the_formulas(void)
{
	struct vm_thresholds t;

	vm_thresholds_compute(65536, &t);
	/* p = 327; reserved = 32 + 2 + 65536 / 768 = 119 */
	CHECK(t.free_reserved == 119, "reserved %lu", t.free_reserved);
	CHECK(t.free_severe == 119 + 163, "severe %lu", t.free_severe);
	CHECK(t.free_min == 119 + 327, "min %lu", t.free_min);
	CHECK(t.free_target == 119 + 4 * 327, "target %lu", t.free_target);
}

/* R70 at each boundary, for each class, for 1 and for 8 pages. */
static void
r70_class_floors_at_each_boundary(void)
{
	struct vm_thresholds t;
	static const u_long sizes[] = { 1, 8 };
	size_t i;
	u_long n;

	vm_thresholds_compute(65536, &t);
	for (i = 0; i < 2; i++) {
		n = sizes[i];
		CHECK(vm_alloc_allowed(&t, t.free_reserved + n,
		    VM_ALLOC_NORMAL, n), "normal at reserved+%lu", n);
		CHECK(!vm_alloc_allowed(&t, t.free_reserved + n - 1,
		    VM_ALLOC_NORMAL, n), "normal below reserved+%lu", n);
		CHECK(vm_alloc_allowed(&t, t.interrupt_free_min + n,
		    VM_ALLOC_SYSTEM, n), "system at floor+%lu", n);
		CHECK(!vm_alloc_allowed(&t, t.interrupt_free_min + n - 1,
		    VM_ALLOC_SYSTEM, n), "system below floor+%lu", n);
		CHECK(vm_alloc_allowed(&t, n, VM_ALLOC_INTERRUPT, n),
		    "interrupt takes the last %lu", n);
		CHECK(!vm_alloc_allowed(&t, n - 1, VM_ALLOC_INTERRUPT, n),
		    "interrupt cannot take %lu of %lu", n, n - 1);
		/* Flags other than the class do not move the floor. */
		CHECK(!vm_alloc_allowed(&t, t.free_reserved + n - 1,
		    VM_ALLOC_NORMAL | VM_ALLOC_WIRED | VM_ALLOC_ZERO, n),
		    "flags changed the normal floor");
	}
}

static void
startup_accounts_for_every_page(void)
{
	u_long expect = 0;
	int i;

	for (i = 0; i < vm_phys_nsegs; i++)
		expect += atop(vm_phys_segs[i].end - vm_phys_segs[i].start);
	CHECK(vm_cnt.v_page_count == expect, "%lu pages, segments have %lu",
	    vm_cnt.v_page_count, expect);
	CHECK(vm_cnt.v_free_count + vm_cnt.v_wire_count ==
	    vm_cnt.v_page_count, "free %lu + wired %lu != %lu",
	    vm_cnt.v_free_count, vm_cnt.v_wire_count, vm_cnt.v_page_count);
	CHECK(vm_cnt.v_wire_by_reason[VM_WIRE_PGTABLE] == 5,
	    "page-table pages %lu", vm_cnt.v_wire_by_reason[VM_WIRE_PGTABLE]);
	CHECK(vm_cnt.v_wire_by_reason[VM_WIRE_KMEM] ==
	    howmany(vm_cnt.v_page_count * sizeof(struct vm_page), PAGE_SIZE),
	    "page array pages %lu", vm_cnt.v_wire_by_reason[VM_WIRE_KMEM]);
	CHECK(PHYS_TO_VM_PAGE(early_pt)->wire_reason == VM_WIRE_PGTABLE,
	    "boot page-table page not wired for page tables");
	CHECK(PHYS_TO_VM_PAGE(0) == NULL, "page 0 is managed");
	CHECK(PHYS_TO_VM_PAGE(0x200000) == NULL, "kernel image is managed");
	CHECK(PHYS_TO_VM_PAGE(0x1f00000) == NULL, "a hole is managed");
	CHECK(PHYS_TO_VM_PAGE(0x2000000) != NULL, "RAM above a hole missing");
	CHECK(vm_page_audit() == 0, "audit after startup");
	/* The segment crossing 16 MiB was cut into two free lists. */
	CHECK(vm_phys_find_page(0xfff000)->freelist == VM_FREELIST_DIRECT &&
	    vm_phys_find_page(0x1000000)->freelist == VM_FREELIST_DEFAULT,
	    "free lists not split at the direct map's end");
}

/* Allocated pages, as a bitmap over physical pages. */
static unsigned char taken[RAM_PAGES];

static int
mark_block(vm_page_t m, u_long npages)
{
	u_long i, first = atop(m->phys_addr);
	int bad = 0;

	for (i = 0; i < npages; i++) {
		bad += taken[first + i] != 0;
		taken[first + i] = 1;
	}
	return (bad);
}

static void
unmark_block(vm_page_t m, u_long npages)
{
	memset(&taken[atop(m->phys_addr)], 0, npages);
}

/* Free blocks per order, counted from the page array. */
static void
count_free_blocks(u_long counts[VM_NFREEORDER])
{
	long i;

	memset(counts, 0, VM_NFREEORDER * sizeof(counts[0]));
	for (i = 0; i < vm_page_array_size; i++)
		if ((vm_page_array[i].flags & PG_FREE) != 0)
			counts[vm_page_array[i].order]++;
}

/*
 * Random blocks of random orders from both free lists, allocated and
 * freed in random order: no page is handed out twice, every block is
 * aligned to its size, the queues stay well formed, and when all is
 * freed every block has merged back: the same blocks as at startup.
 */
static void
buddy_split_and_coalesce_random(void)
{
	struct blk { vm_page_t m; int order; } *live;
	u_long before[VM_NFREEORDER], after[VM_NFREEORDER];
	u_long free0 = vm_cnt.v_free_count, nlive = 0, step, i;
	int order, overlap = 0, misaligned = 0, bad = 0, splits = 0;
	vm_page_t m;

	count_free_blocks(before);
	live = calloc(RAM_PAGES, sizeof(*live));
	rng_state = 20261124;
	for (step = 0; step < 200000; step++) {
		if (nlive > 0 && rng(100) < 45) {
			i = rng(nlive);
			unmark_block(live[i].m, 1UL << live[i].order);
			vm_phys_free_pages(live[i].m, live[i].order);
			live[i] = live[--nlive];
			continue;
		}
		order = rng(VM_NFREEORDER);
		m = vm_phys_alloc_pages(rng(VM_NFREELIST), order);
		if (m == NULL)
			continue;
		splits += order < VM_NFREEORDER - 1;
		misaligned += (m->phys_addr & ((PAGE_SIZE << order) - 1)) != 0;
		overlap += mark_block(m, 1UL << order);
		live[nlive].m = m;
		live[nlive].order = order;
		nlive++;
		if (step % 20000 == 0)
			bad += vm_phys_check();
	}
	CHECK(splits > 1000, "only %d allocations needed a split", splits);
	CHECK(misaligned == 0, "%d blocks not aligned to their size",
	    misaligned);
	CHECK(overlap == 0, "%d pages handed out twice", overlap);
	CHECK(bad == 0, "vm_phys_check found %d problems", bad);
	while (nlive > 0) {
		nlive--;
		unmark_block(live[nlive].m, 1UL << live[nlive].order);
		vm_phys_free_pages(live[nlive].m, live[nlive].order);
	}
	free(live);
	count_free_blocks(after);
	CHECK(vm_cnt.v_free_count == free0, "free %lu, was %lu",
	    vm_cnt.v_free_count, free0);
	CHECK(memcmp(before, after, sizeof(before)) == 0,
	    "blocks did not merge back (order 10: %lu, was %lu)",
	    after[VM_NFREEORDER - 1], before[VM_NFREEORDER - 1]);
	CHECK(vm_page_audit() == 0, "audit");
}

/* Splitting one 4 MiB block and freeing its pages merges it again. */
static void
buddy_split_then_coalesce_one_block(void)
{
	u_long before[VM_NFREEORDER], after[VM_NFREEORDER];
	vm_page_t pages[1024], big;
	int i;

	count_free_blocks(before);
	big = vm_phys_alloc_pages(VM_FREELIST_DEFAULT, VM_NFREEORDER - 1);
	REQUIRE(big != NULL, "no 4 MiB block");
	vm_phys_free_pages(big, VM_NFREEORDER - 1);
	/* Now take 1024 single pages: the first split comes from a big block. */
	for (i = 0; i < 1024; i++) {
		pages[i] = vm_phys_alloc_pages(VM_FREELIST_DEFAULT, 0);
		REQUIRE(pages[i] != NULL, "page %d", i);
	}
	CHECK(pages[1]->phys_addr == pages[0]->phys_addr + PAGE_SIZE,
	    "split halves are not handed out in address order");
	for (i = 1023; i >= 0; i--)
		vm_phys_free_pages(pages[i], 0);
	count_free_blocks(after);
	CHECK(memcmp(before, after, sizeof(before)) == 0,
	    "the split block did not merge back");
}

/*
 * Contiguous runs honour low/high, alignment and boundary, leave the
 * rest of their blocks free, and can be larger than the largest block.
 */
static void
contig_respects_constraints(void)
{
	static const struct {
		u_long npages; vm_paddr_t low, high; u_long align;
		vm_paddr_t boundary;
	} cases[] = {
		{ 1, 0, ~0ULL, PAGE_SIZE, 0 },
		{ 3, 0, ~0ULL, PAGE_SIZE, 0 },
		{ 5, 0x100000, 0x400000, 0x10000, 0 },
		{ 16, 0, ~0ULL, 0x200000, 0 },
		{ 7, 0, ~0ULL, PAGE_SIZE, 0x8000 },
		{ 2048, 0, ~0ULL, PAGE_SIZE, 0 },	/* 8 MiB */
		{ 33, 0x2000000, 0x2400000, PAGE_SIZE, 0 },
	};
	u_long free0 = vm_cnt.v_free_count;
	vm_paddr_t pa, end;
	vm_page_t m;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		m = vm_phys_alloc_contig((1U << VM_NFREELIST) - 1,
		    cases[i].npages, cases[i].low, cases[i].high,
		    cases[i].align, cases[i].boundary);
		REQUIRE(m != NULL, "case %zu failed", i);
		pa = m->phys_addr;
		end = pa + ptoa(cases[i].npages);
		CHECK(pa >= cases[i].low && end <= cases[i].high,
		    "case %zu: %#llx-%#llx outside the range", i,
		    (unsigned long long)pa, (unsigned long long)end);
		CHECK((pa & (cases[i].align - 1)) == 0, "case %zu: %#llx "
		    "misaligned", i, (unsigned long long)pa);
		CHECK(cases[i].boundary == 0 ||
		    pa / cases[i].boundary == (end - 1) / cases[i].boundary,
		    "case %zu crosses its boundary", i);
		CHECK(mark_block(m, cases[i].npages) == 0,
		    "case %zu: pages handed out twice", i);
		CHECK(vm_cnt.v_free_count == free0 - cases[i].npages,
		    "case %zu: free count %lu", i, vm_cnt.v_free_count);
		CHECK(vm_phys_check() == 0, "case %zu: queues", i);
		unmark_block(m, cases[i].npages);
		vm_phys_free_range(m, cases[i].npages);
	}
	CHECK(vm_phys_alloc_contig(1U << VM_FREELIST_DIRECT, 1, 0x2000000,
	    ~0ULL, PAGE_SIZE, 0) == NULL, "direct list above its end");
	CHECK(vm_phys_alloc_contig(3, 9, 0, ~0ULL, PAGE_SIZE, 0x8000) == NULL,
	    "a run larger than its boundary");
	CHECK(vm_page_audit() == 0, "audit");
}

/* I-P2: the counters move only on 0 -> 1 and 1 -> 0. */
static void
ip2_wire_counters_change_on_transitions_only(void)
{
	u_long wired0 = vm_cnt.v_wire_count;
	u_long kmem0 = vm_cnt.v_wire_by_reason[VM_WIRE_KMEM];
	vm_page_t m;

	m = vm_page_alloc_noobj(VM_ALLOC_NORMAL);
	REQUIRE(m != NULL);
	CHECK(m->wire_count == 0 && vm_cnt.v_wire_count == wired0);
	vm_page_wire(m, VM_WIRE_KMEM);
	vm_page_wire(m, VM_WIRE_KMEM);
	CHECK(m->wire_count == 2 && vm_cnt.v_wire_count == wired0 + 1 &&
	    vm_cnt.v_wire_by_reason[VM_WIRE_KMEM] == kmem0 + 1,
	    "after two wirings: count %u, wired %lu", m->wire_count,
	    vm_cnt.v_wire_count);
	CHECK(!vm_page_unwire_noq(m, VM_WIRE_KMEM), "first unwire was last");
	CHECK(vm_cnt.v_wire_count == wired0 + 1, "counter moved on 2 -> 1");
	CHECK(vm_page_unwire_noq(m, VM_WIRE_KMEM), "last unwire not last");
	CHECK(vm_cnt.v_wire_count == wired0 &&
	    vm_cnt.v_wire_by_reason[VM_WIRE_KMEM] == kmem0 &&
	    m->wire_reason == VM_WIRE_NONE);
	vm_page_free(m);
	CHECK(vm_page_audit() == 0, "audit");
}

/* The audit is not blind: it sees a counter that lies. */
static void
audit_detects_a_wrong_counter(void)
{
	vm_cnt.v_wire_by_reason[VM_WIRE_KSTACK]++;
	CHECK(vm_page_audit() > 0, "audit missed a wrong kstack count");
	vm_cnt.v_wire_by_reason[VM_WIRE_KSTACK]--;
	vm_cnt.v_free_count--;
	CHECK(vm_page_audit() > 0, "audit missed a wrong free count");
	vm_cnt.v_free_count++;
	CHECK(vm_page_audit() == 0, "audit after repair");
}

/*
 * R70 through the real allocator: drain with INTERRUPT down to each
 * floor, then check who may still allocate.  Also the min and severe
 * states going on and off.
 */
static void
r70_allocator_floors(void)
{
	const struct vm_thresholds *t = &vm_cnt.v_thresh;
	static vm_page_t held[RAM_PAGES];
	u_long n = 0;
	vm_page_t m;

	CHECK(!vm_cnt.v_min && !vm_cnt.v_severe, "min/severe set at start");
	while (vm_cnt.v_free_count > t->free_reserved + 1)
		held[n++] = vm_page_alloc_noobj(VM_ALLOC_INTERRUPT);
	CHECK(vm_cnt.v_min && vm_cnt.v_severe, "min/severe not set");
	REQUIRE((m = vm_page_alloc_noobj(VM_ALLOC_NORMAL)) != NULL,
	    "normal at reserved + 1");
	held[n++] = m;
	CHECK(vm_page_alloc_noobj(VM_ALLOC_NORMAL) == NULL,
	    "normal dug below free_reserved");
	while (vm_cnt.v_free_count > t->interrupt_free_min + 1)
		held[n++] = vm_page_alloc_noobj(VM_ALLOC_SYSTEM);
	REQUIRE((m = vm_page_alloc_noobj(VM_ALLOC_SYSTEM)) != NULL,
	    "system at the floor + 1");
	held[n++] = m;
	CHECK(vm_page_alloc_noobj(VM_ALLOC_SYSTEM) == NULL,
	    "system dug below interrupt_free_min");
	while (vm_cnt.v_free_count > 0)
		held[n++] = vm_page_alloc_noobj(VM_ALLOC_INTERRUPT);
	CHECK(held[n - 1] != NULL, "interrupt could not take the last page");
	CHECK(vm_page_alloc_noobj(VM_ALLOC_INTERRUPT) == NULL,
	    "allocated from nothing");
	while (n > 0)
		vm_page_free(held[--n]);
	CHECK(!vm_cnt.v_min && !vm_cnt.v_severe, "min/severe not cleared");
	CHECK(vm_page_audit() == 0, "audit");
}

/* VM_ALLOC_DIRECT pages come from the direct map; others prefer high. */
static void
direct_and_default_free_lists(void)
{
	vm_page_t lo, hi;

	lo = vm_page_alloc_noobj(VM_ALLOC_DIRECT | VM_ALLOC_ZERO);
	hi = vm_page_alloc_noobj(VM_ALLOC_NORMAL);
	REQUIRE(lo != NULL && hi != NULL);
	CHECK(lo->phys_addr < VM_DIRECT_MAX_PA, "direct page at %#llx",
	    (unsigned long long)lo->phys_addr);
	CHECK(hi->phys_addr >= VM_DIRECT_MAX_PA, "default page at %#llx",
	    (unsigned long long)hi->phys_addr);
	vm_page_free(lo);
	vm_page_free(hi);
}

int
main(void)
{
	machine_boot();
	TAP_RUN(thresholds_are_ordered);
	TAP_RUN(thresholds_follow_the_formulas);
	TAP_RUN(r70_class_floors_at_each_boundary);
	TAP_RUN(startup_accounts_for_every_page);
	TAP_RUN(buddy_split_and_coalesce_random);
	TAP_RUN(buddy_split_then_coalesce_one_block);
	TAP_RUN(contig_respects_constraints);
	TAP_RUN(ip2_wire_counters_change_on_transitions_only);
	TAP_RUN(audit_detects_a_wrong_counter);
	TAP_RUN(r70_allocator_floors);
	TAP_RUN(direct_and_default_free_lists);
	return (tap_exit_status());
}
