/*
 * test_uma.c - self tests of the zone allocator: items are distinct,
 * aligned and in wired kmem slab pages; uma_zone_of finds their zone;
 * empty slabs beyond the cache go back to the page allocator; M_ZERO
 * zeroes a used item; uma_zone_check notices a broken free list.
 *
 * Zones cannot be destroyed, so each test creates its zones once per
 * boot and compares page counts through uma_zone_slabs().
 */
#include <kernel/systm.h>
#include <kernel/ktest.h>
#include <vm/vm.h>
#include <vm/vm_page.h>
#include <vm/vmmeter.h>
#include <vm/vm_kern.h>
#include <vm/uma.h>
#include <machine/vmparam.h>

#define UMA_TEST_ITEMS	600

static void *uma_test_items[UMA_TEST_ITEMS];

/* The vm_page of a direct-mapped item. */
static vm_page_t
item_page(const void *item)
{
	return (PHYS_TO_VM_PAGE(DMAP_TO_PHYS(trunc_page((vm_offset_t)item))));
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
	u_long slabs0 = uma_zone_slabs(zone);
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
	KT_CHECK(vm_cnt.v_free_count + uma_zone_slabs(zone) ==
	    free0 + slabs0 && vm_cnt.v_wire_by_reason[VM_WIRE_KMEM] ==
	    kmem0 + uma_zone_slabs(zone) - slabs0,
	    "free %lu, kmem wired %lu with %lu slabs", vm_cnt.v_free_count,
	    vm_cnt.v_wire_by_reason[VM_WIRE_KMEM], uma_zone_slabs(zone));
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
	KT_CHECK(vm_cnt.v_free_count + uma_zone_slabs(zone) ==
	    free0 + slabs0 && vm_cnt.v_wire_by_reason[VM_WIRE_KMEM] ==
	    kmem0 + uma_zone_slabs(zone) - slabs0,
	    "free %lu (was %lu), kmem wired %lu (was %lu), %lu slabs "
	    "(were %lu)", vm_cnt.v_free_count, free0,
	    vm_cnt.v_wire_by_reason[VM_WIRE_KMEM], kmem0,
	    uma_zone_slabs(zone), slabs0);
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
