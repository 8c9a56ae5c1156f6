/*
 * vm_wirefuture.c - mlockall(MCL_FUTURE): the wiring of the mappings a
 * process makes after it asked for it (SEMANTICS R21-R24 and the
 * decisions table).  mlockall(MCL_FUTURE) sets the map's MAP_WIREFUTURE
 * (vm_mlock.c); every path that makes a user mapping then goes through
 * the two functions here, at one place each:
 *
 *	path				check			hook
 *	mmap (all kinds, MAP_STACK)	sys_mmap, before	sys_mmap, after
 *	brk/sbrk growing the heap	sys_break, before	sys_break, after
 *	stack growth on a fault		vm_map_growstack	vm_map_growstack
 *
 * vm_map_wirefuture_check is the limit check a path makes before it
 * changes anything; vm_map_wirefuture is the hook it calls right after
 * inserting the mapping, under the same hold of the map lock, so that
 * no other thread ever sees the new mapping unwired.  If the hook fails
 * nothing of the range is wired (the engine is all or nothing, R3) and
 * the caller undoes its own mapping (an mmap or brk fails with EAGAIN,
 * a stack growth becomes SIGSEGV): the caller knows what it inserted
 * (a stack's gap must be given its room back, for instance).
 *
 * Exec (the flag is cleared first, R27) and fork (the child's map
 * starts without it, R26) map without the hook.
 */
#include <kernel/systm.h>
#include <kernel/proc.h>
#include <kernel/resourcevar.h>
#include <vm/vm.h>
#include <vm/vm_map.h>
#include <vm/pmap.h>

/*
 * vm_map_wirefuture_check: see vm_map.h.  The user-wire count is read
 * without its mutex: this is an early answer that saves a MAP_FIXED
 * mmap from losing what it replaces; the engine's own check, under the
 * mutex, is the one that holds.
 */
int
vm_map_wirefuture_check(vm_map_t map, vm_size_t bytes)
{
	struct proc *p = curthread != NULL ? curthread->td_proc : NULL;
	uint64_t wired;
	rlim_t lim;

	vm_map_assert_locked(map);
	if ((map->flags & MAP_WIREFUTURE) == 0 || bytes == 0)
		return (KERN_SUCCESS);
	if (atop(bytes) > vm_page_max_user_wired ||
	    vm_user_wire_count > vm_page_max_user_wired - atop(bytes))
		return (KERN_RESOURCE_SHORTAGE);		/* R76 */
	lim = p != NULL ? lim_cur(p, RLIMIT_MEMLOCK) : RLIM_INFINITY;
	if (lim == RLIM_INFINITY)
		return (KERN_SUCCESS);
	wired = (uint64_t)ptoa((uint64_t)pmap_wired_count(vm_map_pmap(map)));
	if (lim < 0 || wired + bytes > (uint64_t)lim)
		return (KERN_RESOURCE_SHORTAGE);		/* R21 */
	return (KERN_SUCCESS);
}

/* vm_map_wirefuture: see vm_map.h. */
int
vm_map_wirefuture(vm_map_t map, vm_offset_t start, vm_offset_t end,
    int flags)
{
	vm_map_assert_wlocked(map);
	if ((map->flags & MAP_WIREFUTURE) == 0 || start >= end)
		return (KERN_SUCCESS);
	return (vm_map_wire_locked(map, start, end, VM_MAP_WIRE_USER |
	    (flags & VM_MAP_WIRE_HOLESOK)));
}
