/*
 * vm_object.c - VM objects (see vm/vm_object.h): allocation, references
 * and termination, shadow objects for copy-on-write, and the two ways a
 * shadow chain gets shorter.
 *
 * A shadow S of object B holds the pages written since the copy and
 * sees B's page p + atop(S->backing_object_offset) for any p it lacks.
 * Each shadow holds one reference on its backing object and sits on the
 * backing object's shadow list, so B->ref_count >= B->shadow_count.
 *
 * Collapse: when B is referenced only by S (ref_count 1), nobody else
 * can see B's pages, so they move up into S (vm_page_rename) where S
 * has no page of its own; the others (shadowed, or outside S's window)
 * are freed, and S takes B's place in front of B's backing object.
 *
 * Bypass: when B is shared but S already has its own page for every
 * page B holds in S's window, B shows S nothing: S backs onto B's
 * backing object directly and drops its reference on B.
 *
 * vm_object_deallocate() collapses when an anonymous object is left
 * with one reference and that reference is its only shadow's (a child
 * exited), and vm_object_shadow() does not shadow an anonymous object
 * whose only reference is the caller's: together they keep chains as
 * short as the live processes sharing pages make them.
 *
 * Termination (last reference): every page is removed from every pmap
 * and freed, except wired pages (SEMANTICS I-P1): those leave the
 * object and stay with their wirer, who frees them when the last wiring
 * goes (I-P3); then the radix nodes, the pager's state and the
 * reference on the backing object go.
 *
 * Locking: each object's mutex (VM_OBJECT_WLOCK) protects the fields
 * marked (o).  A shadow is locked before its backing object.  Object
 * locks are spin mutexes, so nothing here sleeps; under an object lock
 * only these are taken, in this order:
 *	object -> its backing object -> pmap -> uma zones -> vm_free_mtx
 *	object -> vm_object_list_mtx (a leaf: the list of all objects)
 */
#include <kernel/systm.h>
#include <kernel/mutex.h>
#include <sys/queue.h>
#include <vm/vm.h>
#include <vm/vm_page.h>
#include <vm/vm_object.h>
#include <vm/vm_radix.h>
#include <vm/vm_pager.h>
#include <vm/vm_kern.h>
#include <vm/uma.h>
#include <vm/pmap.h>

#define VM_PINDEX_MAX	((vm_pindex_t)~0ULL)

static struct mtx vm_object_list_mtx = MTX_INITIALIZER("vm object list");
static TAILQ_HEAD(, vm_object) vm_object_list =	/* (s) */
    TAILQ_HEAD_INITIALIZER(vm_object_list);
static u_long vm_object_alive;			/* (s) */
static uma_zone_t vm_object_zone;

void
vm_object_init(void)
{
	if (vm_object_zone != NULL)
		return;
	vm_radix_zinit();
	vm_page_fake_zinit();
	vm_object_zone = uma_zcreate("vm objects", sizeof(struct vm_object),
	    0);
	if (vm_object_zone == NULL)
		panic("vm_object_init: no zone");
}

u_long
vm_object_count(void)
{
	u_long n;

	mtx_lock(&vm_object_list_mtx);
	n = vm_object_alive;
	mtx_unlock(&vm_object_list_mtx);
	return (n);
}

vm_object_t
vm_object_allocate(objtype_t type, vm_pindex_t size)
{
	vm_object_t object;

	KASSERT(vm_object_zone != NULL, ("vm_object_allocate before "
	    "vm_object_init"));
	KASSERT(type < OBJT_NTYPES && type != OBJT_DEAD,
	    ("vm_object_allocate: type %d", type));
	object = uma_zalloc(vm_object_zone, M_NOWAIT | M_ZERO);
	if (object == NULL)
		return (NULL);
	mtx_init(&object->lock, "vm object");
	LIST_INIT(&object->shadow_head);
	vm_radix_init(&object->rtree);
	object->size = size;
	object->ref_count = 1;
	object->type = type;
	if (type == OBJT_DEFAULT || type == OBJT_SWAP)
		object->flags = OBJ_ANON | OBJ_ONEMAPPING;
	mtx_lock(&vm_object_list_mtx);
	TAILQ_INSERT_TAIL(&vm_object_list, object, object_list);
	vm_object_alive++;
	mtx_unlock(&vm_object_list_mtx);
	return (object);
}

/*
 * Give back the memory of a dead object: no references, pages, shadows
 * or backing object left, and unlocked.
 */
static void
vm_object_free(vm_object_t object)
{
	KASSERT(object->ref_count == 0 && object->shadow_count == 0 &&
	    object->resident_page_count == 0 &&
	    vm_radix_is_empty(&object->rtree) &&
	    object->backing_object == NULL,
	    ("vm_object_free: object %p: ref %d shadows %d pages %d "
	    "backing %p", object, object->ref_count, object->shadow_count,
	    object->resident_page_count, object->backing_object));
	mtx_lock(&vm_object_list_mtx);
	TAILQ_REMOVE(&vm_object_list, object, object_list);
	vm_object_alive--;
	mtx_unlock(&vm_object_list_mtx);
	uma_zfree(vm_object_zone, object);
}

void
vm_object_reference(vm_object_t object)
{
	if (object == NULL)
		return;
	VM_OBJECT_WLOCK(object);
	KASSERT(object->ref_count > 0 && (object->flags & OBJ_DEAD) == 0,
	    ("vm_object_reference: object %p ref %d flags %#x", object,
	    object->ref_count, object->flags));
	object->ref_count++;
	VM_OBJECT_WUNLOCK(object);
}

/*
 * A page that was in an object and is in none now (termination,
 * collapse) leaves for good: it is unmapped everywhere, then freed,
 * unless it is wired: a wired page is left to its wirer (I-P1), who
 * frees it when the last wiring goes since it is in no object (I-P3).
 * Unmanaged pages (OBJ_UNMANAGED objects) have no pv list: their
 * mappings are their owner's business.
 */
static void
vm_object_page_release(vm_page_t m)
{
	KASSERT(m->object == NULL, ("vm_object_page_release: page %p is "
	    "in object %p", m, m->object));
	KASSERT(m->busy == 0, ("vm_object_page_release: page %p is busy",
	    m));
	if ((m->oflags & VPO_UNMANAGED) == 0)
		pmap_remove_all(m);
	vm_page_release_orphan(m);
}

/*
 * Release every page of a terminating object.  The pages are taken off
 * one by one but left in the trie, whose nodes then go all at once.
 */
static void
vm_object_terminate_pages(vm_object_t object)
{
	vm_pindex_t pindex;
	vm_page_t m;

	VM_OBJECT_ASSERT_WLOCKED(object);
	for (m = vm_radix_lookup_ge(&object->rtree, 0); m != NULL;) {
		KASSERT(m->object == object, ("vm_object_terminate: page %p "
		    "of object %p is in %p", m, object, m->object));
		pindex = m->pindex;
		m->object = NULL;
		object->resident_page_count--;
		vm_object_page_release(m);
		m = pindex == VM_PINDEX_MAX ? NULL :
		    vm_radix_lookup_ge(&object->rtree, pindex + 1);
	}
	vm_radix_reclaim_allnodes(&object->rtree);
	KASSERT(object->resident_page_count == 0, ("vm_object_terminate: "
	    "object %p has %d pages left", object,
	    object->resident_page_count));
}

/*
 * Take `object` off its backing object's shadow list.  Both locks are
 * taken in order (the object's is held); the reference it held on the
 * backing object is returned for the caller to drop.
 */
static vm_object_t
vm_object_unlink_backing(vm_object_t object)
{
	vm_object_t backing = object->backing_object;

	VM_OBJECT_ASSERT_WLOCKED(object);
	if (backing == NULL)
		return (NULL);
	VM_OBJECT_WLOCK(backing);
	LIST_REMOVE(object, shadow_list);
	backing->shadow_count--;
	backing->generation++;
	VM_OBJECT_WUNLOCK(backing);
	object->backing_object = NULL;
	object->backing_object_offset = 0;
	return (backing);
}

/*
 * The last reference to `object` (locked) is going: free its pages, its
 * radix nodes, its pager state and the object itself.  Returns its
 * backing object, whose reference the caller must drop.
 */
static vm_object_t
vm_object_terminate(vm_object_t object)
{
	vm_object_t backing;

	VM_OBJECT_ASSERT_WLOCKED(object);
	KASSERT(object->ref_count == 1 && object->shadow_count == 0 &&
	    LIST_EMPTY(&object->shadow_head) &&
	    object->paging_in_progress == 0,
	    ("vm_object_terminate: object %p ref %d shadows %d pip %d",
	    object, object->ref_count, object->shadow_count,
	    object->paging_in_progress));
	object->ref_count = 0;
	object->flags |= OBJ_DEAD;
	vm_object_terminate_pages(object);
	vm_pager_deallocate(object);
	backing = vm_object_unlink_backing(object);
	VM_OBJECT_WUNLOCK(object);
	vm_object_free(object);
	return (backing);
}

/*
 * `backing` (locked) was just left with one reference, its only
 * shadow's: collapse that shadow into it.  A shadow is locked before
 * its backing object, so let go and take both in order.  There is one
 * CPU and no preemption of kernel code, so nothing changes meanwhile;
 * with SMP this needs FreeBSD's answer (a try-lock of the shadow while
 * the backing object is held, giving up if it fails).
 */
static void
vm_object_collapse_shadow_of(vm_object_t backing)
{
	vm_object_t shadow;

	VM_OBJECT_ASSERT_WLOCKED(backing);
	shadow = LIST_FIRST(&backing->shadow_head);
	VM_OBJECT_WUNLOCK(backing);
	VM_OBJECT_WLOCK(shadow);
	if (shadow->backing_object == backing)
		vm_object_collapse(shadow);
	VM_OBJECT_WUNLOCK(shadow);
}

void
vm_object_deallocate(vm_object_t object)
{
	while (object != NULL) {
		VM_OBJECT_WLOCK(object);
		KASSERT(object->ref_count > 0 &&
		    (object->flags & OBJ_DEAD) == 0,
		    ("vm_object_deallocate: object %p ref %d flags %#x",
		    object, object->ref_count, object->flags));
		if (object->ref_count > 1) {
			object->ref_count--;
			if (object->ref_count == 1 &&
			    object->shadow_count == 1 &&
			    (object->flags & OBJ_ANON) != 0)
				vm_object_collapse_shadow_of(object);
			else
				VM_OBJECT_WUNLOCK(object);
			return;
		}
		/* The backing object's reference goes next, in this loop. */
		object = vm_object_terminate(object);
	}
}

bool
vm_object_shadow(vm_object_t *object, vm_ooffset_t *offset,
    vm_size_t length)
{
	vm_object_t source = *object, result;

	/*
	 * The caller's is the only reference: nobody else can see the
	 * pages, so the object itself can take the writes.
	 */
	if (source != NULL) {
		VM_OBJECT_WLOCK(source);
		if (source->ref_count == 1 &&
		    (source->flags & OBJ_ANON) != 0) {
			VM_OBJECT_WUNLOCK(source);
			return (true);
		}
		VM_OBJECT_WUNLOCK(source);
	}
	result = vm_object_allocate(OBJT_DEFAULT, atop(round_page(length)));
	if (result == NULL)
		return (false);
	if (source != NULL) {
		VM_OBJECT_WLOCK(result);
		VM_OBJECT_WLOCK(source);
		result->backing_object = source;
		result->backing_object_offset = *offset;
		LIST_INSERT_HEAD(&source->shadow_head, result, shadow_list);
		source->shadow_count++;
		source->generation++;
		VM_OBJECT_WUNLOCK(source);
		VM_OBJECT_WUNLOCK(result);
	}
	*object = result;
	*offset = 0;
	return (true);
}

/*
 * Whether `object` (locked) may be merged with or skip its backing
 * object `backing` (locked): both anonymous and alive, no pager I/O
 * under way, and the backing object's pager holds nothing we would
 * have to move (only the default pager for now: swap blocks would
 * need swap_pager_copy).
 */
static bool
vm_object_collapsible(vm_object_t object, vm_object_t backing)
{
	return ((object->flags & (OBJ_ANON | OBJ_DEAD)) == OBJ_ANON &&
	    (backing->flags & (OBJ_ANON | OBJ_DEAD | OBJ_COLLAPSING)) ==
	    OBJ_ANON &&
	    backing->type == OBJT_DEFAULT &&
	    object->paging_in_progress == 0 &&
	    backing->paging_in_progress == 0);
}

/*
 * Move the pages of `backing` up into `object` (its only shadow), or
 * release those `object` cannot see or already has.  Both locked.
 * Returns false if a page could not move (no radix node): then the
 * pages moved so far stay in `object`, the others in `backing`, which
 * shows the shadow exactly what it showed before.
 */
static bool
vm_object_collapse_pages(vm_object_t object, vm_object_t backing)
{
	vm_pindex_t off, pindex;
	vm_page_t m;

	off = atop(object->backing_object_offset);
	for (m = vm_radix_lookup_ge(&backing->rtree, 0); m != NULL;) {
		pindex = m->pindex;
		if (pindex < off || pindex - off >= object->size ||
		    vm_radix_lookup(&object->rtree, pindex - off) != NULL) {
			vm_page_remove(m);
			vm_object_page_release(m);
		} else if (vm_page_rename(m, object, pindex - off) != 0)
			return (false);
		m = pindex == VM_PINDEX_MAX ? NULL :
		    vm_radix_lookup_ge(&backing->rtree, pindex + 1);
	}
	return (true);
}

/*
 * `object` (locked) now backs onto `bb`, its old backing object's
 * backing object, which saw the old one at offset `boff`.
 */
static void
vm_object_set_backing(vm_object_t object, vm_object_t bb, vm_ooffset_t boff)
{
	object->backing_object = bb;
	if (bb != NULL)
		object->backing_object_offset += boff;
	else
		object->backing_object_offset = 0;
	object->generation++;
}

/*
 * Collapse: `backing` (locked, referenced only by `object`, locked)
 * gives its pages to `object` and goes; `object` backs onto what
 * `backing` backed onto.  Unlocks `backing`.  False if the pages could
 * not all move (both objects are then still consistent).
 */
static bool
vm_object_collapse_into(vm_object_t object, vm_object_t backing)
{
	vm_object_t bb;
	bool moved;

	KASSERT(backing->shadow_count == 1 &&
	    LIST_FIRST(&backing->shadow_head) == object,
	    ("vm_object_collapse: object %p, backing %p has %d shadows",
	    object, backing, backing->shadow_count));
	backing->flags |= OBJ_COLLAPSING;
	moved = vm_object_collapse_pages(object, backing);
	backing->flags &= ~OBJ_COLLAPSING;
	if (!moved) {
		VM_OBJECT_WUNLOCK(backing);
		return (false);
	}
	/* backing's place in bb's shadow list and its reference are ours. */
	LIST_REMOVE(object, shadow_list);
	backing->shadow_count--;
	bb = backing->backing_object;
	if (bb != NULL) {
		VM_OBJECT_WLOCK(bb);
		LIST_REMOVE(backing, shadow_list);
		LIST_INSERT_HEAD(&bb->shadow_head, object, shadow_list);
		bb->generation++;
		VM_OBJECT_WUNLOCK(bb);
	}
	vm_object_set_backing(object, bb, backing->backing_object_offset);

	backing->backing_object = NULL;
	backing->ref_count = 0;
	backing->flags |= OBJ_DEAD;
	vm_radix_reclaim_allnodes(&backing->rtree);
	vm_pager_deallocate(backing);
	VM_OBJECT_WUNLOCK(backing);
	vm_object_free(backing);
	return (true);
}

/*
 * Whether `object` has its own page for every page `backing` holds in
 * its window, so that `backing` shows it nothing.  Both locked.
 */
static bool
vm_object_covers(vm_object_t object, vm_object_t backing)
{
	vm_pindex_t off, pindex;
	vm_page_t m;

	off = atop(object->backing_object_offset);
	for (m = vm_radix_lookup_ge(&backing->rtree, off); m != NULL;) {
		pindex = m->pindex;
		if (pindex - off >= object->size)
			break;
		if (vm_radix_lookup(&object->rtree, pindex - off) == NULL)
			return (false);
		m = pindex == VM_PINDEX_MAX ? NULL :
		    vm_radix_lookup_ge(&backing->rtree, pindex + 1);
	}
	return (true);
}

/*
 * Bypass: `object` (locked) stops looking through `backing` (locked,
 * shared) when it covers it, and backs onto `backing`'s backing object
 * instead.  Unlocks `backing`.  False if it does not cover it.
 */
static bool
vm_object_bypass(vm_object_t object, vm_object_t backing)
{
	vm_object_t bb;

	if (!vm_object_covers(object, backing)) {
		VM_OBJECT_WUNLOCK(backing);
		return (false);
	}
	LIST_REMOVE(object, shadow_list);
	bb = backing->backing_object;
	if (bb != NULL) {
		VM_OBJECT_WLOCK(bb);
		LIST_INSERT_HEAD(&bb->shadow_head, object, shadow_list);
		bb->shadow_count++;
		bb->ref_count++;
		bb->generation++;
		VM_OBJECT_WUNLOCK(bb);
	}
	vm_object_set_backing(object, bb, backing->backing_object_offset);
	/* It had another reference: it stays. */
	backing->shadow_count--;
	backing->ref_count--;
	backing->generation++;
	VM_OBJECT_WUNLOCK(backing);
	return (true);
}

void
vm_object_collapse(vm_object_t object)
{
	vm_object_t backing;
	bool progress;

	VM_OBJECT_ASSERT_WLOCKED(object);
	while ((backing = object->backing_object) != NULL) {
		VM_OBJECT_WLOCK(backing);
		if (!vm_object_collapsible(object, backing)) {
			VM_OBJECT_WUNLOCK(backing);
			return;
		}
		if (backing->ref_count == 1)
			progress = vm_object_collapse_into(object, backing);
		else
			progress = vm_object_bypass(object, backing);
		if (!progress)
			return;
	}
}

/* Whether `m`, a page of a mapped object, is dirty; the pmap asked. */
static bool
vm_object_page_is_dirty(vm_page_t m)
{
	if (m->dirty == 0 && (m->oflags & VPO_UNMANAGED) == 0 &&
	    pmap_is_modified(m))
		vm_page_dirty(m);
	return (m->dirty != 0);
}

void
vm_object_page_remove(vm_object_t object, vm_pindex_t start,
    vm_pindex_t end, int options)
{
	vm_pindex_t pindex;
	vm_page_t m;

	VM_OBJECT_ASSERT_WLOCKED(object);
	for (m = vm_radix_lookup_ge(&object->rtree, start);
	    m != NULL && (end == 0 || m->pindex < end);) {
		pindex = m->pindex;
		KASSERT(m->busy == 0, ("vm_object_page_remove: page %p "
		    "is busy", m));
		if ((m->flags & PG_FICTITIOUS) != 0) {
			/*
			 * R63: device memory is wired for good and has no
			 * other copy; its pager frees it (dealloc).
			 */
		} else if ((options & OBJPR_CLEANONLY) != 0 &&
		    vm_object_page_is_dirty(m)) {
			/* Dirty: kept, mappings and all. */
		} else if (m->wire_count > 0) {
			/* I-P1: a wired page is only unmapped and emptied. */
			if ((m->oflags & VPO_UNMANAGED) == 0)
				pmap_remove_all(m);
			if ((options & OBJPR_CLEANONLY) == 0) {
				m->valid = 0;
				m->dirty = 0;
			}
		} else {
			if ((m->oflags & VPO_UNMANAGED) == 0)
				pmap_remove_all(m);
			vm_page_free(m);
		}
		m = pindex == VM_PINDEX_MAX ? NULL :
		    vm_radix_lookup_ge(&object->rtree, pindex + 1);
	}
}

bool
vm_object_coalesce(vm_object_t prev_object, vm_ooffset_t prev_offset,
    vm_size_t prev_size, vm_size_t next_size)
{
	vm_pindex_t next_pindex, next_end;

	if (prev_object == NULL)
		return (true);
	VM_OBJECT_WLOCK(prev_object);
	if ((prev_object->flags & (OBJ_ANON | OBJ_DEAD)) != OBJ_ANON ||
	    prev_object->type != OBJT_DEFAULT)
		goto no;
	/* A collapse may leave it with no backing object. */
	vm_object_collapse(prev_object);
	if (prev_object->ref_count != 1 || prev_object->shadow_count != 0 ||
	    prev_object->backing_object != NULL)
		goto no;
	next_pindex = atop(prev_offset) + atop(round_page(prev_size));
	next_end = next_pindex + atop(round_page(next_size));
	if (next_end < next_pindex)
		goto no;
	/* Pages left over from an earlier, larger mapping are stale. */
	vm_object_page_remove(prev_object, next_pindex, next_end, 0);
	if (next_end > prev_object->size)
		prev_object->size = next_end;
	VM_OBJECT_WUNLOCK(prev_object);
	return (true);
no:
	VM_OBJECT_WUNLOCK(prev_object);
	return (false);
}

int
vm_object_shadow_depth(vm_object_t object)
{
	vm_object_t backing;
	int depth = 0;

	if (object == NULL)
		return (0);
	VM_OBJECT_WLOCK(object);
	while ((backing = object->backing_object) != NULL) {
		VM_OBJECT_WLOCK(backing);
		VM_OBJECT_WUNLOCK(object);
		object = backing;
		depth++;
	}
	VM_OBJECT_WUNLOCK(object);
	return (depth);
}

/*
 * Check `object`'s pages and shadow list against its counters; locks
 * are the caller's business.  Returns the problems found.
 */
static int
vm_object_check_locked(vm_object_t object)
{
	vm_object_t shadow;
	vm_pindex_t pindex, prev = 0;
	vm_page_t m;
	u_long nradix;
	int bad, n = 0;

	bad = vm_radix_check(&object->rtree, &nradix);
	for (m = vm_radix_lookup_ge(&object->rtree, 0); m != NULL;) {
		pindex = m->pindex;
		if (m->object != object || (n > 0 && pindex <= prev) ||
		    vm_radix_lookup(&object->rtree, pindex) != m) {
			printf("vm_object %p: page %p (object %p pindex %#llx) "
			    "out of place\n", object, m, m->object,
			    (unsigned long long)pindex);
			bad++;
		}
		/* A wired page outlives a truncation (I-P1, R58). */
		if (pindex >= object->size && m->wire_count == 0) {
			printf("vm_object %p: page %p at %#llx beyond the "
			    "size %#llx\n", object, m, (unsigned long long)
			    pindex, (unsigned long long)object->size);
			bad++;
		}
		if ((m->flags & PG_FREE) != 0) {
			printf("vm_object %p: page %p is free\n", object, m);
			bad++;
		}
		n++;
		prev = pindex;
		m = pindex == VM_PINDEX_MAX ? NULL :
		    vm_radix_lookup_ge(&object->rtree, pindex + 1);
	}
	if (n != object->resident_page_count || (u_long)n != nradix) {
		printf("vm_object %p: %d pages found in order, %lu in the "
		    "trie, resident_page_count %d\n", object, n, nradix,
		    object->resident_page_count);
		bad++;
	}
	n = 0;
	LIST_FOREACH(shadow, &object->shadow_head, shadow_list) {
		if (shadow->backing_object != object) {
			printf("vm_object %p: shadow %p backs onto %p\n",
			    object, shadow, shadow->backing_object);
			bad++;
		}
		n++;
	}
	if (n != object->shadow_count || object->ref_count < n ||
	    object->ref_count <= 0 || (object->flags & OBJ_DEAD) != 0) {
		printf("vm_object %p: %d shadows listed, shadow_count %d, "
		    "ref_count %d, flags %#x\n", object, n,
		    object->shadow_count, object->ref_count, object->flags);
		bad++;
	}
	return (bad);
}

/* Whether `object` is on its backing object's shadow list.  Unlocked. */
static bool
vm_object_listed_in_backing(vm_object_t object)
{
	vm_object_t shadow;

	LIST_FOREACH(shadow, &object->backing_object->shadow_head,
	    shadow_list)
		if (shadow == object)
			return (true);
	return (false);
}

int
vm_object_check(vm_object_t object)
{
	vm_object_t backing;
	int bad;

	VM_OBJECT_WLOCK(object);
	bad = vm_object_check_locked(object);
	if ((backing = object->backing_object) != NULL) {
		VM_OBJECT_WLOCK(backing);
		if (!vm_object_listed_in_backing(object)) {
			printf("vm_object %p: not on the shadow list of its "
			    "backing object %p\n", object, backing);
			bad++;
		}
		VM_OBJECT_WUNLOCK(backing);
	}
	VM_OBJECT_WUNLOCK(object);
	return (bad);
}

int
vm_object_check_all(void)
{
	vm_object_t object;
	int bad = 0;

	mtx_lock(&vm_object_list_mtx);
	TAILQ_FOREACH(object, &vm_object_list, object_list) {
		bad += vm_object_check_locked(object);
		if (object->backing_object != NULL &&
		    !vm_object_listed_in_backing(object)) {
			printf("vm_object %p: not on the shadow list of its "
			    "backing object %p\n", object,
			    object->backing_object);
			bad++;
		}
	}
	mtx_unlock(&vm_object_list_mtx);
	return (bad);
}

/*
 * vm_object_ddb_exists: whether `obj` is on the list of all objects.
 * For the debugger only: it reads the list without its lock, with the
 * machine stopped (kernel/ddb/ddb.h).
 */
bool
vm_object_ddb_exists(const struct vm_object *obj)
{
	const struct vm_object *o;
	u_long n = 0;

	TAILQ_FOREACH(o, &vm_object_list, object_list) {
		if (o == obj)
			return (true);
		if (++n > vm_object_alive + 1)
			break;
	}
	return (false);
}
