/*
 * test_vm_object.c - host tests of VM objects (vm/vm_object.c), the
 * object side of pages (vm_page_alloc/insert/remove/rename/lookup in
 * vm/vm_page.c) and the pager table, on the pretend machine (vmhost/)
 * with the fake pmap:
 *
 *	- references, pages by index, managed and unmanaged pages;
 *	- termination: every page unmapped from every pmap and freed, the
 *	  radix nodes and the object gone, wired pages left to their wirer
 *	  (SEMANTICS I-P1) and freeable by it afterwards (I-P3);
 *	- vm_object_page_remove: ranges, wired pages only unmapped and
 *	  emptied (I-P1), OBJPR_CLEANONLY keeping dirty pages;
 *	- shadows, collapse (pages move up, the rest is freed, chains of
 *	  several levels), bypass (a covered backing object is skipped),
 *	  a collapse that runs out of radix nodes halfway;
 *	- coalesce;
 *	- chains after 1,000 fork/exit generations, and a random model of
 *	  processes that fork, write, read and exit, whose every read is
 *	  checked against what each process wrote;
 *	- the checker itself (vm_object_check finds a broken count).
 *
 * "Pages in use" below is v_page_count - v_free_count - v_wire_count:
 * pages that are neither free nor wired, i.e. the objects' pages.  uma
 * slabs (objects, radix nodes) are wired, so zones keeping a slab or not
 * do not move it; a test that ends with every object gone must bring it
 * back to where it started.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/wait.h>

#include "tap.h"
#include "rng.h"
#include "vmhost/vmhost.h"
#include "vmhost/pmap_fake.h"

#include <kernel/systm.h>
#include <sys/errno.h>
#include <vm/vm.h>
#include <vm/vm_page.h>
#include <vm/vm_object.h>
#include <vm/vm_pager.h>
#include <vm/vm_radix.h>
#include <vm/vmmeter.h>
#include <vm/pmap.h>
#include <machine/vmparam.h>

#define RAM_BYTES	(64UL << 20)
#define UVA		0x10000000UL	/* where test pmaps map pages */

/* What a test must leave as it found it. */
struct counts {
	u_long	inuse;		/* pages neither free nor wired */
	u_long	objects;
	u_long	nodes;		/* radix nodes */
	u_long	wired_user;
};

static u_long
pages_inuse(void)
{
	return (vm_cnt.v_page_count - vm_cnt.v_free_count -
	    vm_cnt.v_wire_count);
}

static void
counts_take(struct counts *c)
{
	c->inuse = pages_inuse();
	c->objects = vm_object_count();
	c->nodes = vm_radix_node_count();
	c->wired_user = vm_cnt.v_wire_by_reason[VM_WIRE_USER];
}

#define CHECK_COUNTS(c) do {						\
	CHECK(pages_inuse() == (c)->inuse, "pages in use %lu, baseline "\
	    "%lu", pages_inuse(), (c)->inuse);				\
	CHECK(vm_object_count() == (c)->objects, "objects %lu, "	\
	    "baseline %lu", vm_object_count(), (c)->objects);		\
	CHECK(vm_radix_node_count() == (c)->nodes, "radix nodes %lu, "	\
	    "baseline %lu", vm_radix_node_count(), (c)->nodes);		\
	CHECK(vm_cnt.v_wire_by_reason[VM_WIRE_USER] == (c)->wired_user);\
	CHECK(vm_page_audit() == 0);					\
	CHECK(vm_object_check_all() == 0);				\
} while (0)

static uint32_t *
page_word(vm_page_t m)
{
	return ((uint32_t *)PHYS_TO_DMAP(VM_PAGE_TO_PHYS(m)));
}

/* A page of `object` at `pindex` holding `val` (object unlocked). */
static vm_page_t
page_put(vm_object_t object, vm_pindex_t pindex, uint32_t val)
{
	vm_page_t m;

	VM_OBJECT_WLOCK(object);
	m = vm_page_alloc(object, pindex, VM_ALLOC_NORMAL | VM_ALLOC_ZERO);
	VM_OBJECT_WUNLOCK(object);
	if (m != NULL) {
		*page_word(m) = val;
		m->valid = VM_PAGE_BITS_ALL;
	}
	return (m);
}

static vm_page_t
page_at(vm_object_t object, vm_pindex_t pindex)
{
	vm_page_t m;

	VM_OBJECT_WLOCK(object);
	m = vm_page_lookup(object, pindex);
	VM_OBJECT_WUNLOCK(object);
	return (m);
}

/*
 * The page `object` shows at `pindex`: its own, or the first one down
 * its shadow chain (what vm_fault finds), or NULL (zero fill).
 */
static vm_page_t
chain_find(vm_object_t object, vm_pindex_t pindex)
{
	vm_object_t next;
	vm_page_t m;

	VM_OBJECT_WLOCK(object);
	for (;;) {
		if ((m = vm_page_lookup(object, pindex)) != NULL)
			break;
		if ((next = object->backing_object) == NULL)
			break;
		pindex += atop(object->backing_object_offset);
		VM_OBJECT_WLOCK(next);
		VM_OBJECT_WUNLOCK(object);
		object = next;
		if (pindex >= object->size)
			break;
	}
	VM_OBJECT_WUNLOCK(object);
	return (m);
}

/* The value `object` shows at `pindex` (0 for a page nobody has). */
static uint32_t
chain_value(vm_object_t object, vm_pindex_t pindex)
{
	vm_page_t m = chain_find(object, pindex);

	return (m == NULL ? 0 : *page_word(m));
}

/*
 * In a child: make the pretend RAM (which may be a shared memfd
 * mapping) private, so that what the child does to pages, objects and
 * zones there stays out of the parent.
 */
static void
ram_make_private(void)
{
	void *copy;

	copy = mmap(NULL, RAM_BYTES, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (copy == MAP_FAILED)
		_exit(3);
	memcpy(copy, vmhost_phys, RAM_BYTES);
	if (mmap(vmhost_phys, RAM_BYTES, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == MAP_FAILED)
		_exit(3);
	memcpy(vmhost_phys, copy, RAM_BYTES);
}

/* Run `fn` in a child; true if it died (a panic aborts). */
static bool
dies(void (*fn)(void *), void *arg)
{
	pid_t pid;
	int status;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		if (freopen("/dev/null", "w", stdout) == NULL)
			_exit(3);
		ram_make_private();
		fn(arg);
		_exit(0);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return (false);
	return (WIFSIGNALED(status));
}

/* Take every free page (drained); give them back (undrain). */
static struct pglist drained = TAILQ_HEAD_INITIALIZER(drained);

static void
pages_drain(void)
{
	vm_page_t m;

	while ((m = vm_page_alloc_noobj(VM_ALLOC_INTERRUPT)) != NULL)
		TAILQ_INSERT_TAIL(&drained, m, plinks.q);
}

static void
pages_undrain(void)
{
	vm_page_t m;

	while ((m = TAILQ_FIRST(&drained)) != NULL) {
		TAILQ_REMOVE(&drained, m, plinks.q);
		vm_page_free(m);
	}
}

/* Anonymous objects: flags, references, the last one frees it. */
static void
object_allocate_reference_deallocate(void)
{
	struct counts base;
	vm_object_t o;

	counts_take(&base);
	o = vm_object_allocate(OBJT_DEFAULT, 16);
	REQUIRE(o != NULL);
	CHECK(o->ref_count == 1 && o->size == 16 && o->type == OBJT_DEFAULT);
	CHECK((o->flags & (OBJ_ANON | OBJ_ONEMAPPING)) ==
	    (OBJ_ANON | OBJ_ONEMAPPING), "flags %#x", o->flags);
	CHECK(o->backing_object == NULL && o->shadow_count == 0 &&
	    o->resident_page_count == 0);
	CHECK(vm_object_count() == base.objects + 1);
	vm_object_reference(o);
	CHECK(o->ref_count == 2);
	CHECK(vm_object_check(o) == 0);
	vm_object_deallocate(o);
	CHECK(o->ref_count == 1);
	CHECK(vm_object_count() == base.objects + 1);
	vm_object_deallocate(o);
	vm_object_deallocate(NULL);
	vm_object_reference(NULL);
	CHECK_COUNTS(&base);
}

/*
 * Pages by index: alloc inserts (managed unless OBJ_UNMANAGED), lookup
 * and find_least agree, remove and rename move them, free takes a page
 * out of its object first, resident_page_count follows.
 */
static void
object_pages_by_index(void)
{
	struct counts base;
	vm_object_t o, o2;
	vm_page_t m[4], p;
	vm_pindex_t idx[4] = { 7, 0, 1ULL << 40, 64 };
	int i;

	counts_take(&base);
	o = vm_object_allocate(OBJT_DEFAULT, 1ULL << 41);
	o2 = vm_object_allocate(OBJT_DEFAULT, 100);
	REQUIRE(o != NULL && o2 != NULL);
	for (i = 0; i < 4; i++) {
		m[i] = page_put(o, idx[i], i);
		REQUIRE(m[i] != NULL);
		CHECK(m[i]->object == o && m[i]->pindex == idx[i]);
		CHECK((m[i]->oflags & VPO_UNMANAGED) == 0,
		    "an object's page is unmanaged");
		CHECK(m[i]->wire_count == 0 && m[i]->dirty == 0);
	}
	CHECK(o->resident_page_count == 4);
	CHECK(pages_inuse() == base.inuse + 4);
	VM_OBJECT_WLOCK(o);
	CHECK(vm_page_lookup(o, 7) == m[0] && vm_page_lookup(o, 8) == NULL);
	CHECK(vm_page_find_least(o, 0) == m[1]);
	CHECK(vm_page_find_least(o, 1) == m[0]);
	CHECK(vm_page_find_least(o, 8) == m[3]);
	CHECK(vm_page_find_least(o, 65) == m[2]);
	CHECK(vm_page_find_least(o, (1ULL << 40) + 1) == NULL);
	/* remove: the page stays allocated, in no object. */
	vm_page_remove(m[0]);
	CHECK(m[0]->object == NULL && vm_page_lookup(o, 7) == NULL);
	CHECK(o->resident_page_count == 3);
	CHECK(vm_page_insert(m[0], o, 9) == 0);
	CHECK(vm_page_lookup(o, 9) == m[0] && m[0]->pindex == 9);
	/* rename: to another object, another index. */
	VM_OBJECT_WLOCK(o2);
	CHECK(vm_page_rename(m[3], o2, 5) == 0);
	CHECK(m[3]->object == o2 && m[3]->pindex == 5);
	CHECK(vm_page_lookup(o, 64) == NULL && vm_page_lookup(o2, 5) == m[3]);
	CHECK(o->resident_page_count == 3 && o2->resident_page_count == 1);
	VM_OBJECT_WUNLOCK(o2);
	/* free of a page in an object takes it out first. */
	vm_page_free(m[1]);
	CHECK(vm_page_lookup(o, 0) == NULL && o->resident_page_count == 2);
	VM_OBJECT_WUNLOCK(o);
	CHECK(pages_inuse() == base.inuse + 3);
	CHECK(vm_object_check(o) == 0 && vm_object_check(o2) == 0);
	vm_object_deallocate(o);
	vm_object_deallocate(o2);
	CHECK_COUNTS(&base);

	/* An OBJ_UNMANAGED object's pages are unmanaged. */
	o = vm_object_allocate(OBJT_DEFAULT, 4);
	REQUIRE(o != NULL);
	o->flags |= OBJ_UNMANAGED;
	p = page_put(o, 1, 1);
	CHECK(p != NULL && (p->oflags & VPO_UNMANAGED) != 0);
	vm_object_deallocate(o);
	CHECK_COUNTS(&base);
}

static void
insert_at_taken_index(void *arg)
{
	vm_object_t o = arg;
	vm_page_t m;

	m = vm_page_alloc_noobj(VM_ALLOC_NORMAL);
	VM_OBJECT_WLOCK(o);
	(void)vm_page_insert(m, o, 3);
}

static void
alloc_at_taken_index(void *arg)
{
	vm_object_t o = arg;

	VM_OBJECT_WLOCK(o);
	(void)vm_page_alloc(o, 3, VM_ALLOC_NORMAL);
}

static void
alloc_unlocked(void *arg)
{
	(void)vm_page_alloc(arg, 5, VM_ALLOC_NORMAL);
}

/* Two pages at one index, or an unlocked object, panic (INVARIANTS). */
static void
object_page_misuse_panics(void)
{
	vm_object_t o;

	o = vm_object_allocate(OBJT_DEFAULT, 8);
	REQUIRE(o != NULL);
	REQUIRE(page_put(o, 3, 3) != NULL);
	CHECK(dies(insert_at_taken_index, o));
	CHECK(dies(alloc_at_taken_index, o));
	CHECK(dies(alloc_unlocked, o));
	vm_object_deallocate(o);
}

static void
use_phys_pager(void *arg)
{
	vm_object_t o = arg;

	(void)vm_pager_has_page(o, 0);
}

/*
 * The pager table: the default pager has nothing (faults zero-fill),
 * nor has the swap pager without a swap device (tmpfs and shm objects),
 * the dead pager neither; the pagers that do not exist yet panic.
 */
static void
pager_table(void)
{
	struct vm_object fake;
	vm_object_t o;
	vm_page_t m;

	o = vm_object_allocate(OBJT_DEFAULT, 8);
	REQUIRE(o != NULL);
	CHECK(!vm_pager_has_page(o, 0) && !vm_pager_has_page(o, 7));
	VM_OBJECT_WLOCK(o);
	m = vm_page_alloc(o, 2, VM_ALLOC_NORMAL);
	CHECK(m != NULL && vm_pager_get_pages(o, &m, 1) == VM_PAGER_FAIL);
	VM_OBJECT_WUNLOCK(o);
	vm_object_deallocate(o);
	memset(&fake, 0, sizeof(fake));
	fake.type = OBJT_DEAD;
	CHECK(!vm_pager_has_page(&fake, 0));
	fake.type = OBJT_SWAP;
	CHECK(!vm_pager_has_page(&fake, 0));
	fake.type = OBJT_PHYS;
	CHECK(dies(use_phys_pager, &fake), "the phys pager answered");
}

/* Map `m` at UVA + i pages in `pm` (read/write, maybe wired). */
static void
map_page(pmap_t pm, int i, vm_page_t m, bool wired)
{
	int rv;

	rv = pmap_enter(pm, UVA + ptoa(i), m, VM_PROT_RW,
	    VM_PROT_READ | (wired ? PMAP_ENTER_WIRED : 0));
	CHECK(rv == KERN_SUCCESS, "pmap_enter: %d", rv);
}

/*
 * I-P1 at termination: every page of a dying object leaves every pmap
 * and is freed, with its radix nodes; a wired page leaves the object
 * but stays allocated (its wirer frees it, I-P3).
 */
static void
ip1_terminate_unmaps_and_frees_every_page(void)
{
	struct counts base;
	struct pmap pm1, pm2;
	vm_object_t o;
	vm_page_t m[40], wired;
	int i;

	counts_take(&base);
	REQUIRE(pmap_pinit(&pm1) == 0 && pmap_pinit(&pm2) == 0);
	o = vm_object_allocate(OBJT_DEFAULT, 1 << 20);
	REQUIRE(o != NULL);
	for (i = 0; i < 40; i++) {
		/* Spread out, so that several radix nodes are needed. */
		m[i] = page_put(o, (vm_pindex_t)i * 3001, i);
		REQUIRE(m[i] != NULL);
		if (i % 2 == 0)
			map_page(&pm1, i, m[i], false);
		if (i % 3 == 0)
			map_page(&pm2, i, m[i], false);
	}
	wired = m[6];
	vm_page_wire(wired, VM_WIRE_USER);
	map_page(&pm1, 6, wired, true);	/* replaces the unwired mapping */
	CHECK(vm_radix_node_count() > base.nodes + 2);
	CHECK(pmap_fake_count(&pm1) == 20 && pmap_fake_count(&pm2) == 14);

	vm_object_deallocate(o);
	CHECK(pmap_fake_count(&pm1) == 0 && pmap_fake_count(&pm2) == 0,
	    "mappings left: %ld %ld", pmap_fake_count(&pm1),
	    pmap_fake_count(&pm2));
	CHECK(pmap_resident_count(&pm1) == 0 && pmap_wired_count(&pm1) == 0);
	CHECK(pmap_fake_check_all() == 0);
	CHECK(wired->object == NULL && wired->wire_count == 1 &&
	    (wired->flags & PG_FREE) == 0, "the wired page was freed");
	CHECK(pmap_fake_page_mappings(wired) == 0);
	CHECK(pages_inuse() == base.inuse, "%ld pages of the object left",
	    (long)(pages_inuse() - base.inuse));
	CHECK(vm_object_count() == base.objects);
	CHECK(vm_radix_node_count() == base.nodes);
	/* The wirer lets go: the page is in no object, so it is freed. */
	CHECK(vm_page_unwire(wired, VM_WIRE_USER) &&
	    (wired->flags & PG_FREE) != 0);
	pmap_release(&pm1);
	pmap_release(&pm2);
	CHECK_COUNTS(&base);
}

/*
 * I-P3: the last unwiring of a page its object let go frees it; an
 * earlier one does not, nor does the last unwiring of a page that is
 * still in its object.
 */
static void
ip3_last_unwiring_of_an_orphan_frees_it(void)
{
	struct counts base;
	vm_object_t o;
	vm_page_t orphan, kept;

	counts_take(&base);
	o = vm_object_allocate(OBJT_DEFAULT, 4);
	REQUIRE(o != NULL);
	orphan = page_put(o, 0, 1);
	kept = page_put(o, 1, 2);
	REQUIRE(orphan != NULL && kept != NULL);
	vm_page_wire(orphan, VM_WIRE_SYSTEM);
	vm_page_wire(orphan, VM_WIRE_SYSTEM);
	vm_page_wire(kept, VM_WIRE_SYSTEM);
	CHECK(vm_page_unwire(kept, VM_WIRE_SYSTEM) && kept->object == o &&
	    (kept->flags & PG_FREE) == 0, "I-P3 a page in its object stays");
	vm_object_deallocate(o);
	CHECK(orphan->object == NULL && (orphan->flags & PG_ORPHAN) != 0 &&
	    (orphan->flags & PG_FREE) == 0, "I-P3 the wired page outlives "
	    "its object");
	CHECK(!vm_page_unwire(orphan, VM_WIRE_SYSTEM) &&
	    (orphan->flags & PG_FREE) == 0, "I-P3 not at the first unwiring");
	CHECK(vm_page_unwire(orphan, VM_WIRE_SYSTEM) &&
	    (orphan->flags & (PG_FREE | PG_ORPHAN)) == PG_FREE,
	    "I-P3 freed at the last");
	CHECK_COUNTS(&base);
}

/*
 * I-P1 in vm_object_page_remove: the range's pages are unmapped and
 * freed, wired ones only unmapped and invalidated (they stay in the
 * object); end 0 means to the end; OBJPR_CLEANONLY keeps dirty pages,
 * the pmap's modified bit included.
 */
static void
ip1_page_remove_frees_unwired_and_only_unmaps_wired(void)
{
	struct counts base;
	struct pmap pm;
	vm_object_t o;
	vm_page_t m[10];
	int i;

	counts_take(&base);
	REQUIRE(pmap_pinit(&pm) == 0);
	o = vm_object_allocate(OBJT_DEFAULT, 10);
	REQUIRE(o != NULL);
	for (i = 0; i < 10; i++) {
		REQUIRE((m[i] = page_put(o, i, i)) != NULL);
		map_page(&pm, i, m[i], false);
	}
	vm_page_wire(m[3], VM_WIRE_USER);
	m[3]->dirty = VM_PAGE_BITS_ALL;

	VM_OBJECT_WLOCK(o);
	vm_object_page_remove(o, 2, 5, 0);
	VM_OBJECT_WUNLOCK(o);
	CHECK(page_at(o, 1) == m[1] && page_at(o, 2) == NULL &&
	    page_at(o, 4) == NULL && page_at(o, 5) == m[5]);
	CHECK(page_at(o, 3) == m[3], "the wired page left the object");
	CHECK(m[3]->valid == 0 && m[3]->dirty == 0,
	    "the wired page is still valid");
	CHECK(pmap_fake_page_mappings(m[3]) == 0 &&
	    !pmap_fake_lookup(&pm, UVA + ptoa(2), NULL));
	CHECK(pmap_fake_lookup(&pm, UVA + ptoa(5), NULL));
	CHECK(o->resident_page_count == 8);

	/* CLEANONLY: m[6] dirty by flag, m[7] by a write through the MMU. */
	m[6]->dirty = VM_PAGE_BITS_ALL;
	CHECK(pmap_fake_access(&pm, UVA + ptoa(7), VM_PROT_WRITE, NULL) ==
	    PMAP_FAKE_HIT);
	VM_OBJECT_WLOCK(o);
	vm_object_page_remove(o, 5, 0, OBJPR_CLEANONLY);
	VM_OBJECT_WUNLOCK(o);
	CHECK(page_at(o, 5) == NULL && page_at(o, 8) == NULL &&
	    page_at(o, 9) == NULL);
	CHECK(page_at(o, 6) == m[6] && page_at(o, 7) == m[7],
	    "a dirty page was freed");
	CHECK(m[7]->dirty != 0, "the pmap's modified bit was not kept");
	CHECK(pmap_fake_lookup(&pm, UVA + ptoa(6), NULL));

	/* end 0 from 0: everything but the wired page goes. */
	VM_OBJECT_WLOCK(o);
	vm_object_page_remove(o, 0, 0, 0);
	VM_OBJECT_WUNLOCK(o);
	CHECK(o->resident_page_count == 1 && page_at(o, 3) == m[3]);
	CHECK(pmap_fake_count(&pm) == 0);
	CHECK(vm_object_check(o) == 0);
	vm_object_deallocate(o);
	CHECK(m[3]->object == NULL && (m[3]->flags & PG_FREE) == 0);
	CHECK(vm_page_unwire(m[3], VM_WIRE_USER) &&
	    (m[3]->flags & PG_FREE) != 0);	/* I-P3 */
	pmap_release(&pm);
	CHECK_COUNTS(&base);
}

/* A shadow of a shared object is a new object in front of it. */
static void
shadow_puts_a_new_object_in_front(void)
{
	struct counts base;
	vm_object_t o, a;
	vm_ooffset_t off;

	counts_take(&base);
	a = vm_object_allocate(OBJT_DEFAULT, 8);
	REQUIRE(a != NULL);
	REQUIRE(page_put(a, 3, 33) != NULL);

	/* Only reference: no shadow needed, nothing changes. */
	o = a;
	off = ptoa(2);
	CHECK(vm_object_shadow(&o, &off, ptoa(4)));
	CHECK(o == a && off == ptoa(2) && vm_object_count() ==
	    base.objects + 1, "an unshared object was shadowed");

	/* Shared: a shadow of 4 pages at offset 2 pages. */
	vm_object_reference(a);
	CHECK(vm_object_shadow(&o, &off, ptoa(4)));
	REQUIRE(o != a);
	CHECK(off == 0 && o->backing_object == a &&
	    o->backing_object_offset == ptoa(2) && o->size == 4);
	CHECK(a->shadow_count == 1 && LIST_FIRST(&a->shadow_head) == o &&
	    a->ref_count == 2);
	CHECK(vm_object_shadow_depth(o) == 1 && vm_object_shadow_depth(a) == 0);
	CHECK(chain_value(o, 1) == 33 && chain_find(o, 0) == NULL);
	CHECK(vm_object_check(o) == 0 && vm_object_check(a) == 0);
	vm_object_deallocate(o);
	CHECK(a->ref_count == 1 && a->shadow_count == 0);
	vm_object_deallocate(a);
	CHECK_COUNTS(&base);
}

/*
 * Collapse (the backing object is referenced by this shadow only):
 * A[0..9] under S = shadow of A at 2 pages, 5 long, with pages of its
 * own at 0 and 3.  When the other reference to A goes, A's pages 3, 4
 * and 6 move up into S (the same vm_pages, still mapped), A's pages 2
 * and 5 (shadowed) and 0, 1, 7, 8, 9 (outside S's window) are
 * unmapped and freed, and A is gone.
 */
static void
collapse_moves_pages_up_and_frees_the_rest(void)
{
	struct counts base;
	struct pmap pm;
	struct pmap_fake_mapping fm;
	vm_object_t a, s;
	vm_ooffset_t off = ptoa(2);
	vm_page_t am[10], s0, s3;
	int i;

	counts_take(&base);
	REQUIRE(pmap_pinit(&pm) == 0);
	a = vm_object_allocate(OBJT_DEFAULT, 10);
	REQUIRE(a != NULL);
	for (i = 0; i < 10; i++)
		REQUIRE((am[i] = page_put(a, i, 100 + i)) != NULL);
	vm_object_reference(a);		/* a sibling's */
	s = a;
	REQUIRE(vm_object_shadow(&s, &off, ptoa(5)) && s != a);
	REQUIRE((s0 = page_put(s, 0, 200)) != NULL);
	REQUIRE((s3 = page_put(s, 3, 203)) != NULL);
	map_page(&pm, 0, am[3], false);	/* will move up */
	map_page(&pm, 1, am[8], false);	/* outside the window */
	map_page(&pm, 2, am[5], false);	/* shadowed by s3 */
	CHECK(pages_inuse() == base.inuse + 12);

	vm_object_deallocate(a);	/* the sibling goes: collapse */
	CHECK(vm_object_count() == base.objects + 1, "A was not freed");
	CHECK(s->backing_object == NULL && s->backing_object_offset == 0);
	CHECK(vm_object_shadow_depth(s) == 0);
	CHECK(s->resident_page_count == 5);
	CHECK(page_at(s, 0) == s0 && page_at(s, 3) == s3);
	CHECK(page_at(s, 1) == am[3] && page_at(s, 2) == am[4] &&
	    page_at(s, 4) == am[6], "the backing pages did not move up");
	CHECK(am[3]->object == s && am[3]->pindex == 1);
	for (i = 0; i < 5; i++)
		CHECK(chain_value(s, i) == (i == 0 || i == 3 ? 200U + i :
		    102U + i), "S shows %u at %d", chain_value(s, i), i);
	CHECK(pmap_fake_lookup(&pm, UVA, &fm) && fm.m == am[3],
	    "a moved page lost its mapping");
	CHECK(!pmap_fake_lookup(&pm, UVA + ptoa(1), NULL) &&
	    !pmap_fake_lookup(&pm, UVA + ptoa(2), NULL),
	    "a freed page is still mapped");
	CHECK(pages_inuse() == base.inuse + 5, "%lu pages in use",
	    pages_inuse() - base.inuse);
	CHECK(vm_object_check(s) == 0);
	pmap_remove(&pm, UVA, UVA + ptoa(3));
	vm_object_deallocate(s);
	pmap_release(&pm);
	CHECK_COUNTS(&base);
}

/*
 * Collapse down a chain: C <- B <- A <- S, each referenced only by the
 * one above; one vm_object_collapse(S) merges them all, offsets add
 * up, and S shows what it showed before.  (Such a chain only arises
 * when earlier collapses could not run: here paging_in_progress holds
 * them off while the chain is built.)
 */
static void
collapse_merges_a_whole_chain(void)
{
	struct counts base;
	vm_object_t obj[4], s;
	vm_ooffset_t off;
	uint32_t before[12];
	int i, j;

	counts_take(&base);
	REQUIRE((obj[0] = vm_object_allocate(OBJT_DEFAULT, 20)) != NULL);
	for (i = 0; i < 20; i += 2)
		REQUIRE(page_put(obj[0], i, 1000 + i) != NULL);
	for (j = 1; j < 4; j++) {
		/* Shared while the shadow is made, so one is made. */
		vm_object_reference(obj[j - 1]);
		obj[j] = obj[j - 1];
		off = ptoa(1);
		REQUIRE(vm_object_shadow(&obj[j], &off, ptoa(20 - 2 * j)));
		REQUIRE(obj[j] != obj[j - 1]);
		obj[j]->paging_in_progress++;
		for (i = j; i < 20 - 2 * j; i += 3)
			REQUIRE(page_put(obj[j], i, 1000 * j + i) != NULL);
	}
	s = obj[3];
	for (j = 0; j < 3; j++)		/* the references that kept them */
		vm_object_deallocate(obj[j]);
	CHECK(vm_object_shadow_depth(s) == 3);
	for (i = 0; i < 12; i++)
		before[i] = chain_value(s, i);
	for (j = 1; j < 4; j++)
		obj[j]->paging_in_progress--;
	VM_OBJECT_WLOCK(s);
	vm_object_collapse(s);
	VM_OBJECT_WUNLOCK(s);
	CHECK(vm_object_shadow_depth(s) == 0, "depth %d",
	    vm_object_shadow_depth(s));
	CHECK(vm_object_count() == base.objects + 1);
	for (i = 0; i < 12; i++)
		CHECK(chain_value(s, i) == before[i], "index %d: %u, was %u",
		    i, chain_value(s, i), before[i]);
	/* 0: nobody; 1: B's 2; 2: A's 4 (B's 3 is a hole); 3: S's own. */
	CHECK(before[0] == 0 && before[1] == 2002 && before[2] == 1004 &&
	    before[3] == 3003, "the chain showed %u %u %u %u", before[0],
	    before[1], before[2], before[3]);
	CHECK(vm_object_check(s) == 0);
	vm_object_deallocate(s);
	CHECK_COUNTS(&base);
}

/*
 * Bypass: S1 and S2 shadow A (so A cannot be merged); S1 has its own
 * page for every page A holds in S1's window, so vm_object_collapse(S1)
 * makes S1 back onto A's backing object B directly (offsets added; B
 * gains a reference and a shadow, A loses one of each).  S2, which
 * needs one of A's pages, keeps A.  A window holding none of A's pages
 * is covered too.
 */
static void
bypass_skips_a_covered_backing_object(void)
{
	struct counts base;
	vm_object_t b, a, s1, s2, s3;
	vm_ooffset_t off;
	uint32_t before[8];
	int i;

	counts_take(&base);
	REQUIRE((b = vm_object_allocate(OBJT_DEFAULT, 16)) != NULL);
	for (i = 0; i < 16; i++)
		REQUIRE(page_put(b, i, 500 + i) != NULL);
	vm_object_reference(b);		/* B: ours and A's */
	a = b;
	off = ptoa(2);
	REQUIRE(vm_object_shadow(&a, &off, ptoa(10)) && a != b);
	REQUIRE(page_put(a, 1, 601) != NULL);
	REQUIRE(page_put(a, 2, 602) != NULL);
	REQUIRE(page_put(a, 8, 608) != NULL);
	/* S1 at offset 1 page, 4 long: A's window 1..4 holds 1 and 2. */
	vm_object_reference(a);
	vm_object_reference(a);
	vm_object_reference(a);
	s1 = s2 = s3 = a;
	off = ptoa(1);
	REQUIRE(vm_object_shadow(&s1, &off, ptoa(4)));
	off = ptoa(1);
	REQUIRE(vm_object_shadow(&s2, &off, ptoa(4)));
	off = ptoa(3);
	REQUIRE(vm_object_shadow(&s3, &off, ptoa(4)));	/* A 3..6: none */
	vm_object_deallocate(a);	/* A: held by S1, S2, S3 */
	REQUIRE(a->ref_count == 3 && a->shadow_count == 3);
	REQUIRE(page_put(s1, 0, 700) != NULL);
	REQUIRE(page_put(s1, 1, 701) != NULL);
	REQUIRE(page_put(s2, 0, 800) != NULL);
	for (i = 0; i < 4; i++)
		before[i] = chain_value(s1, i);
	for (i = 0; i < 4; i++)
		before[4 + i] = chain_value(s3, i);

	VM_OBJECT_WLOCK(s2);
	vm_object_collapse(s2);		/* needs A's page 2: nothing */
	VM_OBJECT_WUNLOCK(s2);
	CHECK(s2->backing_object == a && a->ref_count == 3);

	VM_OBJECT_WLOCK(s1);
	vm_object_collapse(s1);
	VM_OBJECT_WUNLOCK(s1);
	CHECK(s1->backing_object == b, "S1 still backs onto %p",
	    (void *)s1->backing_object);
	CHECK(s1->backing_object_offset == ptoa(3), "offset %#llx",
	    (unsigned long long)s1->backing_object_offset);
	CHECK(a->ref_count == 2 && a->shadow_count == 2);
	CHECK(b->ref_count == 3 && b->shadow_count == 2);
	for (i = 0; i < 4; i++)
		CHECK(chain_value(s1, i) == before[i], "S1 index %d: %u, "
		    "was %u", i, chain_value(s1, i), before[i]);

	VM_OBJECT_WLOCK(s3);
	vm_object_collapse(s3);
	VM_OBJECT_WUNLOCK(s3);
	CHECK(s3->backing_object == b && s3->backing_object_offset ==
	    ptoa(5));
	for (i = 0; i < 4; i++)
		CHECK(chain_value(s3, i) == before[4 + i], "S3 index %d: %u, "
		    "was %u", i, chain_value(s3, i), before[4 + i]);
	CHECK(a->ref_count == 1 && a->shadow_count == 1);
	CHECK(vm_object_check_all() == 0);

	/* S2 is A's only holder now: when it collapses A merges in. */
	VM_OBJECT_WLOCK(s2);
	vm_object_collapse(s2);
	VM_OBJECT_WUNLOCK(s2);
	CHECK(s2->backing_object == b && vm_object_count() ==
	    base.objects + 4);
	CHECK(b->ref_count == 4 && b->shadow_count == 3);
	CHECK(chain_value(s2, 0) == 800 && chain_value(s2, 1) == 602 &&
	    chain_value(s2, 2) == 505);
	vm_object_deallocate(b);
	vm_object_deallocate(s1);
	vm_object_deallocate(s2);
	vm_object_deallocate(s3);
	CHECK_COUNTS(&base);
}

/*
 * Leave the radix node zone with exactly `left` free nodes and no page
 * to grow by.  `left` tries of one key (one node each) are filled
 * while pages remain, so that there is something to give back; then
 * the pages are drained and nodes are taken, by a trie of keys 64 apart
 * (about a node each) and by the other one-key tries, until none is
 * left; finally the first `left` tries are emptied.  The tries emptied
 * last share a slab with nodes still held, so uma keeps their nodes.
 */
#define NODES_SINGLES	16
static struct {
	struct vm_radix	big;
	struct vm_radix	single[NODES_SINGLES];
} nodes_held;

static bool
nodes_take(struct vm_radix *rt, vm_pindex_t k)
{
	vm_page_t m;

	if ((m = calloc(1, sizeof(*m))) == NULL)
		abort();
	m->pindex = k;
	if (vm_radix_insert(rt, m) == 0)
		return (true);
	free(m);
	return (false);
}

static void
nodes_release(struct vm_radix *rt)
{
	vm_page_t m;

	while ((m = vm_radix_lookup_ge(rt, 0)) != NULL)
		free(vm_radix_remove(rt, m->pindex));
}

static bool
nodes_exhaust(int left)
{
	vm_pindex_t k;
	u_long before;
	int i;

	KASSERT(left < NODES_SINGLES, ("nodes_exhaust: %d", left));
	vm_radix_init(&nodes_held.big);
	for (i = 0; i < NODES_SINGLES; i++)
		vm_radix_init(&nodes_held.single[i]);
	for (i = 0; i < left; i++)
		if (!nodes_take(&nodes_held.single[i], 0))
			return (false);
	pages_drain();
	for (k = 0; nodes_take(&nodes_held.big, k); k += 64)
		;
	for (i = left; i < NODES_SINGLES; i++)
		if (!nodes_take(&nodes_held.single[i], 0))
			break;
	if (i == NODES_SINGLES)
		return (false);
	before = vm_radix_node_count();
	for (i = 0; i < left; i++)
		nodes_release(&nodes_held.single[i]);
	return (before - vm_radix_node_count() == (u_long)left);
}

static void
nodes_unexhaust(void)
{
	int i;

	nodes_release(&nodes_held.big);
	for (i = 0; i < NODES_SINGLES; i++)
		nodes_release(&nodes_held.single[i]);
	pages_undrain();
}

/*
 * A collapse that runs out of radix nodes halfway stops with both
 * objects consistent and the shadow showing what it showed; with memory
 * back, the next collapse finishes.  A holds pages 0..9 and
 * 20480..20489; S (offset 0) holds 64.  With one free node, pages 0..9
 * move into S's leaf 0 (one node; A's emptied leaf and level-1 node
 * come back), then 20480 needs three (a taller root, a level-1 node, a
 * leaf) and fails.
 */
static void
collapse_without_nodes_keeps_the_view(void)
{
	struct counts base;
	vm_object_t a, s;
	vm_ooffset_t off = 0;
	uint32_t before[3];
	int i;

	counts_take(&base);
	REQUIRE((a = vm_object_allocate(OBJT_DEFAULT, 1 << 20)) != NULL);
	for (i = 0; i < 10; i++) {
		REQUIRE(page_put(a, i, i + 1) != NULL);
		REQUIRE(page_put(a, 20480 + i, 100 + i) != NULL);
	}
	vm_object_reference(a);
	s = a;
	REQUIRE(vm_object_shadow(&s, &off, ptoa(1 << 20)) && s != a);
	REQUIRE(page_put(s, 64, 9999) != NULL);
	before[0] = chain_value(s, 3);
	before[1] = chain_value(s, 20483);
	before[2] = chain_value(s, 64);

	CHECK(nodes_exhaust(1), "could not leave one free node");
	vm_object_deallocate(a);	/* the collapse starts, and stops */
	CHECK(vm_object_check_all() == 0);
	CHECK(s->backing_object == a, "the collapse finished without memory");
	CHECK(s->resident_page_count == 11 && a->resident_page_count == 10,
	    "S has %d pages, A %d", s->resident_page_count,
	    a->resident_page_count);
	for (i = 0; i < 10; i++)
		CHECK(chain_value(s, i) == i + 1U &&
		    chain_value(s, 20480 + i) == 100U + i, "index %d", i);
	CHECK(chain_value(s, 64) == 9999);
	nodes_unexhaust();

	VM_OBJECT_WLOCK(s);
	vm_object_collapse(s);
	VM_OBJECT_WUNLOCK(s);
	CHECK(s->backing_object == NULL && s->resident_page_count == 21);
	CHECK(chain_value(s, 3) == before[0] &&
	    chain_value(s, 20483) == before[1] &&
	    chain_value(s, 64) == before[2]);
	vm_object_deallocate(s);
	CHECK_COUNTS(&base);
}

/*
 * Coalesce: an anonymous object with one reference and no backing
 * object grows (stale pages in the new range freed); shared, shadowing
 * or shadowed objects do not.
 */
static void
coalesce_grows_only_a_private_object(void)
{
	struct counts base;
	vm_object_t o, s;
	vm_ooffset_t off = 0;

	counts_take(&base);
	CHECK(vm_object_coalesce(NULL, 0, ptoa(4), ptoa(4)));
	REQUIRE((o = vm_object_allocate(OBJT_DEFAULT, 8)) != NULL);
	REQUIRE(page_put(o, 1, 1) != NULL);
	REQUIRE(page_put(o, 5, 5) != NULL);	/* stale: beyond the mapping */
	/* Mapped at offset 0 for 4 pages; grow by 6 pages. */
	CHECK(vm_object_coalesce(o, 0, ptoa(4), ptoa(6)));
	CHECK(o->size == 10, "size %llu", (unsigned long long)o->size);
	CHECK(page_at(o, 5) == NULL && page_at(o, 1) != NULL,
	    "the stale page survived");
	/* Offset 3 pages, 7 long: ends at 10, grow by 2 -> 12. */
	CHECK(vm_object_coalesce(o, ptoa(3), ptoa(7), ptoa(2)));
	CHECK(o->size == 12);

	vm_object_reference(o);
	CHECK(!vm_object_coalesce(o, 0, ptoa(12), ptoa(1)),
	    "a shared object grew");
	s = o;
	REQUIRE(vm_object_shadow(&s, &off, ptoa(12)) && s != o);
	CHECK(!vm_object_coalesce(s, 0, ptoa(12), ptoa(1)),
	    "a shadow (with a shared backing object) grew");
	CHECK(!vm_object_coalesce(o, 0, ptoa(12), ptoa(1)));
	vm_object_deallocate(o);
	/* S was O's only holder: they merged, and S may grow. */
	CHECK(vm_object_coalesce(s, 0, ptoa(12), ptoa(1)));
	CHECK(s->size == 13 && s->backing_object == NULL);
	CHECK(chain_value(s, 1) == 1);
	vm_object_deallocate(s);
	CHECK_COUNTS(&base);
}

/*
 * A process of the model: its object and offset as a map entry would
 * hold them, whether its next write must copy (NEEDS_COPY), and what
 * it wrote (the model).
 */
#define PROC_PAGES	12
#define NPROC		8
struct proc {
	bool		alive;
	bool		needs_copy;
	vm_object_t	obj;
	vm_ooffset_t	off;
	uint32_t	view[PROC_PAGES];
};

/* The write fault: shadow if needed, copy the page up, store `val`. */
static bool
proc_write(struct proc *p, int i, uint32_t val)
{
	vm_pindex_t idx;
	vm_page_t m, src;

	if (p->needs_copy) {
		if (!vm_object_shadow(&p->obj, &p->off, ptoa(PROC_PAGES)))
			return (false);
		p->needs_copy = false;
	}
	idx = atop(p->off) + i;
	if ((m = page_at(p->obj, idx)) == NULL) {
		src = chain_find(p->obj, idx);
		if ((m = page_put(p->obj, idx, 0)) == NULL)
			return (false);
		if (src != NULL)
			pmap_copy_page(src, m);
	}
	*page_word(m) = val;
	p->view[i] = val;
	return (true);
}

/* fork: the child shares the object copy-on-write, both need a copy. */
static void
proc_fork(struct proc *parent, struct proc *child)
{
	*child = *parent;
	vm_object_reference(parent->obj);
	VM_OBJECT_WLOCK(parent->obj);
	parent->obj->flags &= ~OBJ_ONEMAPPING;
	VM_OBJECT_WUNLOCK(parent->obj);
	parent->needs_copy = child->needs_copy = true;
}

static void
proc_exit(struct proc *p)
{
	vm_object_deallocate(p->obj);
	p->alive = false;
	p->obj = NULL;
}

static int
proc_check(struct proc *p)
{
	int bad = 0, i;

	for (i = 0; i < PROC_PAGES; i++)
		if (chain_value(p->obj, atop(p->off) + i) != p->view[i])
			bad++;
	return (bad);
}

static bool
proc_start(struct proc *p)
{
	memset(p, 0, sizeof(*p));
	p->obj = vm_object_allocate(OBJT_DEFAULT, PROC_PAGES);
	p->alive = p->obj != NULL;
	return (p->alive);
}

/*
 * Chains stay short over 1,000 fork/exit generations: each process
 * forks a child, both write, the parent exits and the child carries on
 * (a daemon's double fork); and a long-lived parent whose children
 * write and exit 1,000 times.  Objects and pages stay bounded, and
 * everything is freed at the end.
 */
static void
collapse_keeps_chains_short_over_1000_generations(void)
{
	struct counts base;
	struct proc p, c;
	int gen, i, maxdepth = 0, d;
	u_long maxobj = 0;

	counts_take(&base);
	REQUIRE(proc_start(&p));
	for (i = 0; i < PROC_PAGES; i++)
		REQUIRE(proc_write(&p, i, i + 1));
	for (gen = 0; gen < 1000; gen++) {
		proc_fork(&p, &c);
		REQUIRE(proc_write(&p, gen % PROC_PAGES, 10 * gen + 1));
		REQUIRE(proc_write(&c, (gen + 1) % PROC_PAGES, 10 * gen + 2));
		proc_exit(&p);
		p = c;
		p.alive = true;
		d = vm_object_shadow_depth(p.obj);
		maxdepth = MAX(maxdepth, d);
		maxobj = MAX(maxobj, vm_object_count() - base.objects);
		if (!CHECK(proc_check(&p) == 0, "generation %d: wrong data",
		    gen))
			break;
	}
	CHECK(maxdepth <= 1 && maxobj <= 3, "chain depth up to %d, %lu "
	    "objects", maxdepth, maxobj);
	CHECK(pages_inuse() - base.inuse <= PROC_PAGES, "%lu pages held",
	    pages_inuse() - base.inuse);

	/* The parent stays; a child writes and exits, 1,000 times. */
	maxdepth = 0;
	for (gen = 0; gen < 1000; gen++) {
		proc_fork(&p, &c);
		REQUIRE(proc_write(&c, gen % PROC_PAGES, 7 * gen));
		if (gen % 2 == 0)
			REQUIRE(proc_write(&p, (gen + 5) % PROC_PAGES, gen));
		proc_exit(&c);
		maxdepth = MAX(maxdepth, vm_object_shadow_depth(p.obj));
	}
	CHECK(maxdepth <= 1, "chain depth up to %d", maxdepth);
	CHECK(proc_check(&p) == 0);
	CHECK(vm_object_count() - base.objects == 1);
	CHECK(vm_object_check_all() == 0);
	proc_exit(&p);
	CHECK_COUNTS(&base);
}

/*
 * The random model: up to 8 processes fork, write, read, collapse and
 * exit; every read of every live process shows what it wrote, the
 * checkers are happy, no chain is deeper than the processes alive,
 * and when all have exited everything is back.
 */
static void
object_model_random_fork_write_exit(void)
{
	struct counts base;
	struct proc procs[NPROC];
	struct proc *p;
	int alive = 0, i, j, op, step, d, bad;

	counts_take(&base);
	memset(procs, 0, sizeof(procs));
	rng_state = 0x0b1ec7;
	REQUIRE(proc_start(&procs[0]));
	alive = 1;
	for (step = 0; step < 6000; step++) {
		p = &procs[rng(NPROC)];
		if (!p->alive)
			continue;
		op = rng(10);
		if (op < 2 && alive < NPROC) {
			for (j = 0; procs[j].alive; j++)
				;
			proc_fork(p, &procs[j]);
			procs[j].alive = true;
			alive++;
		} else if (op < 4 && alive > 1) {
			proc_exit(p);
			alive--;
		} else if (op < 8) {
			REQUIRE(proc_write(p, rng(PROC_PAGES), step));
		} else if (op == 8) {
			VM_OBJECT_WLOCK(p->obj);
			vm_object_collapse(p->obj);
			VM_OBJECT_WUNLOCK(p->obj);
		}
		bad = 0;
		for (i = 0; i < NPROC; i++) {
			if (!procs[i].alive)
				continue;
			bad += proc_check(&procs[i]);
			d = vm_object_shadow_depth(procs[i].obj);
			if (!CHECK(d < alive + 1, "step %d: depth %d with %d "
			    "processes", step, d, alive))
				bad++;
		}
		if (!CHECK(bad == 0, "step %d: %d wrong pages", step, bad))
			break;
		if (step % 100 == 0 && !CHECK(vm_object_check_all() == 0))
			break;
	}
	for (i = 0; i < NPROC; i++)
		if (procs[i].alive)
			proc_exit(&procs[i]);
	CHECK_COUNTS(&base);
}

/* The checker sees a broken count, a page out of place, a bad list. */
static void
object_check_finds_broken_invariants(void)
{
	vm_object_t o, s;
	vm_ooffset_t off = 0;
	vm_page_t m;

	REQUIRE((o = vm_object_allocate(OBJT_DEFAULT, 8)) != NULL);
	REQUIRE((m = page_put(o, 2, 2)) != NULL);
	CHECK(vm_object_check(o) == 0);
	o->resident_page_count++;
	CHECK(vm_object_check(o) > 0, "a wrong resident count passed");
	o->resident_page_count--;
	m->pindex = 3;
	CHECK(vm_object_check(o) > 0, "a page at the wrong index passed");
	m->pindex = 2;
	vm_object_reference(o);
	s = o;
	REQUIRE(vm_object_shadow(&s, &off, ptoa(8)) && s != o);
	o->shadow_count++;
	CHECK(vm_object_check(o) > 0, "a wrong shadow count passed");
	o->shadow_count--;
	o->ref_count -= 1;
	CHECK(vm_object_check(o) == 0);	/* ref 1 == shadows 1 is fine */
	o->ref_count -= 1;
	CHECK(vm_object_check(o) > 0, "ref_count below shadow_count passed");
	o->ref_count += 2;
	CHECK(vm_object_check(o) == 0 && vm_object_check(s) == 0);
	vm_object_deallocate(o);
	vm_object_deallocate(s);
}

int
main(void)
{
	vmhost_boot(RAM_BYTES);
	vm_object_init();

	TAP_RUN(object_allocate_reference_deallocate);
	TAP_RUN(object_pages_by_index);
	TAP_RUN(object_page_misuse_panics);
	TAP_RUN(pager_table);
	TAP_RUN(ip1_terminate_unmaps_and_frees_every_page);
	TAP_RUN(ip1_page_remove_frees_unwired_and_only_unmaps_wired);
	TAP_RUN(ip3_last_unwiring_of_an_orphan_frees_it);
	TAP_RUN(shadow_puts_a_new_object_in_front);
	TAP_RUN(collapse_moves_pages_up_and_frees_the_rest);
	TAP_RUN(collapse_merges_a_whole_chain);
	TAP_RUN(bypass_skips_a_covered_backing_object);
	TAP_RUN(collapse_without_nodes_keeps_the_view);
	TAP_RUN(coalesce_grows_only_a_private_object);
	TAP_RUN(collapse_keeps_chains_short_over_1000_generations);
	TAP_RUN(object_model_random_fork_write_exit);
	TAP_RUN(object_check_finds_broken_invariants);
	return (tap_exit_status());
}
