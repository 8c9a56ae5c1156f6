/*
 * test_fake_page.c - self tests of fake pages (vm_page_getfake and
 * putfake, vm/vm_page.c) on the real machine: how they are counted
 * (I-P4) and that the page array never finds them (I-P5).  The device
 * pager's use of them is tested on the host (test_device_pager.c) and
 * in user space (devpager_test.c).
 */
#include <kernel/systm.h>
#include <kernel/ktest.h>
#include <vm/vm.h>
#include <vm/vm_page.h>
#include <vm/vmmeter.h>

/* The VGA text buffer: device memory, in the hole below 1 MiB. */
#define VGA_TEXT_PA	0xb8000

/* I-P4: a fake page is wired once, for "device", and is not RAM. */
KTEST(ip4_fake_page_is_counted_apart_from_ram)
{
	u_long wired0 = vm_cnt.v_wire_count, free0 = vm_cnt.v_free_count;
	u_long dev0 = vm_cnt.v_wire_by_reason[VM_WIRE_DEVICE];
	vm_page_t m;

	m = vm_page_getfake(VGA_TEXT_PA, VM_MEMATTR_UNCACHEABLE);
	KT_REQUIRE(m != NULL);
	KT_CHECK((m->flags & PG_FICTITIOUS) != 0 &&
	    (m->oflags & VPO_UNMANAGED) != 0 && m->wire_count == 1 &&
	    m->wire_reason == VM_WIRE_DEVICE && m->object == NULL &&
	    m->phys_addr == VGA_TEXT_PA &&
	    m->pat_mode == VM_MEMATTR_UNCACHEABLE);
	KT_CHECK(vm_cnt.v_wire_count == wired0, "v_wire_count %lu, was %lu",
	    vm_cnt.v_wire_count, wired0);
	KT_CHECK(vm_cnt.v_wire_by_reason[VM_WIRE_DEVICE] == dev0 + 1);
	KT_CHECK(vm_page_audit() == 0, "the audit does not count it");
	vm_page_putfake(m);
	KT_CHECK(vm_cnt.v_wire_by_reason[VM_WIRE_DEVICE] == dev0 &&
	    vm_cnt.v_wire_count == wired0);
	/* Only the zone's slab may be kept (kernel memory), no page lost. */
	KT_CHECK(vm_cnt.v_free_count + vm_cnt.v_cache_kmem + 1 >= free0);
	KT_CHECK(vm_page_audit() == 0);
}

/* I-P5: PHYS_TO_VM_PAGE finds the RAM page or nothing, never a fake. */
KTEST(ip5_phys_to_vm_page_never_finds_a_fake_page)
{
	vm_page_t ram, fake, dev;

	ram = vm_page_alloc_noobj(VM_ALLOC_NORMAL);
	KT_REQUIRE(ram != NULL);
	fake = vm_page_getfake(VM_PAGE_TO_PHYS(ram), VM_MEMATTR_DEFAULT);
	dev = vm_page_getfake(VGA_TEXT_PA, VM_MEMATTR_UNCACHEABLE);
	KT_REQUIRE(fake != NULL && dev != NULL);
	KT_CHECK(PHYS_TO_VM_PAGE(VM_PAGE_TO_PHYS(fake)) == ram,
	    "the RAM page's address does not find the RAM page");
	KT_CHECK(PHYS_TO_VM_PAGE(VGA_TEXT_PA) == NULL,
	    "device memory has a vm_page");
	KT_CHECK(ram->wire_count == 0, "a fake page of its address wired it");
	vm_page_putfake(dev);
	vm_page_putfake(fake);
	vm_page_free(ram);
}
