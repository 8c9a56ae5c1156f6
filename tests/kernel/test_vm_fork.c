/*
 * test_vm_fork.c - the machine-independent VM on real page tables:
 * faults, fork with each inheritance, copy-on-write, teardown.  Pages
 * are touched through the address space itself (its pmap is loaded
 * while the kernel reads or writes a user address), after vm_fault has
 * made the mapping, since there is no user mode yet to fault for us.
 */
#include <kernel/systm.h>
#include <kernel/ktest.h>
#include <kernel/machdep.h>
#include <vm/vm.h>
#include <vm/vm_page.h>
#include <vm/vmmeter.h>
#include <vm/vm_object.h>
#include <vm/vm_map.h>
#include <vm/pmap.h>
#include <machine/vmparam.h>

#include "ktest_vm.h"

#define NPAGES	4

/*
 * Fault `va` in for `access`, then read or write it through `vm`
 * (ktest_uaccess).  An error is -1000 - the fault's KERN_* code, or -1.
 */
static int
uaccess(struct vmspace *vm, vm_offset_t va, vm_prot_t access, int value)
{
	int rv;

	rv = vm_fault(&vm->vm_map, va, access, VM_FAULT_NORMAL);
	if (rv != KERN_SUCCESS)
		return (-1000 - rv);
	return (ktest_uaccess(vm, va, (access & VM_PROT_WRITE) != 0, value));
}

#define UREAD(vm, va)		uaccess((vm), (va), VM_PROT_READ, 0)
#define UWRITE(vm, va, v)	uaccess((vm), (va), VM_PROT_WRITE, (v))


/* A new address space with NPAGES of anonymous memory at *addr. */
static struct vmspace *
space_with_memory(vm_offset_t *addr)
{
	struct vmspace *vm;

	vm = vmspace_alloc(VM_MIN_USER_ADDRESS, VM_MAX_USER_ADDRESS);
	if (vm == NULL)
		return (NULL);
	*addr = VM_MIN_USER_ADDRESS;
	if (vm_map_find(&vm->vm_map, NULL, 0, addr, ptoa(NPAGES), 0,
	    VMFS_ANY_SPACE, VM_PROT_RW, VM_PROT_ALL, 0) != KERN_SUCCESS) {
		vmspace_free(vm);
		return (NULL);
	}
	return (vm);
}

/* Parent writes 0x10+i, forks; each side's later writes stay its own. */
static void
cow_cycle(void)
{
	struct vmspace *parent, *child;
	vm_offset_t a;
	int i;

	parent = space_with_memory(&a);
	KT_REQUIRE(parent != NULL);
	for (i = 0; i < NPAGES; i++)
		KT_CHECK(UWRITE(parent, a + ptoa(i), 0x10 + i) == 0);
	child = vmspace_fork(parent);
	KT_REQUIRE(child != NULL, "fork failed");
	KT_CHECK(UREAD(child, a) == 0x10, "child sees %d",
	    UREAD(child, a));
	UWRITE(parent, a, 0xbb);
	UWRITE(child, a + PAGE_SIZE, 0xcc);
	KT_CHECK(UREAD(parent, a) == 0xbb && UREAD(child, a) == 0x10,
	    "page 0: parent %d child %d", UREAD(parent, a), UREAD(child, a));
	KT_CHECK(UREAD(parent, a + PAGE_SIZE) == 0x11 &&
	    UREAD(child, a + PAGE_SIZE) == 0xcc, "page 1 crossed over");
	KT_CHECK(pmap_extract(&parent->vm_pmap, a) !=
	    pmap_extract(&child->vm_pmap, a), "written page still shared");
	KT_CHECK(UREAD(parent, a + ptoa(2)) == 0x12 &&
	    UREAD(child, a + ptoa(2)) == 0x12);
	KT_CHECK(pmap_extract(&parent->vm_pmap, a + ptoa(2)) ==
	    pmap_extract(&child->vm_pmap, a + ptoa(2)),
	    "a page only read after the fork was copied");
	KT_CHECK(ktest_map_check(&parent->vm_map) == 0 &&
	    ktest_map_check(&child->vm_map) == 0);
	vmspace_free(child);
	KT_CHECK(UREAD(parent, a + ptoa(3)) == 0x13);
	vmspace_free(parent);
}

/*
 * Copy-on-write after fork, both ways, and after both exit every page,
 * page-table page and object is back (the first round warms the zones).
 */
KTEST(vm_fork_cow_and_teardown)
{
	struct ktest_vm_counts base;

	cow_cycle();
	base = ktest_vm_counts();
	cow_cycle();
	KT_CHECK_VM_COUNTS(ktest_vm_counts(), base);
}

/* Zero-fill: a fresh page reads 0; an address outside a map faults. */
KTEST(vm_fault_zero_fill_and_bad_address)
{
	struct vmspace *vm;
	vm_offset_t a;

	vm = space_with_memory(&a);
	KT_REQUIRE(vm != NULL);
	KT_CHECK(UREAD(vm, a + PAGE_SIZE) == 0);
	KT_CHECK(vm_fault(&vm->vm_map, a + ptoa(NPAGES), VM_PROT_READ, 0) ==
	    KERN_INVALID_ADDRESS);
	KT_CHECK(vm_map_protect(&vm->vm_map, a, a + PAGE_SIZE, VM_PROT_READ,
	    false) == KERN_SUCCESS);
	KT_CHECK(vm_fault(&vm->vm_map, a, VM_PROT_WRITE, 0) ==
	    KERN_PROTECTION_FAILURE);
	KT_CHECK(pmap_resident_count(&vm->vm_pmap) == 1);
	vmspace_free(vm);
}

/* R50, R51: SHARE shows writes both ways; ZERO gives zeros; NONE a hole. */
KTEST(r50_r51_fork_share_zero_none)
{
	struct vmspace *parent, *child;
	vm_offset_t a;

	parent = space_with_memory(&a);
	KT_REQUIRE(parent != NULL);
	UWRITE(parent, a, 0x21);
	UWRITE(parent, a + PAGE_SIZE, 0x22);
	UWRITE(parent, a + ptoa(2), 0x23);
	KT_REQUIRE(vm_map_inherit(&parent->vm_map, a, a + PAGE_SIZE,
	    VM_INHERIT_SHARE) == KERN_SUCCESS);
	KT_REQUIRE(vm_map_inherit(&parent->vm_map, a + PAGE_SIZE,
	    a + ptoa(2), VM_INHERIT_ZERO) == KERN_SUCCESS);
	KT_REQUIRE(vm_map_inherit(&parent->vm_map, a + ptoa(2), a + ptoa(3),
	    VM_INHERIT_NONE) == KERN_SUCCESS);
	child = vmspace_fork(parent);
	KT_REQUIRE(child != NULL);
	UWRITE(child, a, 0x31);
	KT_CHECK(UREAD(parent, a) == 0x31, "SHARE: parent reads %d",
	    UREAD(parent, a));
	KT_CHECK(UREAD(child, a + PAGE_SIZE) == 0, "ZERO: child reads %d",
	    UREAD(child, a + PAGE_SIZE));
	KT_CHECK(UREAD(parent, a + PAGE_SIZE) == 0x22);
	KT_CHECK(vm_fault(&child->vm_map, a + ptoa(2), VM_PROT_READ, 0) ==
	    KERN_INVALID_ADDRESS, "NONE: the child has the page");
	vmspace_free(child);
	vmspace_free(parent);
}

/*
 * R48: a wired writable COPY entry is copied into the child at fork; the
 * parent's wired page stays where it was, writable, wired.  The entry is
 * wired by hand (wired_count, vm_fault_wire), standing in for the wiring
 * engine that comes with the wiring issue.
 */
KTEST(r48_fork_copies_wired_writable_entry)
{
	struct vmspace *parent, *child;
	vm_map_entry_t e;
	vm_paddr_t pa;
	vm_offset_t a;

	parent = space_with_memory(&a);
	KT_REQUIRE(parent != NULL);
	vm_map_lock(&parent->vm_map);
	KT_REQUIRE(vm_map_lookup_entry(&parent->vm_map, a, &e));
	e->wired_count = 1;
	vm_map_unlock(&parent->vm_map);
	KT_REQUIRE(vm_fault_wire(&parent->vm_map, a, a + ptoa(NPAGES),
	    VM_WIRE_USER) == KERN_SUCCESS);
	KT_CHECK(pmap_wired_count(&parent->vm_pmap) == NPAGES);
	UWRITE(parent, a, 0xaa);
	pa = pmap_extract(&parent->vm_pmap, a);
	child = vmspace_fork(parent);
	KT_REQUIRE(child != NULL);
	KT_CHECK(UREAD(child, a) == 0xaa);
	KT_CHECK(pmap_extract(&child->vm_pmap, a) != pa,
	    "the child maps the parent's wired page");
	KT_CHECK(pmap_wired_count(&child->vm_pmap) == 0, "child wired %ld",
	    pmap_wired_count(&child->vm_pmap));
	UWRITE(child, a, 0xbb);
	UWRITE(parent, a, 0xcc);
	KT_CHECK(pmap_extract(&parent->vm_pmap, a) == pa,
	    "the parent's wired page moved");
	KT_CHECK(UREAD(child, a) == 0xbb && UREAD(parent, a) == 0xcc);
	vmspace_free(child);
	vm_map_lock(&parent->vm_map);
	vm_fault_unwire(&parent->vm_map, a, a + ptoa(NPAGES), VM_WIRE_USER);
	e->wired_count = 0;
	vm_map_unlock(&parent->vm_map);
	KT_CHECK(pmap_wired_count(&parent->vm_pmap) == 0);
	vmspace_free(parent);
}
