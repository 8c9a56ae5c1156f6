/*
 * vm_mlock.c - the memory-locking system calls: mlock, munlock,
 * mlockall and munlockall (SEMANTICS 2.B, 2.C, R77, R78).  The work is
 * the wiring engine's (vm_map_wire.c); here are the checks, in
 * FreeBSD's order, and the errnos.
 *
 * Decisions (SEMANTICS "Decisions" table):
 *  - privilege: anyone may lock while security.bsd.unprivileged_mlock
 *    is 1 (the default); when it is 0, only root (PRIV_VM_MLOCK,
 *    PRIV_VM_MUNLOCK), others get EPERM before any argument check.
 *    It is a boot-time tunable (kernel command line
 *    "security.bsd.unprivileged_mlock=0"), readable through sysctl.
 *  - RLIMIT_MEMLOCK bounds root too (root's default is infinite).
 *    mlock counts only the pages this call newly wires (entries with no
 *    wiring yet), added to the pages the process has wired (its pmap's
 *    wired count): re-locking locked memory is never refused (R15
 *    decision).  Lowering the limit never unlocks anything (R78).
 *  - mlock/munlock accept any address (rounded to pages); a range that
 *    wraps is EINVAL; one beyond the user part of the address space is
 *    clamped (R2) and so does nothing there.
 *  - mlockall(MCL_FUTURE) sets the map's MAP_WIREFUTURE; a failed
 *    mlockall leaves it as it was (R20 decision).  The mappings made
 *    later are wired by the hook of vm_wirefuture.c (R21-R24); the
 *    flag goes with munlockall (R25), fork (R26) and exec (R27).
 */
#include <sys/errno.h>
#include <sys/_mman.h>
#include <kernel/systm.h>
#include <kernel/cmdline.h>
#include <kernel/priv.h>
#include <kernel/proc.h>
#include <kernel/resourcevar.h>
#include <kernel/syscallvar.h>
#include <kernel/sysctl.h>
#include <vm/vm.h>
#include <vm/vm_map.h>
#include <vm/pmap.h>

static int unprivileged_mlock = 1;
SYSCTL_INT(unprivileged_mlock, "security.bsd.unprivileged_mlock",
    &unprivileged_mlock, "non-root users may lock memory (boot tunable)");

static bool unprivileged_mlock_read;

static struct vm_map *
mlock_map(struct thread *td)
{
	return (&td->td_proc->p_vmspace->vm_map);
}

/* Privilege (R10 step 1, R12, R18, R25): 0 or EPERM. */
static int
mlock_priv(struct thread *td, int priv)
{
	const char *v;

	if (!unprivileged_mlock_read) {
		unprivileged_mlock_read = true;
		if ((v = kern_getenv("security.bsd.unprivileged_mlock")) !=
		    NULL)
			unprivileged_mlock = *v != '0';
	}
	if (unprivileged_mlock)
		return (0);
	return (priv_check(td, priv));
}

/* The page range of (addr, len); EINVAL if it wraps (R10 step 2). */
static int
mlock_range(vm_offset_t addr, vm_size_t len, vm_offset_t *startp,
    vm_offset_t *endp)
{
	vm_offset_t last;

	last = addr + len;
	if (last < addr || round_page(last) < last)
		return (EINVAL);
	*startp = trunc_page(addr);
	*endp = round_page(last);
	return (0);
}

/* Is `bytes` over RLIMIT_MEMLOCK of td's process (R10 step 4, R78)? */
static bool
mlock_over_limit(struct thread *td, vm_size_t bytes)
{
	rlim_t lim;

	lim = lim_cur(td->td_proc, RLIMIT_MEMLOCK);
	return (lim != RLIM_INFINITY &&
	    (lim < 0 || (uint64_t)bytes > (uint64_t)lim));
}

/*
 * The pages of [start, end) this mlock would newly wire: those in
 * entries that have no wiring yet (clamped to the map).
 */
static vm_size_t
mlock_new_pages(vm_map_t map, vm_offset_t start, vm_offset_t end)
{
	vm_map_entry_t entry;
	vm_offset_t s, e;
	vm_size_t n;

	n = 0;
	vm_map_lock_read(map);
	if (!vm_map_lookup_entry(map, start, &entry))
		entry = entry != NULL ? TAILQ_NEXT(entry, link) :
		    TAILQ_FIRST(&map->entries);
	for (; entry != NULL && entry->start < end;
	    entry = TAILQ_NEXT(entry, link)) {
		if (entry->wired_count != 0)
			continue;
		s = entry->start > start ? entry->start : start;
		e = entry->end < end ? entry->end : end;
		n += atop(e - s);
	}
	vm_map_unlock_read(map);
	return (n);
}

/*
 * sys_mlock: mlock(addr, len).  R10: EPERM (privilege), EINVAL (the
 * range wraps), ENOMEM (more pages than vm.max_user_wired; over
 * RLIMIT_MEMLOCK; a hole, an unwirable protection, the global cap hit
 * while wiring, a fault failure), EINVAL (the engine's
 * KERN_INVALID_ARGUMENT).  All or nothing (R3).  May sleep.
 */
int
sys_mlock(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	vm_map_t map = mlock_map(td);
	vm_offset_t start, end;
	vm_size_t npages;
	int error;

	(void)retval;
	if ((error = mlock_priv(td, PRIV_VM_MLOCK)) != 0)
		return (error);
	if ((error = mlock_range(args[0], args[1], &start, &end)) != 0)
		return (error);
	npages = atop(end - start);
	if (npages > vm_page_max_user_wired)
		return (ENOMEM);
	if (mlock_over_limit(td, ptoa(mlock_new_pages(map, start, end) +
	    (vm_size_t)pmap_wired_count(vm_map_pmap(map)))))
		return (ENOMEM);
	switch (vm_map_wire(map, start, end, VM_MAP_WIRE_USER |
	    VM_MAP_WIRE_NOHOLES)) {
	case KERN_SUCCESS:
		return (0);
	case KERN_INVALID_ARGUMENT:
		return (EINVAL);
	default:
		return (ENOMEM);
	}
}

/*
 * sys_munlock: munlock(addr, len).  R12: EPERM, EINVAL (wraps), ENOMEM
 * (a hole anywhere in the range: nothing unlocked).  Pages mapped but
 * not locked are no error; system wirings stay.  May sleep.
 */
int
sys_munlock(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	vm_offset_t start, end;
	int error;

	(void)retval;
	if ((error = mlock_priv(td, PRIV_VM_MUNLOCK)) != 0)
		return (error);
	if ((error = mlock_range(args[0], args[1], &start, &end)) != 0)
		return (error);
	if (vm_map_unwire(mlock_map(td), start, end, VM_MAP_WIRE_USER |
	    VM_MAP_WIRE_NOHOLES) != KERN_SUCCESS)
		return (ENOMEM);
	return (0);
}

/*
 * sys_mlockall: mlockall(how).  R18: EPERM; EINVAL (how 0 or unknown
 * bits); ENOMEM (MCL_CURRENT and the map's size over RLIMIT_MEMLOCK,
 * or the global cap hit while wiring); EAGAIN (any other wiring
 * failure, e.g. a file mapped past its end, R39).  On failure
 * MAP_WIREFUTURE is as it was (R20 decision).  May sleep.
 */
int
sys_mlockall(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	vm_map_t map = mlock_map(td);
	int how = (int)args[0], error, oldflags, rv;

	(void)retval;
	if ((error = mlock_priv(td, PRIV_VM_MLOCK)) != 0)
		return (error);
	if (how == 0 || (how & ~(MCL_CURRENT | MCL_FUTURE)) != 0)
		return (EINVAL);
	if ((how & MCL_CURRENT) != 0 && mlock_over_limit(td, map->size))
		return (ENOMEM);
	vm_map_lock(map);
	oldflags = map->flags;
	if ((how & MCL_FUTURE) != 0)
		map->flags |= MAP_WIREFUTURE;
	rv = KERN_SUCCESS;
	if ((how & MCL_CURRENT) != 0)
		rv = vm_map_wire_locked(map, map->min_offset, map->max_offset,
		    VM_MAP_WIRE_USER | VM_MAP_WIRE_HOLESOK);
	if (rv != KERN_SUCCESS)
		map->flags = (map->flags & ~MAP_WIREFUTURE) |
		    (oldflags & MAP_WIREFUTURE);
	vm_map_unlock(map);
	switch (rv) {
	case KERN_SUCCESS:
		return (0);
	case KERN_RESOURCE_SHORTAGE:
		return (ENOMEM);
	default:
		return (EAGAIN);
	}
}

/*
 * sys_munlockall: munlockall().  R25: EPERM, else 0: MAP_WIREFUTURE
 * cleared and every user wiring of the address space undone (system
 * wirings stay).  May sleep.
 */
int
sys_munlockall(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	vm_map_t map = mlock_map(td);
	int error;

	(void)args;
	(void)retval;
	if ((error = mlock_priv(td, PRIV_VM_MUNLOCK)) != 0)
		return (error);
	vm_map_lock(map);
	map->flags &= ~MAP_WIREFUTURE;
	vm_map_unlock(map);
	(void)vm_map_unwire(map, map->min_offset, map->max_offset,
	    VM_MAP_WIRE_USER | VM_MAP_WIRE_HOLESOK);
	return (0);
}
