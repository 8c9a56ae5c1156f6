/*
 * vm_map.c - address maps (see vm_map.h): the entries of an address
 * space, their lookup, the search for free space, insertion, deletion,
 * protection and inheritance changes, clipping and merging, stacks
 * that grow down into a gap, madvise/msync/mincore over a range, the
 * lookup the fault path starts with, the map lock and the waits around
 * it.
 *
 * Entries are kept twice: in a list in address order (map->entries) and
 * in a red-black tree keyed by start address (map->root, <sys/tree.h>).
 * The list gives neighbours in O(1); the tree gives O(log n) lookups.
 *
 * The tree is augmented with free space.  Definitions:
 *
 *	gap(e)      = e->start - prev(e)->end, where prev(e) is the entry
 *	              before e in address order; 0 for the first entry.
 *	max_free(e) = the largest gap(x) over the entries x of e's subtree
 *	              (e, its descendants).
 *
 * So the tree covers the free space *between* entries.  The two ends,
 * [min_offset, first->start) and [last->end, max_offset), are not in it:
 * an augment function sees only the entry and its subtree, and the map's
 * bounds cannot be reached from an entry; vm_map_findspace() looks at the
 * two ends directly, which costs O(1).  gap(e) depends on the previous
 * entry's end, so whatever changes an entry's end, or links or unlinks
 * an entry, re-augments the next entry too (vm_map_entry_link/unlink,
 * vm_map_entry_set_end); a change of e->start re-augments e.
 *
 * Nothing here takes object or pmap locks across another layer's call;
 * the lock order is map lock -> object lock -> pmap lock.
 *
 * Every wait here (entries in transition, system wirings, the busy
 * count) drops the map lock and sleeps as one step for the waker
 * (vm_map_unlock_and_wait, vm_map_wait_busy: the wake-up generation),
 * then looks the range up again (R40-R45).  The host build has one
 * thread: a wait there panics, naming what it waited for.  The wiring
 * engine (vm_map_wire, vm_map_unwire) is in vm_map_wire.c.
 */
#include <sys/_mman.h>
#include <kernel/systm.h>
#include <kernel/proc.h>
#include <kernel/resourcevar.h>
#include <kernel/sleep.h>
#include <sys/errno.h>
#include <vm/vm.h>
#include <vm/vm_kern.h>
#include <vm/vm_map.h>
#include <vm/vm_object.h>
#include <vm/vm_page.h>
#include <vm/vm_pager.h>
#include <vm/pmap.h>
#include <vm/uma.h>

static uma_zone_t mapentzone;		/* struct vm_map_entry */

/* The system wirings of an entry (SWC = WC - UW, I-E2). */
#define ENTRY_SWC(e)							\
	((e)->wired_count - (((e)->eflags & MAP_ENTRY_USER_WIRED) != 0))

/* ---------------------------------------------------------------- */
/* The tree */

static vm_size_t
vm_map_entry_gap(vm_map_entry_t entry)
{
	vm_map_entry_t prev;

	prev = TAILQ_PREV(entry, vm_map_entry_list, link);
	return (prev == NULL ? 0 : entry->start - prev->end);
}

/* tree.h's augment: max_free from gap(entry) and the children's. */
static void
vm_map_entry_augment(vm_map_entry_t entry)
{
	vm_map_entry_t child;
	vm_size_t max_free;

	max_free = vm_map_entry_gap(entry);
	child = RB_LEFT(entry, rb);
	if (child != NULL && child->max_free > max_free)
		max_free = child->max_free;
	child = RB_RIGHT(entry, rb);
	if (child != NULL && child->max_free > max_free)
		max_free = child->max_free;
	entry->max_free = max_free;
}

static int
vm_map_entry_cmp(vm_map_entry_t a, vm_map_entry_t b)
{
	return (a->start < b->start ? -1 : a->start > b->start);
}

RB_GENERATE_AUGMENT_STATIC(vm_map_tree, vm_map_entry, rb, vm_map_entry_cmp,
    vm_map_entry_augment)

/* ---------------------------------------------------------------- */
/* Locking */

/* _vm_map_lock (vm_map_lock): take the map exclusively.  May sleep. */
void
_vm_map_lock(vm_map_t map, const char *file, int line)
{
	_sx_xlock(&map->lock, file, line);
}

/*
 * vm_map_unlock: end an exclusive hold; bumps the timestamp, so that a
 * thread that slept can tell the map may have changed.
 */
void
vm_map_unlock(vm_map_t map)
{
	map->timestamp++;
	sx_xunlock(&map->lock);
}

/* _vm_map_lock_read (vm_map_lock_read): take the map shared.  May sleep. */
void
_vm_map_lock_read(vm_map_t map, const char *file, int line)
{
	_sx_slock(&map->lock, file, line);
}

/* vm_map_unlock_read: end a shared hold. */
void
vm_map_unlock_read(vm_map_t map)
{
	sx_sunlock(&map->lock);
}

/*
 * vm_map_lock_upgrade: shared -> exclusive.  Returns false with the map
 * held exclusively, or true with the lock dropped: another holder came
 * in between, the caller must look again.  May sleep.
 */
bool
vm_map_lock_upgrade(vm_map_t map)
{
	u_int last;

	if (sx_try_upgrade(&map->lock))
		return (false);
	/*
	 * Other readers: let go and queue for the exclusive lock.  If no
	 * writer came in between, nothing changed and we may go on.  (With
	 * one thread the other readers are ourselves: sx panics.)
	 */
	last = map->timestamp;
	sx_sunlock(&map->lock);
	sx_xlock(&map->lock);
	if (map->timestamp == last)
		return (false);
	sx_xunlock(&map->lock);
	return (true);
}

/* vm_map_lock_downgrade: exclusive -> shared; bumps the timestamp. */
void
vm_map_lock_downgrade(vm_map_t map)
{
	map->timestamp++;
	sx_downgrade(&map->lock);
}

/* vm_map_assert_locked: KASSERT that the map is locked, either way. */
void
vm_map_assert_locked(vm_map_t map)
{
	sx_assert(&map->lock, SA_LOCKED);
}

/* vm_map_assert_wlocked: KASSERT that the map is locked exclusively. */
void
vm_map_assert_wlocked(vm_map_t map)
{
	sx_assert(&map->lock, SA_XLOCKED);
}

/*
 * vm_map_unlock_and_wait: see vm_map.h.  Map locked (either way);
 * returns with it unlocked.
 *
 * The generation is read under the map lock; vm_map_wakeup bumps it
 * under the map lock before waking.  tsleep_gen compares it with the
 * sleep queue locked, so a wake-up that comes after our unlock and
 * before we are on the queue shows as a changed generation and we do
 * not sleep (FreeBSD holds a sleep mutex across both, msleep PDROP).
 */
int
vm_map_unlock_and_wait(vm_map_t map, int timo)
{
	return (vm_map_unlock_and_wait_flags(map, 0, timo));
}

/* vm_map_unlock_and_wait_flags: see vm_map.h. */
int
vm_map_unlock_and_wait_flags(vm_map_t map, int flags, int timo)
{
	u_int gen;

	vm_map_assert_locked(map);
	gen = map->wakeup_gen;
	map->needs_wakeup = true;
	if (sx_xlocked(&map->lock))
		vm_map_unlock(map);
	else
		vm_map_unlock_read(map);
	return (tsleep_gen(&map->needs_wakeup, &map->wakeup_gen, gen, flags,
	    "vmmaps", timo));
}

/*
 * vm_map_wakeup: wake the threads in vm_map_unlock_and_wait (R41): an
 * entry's transition ended, or system wirings went away.  Map locked.
 */
void
vm_map_wakeup(vm_map_t map)
{
	map->wakeup_gen++;
	if (map->needs_wakeup) {
		map->needs_wakeup = false;
		wakeup(&map->needs_wakeup);
	}
}

/*
 * vm_map_busy / vm_map_unbusy (R40-R43, I-M2): a wiring thread is about
 * to fault with the map unlocked / is done.  Map locked.
 */
void
vm_map_busy(vm_map_t map)
{
	vm_map_assert_locked(map);
	map->busy++;
}

void
vm_map_unbusy(vm_map_t map)
{
	vm_map_assert_locked(map);
	KASSERT(map->busy > 0, ("vm_map_unbusy: map %p not busy", map));
	map->wakeup_gen++;
	if (--map->busy == 0 && (map->flags & MAP_BUSY_WAKEUP) != 0) {
		map->flags &= ~MAP_BUSY_WAKEUP;
		wakeup(&map->busy);
	}
}

/*
 * vm_map_wait_busy: wait until no wiring thread is faulting with the map
 * unlocked (R43: fork and mprotect do this first).  Map locked (either
 * way); the lock is dropped while waiting and taken again the same way,
 * so the caller must assume the map changed if it waited.  May sleep.
 */
void
vm_map_wait_busy(vm_map_t map)
{
	u_int gen;
	bool excl;

	vm_map_assert_locked(map);
	while (map->busy > 0) {
		map->flags |= MAP_BUSY_WAKEUP;
		gen = map->wakeup_gen;
		excl = sx_xlocked(&map->lock);
		if (excl)
			vm_map_unlock(map);
		else
			vm_map_unlock_read(map);
		/* As in vm_map_unlock_and_wait: no lost wake-up (R41). */
		(void)tsleep_gen(&map->busy, &map->wakeup_gen, gen, 0,
		    "mbusy", 0);
		if (excl)
			vm_map_lock(map);
		else
			vm_map_lock_read(map);
	}
}

/* ---------------------------------------------------------------- */
/* Maps and entries */

/*
 * vm_map_zinit: create the entry zone.  Boot, after malloc_init; calling
 * it again does nothing.
 */
void
vm_map_zinit(void)
{
	if (mapentzone != NULL)
		return;
	mapentzone = uma_zcreate("vm map entries",
	    sizeof(struct vm_map_entry), 0);
	if (mapentzone == NULL)
		panic("vm_map_zinit: no memory for the map entry zone");
	vm_map_wire_init();
}

/*
 * vm_map_init: see vm_map.h.  Sets every field (I-M1, I-M3): nothing is
 * assumed zero from an earlier use of the memory.  Any context.
 */
void
vm_map_init(vm_map_t map, pmap_t pmap, vm_offset_t min, vm_offset_t max)
{
	KASSERT(min < max && (min & PAGE_MASK) == 0 && (max & PAGE_MASK) == 0,
	    ("vm_map_init: bad range %#lx-%#lx", (u_long)min, (u_long)max));
	TAILQ_INIT(&map->entries);
	RB_INIT(&map->root);
	map->system_map = (pmap == kernel_pmap);
	sx_init(&map->lock, map->system_map ? "kernel map" : "user map");
	map->min_offset = min;
	map->max_offset = max;
	map->pmap = pmap;
	map->nentries = 0;
	map->size = 0;
	map->timestamp = 0;
	map->flags = 0;
	map->busy = 0;
	map->wakeup_gen = 0;
	map->needs_wakeup = false;
	map->hint = NULL;
}

static vm_map_entry_t
vm_map_entry_alloc(void)
{
	KASSERT(mapentzone != NULL, ("vm_map: vm_map_zinit was not called"));
	return (uma_zalloc(mapentzone, M_NOWAIT | M_ZERO));
}

static void
vm_map_entry_free(vm_map_entry_t entry)
{
	uma_zfree(mapentzone, entry);
}

/* Free an entry that is out of the map, with its object reference. */
static void
vm_map_entry_dispose(vm_map_entry_t entry)
{
	if (entry->object != NULL)
		vm_object_deallocate(entry->object);
	vm_map_entry_free(entry);
}

/*
 * Entries allocated before an operation changes anything, so that it
 * can fail with nothing changed.  Clipping a range needs at most two.
 */
struct vm_map_reserve {
	vm_map_entry_t	entries[2];
	int		count;
};

static bool
vm_map_reserve_fill(struct vm_map_reserve *res)
{
	vm_map_entry_t entry;

	while (res->count < 2) {
		if ((entry = vm_map_entry_alloc()) == NULL)
			return (false);
		res->entries[res->count++] = entry;
	}
	return (true);
}

static vm_map_entry_t
vm_map_reserve_take(struct vm_map_reserve *res)
{
	KASSERT(res->count > 0, ("vm_map: entry reserve empty"));
	return (res->entries[--res->count]);
}

static void
vm_map_reserve_drain(struct vm_map_reserve *res)
{
	while (res->count > 0)
		vm_map_entry_free(res->entries[--res->count]);
}

/* Link `entry` after `prev` (NULL: first) in the list and the tree. */
static void
vm_map_entry_link(vm_map_t map, vm_map_entry_t prev, vm_map_entry_t entry)
{
	vm_map_entry_t next, dup;

	if (prev == NULL)
		TAILQ_INSERT_HEAD(&map->entries, entry, link);
	else
		TAILQ_INSERT_AFTER(&map->entries, prev, entry, link);
	dup = RB_INSERT(vm_map_tree, &map->root, entry);
	KASSERT(dup == NULL, ("vm_map_entry_link: %#lx already in map %p",
	    (u_long)entry->start, map));
	(void)dup;
	if ((next = TAILQ_NEXT(entry, link)) != NULL)
		RB_UPDATE_AUGMENT(vm_map_tree, next);
	map->nentries++;
}

/* Take `entry` out of the list and the tree (it is not freed). */
static void
vm_map_entry_unlink(vm_map_t map, vm_map_entry_t entry)
{
	vm_map_entry_t next;

	next = TAILQ_NEXT(entry, link);
	if (map->hint == entry)
		map->hint = NULL;
	RB_REMOVE(vm_map_tree, &map->root, entry);
	TAILQ_REMOVE(&map->entries, entry, link);
	if (next != NULL)
		RB_UPDATE_AUGMENT(vm_map_tree, next);
	map->nentries--;
}

/* Move an entry's end; the next entry's gap changes with it. */
static void
vm_map_entry_set_end(vm_map_entry_t entry, vm_offset_t end)
{
	vm_map_entry_t next;

	entry->end = end;
	if ((next = TAILQ_NEXT(entry, link)) != NULL)
		RB_UPDATE_AUGMENT(vm_map_tree, next);
}

/*
 * vm_map_lookup_entry: see vm_map.h.
 *
 * The hint.  Faults and system calls come in runs over one mapping (a
 * program walks an array, a loop touches its stack), so the entry found
 * last is checked before the tree is walked.  It is read and replaced
 * under the read lock, by several readers at once on SMP: a pointer-
 * sized store of an entry that is in the map, so any value a reader
 * sees is an entry of this map; only the write lock takes entries out,
 * and vm_map_entry_unlink clears the hint first.  Clipping keeps it
 * valid (the entry stays in the map; only its range shrinks, and the
 * range is checked here).
 */
bool
vm_map_lookup_entry(vm_map_t map, vm_offset_t addr, vm_map_entry_t *entry)
{
	vm_map_entry_t node, before;
	int right;

	vm_map_assert_locked(map);
	node = __atomic_load_n(&map->hint, __ATOMIC_RELAXED);
	if (node != NULL && addr >= node->start && addr < node->end) {
		*entry = node;
		return (true);
	}
	/*
	 * The last entry starting at or below addr: one comparison per
	 * level, which the compiler makes a conditional move, so a walk
	 * to a random address costs no mispredicted branches.  Entries do
	 * not overlap, so addr is in that entry or in the gap after it.
	 */
	before = NULL;
	node = RB_ROOT(&map->root);
	while (node != NULL) {
		right = addr >= node->start;
		before = right ? node : before;
		node = RB_CHILD(node, rb, right);
	}
	*entry = before;
	if (before == NULL || addr >= before->end)
		return (false);
	__atomic_store_n(&map->hint, before, __ATOMIC_RELAXED);
	return (true);
}

/* ---------------------------------------------------------------- */
/* Free space */

/*
 * The first entry of `subtree` in address order whose gap is at least
 * `length`; the subtree's max_free says there is one.
 */
static vm_map_entry_t
vm_map_gap_descend(vm_map_entry_t node, vm_size_t length)
{
	vm_map_entry_t left;

	for (;;) {
		KASSERT(node != NULL && node->max_free >= length,
		    ("vm_map_gap_descend: max_free lies"));
		left = RB_LEFT(node, rb);
		if (left != NULL && left->max_free >= length)
			node = left;
		else if (vm_map_entry_gap(node) >= length)
			return (node);
		else
			node = RB_RIGHT(node, rb);
	}
}

/*
 * The first entry after `from` in address order whose gap is at least
 * `length`, or NULL.  Everything after `from` is in from's right subtree
 * or, for each ancestor that `from` is left of, that ancestor and its
 * right subtree, in that order.  Climbing and one descent: O(log n).
 */
static vm_map_entry_t
vm_map_gap_after(vm_map_t map, vm_map_entry_t from, vm_size_t length)
{
	vm_map_entry_t node, parent, right;

	if (RB_ROOT(&map->root)->max_free < length)
		return (NULL);
	right = RB_RIGHT(from, rb);
	if (right != NULL && right->max_free >= length)
		return (vm_map_gap_descend(right, length));
	for (node = from; (parent = RB_PARENT(node, rb)) != NULL;
	    node = parent) {
		if (node != RB_LEFT(parent, rb))
			continue;
		if (vm_map_entry_gap(parent) >= length)
			return (parent);
		right = RB_RIGHT(parent, rb);
		if (right != NULL && right->max_free >= length)
			return (vm_map_gap_descend(right, length));
	}
	return (NULL);
}

/*
 * vm_map_findspace: see vm_map.h.  The free space that contains `start`
 * (or follows the entry containing it) is checked directly; after it
 * every gap is whole, and the tree finds the first one big enough; the
 * space after the last entry comes last.
 */
bool
vm_map_findspace(vm_map_t map, vm_offset_t start, vm_size_t length,
    vm_offset_t *addr)
{
	vm_map_entry_t prev, next, found;
	vm_offset_t gap_end;

	vm_map_assert_locked(map);
	if (start < map->min_offset)
		start = map->min_offset;
	if (length == 0 || start >= map->max_offset ||
	    map->max_offset - start < length)
		return (false);
	if (vm_map_lookup_entry(map, start, &prev))
		start = prev->end;
	next = prev != NULL ? TAILQ_NEXT(prev, link) :
	    TAILQ_FIRST(&map->entries);
	gap_end = next != NULL ? next->start : map->max_offset;
	if (gap_end - start >= length) {
		*addr = start;
		return (true);
	}
	if (next == NULL)
		return (false);
	found = vm_map_gap_after(map, next, length);
	if (found != NULL) {
		*addr = TAILQ_PREV(found, vm_map_entry_list, link)->end;
		return (true);
	}
	prev = TAILQ_LAST(&map->entries, vm_map_entry_list);
	if (map->max_offset - prev->end >= length) {
		*addr = prev->end;
		return (true);
	}
	return (false);
}

/*
 * The lowest address >= start, aligned to `align` (a power of two), with
 * `length` bytes free.  Each turn either succeeds or restarts at an
 * aligned address beyond the free space it found, so it ends; it costs
 * O(log n) per free range too small once aligned.
 */
static bool
vm_map_findspace_aligned(vm_map_t map, vm_offset_t start, vm_size_t length,
    vm_size_t align, vm_offset_t *addr)
{
	vm_offset_t found, aligned;

	for (;;) {
		if (!vm_map_findspace(map, start, length, &found))
			return (false);
		aligned = (found + align - 1) & ~(align - 1);
		if (aligned < found)
			return (false);		/* wrapped */
		if (aligned == found) {
			*addr = found;
			return (true);
		}
		start = aligned;
	}
}

/* ---------------------------------------------------------------- */
/* Clipping and merging */

/*
 * Give anonymous `entry`, which has no object yet (nothing was ever
 * faulted in), its own object, as its first fault would.  false if
 * there is no memory for one.  Map write-locked.
 */
static bool
vm_map_entry_charge_object(vm_map_entry_t entry)
{
	vm_object_t obj;

	obj = vm_object_allocate(OBJT_DEFAULT,
	    atop(entry->end - entry->start));
	if (obj == NULL)
		return (false);
	entry->object = obj;
	entry->offset = 0;
	entry->eflags &= ~MAP_ENTRY_NEEDS_COPY;
	return (true);
}

/*
 * Split `entry` at `addr`: `new` takes [entry->start, addr) (front) or
 * [addr, entry->end) (back).  The halves are copies (I-E6: wired count,
 * user wiring, in-transition owner) and each holds an object reference.
 * Anonymous memory never touched gets its object first, so that both
 * halves share it at consecutive offsets and can merge back later
 * (R13: an munlock after a partial mlock); without memory for it they
 * split without one and stay apart.
 */
static void
vm_map_entry_split(vm_map_t map, vm_map_entry_t entry, vm_offset_t addr,
    vm_map_entry_t new, bool front)
{
	KASSERT(entry->start < addr && addr < entry->end &&
	    (addr & PAGE_MASK) == 0, ("vm_map_entry_split: %#lx outside "
	    "%#lx-%#lx", (u_long)addr, (u_long)entry->start,
	    (u_long)entry->end));
	if (entry->object == NULL && !map->system_map &&
	    (entry->eflags & (MAP_ENTRY_GUARD | MAP_ENTRY_NOFAULT)) == 0)
		(void)vm_map_entry_charge_object(entry);
	*new = *entry;
	if (new->object != NULL)
		vm_object_reference(new->object);
	if (front) {
		new->end = addr;
		entry->offset += addr - entry->start;
		entry->start = addr;
		/* Linking new re-augments entry, its successor. */
		vm_map_entry_link(map, TAILQ_PREV(entry, vm_map_entry_list,
		    link), new);
	} else {
		new->start = addr;
		new->offset += addr - entry->start;
		entry->end = addr;
		vm_map_entry_link(map, entry, new);
	}
}

static void
vm_map_clip_start_res(vm_map_t map, vm_map_entry_t entry, vm_offset_t addr,
    struct vm_map_reserve *res)
{
	if (addr > entry->start)
		vm_map_entry_split(map, entry, addr, vm_map_reserve_take(res),
		    true);
}

static void
vm_map_clip_end_res(vm_map_t map, vm_map_entry_t entry, vm_offset_t addr,
    struct vm_map_reserve *res)
{
	if (addr < entry->end)
		vm_map_entry_split(map, entry, addr, vm_map_reserve_take(res),
		    false);
}

/* vm_map_clip_start: see vm_map.h. */
int
vm_map_clip_start(vm_map_t map, vm_map_entry_t entry, vm_offset_t addr)
{
	vm_map_entry_t new;

	vm_map_assert_wlocked(map);
	if (addr <= entry->start)
		return (KERN_SUCCESS);
	if ((new = vm_map_entry_alloc()) == NULL)
		return (KERN_RESOURCE_SHORTAGE);
	vm_map_entry_split(map, entry, addr, new, true);
	return (KERN_SUCCESS);
}

/* vm_map_clip_end: see vm_map.h. */
int
vm_map_clip_end(vm_map_t map, vm_map_entry_t entry, vm_offset_t addr)
{
	vm_map_entry_t new;

	vm_map_assert_wlocked(map);
	if (addr >= entry->end)
		return (KERN_SUCCESS);
	if ((new = vm_map_entry_alloc()) == NULL)
		return (KERN_RESOURCE_SHORTAGE);
	vm_map_entry_split(map, entry, addr, new, false);
	return (KERN_SUCCESS);
}

/*
 * Can `prev` and the entry right after it become one (I-E5)?  Same
 * object continuing at the right offset (or both without one), same
 * flags, protections, inheritance and wired count, and no flag of
 * MAP_ENTRY_NOMERGE_MASK (in transition, guard).
 */
static bool
vm_map_mergeable(vm_map_entry_t prev, vm_map_entry_t entry)
{
	return (prev->end == entry->start &&
	    ((prev->eflags | entry->eflags) & MAP_ENTRY_NOMERGE_MASK) == 0 &&
	    prev->eflags == entry->eflags &&
	    prev->object == entry->object &&
	    (prev->object == NULL ||
	    prev->offset + (prev->end - prev->start) == entry->offset) &&
	    prev->protection == entry->protection &&
	    prev->max_protection == entry->max_protection &&
	    prev->inheritance == entry->inheritance &&
	    prev->wired_count == entry->wired_count &&
	    prev->wiring_thread == entry->wiring_thread);
}

/* `keep` takes over the range of its neighbour `gone`, which is freed. */
static void
vm_map_entry_absorb(vm_map_t map, vm_map_entry_t keep, vm_map_entry_t gone)
{
	vm_map_entry_unlink(map, gone);
	if (gone->end == keep->start) {
		keep->start = gone->start;
		keep->offset = gone->offset;
		RB_UPDATE_AUGMENT(vm_map_tree, keep);
	} else {
		KASSERT(gone->start == keep->end, ("vm_map_entry_absorb: "
		    "entries %p and %p are not neighbours", keep, gone));
		vm_map_entry_set_end(keep, gone->end);
	}
	vm_map_entry_dispose(gone);
}

/* Merge `prev` (may be NULL) into the entry after it if they are equal. */
static void
vm_map_try_merge(vm_map_t map, vm_map_entry_t prev, vm_map_entry_t entry)
{
	if (prev != NULL && entry != NULL && vm_map_mergeable(prev, entry))
		vm_map_entry_absorb(map, entry, prev);
}

/*
 * vm_map_simplify_entry: see vm_map.h.  `entry` survives (it absorbs its
 * neighbours), so the caller's pointer stays good.
 */
void
vm_map_simplify_entry(vm_map_t map, vm_map_entry_t entry)
{
	vm_map_entry_t prev, next;

	vm_map_assert_wlocked(map);
	prev = TAILQ_PREV(entry, vm_map_entry_list, link);
	if (prev != NULL && vm_map_mergeable(prev, entry))
		vm_map_entry_absorb(map, entry, prev);
	next = TAILQ_NEXT(entry, link);
	if (next != NULL && vm_map_mergeable(entry, next))
		vm_map_entry_absorb(map, entry, next);
}

/* ---------------------------------------------------------------- */
/* Insertion */

/*
 * vm_map_insert: see vm_map.h.
 *
 * A new anonymous mapping (no object) right after an entry may extend
 * that entry instead: its object must agree to grow (vm_object_coalesce;
 * an entry without an object needs nothing), and the entry must match
 * in flags, protections and inheritance and have wired_count 0 (I-E5: a
 * wired entry is never extended, the new range would not be wired).  If
 * only the object can grow, the new entry maps the grown part of it.
 */
int
vm_map_insert(vm_map_t map, vm_object_t object, vm_ooffset_t offset,
    vm_offset_t start, vm_offset_t end, vm_prot_t prot, vm_prot_t max,
    int cow)
{
	vm_map_entry_t prev, next, new;
	vm_inherit_t inheritance;
	int eflags;

	vm_map_assert_wlocked(map);
	KASSERT((start & PAGE_MASK) == 0 && (end & PAGE_MASK) == 0,
	    ("vm_map_insert: unaligned %#lx-%#lx", (u_long)start,
	    (u_long)end));
	if (start < map->min_offset || end > map->max_offset || start >= end)
		return (KERN_INVALID_ADDRESS);
	if ((cow & (MAP_NOFAULT | MAP_CREATE_GUARD)) != 0 && object != NULL)
		return (KERN_INVALID_ARGUMENT);
	if ((cow & MAP_CREATE_STACK_GAP_DN) != 0 &&
	    (cow & MAP_CREATE_GUARD) == 0)
		return (KERN_INVALID_ARGUMENT);
	if ((cow & MAP_CREATE_GUARD) != 0)
		prot = max = VM_PROT_NONE;
	if ((prot & max) != prot)
		return (KERN_PROTECTION_FAILURE);
	if (vm_map_lookup_entry(map, start, &prev))
		return (KERN_NO_SPACE);
	next = prev != NULL ? TAILQ_NEXT(prev, link) :
	    TAILQ_FIRST(&map->entries);
	if (next != NULL && next->start < end)
		return (KERN_NO_SPACE);

	eflags = 0;
	if ((cow & MAP_COPY_ON_WRITE) != 0)
		eflags |= MAP_ENTRY_COW | MAP_ENTRY_NEEDS_COPY;
	if ((cow & MAP_NOFAULT) != 0)
		eflags |= MAP_ENTRY_NOFAULT;
	if ((cow & MAP_CREATE_GUARD) != 0)
		eflags |= MAP_ENTRY_GUARD;
	if ((cow & MAP_CREATE_STACK_GAP_DN) != 0)
		eflags |= MAP_ENTRY_STACK_GAP_DN;
	if ((cow & MAP_STACK_GROWS_DOWN) != 0)
		eflags |= MAP_ENTRY_GROWS_DOWN;
	inheritance = (cow & MAP_INHERIT_SHARE) != 0 ? VM_INHERIT_SHARE :
	    VM_INHERIT_DEFAULT;

	/* Allocate first: past this point nothing fails. */
	if ((new = vm_map_entry_alloc()) == NULL)
		return (KERN_RESOURCE_SHORTAGE);

	/*
	 * An anonymous object someone else holds too (a file's object
	 * kept by its node, a shadow's backing) is not mapped only here:
	 * unmapping this range must not free its pages.
	 */
	if (object != NULL && (object->flags & OBJ_ANON) != 0) {
		VM_OBJECT_WLOCK(object);
		if (object->ref_count > 1 || object->shadow_count != 0)
			object->flags &= ~OBJ_ONEMAPPING;
		VM_OBJECT_WUNLOCK(object);
	}

	if (object == NULL && prev != NULL && prev->end == start &&
	    (eflags & MAP_ENTRY_NOMERGE_MASK) == 0 &&
	    (prev->eflags & ~MAP_ENTRY_USER_WIRED) == eflags &&
	    (prev->object == NULL || vm_object_coalesce(prev->object,
	    prev->offset, prev->end - prev->start, end - start))) {
		if (prev->wired_count == 0 && prev->protection == prot &&
		    prev->max_protection == max &&
		    prev->inheritance == inheritance) {
			KASSERT((prev->eflags & MAP_ENTRY_USER_WIRED) == 0,
			    ("vm_map_insert: entry %p user-wired with "
			    "wired_count 0 (I-E2)", prev));
			vm_map_entry_free(new);
			map->size += end - start;
			vm_map_entry_set_end(prev, end);
			vm_map_simplify_entry(map, prev);
			return (KERN_SUCCESS);
		}
		/* The object grew; map its new part with a new entry. */
		object = prev->object;
		offset = prev->offset + (prev->end - prev->start);
		if (object != NULL)
			vm_object_reference(object);
	}

	new->start = start;
	new->end = end;
	new->object = object;
	new->offset = offset;
	new->eflags = eflags;
	new->protection = prot;
	new->max_protection = max;
	new->inheritance = inheritance;
	new->wired_count = 0;
	new->wiring_thread = NULL;
	vm_map_entry_link(map, prev, new);
	if ((eflags & MAP_ENTRY_GUARD) == 0)
		map->size += end - start;
	vm_map_simplify_entry(map, new);
	return (KERN_SUCCESS);
}

/*
 * vm_map_find: see vm_map.h.  On failure the caller keeps its object
 * reference.  KERN_NO_SPACE if no room was found.  Takes the map lock.
 */
int
vm_map_find(vm_map_t map, vm_object_t object, vm_ooffset_t offset,
    vm_offset_t *addr, vm_size_t length, vm_offset_t max_addr,
    int find_space, vm_prot_t prot, vm_prot_t max, int cow)
{
	vm_offset_t start;
	vm_size_t align;
	int rv, shift;

	KASSERT((length & PAGE_MASK) == 0 && (*addr & PAGE_MASK) == 0,
	    ("vm_map_find: unaligned %#lx length %#lx", (u_long)*addr,
	    (u_long)length));
	start = *addr;
	if (length == 0 || start + length < start)
		return (KERN_INVALID_ADDRESS);
	vm_map_lock(map);
	if (find_space != VMFS_NO_SPACE) {
		align = PAGE_SIZE;
		shift = find_space >> 8;
		if (shift > PAGE_SHIFT) {
			if ((size_t)shift >= sizeof(vm_size_t) * 8) {
				vm_map_unlock(map);
				return (KERN_INVALID_ARGUMENT);
			}
			align = (vm_size_t)1 << shift;
		}
		if (!vm_map_findspace_aligned(map, start, length, align,
		    &start)) {
			vm_map_unlock(map);
			return (KERN_NO_SPACE);
		}
	}
	if (max_addr != 0 && start + length > max_addr) {
		vm_map_unlock(map);
		return (KERN_NO_SPACE);
	}
	rv = vm_map_insert(map, object, offset, start, start + length, prot,
	    max, cow);
	if (rv == KERN_SUCCESS)
		*addr = start;
	vm_map_unlock(map);
	return (rv);
}

/* ---------------------------------------------------------------- */
/* Deletion */

/*
 * Unlink and free an entry whose PTEs are gone, dropping its object
 * reference.  If its anonymous object is mapped only once but still
 * referenced elsewhere (another piece of a clipped mapping), the pages
 * of the deleted range are freed now rather than when the object dies,
 * and the object shrinks if the range was its end.
 */
static void
vm_map_entry_delete(vm_map_t map, vm_map_entry_t entry)
{
	vm_object_t object;
	vm_pindex_t first, last;

	vm_map_entry_unlink(map, entry);
	if ((entry->eflags & MAP_ENTRY_GUARD) == 0)
		map->size -= entry->end - entry->start;
	object = entry->object;
	if (object != NULL) {
		first = atop(entry->offset);
		last = first + atop(entry->end - entry->start);
		VM_OBJECT_WLOCK(object);
		if (object->ref_count != 1 && (object->flags &
		    (OBJ_ANON | OBJ_ONEMAPPING)) == (OBJ_ANON | OBJ_ONEMAPPING)) {
			vm_object_page_remove(object, first, last, 0);
			if (last >= object->size && first < object->size)
				object->size = first;
		}
		VM_OBJECT_WUNLOCK(object);
	}
	vm_map_entry_dispose(entry);
}

/* R45 steps 1-2: must vm_map_delete wait before touching `entry`? */
static bool
vm_map_delete_must_wait(vm_map_t map, vm_map_entry_t entry)
{
	if ((entry->eflags & MAP_ENTRY_IN_TRANSITION) != 0)
		return (true);
	/* R33: a kernel map never waits for system wirings. */
	return (!map->system_map && ENTRY_SWC(entry) > 0);
}

/*
 * vm_map_delete: see vm_map.h.  R45 for each entry in the range: wait
 * while it is in transition or, in a user map, system-wired (the waits
 * drop the map lock, so the range is looked up again after one); clip
 * it to the range; unwire it if wired; remove its PTEs; unlink and free
 * it.  The two entries clipping may need are allocated first, so
 * KERN_RESOURCE_SHORTAGE means nothing was deleted - unless a wait
 * intervened and the map changed meanwhile.  May sleep (a user map
 * with system wirings: with one thread that panics, nothing can unwire).
 */
int
vm_map_delete(vm_map_t map, vm_offset_t start, vm_offset_t end)
{
	return (vm_map_delete_flags(map, start, end, 0, NULL));
}

/*
 * vm_map_delete_flags: see vm_map.h.  With PCATCH the waits end when a
 * signal comes, with PKILL when the process is killed ("SIGKILL ends
 * every wait that user activity can cause"); the entries before the
 * one waited for are gone already.
 */
int
vm_map_delete_flags(vm_map_t map, vm_offset_t start, vm_offset_t end,
    int flags, int *errorp)
{
	struct vm_map_reserve res = { .count = 0 };
	vm_map_entry_t entry, next;
	int error, rv;

	vm_map_assert_wlocked(map);
	if (start < map->min_offset)
		start = map->min_offset;
	if (end > map->max_offset)
		end = map->max_offset;
	if (start >= end)
		return (KERN_SUCCESS);
	if (!vm_map_reserve_fill(&res)) {
		vm_map_reserve_drain(&res);
		return (KERN_RESOURCE_SHORTAGE);
	}
	rv = KERN_SUCCESS;
again:
	if (!vm_map_lookup_entry(map, start, &entry))
		entry = entry != NULL ? TAILQ_NEXT(entry, link) :
		    TAILQ_FIRST(&map->entries);
	for (; entry != NULL && entry->start < end; entry = next) {
		if (vm_map_delete_must_wait(map, entry)) {
			entry->eflags |= MAP_ENTRY_NEEDS_WAKEUP;
			error = vm_map_unlock_and_wait_flags(map,
			    flags & (PCATCH | PKILL), 0);
			vm_map_lock(map);
			if (error != 0) {	/* EINTR or ERESTART */
				if (errorp != NULL)
					*errorp = error;
				rv = KERN_FAILURE;
				break;
			}
			if (!vm_map_reserve_fill(&res)) {
				rv = KERN_RESOURCE_SHORTAGE;
				break;
			}
			goto again;
		}
		vm_map_clip_start_res(map, entry, start, &res);
		vm_map_clip_end_res(map, entry, end, &res);
		next = TAILQ_NEXT(entry, link);
		if (entry->wired_count != 0)
			vm_map_entry_unwire(map, entry);
		if ((entry->eflags & MAP_ENTRY_GUARD) == 0)
			pmap_remove(map->pmap, entry->start, entry->end);
		vm_map_entry_delete(map, entry);
	}
	vm_map_reserve_drain(&res);
	return (rv);
}

/* vm_map_remove: vm_map_delete with the map lock taken here. */
int
vm_map_remove(vm_map_t map, vm_offset_t start, vm_offset_t end)
{
	int rv;

	vm_map_lock(map);
	rv = vm_map_delete(map, start, end);
	vm_map_unlock(map);
	return (rv);
}

/* ---------------------------------------------------------------- */
/* Protection and inheritance */

/*
 * Check [start, end) for vm_map_protect: all mapped (else
 * KERN_INVALID_ADDRESS, whatever else is wrong), the new protection
 * within every maximum (else KERN_PROTECTION_FAILURE; guard entries are
 * skipped: they stay NONE).  *in_tran is an entry in transition, if any.
 */
static int
vm_map_protect_check(vm_map_t map, vm_offset_t start, vm_offset_t end,
    vm_prot_t new_prot, vm_map_entry_t *first, vm_map_entry_t *in_tran)
{
	vm_map_entry_t entry;
	vm_offset_t covered;
	int rv;

	*in_tran = NULL;
	if (!vm_map_lookup_entry(map, start, first))
		return (KERN_INVALID_ADDRESS);
	rv = KERN_SUCCESS;
	covered = (*first)->start;
	for (entry = *first; entry != NULL && entry->start < end;
	    entry = TAILQ_NEXT(entry, link)) {
		if (entry->start != covered)
			return (KERN_INVALID_ADDRESS);
		covered = entry->end;
		if ((entry->eflags & MAP_ENTRY_GUARD) != 0)
			continue;
		if ((new_prot & entry->max_protection) != new_prot)
			rv = KERN_PROTECTION_FAILURE;
		if ((entry->eflags & MAP_ENTRY_IN_TRANSITION) != 0)
			*in_tran = entry;
	}
	return (covered >= end ? rv : KERN_INVALID_ADDRESS);
}

/*
 * R54: a user-wired entry that gains write has its pages mapped
 * writable (and wired) now, so that no write after mprotect faults.
 * They are the entry's own already (I-E7: a private entry's were
 * copied when it was wired).  A page that is not (still in a backing
 * object), one a truncation emptied (not valid: past the end, R58) and
 * one the pmap cannot take now (no memory) are left to the fault: all
 * correct, only later.
 */
static void
vm_map_entry_enter_writable(vm_map_t map, vm_map_entry_t entry)
{
	vm_offset_t va;
	vm_page_t m;

	for (va = entry->start; va < entry->end; va += PAGE_SIZE) {
		m = vm_fault_entry_page(entry, va);
		if (m == NULL || m->object != entry->object ||
		    m->valid == 0 || (m->flags & PG_FICTITIOUS) != 0)
			continue;
		(void)pmap_enter(map->pmap, va, m, entry->protection,
		    VM_PROT_READ | PMAP_ENTER_WIRED | PMAP_ENTER_NOSLEEP);
	}
}

/*
 * Set one (clipped) entry's protection; lower the PTEs if it dropped,
 * raise a user-wired entry's if it gained write.
 */
static void
vm_map_entry_protect(vm_map_t map, vm_map_entry_t entry, vm_prot_t new_prot,
    bool set_max)
{
	vm_prot_t old_prot, pte_prot;

	old_prot = entry->protection;
	if (set_max) {
		entry->max_protection = new_prot;
		entry->protection = new_prot & old_prot;
	} else
		entry->protection = new_prot;
	/*
	 * I-E7: a user-wired entry that is writable never needs a copy:
	 * its pages must be the entry's own, wired, for every write.
	 * FreeBSD copies them here (vm_fault_copy_entry) when mprotect
	 * adds write; Vise copies them when the entry is wired, if its
	 * maximum protection allows write (VM_MAP_ENTRY_WIRED_PRIVATE),
	 * so there is nothing left to copy: only the PTEs to make
	 * writable (vm_map_entry_enter_writable).
	 */
	KASSERT((entry->eflags & (MAP_ENTRY_USER_WIRED | MAP_ENTRY_NEEDS_COPY))
	    != (MAP_ENTRY_USER_WIRED | MAP_ENTRY_NEEDS_COPY) ||
	    (entry->protection & VM_PROT_WRITE) == 0,
	    ("vm_map_protect: user-wired entry %p gets write with "
	    "NEEDS_COPY (I-E7)", entry));
	if ((entry->eflags & MAP_ENTRY_USER_WIRED) != 0 &&
	    (entry->protection & ~old_prot & VM_PROT_WRITE) != 0)
		vm_map_entry_enter_writable(map, entry);
	if ((old_prot & ~entry->protection) != 0) {
		/* Copy-on-write pages stay read-only in the pmap. */
		pte_prot = entry->protection;
		if ((entry->eflags & MAP_ENTRY_COW) != 0)
			pte_prot &= ~VM_PROT_WRITE;
		pmap_protect(map->pmap, entry->start, entry->end, pte_prot);
	}
}

/*
 * vm_map_protect: see vm_map.h.  Waits first while the map is busy
 * (R43) and while an entry of the range is in transition (R40); checks
 * the whole range before changing anything; then clips, sets, lowers
 * the PTEs where protection dropped and merges equal neighbours.  A
 * guard entry in the range keeps its NONE.  Also KERN_INVALID_ARGUMENT
 * (bad protection) and KERN_RESOURCE_SHORTAGE (no entry for clipping;
 * nothing changed).  May sleep.
 */
int
vm_map_protect(vm_map_t map, vm_offset_t start, vm_offset_t end,
    vm_prot_t new_prot, bool set_max)
{
	struct vm_map_reserve res = { .count = 0 };
	vm_map_entry_t first, entry, prev, in_tran;
	int rv;

	if ((new_prot & ~VM_PROT_ALL) != 0)
		return (KERN_INVALID_ARGUMENT);
	if (start == end)
		return (KERN_SUCCESS);
	if (start > end)
		return (KERN_INVALID_ADDRESS);
	if (!vm_map_reserve_fill(&res)) {
		vm_map_reserve_drain(&res);
		return (KERN_RESOURCE_SHORTAGE);
	}
	vm_map_lock(map);
	for (;;) {
		vm_map_wait_busy(map);
		rv = vm_map_protect_check(map, start, end, new_prot, &first,
		    &in_tran);
		if (rv != KERN_SUCCESS || in_tran == NULL)
			break;
		/* R40: wait for the transition, then look again. */
		in_tran->eflags |= MAP_ENTRY_NEEDS_WAKEUP;
		if (vm_map_unlock_and_wait_flags(map, PKILL, 0) == EINTR) {
			vm_map_lock(map);
			rv = KERN_FAILURE;	/* R68: killed, nothing done */
			break;
		}
		vm_map_lock(map);
	}
	if (rv == KERN_SUCCESS) {
		vm_map_clip_start_res(map, first, start, &res);
		prev = TAILQ_PREV(first, vm_map_entry_list, link);
		for (entry = first; entry != NULL && entry->start < end;
		    entry = TAILQ_NEXT(entry, link)) {
			vm_map_clip_end_res(map, entry, end, &res);
			if ((entry->eflags & MAP_ENTRY_GUARD) == 0)
				vm_map_entry_protect(map, entry, new_prot,
				    set_max);
			vm_map_try_merge(map, prev, entry);
			prev = entry;
		}
		vm_map_try_merge(map, prev, entry);
	}
	vm_map_unlock(map);
	vm_map_reserve_drain(&res);
	return (rv);
}

/*
 * Whether an entry of [start, end) maps a device (fake pages, which
 * copy-on-write must never meet: R64).  Map locked.
 */
static bool
vm_map_range_maps_device(vm_map_t map, vm_offset_t start, vm_offset_t end)
{
	vm_map_entry_t entry;

	if (!vm_map_lookup_entry(map, start, &entry))
		entry = entry != NULL ? TAILQ_NEXT(entry, link) :
		    TAILQ_FIRST(&map->entries);
	for (; entry != NULL && entry->start < end;
	    entry = TAILQ_NEXT(entry, link))
		if (entry->object != NULL &&
		    (entry->object->flags & OBJ_FICTITIOUS) != 0)
			return (true);
	return (false);
}

/*
 * vm_map_inherit: see vm_map.h.  Unmapped parts of the range are
 * skipped (as FreeBSD's minherit does); a guard entry does not become
 * VM_INHERIT_ZERO.  KERN_INVALID_ARGUMENT for an unknown inheritance,
 * or VM_INHERIT_COPY over a device mapping (R64: its pages are never
 * copied on write), KERN_RESOURCE_SHORTAGE (nothing changed either
 * way).  Entries in transition are changed as they are (R42: only
 * clipping can happen to them).
 */
int
vm_map_inherit(vm_map_t map, vm_offset_t start, vm_offset_t end,
    vm_inherit_t new_inheritance)
{
	struct vm_map_reserve res = { .count = 0 };
	vm_map_entry_t entry, prev;

	switch (new_inheritance) {
	case VM_INHERIT_SHARE:
	case VM_INHERIT_COPY:
	case VM_INHERIT_NONE:
	case VM_INHERIT_ZERO:
		break;
	default:
		return (KERN_INVALID_ARGUMENT);
	}
	if (start >= end)
		return (start == end ? KERN_SUCCESS : KERN_INVALID_ADDRESS);
	if (!vm_map_reserve_fill(&res)) {
		vm_map_reserve_drain(&res);
		return (KERN_RESOURCE_SHORTAGE);
	}
	vm_map_lock(map);
	if (new_inheritance == VM_INHERIT_COPY &&
	    vm_map_range_maps_device(map, start, end)) {
		vm_map_unlock(map);
		vm_map_reserve_drain(&res);
		return (KERN_INVALID_ARGUMENT);
	}
	if (vm_map_lookup_entry(map, start, &entry))
		vm_map_clip_start_res(map, entry, start, &res);
	else
		entry = entry != NULL ? TAILQ_NEXT(entry, link) :
		    TAILQ_FIRST(&map->entries);
	prev = entry != NULL ? TAILQ_PREV(entry, vm_map_entry_list, link) :
	    NULL;
	for (; entry != NULL && entry->start < end;
	    entry = TAILQ_NEXT(entry, link)) {
		vm_map_clip_end_res(map, entry, end, &res);
		if ((entry->eflags & MAP_ENTRY_GUARD) == 0 ||
		    new_inheritance != VM_INHERIT_ZERO)
			entry->inheritance = new_inheritance;
		vm_map_try_merge(map, prev, entry);
		prev = entry;
	}
	vm_map_try_merge(map, prev, entry);
	vm_map_unlock(map);
	vm_map_reserve_drain(&res);
	return (KERN_SUCCESS);
}

/* ---------------------------------------------------------------- */
/* Stacks */

/*
 * vm_map_stack_locked: see vm_map.h.  The stack entry goes in first,
 * then its gap; if the gap cannot be made the entry goes again.
 */
int
vm_map_stack_locked(vm_map_t map, vm_offset_t addrbos, vm_size_t max_ssize,
    vm_size_t init_ssize, vm_prot_t prot, vm_prot_t max, int cow)
{
	vm_offset_t top, bottom;
	vm_map_entry_t prev;
	int rv;

	vm_map_assert_wlocked(map);
	if (((addrbos | max_ssize) & PAGE_MASK) != 0 ||
	    max_ssize <= STACK_GUARD)
		return (KERN_INVALID_ARGUMENT);
	if (addrbos < map->min_offset || addrbos > map->max_offset ||
	    max_ssize > map->max_offset - addrbos)
		return (KERN_INVALID_ADDRESS);
	top = addrbos + max_ssize;
	init_ssize = round_page(init_ssize);
	if (init_ssize == 0)
		init_ssize = PAGE_SIZE;
	if (init_ssize > max_ssize - STACK_GUARD)
		init_ssize = max_ssize - STACK_GUARD;
	bottom = top - init_ssize;
	/* The whole reservation must be free. */
	if (vm_map_lookup_entry(map, addrbos, &prev))
		return (KERN_NO_SPACE);
	prev = prev != NULL ? TAILQ_NEXT(prev, link) :
	    TAILQ_FIRST(&map->entries);
	if (prev != NULL && prev->start < top)
		return (KERN_NO_SPACE);
	rv = vm_map_insert(map, NULL, 0, bottom, top, prot, max,
	    cow | MAP_STACK_GROWS_DOWN);
	if (rv != KERN_SUCCESS)
		return (rv);
	rv = vm_map_insert(map, NULL, 0, addrbos, bottom, VM_PROT_NONE,
	    VM_PROT_NONE, MAP_CREATE_GUARD | MAP_CREATE_STACK_GAP_DN);
	if (rv != KERN_SUCCESS)
		(void)vm_map_delete(map, bottom, top);
	return (rv);
}

/*
 * Whether growing the stack at `addr` must respect the process's
 * RLIMIT_STACK: the address is in the main stack's reservation of the
 * current process's own address space (a MAP_STACK stack of its own is
 * bounded by its reservation only, as in FreeBSD).
 */
static struct vmspace *
vm_map_procstack(vm_map_t map, vm_offset_t addr)
{
	struct proc *p = curthread->td_proc;
	struct vmspace *vm;

	if (p == NULL || (vm = p->p_vmspace) == NULL || map != &vm->vm_map)
		return (NULL);
	return (addr >= vm->vm_maxsaddr && addr < vm->vm_stacktop ? vm :
	    NULL);
}

/*
 * A stack growth into [start, end) failed and nothing is mapped there
 * now: give the room back to the gap below it (the entry that ends at
 * `start`, if it is a stack gap), or make it a gap of its own: with
 * the stack above it, that is what a gap is.  (vm_map_wirefuture drops
 * the map lock, so the gap vm_map_growstack started from may be gone.)
 * A failure to make the gap leaves a hole, which faults as SIGSEGV.
 */
static void
vm_map_growstack_undo(vm_map_t map, vm_offset_t start, vm_offset_t end)
{
	vm_map_entry_t prev;

	if (!vm_map_lookup_entry(map, start - 1, &prev))
		prev = NULL;
	if (prev != NULL && prev->end == start &&
	    (prev->eflags & MAP_ENTRY_STACK_GAP_DN) != 0)
		vm_map_entry_set_end(prev, end);
	else
		(void)vm_map_insert(map, NULL, 0, start, end, VM_PROT_NONE,
		    VM_PROT_NONE, MAP_CREATE_GUARD | MAP_CREATE_STACK_GAP_DN);
}

/*
 * vm_map_growstack: a fault at `addr` hit the stack gap `gap`: grow the
 * stack entry above it down to cover `addr`, SGROWSIZ at a time, never
 * into the last STACK_GUARD bytes of the gap, never past the soft
 * RLIMIT_STACK for the main stack (counted in vm_ssize) nor past
 * RLIMIT_AS.  KERN_SUCCESS, KERN_NO_SPACE (no room or over a limit:
 * the access gets SIGSEGV, R72), KERN_FAILURE (the gap has no stack
 * above it any more), KERN_RESOURCE_SHORTAGE.  Map write-locked.
 *
 * After mlockall(MCL_FUTURE) (R23, the one stack-growth path): the
 * growth must also fit RLIMIT_MEMLOCK (trimmed below SGROWSIZ if what
 * the fault needs fits, else KERN_NO_SPACE), and the grown range is
 * user-wired (vm_map_wirefuture, which drops the map lock while it
 * faults the pages in) before the fault is retried; if that fails the
 * range goes back to the gap and the result is KERN_NO_SPACE (if even
 * that cannot be done, for want of the two map entries a clip may
 * need, the stack stays grown, whole and unwired).  May sleep then.
 */
static int
vm_map_growstack(vm_map_t map, vm_offset_t addr, vm_map_entry_t gap)
{
	struct proc *p = curthread->td_proc;
	struct vmspace *vm;
	vm_map_entry_t stack, grown;
	vm_offset_t gap_end;
	vm_size_t grow, max_grow, need, ssize;
	rlim_t stacklim, vmemlim;
	int rv, cow;

	vm_map_assert_wlocked(map);
	if (map->system_map)
		return (KERN_FAILURE);
	stack = TAILQ_NEXT(gap, link);
	if (stack == NULL || stack->start != gap->end ||
	    (stack->eflags & MAP_ENTRY_GROWS_DOWN) == 0)
		return (KERN_FAILURE);
	addr = trunc_page(addr);
	grow = stack->start - addr;
	max_grow = gap->end - gap->start;
	if (max_grow <= STACK_GUARD || grow > max_grow - STACK_GUARD)
		return (KERN_NO_SPACE);
	max_grow -= STACK_GUARD;
	vm = vm_map_procstack(map, addr);
	stacklim = p != NULL ? lim_cur(p, RLIMIT_STACK) : RLIM_INFINITY;
	vmemlim = p != NULL ? lim_cur(p, RLIMIT_VMEM) : RLIM_INFINITY;
	ssize = vm != NULL ? (vm_size_t)ptoa(vm->vm_ssize) : 0;
	if (vm != NULL && (rlim_t)(ssize + grow) > stacklim)
		return (KERN_NO_SPACE);
	/* Grow by a whole SGROWSIZ where room and the limit allow. */
	grow = roundup(grow, SGROWSIZ);
	if (grow > max_grow)
		grow = max_grow;
	if (vm != NULL && (rlim_t)(ssize + grow) > stacklim)
		grow = trunc_page((vm_size_t)stacklim) - ssize;
	if ((rlim_t)(map->size + grow) > vmemlim)
		return (KERN_NO_SPACE);
	/* R23: RLIMIT_MEMLOCK, for what the fault needs at least. */
	need = stack->start - addr;
	while (grow > need && vm_map_wirefuture_check(map, grow) !=
	    KERN_SUCCESS)
		grow = MAX(need, grow / 2 & ~(vm_size_t)PAGE_MASK);
	if (vm_map_wirefuture_check(map, grow) != KERN_SUCCESS)
		return (KERN_NO_SPACE);

	gap_end = gap->end;
	if (grow == gap->end - gap->start) {
		vm_map_entry_delete(map, gap);
		gap = NULL;
	} else
		vm_map_entry_set_end(gap, gap_end - grow);
	cow = MAP_STACK_GROWS_DOWN;
	if (stack->inheritance == VM_INHERIT_SHARE)
		cow |= MAP_INHERIT_SHARE;
	rv = vm_map_insert(map, NULL, 0, gap_end - grow, gap_end,
	    stack->protection, stack->max_protection, cow);
	if (rv != KERN_SUCCESS) {
		vm_map_growstack_undo(map, gap_end - grow, gap_end);
		return (rv);
	}
	/* NONE and ZERO are the stack's too (insert made it COPY). */
	if (vm_map_lookup_entry(map, gap_end - grow, &grown) &&
	    grown->inheritance != stack->inheritance &&
	    grown->start == gap_end - grow && grown->end == gap_end) {
		grown->inheritance = stack->inheritance;
		vm_map_simplify_entry(map, grown);
	}
	/* R23: wired before the fault is retried, or no growth at all. */
	if (vm_map_wirefuture(map, gap_end - grow, gap_end,
	    VM_MAP_WIRE_NOHOLES) != KERN_SUCCESS &&
	    vm_map_delete(map, gap_end - grow, gap_end) == KERN_SUCCESS) {
		vm_map_growstack_undo(map, gap_end - grow, gap_end);
		return (KERN_NO_SPACE);
	}
	if (vm != NULL)
		vm->vm_ssize += atop(grow);
	return (KERN_SUCCESS);
}

/* ---------------------------------------------------------------- */
/* Advice, sync and residency (madvise, msync, mincore) */

/*
 * MADV_FREE on [start, end) of `entry`: free the resident unwired pages
 * of its object if nobody else can see them (see vm_map.h).  Map
 * locked.
 */
static void
vm_map_entry_free_pages(vm_map_t map, vm_map_entry_t entry,
    vm_offset_t start, vm_offset_t end)
{
	vm_object_t object = entry->object;
	vm_pindex_t pindex, last;
	vm_page_t m;

	if (object == NULL)
		return;
	VM_OBJECT_WLOCK(object);
	if ((object->flags & (OBJ_ANON | OBJ_ONEMAPPING)) ==
	    (OBJ_ANON | OBJ_ONEMAPPING) && object->type == OBJT_DEFAULT &&
	    object->backing_object == NULL && object->shadow_count == 0) {
		pindex = atop(entry->offset + (start - entry->start));
		last = pindex + atop(end - start);
		while ((m = vm_page_find_least(object, pindex)) != NULL &&
		    m->pindex < last) {
			pindex = m->pindex + 1;
			if (m->wire_count > 0)
				continue;
			pmap_remove_all(m);
			vm_page_free(m);
		}
	}
	VM_OBJECT_WUNLOCK(object);
}

/*
 * Whether MADV_WILLNEED should fault the page at `va` in (see
 * vm_map.h).  Map locked.
 */
static bool
vm_map_willneed(vm_map_t map, vm_offset_t va)
{
	vm_map_entry_t entry;
	vm_object_t object, next;
	vm_pindex_t pindex;
	bool want = false;

	if (!vm_map_lookup_entry(map, va, &entry) ||
	    (entry->eflags & MAP_ENTRY_GUARD) != 0 ||
	    entry->wired_count != 0 ||
	    (entry->protection & VM_PROT_READ) == 0 ||
	    (object = entry->object) == NULL)
		return (false);
	if (pmap_extract(map->pmap, va) != 0)
		return (false);			/* mapped already */
	pindex = atop(entry->offset + (va - entry->start));
	VM_OBJECT_WLOCK(object);
	for (;;) {
		if (pindex >= object->size)
			break;
		if (vm_page_lookup(object, pindex) != NULL ||
		    (object->type != OBJT_DEFAULT &&
		    vm_pager_has_page(object, pindex))) {
			want = true;
			break;
		}
		if ((next = object->backing_object) == NULL)
			break;
		pindex += atop(object->backing_object_offset);
		VM_OBJECT_WLOCK(next);
		VM_OBJECT_WUNLOCK(object);
		object = next;
	}
	VM_OBJECT_WUNLOCK(object);
	return (want);
}

/*
 * vm_map_madvise: see vm_map.h.  FREE and DONTNEED hold the map for
 * writing: freeing pages and removing PTEs must not race a fault.
 */
int
vm_map_madvise(vm_map_t map, vm_offset_t start, vm_offset_t end, int behav)
{
	vm_map_entry_t entry;
	vm_offset_t s, e, va;
	bool want;

	switch (behav) {
	case MADV_NORMAL:
	case MADV_RANDOM:
	case MADV_SEQUENTIAL:
	case MADV_NOSYNC:
	case MADV_AUTOSYNC:
	case MADV_NOCORE:
	case MADV_CORE:
		return (KERN_SUCCESS);
	case MADV_WILLNEED:
		for (va = start; va < end; va += PAGE_SIZE) {
			vm_map_lock_read(map);
			want = vm_map_willneed(map, va);
			vm_map_unlock_read(map);
			if (want)
				(void)vm_fault(map, va, VM_PROT_READ,
				    VM_FAULT_NORMAL);
		}
		return (KERN_SUCCESS);
	case MADV_DONTNEED:
	case MADV_FREE:
		break;
	default:
		return (KERN_INVALID_ARGUMENT);
	}
	if (start >= end)
		return (KERN_SUCCESS);
	vm_map_lock(map);
	if (!vm_map_lookup_entry(map, start, &entry))
		entry = entry != NULL ? TAILQ_NEXT(entry, link) :
		    TAILQ_FIRST(&map->entries);
	for (; entry != NULL && entry->start < end;
	    entry = TAILQ_NEXT(entry, link)) {
		if ((entry->eflags & MAP_ENTRY_GUARD) != 0 ||
		    entry->wired_count != 0)
			continue;
		s = MAX(start, entry->start);
		e = MIN(end, entry->end);
		pmap_remove(map->pmap, s, e);
		if (behav == MADV_FREE)
			vm_map_entry_free_pages(map, entry, s, e);
	}
	vm_map_unlock(map);
	return (KERN_SUCCESS);
}

/*
 * The entry containing `start` if [start, end) is mapped without a
 * hole (guard entries count as mapped), else NULL.  Map locked.
 */
static vm_map_entry_t
vm_map_range_mapped(vm_map_t map, vm_offset_t start, vm_offset_t end)
{
	vm_map_entry_t first, entry;
	vm_offset_t covered;

	if (!vm_map_lookup_entry(map, start, &first))
		return (NULL);
	covered = first->start;
	for (entry = first; entry != NULL && covered < end;
	    entry = TAILQ_NEXT(entry, link)) {
		if (entry->start != covered)
			return (NULL);
		covered = entry->end;
	}
	return (covered >= end ? first : NULL);
}

/* vm_map_sync: see vm_map.h. */
int
vm_map_sync(vm_map_t map, vm_offset_t start, vm_offset_t end,
    bool invalidate)
{
	vm_map_entry_t first, entry;
	vm_object_t object;
	vm_pindex_t pstart, pend;

	if (start >= end)
		return (start == end ? KERN_SUCCESS : KERN_INVALID_ADDRESS);
	vm_map_lock_read(map);
	if ((first = vm_map_range_mapped(map, start, end)) == NULL) {
		vm_map_unlock_read(map);
		return (KERN_INVALID_ADDRESS);
	}
	if (!invalidate) {
		vm_map_unlock_read(map);
		return (KERN_SUCCESS);
	}
	/* R56: locked pages cannot be invalidated; check all first. */
	for (entry = first; entry != NULL && entry->start < end;
	    entry = TAILQ_NEXT(entry, link))
		if ((entry->eflags & MAP_ENTRY_USER_WIRED) != 0) {
			vm_map_unlock_read(map);
			return (KERN_INVALID_ARGUMENT);
		}
	for (entry = first; entry != NULL && entry->start < end;
	    entry = TAILQ_NEXT(entry, link)) {
		object = entry->object;
		if (object == NULL || object->type == OBJT_DEFAULT ||
		    (object->flags & OBJ_ANON) != 0)
			continue;
		pstart = atop(entry->offset + (MAX(start, entry->start) -
		    entry->start));
		pend = pstart + atop(MIN(end, entry->end) -
		    MAX(start, entry->start));
		VM_OBJECT_WLOCK(object);
		vm_object_page_remove(object, pstart, pend, OBJPR_CLEANONLY);
		VM_OBJECT_WUNLOCK(object);
	}
	vm_map_unlock_read(map);
	return (KERN_SUCCESS);
}

/* mincore's byte for `va` in `entry`.  Map locked. */
static uint8_t
vm_map_mincore_page(vm_map_t map, vm_map_entry_t entry, vm_offset_t va)
{
	vm_page_t m;
	uint8_t val;

	if ((entry->eflags & MAP_ENTRY_GUARD) != 0)
		return (0);
	val = (uint8_t)pmap_mincore(map->pmap, va);
	m = vm_fault_entry_page(entry, va);
	if (m == NULL || m->valid == 0)
		return (val);
	val |= MINCORE_INCORE;
	if (m->dirty != 0 || ((m->oflags & VPO_UNMANAGED) == 0 &&
	    pmap_is_modified(m)))
		val |= MINCORE_MODIFIED_OTHER;
	return (val);
}

/* vm_map_mincore: see vm_map.h. */
int
vm_map_mincore(vm_map_t map, vm_offset_t start, vm_offset_t end,
    uint8_t *vec)
{
	vm_map_entry_t entry;
	vm_offset_t va;

	vm_map_lock_read(map);
	if ((entry = vm_map_range_mapped(map, start, end)) == NULL) {
		vm_map_unlock_read(map);
		return (KERN_INVALID_ADDRESS);
	}
	for (va = start; va < end; va += PAGE_SIZE) {
		while (va >= entry->end)
			entry = TAILQ_NEXT(entry, link);
		*vec++ = vm_map_mincore_page(map, entry, va);
	}
	vm_map_unlock_read(map);
	return (KERN_SUCCESS);
}

/* ---------------------------------------------------------------- */
/* The fault path */

/*
 * vm_map_lookup: see vm_map.h.  Takes the map read lock; upgrades it
 * to give an entry its first object or its shadow (and downgrades), and
 * starts over if the upgrade had to let go of the lock.
 */
int
vm_map_lookup(vm_map_t *var_map, vm_offset_t vaddr, vm_prot_t fault_type,
    vm_map_entry_t *out_entry, vm_object_t *object, vm_pindex_t *pindex,
    vm_prot_t *out_prot, bool *wired)
{
	vm_map_t map = *var_map;
	vm_map_entry_t entry;
	vm_prot_t prot;
	bool copy = (fault_type & VM_PROT_COPY) != 0;
	int rv;

	fault_type &= VM_PROT_ALL;
retry:
	vm_map_lock_read(map);
	if (!vm_map_lookup_entry(map, vaddr, &entry)) {
		vm_map_unlock_read(map);
		return (KERN_INVALID_ADDRESS);
	}
	if ((entry->eflags & MAP_ENTRY_STACK_GAP_DN) != 0) {
		/* A stack's gap: grow the stack, then look again. */
		if (vm_map_lock_upgrade(map))
			goto retry;
		rv = vm_map_growstack(map, vaddr, entry);
		vm_map_unlock(map);
		if (rv == KERN_SUCCESS)
			goto retry;
		return (rv == KERN_RESOURCE_SHORTAGE ? rv :
		    KERN_INVALID_ADDRESS);
	}
	prot = entry->protection;
	if (prot == VM_PROT_NONE || (fault_type & prot) != fault_type) {
		vm_map_unlock_read(map);
		return (KERN_PROTECTION_FAILURE);
	}
	if ((entry->eflags & (MAP_ENTRY_NOFAULT | MAP_ENTRY_GUARD)) != 0) {
		vm_map_unlock_read(map);
		return (KERN_INVALID_ADDRESS);
	}
	/* A debugger's write: private entries, or ones that may be written. */
	if (copy && (entry->eflags & MAP_ENTRY_COW) == 0 &&
	    (entry->max_protection & VM_PROT_WRITE) == 0) {
		vm_map_unlock_read(map);
		return (KERN_PROTECTION_FAILURE);
	}
	/* I-E7; see vm_map_entry_protect(). */
	KASSERT((entry->eflags & (MAP_ENTRY_USER_WIRED | MAP_ENTRY_NEEDS_COPY))
	    != (MAP_ENTRY_USER_WIRED | MAP_ENTRY_NEEDS_COPY) ||
	    (prot & VM_PROT_WRITE) == 0,
	    ("vm_map_lookup: user-wired writable entry %p needs a copy "
	    "(I-E7)", entry));
	*wired = entry->wired_count != 0;
	/* R71: a wired entry's pages are made ready for all it allows. */
	if (*wired)
		fault_type = prot;
	/*
	 * I-E7: a wired private entry that mprotect could make writable
	 * gets its own copies now (see vm_fault_once), so it needs no
	 * copy later: write for the shadowing below.
	 */
	if (VM_MAP_ENTRY_WIRED_PRIVATE(entry))
		fault_type |= VM_PROT_WRITE;

	if (entry->object == NULL) {
		/* First fault on anonymous memory: nothing to copy yet. */
		if (vm_map_lock_upgrade(map))
			goto retry;
		if (!vm_map_entry_charge_object(entry)) {
			vm_map_unlock(map);
			return (KERN_RESOURCE_SHORTAGE);
		}
		vm_map_lock_downgrade(map);
	} else if ((entry->eflags & MAP_ENTRY_NEEDS_COPY) != 0) {
		if ((fault_type & VM_PROT_WRITE) != 0 || copy) {
			/* The write gets the entry's own shadow object. */
			if (vm_map_lock_upgrade(map))
				goto retry;
			if (!vm_object_shadow(&entry->object, &entry->offset,
			    entry->end - entry->start)) {
				vm_map_unlock(map);
				return (KERN_RESOURCE_SHORTAGE);
			}
			entry->eflags &= ~MAP_ENTRY_NEEDS_COPY;
			vm_map_lock_downgrade(map);
		} else {
			/* A read maps the shared page read-only. */
			prot &= ~VM_PROT_WRITE;
		}
	}
	*pindex = atop((vaddr - entry->start) + entry->offset);
	*object = entry->object;
	*out_prot = prot;
	*out_entry = entry;
	return (KERN_SUCCESS);
}

/* vm_map_lookup_done: release what vm_map_lookup returned locked. */
void
vm_map_lookup_done(vm_map_t map, vm_map_entry_t entry)
{
	(void)entry;
	vm_map_unlock_read(map);
}

/* ---------------------------------------------------------------- */
/* Checking */

#define CHECK_FAIL(...) do {						\
	printf("vm_map_check: map %p: ", map);				\
	printf(__VA_ARGS__);						\
	printf("\n");							\
	bad++;								\
} while (0)

/*
 * Recompute max_free below `entry` into *max_free; count the entries
 * whose stored value differs.
 */
static int
vm_map_check_max_free(vm_map_t map, vm_map_entry_t entry,
    vm_size_t *max_free)
{
	vm_size_t m, child;
	int bad = 0;

	if (entry == NULL) {
		*max_free = 0;
		return (0);
	}
	m = vm_map_entry_gap(entry);
	bad += vm_map_check_max_free(map, RB_LEFT(entry, rb), &child);
	if (child > m)
		m = child;
	bad += vm_map_check_max_free(map, RB_RIGHT(entry, rb), &child);
	if (child > m)
		m = child;
	if (entry->max_free != m)
		CHECK_FAIL("entry %#lx-%#lx: max_free %#lx, recomputed %#lx",
		    (u_long)entry->start, (u_long)entry->end,
		    (u_long)entry->max_free, (u_long)m);
	*max_free = m;
	return (bad);
}

/* The invariants of one entry (SEMANTICS 1.2) that need no pages. */
static int
vm_map_check_entry(vm_map_t map, vm_map_entry_t e)
{
	int bad = 0;

	if (e->start >= e->end || ((e->start | e->end) & PAGE_MASK) != 0)
		CHECK_FAIL("entry %#lx-%#lx: empty or unaligned",
		    (u_long)e->start, (u_long)e->end);
	if (e->start < map->min_offset || e->end > map->max_offset)
		CHECK_FAIL("entry %#lx-%#lx: outside the map",
		    (u_long)e->start, (u_long)e->end);
	if ((e->protection & e->max_protection) != e->protection)
		CHECK_FAIL("entry %#lx: protection %#x beyond max %#x",
		    (u_long)e->start, e->protection, e->max_protection);
	if (e->wired_count < 0)
		CHECK_FAIL("entry %#lx: wired_count %d (I-E1)",
		    (u_long)e->start, e->wired_count);
	if ((e->eflags & MAP_ENTRY_USER_WIRED) != 0 && e->wired_count < 1)
		CHECK_FAIL("entry %#lx: user-wired, wired_count %d (I-E2)",
		    (u_long)e->start, e->wired_count);
	if (((e->eflags & MAP_ENTRY_IN_TRANSITION) != 0) !=
	    (e->wiring_thread != NULL))
		CHECK_FAIL("entry %#lx: in transition %d, wiring thread %p "
		    "(I-E4)", (u_long)e->start,
		    (e->eflags & MAP_ENTRY_IN_TRANSITION) != 0,
		    e->wiring_thread);
	if ((e->eflags & (MAP_ENTRY_USER_WIRED | MAP_ENTRY_NEEDS_COPY)) ==
	    (MAP_ENTRY_USER_WIRED | MAP_ENTRY_NEEDS_COPY) &&
	    (e->protection & VM_PROT_WRITE) != 0)
		CHECK_FAIL("entry %#lx: user-wired, writable, needs copy "
		    "(I-E7)", (u_long)e->start);
	if ((e->eflags & MAP_ENTRY_GUARD) != 0 && (e->wired_count != 0 ||
	    e->object != NULL || e->max_protection != VM_PROT_NONE))
		CHECK_FAIL("entry %#lx: guard with wired_count %d, object %p, "
		    "max protection %#x (I-E8)", (u_long)e->start,
		    e->wired_count, e->object, e->max_protection);
	if ((e->eflags & MAP_ENTRY_STACK_GAP_DN) != 0 &&
	    (e->eflags & MAP_ENTRY_GUARD) == 0)
		CHECK_FAIL("entry %#lx: stack gap that is not a guard",
		    (u_long)e->start);
	if ((e->eflags & (MAP_ENTRY_GROWS_DOWN | MAP_ENTRY_GUARD)) ==
	    (MAP_ENTRY_GROWS_DOWN | MAP_ENTRY_GUARD))
		CHECK_FAIL("entry %#lx: a guard that grows down",
		    (u_long)e->start);
	if ((e->eflags & MAP_ENTRY_NOFAULT) != 0 && e->object != NULL)
		CHECK_FAIL("entry %#lx: no-fault entry with an object",
		    (u_long)e->start);
	return (bad);
}

/* vm_map_check: see vm_map.h.  Visits every entry: O(n). */
int
vm_map_check(vm_map_t map)
{
	vm_map_entry_t e, t, prev;
	vm_size_t size, max_free;
	int bad = 0, n = 0;
	bool hint_found = false;

	vm_map_assert_locked(map);
	size = 0;
	prev = NULL;
	t = RB_MIN(vm_map_tree, &map->root);
	TAILQ_FOREACH(e, &map->entries, link) {
		n++;
		if (e == map->hint)
			hint_found = true;
		bad += vm_map_check_entry(map, e);
		if (prev != NULL && e->start < prev->end)
			CHECK_FAIL("entry %#lx-%#lx overlaps or precedes "
			    "%#lx-%#lx", (u_long)e->start, (u_long)e->end,
			    (u_long)prev->start, (u_long)prev->end);
		if (t != e)
			CHECK_FAIL("entry %d of the list (%#lx) is not entry %d "
			    "of the tree (%p)", n, (u_long)e->start, n, t);
		if (t != NULL)
			t = RB_NEXT(vm_map_tree, &map->root, t);
		if ((e->eflags & MAP_ENTRY_GUARD) == 0)
			size += e->end - e->start;
		prev = e;
	}
	if (t != NULL)
		CHECK_FAIL("the tree has more entries than the list (%d)", n);
	if (map->hint != NULL && !hint_found)
		CHECK_FAIL("the hint %p is not an entry of the map", map->hint);
	if (n != map->nentries)
		CHECK_FAIL("nentries %d, %d in the list", map->nentries, n);
	if (size != map->size)
		CHECK_FAIL("size %#lx, entries add up to %#lx",
		    (u_long)map->size, (u_long)size);
	if (RB_CHECK(vm_map_tree, &map->root) < 0)
		CHECK_FAIL("the red-black tree is broken");
	else
		bad += vm_map_check_max_free(map, RB_ROOT(&map->root),
		    &max_free);
	return (bad);
}
