/*
 * test_vm_map.c - host tests of vm/vm_map.c (with kern_sx.c and
 * kern_synch.c) on the pretend machine (tests/host/vmhost/): the real
 * uma, vm_object and vm_fault, and the fake pmap as the page tables.
 *
 * Targeted tests pin clipping (I-E6), merging (I-E5), the free-space
 * search, protect/inherit/delete with their failure cases (nothing
 * changed), the fault-path lookup (R71, NEEDS_COPY, guards), the waits
 * (R33, R40, R43, R45), the lock and sleep primitives and vm_map_check
 * itself.  A seeded random test runs thousands of operations against a
 * page-by-page reference model and checks the map (vm_map_check) and
 * the model after each.  Stacks (growth into the gap, the guard page,
 * RLIMIT_STACK and RLIMIT_AS, fork), madvise (R57), msync (R56),
 * mincore and the kbuf pager have tests of their own.
 *
 * Shortages are real: starve() takes every free page and fills a zone
 * (the map entries' or the objects') so that its next allocations fail.
 * With one thread every wait can only panic (nothing could end it), so
 * a test of a wait runs the call in a child process (fork) and expects
 * the panic naming what it waited for.  Every test ends with no entry,
 * no object and no mapping left (leak check).
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

#include "rng.h"
#include "tap.h"
#include "vmhost/vmhost.h"
#include "vmhost/pmap_fake.h"

#include <sys/errno.h>
#include <sys/_mman.h>
#include <kernel/systm.h>
#include <kernel/clock.h>
#include <kernel/sleep.h>
#include <kernel/sx.h>
#include <vm/vm.h>
#include <vm/vm_inject.h>
#include <vm/vm_kern.h>
#include <vm/vm_map.h>
#include <vm/vm_object.h>
#include <vm/vm_page.h>
#include <vm/vm_pager.h>
#include <vm/vm_radix.h>
#include <vm/vmmeter.h>
#include <vm/pmap.h>
#include <vm/uma.h>
#include <machine/vmparam.h>

#define RAM_BYTES	(16UL << 20)
#define MAP_MIN		((vm_offset_t)0x10000000)	/* 2 MiB aligned */
#define MAP_PAGES	4096				/* 16 MiB */
#define MAP_MAX		(MAP_MIN + MAP_PAGES * PAGE_SIZE)
#define P(n)		(MAP_MIN + (vm_offset_t)(n) * PAGE_SIZE)

static struct vm_map map;
static struct pmap upmap;		/* the maps' pmap */
static uma_zone_t entry_zone, object_zone;
static u_long entries_base, objects_base;
static int dummy_thread;		/* a wiring_thread value */
#define FAKE_THREAD	((struct thread *)&dummy_thread)

/* ---- shortages ---- */

static struct {
	struct pglist	pages;
	void		*items[8192];
	int		nitems;
	uma_zone_t	zone;
} starved;

/*
 * starve: no free page at all, and `zone` full but for `allow` items:
 * the next `allow` allocations from it succeed, the one after fails.
 */
static void
starve(uma_zone_t zone, int allow)
{
	vm_page_t m;
	void *item;

	TAILQ_INIT(&starved.pages);
	while ((m = vm_page_alloc_noobj(VM_ALLOC_INTERRUPT)) != NULL)
		TAILQ_INSERT_TAIL(&starved.pages, m, plinks.q);
	starved.zone = zone;
	starved.nitems = 0;
	while (starved.nitems < (int)nitems(starved.items) &&
	    (item = uma_zalloc(zone, M_NOWAIT)) != NULL)
		starved.items[starved.nitems++] = item;
	while (allow-- > 0 && starved.nitems > 0)
		uma_zfree(zone, starved.items[--starved.nitems]);
}

static void
unstarve(void)
{
	vm_page_t m;

	while (starved.nitems > 0)
		uma_zfree(starved.zone, starved.items[--starved.nitems]);
	while ((m = TAILQ_FIRST(&starved.pages)) != NULL) {
		TAILQ_REMOVE(&starved.pages, m, plinks.q);
		vm_page_free(m);
	}
}

/* ---- waits: with one thread, a panic in a child process ---- */

/*
 * Run fn() in a child; it must panic (abort) and say `what`.  The
 * parent's VM is not touched (vmhost_fork_child).
 */
static bool
child_panics(void (*fn)(void), const char *what, const char *name)
{
	char buf[4096];
	ssize_t n, len = 0;
	int fds[2], status;
	pid_t pid;

	fflush(stdout);
	if (pipe(fds) != 0)
		return (CHECK(false, "pipe"));
	pid = fork();
	if (pid == 0) {
		close(fds[0]);
		dup2(fds[1], 1);
		dup2(fds[1], 2);
		vmhost_fork_child();
		fn();
		printf("%s returned\n", name);
		fflush(stdout);
		_exit(0);
	}
	close(fds[1]);
	while (len < (ssize_t)sizeof(buf) - 1 &&
	    (n = read(fds[0], buf + len, sizeof(buf) - 1 - len)) > 0)
		len += n;
	buf[len] = '\0';
	close(fds[0]);
	waitpid(pid, &status, 0);
	if (!CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT,
	    "%s did not panic (status %#x): %s", name, status, buf))
		return (false);
	return (CHECK(strstr(buf, what) != NULL, "%s: the panic does not say "
	    "\"%s\": %s", name, what, buf));
}

#define CHILD_PANICS(fn, what)	child_panics((fn), (what), #fn)

/* ---- the map under test ---- */

static void
map_setup_system(bool system)
{
	memset(&map, 0xa5, sizeof(map));	/* no help from zeroed memory */
	vm_map_init(&map, &upmap, MAP_MIN, MAP_MAX);
	/*
	 * A kernel map as far as the map is concerned: R33 is decided by
	 * system_map, and the fake pmap keeps kernel_pmap for the arena.
	 */
	map.system_map = system;
}

static void
map_setup(void)
{
	map_setup_system(false);
}

static int
map_check(void)
{
	int bad;

	vm_map_lock_read(&map);
	bad = vm_map_check(&map);
	vm_map_unlock_read(&map);
	return (bad);
}

/* Remove everything; nothing may be left (entries, objects, mappings). */
static void
map_teardown(void)
{
	vm_map_entry_t e;

	TAILQ_FOREACH(e, &map.entries, link) {
		/* Tests that wired entries by hand (no pages) unwire here. */
		if (e->wired_count != 0 && e->object == NULL) {
			e->wired_count = 0;
			e->eflags &= ~MAP_ENTRY_USER_WIRED;
		}
		e->eflags &= ~MAP_ENTRY_IN_TRANSITION;
		e->wiring_thread = NULL;
	}
	map.busy = 0;
	map.system_map = true;		/* whatever is wired goes now (R33) */
	CHECK(vm_map_remove(&map, MAP_MIN, MAP_MAX) == KERN_SUCCESS);
	CHECK(map.nentries == 0 && map.size == 0 && TAILQ_EMPTY(&map.entries)
	    && RB_EMPTY(&map.root), "map not empty after removing all");
	CHECK(map_check() == 0);
	CHECK(uma_zone_inuse(entry_zone) == entries_base, "%ld map entries "
	    "leaked", (long)(uma_zone_inuse(entry_zone) - entries_base));
	CHECK(vm_object_count() == objects_base, "%ld objects leaked",
	    (long)(vm_object_count() - objects_base));
	CHECK(pmap_resident_count(&upmap) == 0 &&
	    pmap_wired_count(&upmap) == 0 && pmap_fake_check(&upmap) == 0,
	    "mappings left: %ld (%ld wired)", pmap_resident_count(&upmap),
	    pmap_wired_count(&upmap));
}

static int
insert(vm_object_t obj, vm_pindex_t off, int first, int npages,
    vm_prot_t prot, vm_prot_t max, int cow)
{
	int rv;

	vm_map_lock(&map);
	rv = vm_map_insert(&map, obj, ptoa(off), P(first), P(first + npages),
	    prot, max, cow);
	vm_map_unlock(&map);
	return (rv);
}

static int
insert_anon(int first, int npages)
{
	return (insert(NULL, 0, first, npages, VM_PROT_RW, VM_PROT_ALL, 0));
}

/* A new object mapped at `first` for `npages` from pindex `off`. */
static vm_object_t
insert_obj(int first, int npages, vm_pindex_t off)
{
	vm_object_t obj;

	obj = vm_object_allocate(OBJT_DEFAULT, off + npages);
	if (obj == NULL)
		return (NULL);
	if (insert(obj, off, first, npages, VM_PROT_RW, VM_PROT_ALL, 0) !=
	    KERN_SUCCESS) {
		vm_object_deallocate(obj);
		return (NULL);
	}
	return (obj);
}

/* The entry containing `addr`, or NULL. */
static vm_map_entry_t
entry_at(vm_offset_t addr)
{
	vm_map_entry_t e;
	bool found;

	vm_map_lock_read(&map);
	found = vm_map_lookup_entry(&map, addr, &e);
	vm_map_unlock_read(&map);
	return (found ? e : NULL);
}

static bool
entry_is(vm_map_entry_t e, int first, int end)
{
	return (e != NULL && e->start == P(first) && e->end == P(end));
}

/* A read fault through vm_map_lookup only: gives an entry its object. */
static vm_object_t
fault_object(vm_offset_t addr)
{
	vm_map_t m = &map;
	vm_map_entry_t e;
	vm_object_t obj;
	vm_pindex_t pindex;
	vm_prot_t prot;
	bool wired;

	if (vm_map_lookup(&m, addr, VM_PROT_READ, &e, &obj, &pindex, &prot,
	    &wired) != KERN_SUCCESS)
		return (NULL);
	vm_map_lookup_done(m, e);
	return (obj);
}

/* Real faults (vm_fault) on pages [first, end): pages and PTEs. */
static bool
touch(int first, int end, vm_prot_t type)
{
	int i;

	for (i = first; i < end; i++)
		if (vm_fault(&map, P(i), type, 0) != KERN_SUCCESS)
			return (false);
	return (true);
}

/* The protection of the PTE at page `i` (or -1 if none). */
static int
pte_prot(int i)
{
	struct pmap_fake_mapping fm;

	if (!pmap_fake_lookup(&upmap, P(i), &fm))
		return (-1);
	return (fm.prot);
}

/* ---------------------------------------------------------------- */

static void
im3_map_init_sets_every_field(void)
{
	memset(&map, 0xa5, sizeof(map));
	vm_map_init(&map, &upmap, MAP_MIN, MAP_MAX);
	CHECK(map.nentries == 0 && map.size == 0 && map.flags == 0 &&
	    map.busy == 0 && !map.needs_wakeup && map.timestamp == 0,
	    "a field kept garbage from before vm_map_init");
	CHECK(map.min_offset == MAP_MIN && map.max_offset == MAP_MAX);
	CHECK(!map.system_map && map.pmap == &upmap);
	CHECK(TAILQ_EMPTY(&map.entries) && RB_EMPTY(&map.root));
	CHECK(map.lock.sx_readers == 0 && !map.lock.sx_xlocked);
	vm_map_init(&map, kernel_pmap, MAP_MIN, MAP_MAX);
	CHECK(map.system_map, "a map over kernel_pmap is the system map");
	map_setup();
	map_teardown();
}

static void
lookup_entry_finds_entry_or_predecessor(void)
{
	vm_map_entry_t e;

	map_setup();
	REQUIRE(insert_anon(2, 2) == KERN_SUCCESS);
	REQUIRE(insert(NULL, 0, 6, 3, VM_PROT_READ, VM_PROT_ALL, 0) ==
	    KERN_SUCCESS);
	REQUIRE(insert_anon(20, 1) == KERN_SUCCESS);
	CHECK(map.nentries == 3 && map.size == ptoa(6));
	vm_map_lock_read(&map);
	CHECK(!vm_map_lookup_entry(&map, P(0), &e) && e == NULL,
	    "before the first entry: no predecessor");
	CHECK(vm_map_lookup_entry(&map, P(2), &e) && entry_is(e, 2, 4));
	CHECK(vm_map_lookup_entry(&map, P(4) - 1, &e) && entry_is(e, 2, 4));
	CHECK(!vm_map_lookup_entry(&map, P(4), &e) && entry_is(e, 2, 4),
	    "a hole: the entry before it");
	CHECK(vm_map_lookup_entry(&map, P(8), &e) && entry_is(e, 6, 9));
	CHECK(!vm_map_lookup_entry(&map, P(100), &e) && entry_is(e, 20, 21));
	vm_map_unlock_read(&map);
	CHECK(map_check() == 0);
	map_teardown();
}

/*
 * The lookup hint (the entry found last) never answers for an address
 * outside its range, follows clipping and merging, and never points at
 * an entry that left the map (vm_map_check looks).
 */
static void
lookup_hint_follows_clip_merge_and_delete(void)
{
	vm_map_entry_t e, first;
	struct vm_map_entry stranger;

	map_setup();
	REQUIRE(insert_anon(2, 4) == KERN_SUCCESS);
	REQUIRE(insert_anon(8, 1) == KERN_SUCCESS);
	vm_map_lock(&map);
	CHECK(vm_map_lookup_entry(&map, P(3), &e) && entry_is(e, 2, 6));
	CHECK(map.hint == e, "the entry found is not the hint");
	/* Split [2, 6) at 4: each half answers for its own pages only. */
	REQUIRE(vm_map_clip_start(&map, e, P(4)) == KERN_SUCCESS);
	CHECK(vm_map_lookup_entry(&map, P(5), &e) && entry_is(e, 4, 6));
	CHECK(vm_map_lookup_entry(&map, P(3), &first) && entry_is(first, 2, 4));
	CHECK(vm_map_lookup_entry(&map, P(4), &e) && entry_is(e, 4, 6),
	    "the hint [2, 4) answered for page 4");
	CHECK(!vm_map_lookup_entry(&map, P(6), &e) && entry_is(e, 4, 6),
	    "the hint answered for a hole");
	/* Merge them again: the entry that goes must not stay the hint. */
	CHECK(vm_map_lookup_entry(&map, P(5), &e) && map.hint == e);
	vm_map_simplify_entry(&map, e);
	CHECK(map.nentries == 2 && vm_map_check(&map) == 0);
	CHECK(vm_map_lookup_entry(&map, P(5), &e) && entry_is(e, 2, 6));
	/* Delete the hint's entry. */
	CHECK(vm_map_delete(&map, P(2), P(6)) == KERN_SUCCESS);
	CHECK(map.hint == NULL && vm_map_check(&map) == 0,
	    "the hint outlived its entry");
	CHECK(!vm_map_lookup_entry(&map, P(3), &e) && e == NULL);
	/* The checker sees a hint that is not an entry of the map. */
	stranger = *TAILQ_FIRST(&map.entries);
	map.hint = &stranger;
	CHECK(vm_map_check(&map) > 0, "a stray hint not seen");
	map.hint = NULL;
	vm_map_unlock(&map);
	map_teardown();
}

static void
insert_errors_change_nothing(void)
{
	vm_object_t obj;
	u_int ts;

	map_setup();
	REQUIRE(insert_anon(4, 4) == KERN_SUCCESS);
	obj = vm_object_allocate(OBJT_DEFAULT, 8);
	REQUIRE(obj != NULL);
	CHECK(insert(obj, 0, 2, 3, VM_PROT_RW, VM_PROT_ALL, 0) ==
	    KERN_NO_SPACE, "overlap at the start of an entry");
	CHECK(insert(obj, 0, 7, 2, VM_PROT_RW, VM_PROT_ALL, 0) ==
	    KERN_NO_SPACE, "overlap at the end");
	CHECK(insert(obj, 0, 5, 1, VM_PROT_RW, VM_PROT_ALL, 0) ==
	    KERN_NO_SPACE, "inside");
	CHECK(insert(obj, 0, 3, 6, VM_PROT_RW, VM_PROT_ALL, 0) ==
	    KERN_NO_SPACE, "spanning");
	CHECK(insert(obj, 0, MAP_PAGES - 1, 2, VM_PROT_RW, VM_PROT_ALL, 0) ==
	    KERN_INVALID_ADDRESS, "past the end of the map");
	CHECK(insert(obj, 0, -1, 2, VM_PROT_RW, VM_PROT_ALL, 0) ==
	    KERN_INVALID_ADDRESS, "below the map");
	CHECK(insert(obj, 0, 10, 2, VM_PROT_RW, VM_PROT_READ, 0) ==
	    KERN_PROTECTION_FAILURE, "protection beyond max");
	CHECK(insert(obj, 0, 10, 2, VM_PROT_NONE, VM_PROT_NONE,
	    MAP_CREATE_GUARD) == KERN_INVALID_ARGUMENT, "guard with object");
	CHECK(insert(obj, 0, 10, 2, VM_PROT_RW, VM_PROT_ALL, MAP_NOFAULT) ==
	    KERN_INVALID_ARGUMENT, "no-fault with object");
	ts = map.timestamp;
	starve(entry_zone, 0);
	CHECK(insert(obj, 0, 10, 2, VM_PROT_RW, VM_PROT_ALL, 0) ==
	    KERN_RESOURCE_SHORTAGE);
	CHECK(insert_anon(8, 2) == KERN_RESOURCE_SHORTAGE,
	    "even an insert that would extend an entry fails first");
	unstarve();
	CHECK(map.timestamp == ts + 2);
	CHECK(obj->ref_count == 1, "a failed insert took the reference");
	CHECK(map.nentries == 1 && map.size == ptoa(4) &&
	    entry_is(entry_at(P(4)), 4, 8), "a failed insert changed the map");
	CHECK(map_check() == 0);
	vm_object_deallocate(obj);
	map_teardown();
}

static void
insert_extends_previous_anonymous_entry(void)
{
	vm_object_t obj;
	vm_map_entry_t e;

	map_setup();
	REQUIRE(insert_anon(0, 2) == KERN_SUCCESS);
	REQUIRE(insert_anon(2, 2) == KERN_SUCCESS);
	CHECK(map.nentries == 1 && entry_is(entry_at(P(0)), 0, 4),
	    "two anonymous mappings without objects became one entry");
	/* With an object: vm_object_coalesce grows it. */
	obj = fault_object(P(1));
	REQUIRE(obj != NULL && obj->size == 4);
	REQUIRE(insert_anon(4, 3) == KERN_SUCCESS);
	e = entry_at(P(0));
	CHECK(map.nentries == 1 && entry_is(e, 0, 7) && e->object == obj);
	CHECK(obj->size == 7 && obj->ref_count == 1, "object size %ju refs %d",
	    (uintmax_t)obj->size, obj->ref_count);
	CHECK(map.size == ptoa(7));
	/* The object cannot grow (someone else holds it): a new entry. */
	vm_object_reference(obj);
	REQUIRE(insert_anon(7, 1) == KERN_SUCCESS);
	vm_object_deallocate(obj);
	CHECK(map.nentries == 2 && entry_at(P(7))->object == NULL);
	/* Not contiguous: no merge. */
	REQUIRE(insert_anon(9, 1) == KERN_SUCCESS);
	CHECK(map.nentries == 3);
	CHECK(map_check() == 0);
	map_teardown();
}

static void
insert_new_protection_shares_grown_object(void)
{
	vm_object_t obj;
	vm_map_entry_t e;

	map_setup();
	REQUIRE(insert_anon(0, 2) == KERN_SUCCESS);
	obj = fault_object(P(0));
	REQUIRE(obj != NULL);
	REQUIRE(insert(NULL, 0, 2, 2, VM_PROT_READ, VM_PROT_ALL, 0) ==
	    KERN_SUCCESS);
	e = entry_at(P(2));
	CHECK(map.nentries == 2 && entry_is(e, 2, 4));
	CHECK(e->object == obj && e->offset == ptoa(2) && obj->ref_count == 2,
	    "the new entry maps the grown part of the object");
	CHECK(map_check() == 0);
	map_teardown();
}

static void
ie5_no_merge_into_wired_entry(void)
{
	vm_object_t obj;
	vm_map_entry_t e, e2;

	map_setup();
	/* Control: unwired, the next mapping extends the entry. */
	REQUIRE(insert_anon(0, 2) == KERN_SUCCESS);
	REQUIRE(fault_object(P(0)) != NULL);
	REQUIRE(insert_anon(2, 2) == KERN_SUCCESS);
	CHECK(map.nentries == 1, "control: unwired entries merge");
	map_teardown();

	map_setup();
	REQUIRE(insert_anon(0, 2) == KERN_SUCCESS);
	obj = fault_object(P(0));
	REQUIRE(obj != NULL);
	e = entry_at(P(0));
	e->wired_count = 1;		/* a system wiring, no pages yet */
	REQUIRE(insert_anon(2, 2) == KERN_SUCCESS);
	e2 = entry_at(P(2));
	CHECK(map.nentries == 2 && entry_is(e, 0, 2) && entry_is(e2, 2, 4),
	    "I-E5: a wired entry was extended");
	CHECK(e2 != NULL && e2->wired_count == 0);
	CHECK(map_check() == 0);
	/* simplify: different wired counts never merge ... */
	vm_map_lock(&map);
	vm_map_simplify_entry(&map, e2);
	vm_map_unlock(&map);
	CHECK(map.nentries == 2, "I-E5: simplify merged WC 1 with WC 0");
	/* ... equal ones do (same object, continuing). */
	CHECK(e2->object == obj && e2->offset == ptoa(2));
	e2->wired_count = 1;
	vm_map_lock(&map);
	vm_map_simplify_entry(&map, e2);
	vm_map_unlock(&map);
	CHECK(map.nentries == 1 && entry_is(entry_at(P(0)), 0, 4) &&
	    entry_at(P(0))->wired_count == 1);
	CHECK(obj->ref_count == 1);
	CHECK(map_check() == 0);
	entry_at(P(0))->wired_count = 0;
	map_teardown();
}

static void
ie5_no_merge_of_in_transition_or_guard_entries(void)
{
	vm_map_entry_t a, b;

	map_setup();
	REQUIRE(insert_anon(0, 4) == KERN_SUCCESS);
	vm_map_lock(&map);
	a = TAILQ_FIRST(&map.entries);
	REQUIRE(vm_map_clip_end(&map, a, P(2)) == KERN_SUCCESS);
	b = TAILQ_NEXT(a, link);
	a->eflags |= MAP_ENTRY_IN_TRANSITION;
	b->eflags |= MAP_ENTRY_IN_TRANSITION;
	a->wiring_thread = b->wiring_thread = FAKE_THREAD;
	vm_map_simplify_entry(&map, b);
	CHECK(map.nentries == 2, "I-E5: in-transition entries merged");
	a->eflags &= ~MAP_ENTRY_IN_TRANSITION;
	b->eflags &= ~MAP_ENTRY_IN_TRANSITION;
	a->wiring_thread = b->wiring_thread = NULL;
	vm_map_simplify_entry(&map, b);
	CHECK(map.nentries == 1, "control: the same entries merge");
	vm_map_unlock(&map);
	/* Two guards side by side stay two. */
	REQUIRE(insert(NULL, 0, 10, 1, VM_PROT_NONE, VM_PROT_NONE,
	    MAP_CREATE_GUARD) == KERN_SUCCESS);
	REQUIRE(insert(NULL, 0, 11, 1, VM_PROT_NONE, VM_PROT_NONE,
	    MAP_CREATE_GUARD) == KERN_SUCCESS);
	CHECK(map.nentries == 3, "I-E5: guard entries merged");
	CHECK(map.size == ptoa(4), "guards count in map->size");
	CHECK(map_check() == 0);
	map_teardown();
}

static void
ie6_clip_keeps_wiring(void)
{
	vm_object_t obj;
	vm_map_entry_t e, pieces[3];
	int i;

	map_setup();
	obj = insert_obj(0, 8, 4);
	REQUIRE(obj != NULL);
	e = entry_at(P(0));
	e->wired_count = 2;
	e->eflags |= MAP_ENTRY_USER_WIRED | MAP_ENTRY_IN_TRANSITION;
	e->wiring_thread = FAKE_THREAD;
	vm_map_lock(&map);
	CHECK(vm_map_clip_start(&map, e, P(2)) == KERN_SUCCESS);
	CHECK(vm_map_clip_end(&map, e, P(6)) == KERN_SUCCESS);
	CHECK(vm_map_clip_start(&map, e, P(2)) == KERN_SUCCESS &&
	    vm_map_clip_end(&map, e, P(8)) == KERN_SUCCESS &&
	    map.nentries == 3, "clipping at an entry's bounds splits nothing");
	vm_map_unlock(&map);
	pieces[0] = entry_at(P(0));
	pieces[1] = entry_at(P(2));
	pieces[2] = entry_at(P(6));
	CHECK(pieces[1] == e, "the clipped entry keeps the middle");
	CHECK(entry_is(pieces[0], 0, 2) && entry_is(pieces[1], 2, 6) &&
	    entry_is(pieces[2], 6, 8));
	for (i = 0; i < 3; i++) {
		if (pieces[i] == NULL)
			continue;
		CHECK(pieces[i]->wired_count == 2 &&
		    (pieces[i]->eflags & MAP_ENTRY_USER_WIRED) != 0 &&
		    (pieces[i]->eflags & MAP_ENTRY_IN_TRANSITION) != 0 &&
		    pieces[i]->wiring_thread == FAKE_THREAD,
		    "I-E6: piece %d lost its wiring state", i);
		CHECK(pieces[i]->object == obj);
	}
	CHECK(pieces[0]->offset == ptoa(4) && pieces[1]->offset == ptoa(6) &&
	    pieces[2]->offset == ptoa(10), "offsets follow the clips");
	CHECK(obj->ref_count == 3, "each piece holds a reference (%d)",
	    obj->ref_count);
	CHECK(map.size == ptoa(8));
	CHECK(map_check() == 0);
	/* In transition: simplify leaves the pieces alone (R42). */
	vm_map_lock(&map);
	vm_map_simplify_entry(&map, e);
	CHECK(map.nentries == 3);
	/* A clip without memory fails and changes nothing. */
	starve(entry_zone, 0);
	CHECK(vm_map_clip_start(&map, e, P(3)) == KERN_RESOURCE_SHORTAGE);
	unstarve();
	CHECK(map.nentries == 3 && entry_is(e, 2, 6));
	vm_map_unlock(&map);
	/* No pages were wired: undo the pretend wiring before teardown. */
	for (i = 0; i < 3; i++) {
		pieces[i]->wired_count = 0;
		pieces[i]->eflags &= ~MAP_ENTRY_USER_WIRED;
	}
	map_teardown();
}

static void
clip_then_simplify_restores_one_entry(void)
{
	vm_object_t obj;
	vm_map_entry_t e;

	map_setup();
	obj = insert_obj(0, 8, 0);
	REQUIRE(obj != NULL);
	vm_map_lock(&map);
	e = TAILQ_FIRST(&map.entries);
	REQUIRE(vm_map_clip_start(&map, e, P(3)) == KERN_SUCCESS);
	REQUIRE(vm_map_clip_end(&map, e, P(5)) == KERN_SUCCESS);
	CHECK(map.nentries == 3 && obj->ref_count == 3);
	CHECK(vm_map_check(&map) == 0);
	vm_map_simplify_entry(&map, e);
	CHECK(map.nentries == 1 && entry_is(e, 0, 8) && e->offset == 0);
	CHECK(obj->ref_count == 1, "merging dropped the extra references");
	CHECK(vm_map_check(&map) == 0);
	vm_map_unlock(&map);
	map_teardown();
}

static void
findspace_first_fit(void)
{
	vm_offset_t addr;

	map_setup();
	REQUIRE(insert_anon(3, 2) == KERN_SUCCESS);		/* [3,5) */
	REQUIRE(insert(NULL, 0, 5, 1, VM_PROT_READ, VM_PROT_ALL, 0) ==
	    KERN_SUCCESS);					/* [5,6) */
	REQUIRE(insert(NULL, 0, 8, 1, VM_PROT_READ, VM_PROT_ALL, 0) ==
	    KERN_SUCCESS);					/* [8,9) */
	REQUIRE(insert_anon(13, 1) == KERN_SUCCESS);		/* [13,14) */
	REQUIRE(insert(NULL, 0, 30, 2, VM_PROT_READ, VM_PROT_ALL, 0) ==
	    KERN_SUCCESS);					/* [30,32) */
	vm_map_lock_read(&map);
	CHECK(vm_map_findspace(&map, 0, ptoa(3), &addr) && addr == P(0),
	    "the space before the first entry");
	CHECK(vm_map_findspace(&map, P(0), ptoa(4), &addr) && addr == P(9),
	    "got %#lx", (u_long)addr);
	CHECK(vm_map_findspace(&map, P(0), ptoa(2), &addr) && addr == P(0));
	CHECK(vm_map_findspace(&map, P(1), ptoa(2), &addr) && addr == P(1));
	CHECK(vm_map_findspace(&map, P(2), ptoa(2), &addr) && addr == P(6),
	    "start in a gap too small from there: got %#lx", (u_long)addr);
	CHECK(vm_map_findspace(&map, P(4), ptoa(1), &addr) && addr == P(6),
	    "start inside an entry");
	CHECK(vm_map_findspace(&map, P(7), ptoa(1), &addr) && addr == P(7));
	CHECK(vm_map_findspace(&map, P(7), ptoa(5), &addr) && addr == P(14),
	    "got %#lx", (u_long)addr);
	CHECK(vm_map_findspace(&map, P(7), ptoa(16), &addr) && addr == P(14));
	CHECK(vm_map_findspace(&map, P(7), ptoa(17), &addr) && addr == P(32),
	    "after the last entry");
	CHECK(vm_map_findspace(&map, P(31), ptoa(MAP_PAGES - 32), &addr) &&
	    addr == P(32), "all the rest");
	CHECK(!vm_map_findspace(&map, P(31), ptoa(MAP_PAGES - 31), &addr),
	    "one page too many");
	CHECK(!vm_map_findspace(&map, MAP_MAX, PAGE_SIZE, &addr));
	CHECK(!vm_map_findspace(&map, P(0), 0, &addr), "length 0");
	vm_map_unlock_read(&map);
	map_teardown();
}

static void
find_space_any_aligned_and_fixed(void)
{
	vm_offset_t addr;
	vm_object_t obj;

	map_setup();
	REQUIRE(insert_anon(0, 1) == KERN_SUCCESS);
	addr = MAP_MIN;
	CHECK(vm_map_find(&map, NULL, 0, &addr, ptoa(2), 0, VMFS_ANY_SPACE,
	    VM_PROT_READ, VM_PROT_ALL, 0) == KERN_SUCCESS && addr == P(1));
	addr = MAP_MIN;
	CHECK(vm_map_find(&map, NULL, 0, &addr, ptoa(2), 0,
	    VMFS_ALIGNED_SPACE(21), VM_PROT_RW, VM_PROT_ALL, 0) ==
	    KERN_SUCCESS && addr == MAP_MIN + (2 << 20),
	    "2 MiB aligned: got %#lx", (u_long)addr);
	addr = MAP_MIN + PAGE_SIZE;
	CHECK(vm_map_find(&map, NULL, 0, &addr, ptoa(1), 0,
	    VMFS_ALIGNED_SPACE(14), VM_PROT_RW, VM_PROT_ALL, 0) ==
	    KERN_SUCCESS && addr == P(4), "16 KiB aligned: got %#lx",
	    (u_long)addr);
	addr = MAP_MIN;
	CHECK(vm_map_find(&map, NULL, 0, &addr, ptoa(2), P(5), VMFS_ANY_SPACE,
	    VM_PROT_RW, VM_PROT_ALL, 0) == KERN_NO_SPACE && addr == MAP_MIN,
	    "the space left below max_addr is too small");
	addr = P(5);
	CHECK(vm_map_find(&map, NULL, 0, &addr, ptoa(1), 0, VMFS_NO_SPACE,
	    VM_PROT_RW, VM_PROT_ALL, 0) == KERN_SUCCESS && addr == P(5));
	addr = P(5);
	obj = vm_object_allocate(OBJT_DEFAULT, 1);
	REQUIRE(obj != NULL);
	CHECK(vm_map_find(&map, obj, 0, &addr, ptoa(1), 0, VMFS_NO_SPACE,
	    VM_PROT_RW, VM_PROT_ALL, 0) == KERN_NO_SPACE,
	    "fixed address taken");
	CHECK(obj->ref_count == 1);
	addr = MAP_MIN;
	CHECK(vm_map_find(&map, obj, 0, &addr, ptoa(MAP_PAGES), 0,
	    VMFS_ANY_SPACE, VM_PROT_RW, VM_PROT_ALL, 0) == KERN_NO_SPACE);
	vm_object_deallocate(obj);
	CHECK(map_check() == 0);
	map_teardown();
}

/* ---- protect ---- */

static void
protect_lowers_current_and_ptes(void)
{
	map_setup();
	REQUIRE(insert_anon(0, 8) == KERN_SUCCESS);
	REQUIRE(touch(0, 8, VM_PROT_WRITE));
	CHECK(pte_prot(2) == VM_PROT_RW && pmap_resident_count(&upmap) == 8);
	CHECK(vm_map_protect(&map, P(2), P(4), VM_PROT_READ, false) ==
	    KERN_SUCCESS);
	CHECK(map.nentries == 3 && entry_is(entry_at(P(2)), 2, 4));
	CHECK(entry_at(P(2))->protection == VM_PROT_READ &&
	    entry_at(P(2))->max_protection == VM_PROT_ALL);
	CHECK(entry_at(P(0))->protection == VM_PROT_RW &&
	    entry_at(P(4))->protection == VM_PROT_RW, "outside the range");
	CHECK(pte_prot(2) == VM_PROT_READ && pte_prot(3) == VM_PROT_READ,
	    "the PTEs of the range lost write (%d)", pte_prot(2));
	CHECK(pte_prot(1) == VM_PROT_RW && pte_prot(4) == VM_PROT_RW,
	    "PTEs outside the range kept it");
	CHECK(map_check() == 0);
	CHECK(vm_map_protect(&map, P(2), P(4), VM_PROT_RW, false) ==
	    KERN_SUCCESS);
	CHECK(pte_prot(2) == VM_PROT_READ, "raising leaves the PTEs alone: "
	    "the next write faults");
	CHECK(map.nentries == 1 && entry_is(entry_at(P(0)), 0, 8),
	    "equal neighbours merged again");
	CHECK(touch(2, 3, VM_PROT_WRITE) && pte_prot(2) == VM_PROT_RW);
	CHECK(vm_map_protect(&map, P(0), P(8), VM_PROT_NONE, false) ==
	    KERN_SUCCESS && pmap_resident_count(&upmap) == 0,
	    "protection NONE removes the PTEs");
	CHECK(vm_map_protect(&map, P(0), P(0), VM_PROT_NONE, false) ==
	    KERN_SUCCESS, "empty range");
	CHECK(map_check() == 0);
	map_teardown();
}

static void
protect_failures_change_nothing(void)
{
	vm_map_entry_t e;
	u_int ts;
	int i;

	map_setup();
	REQUIRE(insert(NULL, 0, 0, 4, VM_PROT_READ, VM_PROT_READ, 0) ==
	    KERN_SUCCESS);
	REQUIRE(insert_anon(4, 4) == KERN_SUCCESS);
	REQUIRE(insert_anon(9, 2) == KERN_SUCCESS);
	REQUIRE(touch(4, 8, VM_PROT_WRITE));
	CHECK(map.nentries == 3);
	CHECK(vm_map_protect(&map, P(2), P(6), VM_PROT_RW, false) ==
	    KERN_PROTECTION_FAILURE, "beyond the first entry's max");
	CHECK(vm_map_protect(&map, P(5), P(10), VM_PROT_READ, false) ==
	    KERN_INVALID_ADDRESS, "a hole inside the range");
	CHECK(vm_map_protect(&map, P(8), P(10), VM_PROT_READ, false) ==
	    KERN_INVALID_ADDRESS, "starting in a hole");
	CHECK(vm_map_protect(&map, P(9), P(12), VM_PROT_READ, false) ==
	    KERN_INVALID_ADDRESS, "ending in a hole");
	CHECK(vm_map_protect(&map, P(2), P(6), 0x80, false) ==
	    KERN_INVALID_ARGUMENT);
	ts = map.timestamp;
	for (i = 0; i < 2; i++) {
		starve(entry_zone, i);
		CHECK(vm_map_protect(&map, P(2), P(6), VM_PROT_NONE, false) ==
		    KERN_RESOURCE_SHORTAGE, "clip entry %d not allocated", i);
		unstarve();
	}
	CHECK(map.timestamp == ts, "the map was not even locked");
	CHECK(map.nentries == 3, "an entry was clipped");
	e = entry_at(P(0));
	CHECK(entry_is(e, 0, 4) && e->protection == VM_PROT_READ);
	e = entry_at(P(4));
	CHECK(entry_is(e, 4, 8) && e->protection == VM_PROT_RW);
	CHECK(pte_prot(5) == VM_PROT_RW && pmap_resident_count(&upmap) == 4,
	    "a failed protect touched the PTEs");
	CHECK(map_check() == 0);
	map_teardown();
}

static void
protect_set_max_lowers_both(void)
{
	vm_map_entry_t e;

	map_setup();
	REQUIRE(insert_anon(0, 4) == KERN_SUCCESS);
	REQUIRE(touch(0, 1, VM_PROT_WRITE));
	CHECK(vm_map_protect(&map, P(0), P(4), VM_PROT_READ |
	    VM_PROT_EXECUTE, true) == KERN_SUCCESS);
	e = entry_at(P(0));
	CHECK(e->max_protection == (VM_PROT_READ | VM_PROT_EXECUTE) &&
	    e->protection == VM_PROT_READ, "cur %#x max %#x", e->protection,
	    e->max_protection);
	CHECK(pte_prot(0) == VM_PROT_READ);
	CHECK(vm_map_protect(&map, P(0), P(4), VM_PROT_RW, false) ==
	    KERN_PROTECTION_FAILURE);
	CHECK(vm_map_protect(&map, P(0), P(4), VM_PROT_ALL, true) ==
	    KERN_PROTECTION_FAILURE, "the maximum never rises");
	CHECK(vm_map_protect(&map, P(0), P(4), VM_PROT_EXECUTE, false) ==
	    KERN_SUCCESS && e->protection == VM_PROT_EXECUTE);
	CHECK(map_check() == 0);
	map_teardown();
}

static void
protect_cow_entry_keeps_ptes_read_only(void)
{
	vm_object_t obj;

	map_setup();
	obj = vm_object_allocate(OBJT_DEFAULT, 4);
	REQUIRE(obj != NULL);
	vm_object_reference(obj);		/* shared: writes copy */
	REQUIRE(insert(obj, 0, 0, 4, VM_PROT_ALL, VM_PROT_ALL,
	    MAP_COPY_ON_WRITE) == KERN_SUCCESS);
	REQUIRE(touch(0, 1, VM_PROT_WRITE));
	CHECK(pte_prot(0) == VM_PROT_ALL, "the copy is writable");
	CHECK(vm_map_protect(&map, P(0), P(4), VM_PROT_RW, false) ==
	    KERN_SUCCESS);
	CHECK(pte_prot(0) == VM_PROT_READ,
	    "copy-on-write entries lower PTEs to no write (got %#x)",
	    pte_prot(0));
	vm_object_deallocate(obj);
	map_teardown();
}

static void
protect_guard_stays_none(void)
{
	map_setup();
	REQUIRE(insert_anon(0, 2) == KERN_SUCCESS);
	REQUIRE(insert(NULL, 0, 2, 1, VM_PROT_NONE, VM_PROT_NONE,
	    MAP_CREATE_GUARD) == KERN_SUCCESS);
	REQUIRE(insert_anon(3, 2) == KERN_SUCCESS);
	CHECK(vm_map_protect(&map, P(0), P(5), VM_PROT_READ, false) ==
	    KERN_SUCCESS, "a guard in the range is no hole");
	CHECK(entry_at(P(2))->protection == VM_PROT_NONE &&
	    entry_at(P(0))->protection == VM_PROT_READ &&
	    entry_at(P(3))->protection == VM_PROT_READ);
	CHECK(map_check() == 0);
	map_teardown();
}

static void
protect_busy_child(void)
{
	(void)vm_map_protect(&map, P(0), P(2), VM_PROT_READ, false);
}

static void
r43_protect_waits_while_map_busy(void)
{
	map_setup();
	REQUIRE(insert_anon(0, 2) == KERN_SUCCESS);
	vm_map_lock(&map);
	vm_map_busy(&map);
	vm_map_unlock(&map);
	/* One thread: the wait can never end, and says so. */
	CHILD_PANICS(protect_busy_child, "mbusy");
	CHECK(entry_at(P(0))->protection == VM_PROT_RW);
	vm_map_lock(&map);
	map.flags |= MAP_BUSY_WAKEUP;		/* as the waiter leaves it */
	vm_map_unbusy(&map);
	CHECK(map.busy == 0 && (map.flags & MAP_BUSY_WAKEUP) == 0,
	    "the last unbusy clears the wakeup flag");
	vm_map_wait_busy(&map);			/* not busy: returns */
	vm_map_unlock(&map);
	CHECK(vm_map_protect(&map, P(0), P(2), VM_PROT_READ, false) ==
	    KERN_SUCCESS);
	map_teardown();
}

static void
protect_in_transition_child(void)
{
	(void)vm_map_protect(&map, P(1), P(2), VM_PROT_READ, false);
}

static void
delete_in_transition_child(void)
{
	(void)vm_map_remove(&map, P(1), P(2));
}

static void
r40_protect_and_delete_wait_for_in_transition(void)
{
	vm_map_entry_t e;

	map_setup();
	REQUIRE(insert_anon(0, 4) == KERN_SUCCESS);
	e = entry_at(P(0));
	e->eflags |= MAP_ENTRY_IN_TRANSITION;
	e->wiring_thread = FAKE_THREAD;
	CHILD_PANICS(protect_in_transition_child, "vmmaps");
	CHILD_PANICS(delete_in_transition_child, "vmmaps");
	/* R41: the end of a transition wakes the map's sleepers. */
	vm_map_lock(&map);
	map.needs_wakeup = true;
	vm_map_wakeup(&map);
	CHECK(!map.needs_wakeup);
	vm_map_unlock(&map);
	map_teardown();
}

/* ---- inherit ---- */

static void
inherit_sets_clips_and_merges(void)
{
	map_setup();
	REQUIRE(insert_anon(0, 8) == KERN_SUCCESS);
	CHECK(vm_map_inherit(&map, P(2), P(4), VM_INHERIT_NONE) ==
	    KERN_SUCCESS);
	CHECK(map.nentries == 3 &&
	    entry_at(P(2))->inheritance == VM_INHERIT_NONE &&
	    entry_at(P(1))->inheritance == VM_INHERIT_COPY &&
	    entry_at(P(4))->inheritance == VM_INHERIT_COPY);
	CHECK(vm_map_inherit(&map, P(2), P(4), VM_INHERIT_COPY) ==
	    KERN_SUCCESS && map.nentries == 1);
	CHECK(vm_map_inherit(&map, P(2), P(4), 7) == KERN_INVALID_ARGUMENT);
	/* Holes are skipped. */
	REQUIRE(insert_anon(10, 2) == KERN_SUCCESS);
	CHECK(vm_map_inherit(&map, P(6), P(12), VM_INHERIT_SHARE) ==
	    KERN_SUCCESS);
	CHECK(entry_at(P(6))->inheritance == VM_INHERIT_SHARE &&
	    entry_at(P(5))->inheritance == VM_INHERIT_COPY &&
	    entry_at(P(10))->inheritance == VM_INHERIT_SHARE);
	/* A guard is never "fresh zero memory". */
	REQUIRE(insert(NULL, 0, 12, 1, VM_PROT_NONE, VM_PROT_NONE,
	    MAP_CREATE_GUARD) == KERN_SUCCESS);
	CHECK(vm_map_inherit(&map, P(10), P(13), VM_INHERIT_ZERO) ==
	    KERN_SUCCESS);
	CHECK(entry_at(P(10))->inheritance == VM_INHERIT_ZERO &&
	    entry_at(P(12))->inheritance != VM_INHERIT_ZERO);
	starve(entry_zone, 1);
	CHECK(vm_map_inherit(&map, P(1), P(2), VM_INHERIT_NONE) ==
	    KERN_RESOURCE_SHORTAGE);
	unstarve();
	CHECK(entry_at(P(1))->inheritance == VM_INHERIT_COPY);
	CHECK(map_check() == 0);
	map_teardown();
}

/* ---- delete ---- */

static void
delete_spans_entries_and_holes(void)
{
	vm_object_t a, b;
	vm_map_entry_t e;
	u_long objects;

	map_setup();
	a = insert_obj(0, 2, 0);				/* [0,2) */
	b = insert_obj(3, 3, 0);				/* [3,6) */
	REQUIRE(a != NULL && b != NULL);
	vm_object_reference(b);		/* [6,8) must not grow b */
	REQUIRE(insert(NULL, 0, 6, 2, VM_PROT_READ, VM_PROT_ALL, 0) ==
	    KERN_SUCCESS);					/* [6,8) */
	vm_object_deallocate(b);
	REQUIRE(insert(NULL, 0, 10, 2, VM_PROT_NONE, VM_PROT_NONE,
	    MAP_CREATE_GUARD) == KERN_SUCCESS);			/* [10,12) */
	CHECK(map.nentries == 4 && map.size == ptoa(7));
	REQUIRE(touch(0, 2, VM_PROT_WRITE) && touch(3, 8, VM_PROT_READ));
	CHECK(pmap_resident_count(&upmap) == 7);
	CHECK(a->resident_page_count == 2);
	objects = vm_object_count();
	CHECK(vm_map_remove(&map, P(1), P(11)) == KERN_SUCCESS);
	CHECK(map.nentries == 2 && map.size == ptoa(1));
	e = entry_at(P(0));
	CHECK(entry_is(e, 0, 1) && e->object == a);
	e = entry_at(P(11));
	CHECK(entry_is(e, 11, 12) && (e->eflags & MAP_ENTRY_GUARD) != 0);
	CHECK(a->ref_count == 1 && vm_object_count() == objects - 2,
	    "references: a %d; b and [6,8)'s object must be gone (%lu left "
	    "of %lu)", a->ref_count, vm_object_count(), objects);
	CHECK(pmap_resident_count(&upmap) == 1 && pte_prot(0) >= 0,
	    "only page 0 stays mapped");
	/* a was mapped once and split: the deleted page went at once. */
	CHECK(a->resident_page_count == 1 && a->size == 1,
	    "a: %d pages, size %ju", a->resident_page_count,
	    (uintmax_t)a->size);
	CHECK(map_check() == 0);
	/* Deleting nothing, or outside the map, is fine. */
	CHECK(vm_map_remove(&map, P(20), P(30)) == KERN_SUCCESS);
	CHECK(vm_map_remove(&map, 0, P(0)) == KERN_SUCCESS);
	CHECK(map.nentries == 2);
	map_teardown();
}

static void
delete_inside_one_entry_and_shortage(void)
{
	vm_object_t obj;

	map_setup();
	obj = insert_obj(0, 8, 0);
	REQUIRE(obj != NULL);
	REQUIRE(touch(0, 8, VM_PROT_WRITE));
	starve(entry_zone, 1);
	CHECK(vm_map_remove(&map, P(2), P(4)) == KERN_RESOURCE_SHORTAGE);
	unstarve();
	CHECK(map.nentries == 1 && pmap_resident_count(&upmap) == 8,
	    "a failed delete changed something");
	CHECK(vm_map_remove(&map, P(2), P(4)) == KERN_SUCCESS);
	CHECK(map.nentries == 2 && entry_is(entry_at(P(0)), 0, 2) &&
	    entry_is(entry_at(P(4)), 4, 8) && entry_at(P(2)) == NULL);
	CHECK(entry_at(P(4))->offset == ptoa(4) && obj->ref_count == 2);
	CHECK(obj->resident_page_count == 6 && obj->size == 8,
	    "pages %d size %ju", obj->resident_page_count,
	    (uintmax_t)obj->size);
	CHECK(pmap_resident_count(&upmap) == 6 && pte_prot(2) < 0);
	CHECK(map_check() == 0);
	map_teardown();
}

/* Wire pages [first, end) with the wiring engine (NOHOLES). */
static bool
wire_range(int first, int end, enum vm_wire_reason reason, bool user)
{
	(void)reason;
	return (vm_map_wire(&map, P(first), P(end), user ?
	    VM_MAP_WIRE_USER : VM_MAP_WIRE_SYSTEM) == KERN_SUCCESS);
}

static void
r33_kernel_map_delete_unwires_without_waiting(void)
{
	u_long sys_wired;

	map_setup_system(true);
	sys_wired = vm_cnt.v_wire_by_reason[VM_WIRE_SYSTEM];
	REQUIRE(insert_obj(0, 4, 0) != NULL);
	REQUIRE(wire_range(0, 4, VM_WIRE_SYSTEM, false));
	CHECK(vm_cnt.v_wire_by_reason[VM_WIRE_SYSTEM] == sys_wired + 4 &&
	    pmap_wired_count(&upmap) == 4, "system wired %lu (base %lu), "
	    "pmap wired %ld", vm_cnt.v_wire_by_reason[VM_WIRE_SYSTEM],
	    sys_wired, pmap_wired_count(&upmap));
	CHECK(vm_map_remove(&map, P(1), P(3)) == KERN_SUCCESS,
	    "R33: a kernel map deletes system-wired entries at once");
	CHECK(vm_cnt.v_wire_by_reason[VM_WIRE_SYSTEM] == sys_wired + 2 &&
	    pmap_wired_count(&upmap) == 2 && pmap_resident_count(&upmap) == 2,
	    "the deleted pages were unwired: system wired %lu (base %lu), "
	    "pmap wired %ld", vm_cnt.v_wire_by_reason[VM_WIRE_SYSTEM],
	    sys_wired, pmap_wired_count(&upmap));
	CHECK(entry_at(P(0))->wired_count == 1 &&
	    entry_at(P(3))->wired_count == 1, "the pieces stay wired");
	CHECK(map_check() == 0);
	CHECK(vm_map_remove(&map, P(0), P(4)) == KERN_SUCCESS);
	CHECK(vm_cnt.v_wire_by_reason[VM_WIRE_SYSTEM] == sys_wired &&
	    pmap_wired_count(&upmap) == 0);
	map_teardown();
}

static void
delete_system_wired_child(void)
{
	(void)vm_map_remove(&map, P(1), P(3));
}

static void
r45_user_map_delete_waits_for_system_wiring(void)
{
	vm_map_entry_t e;
	u_long user_wired;

	map_setup();
	user_wired = vm_cnt.v_wire_by_reason[VM_WIRE_USER];
	REQUIRE(insert_obj(0, 4, 0) != NULL);
	REQUIRE(wire_range(0, 4, VM_WIRE_USER, true));
	/* and a system wiring on top */
	REQUIRE(vm_map_wire(&map, P(0), P(4), VM_MAP_WIRE_SYSTEM) ==
	    KERN_SUCCESS);
	e = entry_at(P(0));
	CHECK(e->wired_count == 2);
	CHILD_PANICS(delete_system_wired_child, "vmmaps");
	/* Only the user wiring left: no wait, unwired, then PTEs gone. */
	CHECK(vm_map_unwire(&map, P(0), P(4), VM_MAP_WIRE_SYSTEM) ==
	    KERN_SUCCESS);
	CHECK(e->wired_count == 1);
	CHECK(vm_map_remove(&map, P(1), P(3)) == KERN_SUCCESS);
	CHECK(vm_cnt.v_wire_by_reason[VM_WIRE_USER] == user_wired + 2 &&
	    pmap_wired_count(&upmap) == 2 && pmap_resident_count(&upmap) == 2,
	    "R45: user wired %lu (base %lu), pmap wired %ld",
	    vm_cnt.v_wire_by_reason[VM_WIRE_USER], user_wired,
	    pmap_wired_count(&upmap));
	CHECK(entry_at(P(0))->wired_count == 1 &&
	    (entry_at(P(3))->eflags & MAP_ENTRY_USER_WIRED) != 0);
	CHECK(map_check() == 0);
	CHECK(vm_map_remove(&map, P(0), P(4)) == KERN_SUCCESS);
	CHECK(vm_cnt.v_wire_by_reason[VM_WIRE_USER] == user_wired);
	map_teardown();
}

/*
 * R36 and the decision "SIGKILL ends every wait that user activity can
 * cause": munmap's deletion (vm_map_delete_flags with PCATCH) waiting
 * for a system wiring ends when a signal is pending; the entries before
 * the one waited for are gone, that one and those after it are not.
 */
static void
r36_delete_wait_for_system_wiring_ends_on_a_signal(void)
{
	u_long sys_wired;
	int error = 0, rv;

	map_setup();
	sys_wired = vm_cnt.v_wire_by_reason[VM_WIRE_SYSTEM];
	REQUIRE(insert_obj(0, 2, 0) != NULL);
	REQUIRE(insert_obj(2, 2, 0) != NULL);
	REQUIRE(insert_obj(4, 2, 0) != NULL);
	REQUIRE(vm_map_wire(&map, P(2), P(4), VM_MAP_WIRE_SYSTEM) ==
	    KERN_SUCCESS);
	vmhost_signal_pending(EINTR);
	vm_map_lock(&map);
	rv = vm_map_delete_flags(&map, P(0), P(6), PCATCH, &error);
	vm_map_unlock(&map);
	vmhost_signal_pending(0);
	CHECK(rv == KERN_FAILURE && error == EINTR,
	    "R36: the wait ended by a signal: rv %d error %d", rv, error);
	CHECK(entry_at(P(0)) == NULL, "the entry before it is deleted");
	CHECK(entry_at(P(2)) != NULL && entry_at(P(2))->wired_count == 1 &&
	    entry_at(P(4)) != NULL, "it and the one after it stay");
	CHECK(map_check() == 0);
	/* Without the signal, and once the vsunlock came: no wait. */
	CHECK(vm_map_unwire(&map, P(2), P(4), VM_MAP_WIRE_SYSTEM) ==
	    KERN_SUCCESS);
	vm_map_lock(&map);
	rv = vm_map_delete_flags(&map, P(0), P(6), PCATCH, &error);
	vm_map_unlock(&map);
	CHECK(rv == KERN_SUCCESS && map.nentries == 0 &&
	    vm_cnt.v_wire_by_reason[VM_WIRE_SYSTEM] == sys_wired);
	map_teardown();
}

/* ---- the fault path ---- */

static void
lookup_read_and_write_faults(void)
{
	vm_map_t m = &map;
	vm_map_entry_t e;
	vm_object_t obj;
	vm_pindex_t pindex;
	vm_prot_t prot;
	bool wired;

	map_setup();
	REQUIRE(insert_anon(4, 4) == KERN_SUCCESS);
	REQUIRE(insert(NULL, 0, 8, 2, VM_PROT_READ, VM_PROT_ALL, 0) ==
	    KERN_SUCCESS);
	CHECK(vm_map_lookup(&m, P(6) + 12, VM_PROT_READ, &e, &obj, &pindex,
	    &prot, &wired) == KERN_SUCCESS);
	CHECK(map.lock.sx_readers == 1 && !map.lock.sx_xlocked,
	    "success returns the map read-locked");
	CHECK(entry_is(e, 4, 8) && obj != NULL && obj == e->object &&
	    pindex == 2 && prot == VM_PROT_RW && !wired,
	    "pindex %ju prot %#x", (uintmax_t)pindex, prot);
	CHECK(obj->size == 4, "the new object covers the entry");
	vm_map_lookup_done(m, e);
	CHECK(map.lock.sx_readers == 0);
	CHECK(vm_map_lookup(&m, P(4), VM_PROT_WRITE, &e, &obj, &pindex,
	    &prot, &wired) == KERN_SUCCESS && pindex == 0 &&
	    obj == e->object, "the second fault finds the same object");
	vm_map_lookup_done(m, e);
	CHECK(vm_map_lookup(&m, P(8), VM_PROT_WRITE, &e, &obj, &pindex,
	    &prot, &wired) == KERN_PROTECTION_FAILURE);
	CHECK(vm_map_lookup(&m, P(4), VM_PROT_EXECUTE, &e, &obj, &pindex,
	    &prot, &wired) == KERN_PROTECTION_FAILURE);
	CHECK(vm_map_lookup(&m, P(10), VM_PROT_READ, &e, &obj, &pindex,
	    &prot, &wired) == KERN_INVALID_ADDRESS);
	CHECK(vm_map_lookup(&m, P(0), VM_PROT_READ, &e, &obj, &pindex,
	    &prot, &wired) == KERN_INVALID_ADDRESS);
	CHECK(map.lock.sx_readers == 0 && !map.lock.sx_xlocked,
	    "failures return the map unlocked");
	/* No memory for the object. */
	starve(object_zone, 0);
	CHECK(vm_map_lookup(&m, P(8), VM_PROT_READ, &e, &obj, &pindex,
	    &prot, &wired) == KERN_RESOURCE_SHORTAGE);
	unstarve();
	CHECK(map.lock.sx_readers == 0 && !map.lock.sx_xlocked);
	CHECK(entry_at(P(8))->object == NULL);
	CHECK(map_check() == 0);
	map_teardown();
}

static void
lookup_needs_copy_shadows_on_write(void)
{
	vm_map_t m = &map;
	vm_map_entry_t e;
	vm_object_t base, obj;
	vm_pindex_t pindex;
	vm_prot_t prot;
	bool wired;
	u_int ts;

	map_setup();
	base = vm_object_allocate(OBJT_DEFAULT, 8);
	REQUIRE(base != NULL);
	vm_object_reference(base);	/* another holder: a copy is needed */
	REQUIRE(insert(base, 3, 0, 4, VM_PROT_RW, VM_PROT_ALL,
	    MAP_COPY_ON_WRITE) == KERN_SUCCESS);
	CHECK(vm_map_lookup(&m, P(2), VM_PROT_READ, &e, &obj, &pindex, &prot,
	    &wired) == KERN_SUCCESS);
	CHECK(obj == base && pindex == 5 && prot == VM_PROT_READ,
	    "a read maps the shared page read-only (obj %p pindex %ju prot "
	    "%#x)", obj, (uintmax_t)pindex, prot);
	CHECK((e->eflags & MAP_ENTRY_NEEDS_COPY) != 0);
	vm_map_lookup_done(m, e);
	ts = map.timestamp;
	starve(object_zone, 0);
	CHECK(vm_map_lookup(&m, P(2), VM_PROT_WRITE, &e, &obj, &pindex,
	    &prot, &wired) == KERN_RESOURCE_SHORTAGE);
	unstarve();
	CHECK((entry_at(P(0))->eflags & MAP_ENTRY_NEEDS_COPY) != 0 &&
	    entry_at(P(0))->object == base);
	CHECK(vm_map_lookup(&m, P(2), VM_PROT_WRITE, &e, &obj, &pindex,
	    &prot, &wired) == KERN_SUCCESS);
	CHECK(obj != base && obj->backing_object == base &&
	    obj->backing_object_offset == ptoa(3) && pindex == 2 &&
	    prot == VM_PROT_RW, "the write got a shadow");
	CHECK((e->eflags & MAP_ENTRY_NEEDS_COPY) == 0 &&
	    (e->eflags & MAP_ENTRY_COW) != 0 && e->offset == 0);
	CHECK(map.timestamp != ts, "the map changed under the write lock");
	CHECK(map.lock.sx_readers == 1, "downgraded back to read");
	vm_map_lookup_done(m, e);
	CHECK(map_check() == 0);
	vm_object_deallocate(base);
	map_teardown();
}

static void
r71_wired_entry_lookup_uses_full_protection(void)
{
	vm_map_t m = &map;
	vm_map_entry_t e;
	vm_object_t base, obj;
	vm_pindex_t pindex;
	vm_prot_t prot;
	bool wired;

	map_setup();
	base = vm_object_allocate(OBJT_DEFAULT, 4);
	REQUIRE(base != NULL);
	vm_object_reference(base);
	REQUIRE(insert(base, 0, 0, 4, VM_PROT_RW, VM_PROT_ALL,
	    MAP_COPY_ON_WRITE) == KERN_SUCCESS);
	entry_at(P(0))->wired_count = 1;	/* pretend: no pages */
	CHECK(vm_map_lookup(&m, P(1), VM_PROT_READ, &e, &obj, &pindex, &prot,
	    &wired) == KERN_SUCCESS);
	CHECK(wired && prot == VM_PROT_RW, "R71: prot %#x", prot);
	CHECK(obj != base && obj->backing_object == base,
	    "R71: a read fault on a wired COW entry resolves the copy");
	vm_map_lookup_done(m, e);
	entry_at(P(0))->wired_count = 0;
	vm_object_deallocate(base);
	map_teardown();
}

static void
lookup_guard_and_nofault_entries_fail(void)
{
	vm_map_t m = &map;
	vm_map_entry_t e;
	vm_object_t obj;
	vm_pindex_t pindex;
	vm_prot_t prot;
	bool wired;

	map_setup();
	REQUIRE(insert(NULL, 0, 0, 1, VM_PROT_RW, VM_PROT_ALL,
	    MAP_CREATE_GUARD) == KERN_SUCCESS);
	e = entry_at(P(0));
	CHECK(e->protection == VM_PROT_NONE && e->max_protection ==
	    VM_PROT_NONE && (e->eflags & MAP_ENTRY_GUARD) != 0 &&
	    e->object == NULL, "a guard: no access, no object");
	CHECK(map.size == 0, "guards are not counted in size");
	CHECK(vm_map_lookup(&m, P(0), VM_PROT_READ, &e, &obj, &pindex, &prot,
	    &wired) == KERN_PROTECTION_FAILURE);
	CHECK(vm_fault(&map, P(0), VM_PROT_READ, 0) ==
	    KERN_PROTECTION_FAILURE, "vm_fault on a guard fails too");
	CHECK(entry_at(P(0))->object == NULL && pte_prot(0) < 0);
	REQUIRE(insert(NULL, 0, 1, 1, VM_PROT_RW, VM_PROT_ALL, MAP_NOFAULT) ==
	    KERN_SUCCESS);
	CHECK(vm_map_lookup(&m, P(1), VM_PROT_READ, &e, &obj, &pindex, &prot,
	    &wired) == KERN_INVALID_ADDRESS);
	CHECK(entry_at(P(1))->object == NULL, "no object for no-fault");
	CHECK(map.lock.sx_readers == 0);
	CHECK(map_check() == 0);
	map_teardown();
}

/* ---- locks and sleep ---- */

static void
map_lock_timestamp_and_upgrade(void)
{
	u_int ts;

	map_setup();
	ts = map.timestamp;
	vm_map_lock_read(&map);
	vm_map_unlock_read(&map);
	CHECK(map.timestamp == ts, "a read hold changes nothing");
	vm_map_lock(&map);
	vm_map_assert_wlocked(&map);
	vm_map_unlock(&map);
	CHECK(map.timestamp == ts + 1, "an exclusive hold bumps");
	vm_map_lock_read(&map);
	CHECK(!vm_map_lock_upgrade(&map), "the only reader upgrades");
	CHECK(map.lock.sx_xlocked && map.lock.sx_readers == 0);
	vm_map_lock_downgrade(&map);
	CHECK(map.timestamp == ts + 2 && map.lock.sx_readers == 1);
	vm_map_unlock_read(&map);
	/* vm_map_unlock_and_wait with a timeout: EWOULDBLOCK, unlocked. */
	vm_map_lock(&map);
	CHECK(vm_map_unlock_and_wait(&map, 3) == EWOULDBLOCK);
	CHECK(!map.lock.sx_xlocked && map.timestamp == ts + 3);
	CHECK(map.needs_wakeup);
	vm_map_lock(&map);
	vm_map_wakeup(&map);
	CHECK(!map.needs_wakeup);
	vm_map_unlock(&map);
	map_teardown();
}

static struct sx tsx;

static void
sx_xlock_twice_child(void)
{
	sx_xlock(&tsx);
	sx_xlock(&tsx);
}

static void
sx_slock_while_xlocked_child(void)
{
	sx_xlock(&tsx);
	sx_slock(&tsx);
}

static void
sx_xlock_while_shared_child(void)
{
	sx_slock(&tsx);
	sx_xlock(&tsx);
}

static void
sx_sunlock_unlocked_child(void)
{
	sx_sunlock(&tsx);
}

static void
sx_contention_panics_naming_the_lock(void)
{
	sx_init(&tsx, "test sx");
	CHILD_PANICS(sx_xlock_twice_child, "test sx");
	CHILD_PANICS(sx_slock_while_xlocked_child, "deadlock");
	CHILD_PANICS(sx_xlock_while_shared_child, "held shared");
	CHILD_PANICS(sx_sunlock_unlocked_child, "not held");
	sx_slock(&tsx);
	sx_slock(&tsx);			/* shared twice: fine */
	CHECK(!sx_try_upgrade(&tsx), "two readers cannot upgrade");
	sx_sunlock(&tsx);
	CHECK(sx_try_upgrade(&tsx) && sx_xlocked(&tsx));
	sx_downgrade(&tsx);
	CHECK(!sx_xlocked(&tsx) && tsx.sx_readers == 1);
	sx_sunlock(&tsx);
	sx_assert(&tsx, SA_UNLOCKED);
}

static int tchan;

static void
tsleep_forever_child(void)
{
	(void)tsleep(&tchan, 0, "testwait", 0);
}

static void
tsleep_without_timeout_panics_and_with_timeout_times_out(void)
{
	uint64_t before;

	CHILD_PANICS(tsleep_forever_child, "testwait");
	before = ticks;
	CHECK(tsleep(&tchan, PCATCH, "testwait", 5) == EWOULDBLOCK);
	CHECK(ticks - before == 5, "slept %ju ticks",
	    (uintmax_t)(ticks - before));
	wakeup(&tchan);			/* nobody asleep: nothing happens */
	CHECK(tsleep(&tchan, 0, "testwait", 1) == EWOULDBLOCK,
	    "an earlier wakeup is not remembered");
}

/* ---- vm_map_check ---- */

/* What RB_UPDATE_AUGMENT does in vm_map.c, by the definition there. */
static void
reaugment(vm_map_entry_t e)
{
	vm_map_entry_t prev, child;
	int dir;

	for (; e != NULL; e = RB_PARENT(e, rb)) {
		prev = TAILQ_PREV(e, vm_map_entry_list, link);
		e->max_free = prev != NULL ? e->start - prev->end : 0;
		for (dir = 0; dir < 2; dir++) {
			child = RB_CHILD(e, rb, dir);
			if (child != NULL && child->max_free > e->max_free)
				e->max_free = child->max_free;
		}
	}
}

static void
check_detects_broken_map(void)
{
	vm_map_entry_t e, root, leaf;
	vm_size_t saved;
	int i;

	map_setup();
	/* 40 entries of 1-2 pages with gaps of 1-4 pages; none merge. */
	for (i = 0; i < 40; i++)
		REQUIRE(insert(NULL, 0, 4 * i + i % 3, 1 + i % 2, VM_PROT_RW,
		    VM_PROT_ALL, i % 2 ? MAP_INHERIT_SHARE : 0) ==
		    KERN_SUCCESS);
	REQUIRE(map.nentries == 40 && map_check() == 0);
	vm_map_lock(&map);
	root = RB_ROOT(&map.root);
	saved = root->max_free;
	root->max_free += PAGE_SIZE;
	CHECK(vm_map_check(&map) > 0, "root max_free too big not seen");
	root->max_free = saved;
	/* A leaf with a gap before it. */
	TAILQ_FOREACH(leaf, &map.entries, link)
		if (RB_LEFT(leaf, rb) == NULL && RB_RIGHT(leaf, rb) == NULL &&
		    leaf->max_free != 0)
			break;
	REQUIRE(leaf != NULL);
	saved = leaf->max_free;
	leaf->max_free = 0;
	CHECK(vm_map_check(&map) > 0, "stale leaf max_free not seen");
	leaf->max_free = saved;
	CHECK(vm_map_check(&map) == 0);
	e = TAILQ_NEXT(TAILQ_FIRST(&map.entries), link);
	map.size += PAGE_SIZE;
	CHECK(vm_map_check(&map) > 0, "size");
	map.size -= PAGE_SIZE;
	map.nentries++;
	CHECK(vm_map_check(&map) > 0, "nentries");
	map.nentries--;
	e->eflags |= MAP_ENTRY_USER_WIRED;
	CHECK(vm_map_check(&map) > 0, "I-E2");
	e->wired_count = 1;
	CHECK(vm_map_check(&map) == 0);
	e->wired_count = -1;
	CHECK(vm_map_check(&map) > 0, "I-E1");
	e->wired_count = 0;
	e->eflags &= ~MAP_ENTRY_USER_WIRED;
	e->eflags |= MAP_ENTRY_IN_TRANSITION;
	CHECK(vm_map_check(&map) > 0, "I-E4: in transition without owner");
	e->wiring_thread = FAKE_THREAD;
	CHECK(vm_map_check(&map) == 0);
	e->eflags &= ~MAP_ENTRY_IN_TRANSITION;
	CHECK(vm_map_check(&map) > 0, "I-E4: owner without transition");
	e->wiring_thread = NULL;
	e->eflags |= MAP_ENTRY_GUARD;
	e->protection = e->max_protection = VM_PROT_NONE;
	map.size -= e->end - e->start;
	CHECK(vm_map_check(&map) == 0);
	e->wired_count = 1;
	CHECK(vm_map_check(&map) > 0, "I-E8: a wired guard");
	e->wired_count = 0;
	/* Overlap with the entry before. */
	e = TAILQ_NEXT(e, link);
	saved = e->start;
	e->start = TAILQ_PREV(e, vm_map_entry_list, link)->end - PAGE_SIZE;
	CHECK(vm_map_check(&map) > 0, "overlap not seen");
	e->start = saved;
	CHECK(vm_map_check(&map) == 0);
	vm_map_unlock(&map);
	map_teardown();

	/*
	 * An entry's end moved without re-augmenting the next entry: five
	 * 2-page entries one page apart; the gap after the middle one
	 * becomes the only 2-page gap, which the tree does not know.
	 */
	map_setup();
	for (i = 0; i < 5; i++)
		REQUIRE(insert(NULL, 0, 3 * i, 2, i % 2 ? VM_PROT_READ :
		    VM_PROT_RW, VM_PROT_ALL, 0) == KERN_SUCCESS);
	vm_map_lock(&map);
	REQUIRE(vm_map_check(&map) == 0 && map.nentries == 5);
	REQUIRE(vm_map_lookup_entry(&map, P(6), &e) && entry_is(e, 6, 8));
	e->end -= PAGE_SIZE;
	map.size -= PAGE_SIZE;
	CHECK(vm_map_check(&map) > 0, "a stale gap was not seen");
	reaugment(TAILQ_NEXT(e, link));
	CHECK(vm_map_check(&map) == 0, "re-augmented, all is well");
	vm_map_unlock(&map);
	map_teardown();
}

/* ---------------------------------------------------------------- */
/* The random test and its reference model */

#define M_PAGES		256

struct mpage {
	bool		mapped;
	bool		guard;
	vm_prot_t	prot, max;
	vm_inherit_t	inh;
	int		wired;
	vm_object_t	obj;		/* what the map must say, NULL if none */
	vm_pindex_t	pindex;		/* if obj */
};

static struct mpage model[M_PAGES];

/* What a run did, printed after it: the test must exercise things. */
static struct {
	int	inserts, aligned, deletes, protects, protect_fails;
	int	inherits, faults, shortages, max_entries, max_mapped;
} mstats;

/* Whether this step runs short of memory (rarely: starving is slow). */
static bool
inject(void)
{
	return (rng(32) == 0);
}

/* Does the map agree with the model, page by page?  `what`: the step. */
static bool
model_compare(const char *what, int step)
{
	vm_map_entry_t e;
	struct mpage *mp;
	vm_offset_t va;
	vm_size_t size = 0;
	bool found;
	int i;

	vm_map_lock_read(&map);
	if (!CHECK(vm_map_check(&map) == 0, "step %d (%s): vm_map_check",
	    step, what)) {
		vm_map_unlock_read(&map);
		return (false);
	}
	for (i = 0; i < M_PAGES; i++) {
		mp = &model[i];
		va = P(i) + (i % 7) * 512;
		found = vm_map_lookup_entry(&map, va, &e);
		if (!CHECK(found == mp->mapped, "step %d (%s): page %d "
		    "mapped %d, model %d", step, what, i, found, mp->mapped))
			goto bad;
		if (!found) {
			if (!CHECK(e == NULL || e->end <= va, "step %d: hole "
			    "%d: predecessor %p", step, i, e))
				goto bad;
			continue;
		}
		if (!mp->guard)
			size += PAGE_SIZE;
		if (!CHECK(((e->eflags & MAP_ENTRY_GUARD) != 0) == mp->guard &&
		    e->protection == mp->prot && e->max_protection ==
		    mp->max && e->inheritance == mp->inh && e->wired_count ==
		    mp->wired, "step %d (%s): page %d: guard %d prot %#x/%#x "
		    "inh %d wired %d, model %d %#x/%#x %d %d", step, what, i,
		    (e->eflags & MAP_ENTRY_GUARD) != 0, e->protection,
		    e->max_protection, e->inheritance, e->wired_count,
		    mp->guard, mp->prot, mp->max, mp->inh, mp->wired))
			goto bad;
		if (!CHECK(e->object == mp->obj && (e->object == NULL ||
		    atop(va - e->start + e->offset) == mp->pindex),
		    "step %d (%s): page %d maps object %p pindex %ju, model "
		    "%p %ju", step, what, i, e->object,
		    (uintmax_t)atop(va - e->start + e->offset), mp->obj,
		    (uintmax_t)mp->pindex))
			goto bad;
	}
	vm_map_unlock_read(&map);
	return (CHECK(size == map.size, "step %d: size", step));
bad:
	vm_map_unlock_read(&map);
	return (false);
}

/* Record in the model what the map now says about pages [first, end). */
static void
model_read_objects(int first, int end)
{
	vm_map_entry_t e;
	int i;

	vm_map_lock_read(&map);
	for (i = first; i < end; i++) {
		if (!vm_map_lookup_entry(&map, P(i), &e))
			continue;
		model[i].obj = e->object;
		model[i].pindex = e->object != NULL ?
		    atop(P(i) - e->start + e->offset) : 0;
	}
	vm_map_unlock_read(&map);
}

/* Lowest aligned page >= first with npages free, or -1. */
static int
model_findspace(int first, int npages, int align)
{
	int s, i;

	for (s = roundup(first, align); s + npages <= M_PAGES; s += align) {
		for (i = 0; i < npages && !model[s + i].mapped; i++)
			continue;
		if (i == npages)
			return (s);
	}
	return (-1);
}

static vm_prot_t
rand_prot(void)
{
	return ((vm_prot_t)rng(8));
}

static void
model_step_insert(int step)
{
	int first, npages, align, expect, cow, rv, i, shift;
	vm_prot_t prot, max;
	vm_offset_t addr;
	vm_object_t obj;
	vm_pindex_t off;
	bool fixed, guard, starving;

	npages = 1 + rng(rng(4) == 0 ? 40 : 6);
	first = rng(M_PAGES);
	fixed = rng(3) == 0;
	guard = rng(10) == 0;
	max = rand_prot() | (rng(2) ? VM_PROT_RW : 0);
	prot = max & rand_prot();
	if (rng(4) == 0)
		prot = max;
	cow = guard ? MAP_CREATE_GUARD : 0;
	if (!guard && rng(4) == 0)
		cow |= MAP_COPY_ON_WRITE;
	if (!guard && rng(4) == 0)
		cow |= MAP_INHERIT_SHARE;
	if (guard)
		prot = max = VM_PROT_NONE;
	obj = NULL;
	off = 0;
	if (!guard && rng(3) == 0) {
		off = rng(4);
		obj = vm_object_allocate(OBJT_DEFAULT, off + npages);
	}
	shift = rng(3) == 0 ? 13 + rng(4) : 0;	/* 2..16 pages */
	align = shift != 0 ? 1 << (shift - PAGE_SHIFT) : 1;
	if (fixed) {
		expect = first + npages <= M_PAGES ? first : -1;
		for (i = 0; expect >= 0 && i < npages; i++)
			if (model[first + i].mapped)
				expect = -1;
	} else
		expect = model_findspace(first, npages, align);
	starving = inject();
	if (starving)
		starve(entry_zone, 0);
	addr = P(first);
	rv = vm_map_find(&map, obj, ptoa(off), &addr, ptoa(npages),
	    P(M_PAGES), fixed ? VMFS_NO_SPACE : shift != 0 ?
	    VMFS_ALIGNED_SPACE(shift) : VMFS_ANY_SPACE, prot, max, cow);
	if (starving)
		unstarve();
	if (rv == KERN_RESOURCE_SHORTAGE && starving && expect >= 0) {
		mstats.shortages++;
		vm_object_deallocate(obj);
		return;
	}
	if (expect < 0) {
		CHECK(rv == KERN_NO_SPACE || (fixed && rv ==
		    KERN_INVALID_ADDRESS), "step %d: find %d pages at %d: %d, "
		    "model says no space", step, npages, first, rv);
		vm_object_deallocate(obj);
		return;
	}
	if (!CHECK(rv == KERN_SUCCESS && addr == P(expect), "step %d: find "
	    "%d pages from %d align %d: rv %d at page %ld, model %d", step,
	    npages, first, align, rv, (long)(addr - MAP_MIN) / (long)PAGE_SIZE,
	    expect)) {
		if (rv != KERN_SUCCESS)
			vm_object_deallocate(obj);
		return;
	}
	mstats.inserts++;
	mstats.aligned += shift != 0;
	for (i = expect; i < expect + npages; i++)
		model[i] = (struct mpage){ .mapped = true, .guard = guard,
		    .prot = prot, .max = max, .inh = (cow & MAP_INHERIT_SHARE) ?
		    VM_INHERIT_SHARE : VM_INHERIT_COPY, .wired = 0,
		    .obj = obj, .pindex = off + i - expect };
	if (obj == NULL) {
		/* A new anonymous range may have extended its neighbour. */
		model_read_objects(expect, expect + npages);
		for (i = expect; i < expect + npages; i++) {
			if (model[i].obj == NULL)
				continue;
			CHECK(i > 0 && model[i - 1].mapped &&
			    model[i].obj == model[i - 1].obj &&
			    model[i].pindex == model[i - 1].pindex + 1,
			    "step %d: page %d got an object from nowhere",
			    step, i);
		}
	}
}

static void
model_step_delete(int step)
{
	int first, end, i, rv;
	bool starving;

	first = rng(M_PAGES);
	end = first + 1 + rng(rng(4) == 0 ? 64 : 8);
	if (end > M_PAGES)
		end = M_PAGES;
	starving = inject();
	if (starving)
		starve(entry_zone, rng(2));
	rv = vm_map_remove(&map, P(first), P(end));
	if (starving)
		unstarve();
	if (rv == KERN_RESOURCE_SHORTAGE && starving) {
		mstats.shortages++;
		return;
	}
	CHECK(rv == KERN_SUCCESS, "step %d: delete %d", step, rv);
	mstats.deletes++;
	for (i = first; i < end; i++)
		model[i].mapped = false;
}

static void
model_step_protect(int step)
{
	int first, end, i, rv, expect;
	vm_prot_t new_prot;
	bool set_max, starving;

	first = rng(M_PAGES);
	end = first + 1 + rng(16);
	if (end > M_PAGES)
		end = M_PAGES;
	new_prot = rand_prot();
	if (rng(2) == 0 && model[first].mapped) {
		/* Mostly a request that can succeed: mapped, within max. */
		for (i = first; i < end && model[i].mapped; i++)
			if (!model[i].guard)
				new_prot &= model[i].max;
		end = i;
	}
	set_max = rng(4) == 0;
	expect = KERN_SUCCESS;
	for (i = first; i < end && expect == KERN_SUCCESS; i++)
		if (!model[i].mapped)
			expect = KERN_INVALID_ADDRESS;
	for (i = first; i < end && expect == KERN_SUCCESS; i++)
		if (!model[i].guard && (new_prot & model[i].max) != new_prot)
			expect = KERN_PROTECTION_FAILURE;
	starving = inject();
	if (starving)
		starve(entry_zone, rng(2));
	rv = vm_map_protect(&map, P(first), P(end), new_prot, set_max);
	if (starving)
		unstarve();
	if (rv == KERN_RESOURCE_SHORTAGE && starving) {
		mstats.shortages++;
		return;
	}
	if (!CHECK(rv == expect, "step %d: protect %d-%d %#x max %d: %d, "
	    "model %d", step, first, end, new_prot, set_max, rv, expect))
		return;
	if (rv != KERN_SUCCESS) {
		mstats.protect_fails++;
		return;
	}
	mstats.protects++;
	for (i = first; i < end; i++) {
		if (model[i].guard)
			continue;
		if (set_max) {
			model[i].max = new_prot;
			model[i].prot &= new_prot;
		} else
			model[i].prot = new_prot;
	}
}

static void
model_step_inherit(int step)
{
	int first, end, i, rv;
	vm_inherit_t inh;
	bool starving;

	first = rng(M_PAGES);
	end = first + 1 + rng(16);
	if (end > M_PAGES)
		end = M_PAGES;
	inh = (vm_inherit_t)rng(4);
	starving = inject();
	if (starving)
		starve(entry_zone, rng(2));
	rv = vm_map_inherit(&map, P(first), P(end), inh);
	if (starving)
		unstarve();
	if (rv == KERN_RESOURCE_SHORTAGE && starving) {
		mstats.shortages++;
		return;
	}
	CHECK(rv == KERN_SUCCESS, "step %d: inherit: %d", step, rv);
	mstats.inherits++;
	for (i = first; i < end; i++)
		if (model[i].mapped && (!model[i].guard ||
		    inh != VM_INHERIT_ZERO))
			model[i].inh = inh;
}

/* A random entry, or NULL if the map is empty. */
static vm_map_entry_t
random_entry(void)
{
	vm_map_entry_t e;
	int n;

	if (map.nentries == 0)
		return (NULL);
	n = rng(map.nentries);
	TAILQ_FOREACH(e, &map.entries, link)
		if (n-- == 0)
			break;
	return (e);
}

static void
model_step_fault(int step)
{
	vm_map_t m = &map;
	vm_map_entry_t e;
	vm_object_t obj;
	vm_pindex_t pindex;
	vm_prot_t prot, type;
	bool wired, starving;
	int page, rv, expect, first, end;

	page = rng(M_PAGES);
	type = (vm_prot_t[]){ VM_PROT_READ, VM_PROT_WRITE, VM_PROT_EXECUTE,
	    VM_PROT_RW }[rng(4)];
	if (!model[page].mapped)
		expect = KERN_INVALID_ADDRESS;
	else if (model[page].prot == VM_PROT_NONE ||
	    (model[page].prot & type) != type)
		expect = KERN_PROTECTION_FAILURE;
	else
		expect = KERN_SUCCESS;
	starving = inject();
	if (starving)
		starve(object_zone, 0);
	rv = vm_map_lookup(&m, P(page) + 100, type, &e, &obj, &pindex, &prot,
	    &wired);
	if (starving)
		unstarve();
	if (rv == KERN_RESOURCE_SHORTAGE && starving &&
	    expect == KERN_SUCCESS) {
		mstats.shortages++;
		return;
	}
	if (!CHECK(rv == expect, "step %d: fault %#x on page %d: %d, model "
	    "%d", step, type, page, rv, expect) || rv != KERN_SUCCESS)
		return;
	mstats.faults++;
	CHECK(obj != NULL && obj == e->object && pindex ==
	    atop(P(page) - e->start + e->offset) && wired ==
	    (model[page].wired != 0), "step %d: fault result", step);
	CHECK((e->eflags & MAP_ENTRY_NEEDS_COPY) == 0 ||
	    (prot & VM_PROT_WRITE) == 0, "step %d: NEEDS_COPY mapped "
	    "writable", step);
	first = (int)((e->start - MAP_MIN) / PAGE_SIZE);
	end = (int)((e->end - MAP_MIN) / PAGE_SIZE);
	vm_map_lookup_done(m, e);
	/* The entry may have got an object or a shadow: the model learns. */
	model_read_objects(first, end);
}

static void
model_step_clip_or_simplify(int step)
{
	vm_map_entry_t e;
	vm_offset_t addr;
	bool starving;
	int rv;

	vm_map_lock(&map);
	e = random_entry();
	if (e == NULL) {
		vm_map_unlock(&map);
		return;
	}
	if (rng(2) == 0 || e->end - e->start == PAGE_SIZE)
		vm_map_simplify_entry(&map, e);
	else {
		addr = e->start + PAGE_SIZE * (1 + rng(atop(e->end -
		    e->start) - 1));
		starving = inject();
		if (starving)
			starve(entry_zone, 0);
		rv = rng(2) ? vm_map_clip_start(&map, e, addr) :
		    vm_map_clip_end(&map, e, addr);
		if (starving)
			unstarve();
		CHECK(rv == KERN_SUCCESS || rv == KERN_RESOURCE_SHORTAGE,
		    "step %d: clip %d", step, rv);
	}
	vm_map_unlock(&map);
}

/* Kernel map only: add or drop a system wiring of a random entry. */
static void
model_step_wire(int step)
{
	vm_map_entry_t e;
	int i;

	(void)step;
	vm_map_lock(&map);
	e = random_entry();
	if (e != NULL && (e->eflags & MAP_ENTRY_GUARD) == 0 &&
	    (rng(2) == 0 || e->wired_count > 0)) {
		if (e->wired_count > 0 && rng(2) == 0)
			e->wired_count--;
		else
			e->wired_count++;
		for (i = (int)atop(e->start - MAP_MIN);
		    i < (int)atop(e->end - MAP_MIN); i++)
			model[i].wired = e->wired_count;
	}
	vm_map_unlock(&map);
}

/*
 * Anonymous memory never faulted has no object; an entry of it that is
 * clipped gets one first (so that its pieces can merge back, R13).
 * Before a step: where each page without an object starts its entry.
 */
static int untouched_start[M_PAGES];

static void
model_note_untouched(void)
{
	vm_map_entry_t e;
	int i;

	vm_map_lock_read(&map);
	for (i = 0; i < M_PAGES; i++) {
		untouched_start[i] = -1;
		if (model[i].mapped && model[i].obj == NULL &&
		    vm_map_lookup_entry(&map, P(i), &e) && e->object == NULL)
			untouched_start[i] = (int)atop(e->start - MAP_MIN);
	}
	vm_map_unlock_read(&map);
}

/*
 * After a step: a page that had no object and has one now was in an
 * entry the step clipped.  Its whole former entry must have got one
 * object, at offset 0 from the entry's start; the model learns it.
 */
static bool
model_learn_charged(int step)
{
	vm_map_entry_t e;
	vm_object_t obj[M_PAGES];
	int i, j;
	bool good = true;

	vm_map_lock_read(&map);
	for (i = 0; i < M_PAGES; i++) {
		obj[i] = NULL;
		if (untouched_start[i] < 0 || !model[i].mapped ||
		    !vm_map_lookup_entry(&map, P(i), &e) || e->object == NULL)
			continue;
		obj[i] = e->object;
		good &= CHECK(atop(P(i) - e->start + e->offset) ==
		    (vm_pindex_t)(i - untouched_start[i]), "step %d: page %d "
		    "of a clipped untouched entry at pindex %ju, not %d", step,
		    i, (uintmax_t)atop(P(i) - e->start + e->offset),
		    i - untouched_start[i]);
	}
	vm_map_unlock_read(&map);
	for (i = 0; i < M_PAGES; i++) {
		if (obj[i] == NULL)
			continue;
		for (j = 0; j < M_PAGES; j++)
			if (untouched_start[j] == untouched_start[i] &&
			    model[j].mapped && obj[j] != obj[i])
				good &= CHECK(false, "step %d: pages %d and %d "
				    "of one untouched entry got objects %p "
				    "and %p", step, i, j, obj[i], obj[j]);
		model[i].obj = obj[i];
		model[i].pindex = (vm_pindex_t)(i - untouched_start[i]);
	}
	return (good);
}

static void
model_run(uint32_t seed, int steps, bool system)
{
	int step, op, i, mapped;

	rng_state = seed;
	memset(model, 0, sizeof(model));
	memset(&mstats, 0, sizeof(mstats));
	map_setup_system(system);
	for (step = 0; step < steps; step++) {
		op = rng(system ? 8 : 7);
		model_note_untouched();
		switch (op) {
		case 0:
		case 1:
			model_step_insert(step);
			break;
		case 2:
			model_step_delete(step);
			break;
		case 3:
			model_step_protect(step);
			break;
		case 4:
			model_step_inherit(step);
			break;
		case 5:
			model_step_fault(step);
			break;
		case 6:
			model_step_clip_or_simplify(step);
			break;
		default:
			model_step_wire(step);
			break;
		}
		if (!model_learn_charged(step) ||
		    !model_compare("after step", step)) {
			printf("# seed %#x, failed at step %d (op %d)\n", seed,
			    step, op);
			break;
		}
		for (i = mapped = 0; i < M_PAGES; i++)
			mapped += model[i].mapped;
		mstats.max_mapped = MAX(mstats.max_mapped, mapped);
		mstats.max_entries = MAX(mstats.max_entries, map.nentries);
	}
	printf("# seed %#x: %d steps: %d inserts (%d aligned), %d deletes, "
	    "%d protects (%d refused), %d inherits, %d faults, %d "
	    "shortages; up to %d entries, %d of %d pages mapped\n", seed,
	    steps, mstats.inserts, mstats.aligned, mstats.deletes,
	    mstats.protects, mstats.protect_fails, mstats.inherits,
	    mstats.faults, mstats.shortages, mstats.max_entries,
	    mstats.max_mapped, M_PAGES);
	map_teardown();
}

static void
random_ops_against_model_user_map(void)
{
	uint32_t seed;

	for (seed = 1; seed <= 8; seed++)
		model_run(seed * 2654435761u, 4000, false);
}

static void
random_ops_against_model_kernel_map_with_wiring(void)
{
	uint32_t seed;

	for (seed = 1; seed <= 8; seed++)
		model_run(seed * 40503u + 7, 4000, true);
}

/* ---- stacks, advice, sync and residency ---- */

#define RLIM_INFINITY	INT64_MAX
#define set_limits	vmhost_limits

static void
stack_grows_into_its_gap_down_to_the_guard(void)
{
	vm_map_entry_t gap, st;

	map_setup();
	set_limits(RLIM_INFINITY, RLIM_INFINITY);
	vm_map_lock(&map);
	CHECK(vm_map_stack_locked(&map, P(100), ptoa(1), ptoa(1),
	    VM_PROT_RW, VM_PROT_ALL, 0) == KERN_INVALID_ARGUMENT,
	    "no room for a page besides the guard");
	REQUIRE(vm_map_stack_locked(&map, P(100), ptoa(64), ptoa(8),
	    VM_PROT_RW, VM_PROT_ALL, 0) == KERN_SUCCESS);
	CHECK(vm_map_stack_locked(&map, P(60), ptoa(64), ptoa(8),
	    VM_PROT_RW, VM_PROT_ALL, 0) == KERN_NO_SPACE);
	vm_map_unlock(&map);
	gap = entry_at(P(100));
	st = entry_at(P(156));
	CHECK(entry_is(gap, 100, 156) && (gap->eflags & (MAP_ENTRY_GUARD |
	    MAP_ENTRY_STACK_GAP_DN)) == (MAP_ENTRY_GUARD |
	    MAP_ENTRY_STACK_GAP_DN), "the gap below");
	CHECK(entry_is(st, 156, 164) &&
	    (st->eflags & MAP_ENTRY_GROWS_DOWN) != 0, "the stack on top");
	CHECK(map.size == ptoa(8), "the gap is not counted");
	/* A fault in the gap grows the stack by SGROWSIZ. */
	CHECK(vm_fault(&map, P(150), VM_PROT_WRITE, 0) == KERN_SUCCESS);
	CHECK(entry_is(entry_at(P(100)), 100, 156 - atop(SGROWSIZ)),
	    "the gap shrank by SGROWSIZ");
	CHECK(entry_at(P(150)) != NULL &&
	    entry_at(P(150))->start == P(156 - atop(SGROWSIZ)) &&
	    pte_prot(150) == VM_PROT_RW);
	/* Down to the page above the bottom: the last page is the guard. */
	CHECK(vm_fault(&map, P(101), VM_PROT_READ, 0) == KERN_SUCCESS);
	CHECK(entry_is(entry_at(P(100)), 100, 101));
	CHECK(vm_fault(&map, P(100), VM_PROT_READ, 0) ==
	    KERN_INVALID_ADDRESS, "the guard page never grows");
	CHECK(map.size == ptoa(63));
	CHECK(map_check() == 0);
	map_teardown();
}

static void
stack_growth_respects_rlimit_as_and_a_missing_stack(void)
{
	map_setup();
	set_limits(RLIM_INFINITY, (int64_t)ptoa(8));
	vm_map_lock(&map);
	REQUIRE(vm_map_stack_locked(&map, P(0), ptoa(64), ptoa(8),
	    VM_PROT_RW, VM_PROT_ALL, 0) == KERN_SUCCESS);
	vm_map_unlock(&map);
	CHECK(vm_fault(&map, P(55), VM_PROT_WRITE, 0) ==
	    KERN_INVALID_ADDRESS, "RLIMIT_AS is full");
	set_limits(RLIM_INFINITY, RLIM_INFINITY);
	/* Without its stack, the gap is only a guard. */
	CHECK(vm_map_remove(&map, P(56), P(64)) == KERN_SUCCESS);
	CHECK(vm_fault(&map, P(55), VM_PROT_WRITE, 0) ==
	    KERN_INVALID_ADDRESS);
	CHECK(map_check() == 0);
	map_teardown();
}

static void
main_stack_growth_respects_rlimit_stack_and_fork(void)
{
	struct vmspace *vm, *child;
	vm_map_t m;

	vm = vmspace_alloc(MAP_MIN, MAP_MAX);
	REQUIRE(vm != NULL);
	m = &vm->vm_map;
	vmhost_curvmspace(vm);
	set_limits((int64_t)ptoa(48), RLIM_INFINITY);
	vm_map_lock(m);
	REQUIRE(vm_map_stack_locked(m, P(0), ptoa(256), ptoa(16), VM_PROT_RW,
	    VM_PROT_ALL, 0) == KERN_SUCCESS);
	vm->vm_maxsaddr = P(0);
	vm->vm_stacktop = P(256);
	vm->vm_ssize = 16;
	vm_map_unlock(m);
	/* 16 pages there, 48 allowed: 32 more, not one beyond. */
	CHECK(vm_fault(m, P(208), VM_PROT_WRITE, 0) == KERN_SUCCESS &&
	    vm->vm_ssize == 48, "vm_ssize %ju", (uintmax_t)vm->vm_ssize);
	CHECK(vm_fault(m, P(207), VM_PROT_WRITE, 0) == KERN_INVALID_ADDRESS,
	    "past RLIMIT_STACK");
	/* The limit read at the fault counts, and the child's stack grows. */
	set_limits((int64_t)ptoa(64), RLIM_INFINITY);
	child = vmspace_fork(vm);
	REQUIRE(child != NULL);
	CHECK(child->vm_ssize == 48 && child->vm_maxsaddr == P(0));
	vm_map_lock_read(&child->vm_map);
	CHECK(vm_map_check(&child->vm_map) == 0);
	vm_map_unlock_read(&child->vm_map);
	vmhost_curvmspace(child);
	CHECK(vm_fault(&child->vm_map, P(200), VM_PROT_WRITE, 0) ==
	    KERN_SUCCESS && child->vm_ssize == 64 && vm->vm_ssize == 48);
	vmhost_curvmspace(NULL);
	vmspace_free(child);
	vmspace_free(vm);
	CHECK(vm_object_count() == objects_base);
	set_limits(RLIM_INFINITY, RLIM_INFINITY);
}

/* Pages resident in `obj`. */
static int
resident(vm_object_t obj)
{
	return (obj->resident_page_count);
}

/* ---- a fault that finds no page (R66a, R67, R68, R73) ---- */

/*
 * The OOM killer as the fault path sees it (vm/vm_pageout.c in the
 * kernel; not in the host build): this stand-in counts the calls and,
 * when asked to, "frees memory" by putting the thresholds back.
 */
static int oom_calls, oom_shortage;
static bool oom_frees;
static struct vm_thresholds oom_saved_thresh;

/* Recompute the min and severe states (an allocation and a free). */
static void
thresholds_refresh(void)
{
	vm_page_t m = vm_page_alloc_noobj(VM_ALLOC_INTERRUPT);

	if (m != NULL)
		vm_page_free(m);
}

void
vm_pageout_oom(int shortage)
{
	oom_calls++;
	oom_shortage = shortage;
	if (oom_frees) {
		vm_cnt.v_thresh = oom_saved_thresh;
		thresholds_refresh();
	}
}

static void
pfault_reset(void)
{
	vm_inject_pid = 0;
	vm_inject_page_alloc_skip = vm_inject_page_alloc_fail = 0;
	vm_pfault_oom_attempts = 3;
	vm_pfault_oom_wait = 10;
	vm_oom_pf_secs = 10;
	vmhost_killed(false);
	oom_frees = false;
}

static void
r67_a_fault_waits_out_a_shortage_and_restarts(void)
{
	uint64_t before;

	map_setup();
	REQUIRE(insert_anon(0, 4) == KERN_SUCCESS);
	vm_pfault_oom_attempts = -1;
	vm_pfault_oom_wait = 1;
	vm_inject_page_alloc_fail = 3;
	before = ticks;
	CHECK(vm_fault(&map, P(0), VM_PROT_WRITE, 0) == KERN_SUCCESS,
	    "three failed allocations: waits, never an error (R67, R66a)");
	CHECK(vm_inject_page_alloc_fail == 0, "%d failures left",
	    vm_inject_page_alloc_fail);
	/* Two whole waits; after the third failure the knob is spent. */
	CHECK(ticks - before >= 2 * HZ && ticks - before < 3 * HZ,
	    "two waits of 1 s and a tick: %ju ticks",
	    (uintmax_t)(ticks - before));
	CHECK(pte_prot(0) == VM_PROT_RW, "mapped once a page came");
	/* A wiring fault does not wait: the wiring is undone instead. */
	vm_inject_page_alloc_fail = 1;
	CHECK(vm_fault(&map, P(1), VM_PROT_NONE, VM_FAULT_WIRE) ==
	    KERN_RESOURCE_SHORTAGE);
	pfault_reset();
	CHECK(map_check() == 0);
	map_teardown();
}

static void
r68_a_killed_thread_allocates_from_the_reserve_without_waiting(void)
{
	uint64_t before;

	map_setup();
	REQUIRE(insert_anon(0, 4) == KERN_SUCCESS);
	vmhost_killed(true);
	vm_inject_page_alloc_fail = 5;	/* NORMAL allocations only */
	before = ticks;
	CHECK(vm_fault(&map, P(0), VM_PROT_WRITE, 0) == KERN_SUCCESS);
	CHECK(vm_inject_page_alloc_fail == 5 && ticks == before,
	    "class SYSTEM at once: %d NORMAL failures left, %ju ticks",
	    vm_inject_page_alloc_fail, (uintmax_t)(ticks - before));
	/*
	 * An entry another thread has in transition: a killed thread
	 * gives the fault up instead of sleeping (no timeout: the host's
	 * tsleep would panic).
	 */
	entry_at(P(1))->eflags |= MAP_ENTRY_IN_TRANSITION;
	entry_at(P(1))->wiring_thread = FAKE_THREAD;
	CHECK(vm_fault(&map, P(1), VM_PROT_READ, 0) == KERN_FAILURE);
	entry_at(P(1))->eflags &= ~MAP_ENTRY_IN_TRANSITION;
	entry_at(P(1))->wiring_thread = NULL;
	pfault_reset();
	CHECK(map_check() == 0);
	map_teardown();
}

static void
r80_init_allocates_below_severe_with_class_system(void)
{
	uint64_t before;

	map_setup();
	REQUIRE(insert_anon(0, 4) == KERN_SUCCESS);
	oom_saved_thresh = vm_cnt.v_thresh;
	vm_cnt.v_thresh.free_severe = vm_cnt.v_free_count + 1000;
	vm_cnt.v_thresh.free_min = vm_cnt.v_free_count + 1000;
	thresholds_refresh();
	REQUIRE(vm_cnt.v_severe);
	vmhost_pid(1);
	vm_inject_page_alloc_fail = 5;	/* NORMAL allocations only */
	before = ticks;
	CHECK(vm_fault(&map, P(0), VM_PROT_WRITE, 0) == KERN_SUCCESS,
	    "init's fault below severe");
	CHECK(vm_inject_page_alloc_fail == 5 && ticks == before,
	    "class SYSTEM at once, past the gate: %d NORMAL failures left, "
	    "%ju ticks", vm_inject_page_alloc_fail,
	    (uintmax_t)(ticks - before));
	vmhost_pid(0);
	vm_cnt.v_thresh = oom_saved_thresh;
	thresholds_refresh();
	pfault_reset();
	CHECK(map_check() == 0);
	map_teardown();
}

static void
r67_below_severe_no_allocation_then_one_oom_request(void)
{
	u_long asks0 = vm_pfault_oom_asks;
	uint64_t before;

	map_setup();
	REQUIRE(insert_anon(0, 4) == KERN_SUCCESS);
	/* Below severe (and min) without using memory up: move the lines. */
	oom_saved_thresh = vm_cnt.v_thresh;
	vm_cnt.v_thresh.free_severe = vm_cnt.v_free_count + 1000;
	vm_cnt.v_thresh.free_min = vm_cnt.v_free_count + 1000;
	thresholds_refresh();
	REQUIRE(vm_cnt.v_severe && vm_cnt.v_min);
	vm_pfault_oom_attempts = 2;
	vm_pfault_oom_wait = 1;
	vm_oom_pf_secs = 100;
	oom_frees = true;
	oom_calls = 0;
	/* Count the NORMAL allocations tried: each takes one skip. */
	vm_inject_page_alloc_skip = 1000;
	vm_inject_page_alloc_fail = 1;
	before = ticks;
	CHECK(vm_fault(&map, P(0), VM_PROT_WRITE, 0) == KERN_SUCCESS);
	CHECK(vm_inject_page_alloc_skip == 999, "below severe no allocation "
	    "is tried: %d tried", 1000 - vm_inject_page_alloc_skip);
	CHECK(oom_calls == 1 && oom_shortage == 2 /* VM_OOM_MEM_PF */ &&
	    vm_pfault_oom_asks - asks0 == 1, "one OOM request (%d, %d)",
	    oom_calls, oom_shortage);
	CHECK(ticks - before >= 2 * HZ, "after 2 x 1 s: %ju ticks",
	    (uintmax_t)(ticks - before));
	vm_cnt.v_thresh = oom_saved_thresh;
	thresholds_refresh();
	/* R73: inside the 100 s window the next requests are dropped. */
	vm_pfault_oom_attempts = 1;
	vm_inject_page_alloc_skip = 0;
	vm_inject_page_alloc_fail = 4;
	CHECK(vm_fault(&map, P(1), VM_PROT_WRITE, 0) == KERN_SUCCESS);
	CHECK(oom_calls == 1 && vm_pfault_oom_asks - asks0 == 1,
	    "no request inside vm.oom_pf_secs (%d calls)", oom_calls);
	/* Without a window: one request per second of failing. */
	vm_oom_pf_secs = 0;
	vm_inject_page_alloc_fail = 3;
	CHECK(vm_fault(&map, P(2), VM_PROT_WRITE, 0) == KERN_SUCCESS);
	CHECK(oom_calls == 3 && vm_pfault_oom_asks - asks0 == 3,
	    "two more requests in three failing seconds (%d calls)",
	    oom_calls);
	pfault_reset();
	CHECK(map_check() == 0);
	map_teardown();
}

static void
r57_madvise_free_and_dontneed(void)
{
	vm_object_t obj;
	vm_map_entry_t e;

	map_setup();
	REQUIRE(insert_anon(0, 4) == KERN_SUCCESS);
	REQUIRE(touch(0, 4, VM_PROT_WRITE));
	obj = entry_at(P(0))->object;
	CHECK(vm_map_madvise(&map, P(0), P(4), 99) == KERN_INVALID_ARGUMENT);
	CHECK(vm_map_madvise(&map, P(0), P(2), MADV_DONTNEED) ==
	    KERN_SUCCESS && resident(obj) == 4 && pte_prot(0) < 0 &&
	    pte_prot(2) == VM_PROT_RW, "DONTNEED unmaps, keeps the pages");
	/* A wired entry keeps everything (R57). */
	e = entry_at(P(3));
	vm_map_lock(&map);
	CHECK(vm_map_clip_start(&map, e, P(3)) == KERN_SUCCESS);
	vm_map_unlock(&map);
	e = entry_at(P(3));
	e->wired_count = 1;
	CHECK(vm_map_madvise(&map, P(0), P(4), MADV_FREE) == KERN_SUCCESS);
	CHECK(resident(obj) == 1 && pte_prot(3) == VM_PROT_RW,
	    "FREE freed all but the wired entry's page: %d", resident(obj));
	e->wired_count = 0;
	CHECK(vm_fault(&map, P(0), VM_PROT_READ, 0) == KERN_SUCCESS &&
	    resident(obj) == 2, "a freed page comes back zero-filled");
	CHECK(map_check() == 0);
	map_teardown();
}

static void
madvise_free_spares_shared_objects(void)
{
	vm_object_t obj;

	map_setup();
	obj = insert_obj(0, 2, 0);
	REQUIRE(obj != NULL && touch(0, 2, VM_PROT_WRITE));
	CHECK((obj->flags & OBJ_ONEMAPPING) != 0);
	/* Mapped a second time: not mapped only here any more. */
	vm_object_reference(obj);
	REQUIRE(insert(obj, 0, 10, 2, VM_PROT_RW, VM_PROT_ALL, 0) ==
	    KERN_SUCCESS);
	CHECK((obj->flags & OBJ_ONEMAPPING) == 0,
	    "vm_map_insert clears OBJ_ONEMAPPING of an object held twice");
	CHECK(vm_map_madvise(&map, P(0), P(2), MADV_FREE) == KERN_SUCCESS);
	CHECK(resident(obj) == 2 && pte_prot(0) < 0);
	map_teardown();
}

static const char kbuf[6000] = "kbuf page zero";

static void
kbuf_object_pages_sync_and_bounds(void)
{
	vm_object_t obj;
	vm_page_t m;
	uint8_t vec[3];
	const char *page;

	map_setup();
	obj = kbuf_pager_alloc(kbuf, sizeof(kbuf));
	REQUIRE(obj != NULL && obj->size == 2);
	REQUIRE(insert(obj, 0, 0, 3, VM_PROT_READ, VM_PROT_READ, 0) ==
	    KERN_SUCCESS);
	CHECK(vm_fault(&map, P(0), VM_PROT_READ, 0) == KERN_SUCCESS);
	CHECK(vm_fault(&map, P(1), VM_PROT_READ, 0) == KERN_SUCCESS);
	CHECK(vm_fault(&map, P(2), VM_PROT_READ, 0) == KERN_OUT_OF_BOUNDS,
	    "past the buffer: out of bounds (R66)");
	VM_OBJECT_WLOCK(obj);
	m = vm_page_lookup(obj, 0);
	VM_OBJECT_WUNLOCK(obj);
	REQUIRE(m != NULL);
	page = (const char *)PHYS_TO_DMAP(VM_PAGE_TO_PHYS(m));
	CHECK(strcmp(page, "kbuf page zero") == 0, "the bytes copied");
	VM_OBJECT_WLOCK(obj);
	m = vm_page_lookup(obj, 1);
	VM_OBJECT_WUNLOCK(obj);
	REQUIRE(m != NULL);
	page = (const char *)PHYS_TO_DMAP(VM_PAGE_TO_PHYS(m));
	CHECK(page[sizeof(kbuf) - PAGE_SIZE] == 0 && page[PAGE_SIZE - 1] == 0,
	    "the tail zero-filled");
	CHECK(vm_map_mincore(&map, P(0), P(3), vec) == KERN_SUCCESS &&
	    (vec[0] & MINCORE_INCORE) && (vec[1] & MINCORE_INCORE) &&
	    vec[2] == 0);
	/* MS_INVALIDATE drops the copies; the next fault makes them. */
	CHECK(vm_map_sync(&map, P(0), P(3), false) == KERN_SUCCESS &&
	    resident(obj) == 2);
	CHECK(vm_map_sync(&map, P(0), P(3), true) == KERN_SUCCESS &&
	    resident(obj) == 0 && pte_prot(0) < 0);
	CHECK(vm_fault(&map, P(0), VM_PROT_READ, 0) == KERN_SUCCESS &&
	    resident(obj) == 1);
	/* A private copy: a write copies, reads past the end still fail. */
	REQUIRE(insert(obj, 0, 10, 3, VM_PROT_RW, VM_PROT_ALL,
	    MAP_COPY_ON_WRITE) == KERN_SUCCESS);
	vm_object_reference(obj);
	CHECK(vm_fault(&map, P(10), VM_PROT_WRITE, 0) == KERN_SUCCESS &&
	    entry_at(P(10))->object != obj);
	CHECK(vm_fault(&map, P(12), VM_PROT_READ, 0) == KERN_OUT_OF_BOUNDS,
	    "through the shadow: still out of bounds");
	/* WILLNEED reads the pager's page in, not past its end. */
	CHECK(vm_map_madvise(&map, P(10), P(13), MADV_WILLNEED) ==
	    KERN_SUCCESS && pte_prot(11) == VM_PROT_READ && pte_prot(12) < 0);
	CHECK(map_check() == 0);
	map_teardown();
}

static void
r56_sync_and_mincore_need_the_whole_range(void)
{
	vm_map_entry_t e;
	uint8_t vec[8];

	map_setup();
	REQUIRE(insert_anon(0, 3) == KERN_SUCCESS);
	REQUIRE(insert(NULL, 0, 3, 1, VM_PROT_NONE, VM_PROT_NONE,
	    MAP_CREATE_GUARD) == KERN_SUCCESS);
	REQUIRE(insert(NULL, 0, 5, 1, VM_PROT_READ, VM_PROT_ALL, 0) ==
	    KERN_SUCCESS);
	REQUIRE(touch(1, 2, VM_PROT_WRITE) && touch(2, 3, VM_PROT_READ));
	CHECK(vm_map_sync(&map, P(0), P(6), false) == KERN_INVALID_ADDRESS);
	CHECK(vm_map_mincore(&map, P(0), P(6), vec) == KERN_INVALID_ADDRESS);
	CHECK(vm_map_mincore(&map, P(0), P(4), vec) == KERN_SUCCESS);
	CHECK(vec[0] == 0 && vec[1] == (MINCORE_INCORE | MINCORE_REFERENCED |
	    MINCORE_MODIFIED | MINCORE_MODIFIED_OTHER) &&
	    vec[2] == (MINCORE_INCORE | MINCORE_REFERENCED) && vec[3] == 0,
	    "%#x %#x %#x %#x", vec[0], vec[1], vec[2], vec[3]);
	/* R56: a user-wired entry refuses MS_INVALIDATE only. */
	e = entry_at(P(5));
	e->wired_count = 1;
	e->eflags |= MAP_ENTRY_USER_WIRED;
	CHECK(vm_map_sync(&map, P(5), P(6), true) == KERN_INVALID_ARGUMENT);
	CHECK(vm_map_sync(&map, P(5), P(6), false) == KERN_SUCCESS);
	CHECK(vm_map_sync(&map, P(0), P(4), true) == KERN_SUCCESS);
	CHECK(map_check() == 0);
	map_teardown();
}

/* Many entries: the tree stays correct with thousands of them. */
static void
many_entries_tree_and_findspace(void)
{
	vm_offset_t addr;
	int i, n;

	map_setup();
	/* Every other page, alternating protections so nothing merges. */
	for (i = 0; i < MAP_PAGES / 2 - 8; i++)
		REQUIRE(insert(NULL, 0, 2 * i, 1, i % 2 ? VM_PROT_READ :
		    VM_PROT_RW, VM_PROT_ALL, 0) == KERN_SUCCESS);
	n = map.nentries;
	CHECK(n == MAP_PAGES / 2 - 8);
	CHECK(map_check() == 0);
	vm_map_lock_read(&map);
	CHECK(vm_map_findspace(&map, MAP_MIN, ptoa(2), &addr) &&
	    addr == P(2 * n - 1), "the first 2-page hole is after the last "
	    "entry: got page %ld", (long)atop(addr - MAP_MIN));
	vm_map_unlock_read(&map);
	/* Open one 3-page hole in the middle. */
	CHECK(vm_map_remove(&map, P(1000), P(1002)) == KERN_SUCCESS);
	vm_map_lock_read(&map);
	CHECK(vm_map_findspace(&map, MAP_MIN, ptoa(3), &addr) &&
	    addr == P(999), "got page %ld", (long)atop(addr - MAP_MIN));
	CHECK(vm_map_findspace(&map, P(1000), ptoa(2), &addr) &&
	    addr == P(1000));
	CHECK(vm_map_findspace(&map, P(1001), ptoa(3), &addr) &&
	    addr == P(2 * n - 1));
	vm_map_unlock_read(&map);
	CHECK(map_check() == 0);
	map_teardown();
}

int
main(void)
{
	vm_object_t obj;

	vmhost_boot(RAM_BYTES);
	vm_radix_zinit();
	vm_object_init();
	vm_map_zinit();
	if (pmap_pinit(&upmap) != 0) {
		printf("# pmap_pinit failed\n");
		return (2);
	}
	/* The zones, found from an item of each. */
	map_setup();
	obj = insert_obj(0, 1, 0);
	if (obj == NULL) {
		printf("# no first entry\n");
		return (2);
	}
	entry_zone = uma_zone_of(TAILQ_FIRST(&map.entries));
	object_zone = uma_zone_of(obj);
	vm_map_remove(&map, MAP_MIN, MAP_MAX);
	entries_base = uma_zone_inuse(entry_zone);
	objects_base = vm_object_count();

	TAP_RUN(im3_map_init_sets_every_field);
	TAP_RUN(lookup_entry_finds_entry_or_predecessor);
	TAP_RUN(lookup_hint_follows_clip_merge_and_delete);
	TAP_RUN(insert_errors_change_nothing);
	TAP_RUN(insert_extends_previous_anonymous_entry);
	TAP_RUN(insert_new_protection_shares_grown_object);
	TAP_RUN(ie5_no_merge_into_wired_entry);
	TAP_RUN(ie5_no_merge_of_in_transition_or_guard_entries);
	TAP_RUN(ie6_clip_keeps_wiring);
	TAP_RUN(clip_then_simplify_restores_one_entry);
	TAP_RUN(findspace_first_fit);
	TAP_RUN(find_space_any_aligned_and_fixed);
	TAP_RUN(protect_lowers_current_and_ptes);
	TAP_RUN(protect_failures_change_nothing);
	TAP_RUN(protect_set_max_lowers_both);
	TAP_RUN(protect_cow_entry_keeps_ptes_read_only);
	TAP_RUN(protect_guard_stays_none);
	TAP_RUN(r43_protect_waits_while_map_busy);
	TAP_RUN(r40_protect_and_delete_wait_for_in_transition);
	TAP_RUN(inherit_sets_clips_and_merges);
	TAP_RUN(delete_spans_entries_and_holes);
	TAP_RUN(delete_inside_one_entry_and_shortage);
	TAP_RUN(r33_kernel_map_delete_unwires_without_waiting);
	TAP_RUN(r45_user_map_delete_waits_for_system_wiring);
	TAP_RUN(r36_delete_wait_for_system_wiring_ends_on_a_signal);
	TAP_RUN(lookup_read_and_write_faults);
	TAP_RUN(lookup_needs_copy_shadows_on_write);
	TAP_RUN(r71_wired_entry_lookup_uses_full_protection);
	TAP_RUN(lookup_guard_and_nofault_entries_fail);
	TAP_RUN(map_lock_timestamp_and_upgrade);
	TAP_RUN(sx_contention_panics_naming_the_lock);
	TAP_RUN(tsleep_without_timeout_panics_and_with_timeout_times_out);
	TAP_RUN(check_detects_broken_map);
	TAP_RUN(many_entries_tree_and_findspace);
	TAP_RUN(stack_grows_into_its_gap_down_to_the_guard);
	TAP_RUN(stack_growth_respects_rlimit_as_and_a_missing_stack);
	TAP_RUN(main_stack_growth_respects_rlimit_stack_and_fork);
	TAP_RUN(r67_a_fault_waits_out_a_shortage_and_restarts);
	TAP_RUN(r68_a_killed_thread_allocates_from_the_reserve_without_waiting);
	TAP_RUN(r67_below_severe_no_allocation_then_one_oom_request);
	TAP_RUN(r80_init_allocates_below_severe_with_class_system);
	TAP_RUN(r57_madvise_free_and_dontneed);
	TAP_RUN(madvise_free_spares_shared_objects);
	TAP_RUN(kbuf_object_pages_sync_and_bounds);
	TAP_RUN(r56_sync_and_mincore_need_the_whole_range);
	TAP_RUN(random_ops_against_model_user_map);
	TAP_RUN(random_ops_against_model_kernel_map_with_wiring);
	return (tap_exit_status());
}
