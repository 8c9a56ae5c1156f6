/*
 * test_vm_map.c - vm_map on real page tables: an address space's map
 * with pages faulted in (vm_fault), then protect, partial and whole
 * removal, checked through the pmap's counts (pm_stats), pmap_extract
 * and reads through the address space; the free-space search over a
 * thousand entries; a guard entry; a map over the kernel pmap deleting
 * a system-wired entry without waiting (R33).  Every test leaves the
 * page, object and page-table counts as it found them.  The map's logic is tested in
 * depth on the host (tests/host/test_vm_map.c); this is the same code
 * against the real pmap.
 */
#include <kernel/systm.h>
#include <kernel/ktest.h>
#include <kernel/machdep.h>
#include <vm/vm.h>
#include <vm/vm_page.h>
#include <vm/vmmeter.h>
#include <vm/vm_object.h>
#include <vm/vm_map.h>
#include <vm/vm_kern.h>
#include <vm/pmap.h>
#include <machine/vmparam.h>

#include "ktest_vm.h"

#define NPAGES	16

#define KT_CHECK_RESIDENT(vm, n)					\
	KT_CHECK(pmap_resident_count(&(vm)->vm_pmap) == (n),		\
	    "resident %ld, want %ld", pmap_resident_count(&(vm)->vm_pmap),\
	    (long)(n))


static int
fault_all(struct vmspace *vm, vm_offset_t start, int npages, vm_prot_t type)
{
	int i, rv;

	for (i = 0; i < npages; i++) {
		rv = vm_fault(&vm->vm_map, start + ptoa(i), type,
		    VM_FAULT_NORMAL);
		if (rv != KERN_SUCCESS)
			return (rv);
	}
	return (KERN_SUCCESS);
}

/*
 * One round: map NPAGES, fault them in writing a byte to each, lower
 * the protection of a part (PTEs stay, the bytes read back), remove
 * the PTEs of another part with NONE, unmap a middle range, unmap all.
 */
static void
insert_protect_remove_round(void)
{
	struct vmspace *vm;
	vm_map_t map;
	vm_offset_t addr;
	int i;

	vm = vmspace_alloc(VM_MIN_USER_ADDRESS, VM_MAX_USER_ADDRESS);
	KT_REQUIRE(vm != NULL);
	map = &vm->vm_map;
	addr = VM_MIN_USER_ADDRESS;
	KT_REQUIRE(vm_map_find(map, NULL, 0, &addr, ptoa(NPAGES), 0,
	    VMFS_ANY_SPACE, VM_PROT_RW, VM_PROT_ALL, 0) == KERN_SUCCESS);
	KT_CHECK(addr == VM_MIN_USER_ADDRESS, "first fit: got %#lx",
	    (u_long)addr);
	KT_CHECK(fault_all(vm, addr, NPAGES, VM_PROT_WRITE) == KERN_SUCCESS);
	KT_CHECK_RESIDENT(vm, NPAGES);
	for (i = 0; i < NPAGES; i++)
		ktest_uaccess(vm, addr + ptoa(i), true, 0x40 + i);

	KT_CHECK(vm_map_protect(map, addr + ptoa(4), addr + ptoa(8),
	    VM_PROT_READ, false) == KERN_SUCCESS);
	KT_CHECK(map->nentries == 3, "protect clipped into %d entries",
	    map->nentries);
	KT_CHECK_RESIDENT(vm, NPAGES);
	KT_CHECK(ktest_uaccess(vm, addr + ptoa(5), false, 0) == 0x45,
	    "read-only page reads back");
	KT_CHECK(vm_map_protect(map, addr + ptoa(8), addr + ptoa(12),
	    VM_PROT_NONE, false) == KERN_SUCCESS);
	KT_CHECK_RESIDENT(vm, NPAGES - 4);
	KT_CHECK(pmap_extract(&vm->vm_pmap, addr + ptoa(9)) == 0 &&
	    pmap_extract(&vm->vm_pmap, addr + ptoa(12)) != 0);
	KT_CHECK(vm_map_protect(map, addr, addr + ptoa(NPAGES + 1),
	    VM_PROT_READ, false) == KERN_INVALID_ADDRESS,
	    "a range past the mapping");
	KT_CHECK(ktest_map_check(map) == 0);

	KT_CHECK(vm_map_remove(map, addr + ptoa(2), addr + ptoa(14)) ==
	    KERN_SUCCESS);
	KT_CHECK_RESIDENT(vm, 4);
	KT_CHECK(map->nentries == 2 && map->size == ptoa(4),
	    "%d entries, size %#lx", map->nentries, (u_long)map->size);
	KT_CHECK(ktest_uaccess(vm, addr + ptoa(1), false, 0) == 0x41 &&
	    ktest_uaccess(vm, addr + ptoa(14), false, 0) == 0x4e,
	    "the pages left keep their data");
	KT_CHECK(ktest_map_check(map) == 0);
	KT_CHECK(vm_map_remove(map, VM_MIN_USER_ADDRESS,
	    VM_MAX_USER_ADDRESS) == KERN_SUCCESS);
	KT_CHECK_RESIDENT(vm, 0);
	KT_CHECK(map->nentries == 0 && map->size == 0);
	vmspace_free(vm);
}

KTEST(vm_map_insert_protect_remove_on_real_pmap)
{
	struct ktest_vm_counts base;

	/* A first round warms the zones (map entries, objects, pv). */
	insert_protect_remove_round();
	base = ktest_vm_counts();
	insert_protect_remove_round();
	KT_CHECK_VM_COUNTS(ktest_vm_counts(), base);
}

KTEST(vm_map_findspace_over_many_entries)
{
	struct vmspace *vm;
	vm_map_t map;
	vm_offset_t addr, base_va;
	int i, n = 1000;

	vm = vmspace_alloc(VM_MIN_USER_ADDRESS, VM_MAX_USER_ADDRESS);
	KT_REQUIRE(vm != NULL);
	map = &vm->vm_map;
	base_va = VM_MIN_USER_ADDRESS;
	vm_map_lock(map);
	for (i = 0; i < n; i++)
		KT_REQUIRE(vm_map_insert(map, NULL, 0, base_va + ptoa(2 * i),
		    base_va + ptoa(2 * i + 1), i % 2 ? VM_PROT_READ :
		    VM_PROT_RW, VM_PROT_ALL, 0) == KERN_SUCCESS);
	KT_CHECK(map->nentries == n);
	KT_CHECK(vm_map_findspace(map, base_va, ptoa(2), &addr) &&
	    addr == base_va + ptoa(2 * n - 1), "got %#lx", (u_long)addr);
	KT_CHECK(vm_map_delete(map, base_va + ptoa(500), base_va + ptoa(501))
	    == KERN_SUCCESS);
	KT_CHECK(vm_map_findspace(map, base_va, ptoa(3), &addr) &&
	    addr == base_va + ptoa(499), "got %#lx", (u_long)addr);
	KT_CHECK(vm_map_check(map) == 0);
	vm_map_unlock(map);
	vmspace_free(vm);
}

KTEST(vm_map_guard_entry_faults_fail)
{
	struct vmspace *vm;
	vm_map_t map;
	vm_offset_t addr;

	vm = vmspace_alloc(VM_MIN_USER_ADDRESS, VM_MAX_USER_ADDRESS);
	KT_REQUIRE(vm != NULL);
	map = &vm->vm_map;
	addr = VM_MIN_USER_ADDRESS + ptoa(16);
	KT_REQUIRE(vm_map_find(map, NULL, 0, &addr, ptoa(2), 0,
	    VMFS_NO_SPACE, VM_PROT_NONE, VM_PROT_NONE, MAP_CREATE_GUARD) ==
	    KERN_SUCCESS);
	KT_CHECK(vm_fault(map, addr, VM_PROT_READ, VM_FAULT_NORMAL) ==
	    KERN_PROTECTION_FAILURE);
	KT_CHECK(vm_fault(map, addr + ptoa(2), VM_PROT_READ,
	    VM_FAULT_NORMAL) == KERN_INVALID_ADDRESS, "past the guard");
	KT_CHECK_RESIDENT(vm, 0);
	KT_CHECK(map->size == 0 && map->nentries == 1);
	KT_CHECK(ktest_map_check(map) == 0);
	vmspace_free(vm);
}

/*
 * R33: a map whose pmap is the kernel's deletes an entry with a system
 * wiring at once (unwiring it), where a user map would wait (R36); the
 * test thread would hang here if it waited.
 */
KTEST(r33_kernel_map_deletes_system_wired_entry_without_waiting)
{
	struct ktest_vm_counts base;
	struct vm_map kmap;
	vm_object_t obj;
	vm_offset_t va;
	u_long sys0;
	int round;

	/* A first round warms the zones (map entries, objects, pv). */
	for (round = 0; round < 2; round++) {
		base = ktest_vm_counts();
		sys0 = vm_cnt.v_wire_by_reason[VM_WIRE_SYSTEM];
		va = kva_alloc(ptoa(4));
		KT_REQUIRE(va != 0);
		KT_REQUIRE(pmap_growkernel(va + ptoa(4)) == 0);
		vm_map_init(&kmap, kernel_pmap, va, va + ptoa(4));
		KT_CHECK(kmap.system_map);
		obj = vm_object_allocate(OBJT_DEFAULT, 4);
		KT_REQUIRE(obj != NULL);
		vm_map_lock(&kmap);
		KT_REQUIRE(vm_map_insert(&kmap, obj, 0, va, va + ptoa(4),
		    VM_PROT_RW, VM_PROT_ALL, 0) == KERN_SUCCESS);
		vm_map_unlock(&kmap);
		KT_CHECK(vm_map_wire(&kmap, va, va + ptoa(4),
		    VM_MAP_WIRE_SYSTEM | VM_MAP_WIRE_NOHOLES) == KERN_SUCCESS);
		KT_CHECK(vm_cnt.v_wire_by_reason[VM_WIRE_SYSTEM] == sys0 + 4);
		KT_CHECK(pmap_kextract(va + ptoa(3)) != 0);
		*(volatile char *)(uintptr_t)(va + 3 * PAGE_SIZE) = 1;
		KT_CHECK(vm_map_remove(&kmap, va, va + ptoa(4)) ==
		    KERN_SUCCESS, "R33: deleted without waiting");
		KT_CHECK(kmap.nentries == 0 &&
		    vm_cnt.v_wire_by_reason[VM_WIRE_SYSTEM] == sys0 &&
		    pmap_kextract(va) == 0 && pmap_kextract(va + ptoa(3)) == 0);
		kva_free(va, ptoa(4));
	}
	KT_CHECK_VM_COUNTS(ktest_vm_counts(), base);
}
