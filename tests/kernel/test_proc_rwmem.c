/*
 * test_proc_rwmem.c - a debugger's access to process memory
 * (kernel/sys_process.c, proc_rwmem) and the wiring rule it exercises:
 * R52, a copy-on-write fault that is not a wiring fault moves a wired
 * entry's wiring from the old page to the copy.
 *
 * User space cannot make that case in Vise: wiring a private entry
 * that may ever be writable copies its pages at once (I-E7), so the
 * copy is made by the wiring fault itself.  What is left is a private
 * entry that can never be writable (maximum protection without write)
 * wired in place over an object another holder shares, as FreeBSD's
 * read-only text is; this test builds one by hand (the wiring as in
 * test_vm_fork.c's R48 test), writes into it as a debugger, and checks
 * the page counts, the PTE and the unwiring.  Also: the R47 wire audit
 * notices a wiring nobody holds.
 */
#include <sys/errno.h>
#include <kernel/systm.h>
#include <kernel/ktest.h>
#include <kernel/ptrace.h>
#include <vm/vm.h>
#include <vm/vm_page.h>
#include <vm/vmmeter.h>
#include <vm/vm_object.h>
#include <vm/vm_map.h>
#include <vm/pmap.h>
#include <machine/vmparam.h>

#include "ktest_vm.h"

#define NPAGES	2

/* An object of NPAGES pages, page i filled with 0x40 + i. */
static vm_object_t
object_with_pages(void)
{
	unsigned char buf[16];
	vm_object_t obj;
	vm_page_t m;
	int i;

	if ((obj = vm_object_allocate(OBJT_DEFAULT, NPAGES)) == NULL)
		return (NULL);
	VM_OBJECT_WLOCK(obj);
	for (i = 0; i < NPAGES; i++) {
		if ((m = vm_page_alloc(obj, i, VM_ALLOC_NORMAL)) == NULL)
			break;
		memset(buf, 0x40 + i, sizeof(buf));
		pmap_copy_to_page(buf, m, sizeof(buf));
		m->valid = 1;
	}
	VM_OBJECT_WUNLOCK(obj);
	if (i < NPAGES) {
		vm_object_deallocate(obj);
		return (NULL);
	}
	return (obj);
}

/* Byte `off` of page `pindex` of `obj`, read through the page. */
static int
object_byte(vm_object_t obj, vm_pindex_t pindex, size_t off)
{
	vm_offset_t kva;
	vm_page_t m;
	int v = -1;

	VM_OBJECT_WLOCK(obj);
	if ((m = vm_page_lookup(obj, pindex)) != NULL) {
		kva = pmap_quick_enter_page(m);
		v = ((unsigned char *)kva)[off];
		pmap_quick_remove_page(kva);
	}
	VM_OBJECT_WUNLOCK(obj);
	return (v);
}

/*
 * A space mapping `obj` (another reference is the caller's) read-only
 * at *addr, with the given maximum protection and copy-on-write flag.
 */
static struct vmspace *
space_mapping(vm_object_t obj, vm_prot_t maxprot, int cow, vm_offset_t *addr)
{
	struct vmspace *vm;
	int rv;

	vm = vmspace_alloc(VM_MIN_USER_ADDRESS, VM_MAX_USER_ADDRESS);
	if (vm == NULL)
		return (NULL);
	*addr = VM_MIN_USER_ADDRESS;
	vm_object_reference(obj);
	vm_map_lock(&vm->vm_map);
	rv = vm_map_insert(&vm->vm_map, obj, 0, *addr, *addr + ptoa(NPAGES),
	    VM_PROT_READ, maxprot, cow);
	vm_map_unlock(&vm->vm_map);
	if (rv != KERN_SUCCESS) {
		vm_object_deallocate(obj);
		vmspace_free(vm);
		return (NULL);
	}
	return (vm);
}

/* Wire (or unwire) the whole entry at `a` by hand, reason user. */
static int
wire_by_hand(struct vmspace *vm, vm_offset_t a, bool wire)
{
	vm_map_entry_t e;
	int rv = KERN_SUCCESS;

	vm_map_lock(&vm->vm_map);
	if (!vm_map_lookup_entry(&vm->vm_map, a, &e)) {
		vm_map_unlock(&vm->vm_map);
		return (KERN_INVALID_ADDRESS);
	}
	if (!wire) {
		vm_fault_unwire(&vm->vm_map, e->start, e->end, VM_WIRE_USER);
		e->wired_count = 0;
	} else
		e->wired_count = 1;
	vm_map_unlock(&vm->vm_map);
	if (wire) {
		rv = vm_fault_wire(&vm->vm_map, a, a + ptoa(NPAGES),
		    VM_WIRE_USER);
		if (rv != KERN_SUCCESS) {
			vm_map_lock(&vm->vm_map);
			e->wired_count = 0;
			vm_map_unlock(&vm->vm_map);
		}
	}
	return (rv);
}

static void
debugger_write_wired(void)
{
	struct vmspace *vm;
	vm_page_t old, copy;
	vm_object_t obj;
	vm_offset_t a;
	u_long wuser;
	unsigned char v = 0x5a, r = 0;

	KT_REQUIRE((obj = object_with_pages()) != NULL);
	vm = space_mapping(obj, VM_PROT_READ | VM_PROT_EXECUTE,
	    MAP_COPY_ON_WRITE, &a);
	KT_REQUIRE(vm != NULL);
	KT_REQUIRE(wire_by_hand(vm, a, true) == KERN_SUCCESS);
	VM_OBJECT_WLOCK(obj);
	old = vm_page_lookup(obj, 0);
	VM_OBJECT_WUNLOCK(obj);
	KT_REQUIRE(old != NULL);
	KT_CHECK(old->wire_count == 1 &&
	    pmap_extract(vmspace_pmap(vm), a) == VM_PAGE_TO_PHYS(old),
	    "wired in place: wire_count %u", old->wire_count);
	KT_CHECK(pmap_wired_count(vmspace_pmap(vm)) == NPAGES);
	wuser = vm_cnt.v_wire_by_reason[VM_WIRE_USER];

	KT_CHECK(proc_rwmem_vm(vm, a + 10, &v, 1, true) == 0);
	copy = PHYS_TO_VM_PAGE(pmap_extract(vmspace_pmap(vm), a));
	KT_REQUIRE(copy != NULL && copy != old, "the entry still maps the "
	    "old page");
	KT_CHECK(copy->wire_count == 1 && old->wire_count == 0,
	    "R52 copy wire_count %u (want 1), old %u (want 0)",
	    copy->wire_count, old->wire_count);
	KT_CHECK(pmap_is_wired(vmspace_pmap(vm), a), "R52 the new PTE is "
	    "not wired");
	KT_CHECK(pmap_wired_count(vmspace_pmap(vm)) == NPAGES,
	    "pmap wired %ld", (long)pmap_wired_count(vmspace_pmap(vm)));
	KT_CHECK(vm_cnt.v_wire_by_reason[VM_WIRE_USER] == wuser,
	    "user-wired pages %lu, were %lu", vm_cnt.v_wire_by_reason[
	    VM_WIRE_USER], wuser);
	KT_CHECK(proc_rwmem_vm(vm, a + 10, &r, 1, false) == 0 && r == 0x5a,
	    "read back %#x", r);
	KT_CHECK(object_byte(obj, 0, 10) == 0x40, "the shared object "
	    "changed: %#x", object_byte(obj, 0, 10));
	KT_CHECK(vm_fault(&vm->vm_map, a, VM_PROT_WRITE, 0) ==
	    KERN_PROTECTION_FAILURE, "the debugger's write made it writable");
	/* Page 1 was not written: still wired in place. */
	KT_CHECK(proc_rwmem_vm(vm, a + PAGE_SIZE, &r, 1, false) == 0 &&
	    r == 0x41, "page 1 reads %#x", r);

	KT_REQUIRE(wire_by_hand(vm, a, false) == KERN_SUCCESS);
	KT_CHECK(copy->wire_count == 0 && old->wire_count == 0 &&
	    pmap_wired_count(vmspace_pmap(vm)) == 0,
	    "after unwiring: copy %u old %u pmap %ld", copy->wire_count,
	    old->wire_count, (long)pmap_wired_count(vmspace_pmap(vm)));
	KT_CHECK(ktest_map_check(&vm->vm_map) == 0);
	vmspace_free(vm);
	vm_object_deallocate(obj);
}

/* Twice: the first round warms the zones, the second must leak nothing. */
KTEST(r52_debugger_write_moves_the_wiring)
{
	struct ktest_vm_counts base;

	debugger_write_wired();
	base = ktest_vm_counts();
	debugger_write_wired();
	KT_CHECK_VM_COUNTS(ktest_vm_counts(), base);
}

/* What a debugger may not write, and what it may read. */
static void
debugger_limits(void)
{
	struct vmspace *vm;
	vm_object_t obj;
	vm_offset_t a;
	unsigned char v = 0x77, r = 0;

	KT_REQUIRE((obj = object_with_pages()) != NULL);
	/* A shared mapping that can never be writable: the file's own. */
	vm = space_mapping(obj, VM_PROT_READ, 0, &a);
	KT_REQUIRE(vm != NULL);
	KT_CHECK(proc_rwmem_vm(vm, a, &v, 1, true) == EFAULT);
	KT_CHECK(object_byte(obj, 0, 0) == 0x40);
	KT_CHECK(proc_rwmem_vm(vm, a + 5, &r, 1, false) == 0 && r == 0x40,
	    "read %#x", r);
	KT_CHECK(proc_rwmem_vm(vm, a + ptoa(NPAGES), &r, 1, false) ==
	    EFAULT, "read past the mapping");
	KT_CHECK(proc_rwmem_vm(vm, a + ptoa(NPAGES) - 1, &r, 2, false) ==
	    EFAULT, "read across the end of the mapping");
	KT_CHECK(proc_rwmem_vm(vm, ~(vm_offset_t)0, &r, 2, false) == EFAULT,
	    "a range that wraps");
	vmspace_free(vm);
	/* A private one: the write is the process's own copy. */
	vm = space_mapping(obj, VM_PROT_READ, MAP_COPY_ON_WRITE, &a);
	KT_REQUIRE(vm != NULL);
	KT_CHECK(proc_rwmem_vm(vm, a + PAGE_SIZE - 1, &v, 1, true) == 0);
	KT_CHECK(proc_rwmem_vm(vm, a + PAGE_SIZE - 1, &r, 1, false) == 0 &&
	    r == 0x77 && object_byte(obj, 0, PAGE_SIZE - 1) == 0,
	    "read %#x, the object has %#x", r,
	    object_byte(obj, 0, PAGE_SIZE - 1));
	vmspace_free(vm);
	vm_object_deallocate(obj);
}

KTEST(proc_rwmem_refuses_what_it_must)
{
	struct ktest_vm_counts base;

	debugger_limits();
	base = ktest_vm_counts();
	debugger_limits();
	KT_CHECK_VM_COUNTS(ktest_vm_counts(), base);
}

/*
 * R47: the wire audit holds now, and sees a user wiring that no wired
 * entry shows (the kind of leak R52's missing transfer made).
 */
KTEST(r47_wire_audit_counts_an_unheld_user_wiring)
{
	vm_page_t m;

	KT_REQUIRE(vm_wire_audit() == 0, "the audit fails before the test");
	KT_REQUIRE((m = vm_page_alloc_noobj(VM_ALLOC_NORMAL)) != NULL);
	vm_page_wire(m, VM_WIRE_USER);
	KT_CHECK(vm_wire_audit() == 1, "the audit missed a user wiring "
	    "without a holder");
	(void)vm_page_unwire_noq(m, VM_WIRE_USER);
	vm_page_free(m);
	KT_CHECK(vm_wire_audit() == 0);
}
