/*
 * test_device_pager.c - host tests of the device pager and fake pages
 * (vm/device_pager.c, vm_page_getfake/putfake; SEMANTICS 2.K, I-P4,
 * I-P5, I-O1): faults, wiring and unwiring of a device mapping on a
 * map over the fake pmap, one test per rule (the name carries its id).
 *
 * The pretend device is DEV_PAGES pages of ordinary RAM, allocated
 * wired as kernel memory, as /dev/devtest is in the kernel: the pages
 * behind the mapping are also wired elsewhere, so an unwiring that
 * went through the physical address (PR kern/29915) would change their
 * wire counts.  Every test ends with the map empty, the device's
 * object gone and every counter back.
 */
#include <stdio.h>
#include <string.h>

#include "tap.h"
#include "vmhost/vmhost.h"
#include "vmhost/pmap_fake.h"

#include <kernel/systm.h>
#include <sys/errno.h>
#include <vm/vm.h>
#include <vm/vm_map.h>
#include <vm/vm_object.h>
#include <vm/vm_page.h>
#include <vm/vm_pager.h>
#include <vm/vm_radix.h>
#include <vm/vmmeter.h>
#include <vm/pmap.h>

#define RAM_BYTES	(16UL << 20)
#define MAP_MIN		((vm_offset_t)0x10000000)
#define MAP_PAGES	64
#define MAP_MAX		(MAP_MIN + MAP_PAGES * PAGE_SIZE)
#define P(n)		(MAP_MIN + (vm_offset_t)(n) * PAGE_SIZE)
#define DEV_PAGES	4

#define USER		(VM_MAP_WIRE_USER | VM_MAP_WIRE_NOHOLES)
#define SYS		(VM_MAP_WIRE_SYSTEM | VM_MAP_WIRE_NOHOLES)

static struct vm_map map;
static struct pmap upmap;
static vm_page_t ram[DEV_PAGES];	/* the device's memory */
static int dev_fail_at = -1;		/* d_mmap fails for this page */
static u_long free0, wired0, fake0, objects0;

/*
 * Wired RAM other than kernel memory and page tables (which the first
 * use of a zone or an address range may keep), and the free pages plus
 * those two: a wiring of a fake page's address would move either.
 */
static u_long
wired_other(void)
{
	return (vm_cnt.v_wire_count - vm_cnt.v_wire_by_reason[VM_WIRE_KMEM] -
	    vm_cnt.v_wire_by_reason[VM_WIRE_PGTABLE]);
}

static u_long
free_or_kernel(void)
{
	return (vm_cnt.v_free_count + vm_cnt.v_wire_by_reason[VM_WIRE_KMEM] +
	    vm_cnt.v_wire_by_reason[VM_WIRE_PGTABLE]);
}

static int
dev_d_mmap(void *handle, vm_ooffset_t offset, vm_paddr_t *paddr,
    vm_memattr_t *memattr)
{
	(void)handle;
	if (offset >= ptoa(DEV_PAGES) || (int)atop(offset) == dev_fail_at)
		return (ENXIO);
	*paddr = VM_PAGE_TO_PHYS(ram[atop(offset)]);
	*memattr = VM_MEMATTR_WRITE_COMBINING;
	return (0);
}

static const struct dev_pager_ops dev_ops = { .d_mmap = dev_d_mmap };
#define DEV_HANDLE	((void *)&dev_ops)

static void
setup(void)
{
	memset(&map, 0xa5, sizeof(map));
	vm_map_init(&map, &upmap, MAP_MIN, MAP_MAX);
	free0 = free_or_kernel();
	wired0 = wired_other();
	fake0 = vm_cnt.v_wire_by_reason[VM_WIRE_DEVICE];
	objects0 = vm_object_count();
}

static bool
ram_wired_once(void)
{
	int i;

	for (i = 0; i < DEV_PAGES; i++)
		if (ram[i]->wire_count != 1 ||
		    ram[i]->wire_reason != VM_WIRE_KMEM)
			return (false);
	return (true);
}

/* Empty the map: the object dies, its fake pages with it (R63). */
static void
teardown(void)
{
	struct dev_pager_info di;

	CHECK(vm_map_remove(&map, MAP_MIN, MAP_MAX) == KERN_SUCCESS);
	CHECK(dev_pager_info(DEV_HANDLE, &di) == ENOENT,
	    "R63 the device's object outlives its mappings");
	CHECK(vm_object_count() == objects0);
	CHECK(vm_cnt.v_wire_by_reason[VM_WIRE_DEVICE] == fake0 &&
	    vm_page_fake_count() == fake0, "R63 fake pages %lu (zone %lu), "
	    "were %lu", vm_cnt.v_wire_by_reason[VM_WIRE_DEVICE],
	    vm_page_fake_count(), fake0);
	CHECK(wired_other() == wired0, "wired pages %lu, were %lu",
	    wired_other(), wired0);
	CHECK(ram_wired_once(), "R61 the device's RAM lost its wiring");
	CHECK(pmap_wired_count(&upmap) == 0 &&
	    pmap_resident_count(&upmap) == 0 && pmap_fake_check(&upmap) == 0);
	CHECK(vm_page_audit() == 0);
	CHECK(free_or_kernel() == free0, "free %lu, was %lu",
	    free_or_kernel(), free0);
}

/* Map the device's pages [first, first + n) at P(at), shared. */
static int
map_device(int at, int first, int n, vm_prot_t prot)
{
	vm_object_t object;
	int rv;

	object = dev_pager_alloc(DEV_HANDLE, &dev_ops, ptoa(DEV_PAGES));
	if (object == NULL)
		return (KERN_RESOURCE_SHORTAGE);
	vm_map_lock(&map);
	rv = vm_map_insert(&map, object, ptoa(first), P(at), P(at + n), prot,
	    VM_PROT_ALL, MAP_INHERIT_SHARE);
	vm_map_unlock(&map);
	if (rv != KERN_SUCCESS)
		vm_object_deallocate(object);
	return (rv);
}

static struct dev_pager_info
info(void)
{
	struct dev_pager_info di;

	memset(&di, 0, sizeof(di));
	CHECK(dev_pager_info(DEV_HANDLE, &di) == 0, "the device has no "
	    "object");
	return (di);
}

static int
insert_anon_at(int pg)
{
	int rv;

	vm_map_lock(&map);
	rv = vm_map_insert(&map, NULL, 0, P(pg), P(pg + 1), VM_PROT_RW,
	    VM_PROT_ALL, 0);
	vm_map_unlock(&map);
	return (rv);
}

static int
entry_inheritance(int pg)
{
	vm_map_entry_t e;
	int inh = -1;

	vm_map_lock_read(&map);
	if (vm_map_lookup_entry(&map, P(pg), &e))
		inh = e->inheritance;
	vm_map_unlock_read(&map);
	return (inh);
}

/* The page mapped at P(pg), or NULL. */
static vm_page_t
mapped(int pg)
{
	struct pmap_fake_mapping fm;

	return (pmap_fake_lookup(&upmap, P(pg), &fm) ? fm.m : NULL);
}

static void
r59_first_fault_creates_a_fake_page(void)
{
	struct dev_pager_info di;
	vm_page_t m;

	setup();
	REQUIRE(map_device(0, 0, DEV_PAGES, VM_PROT_RW) == KERN_SUCCESS);
	di = info();
	CHECK(di.ref_count == 1 && di.fake_pages == 0 && di.resident == 0);
	CHECK(vm_fault(&map, P(1), VM_PROT_READ, 0) == KERN_SUCCESS);
	m = mapped(1);
	REQUIRE(m != NULL, "R59 nothing mapped after the fault");
	CHECK((m->flags & PG_FICTITIOUS) != 0 &&
	    (m->oflags & VPO_UNMANAGED) != 0 && m->wire_count == 1 &&
	    m->wire_reason == VM_WIRE_DEVICE && m->pindex == 1 &&
	    m->pat_mode == VM_MEMATTR_WRITE_COMBINING &&
	    VM_PAGE_TO_PHYS(m) == VM_PAGE_TO_PHYS(ram[1]),
	    "R59 the fault's page is no fake page of the device's address");
	CHECK(m != ram[1] && PHYS_TO_VM_PAGE(VM_PAGE_TO_PHYS(m)) == ram[1],
	    "I-P5 PHYS_TO_VM_PAGE finds the RAM page, never the fake one");
	CHECK(pmap_fake_page_mappings(m) == 0, "an unmanaged page got a pv");
	di = info();
	CHECK(di.fake_pages == 1 && di.resident == 1 && di.wire_min == 1 &&
	    di.wire_max == 1);
	CHECK(vm_cnt.v_wire_by_reason[VM_WIRE_DEVICE] == fake0 + 1 &&
	    wired_other() == wired0, "I-P4 fake pages %lu, wired %lu",
	    vm_cnt.v_wire_by_reason[VM_WIRE_DEVICE], wired_other());
	CHECK(vm_page_audit() == 0, "the audit counts the fake page");
	/* Faulting again, for writing, reuses it. */
	CHECK(vm_fault(&map, P(1), VM_PROT_WRITE, 0) == KERN_SUCCESS);
	CHECK(mapped(1) == m);
	di = info();
	CHECK(di.fake_pages == 1 && di.resident == 1, "R59 %d fake pages",
	    di.fake_pages);
	CHECK(vm_fault(&map, P(3), VM_PROT_WRITE, 0) == KERN_SUCCESS);
	di = info();
	CHECK(di.fake_pages == 2);
	teardown();
}

static void
r59_mappings_share_one_object(void)
{
	struct dev_pager_info di;

	setup();
	REQUIRE(map_device(0, 0, DEV_PAGES, VM_PROT_RW) == KERN_SUCCESS);
	REQUIRE(map_device(10, 2, 2, VM_PROT_READ) == KERN_SUCCESS);
	CHECK(vm_fault(&map, P(2), VM_PROT_READ, 0) == KERN_SUCCESS);
	CHECK(vm_fault(&map, P(10), VM_PROT_READ, 0) == KERN_SUCCESS);
	CHECK(mapped(2) != NULL && mapped(2) == mapped(10));
	di = info();
	CHECK(di.ref_count == 2 && di.fake_pages == 1);
	CHECK(vm_map_remove(&map, P(0), P(DEV_PAGES)) == KERN_SUCCESS);
	di = info();
	CHECK(di.ref_count == 1 && di.fake_pages == 1,
	    "R63 the fake pages stay while a mapping does");
	teardown();
}

/* A device that refuses a page: the fault fails, nothing is left. */
static void
r59_d_mmap_failure_leaves_nothing(void)
{
	struct dev_pager_info di;

	setup();
	REQUIRE(map_device(0, 0, DEV_PAGES, VM_PROT_RW) == KERN_SUCCESS);
	dev_fail_at = 2;
	CHECK(vm_fault(&map, P(2), VM_PROT_READ, 0) == KERN_FAILURE);
	CHECK(vm_map_wire(&map, P(0), P(DEV_PAGES), USER) != KERN_SUCCESS,
	    "R3 a wiring over a page the device refuses succeeds");
	dev_fail_at = -1;
	di = info();
	CHECK(di.resident == di.fake_pages && di.fake_pages <= 2 &&
	    mapped(2) == NULL);
	CHECK(pmap_wired_count(&upmap) == 0);
	CHECK(vm_fault(&map, P(2), VM_PROT_READ, 0) == KERN_SUCCESS);
	teardown();
}

/* R60: wiring faults every page in with a wired PTE; no page wired. */
static void
r60_wiring_wires_ptes_not_pages(void)
{
	struct dev_pager_info di;
	int i;

	setup();
	REQUIRE(map_device(0, 0, DEV_PAGES, VM_PROT_RW) == KERN_SUCCESS);
	CHECK(vm_map_wire(&map, P(0), P(DEV_PAGES), USER) == KERN_SUCCESS);
	CHECK(pmap_wired_count(&upmap) == DEV_PAGES);
	for (i = 0; i < DEV_PAGES; i++)
		CHECK(mapped(i) != NULL &&
		    (mapped(i)->flags & PG_FICTITIOUS) != 0);
	di = info();
	CHECK(di.fake_pages == DEV_PAGES && di.wire_min == 1 &&
	    di.wire_max == 1, "R62 wire counts %u..%u", di.wire_min,
	    di.wire_max);
	CHECK(wired_other() == wired0 &&
	    vm_cnt.v_wire_by_reason[VM_WIRE_USER] == 0,
	    "I-P4 wiring a device mapping wired pages");
	CHECK(ram_wired_once());
	CHECK(vm_map_wire(&map, P(0), P(DEV_PAGES), SYS) == KERN_SUCCESS);
	CHECK(vm_map_unwire(&map, P(0), P(DEV_PAGES), USER) == KERN_SUCCESS);
	CHECK(pmap_wired_count(&upmap) == DEV_PAGES);
	CHECK(vm_map_unwire(&map, P(0), P(DEV_PAGES), SYS) == KERN_SUCCESS);
	CHECK(pmap_wired_count(&upmap) == 0);
	teardown();
}

/*
 * R61: unwiring clears the PTEs' wired bits by address and never
 * looks a page up by its physical address: the RAM pages behind the
 * device keep their one wiring (as kernel memory).
 */
static void
r61_io1_unwire_never_goes_through_the_physical_address(void)
{
	setup();
	REQUIRE(map_device(0, 0, DEV_PAGES, VM_PROT_RW) == KERN_SUCCESS);
	CHECK(vm_map_wire(&map, P(0), P(DEV_PAGES), USER) == KERN_SUCCESS);
	CHECK(vm_map_unwire(&map, P(1), P(3), USER) == KERN_SUCCESS);
	CHECK(ram_wired_once() && pmap_wired_count(&upmap) == 2);
	CHECK(vm_map_unwire(&map, P(0), P(DEV_PAGES), USER) == KERN_SUCCESS);
	CHECK(ram_wired_once() && pmap_wired_count(&upmap) == 0);
	/* munmap of a wired device mapping (R45, R63). */
	CHECK(vm_map_wire(&map, P(0), P(DEV_PAGES), USER) == KERN_SUCCESS);
	teardown();
}

/* R62: 100 wire/unwire cycles; every fake page's wire count is 1. */
static void
r62_wire_count_stays_1(void)
{
	struct dev_pager_info di;
	int i, bad = 0;

	setup();
	REQUIRE(map_device(0, 0, DEV_PAGES, VM_PROT_RW) == KERN_SUCCESS);
	for (i = 0; i < 100; i++) {
		if (vm_map_wire(&map, P(0), P(DEV_PAGES), i % 2 == 0 ? USER :
		    SYS) != KERN_SUCCESS)
			bad++;
		di = info();
		if (di.wire_min != 1 || di.wire_max != 1)
			bad++;
		if (vm_map_unwire(&map, P(0), P(DEV_PAGES), i % 2 == 0 ?
		    USER : SYS) != KERN_SUCCESS)
			bad++;
	}
	di = info();
	CHECK(bad == 0 && di.fake_pages == DEV_PAGES && di.wire_min == 1 &&
	    di.wire_max == 1, "R62 %d failures, wire counts %u..%u", bad,
	    di.wire_min, di.wire_max);
	teardown();
}

/*
 * R63: 1,000 rounds of map, fault, wire, unmap: the object dies every
 * round with its fake pages, and nothing is left (teardown checks).
 */
static void
r63_cycles_leave_nothing(void)
{
	int i, bad = 0;

	setup();
	for (i = 0; i < 1000; i++) {
		if (map_device(0, 0, DEV_PAGES, VM_PROT_RW) != KERN_SUCCESS ||
		    vm_fault(&map, P(i % DEV_PAGES), VM_PROT_WRITE, 0) !=
		    KERN_SUCCESS ||
		    vm_map_wire(&map, P(0), P(DEV_PAGES), USER) !=
		    KERN_SUCCESS ||
		    vm_map_remove(&map, P(0), P(DEV_PAGES)) != KERN_SUCCESS)
			bad++;
		if (vm_cnt.v_wire_by_reason[VM_WIRE_DEVICE] != fake0)
			bad++;
	}
	CHECK(bad == 0, "R63 %d failures", bad);
	teardown();
}

/* R63: truncation and MS_INVALIDATE-style removal keep fake pages. */
static void
r63_page_remove_keeps_fake_pages(void)
{
	struct dev_pager_info di;
	vm_object_t object;
	vm_map_entry_t e;

	setup();
	REQUIRE(map_device(0, 0, DEV_PAGES, VM_PROT_RW) == KERN_SUCCESS);
	CHECK(vm_map_wire(&map, P(0), P(DEV_PAGES), USER) == KERN_SUCCESS);
	vm_map_lock_read(&map);
	REQUIRE(vm_map_lookup_entry(&map, P(0), &e));
	object = e->object;
	VM_OBJECT_WLOCK(object);
	vm_object_page_remove(object, 0, 0, 0);
	vm_object_page_remove(object, 0, 0, OBJPR_CLEANONLY);
	VM_OBJECT_WUNLOCK(object);
	vm_map_unlock_read(&map);
	di = info();
	CHECK(di.fake_pages == DEV_PAGES && di.resident == DEV_PAGES &&
	    mapped(0) != NULL && mapped(0)->valid != 0);
	teardown();
}

/* R64: a device mapping is never copied on write, not even at fork. */
static void
r64_no_copy_inheritance(void)
{
	setup();
	REQUIRE(map_device(0, 0, DEV_PAGES, VM_PROT_RW) == KERN_SUCCESS);
	REQUIRE(insert_anon_at(8) == KERN_SUCCESS);
	CHECK(vm_map_inherit(&map, P(0), P(9), VM_INHERIT_COPY) ==
	    KERN_INVALID_ARGUMENT, "R64 VM_INHERIT_COPY over a device");
	CHECK(entry_inheritance(8) == VM_INHERIT_DEFAULT &&
	    entry_inheritance(0) == VM_INHERIT_SHARE, "changed anyway");
	CHECK(vm_map_inherit(&map, P(8), P(9), VM_INHERIT_COPY) ==
	    KERN_SUCCESS);
	CHECK(vm_map_inherit(&map, P(0), P(9), VM_INHERIT_NONE) ==
	    KERN_SUCCESS && entry_inheritance(0) == VM_INHERIT_NONE);
	teardown();
}

/* vm_page_replace puts a page in another's place without a node. */
static void
page_replace_swaps_in_place(void)
{
	vm_object_t o;
	vm_page_t a, b, old;
	u_long nodes;

	o = vm_object_allocate(OBJT_DEFAULT, 8);
	REQUIRE(o != NULL);
	VM_OBJECT_WLOCK(o);
	a = vm_page_alloc(o, 5, VM_ALLOC_NORMAL);
	REQUIRE(a != NULL);
	b = vm_page_alloc_noobj(VM_ALLOC_NORMAL);
	REQUIRE(b != NULL);
	nodes = vm_radix_node_count();
	old = vm_page_replace(b, o, 5);
	CHECK(old == a && a->object == NULL && b->object == o &&
	    b->pindex == 5 && vm_page_lookup(o, 5) == b &&
	    o->resident_page_count == 1 && vm_radix_node_count() == nodes);
	vm_page_free(a);
	VM_OBJECT_WUNLOCK(o);
	CHECK(vm_object_check(o) == 0);
	vm_object_deallocate(o);
}

int
main(void)
{
	int i;

	vmhost_boot(RAM_BYTES);
	vm_radix_zinit();
	vm_object_init();
	vm_map_zinit();
	if (pmap_pinit(&upmap) != 0) {
		printf("# pmap_pinit failed\n");
		return (2);
	}
	for (i = 0; i < DEV_PAGES; i++)
		if ((ram[i] = vm_page_alloc_noobj(VM_ALLOC_KMEM)) == NULL) {
			printf("# no RAM for the device\n");
			return (2);
		}
	TAP_RUN(r59_first_fault_creates_a_fake_page);
	TAP_RUN(r59_mappings_share_one_object);
	TAP_RUN(r59_d_mmap_failure_leaves_nothing);
	TAP_RUN(r60_wiring_wires_ptes_not_pages);
	TAP_RUN(r61_io1_unwire_never_goes_through_the_physical_address);
	TAP_RUN(r62_wire_count_stays_1);
	TAP_RUN(r63_cycles_leave_nothing);
	TAP_RUN(r63_page_remove_keeps_fake_pages);
	TAP_RUN(r64_no_copy_inheritance);
	TAP_RUN(page_replace_swaps_in_place);
	return (tap_exit_status());
}
