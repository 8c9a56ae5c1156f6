/*
 * vm_map_wire.c - the wiring engine: vm_map_wire and vm_map_unwire
 * (SEMANTICS 2.A, 2.E, 2.F, 2.G), the user-wire counter (R35) and the
 * full unwiring of an entry that vm_map_delete uses (R45).
 *
 * An entry's wired_count (WC) is its user wiring (UW, the flag
 * MAP_ENTRY_USER_WIRED, 0 or 1) plus any number of system wirings
 * (I-E2, R34).  Pages are wired once per entry, not once per wiring
 * (I-E3): when WC goes 0 -> 1 every page is faulted in and wired, with
 * the reason of that first wiring (user or system), which the entry
 * remembers in MAP_ENTRY_WIRED_SYSTEM so that the last unwiring drops
 * the same reason whatever kind of wiring it is.
 *
 * Both operations have two passes over the range.  The first clips the
 * entries to the range and marks each one in transition, owned by this
 * thread (I-E4); for a wiring it also counts the wiring and, for an
 * entry going 0 -> 1, drops the map lock (the map marked busy, I-M2)
 * and faults the pages in.  The second pass walks the range again and
 * touches only the entries this thread marked (R38: entries another
 * thread mapped into a gap meanwhile are left alone): it commits, or
 * on failure undoes exactly what the first pass did (R3, R7), clears
 * the marks, wakes waiters (R41) and merges equal neighbours (R13).
 *
 * Locking: the map lock, taken here; dropped only while faulting and
 * while waiting for an entry another thread has in transition
 * (vm_map_unlock_and_wait: no lost wake-up; only a kill ends that wait
 * early, and then what was marked is undone and the result is
 * KERN_FAILURE, R68).  vm_user_wire_count has
 * its own spin mutex (maps are locked independently).
 */
#include <kernel/systm.h>
#include <kernel/cmdline.h>
#include <kernel/mutex.h>
#include <kernel/proc.h>
#include <kernel/sleep.h>
#include <kernel/sysctl.h>
#include <sys/errno.h>
#include <vm/vm.h>
#include <vm/vm_map.h>
#include <vm/vm_object.h>
#include <vm/vm_page.h>
#include <vm/vmmeter.h>
#include <vm/pmap.h>

u_long	vm_user_wire_count;
u_long	vm_page_max_user_wired;
static struct mtx vm_user_wire_mtx = MTX_INITIALIZER("user wire count");

SYSCTL_ULONG(v_user_wire_count, "vm.stats.vm.v_user_wire_count",
    &vm_user_wire_count, "virtual pages user-wired (mlock), per entry");
SYSCTL_ULONG(max_user_wired, "vm.max_user_wired", &vm_page_max_user_wired,
    "most pages user wirings may have, system-wide");

/* The system wirings of an entry (SWC = WC - UW, I-E2). */
#define ENTRY_UW(e)	(((e)->eflags & MAP_ENTRY_USER_WIRED) != 0)
#define ENTRY_SWC(e)	((e)->wired_count - ENTRY_UW(e))
#define ENTRY_NPAGES(e)	atop((e)->end - (e)->start)
#define ENTRY_OURS(e)							\
	(((e)->eflags & MAP_ENTRY_IN_TRANSITION) != 0 &&		\
	(e)->wiring_thread == curthread)

/*
 * vm_map_wire_init: see vm_map.h.  The boot tunable vm.max_user_wired
 * (pages, on the kernel command line) wins over the default.
 */
void
vm_map_wire_init(void)
{
	const char *v;
	u_long n;

	vm_page_max_user_wired = vm_cnt.v_free_count / 5 * 4;
	if ((v = kern_getenv("vm.max_user_wired")) != NULL && *v != '\0') {
		for (n = 0; *v >= '0' && *v <= '9'; v++)
			n = n * 10 + (u_long)(*v - '0');
		vm_page_max_user_wired = n;
	}
}

/* Charge `npages` user-wired pages; false if over the cap (R76). */
static bool
vm_map_wire_user_count_add(u_long npages)
{
	bool ok;

	mtx_lock(&vm_user_wire_mtx);
	ok = npages <= vm_page_max_user_wired &&
	    vm_user_wire_count <= vm_page_max_user_wired - npages;
	if (ok)
		vm_user_wire_count += npages;
	mtx_unlock(&vm_user_wire_mtx);
	return (ok);
}

/* Give `npages` user-wired pages back. */
static void
vm_map_wire_user_count_sub(u_long npages)
{
	mtx_lock(&vm_user_wire_mtx);
	KASSERT(vm_user_wire_count >= npages, ("vm_map_wire_user_count_sub: "
	    "%lu < %lu (R35)", vm_user_wire_count, npages));
	vm_user_wire_count -= npages;
	mtx_unlock(&vm_user_wire_mtx);
}

static enum vm_wire_reason
vm_map_entry_wire_reason(vm_map_entry_t entry)
{
	return ((entry->eflags & MAP_ENTRY_WIRED_SYSTEM) != 0 ?
	    VM_WIRE_SYSTEM : VM_WIRE_USER);
}

/* Drop the pages' wirings and the PTEs' wired bits of `entry` (R8). */
static void
vm_map_entry_unwire_pages(vm_map_t map, vm_map_entry_t entry)
{
	vm_fault_unwire(map, entry->start, entry->end,
	    vm_map_entry_wire_reason(entry));
	entry->wired_count = 0;
	entry->eflags &= ~MAP_ENTRY_WIRED_SYSTEM;
}

/* vm_map_entry_unwire: see vm_map.h. */
void
vm_map_entry_unwire(vm_map_t map, vm_map_entry_t entry)
{
	vm_map_assert_wlocked(map);
	KASSERT(entry->wired_count > 0 && (entry->eflags &
	    (MAP_ENTRY_GUARD | MAP_ENTRY_IN_TRANSITION)) == 0,
	    ("vm_map_entry_unwire: entry %p wired %d flags %#x", entry,
	    entry->wired_count, entry->eflags));
	if (ENTRY_UW(entry)) {
		vm_map_wire_user_count_sub(ENTRY_NPAGES(entry));
		entry->eflags &= ~MAP_ENTRY_USER_WIRED;
	}
	vm_map_entry_unwire_pages(map, entry);
}

/* Can `entry` be wired (R6)? */
static bool
vm_map_entry_wirable(vm_map_entry_t entry, int flags)
{
	if ((entry->eflags & MAP_ENTRY_GUARD) != 0 ||
	    (entry->protection & (VM_PROT_READ | VM_PROT_EXECUTE)) == 0)
		return (false);
	return ((flags & VM_MAP_WIRE_WRITE) == 0 ||
	    (entry->protection & VM_PROT_WRITE) != 0);
}

/*
 * The first entry at or after `addr`: *entry.  false if `addr` itself
 * is not mapped (*entry is then the next entry, or NULL).
 */
static bool
vm_map_wire_lookup(vm_map_t map, vm_offset_t addr, vm_map_entry_t *entry)
{
	if (vm_map_lookup_entry(map, addr, entry))
		return (true);
	*entry = *entry != NULL ? TAILQ_NEXT(*entry, link) :
	    TAILQ_FIRST(&map->entries);
	return (false);
}

/*
 * The first pass of vm_map_wire_locked and vm_map_unwire, for the entry
 * *entryp at the head of their loop over [start, *endp): an entry in
 * transition under another thread is waited for and the range looked
 * up again (R40; a kill ends the wait, R68): KERN_RESTART, with
 * *entryp the entry to go on with.  Otherwise the entry is clipped to
 * the range and marked in transition by this thread: KERN_SUCCESS.
 * On an error the pass stops and *endp says where (what this call
 * marked before it is undone by the second pass): KERN_FAILURE
 * (killed), KERN_INVALID_ADDRESS (NOHOLES and the address is gone),
 * KERN_RESOURCE_SHORTAGE (no entry for a clip).  Map write-locked; may
 * sleep.
 */
static int
vm_map_wire_take(vm_map_t map, vm_map_entry_t *entryp, vm_offset_t start,
    vm_offset_t *endp, bool holesok)
{
	vm_map_entry_t entry = *entryp;
	vm_offset_t addr;
	int error;

	if ((entry->eflags & MAP_ENTRY_IN_TRANSITION) != 0) {
		KASSERT(entry->wiring_thread != curthread,
		    ("vm_map_wire: own entry %p met again", entry));
		addr = entry->start > start ? entry->start : start;
		entry->eflags |= MAP_ENTRY_NEEDS_WAKEUP;
		error = vm_map_unlock_and_wait_flags(map, PKILL, 0);
		vm_map_lock(map);
		if (error == EINTR) {
			*endp = addr;		/* R68: undo as for a hole */
			return (KERN_FAILURE);
		}
		if (!vm_map_wire_lookup(map, addr, entryp) && !holesok) {
			*endp = addr;
			return (KERN_INVALID_ADDRESS);
		}
		return (KERN_RESTART);
	}
	if (vm_map_clip_start(map, entry, start) != KERN_SUCCESS ||
	    vm_map_clip_end(map, entry, *endp) != KERN_SUCCESS) {
		*endp = entry->start;
		return (KERN_RESOURCE_SHORTAGE);
	}
	entry->eflags |= MAP_ENTRY_IN_TRANSITION;
	entry->wiring_thread = curthread;
	return (KERN_SUCCESS);
}

/*
 * The second pass: for each entry in [start, end) that this thread has
 * in transition, `fn` commits or undoes, then the mark goes, sleepers
 * are woken and neighbours merged.
 */
static void
vm_map_wire_finish(vm_map_t map, vm_offset_t start, vm_offset_t end,
    void (*fn)(vm_map_t, vm_map_entry_t, int, int), int flags, int rv)
{
	vm_map_entry_t entry, next;

	(void)vm_map_wire_lookup(map, start, &entry);
	for (; entry != NULL && entry->start < end; entry = next) {
		next = TAILQ_NEXT(entry, link);
		if (!ENTRY_OURS(entry))
			continue;	/* R38: not this call's */
		fn(map, entry, flags, rv);
		entry->eflags &= ~(MAP_ENTRY_IN_TRANSITION |
		    MAP_ENTRY_NEEDS_WAKEUP | MAP_ENTRY_WIRE_SKIPPED);
		entry->wiring_thread = NULL;
		vm_map_simplify_entry(map, entry);	/* R13 */
		next = TAILQ_NEXT(entry, link);
	}
	vm_map_wakeup(map);
}

/* Wiring, second pass, one entry: commit or undo (R3, R7). */
static void
vm_map_wire_entry_done(vm_map_t map, vm_map_entry_t entry, int flags,
    int rv)
{
	bool user = (flags & VM_MAP_WIRE_USER) != 0;

	if ((entry->eflags & MAP_ENTRY_WIRE_SKIPPED) != 0)
		return;
	if (entry->wired_count == -1) {
		/* I-E1: its fault failed and was undone already. */
		entry->wired_count = 0;
		entry->eflags &= ~MAP_ENTRY_WIRED_SYSTEM;
		return;
	}
	if (user && ENTRY_UW(entry))
		return;			/* R5: it had the user wiring before */
	if (rv == KERN_SUCCESS) {
		if (user)
			entry->eflags |= MAP_ENTRY_USER_WIRED;
		return;
	}
	if (user)
		vm_map_wire_user_count_sub(ENTRY_NPAGES(entry));
	if (entry->wired_count == 1)
		vm_map_entry_unwire_pages(map, entry);	/* wired by us */
	else
		entry->wired_count--;
}

/* vm_map_wire: see vm_map.h. */
int
vm_map_wire(vm_map_t map, vm_offset_t start, vm_offset_t end, int flags)
{
	int rv;

	vm_map_lock(map);
	rv = vm_map_wire_locked(map, start, end, flags);
	vm_map_unlock(map);
	return (rv);
}

/*
 * Fault in the pages of `entry`, whose wired_count just went 0 -> 1,
 * with the map unlocked.  On failure every piece of the entry (another
 * thread may have clipped it, R42) gets the -1 sentinel (I-E1) and its
 * user charge back.  Returns the fault's code and, in *last, the piece
 * that ends the entry's old range.
 */
static int
vm_map_wire_fault(vm_map_t map, vm_map_entry_t entry, bool user,
    vm_map_entry_t *last)
{
	vm_offset_t saved_start, saved_end;
	vm_map_entry_t e;
	int rv;

	saved_start = entry->start;
	saved_end = entry->end;
	vm_map_busy(map);
	vm_map_unlock(map);
	rv = vm_fault_wire(map, saved_start, saved_end,
	    user ? VM_WIRE_USER : VM_WIRE_SYSTEM);
	vm_map_lock(map);
	vm_map_unbusy(map);
	if (!vm_map_lookup_entry(map, saved_end - PAGE_SIZE, last) ||
	    !ENTRY_OURS(*last))
		panic("vm_map_wire: entry %#lx-%#lx lost while faulting",
		    (u_long)saved_start, (u_long)saved_end);
	if (rv != KERN_SUCCESS) {
		if (user)
			vm_map_wire_user_count_sub(atop(saved_end -
			    saved_start));
		(void)vm_map_lookup_entry(map, saved_start, &e);
		for (; e != NULL && e->start < saved_end;
		    e = TAILQ_NEXT(e, link))
			e->wired_count = -1;
	}
	return (rv);
}

/*
 * vm_map_wire_locked: see vm_map.h.  On failure the first pass stops at
 * the entry that failed and `end` becomes that entry's end, so that the
 * second pass covers exactly the entries marked.
 */
int
vm_map_wire_locked(vm_map_t map, vm_offset_t start, vm_offset_t end,
    int flags)
{
	vm_map_entry_t entry, next;
	bool holesok, user;
	int rv;

	vm_map_assert_wlocked(map);
	if (start < map->min_offset)
		start = map->min_offset;	/* R2 */
	if (end > map->max_offset)
		end = map->max_offset;
	if (start >= end)
		return (KERN_SUCCESS);		/* R1 */
	user = (flags & VM_MAP_WIRE_USER) != 0;
	holesok = (flags & VM_MAP_WIRE_HOLESOK) != 0;
	rv = KERN_SUCCESS;
	if (!vm_map_wire_lookup(map, start, &entry) && !holesok)
		return (KERN_INVALID_ADDRESS);	/* R37 */
	while (entry != NULL && entry->start < end) {
		rv = vm_map_wire_take(map, &entry, start, &end, holesok);
		if (rv == KERN_RESTART) {
			rv = KERN_SUCCESS;
			continue;
		}
		if (rv != KERN_SUCCESS)
			break;
		if (!vm_map_entry_wirable(entry, flags)) {
			entry->eflags |= MAP_ENTRY_WIRE_SKIPPED;
			if (!holesok) {
				rv = KERN_INVALID_ADDRESS;	/* R6 */
				end = entry->end;
				break;
			}
		} else if (user && ENTRY_UW(entry)) {
			/* R5: user wirings do not nest. */
		} else {
			/* R35: charge on every UW 0 -> 1. */
			if (user &&
			    !vm_map_wire_user_count_add(ENTRY_NPAGES(entry))) {
				/* R76: nothing changed in this entry. */
				entry->eflags |= MAP_ENTRY_WIRE_SKIPPED;
				rv = KERN_RESOURCE_SHORTAGE;
				end = entry->end;
				break;
			}
			if (entry->wired_count++ == 0) {
				/* R4: the first wiring faults everything. */
				if (!user)
					entry->eflags |=
					    MAP_ENTRY_WIRED_SYSTEM;
				rv = vm_map_wire_fault(map, entry, user,
				    &entry);
				if (rv != KERN_SUCCESS) {
					end = entry->end;
					break;
				}
			}
		}
		next = TAILQ_NEXT(entry, link);
		if (!holesok && entry->end < end &&
		    (next == NULL || next->start != entry->end)) {
			rv = KERN_INVALID_ADDRESS;	/* R37: a gap */
			end = entry->end;
			break;
		}
		entry = next;
	}
	vm_map_wire_finish(map, start, end, vm_map_wire_entry_done, flags,
	    rv);
	return (rv);
}

/* Unwiring, second pass, one entry: drop one wiring if all went well. */
static void
vm_map_unwire_entry_done(vm_map_t map, vm_map_entry_t entry, int flags,
    int rv)
{
	if (rv != KERN_SUCCESS)
		return;
	if ((flags & VM_MAP_WIRE_USER) != 0) {
		if (!ENTRY_UW(entry))
			return;				/* R9: skipped */
		vm_map_wire_user_count_sub(ENTRY_NPAGES(entry));	/* R35 */
		entry->eflags &= ~MAP_ENTRY_USER_WIRED;
	}
	KASSERT(entry->wired_count > 0, ("vm_map_unwire: entry %p wired %d",
	    entry, entry->wired_count));
	if (entry->wired_count == 1)
		vm_map_entry_unwire_pages(map, entry);	/* R8 */
	else
		entry->wired_count--;
}

/* vm_map_unwire: see vm_map.h. */
int
vm_map_unwire(vm_map_t map, vm_offset_t start, vm_offset_t end, int flags)
{
	vm_map_entry_t entry, next;
	bool holesok, user;
	int rv;

	vm_map_lock(map);
	if (start < map->min_offset)
		start = map->min_offset;
	if (end > map->max_offset)
		end = map->max_offset;
	if (start >= end) {
		vm_map_unlock(map);
		return (KERN_SUCCESS);
	}
	user = (flags & VM_MAP_WIRE_USER) != 0;
	holesok = (flags & VM_MAP_WIRE_HOLESOK) != 0;
	rv = KERN_SUCCESS;
	if (!vm_map_wire_lookup(map, start, &entry) && !holesok) {
		vm_map_unlock(map);
		return (KERN_INVALID_ADDRESS);
	}
	while (entry != NULL && entry->start < end) {
		rv = vm_map_wire_take(map, &entry, start, &end, holesok);
		if (rv == KERN_RESTART) {
			rv = KERN_SUCCESS;
			continue;
		}
		if (rv != KERN_SUCCESS)
			break;
		if (!user && ENTRY_SWC(entry) == 0) {
			rv = KERN_INVALID_ARGUMENT;	/* R9 */
			end = entry->end;
			break;
		}
		next = TAILQ_NEXT(entry, link);
		if (!holesok && entry->end < end &&
		    (next == NULL || next->start != entry->end)) {
			rv = KERN_INVALID_ADDRESS;	/* R12, R37 */
			end = entry->end;
			break;
		}
		entry = next;
	}
	vm_map_wire_finish(map, start, end, vm_map_unwire_entry_done, flags,
	    rv);
	vm_map_unlock(map);
	return (rv);
}
