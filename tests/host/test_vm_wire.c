/*
 * test_vm_wire.c - host tests of the wiring engine (vm/vm_map_wire.c):
 * vm_map_wire and vm_map_unwire on a map over the fake pmap, one test
 * per rule of SEMANTICS.md 2.A, 2.E and 2.F (the name carries the rule
 * id).  After each test the map is emptied and every counter must be
 * back: the user-wire count (R35), the wired pages per reason, the
 * pmap's wired count.
 */
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

#define USER		(VM_MAP_WIRE_USER | VM_MAP_WIRE_NOHOLES)
#define USER_HOLES	(VM_MAP_WIRE_USER | VM_MAP_WIRE_HOLESOK)
#define SYS		(VM_MAP_WIRE_SYSTEM | VM_MAP_WIRE_NOHOLES)

static struct vm_map map;
static struct pmap upmap;
static u_long uw0, wu0, ws0;

static void
setup(void)
{
	memset(&map, 0xa5, sizeof(map));
	vm_map_init(&map, &upmap, MAP_MIN, MAP_MAX);
	uw0 = vm_user_wire_count;
	wu0 = vm_cnt.v_wire_by_reason[VM_WIRE_USER];
	ws0 = vm_cnt.v_wire_by_reason[VM_WIRE_SYSTEM];
}

/* Empty the map: every counter must be back (R35, R45). */
static void
teardown(void)
{
	CHECK(vm_map_remove(&map, MAP_MIN, MAP_MAX) == KERN_SUCCESS);
	CHECK(map.nentries == 0);
	CHECK(vm_user_wire_count == uw0, "R35 user-wire count %lu, base %lu",
	    vm_user_wire_count, uw0);
	CHECK(vm_cnt.v_wire_by_reason[VM_WIRE_USER] == wu0 &&
	    vm_cnt.v_wire_by_reason[VM_WIRE_SYSTEM] == ws0,
	    "wired pages: user %lu (%lu) system %lu (%lu)",
	    vm_cnt.v_wire_by_reason[VM_WIRE_USER], wu0,
	    vm_cnt.v_wire_by_reason[VM_WIRE_SYSTEM], ws0);
	CHECK(pmap_wired_count(&upmap) == 0 && pmap_resident_count(&upmap) ==
	    0 && pmap_fake_check(&upmap) == 0);
}

static int
check(void)
{
	int bad;

	vm_map_lock_read(&map);
	bad = vm_map_check(&map);
	vm_map_unlock_read(&map);
	return (bad);
}

static int
insert_prot(int first, int npages, vm_prot_t prot)
{
	int rv;

	vm_map_lock(&map);
	rv = vm_map_insert(&map, NULL, 0, P(first), P(first + npages), prot,
	    VM_PROT_ALL, 0);
	vm_map_unlock(&map);
	return (rv);
}

static int
insert_anon(int first, int npages)
{
	return (insert_prot(first, npages, VM_PROT_RW));
}

static vm_map_entry_t
entry_at(int pg)
{
	vm_map_entry_t e;
	bool found;

	vm_map_lock_read(&map);
	found = vm_map_lookup_entry(&map, P(pg), &e);
	vm_map_unlock_read(&map);
	return (found ? e : NULL);
}

static int
wc(int pg)
{
	vm_map_entry_t e = entry_at(pg);

	return (e == NULL ? -100 : e->wired_count);
}

static bool
uw(int pg)
{
	vm_map_entry_t e = entry_at(pg);

	return (e != NULL && (e->eflags & MAP_ENTRY_USER_WIRED) != 0);
}

static void
r1_r2_empty_and_clamped_ranges(void)
{
	setup();
	CHECK(vm_map_wire(&map, P(5), P(5), USER) == KERN_SUCCESS,
	    "R1 an empty range on an unmapped address");
	CHECK(vm_map_unwire(&map, P(5), P(5), SYS) == KERN_SUCCESS);
	REQUIRE(insert_anon(MAP_PAGES - 1, 1) == KERN_SUCCESS);
	CHECK(vm_map_wire(&map, P(MAP_PAGES - 1), P(MAP_PAGES + 1), USER) ==
	    KERN_SUCCESS && wc(MAP_PAGES - 1) == 1,
	    "R2 the end is clamped to the map");
	CHECK(vm_user_wire_count == uw0 + 1);
	CHECK(vm_map_unwire(&map, P(MAP_PAGES - 1), P(MAP_PAGES + 1), USER)
	    == KERN_SUCCESS && wc(MAP_PAGES - 1) == 0);
	teardown();
}

static void
r4_first_wiring_faults_every_page(void)
{
	setup();
	REQUIRE(insert_anon(0, 8) == KERN_SUCCESS);
	CHECK(vm_map_wire(&map, P(0), P(8), USER) == KERN_SUCCESS);
	CHECK(wc(0) == 1 && uw(0), "WC %d", wc(0));
	CHECK(pmap_resident_count(&upmap) == 8 &&
	    pmap_wired_count(&upmap) == 8, "R4 8 wired PTEs: %ld",
	    pmap_wired_count(&upmap));
	CHECK(vm_cnt.v_wire_by_reason[VM_WIRE_USER] == wu0 + 8 &&
	    vm_user_wire_count == uw0 + 8);
	CHECK(check() == 0);
	teardown();
}

static void
r5_one_user_wiring_per_entry(void)
{
	setup();
	REQUIRE(insert_anon(0, 4) == KERN_SUCCESS);
	CHECK(vm_map_wire(&map, P(0), P(4), USER) == KERN_SUCCESS);
	CHECK(vm_map_wire(&map, P(0), P(4), USER) == KERN_SUCCESS);
	CHECK(wc(0) == 1 && uw(0), "R5 user wirings do not nest: WC %d",
	    wc(0));
	CHECK(vm_map_wire(&map, P(0), P(4), SYS) == KERN_SUCCESS &&
	    vm_map_wire(&map, P(0), P(4), SYS) == KERN_SUCCESS);
	CHECK(wc(0) == 3 && uw(0), "R5 system wirings add up: WC %d", wc(0));
	CHECK(vm_cnt.v_wire_by_reason[VM_WIRE_USER] == wu0 + 4 &&
	    vm_user_wire_count == uw0 + 4,
	    "R5 pages wired once per entry, not per wiring");
	CHECK(vm_map_unwire(&map, P(0), P(4), USER) == KERN_SUCCESS);
	CHECK(wc(0) == 2 && !uw(0) && vm_user_wire_count == uw0 &&
	    pmap_wired_count(&upmap) == 4, "R34 munlock with SWC > 0: "
	    "pages stay wired");
	CHECK(vm_map_unwire(&map, P(0), P(4), USER) == KERN_SUCCESS &&
	    wc(0) == 2, "R34 munlock on UW = 0: no change");
	CHECK(vm_map_unwire(&map, P(0), P(4), SYS) == KERN_SUCCESS &&
	    wc(0) == 1);
	CHECK(vm_map_unwire(&map, P(0), P(4), SYS) == KERN_SUCCESS &&
	    wc(0) == 0 && pmap_wired_count(&upmap) == 0,
	    "R8 the last unwiring unwires the pages");
	CHECK(vm_cnt.v_wire_by_reason[VM_WIRE_USER] == wu0);
	teardown();
}

static void
r9_system_unwire_must_match_a_system_wiring(void)
{
	setup();
	REQUIRE(insert_anon(0, 4) == KERN_SUCCESS);
	CHECK(vm_map_wire(&map, P(0), P(4), USER) == KERN_SUCCESS);
	CHECK(vm_map_unwire(&map, P(0), P(4), SYS) == KERN_INVALID_ARGUMENT,
	    "R9 system unwire of a user-only entry");
	CHECK(wc(0) == 1 && uw(0), "R9 nothing changed");
	CHECK(vm_map_unwire(&map, P(4), P(8), USER) == KERN_INVALID_ADDRESS);
	CHECK(check() == 0);
	teardown();
}

static void
r3_wire_is_all_or_nothing(void)
{
	setup();
	REQUIRE(insert_anon(0, 1) == KERN_SUCCESS);
	REQUIRE(insert_prot(1, 1, VM_PROT_READ) == KERN_SUCCESS);
	REQUIRE(insert_anon(3, 1) == KERN_SUCCESS);
	/* [rw][r][hole][rw] */
	CHECK(vm_map_wire(&map, P(0), P(4), USER) == KERN_INVALID_ADDRESS,
	    "R37 a hole in the range");
	CHECK(wc(0) == 0 && wc(1) == 0 && wc(3) == 0 &&
	    vm_user_wire_count == uw0 && pmap_wired_count(&upmap) == 0,
	    "R3 everything rolled back");
	/* the same with a system wiring already on page 0 */
	CHECK(vm_map_wire(&map, P(0), P(1), SYS) == KERN_SUCCESS);
	CHECK(vm_map_wire(&map, P(0), P(4), USER) == KERN_INVALID_ADDRESS);
	CHECK(wc(0) == 1 && !uw(0) && vm_user_wire_count == uw0,
	    "R3 an entry that was wired keeps exactly its old wiring");
	CHECK(vm_map_wire(&map, P(0), P(2), USER) == KERN_SUCCESS &&
	    vm_map_wire(&map, P(0), P(4), USER) == KERN_INVALID_ADDRESS &&
	    uw(0) && uw(1) && vm_user_wire_count == uw0 + 2,
	    "R3 a failed user wiring never removes an earlier one");
	CHECK(check() == 0);
	CHECK(vm_map_unwire(&map, P(0), P(4), USER) == KERN_INVALID_ADDRESS &&
	    uw(0) && uw(1), "R12 R37 unwire over the hole changes nothing");
	CHECK(vm_map_unwire(&map, P(0), P(2), USER) == KERN_SUCCESS &&
	    vm_map_unwire(&map, P(0), P(1), SYS) == KERN_SUCCESS);
	teardown();
}

static void
r6_r38_unwirable_entries_and_holesok(void)
{
	setup();
	REQUIRE(insert_anon(0, 2) == KERN_SUCCESS);
	REQUIRE(insert_prot(2, 1, VM_PROT_NONE) == KERN_SUCCESS);
	REQUIRE(insert_anon(5, 2) == KERN_SUCCESS);
	CHECK(vm_map_wire(&map, P(2), P(3), USER) == KERN_INVALID_ADDRESS,
	    "R6 a PROT_NONE entry cannot be wired (NOHOLES)");
	CHECK(vm_map_wire(&map, P(0), P(7), USER_HOLES) == KERN_SUCCESS,
	    "R38 HOLESOK skips the hole and the PROT_NONE entry");
	CHECK(uw(0) && wc(2) == 0 && !uw(2) && uw(5) &&
	    vm_user_wire_count == uw0 + 4, "R6 R38 WC %d %d %d", wc(0),
	    wc(2), wc(5));
	CHECK(vm_map_wire(&map, P(0), P(7), USER | VM_MAP_WIRE_WRITE) ==
	    KERN_INVALID_ADDRESS, "R6 WIRE_WRITE needs write");
	CHECK(vm_map_unwire(&map, P(0), P(7), USER_HOLES) == KERN_SUCCESS &&
	    wc(0) == 0 && wc(5) == 0 && vm_user_wire_count == uw0);
	CHECK(check() == 0);
	teardown();
}

static void
r7_r39_fault_failure_rolls_back(void)
{
	vm_object_t obj;

	setup();
	/* Pages 0-1 anonymous; 2-5 an object of 2 pages mapped as 4. */
	REQUIRE(insert_anon(0, 2) == KERN_SUCCESS);
	obj = vm_object_allocate(OBJT_DEFAULT, 2);
	REQUIRE(obj != NULL);
	vm_map_lock(&map);
	REQUIRE(vm_map_insert(&map, obj, 0, P(2), P(6), VM_PROT_RW,
	    VM_PROT_ALL, 0) == KERN_SUCCESS);
	vm_map_unlock(&map);
	CHECK(vm_map_wire(&map, P(0), P(6), USER) == KERN_OUT_OF_BOUNDS,
	    "R39 the fault's code comes back");
	CHECK(wc(0) == 0 && wc(2) == 0 && vm_user_wire_count == uw0 &&
	    vm_cnt.v_wire_by_reason[VM_WIRE_USER] == wu0 &&
	    pmap_wired_count(&upmap) == 0,
	    "R7 the pages wired before the failure are unwired");
	CHECK(check() == 0);
	CHECK(vm_map_wire(&map, P(0), P(4), SYS) == KERN_SUCCESS &&
	    vm_cnt.v_wire_by_reason[VM_WIRE_SYSTEM] == ws0 + 4);
	CHECK(vm_map_unwire(&map, P(0), P(4), SYS) == KERN_SUCCESS);
	teardown();
}

/*
 * An object-backed entry: its pieces share the object, so they can
 * merge again.  (Pieces of an anonymous entry clipped before its first
 * fault get objects of their own and stay apart: FreeBSD gives the
 * entry its object before clipping; not done here yet.)
 */
static void
r13_partial_wiring_clips_and_merges_back(void)
{
	vm_object_t obj;

	setup();
	obj = vm_object_allocate(OBJT_DEFAULT, 8);
	REQUIRE(obj != NULL);
	vm_map_lock(&map);
	REQUIRE(vm_map_insert(&map, obj, 0, P(0), P(8), VM_PROT_RW,
	    VM_PROT_ALL, 0) == KERN_SUCCESS);
	vm_map_unlock(&map);
	CHECK(map.nentries == 1);
	CHECK(vm_map_wire(&map, P(2), P(6), USER) == KERN_SUCCESS);
	CHECK(map.nentries == 3 && wc(0) == 0 && wc(2) == 1 && wc(6) == 0,
	    "R13 three entries, WC 0/1/0: %d", map.nentries);
	CHECK(vm_user_wire_count == uw0 + 4);
	CHECK(vm_map_unwire(&map, P(3), P(4), USER) == KERN_SUCCESS &&
	    vm_user_wire_count == uw0 + 3 && wc(3) == 0 && wc(2) == 1 &&
	    wc(4) == 1);
	CHECK(vm_map_unwire(&map, P(0), P(8), USER) == KERN_SUCCESS);
	CHECK(map.nentries == 1, "R13 merged back into one entry: %d",
	    map.nentries);
	CHECK(check() == 0);
	teardown();
}

/*
 * R13 for anonymous memory never touched: the entry has no object yet.
 * Clipping gives it one first, so the pieces share it at consecutive
 * offsets and merge back after the munlock (without it each piece got
 * an object of its own at its first fault and they stayed apart).
 */
static void
r13_untouched_anonymous_memory_merges_back(void)
{
	vm_map_entry_t e;

	setup();
	REQUIRE(insert_anon(0, 8) == KERN_SUCCESS);
	e = entry_at(0);
	REQUIRE(e != NULL && e->object == NULL);
	CHECK(vm_map_wire(&map, P(2), P(6), USER) == KERN_SUCCESS &&
	    map.nentries == 3, "R13 three entries: %d", map.nentries);
	CHECK(entry_at(0)->object != NULL &&
	    entry_at(0)->object == entry_at(2)->object &&
	    entry_at(2)->object == entry_at(6)->object &&
	    entry_at(6)->offset == P(6) - P(0),
	    "R13 the pieces share one object at consecutive offsets");
	CHECK(vm_map_unwire(&map, P(0), P(8), USER) == KERN_SUCCESS &&
	    map.nentries == 1, "R13 merged back into one entry: %d",
	    map.nentries);
	CHECK(check() == 0);
	teardown();
}

/*
 * I-E3: for every page of a wired entry, the first page down the
 * entry's shadow chain is resident with a wiring, and its PTE, if
 * there is one, is wired and maps that page.  The pages that break it.
 */
static int
ie3_violations(void)
{
	struct pmap_fake_mapping fm;
	vm_map_entry_t e;
	vm_object_t o, next;
	vm_pindex_t pi;
	vm_offset_t va;
	vm_page_t m;
	int bad = 0;

	vm_map_lock_read(&map);
	TAILQ_FOREACH(e, &map.entries, link) {
		if (e->wired_count == 0)
			continue;
		for (va = e->start; va < e->end; va += PAGE_SIZE) {
			pi = atop(e->offset + (va - e->start));
			for (o = e->object, m = NULL; o != NULL && m == NULL;
			    o = next) {
				VM_OBJECT_WLOCK(o);
				m = vm_page_lookup(o, pi);
				next = o->backing_object;
				pi += atop(o->backing_object_offset);
				VM_OBJECT_WUNLOCK(o);
			}
			if (m == NULL || m->wire_count == 0 ||
			    (pmap_fake_lookup(&upmap, va, &fm) &&
			    (!fm.wired || fm.m != m))) {
				printf("# I-E3: %#lx: page %p wired %u\n",
				    (u_long)va, (void *)m,
				    m != NULL ? m->wire_count : 0);
				bad++;
			}
		}
	}
	vm_map_unlock_read(&map);
	return (bad);
}

/*
 * I-E3 over the kinds of wired entries: anonymous memory (user
 * wiring), a shared object (system wiring) truncated under the wiring,
 * whose page must stay (unmapped, invalid, still wired), and a
 * read-only private mapping whose pages stay in the mapped object.
 */
static void
ie3_wired_entries_keep_their_pages(void)
{
	vm_object_t shared, file;
	int bad;

	setup();
	REQUIRE(insert_anon(0, 4) == KERN_SUCCESS);
	shared = vm_object_allocate(OBJT_DEFAULT, 4);
	file = vm_object_allocate(OBJT_DEFAULT, 4);
	REQUIRE(shared != NULL && file != NULL);
	vm_map_lock(&map);
	REQUIRE(vm_map_insert(&map, shared, 0, P(10), P(14), VM_PROT_RW,
	    VM_PROT_ALL, 0) == KERN_SUCCESS);
	REQUIRE(vm_map_insert(&map, file, 0, P(20), P(24), VM_PROT_READ,
	    VM_PROT_READ, MAP_COPY_ON_WRITE) == KERN_SUCCESS);
	vm_map_unlock(&map);
	CHECK(vm_map_wire(&map, P(0), P(4), USER) == KERN_SUCCESS &&
	    vm_map_wire(&map, P(10), P(14), SYS) == KERN_SUCCESS &&
	    vm_map_wire(&map, P(20), P(24), USER) == KERN_SUCCESS);
	CHECK((bad = ie3_violations()) == 0, "I-E3 after wiring: %d", bad);
	CHECK(file->resident_page_count == 4,
	    "I-E3 the read-only private entry's pages are the object's");
	/* Truncate the shared object to 2 pages under the wiring. */
	VM_OBJECT_WLOCK(shared);
	vm_object_page_remove(shared, 2, 0, 0);
	VM_OBJECT_WUNLOCK(shared);
	CHECK(!pmap_fake_lookup(&upmap, P(12), NULL) &&
	    shared->resident_page_count == 4,
	    "I-E3 truncated: unmapped, but the wired pages stay");
	CHECK((bad = ie3_violations()) == 0, "I-E3 after a truncation: %d",
	    bad);
	CHECK(vm_map_unwire(&map, P(10), P(14), SYS) == KERN_SUCCESS &&
	    vm_map_unwire(&map, P(0), P(24), USER_HOLES) == KERN_SUCCESS);
	CHECK(ie3_violations() == 0 && check() == 0);
	teardown();
}

static void
r34_composition_table(void)
{
	setup();
	REQUIRE(insert_anon(0, 2) == KERN_SUCCESS);
	/* vslock on WC = 0: fault-in, WC 1, UW 0 */
	CHECK(vm_map_wire(&map, P(0), P(2), SYS) == KERN_SUCCESS &&
	    wc(0) == 1 && !uw(0) &&
	    vm_cnt.v_wire_by_reason[VM_WIRE_SYSTEM] == ws0 + 2);
	/* mlock on UW 0, SWC > 0: WC + 1, UW 1, no fault-in */
	CHECK(vm_map_wire(&map, P(0), P(2), USER) == KERN_SUCCESS &&
	    wc(0) == 2 && uw(0) && vm_user_wire_count == uw0 + 2 &&
	    vm_cnt.v_wire_by_reason[VM_WIRE_SYSTEM] == ws0 + 2 &&
	    vm_cnt.v_wire_by_reason[VM_WIRE_USER] == wu0);
	/* vsunlock on SWC 1, WC 2: WC - 1 */
	CHECK(vm_map_unwire(&map, P(0), P(2), SYS) == KERN_SUCCESS &&
	    wc(0) == 1 && uw(0));
	/* vsunlock on SWC 0: fails, no change */
	CHECK(vm_map_unwire(&map, P(0), P(2), SYS) == KERN_INVALID_ARGUMENT &&
	    wc(0) == 1 && uw(0));
	/* munlock on UW 1, SWC 0: full unwire (of the system-reason pages) */
	CHECK(vm_map_unwire(&map, P(0), P(2), USER) == KERN_SUCCESS &&
	    wc(0) == 0 && vm_cnt.v_wire_by_reason[VM_WIRE_SYSTEM] == ws0 &&
	    pmap_wired_count(&upmap) == 0);
	CHECK(check() == 0);
	teardown();
}

static void
r35_user_wire_count_exact_under_mixed_orders(void)
{
	setup();
	REQUIRE(insert_anon(0, 3) == KERN_SUCCESS);
	/* (a) vslock, mlock, vsunlock, munlock */
	CHECK(vm_map_wire(&map, P(0), P(3), SYS) == 0 &&
	    vm_map_wire(&map, P(0), P(3), USER) == 0 &&
	    vm_map_unwire(&map, P(0), P(3), SYS) == 0 &&
	    vm_map_unwire(&map, P(0), P(3), USER) == 0);
	CHECK(vm_user_wire_count == uw0 && wc(0) == 0,
	    "R35 (a): count %lu base %lu", vm_user_wire_count, uw0);
	/* (b) mlock, vslock, munlock, vsunlock */
	CHECK(vm_map_wire(&map, P(0), P(3), USER) == 0 &&
	    vm_map_wire(&map, P(0), P(3), SYS) == 0 &&
	    vm_map_unwire(&map, P(0), P(3), USER) == 0 &&
	    vm_map_unwire(&map, P(0), P(3), SYS) == 0);
	CHECK(vm_user_wire_count == uw0 && wc(0) == 0 &&
	    vm_cnt.v_wire_by_reason[VM_WIRE_USER] == wu0,
	    "R35 (b): count %lu base %lu", vm_user_wire_count, uw0);
	/* deletion discharges (R45) */
	CHECK(vm_map_wire(&map, P(0), P(3), USER) == 0);
	teardown();
}

/*
 * One object mapped shared at pages 0-3 and 10-13 (two entries, the same
 * physical pages).  false if that cannot be made.
 */
static bool
insert_shared_twice(void)
{
	vm_object_t obj;
	int rv;

	if ((obj = vm_object_allocate(OBJT_DEFAULT, 4)) == NULL)
		return (false);
	vm_object_reference(obj);
	vm_map_lock(&map);
	rv = vm_map_insert(&map, obj, 0, P(0), P(4), VM_PROT_RW, VM_PROT_ALL,
	    0);
	if (rv == KERN_SUCCESS)
		rv = vm_map_insert(&map, obj, 0, P(10), P(14), VM_PROT_RW,
		    VM_PROT_ALL, 0);
	vm_map_unlock(&map);
	return (rv == KERN_SUCCESS);
}

/* Physical pages wired, by reason, above the test's baseline. */
#define WUSER()	(vm_cnt.v_wire_by_reason[VM_WIRE_USER] - wu0)
#define WSYS()	(vm_cnt.v_wire_by_reason[VM_WIRE_SYSTEM] - ws0)

/*
 * One page, several reasons (vm_page.h "Wiring"): a page user-wired
 * through one entry and system-wired through another keeps the reason
 * of its first wiring until its last goes; each page counts once; every
 * order of the two wirings and two unwirings brings every counter back.
 * Each of the 4! orders of (mlock A, vslock B, munlock A, vsunlock B)
 * in which each wiring comes before its unwiring is run.
 */
static void
one_page_user_and_system_wired_through_two_entries(void)
{
	/* u/U: mlock/munlock of pages 0-3, s/S: vslock/vsunlock of 10-13 */
	static const char *const orders[] = {
		"usUS", "usSU", "suUS", "suSU", "uUsS", "sSuU",
	};
	const char *o;
	u_long first;
	unsigned i;
	bool wired;
	int k;

	for (i = 0; i < nitems(orders); i++) {
		setup();
		REQUIRE(insert_shared_twice());
		first = 0;
		for (o = orders[i], k = 0; *o != '\0'; o++, k++) {
			wired = WUSER() + WSYS() != 0;
			switch (*o) {
			case 'u':
				CHECK(vm_map_wire(&map, P(0), P(4), USER) ==
				    KERN_SUCCESS);
				break;
			case 's':
				CHECK(vm_map_wire(&map, P(10), P(14), SYS) ==
				    KERN_SUCCESS);
				break;
			case 'U':
				CHECK(vm_map_unwire(&map, P(0), P(4), USER) ==
				    KERN_SUCCESS);
				break;
			case 'S':
				CHECK(vm_map_unwire(&map, P(10), P(14), SYS) ==
				    KERN_SUCCESS);
				break;
			}
			/* The wiring that took the pages from 0. */
			if (!wired)
				first = *o == 'u' ? VM_WIRE_USER :
				    VM_WIRE_SYSTEM;
			/* Wired or not, each page counts once... */
			CHECK(WUSER() + WSYS() == (wc(0) > 0 || wc(10) > 0 ?
			    4UL : 0UL), "order %s step %d: user %lu system %lu",
			    orders[i], k, WUSER(), WSYS());
			/* ... and, while wired, under that first reason. */
			CHECK(WUSER() + WSYS() == 0 ||
			    (first == VM_WIRE_USER ? WUSER() : WSYS()) == 4,
			    "order %s step %d: the first reason stays",
			    orders[i], k);
		}
		CHECK(WUSER() == 0 && WSYS() == 0 && vm_user_wire_count == uw0,
		    "order %s: all back", orders[i]);
		CHECK(vm_page_audit() == 0);
		CHECK(check() == 0);
		teardown();
	}
}

static void
r76_global_user_wire_cap(void)
{
	u_long saved = vm_page_max_user_wired;

	setup();
	REQUIRE(insert_anon(0, 4) == KERN_SUCCESS);
	REQUIRE(insert_anon(5, 4) == KERN_SUCCESS);
	vm_page_max_user_wired = vm_user_wire_count + 6;
	CHECK(vm_map_wire(&map, P(0), P(4), USER) == KERN_SUCCESS);
	CHECK(vm_map_wire(&map, P(5), P(9), USER) == KERN_RESOURCE_SHORTAGE,
	    "R76 over vm.max_user_wired");
	CHECK(wc(5) == 0 && vm_user_wire_count == uw0 + 4);
	CHECK(vm_map_wire(&map, P(5), P(9), SYS) == KERN_SUCCESS,
	    "R76 system wirings are not capped");
	vm_page_max_user_wired = saved;
	CHECK(vm_map_unwire(&map, P(5), P(9), SYS) == KERN_SUCCESS);
	teardown();
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
	TAP_RUN(r1_r2_empty_and_clamped_ranges);
	TAP_RUN(r4_first_wiring_faults_every_page);
	TAP_RUN(r5_one_user_wiring_per_entry);
	TAP_RUN(r9_system_unwire_must_match_a_system_wiring);
	TAP_RUN(r3_wire_is_all_or_nothing);
	TAP_RUN(r6_r38_unwirable_entries_and_holesok);
	TAP_RUN(r7_r39_fault_failure_rolls_back);
	TAP_RUN(r13_partial_wiring_clips_and_merges_back);
	TAP_RUN(r13_untouched_anonymous_memory_merges_back);
	TAP_RUN(ie3_wired_entries_keep_their_pages);
	TAP_RUN(r34_composition_table);
	TAP_RUN(r35_user_wire_count_exact_under_mixed_orders);
	TAP_RUN(r76_global_user_wire_cap);
	TAP_RUN(one_page_user_and_system_wired_through_two_entries);
	return (tap_exit_status());
}
