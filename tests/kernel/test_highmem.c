/*
 * test_highmem.c - RAM above the direct map (i386: above 512 MiB), on
 * any ARCH through the machine-independent interfaces: the boot put it
 * in its own segments and free list, pmap_zero_page and pmap_copy_page
 * reach it (through temporary mappings on i386) in every direction
 * between high and direct-mapped pages, and user page tables never come
 * from it.  Where the machine has no RAM above VM_DIRECT_MAX_PA (every
 * amd64 here, i386 with up to 512 MiB) the tests say so with a `# ` line
 * and check what still can be checked: that no segment claims any.
 */
#include <kernel/systm.h>
#include <kernel/ktest.h>
#include <kernel/bootinfo.h>
#include <vm/vm.h>
#include <vm/vm_page.h>
#include <vm/vm_phys.h>
#include <vm/vmmeter.h>
#include <vm/vm_kern.h>
#include <vm/pmap.h>
#include <machine/vmparam.h>
#include "ktest_vm.h"

#define NHIGH		3	/* high pages the copy test wants */
#define HUNT_MAX	64	/* allocations tried to find them */

/* Usable RAM bytes above the direct map in the boot memory map. */
static vm_paddr_t
memmap_high_bytes(void)
{
	const struct bi_memrange *r;
	vm_paddr_t start, end, sum = 0;
	int i;

	for (i = 0; i < bootinfo.nmemranges; i++) {
		r = &bootinfo.memranges[i];
		if (r->type != BI_MEM_AVAILABLE)
			continue;
		start = MAX(r->base, VM_DIRECT_MAX_PA);
		end = MIN(r->base + r->length, VM_PHYS_MAX_PA);
		start = round_page(start);
		end = end & ~(vm_paddr_t)PAGE_MASK;
		if (start < end)
			sum += end - start;
	}
	return (sum);
}

/* Bytes of vm_phys segments above the direct map. */
static vm_paddr_t
segs_high_bytes(void)
{
	vm_paddr_t sum = 0;
	int i;

	for (i = 0; i < vm_phys_nsegs; i++)
		if (vm_phys_segs[i].start >= VM_DIRECT_MAX_PA)
			sum += vm_phys_segs[i].end - vm_phys_segs[i].start;
	return (sum);
}

static bool
have_highmem(void)
{
	return (segs_high_bytes() != 0);
}

/*
 * The segments agree with the memory map about RAM above the direct
 * map: none if it has none, some (no more than it lists) if it has
 * some; no segment straddles VM_DIRECT_MAX_PA, and each is on the free
 * list of its side.
 */
KTEST(highmem_segments_match_memory_map)
{
	const struct vm_phys_seg *seg;
	vm_paddr_t map_high, segs_high;
	int i;

	map_high = memmap_high_bytes();
	segs_high = segs_high_bytes();
	if (map_high == 0)
		printf("# no RAM above the direct map (%#llx): checking that "
		    "no segment claims any\n",
		    (unsigned long long)VM_DIRECT_MAX_PA);
	KT_CHECK((map_high == 0) == (segs_high == 0) && segs_high <= map_high,
	    "memory map has %llu KiB above the direct map, segments %llu KiB",
	    (unsigned long long)map_high / 1024,
	    (unsigned long long)segs_high / 1024);
	for (i = 0; i < vm_phys_nsegs; i++) {
		seg = &vm_phys_segs[i];
		KT_CHECK(seg->start >= VM_DIRECT_MAX_PA ||
		    seg->end <= VM_DIRECT_MAX_PA,
		    "segment %#llx-%#llx straddles the direct map's end",
		    (unsigned long long)seg->start,
		    (unsigned long long)seg->end);
		KT_CHECK(seg->freelist == (seg->start >= VM_DIRECT_MAX_PA ?
		    VM_FREELIST_DEFAULT : VM_FREELIST_DIRECT),
		    "segment %#llx-%#llx on free list %d",
		    (unsigned long long)seg->start,
		    (unsigned long long)seg->end, seg->freelist);
	}
}

/* Fill / check a page through its kernel mapping. */
static void
fill(vm_offset_t va, unsigned seed)
{
	volatile uint32_t *p = (volatile uint32_t *)va;
	u_int i;

	for (i = 0; i < PAGE_SIZE / 4; i++)
		p[i] = i * 2654435761U + seed;
}

static bool
holds(vm_offset_t va, unsigned seed)
{
	volatile uint32_t *p = (volatile uint32_t *)va;
	u_int i;

	for (i = 0; i < PAGE_SIZE / 4; i++)
		if (p[i] != i * 2654435761U + seed)
			return (false);
	return (true);
}

static bool
is_zero(vm_offset_t va)
{
	volatile uint32_t *p = (volatile uint32_t *)va;
	u_int i;

	for (i = 0; i < PAGE_SIZE / 4; i++)
		if (p[i] != 0)
			return (false);
	return (true);
}

/*
 * Allocate (class NORMAL, no VM_ALLOC_DIRECT, so the high free list
 * first) until `n` pages above the direct map are in high[]; pages
 * below it go on `low` to be freed.  Returns how many high pages came.
 */
static int
hunt_high_pages(vm_page_t *high, int n, struct pglist *low)
{
	vm_page_t m;
	int found = 0, tries;

	for (tries = 0; tries < HUNT_MAX && found < n; tries++) {
		if ((m = vm_page_alloc_noobj(VM_ALLOC_NORMAL)) == NULL)
			break;
		if (VM_PAGE_TO_PHYS(m) >= VM_DIRECT_MAX_PA)
			high[found++] = m;
		else
			TAILQ_INSERT_TAIL(low, m, plinks.q);
	}
	return (found);
}

/*
 * The checks of highmem_zero_and_copy, on pages m[0..NHIGH-1] above the
 * direct map and m[NHIGH] inside it, each mapped at va + i pages.
 */
static void
zero_and_copy_checks(vm_page_t *m, vm_offset_t va)
{
	vm_offset_t lowva = va + ptoa(NHIGH);
	int i;

	for (i = 0; i < NHIGH; i++) {
		fill(va + ptoa(i), 0x1000 + i);
		pmap_zero_page(m[i]);
		KT_CHECK(is_zero(va + ptoa(i)),
		    "pmap_zero_page left data in high page %#llx",
		    (unsigned long long)VM_PAGE_TO_PHYS(m[i]));
	}
	fill(va, 0xabc);
	pmap_copy_page(m[0], m[1]);
	KT_CHECK(holds(va + PAGE_SIZE, 0xabc), "high -> high copy differs");
	KT_CHECK(holds(va, 0xabc), "high -> high copy changed its source");
	fill(lowva, 1);
	pmap_copy_page(m[1], m[NHIGH]);
	KT_CHECK(holds(lowva, 0xabc), "high -> low copy differs");
	fill(lowva, 0xdef);
	pmap_copy_page(m[NHIGH], m[2]);
	KT_CHECK(holds(va + ptoa(2), 0xdef), "low -> high copy differs");
	KT_CHECK(holds(lowva, 0xdef), "low -> high copy changed its source");
	KT_CHECK(holds(va + PAGE_SIZE, 0xabc), "a copy touched another page");
}

/*
 * pmap_zero_page and pmap_copy_page on RAM above the direct map, high
 * to high, high to low and low to high, the contents checked through
 * pmap_kenter mappings; every page, mapping and counter goes back.
 */
KTEST(highmem_zero_and_copy)
{
	struct pglist low = TAILQ_HEAD_INITIALIZER(low);
	vm_page_t m[NHIGH + 1];
	vm_offset_t va;
	u_long free0, wired0;
	long kres0, kwired0;
	int nhigh, i;

	if (!have_highmem()) {
		printf("# no RAM above the direct map (%#llx): no high "
		    "pages to zero or copy\n",
		    (unsigned long long)VM_DIRECT_MAX_PA);
		m[0] = vm_page_alloc_noobj(VM_ALLOC_NORMAL);
		KT_REQUIRE(m[0] != NULL);
		KT_CHECK(VM_PAGE_TO_PHYS(m[0]) < VM_DIRECT_MAX_PA);
		vm_page_free(m[0]);
		return;
	}
	va = kva_alloc(ptoa(NHIGH + 1));
	KT_REQUIRE(va != 0, "no kernel VA");
	if (pmap_growkernel(va + ptoa(NHIGH + 1)) != 0) {
		kva_free(va, ptoa(NHIGH + 1));
		KT_REQUIRE(false, "no page tables for the kernel VA");
	}
	free0 = vm_cnt.v_free_count;
	wired0 = vm_cnt.v_wire_count;
	kres0 = pmap_resident_count(kernel_pmap);
	kwired0 = pmap_wired_count(kernel_pmap);

	nhigh = hunt_high_pages(m, NHIGH, &low);
	m[NHIGH] = vm_page_alloc_noobj(VM_ALLOC_NORMAL | VM_ALLOC_DIRECT);
	KT_CHECK(nhigh == NHIGH, "%d high pages in %d allocations", nhigh,
	    HUNT_MAX);
	KT_CHECK(m[NHIGH] != NULL &&
	    VM_PAGE_TO_PHYS(m[NHIGH]) < VM_DIRECT_MAX_PA,
	    "VM_ALLOC_DIRECT gave no direct-mapped page");
	if (nhigh == NHIGH && m[NHIGH] != NULL) {
		for (i = 0; i <= NHIGH; i++)
			pmap_kenter(va + ptoa(i), VM_PAGE_TO_PHYS(m[i]));
		zero_and_copy_checks(m, va);
		for (i = 0; i <= NHIGH; i++)
			pmap_kremove(va + ptoa(i));
	}
	for (i = 0; i < nhigh; i++)
		vm_page_free(m[i]);
	if (m[NHIGH] != NULL)
		vm_page_free(m[NHIGH]);
	ktest_undrain(&low, -1);

	KT_CHECK(vm_cnt.v_free_count == free0 && vm_cnt.v_wire_count == wired0,
	    "free %lu (was %lu), wired %lu (was %lu)", vm_cnt.v_free_count,
	    free0, vm_cnt.v_wire_count, wired0);
	KT_CHECK(pmap_resident_count(kernel_pmap) == kres0 &&
	    pmap_wired_count(kernel_pmap) == kwired0,
	    "kernel pmap resident %ld wired %ld, were %ld %ld",
	    pmap_resident_count(kernel_pmap), pmap_wired_count(kernel_pmap),
	    kres0, kwired0);
	kva_free(va, ptoa(NHIGH + 1));
}

/* Page-table pages of live pmaps: wired for that reason, not at boot. */
static u_long
count_user_pgtables(u_long *outside)
{
	vm_page_t m;
	u_long n = 0;
	long i;

	*outside = 0;
	for (i = 0; i < vm_page_array_size; i++) {
		m = &vm_page_array[i];
		if (m->wire_count == 0 || m->wire_reason != VM_WIRE_PGTABLE ||
		    (m->flags & PG_BOOT) != 0)
			continue;
		n++;
		if (VM_PAGE_TO_PHYS(m) >= VM_DIRECT_MAX_PA)
			(*outside)++;
	}
	return (n);
}

/*
 * A user pmap's page tables (top level and the one pmap_enter adds)
 * come from the direct map even when RAM above it is free and ordinary
 * allocations take that first: the pmap reaches them only through the
 * direct map.
 */
KTEST(highmem_user_pgtables_direct_mapped)
{
	struct pmap pm;
	vm_page_t m;
	u_long before, after, outside, pgtable0;

	if (!have_highmem())
		printf("# no RAM above the direct map: every page is "
		    "direct-mapped\n");
	m = vm_page_alloc_noobj(VM_ALLOC_NORMAL);
	KT_REQUIRE(m != NULL);
	before = count_user_pgtables(&outside);
	pgtable0 = vm_cnt.v_wire_by_reason[VM_WIRE_PGTABLE];
	if (pmap_pinit(&pm) != 0) {
		vm_page_free(m);
		KT_REQUIRE(false, "no page for a pmap");
	}
	KT_CHECK(pmap_enter(&pm, 0x400000, m, VM_PROT_RW, 0) == KERN_SUCCESS);
	after = count_user_pgtables(&outside);
	KT_CHECK(after > before && after - before ==
	    vm_cnt.v_wire_by_reason[VM_WIRE_PGTABLE] - pgtable0,
	    "%lu new page-table pages found, the counter says %lu",
	    after - before, vm_cnt.v_wire_by_reason[VM_WIRE_PGTABLE] -
	    pgtable0);
	KT_CHECK(outside == 0, "%lu page-table pages above the direct map",
	    outside);
	pmap_remove(&pm, 0x400000, 0x400000 + PAGE_SIZE);
	pmap_release(&pm);
	vm_page_free(m);
	KT_CHECK(vm_cnt.v_wire_by_reason[VM_WIRE_PGTABLE] == pgtable0);
}

/*
 * pmap_quick_enter_page reaches a page above the direct map (a
 * temporary mapping on i386) and one inside it: what is written through
 * it is what the page holds, and the slot is free again afterwards.
 */
KTEST(highmem_quick_enter_page)
{
	struct pglist low = TAILQ_HEAD_INITIALIZER(low);
	vm_page_t m[2];
	vm_offset_t va, qva;
	int nhigh, i;

	m[1] = vm_page_alloc_noobj(VM_ALLOC_NORMAL | VM_ALLOC_DIRECT);
	KT_REQUIRE(m[1] != NULL);
	nhigh = have_highmem() ? hunt_high_pages(m, 1, &low) : 0;
	if (nhigh == 0) {
		printf("# no page above the direct map: the direct one only\n");
		m[0] = NULL;
	}
	va = kva_alloc(PAGE_SIZE);
	KT_REQUIRE(va != 0 && pmap_growkernel(va + PAGE_SIZE) == 0);
	for (i = nhigh == 0 ? 1 : 0; i < 2; i++) {
		qva = pmap_quick_enter_page(m[i]);
		fill(qva, 0x5150 + i);
		pmap_quick_remove_page(qva);
		pmap_kenter(va, VM_PAGE_TO_PHYS(m[i]));
		KT_CHECK(holds(va, 0x5150 + i), "page %#llx: what was written "
		    "through the quick mapping is not there",
		    (unsigned long long)VM_PAGE_TO_PHYS(m[i]));
		pmap_kremove(va);
		/* The slot can be taken again (an i386 slot left in use panics). */
		qva = pmap_quick_enter_page(m[i]);
		KT_CHECK(holds(qva, 0x5150 + i));
		pmap_quick_remove_page(qva);
	}
	kva_free(va, PAGE_SIZE);
	if (nhigh != 0)
		vm_page_free(m[0]);
	vm_page_free(m[1]);
	ktest_undrain(&low, -1);
}
