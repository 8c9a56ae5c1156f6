/*
 * test_uma.c - self tests of the zone allocator: items are distinct,
 * aligned and in wired kmem slab pages; uma_zone_of finds their zone;
 * empty slabs beyond the cache go back to the page allocator; M_ZERO
 * zeroes a used item; uma_zone_check notices a broken free list.  Zones
 * of large items keep their slab headers off the page: they pack
 * PAGE_SIZE / size items a page, give the headers back with the pages,
 * and a header shortage gives the page back too.
 *
 * Zones cannot be destroyed, so each test creates its zones once per
 * boot and compares page counts through uma_zone_slabs() (of the zone
 * and of the slab header zone, whose pages hold off-page headers).
 */
#include <kernel/systm.h>
#include <kernel/ktest.h>
#include <vm/vm.h>
#include <vm/vm_page.h>
#include <vm/vmmeter.h>
#include <vm/vm_kern.h>
#include <vm/uma.h>
#include <machine/vmparam.h>
#include "ktest_vm.h"

#define UMA_TEST_ITEMS	600
/* Bound on the items check_offpage_release() takes (8 MiB of 2048). */
#define OFFPAGE_MAX_ITEMS	4096

static void *uma_test_items[UMA_TEST_ITEMS];

/* The vm_page of a direct-mapped item. */
static vm_page_t
item_page(const void *item)
{
	return (PHYS_TO_VM_PAGE(DMAP_TO_PHYS(trunc_page((vm_offset_t)item))));
}

/* Pages held by `zone` and by the slab header zone (its headers). */
static u_long
zone_pages(uma_zone_t zone)
{
	return (uma_zone_slabs(zone) + uma_zone_slabs(uma_slabzone()));
}

/*
 * Fill a zone with `n` items; check each is aligned, in a wired kmem
 * page, owned by the zone, and does not overlap another (each item gets
 * its index written over its whole size, then all are read back).
 */
static void
check_zone_items(uma_zone_t zone, size_t size, size_t align, int n)
{
	u_long free0 = vm_cnt.v_free_count;
	u_long kmem0 = vm_cnt.v_wire_by_reason[VM_WIRE_KMEM];
	u_long pages0 = zone_pages(zone);
	int i, bad_align = 0, bad_page = 0, bad_zone = 0, overlap = 0;
	size_t j, zsize = uma_zone_size(zone);
	vm_page_t m;

	KT_CHECK(zsize >= size && zsize % align == 0, "item size %zu", zsize);
	for (i = 0; i < n; i++) {
		uma_test_items[i] = uma_zalloc(zone, M_WAITOK);
		bad_align += ((vm_offset_t)uma_test_items[i] & (align - 1)) != 0;
		m = item_page(uma_test_items[i]);
		bad_page += m == NULL || m->wire_count != 1 ||
		    m->wire_reason != VM_WIRE_KMEM;
		bad_zone += uma_zone_of(uma_test_items[i]) != zone;
		memset(uma_test_items[i], i & 0xff, zsize);
	}
	for (i = 0; i < n; i++)
		for (j = 0; j < zsize; j++)
			overlap += ((unsigned char *)uma_test_items[i])[j] !=
			    (i & 0xff);
	KT_CHECK(bad_align == 0, "%d items misaligned", bad_align);
	KT_CHECK(bad_page == 0, "%d items not in a wired kmem page", bad_page);
	KT_CHECK(bad_zone == 0, "%d items with the wrong zone", bad_zone);
	KT_CHECK(overlap == 0, "%d bytes overwritten by another item", overlap);
	KT_CHECK(uma_zone_inuse(zone) == (u_long)n, "inuse %lu",
	    uma_zone_inuse(zone));
	KT_CHECK(uma_zone_slabs(zone) * (PAGE_SIZE / zsize) >= (u_long)n &&
	    uma_zone_slabs(zone) <= (u_long)n, "%lu slabs for %d items",
	    uma_zone_slabs(zone), n);
	KT_CHECK(vm_cnt.v_free_count + zone_pages(zone) == free0 + pages0 &&
	    vm_cnt.v_wire_by_reason[VM_WIRE_KMEM] ==
	    kmem0 + zone_pages(zone) - pages0,
	    "free %lu, kmem wired %lu with %lu slab and header pages",
	    vm_cnt.v_free_count, vm_cnt.v_wire_by_reason[VM_WIRE_KMEM],
	    zone_pages(zone));
	KT_CHECK(uma_zone_check(zone) == 0);

	/* Free every other item, then the rest. */
	for (i = 0; i < n; i += 2)
		uma_zfree(zone, uma_test_items[i]);
	KT_CHECK(uma_zone_check(zone) == 0);
	for (i = 1; i < n; i += 2)
		uma_zfree(zone, uma_test_items[i]);
	KT_CHECK(uma_zone_inuse(zone) == 0);
	KT_CHECK(uma_zone_slabs(zone) <= UMA_MAX_EMPTY_SLABS,
	    "%lu empty slabs kept", uma_zone_slabs(zone));
	KT_CHECK(vm_cnt.v_free_count + zone_pages(zone) == free0 + pages0 &&
	    vm_cnt.v_wire_by_reason[VM_WIRE_KMEM] ==
	    kmem0 + zone_pages(zone) - pages0,
	    "free %lu (was %lu), kmem wired %lu (was %lu), %lu slab and "
	    "header pages (were %lu)", vm_cnt.v_free_count, free0,
	    vm_cnt.v_wire_by_reason[VM_WIRE_KMEM], kmem0,
	    zone_pages(zone), pages0);
	KT_CHECK(uma_zone_check(zone) == 0);
}

KTEST(uma_items_distinct_aligned_and_slabs_released)
{
	static uma_zone_t z40, z24a64, z1000;

	if (z40 == NULL) {
		z40 = uma_zcreate("ktest-40", 40, 0);
		z24a64 = uma_zcreate("ktest-24-align-64", 24, 64);
		z1000 = uma_zcreate("ktest-1000", 1000, 8);
	}
	KT_REQUIRE(z40 != NULL && z24a64 != NULL && z1000 != NULL);
	check_zone_items(z40, 40, sizeof(void *), UMA_TEST_ITEMS);
	check_zone_items(z24a64, 24, 64, UMA_TEST_ITEMS);
	check_zone_items(z1000, 1000, 8, 50);
	KT_CHECK(uma_zcreate("ktest-too-big", PAGE_SIZE, 0) == NULL,
	    "a zone of page-sized items (no room for the slab header)");
}

KTEST(uma_zero_item_after_use)
{
	static uma_zone_t zone;
	unsigned char *item;
	size_t i, nonzero = 0;

	if (zone == NULL)
		zone = uma_zcreate("ktest-zero", 200, 0);
	KT_REQUIRE(zone != NULL);
	item = uma_zalloc(zone, M_WAITOK);
	memset(item, 0xee, 200);
	uma_zfree(zone, item);
	/* The zone hands out the item it got back last. */
	item = uma_zalloc(zone, M_WAITOK | M_ZERO);
	for (i = 0; i < 200; i++)
		nonzero += item[i] != 0;
	KT_CHECK(nonzero == 0, "%zu bytes not zero", nonzero);
	uma_zfree(zone, item);
}

/*
 * uma_zone_check is the tests' witness, so it must see damage: a free
 * item whose free-list link points into the middle of another item.
 */
KTEST(uma_zone_check_sees_a_broken_free_list)
{
	static uma_zone_t zone;
	void *a, *b, *saved;

	if (zone == NULL)
		zone = uma_zcreate("ktest-check", 64, 0);
	KT_REQUIRE(zone != NULL);
	a = uma_zalloc(zone, M_WAITOK);
	b = uma_zalloc(zone, M_WAITOK);
	KT_REQUIRE(uma_zone_check(zone) == 0);
	uma_zfree(zone, a);
	saved = *(void **)a;
	*(void **)a = (char *)b + 8;
	KT_CHECK(uma_zone_check(zone) > 0, "a broken free list went unseen");
	*(void **)a = saved;
	KT_CHECK(uma_zone_check(zone) == 0);
	uma_zfree(zone, b);
}

/*
 * Allocate `n` items of a zone of `size`-byte items (n a multiple of
 * PAGE_SIZE / size) and check they fill exactly n / (PAGE_SIZE / size)
 * slab pages, PAGE_SIZE / size to a page, without overlapping, with one
 * slab header zone item per new slab.
 */
static void
check_offpage_packing(uma_zone_t zone, size_t size, int n)
{
	uma_zone_t sz = uma_slabzone();
	u_long ipers = PAGE_SIZE / size, hdrs0, slabs0, npages = 0;
	int i, j, overlap = 0, bad_zone = 0, bad_end = 0;
	size_t k;

	KT_REQUIRE(n <= UMA_TEST_ITEMS && n % ipers == 0);
	KT_REQUIRE(uma_zone_size(zone) == size, "item size %zu",
	    uma_zone_size(zone));
	KT_REQUIRE(uma_zone_inuse(zone) == 0 &&
	    uma_zone_slabs(zone) <= UMA_MAX_EMPTY_SLABS);
	hdrs0 = uma_zone_inuse(sz);
	slabs0 = uma_zone_slabs(zone);
	for (i = 0; i < n; i++) {
		uma_test_items[i] = uma_zalloc(zone, M_WAITOK);
		memset(uma_test_items[i], i & 0xff, size);
		bad_zone += uma_zone_of(uma_test_items[i]) != zone;
		bad_end += ((vm_offset_t)uma_test_items[i] & PAGE_MASK) +
		    size > PAGE_SIZE;
	}
	/* Count the distinct pages: items whose page no earlier item has. */
	for (i = 0; i < n; i++) {
		for (j = 0; j < i; j++)
			if (trunc_page((vm_offset_t)uma_test_items[j]) ==
			    trunc_page((vm_offset_t)uma_test_items[i]))
				break;
		npages += j == i;
	}
	for (i = 0; i < n; i++)
		for (k = 0; k < size; k++)
			overlap += ((unsigned char *)uma_test_items[i])[k] !=
			    (i & 0xff);
	KT_CHECK(uma_zone_slabs(zone) == n / ipers && npages == n / ipers,
	    "%d items of %zu bytes: %lu slabs on %lu pages, want %lu",
	    n, size, uma_zone_slabs(zone), npages, n / ipers);
	KT_CHECK(uma_zone_inuse(sz) == hdrs0 + uma_zone_slabs(zone) - slabs0,
	    "%lu slab headers in use (were %lu) for %lu new slabs",
	    uma_zone_inuse(sz), hdrs0, uma_zone_slabs(zone) - slabs0);
	KT_CHECK(overlap == 0, "%d bytes overwritten by another item", overlap);
	KT_CHECK(bad_zone == 0 && bad_end == 0, "%d items with the wrong "
	    "zone, %d running past their page", bad_zone, bad_end);
	KT_CHECK(uma_zone_check(zone) == 0);
	for (i = 0; i < n; i++)
		uma_zfree(zone, uma_test_items[i]);
	KT_CHECK(uma_zone_check(zone) == 0);
}

KTEST(uma_offpage_packs_large_items)
{
	static uma_zone_t z2048, z1024;

	if (z2048 == NULL) {
		z2048 = uma_zcreate("ktest-offpage-2048", 2048, 16);
		z1024 = uma_zcreate("ktest-offpage-1024", 1024, 16);
	}
	KT_REQUIRE(z2048 != NULL && z1024 != NULL && uma_slabzone() != NULL);
	check_offpage_packing(z2048, 2048, 16);
	check_offpage_packing(z1024, 1024, 16);
}

/*
 * Free the 1st, 3rd, 5th... item of a list chained through the items'
 * first word; returns the list of the others.
 */
static void *
free_every_other(uma_zone_t zone, void *head)
{
	void *item, *next, *kept = NULL;
	bool drop = true;

	for (item = head; item != NULL; item = next, drop = !drop) {
		next = *(void **)item;
		if (drop)
			uma_zfree(zone, item);
		else {
			*(void **)item = kept;
			kept = item;
		}
	}
	return (kept);
}

/*
 * Allocate from an off-page zone until the slab header zone has grown
 * by more pages than it and the zone may keep as cached empty slabs
 * (so some header pages must go back), free everything, and check every
 * page and header is back: the page counters at baseline but for the
 * cached slabs of the zone and of the header zone (counted by
 * uma_zone_slabs(), as test_malloc.c counts them), and no header in use
 * but those of the zone's cached slabs.
 */
static void
check_offpage_release(uma_zone_t zone)
{
	uma_zone_t sz = uma_slabzone();
	u_long free0, wired0, kmem0, slabs0, hslabs0, hdrs0, want, n = 0;
	long dslabs, dhdr;
	void *item, *list = NULL;

	KT_REQUIRE(uma_zone_inuse(zone) == 0);
	free0 = vm_cnt.v_free_count;
	wired0 = vm_cnt.v_wire_count;
	kmem0 = vm_cnt.v_wire_by_reason[VM_WIRE_KMEM];
	slabs0 = uma_zone_slabs(zone);
	hslabs0 = uma_zone_slabs(sz);
	hdrs0 = uma_zone_inuse(sz);
	want = hslabs0 + 2 * UMA_MAX_EMPTY_SLABS + 1;
	while (uma_zone_slabs(sz) < want && n < OFFPAGE_MAX_ITEMS &&
	    (item = uma_zalloc(zone, M_NOWAIT)) != NULL) {
		*(void **)item = list;
		list = item;
		n++;
	}
	KT_CHECK(uma_zone_slabs(sz) >= want, "%lu items in %lu slabs took "
	    "%lu new header pages", n, uma_zone_slabs(zone),
	    uma_zone_slabs(sz) - hslabs0);
	list = free_every_other(zone, list);
	KT_CHECK(uma_zone_check(zone) == 0);
	while ((item = list) != NULL) {
		list = *(void **)item;
		uma_zfree(zone, item);
	}

	dslabs = (long)uma_zone_slabs(zone) - (long)slabs0;
	dhdr = (long)uma_zone_slabs(sz) - (long)hslabs0;
	KT_CHECK(uma_zone_inuse(zone) == 0 &&
	    uma_zone_slabs(zone) <= UMA_MAX_EMPTY_SLABS,
	    "%lu items, %lu slabs kept", uma_zone_inuse(zone),
	    uma_zone_slabs(zone));
	KT_CHECK((long)uma_zone_inuse(sz) == (long)hdrs0 + dslabs,
	    "%lu slab headers in use, were %lu, %ld more slabs kept",
	    uma_zone_inuse(sz), hdrs0, dslabs);
	/* New header pages left: those of kept slabs and a cached one. */
	KT_CHECK(dhdr <= dslabs + UMA_MAX_EMPTY_SLABS, "%ld more header "
	    "pages, %ld more slabs", dhdr, dslabs);
	KT_CHECK((long)vm_cnt.v_free_count == (long)free0 - dslabs - dhdr &&
	    (long)vm_cnt.v_wire_count == (long)wired0 + dslabs + dhdr &&
	    (long)vm_cnt.v_wire_by_reason[VM_WIRE_KMEM] ==
	    (long)kmem0 + dslabs + dhdr,
	    "free %lu (was %lu), wired %lu (was %lu), kmem %lu (was %lu); "
	    "%ld more slabs, %ld more header pages", vm_cnt.v_free_count,
	    free0, vm_cnt.v_wire_count, wired0,
	    vm_cnt.v_wire_by_reason[VM_WIRE_KMEM], kmem0, dslabs, dhdr);
	KT_CHECK(uma_zone_check(zone) == 0);
}

KTEST(uma_offpage_headers_freed)
{
	static uma_zone_t z2048, z1024;

	if (z2048 == NULL) {
		z2048 = uma_zcreate("ktest-release-2048", 2048, 16);
		z1024 = uma_zcreate("ktest-release-1024", 1024, 16);
	}
	KT_REQUIRE(z2048 != NULL && z1024 != NULL && uma_slabzone() != NULL);
	check_offpage_release(z2048);
	check_offpage_release(z1024);
}

/* Allocate from `zone` (M_NOWAIT) into items[] until it says no. */
static int
fill_zone(uma_zone_t zone, void **items, int max)
{
	int n = 0;

	while (n < max && (items[n] = uma_zalloc(zone, M_NOWAIT)) != NULL)
		n++;
	return (n);
}

/*
 * A new off-page slab whose header cannot be had: with one direct-mapped
 * page free and no slab header to spare, the slab's page is found but
 * its header is not, and uma_zalloc(M_NOWAIT) must return NULL with the
 * page given back.  Then, with a second page free (for a page of
 * headers), the same call succeeds and takes both: so the first call did
 * get the page and fail on the header.
 */
KTEST(uma_offpage_header_shortage_gives_the_page_back)
{
	static uma_zone_t zone;
	static void *zitems[8];
	struct pglist held;
	uma_zone_t sz = uma_slabzone();
	u_long free0, kmem0, slabs0, hslabs0, hdrs0;
	int nz, nh, i;
	void *item;

	if (zone == NULL)
		zone = uma_zcreate("ktest-short-2048", 2048, 16);
	KT_REQUIRE(zone != NULL && sz != NULL);
	TAILQ_INIT(&held);
	ktest_drain(&held, 0, VM_ALLOC_INTERRUPT | VM_ALLOC_DIRECT);
	nz = fill_zone(zone, zitems, nitems(zitems));
	nh = fill_zone(sz, uma_test_items, UMA_TEST_ITEMS);
	if (nz < (int)nitems(zitems) && nh < UMA_TEST_ITEMS) {
		ktest_undrain(&held, 1);
		free0 = vm_cnt.v_free_count;
		kmem0 = vm_cnt.v_wire_by_reason[VM_WIRE_KMEM];
		slabs0 = uma_zone_slabs(zone);
		hslabs0 = uma_zone_slabs(sz);
		hdrs0 = uma_zone_inuse(sz);
		item = uma_zalloc(zone, M_NOWAIT | M_USE_RESERVE);
		KT_CHECK(item == NULL, "a slab without a header");
		KT_CHECK(vm_cnt.v_free_count == free0 &&
		    vm_cnt.v_wire_by_reason[VM_WIRE_KMEM] == kmem0 &&
		    uma_zone_slabs(zone) == slabs0 &&
		    uma_zone_slabs(sz) == hslabs0 &&
		    uma_zone_inuse(sz) == hdrs0,
		    "free %lu (was %lu), kmem %lu (was %lu), slabs %lu (were "
		    "%lu), header pages %lu (were %lu), headers %lu (were %lu)",
		    vm_cnt.v_free_count, free0,
		    vm_cnt.v_wire_by_reason[VM_WIRE_KMEM], kmem0,
		    uma_zone_slabs(zone), slabs0, uma_zone_slabs(sz), hslabs0,
		    uma_zone_inuse(sz), hdrs0);
		ktest_undrain(&held, 1);
		item = uma_zalloc(zone, M_NOWAIT | M_USE_RESERVE);
		KT_CHECK(item != NULL && vm_cnt.v_free_count == free0 - 1 &&
		    uma_zone_slabs(zone) == slabs0 + 1 &&
		    uma_zone_slabs(sz) == hslabs0 + 1, "with two pages free: "
		    "%p, free %lu (was %lu + 1), slabs %lu, header pages %lu",
		    item, vm_cnt.v_free_count, free0, uma_zone_slabs(zone),
		    uma_zone_slabs(sz));
		uma_zfree(zone, item);
	}
	for (i = 0; i < nh; i++)
		uma_zfree(sz, uma_test_items[i]);
	for (i = 0; i < nz; i++)
		uma_zfree(zone, zitems[i]);
	ktest_undrain(&held, -1);
	KT_CHECK(nz < (int)nitems(zitems) && nh < UMA_TEST_ITEMS,
	    "could not use up the free items: %d of the zone, %d headers",
	    nz, nh);
	KT_CHECK(uma_zone_check(zone) == 0);
}
