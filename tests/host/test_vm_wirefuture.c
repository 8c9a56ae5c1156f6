/*
 * test_vm_wirefuture.c - host tests of mlockall(MCL_FUTURE)'s side of
 * the VM (vm/vm_wirefuture.c, vm_map_growstack, vm_vmspace.c): the
 * limit check and the post-mapping hook (R21, R24, R6), stack growth
 * wired or refused (R23), and MAP_WIREFUTURE cleared in a fork's child
 * (R26), by exec (R27) and in a recycled vmspace (R28, I-M1, I-M3).
 * After each test every counter must be back: the user-wire count, the
 * wired pages per reason, the pmap's wired count.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "tap.h"
#include "vmhost/vmhost.h"
#include "vmhost/pmap_fake.h"

#include <kernel/systm.h>
#include <vm/vm.h>
#include <vm/vm_map.h>
#include <vm/vm_object.h>
#include <vm/vm_page.h>
#include <vm/vm_radix.h>
#include <vm/vmmeter.h>
#include <vm/pmap.h>

#define RAM_BYTES	(16UL << 20)
#define MAP_MIN		((vm_offset_t)0x10000000)
#define MAP_PAGES	1024
#define MAP_MAX		(MAP_MIN + MAP_PAGES * PAGE_SIZE)
#define P(n)		(MAP_MIN + (vm_offset_t)(n) * PAGE_SIZE)
#define INF		INT64_MAX

static struct vm_map map;
static struct pmap upmap;
static u_long uw0, wu0;

static void
setup(bool wirefuture)
{
	vm_map_init(&map, &upmap, MAP_MIN, MAP_MAX);
	if (wirefuture)
		map.flags |= MAP_WIREFUTURE;
	uw0 = vm_user_wire_count;
	wu0 = vm_cnt.v_wire_by_reason[VM_WIRE_USER];
	vmhost_limits(INF, INF);
	vmhost_memlock(INF);
}

static void
teardown(void)
{
	CHECK(vm_map_remove(&map, MAP_MIN, MAP_MAX) == KERN_SUCCESS);
	CHECK(map.nentries == 0);
	CHECK(vm_user_wire_count == uw0, "R35 user-wire count %lu, base %lu",
	    vm_user_wire_count, uw0);
	CHECK(vm_cnt.v_wire_by_reason[VM_WIRE_USER] == wu0,
	    "user-wired pages %lu, base %lu",
	    vm_cnt.v_wire_by_reason[VM_WIRE_USER], wu0);
	CHECK(pmap_wired_count(&upmap) == 0 && pmap_resident_count(&upmap) ==
	    0 && pmap_fake_check(&upmap) == 0);
	vmhost_memlock(INF);
}

static int
check(vm_map_t m)
{
	int bad;

	vm_map_lock_read(m);
	bad = vm_map_check(m);
	vm_map_unlock_read(m);
	return (bad);
}

static vm_map_entry_t
entry_in(vm_map_t m, int pg)
{
	vm_map_entry_t e;
	bool found;

	vm_map_lock_read(m);
	found = vm_map_lookup_entry(m, P(pg), &e);
	vm_map_unlock_read(m);
	return (found ? e : NULL);
}

static int
wc(int pg)
{
	vm_map_entry_t e = entry_in(&map, pg);

	return (e == NULL ? -100 : e->wired_count);
}

static bool
uw(int pg)
{
	vm_map_entry_t e = entry_in(&map, pg);

	return (e != NULL && (e->eflags & MAP_ENTRY_USER_WIRED) != 0);
}

/* What sys_mmap does: check, insert, hook; undo if the hook fails. */
static int
map_new(vm_map_t m, vm_object_t obj, int first, int npages, vm_prot_t prot,
    int wflags)
{
	int rv;

	vm_map_lock(m);
	rv = vm_map_wirefuture_check(m, ptoa(npages));
	if (rv == KERN_SUCCESS)
		rv = vm_map_insert(m, obj, 0, P(first), P(first + npages),
		    prot, VM_PROT_ALL, 0);
	if (rv == KERN_SUCCESS) {
		rv = vm_map_wirefuture(m, P(first), P(first + npages),
		    wflags);
		if (rv != KERN_SUCCESS)
			CHECK(vm_map_delete(m, P(first), P(first + npages)) ==
			    KERN_SUCCESS);
	}
	vm_map_unlock(m);
	return (rv);
}

static void
r21_hook_wires_a_new_mapping(void)
{
	setup(true);
	CHECK(map_new(&map, NULL, 0, 4, VM_PROT_RW, VM_MAP_WIRE_NOHOLES) ==
	    KERN_SUCCESS);
	CHECK(wc(0) == 1 && uw(0), "R21 the new entry is user-wired: WC %d",
	    wc(0));
	CHECK(vm_user_wire_count == uw0 + 4 &&
	    vm_cnt.v_wire_by_reason[VM_WIRE_USER] == wu0 + 4 &&
	    pmap_wired_count(&upmap) == 4, "R21 4 pages faulted in and wired");
	/* The next mapping right after it is an entry of its own (I-E5). */
	CHECK(map_new(&map, NULL, 4, 2, VM_PROT_RW, VM_MAP_WIRE_NOHOLES) ==
	    KERN_SUCCESS && wc(4) == 1 && uw(4) &&
	    vm_user_wire_count == uw0 + 6);
	map.flags &= ~MAP_WIREFUTURE;
	CHECK(map_new(&map, NULL, 10, 2, VM_PROT_RW, VM_MAP_WIRE_NOHOLES) ==
	    KERN_SUCCESS && wc(10) == 0 && vm_user_wire_count == uw0 + 6,
	    "without MAP_WIREFUTURE the hook does nothing");
	CHECK(check(&map) == 0);
	teardown();
}

static void
r6_r21_memory_that_cannot_be_wired_is_mapped_unwired(void)
{
	setup(true);
	CHECK(map_new(&map, NULL, 0, 4, VM_PROT_NONE, VM_MAP_WIRE_HOLESOK) ==
	    KERN_SUCCESS && wc(0) == 0 && vm_user_wire_count == uw0,
	    "R6 R21 PROT_NONE under MAP_WIREFUTURE: mapped, skipped");
	CHECK(map_new(&map, NULL, 8, 2, VM_PROT_NONE, VM_MAP_WIRE_NOHOLES) ==
	    KERN_INVALID_ADDRESS && entry_in(&map, 8) == NULL,
	    "R6 NOHOLES would refuse it (and the caller unmaps it)");
	CHECK(check(&map) == 0);
	teardown();
}

static void
r21_failed_wiring_leaves_nothing(void)
{
	vm_object_t obj;

	setup(true);
	REQUIRE(map_new(&map, NULL, 0, 2, VM_PROT_RW, VM_MAP_WIRE_NOHOLES) ==
	    KERN_SUCCESS);
	/* An object of 2 pages mapped as 4: the fault past its end fails. */
	obj = vm_object_allocate(OBJT_DEFAULT, 2);
	REQUIRE(obj != NULL);
	CHECK(map_new(&map, obj, 2, 4, VM_PROT_RW, VM_MAP_WIRE_NOHOLES) ==
	    KERN_OUT_OF_BOUNDS, "R39 the fault's code comes back");
	CHECK(entry_in(&map, 2) == NULL && entry_in(&map, 5) == NULL,
	    "R21 decision: the mapping is undone");
	CHECK(vm_user_wire_count == uw0 + 2 && pmap_wired_count(&upmap) == 2 &&
	    vm_cnt.v_wire_by_reason[VM_WIRE_USER] == wu0 + 2,
	    "R3 nothing of it stays wired; the mapping before it is intact");
	CHECK(check(&map) == 0);
	teardown();
}

static void
r21_r76_the_limit_check(void)
{
	u_long saved = vm_page_max_user_wired;

	setup(false);
	vmhost_memlock((int64_t)ptoa(4));
	vm_map_lock(&map);
	CHECK(vm_map_wirefuture_check(&map, ptoa(100)) == KERN_SUCCESS,
	    "without MAP_WIREFUTURE nothing is checked");
	map.flags |= MAP_WIREFUTURE;
	CHECK(vm_map_wirefuture_check(&map, ptoa(4)) == KERN_SUCCESS);
	CHECK(vm_map_wirefuture_check(&map, ptoa(5)) ==
	    KERN_RESOURCE_SHORTAGE, "R21 over RLIMIT_MEMLOCK");
	CHECK(vm_map_wirefuture_check(&map, 0) == KERN_SUCCESS,
	    "nothing to wire: no check");
	vm_map_unlock(&map);
	REQUIRE(map_new(&map, NULL, 0, 3, VM_PROT_RW, VM_MAP_WIRE_NOHOLES) ==
	    KERN_SUCCESS);
	CHECK(map_new(&map, NULL, 4, 2, VM_PROT_RW, VM_MAP_WIRE_NOHOLES) ==
	    KERN_RESOURCE_SHORTAGE && entry_in(&map, 4) == NULL,
	    "R21 the wired PTEs count: 3 + 2 > 4, nothing mapped");
	vmhost_memlock(INF);
	vm_page_max_user_wired = vm_user_wire_count + 2;
	vm_map_lock(&map);
	CHECK(vm_map_wirefuture_check(&map, ptoa(2)) == KERN_SUCCESS);
	CHECK(vm_map_wirefuture_check(&map, ptoa(3)) ==
	    KERN_RESOURCE_SHORTAGE, "R76 over vm.max_user_wired");
	vm_map_unlock(&map);
	vm_page_max_user_wired = saved;
	CHECK(check(&map) == 0);
	teardown();
}

static void
stack_setup(void)
{
	vm_map_lock(&map);
	REQUIRE(vm_map_stack_locked(&map, P(100), ptoa(64), ptoa(8),
	    VM_PROT_RW, VM_PROT_ALL, 0) == KERN_SUCCESS);
	vm_map_unlock(&map);
}

static void
r23_stack_growth_is_wired(void)
{
	vm_map_entry_t e;

	setup(true);
	stack_setup();
	CHECK(vm_fault(&map, P(150), VM_PROT_WRITE, 0) == KERN_SUCCESS);
	e = entry_in(&map, 150);
	REQUIRE(e != NULL);
	CHECK(e->start == P(156 - atop(SGROWSIZ)) && e->end == P(156) &&
	    e->wired_count == 1 && (e->eflags & MAP_ENTRY_USER_WIRED) != 0 &&
	    (e->eflags & MAP_ENTRY_GROWS_DOWN) != 0,
	    "R23 the grown range is a user-wired stack entry: %#lx-%#lx WC %d",
	    (u_long)e->start, (u_long)e->end, e->wired_count);
	CHECK(pmap_wired_count(&upmap) == (long)atop(SGROWSIZ) &&
	    vm_user_wire_count == uw0 + atop(SGROWSIZ),
	    "R23 every page of it faulted in and wired: %ld",
	    pmap_wired_count(&upmap));
	CHECK(wc(156) == 0, "the first piece was mapped before MCL_FUTURE");
	CHECK(check(&map) == 0);
	teardown();
}

static void
r23_r72_memlock_trims_or_refuses_growth(void)
{
	vm_map_entry_t gap;

	setup(true);
	stack_setup();
	vmhost_memlock((int64_t)ptoa(4));
	CHECK(vm_fault(&map, P(155), VM_PROT_WRITE, 0) == KERN_SUCCESS,
	    "R23 a growth that fits RLIMIT_MEMLOCK");
	CHECK(wc(152) == 1 && uw(152) && entry_in(&map, 152)->start ==
	    P(152) && pmap_wired_count(&upmap) == 4,
	    "R23 trimmed to what the limit allows (4 pages, not SGROWSIZ)");
	CHECK(vm_fault(&map, P(151), VM_PROT_WRITE, 0) ==
	    KERN_INVALID_ADDRESS, "R23 R72 over RLIMIT_MEMLOCK: refused");
	gap = entry_in(&map, 151);
	CHECK(gap != NULL && gap->start == P(100) && gap->end == P(152) &&
	    (gap->eflags & MAP_ENTRY_STACK_GAP_DN) != 0,
	    "R72 the gap is as it was");
	vmhost_memlock(INF);
	CHECK(vm_fault(&map, P(151), VM_PROT_WRITE, 0) == KERN_SUCCESS &&
	    wc(151) == 1, "with room again it grows, wired");
	CHECK(check(&map) == 0);
	teardown();
}

/*
 * R23: the growth is inserted, its wiring fails (no page for the
 * fault: every ordinary page is taken), and it is undone: the gap is
 * back as it was, nothing is wired, and the access is refused.
 */
static void
r23_failed_wiring_gives_the_gap_back(void)
{
	static vm_page_t hog[RAM_BYTES / PAGE_SIZE];
	vm_map_entry_t gap;
	size_t n, i;
	int rv;

	setup(true);
	stack_setup();
	for (n = 0; n < nitems(hog); n++)
		if ((hog[n] = vm_page_alloc_noobj(VM_ALLOC_NORMAL)) == NULL)
			break;
	rv = vm_fault(&map, P(150), VM_PROT_WRITE, 0);
	for (i = 0; i < n; i++)
		vm_page_free(hog[i]);
	CHECK(n > 0 && n < nitems(hog), "took %zu pages", n);
	CHECK(rv == KERN_INVALID_ADDRESS, "R23 refused: %d", rv);
	gap = entry_in(&map, 150);
	CHECK(gap != NULL && gap->start == P(100) && gap->end == P(156) &&
	    (gap->eflags & MAP_ENTRY_STACK_GAP_DN) != 0,
	    "R23 the gap has its room back");
	CHECK(vm_user_wire_count == uw0 && pmap_wired_count(&upmap) == 0,
	    "R23 nothing wired");
	CHECK(check(&map) == 0);
	CHECK(vm_fault(&map, P(150), VM_PROT_WRITE, 0) == KERN_SUCCESS &&
	    wc(150) == 1, "with pages again it grows, wired");
	teardown();
}

/* R26, R27: fork's child and exec start without MAP_WIREFUTURE. */
static void
r26_r27_fork_and_exec_clear_wirefuture(void)
{
	struct vmspace *vm, *child;
	vm_map_entry_t e;
	int wired;

	vm = vmspace_alloc(MAP_MIN, MAP_MAX);
	REQUIRE(vm != NULL);
	uw0 = vm_user_wire_count;
	vmhost_memlock(INF);
	vm->vm_map.flags |= MAP_WIREFUTURE;
	REQUIRE(map_new(&vm->vm_map, NULL, 0, 4, VM_PROT_RW,
	    VM_MAP_WIRE_NOHOLES) == KERN_SUCCESS);
	child = vmspace_fork(vm);
	REQUIRE(child != NULL);
	CHECK((child->vm_map.flags & MAP_WIREFUTURE) == 0,
	    "R26 the child's map has no MAP_WIREFUTURE");
	wired = 0;
	TAILQ_FOREACH(e, &child->vm_map.entries, link)
		wired += e->wired_count;
	CHECK(wired == 0, "R26 no child entry is wired");
	CHECK(map_new(&child->vm_map, NULL, 10, 2, VM_PROT_RW,
	    VM_MAP_WIRE_NOHOLES) == KERN_SUCCESS &&
	    entry_in(&child->vm_map, 10)->wired_count == 0,
	    "R26 the child's new mapping is not wired");
	CHECK((vm->vm_map.flags & MAP_WIREFUTURE) != 0 &&
	    entry_in(&vm->vm_map, 0)->wired_count == 1,
	    "R26 the parent keeps its flag and its wiring");
	CHECK(check(&child->vm_map) == 0);
	vmspace_free(child);
	vmspace_exec_reset(vm);
	CHECK((vm->vm_map.flags & MAP_WIREFUTURE) == 0 &&
	    vm->vm_map.nentries == 0 && vm_user_wire_count == uw0,
	    "R27 exec reusing the vmspace: flag cleared, wirings gone");
	CHECK(map_new(&vm->vm_map, NULL, 0, 2, VM_PROT_RW,
	    VM_MAP_WIRE_NOHOLES) == KERN_SUCCESS &&
	    entry_in(&vm->vm_map, 0)->wired_count == 0,
	    "R27 a mapping after exec is not wired");
	vmspace_free(vm);
	CHECK(vm_user_wire_count == uw0);
}

/*
 * R28, I-M1, I-M3 (SEMANTICS H2): a vmspace freed with MAP_WIREFUTURE
 * set and its wait state dirty comes back clean from vmspace_alloc,
 * 1,000 times.  The memory is malloc's and is reused (checked: the
 * test would prove nothing otherwise).
 */
static void
r28_im1_im3_recycled_vmspace_starts_clean(void)
{
	struct vmspace *vm, *old;
	int i, reused = 0, dirty = 0;

	vm = vmspace_alloc(MAP_MIN, MAP_MAX);
	REQUIRE(vm != NULL);
	for (i = 0; i < 1000; i++) {
		vm->vm_map.flags |= MAP_WIREFUTURE | MAP_BUSY_WAKEUP;
		vm->vm_map.needs_wakeup = true;
		vm->vm_dsize = 7;
		old = vm;
		vmspace_free(vm);
		vm = vmspace_alloc(MAP_MIN, MAP_MAX);
		REQUIRE(vm != NULL);
		reused += vm == old;
		dirty += vm->vm_map.flags != 0 || vm->vm_map.busy != 0 ||
		    vm->vm_map.needs_wakeup || vm->vm_dsize != 0 ||
		    vm->vm_map.nentries != 0;
	}
	CHECK(reused > 0, "the memory was never reused: %d", reused);
	CHECK(dirty == 0, "R28 I-M3 %d of 1000 recycled vmspaces kept a "
	    "flag or wait state", dirty);
	vmspace_free(vm);
}

int
main(void)
{
	vmhost_boot(RAM_BYTES);
	vm_radix_zinit();
	vm_object_init();
	vm_map_zinit();
	if (pmap_pinit(&upmap) != 0) {
		printf("# pmap_pinit failed\n");
		return (2);
	}
	TAP_RUN(r21_hook_wires_a_new_mapping);
	TAP_RUN(r6_r21_memory_that_cannot_be_wired_is_mapped_unwired);
	TAP_RUN(r21_failed_wiring_leaves_nothing);
	TAP_RUN(r21_r76_the_limit_check);
	TAP_RUN(r23_stack_growth_is_wired);
	TAP_RUN(r23_r72_memlock_trims_or_refuses_growth);
	TAP_RUN(r23_failed_wiring_gives_the_gap_back);
	TAP_RUN(r26_r27_fork_and_exec_clear_wirefuture);
	TAP_RUN(r28_im1_im3_recycled_vmspace_starts_clean);
	return (tap_exit_status());
}
