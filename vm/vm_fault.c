/*
 * vm_fault.c - resolving page faults: find the page a virtual address
 * should show, make it if nobody has it, copy it if the access is a
 * write to a copy-on-write mapping, and enter it in the pmap.
 *
 * The page for (first_object, first_pindex) is the first one found
 * walking down the shadow chain from the entry's object.  A read maps a
 * page found below the first object read-only, so the first write
 * faults again and copies it up (copy-on-write).  A page nobody holds
 * is zero-filled in the first object.
 *
 * Results: KERN_SUCCESS, KERN_INVALID_ADDRESS and
 * KERN_PROTECTION_FAILURE (from vm_map_lookup), KERN_OUT_OF_BOUNDS (the
 * page would be past the end of the first object, or of a pager's
 * object down the chain: a file mapped beyond its last page),
 * KERN_RESOURCE_SHORTAGE (from vm_map_lookup; or, for a wiring fault
 * only, no page: the wiring is undone), KERN_FAILURE (a killed thread
 * gave the fault up: it dies on its way out), and two codes that never
 * leave vm_fault(): KERN_RESTART, "look the address up again"
 * (SEMANTICS decision R66a), and KERN_PAGE_SHORTAGE, "no page now".
 *
 * A fault that finds no page (SEMANTICS R67, R68, R80): below the
 * severe threshold an ordinary thread does not even try; otherwise it
 * allocates with class NORMAL, and a killed thread (SIGKILL posted, or
 * exiting) or init with class SYSTEM, severe or not.  When that fails,
 * every lock is let go, the thread waits for free pages
 * (vm_waitpfault: vm.pfault_oom_wait seconds at most; only a kill ends
 * it early) and the fault starts again from the map lookup.  A thread
 * that has been failing for vm.pfault_oom_attempts x vm.pfault_oom_wait
 * seconds asks the OOM killer (vm_fault_oom_ask, at most once per
 * vm.oom_pf_secs system-wide) and starts counting again.  A killed
 * thread whose SYSTEM allocation fails too gives the fault up.
 *
 * Locking: vm_map_lookup read-locks the map for the duration; the first
 * object stays locked while the chain is walked, and each backing
 * object is locked before the one above it is let go (except the
 * first).  The sleeps (an entry in transition, free pages) happen in
 * vm_fault() and vm_fault_once() with nothing held.
 */
#include <kernel/systm.h>
#include <kernel/clock.h>
#include <kernel/mutex.h>
#include <kernel/proc.h>
#include <kernel/sleep.h>
#include <kernel/sysctl.h>
#include <sys/errno.h>
#include <vm/vm.h>
#include <vm/vm_inject.h>
#include <vm/vm_page.h>
#include <vm/vm_object.h>
#include <vm/vm_pager.h>
#include <vm/vm_map.h>
#include <vm/pmap.h>
#include <vm/vmmeter.h>
#include <vm/vm_pageout.h>

/*
 * R67, R73: the fault's patience and the rate limit of its OOM asks.
 * (o): under vm_oom_pf_mtx.
 */
int	vm_pfault_oom_attempts = 3;
int	vm_pfault_oom_wait = 10;
int	vm_oom_pf_secs = 10;
u_long	vm_pfault_oom_asks;
static bool vm_oom_pf_asked;		/* (o) an ask happened already */
static uint64_t vm_oom_pf_last;		/* (o) the ticks of the last ask */
static struct mtx vm_oom_pf_mtx = MTX_INITIALIZER("vm pfault oom");

SYSCTL_INT_RW(vm_pfault_oom_attempts, "vm.pfault_oom_attempts",
    &vm_pfault_oom_attempts, "waits of vm.pfault_oom_wait seconds a fault "
    "without a page makes before it asks the OOM killer (< 0: never)");
SYSCTL_INT_RW(vm_pfault_oom_wait, "vm.pfault_oom_wait",
    &vm_pfault_oom_wait, "seconds a fault without a page waits before "
    "it tries again");
SYSCTL_INT_RW(vm_oom_pf_secs, "vm.oom_pf_secs", &vm_oom_pf_secs,
    "seconds between two OOM requests from the fault path");
SYSCTL_ULONG(vm_pfault_oom_asks, "vm.stats.vm.v_pfault_oom_asks",
    &vm_pfault_oom_asks, "OOM requests made by the fault path (rate "
    "limited by vm.oom_pf_secs)");

/* What one fault keeps across its restarts (R67). */
struct faultwait {
	bool		failing;	/* a page allocation has failed */
	uint64_t	since;		/* ticks: failing since (or last ask) */
	bool		as_killed;	/* the last attempt allocated as a
					   killed thread (class SYSTEM) */
};

struct faultstate {
	vm_map_t	map;
	vm_offset_t	vaddr;
	vm_prot_t	fault_type;
	int		fault_flags;
	vm_map_entry_t	entry;
	vm_object_t	first_object;	/* the entry's object, locked */
	vm_pindex_t	first_pindex;
	vm_prot_t	prot;		/* what the mapping may allow */
	bool		wired;		/* the entry is wired */
	vm_object_t	object;		/* where the page was found, locked */
	vm_pindex_t	pindex;		/* its index there */
	vm_page_t	m;
	struct faultwait *fw;
};

/*
 * R80: init and kernel processes allocate below the severe threshold
 * with class SYSTEM, as a killed thread does (R68).
 */
static bool
vm_fault_essential(struct thread *td)
{
	return (td->td_proc != NULL &&
	    vm_page_count_severe_exempt(td->td_proc));
}

/*
 * A page for the fault in `object` at `pindex` (object locked), or NULL:
 * the caller returns KERN_PAGE_SHORTAGE.  The severe gate and the class
 * of R67/R68/R80.  A wiring fault is not gated (it fails rather than
 * waits: see vm_fault).
 */
static vm_page_t
vm_fault_page_alloc(struct faultstate *fs, vm_object_t object,
    vm_pindex_t pindex, int flags)
{
	struct thread *td = curthread;

	fs->fw->as_killed = false;
	if (thread_killed(td)) {
		fs->fw->as_killed = true;
		flags |= VM_ALLOC_SYSTEM;
	} else if (vm_fault_essential(td))
		flags |= VM_ALLOC_SYSTEM;
	else if ((fs->fault_flags & VM_FAULT_WIRE) == 0 && vm_cnt.v_severe)
		return (NULL);
	return (vm_page_alloc(object, pindex, flags));
}

/* Unlock the object the page came from, if it is not the first one. */
static void
vm_fault_unlock_object(struct faultstate *fs)
{
	if (fs->object != fs->first_object)
		VM_OBJECT_WUNLOCK(fs->object);
	fs->object = fs->first_object;
	fs->pindex = fs->first_pindex;
}

/*
 * Ask the pager of fs->object for page fs->pindex.  The new page is in
 * the object when this returns KERN_SUCCESS; otherwise it is gone.
 */
static int
vm_fault_getpage(struct faultstate *fs)
{
	vm_page_t m;
	int rv;

	m = vm_fault_page_alloc(fs, fs->object, fs->pindex, 0);
	if (m == NULL)
		return (KERN_PAGE_SHORTAGE);
	rv = vm_pager_get_pages(fs->object, &m, 1);
	if (rv == VM_PAGER_OK) {
		m->valid = 1;
		fs->m = m;
		return (KERN_SUCCESS);
	}
	vm_page_remove(m);
	vm_page_free(m);
	return (rv == VM_PAGER_BAD ? KERN_OUT_OF_BOUNDS : KERN_FAILURE);
}

/*
 * Find the page for the fault: walk the chain from the first object; a
 * page nobody has is zero-filled in the first object.  On success
 * fs->m is set and fs->object (where it is) locked.
 */
static int
vm_fault_find_page(struct faultstate *fs)
{
	vm_object_t next;

	fs->object = fs->first_object;
	fs->pindex = fs->first_pindex;
	for (;;) {
		fs->m = vm_page_lookup(fs->object, fs->pindex);
		if (fs->m != NULL)
			return (KERN_SUCCESS);
		if (fs->object->type != OBJT_DEFAULT &&
		    vm_pager_has_page(fs->object, fs->pindex))
			return (vm_fault_getpage(fs));
		next = fs->object->backing_object;
		if (next == NULL)
			break;
		fs->pindex += atop(fs->object->backing_object_offset);
		if (fs->pindex >= next->size) {
			/*
			 * Beyond the end of a pager's object (a file's
			 * last page): SIGBUS, not a zero page (R66).
			 */
			if (next->type != OBJT_DEFAULT) {
				vm_fault_unlock_object(fs);
				return (KERN_OUT_OF_BOUNDS);
			}
			break;
		}
		VM_OBJECT_WLOCK(next);
		if (fs->object != fs->first_object)
			VM_OBJECT_WUNLOCK(fs->object);
		fs->object = next;
	}
	vm_fault_unlock_object(fs);
	fs->m = vm_fault_page_alloc(fs, fs->first_object, fs->first_pindex,
	    VM_ALLOC_ZERO);
	if (fs->m == NULL)
		return (KERN_PAGE_SHORTAGE);
	fs->m->valid = 1;
	return (KERN_SUCCESS);
}

/*
 * A write to a page found below the first object: copy it up.  If the
 * first object is shared (a SHARE entry over a shadow, R50), other maps
 * may still map the old page read-only at this index; once the copy is
 * in the first object they must see the copy, so every mapping of the
 * old page goes (they fault again and find the copy, or their own).
 *
 * R52: in a wired entry the old page holds the entry's wiring.  A
 * fault that is not the wiring's own (a debugger's write into a wired
 * read-only private mapping) moves that wiring to the copy, which the
 * entry shows from now on and which its unwiring will find: the copy
 * gets one wiring (and a wired PTE, from the caller), the old page
 * loses one.  A fictitious page's wire count never changes (R62).
 */
static int
vm_fault_cow(struct faultstate *fs)
{
	enum vm_wire_reason reason;
	vm_page_t copy;

	copy = vm_fault_page_alloc(fs, fs->first_object, fs->first_pindex,
	    0);
	if (copy == NULL)
		return (KERN_PAGE_SHORTAGE);
	pmap_copy_page(fs->m, copy);
	copy->valid = 1;
	if ((fs->first_object->flags & OBJ_ONEMAPPING) == 0)
		pmap_remove_all(fs->m);
	if (fs->wired && (fs->fault_flags & VM_FAULT_WIRE) == 0) {
		reason = (fs->entry->eflags & MAP_ENTRY_WIRED_SYSTEM) != 0 ?
		    VM_WIRE_SYSTEM : VM_WIRE_USER;
		vm_page_wire(copy, reason);
		if ((fs->m->flags & PG_FICTITIOUS) == 0)
			(void)vm_page_unwire(fs->m, reason);
	}
	vm_fault_unlock_object(fs);
	fs->m = copy;
	return (KERN_SUCCESS);
}

/* One attempt; KERN_RESTART sends vm_fault() around again. */
static int
vm_fault_once(struct faultstate *fs)
{
	vm_prot_t access;
	int rv;

	rv = vm_map_lookup(&fs->map, fs->vaddr, fs->fault_type, &fs->entry,
	    &fs->first_object, &fs->first_pindex, &fs->prot, &fs->wired);
	if (rv != KERN_SUCCESS)
		return (rv);
	/*
	 * R44: an entry another thread is wiring or unwiring: wait for it
	 * (the map lock goes with the sleep, as one step) and start over.
	 * The wiring thread's own faults go on.  A kill ends the wait
	 * (R68): the fault is given up, the thread dies on its way out.
	 */
	if ((fs->entry->eflags & MAP_ENTRY_IN_TRANSITION) != 0 &&
	    fs->entry->wiring_thread != curthread) {
		if (vm_map_unlock_and_wait_flags(fs->map, PKILL, 0) == EINTR)
			return (KERN_FAILURE);
		return (KERN_RESTART);
	}
	/* Wiring resolves for everything the entry allows (R71). */
	access = fs->wired || (fs->fault_flags & VM_FAULT_WIRE) != 0 ?
	    fs->prot : fs->fault_type;
	VM_OBJECT_WLOCK(fs->first_object);
	if (fs->first_pindex >= fs->first_object->size) {
		VM_OBJECT_WUNLOCK(fs->first_object);
		vm_map_lookup_done(fs->map, fs->entry);
		return (KERN_OUT_OF_BOUNDS);
	}
	rv = vm_fault_find_page(fs);
	if (rv == KERN_SUCCESS && fs->object != fs->first_object) {
		/*
		 * I-E7: a wired private entry gets its own copy now; so
		 * does a debugger's write (VM_PROT_COPY), whatever the
		 * entry's protection.
		 */
		if ((access & VM_PROT_WRITE) != 0 ||
		    (fs->fault_type & VM_PROT_COPY) != 0 ||
		    VM_MAP_ENTRY_WIRED_PRIVATE(fs->entry)) {
			rv = vm_fault_cow(fs);
			if (rv == KERN_SUCCESS)
				fs->m->dirty = 1;	/* no other copy */
		} else
			fs->prot &= ~VM_PROT_WRITE;
	}
	if (rv == KERN_SUCCESS) {
		if ((access & VM_PROT_WRITE) != 0 ||
		    (fs->fault_flags & VM_FAULT_DIRTY) != 0)
			fs->m->dirty = 1;
		rv = pmap_enter(vm_map_pmap(fs->map), fs->vaddr, fs->m,
		    fs->prot, (access & VM_PROT_ALL) | PMAP_ENTER_NOSLEEP |
		    (fs->wired ? PMAP_ENTER_WIRED : 0));
		/* No page-table page or pv entry: a shortage too (R67). */
		if (rv == KERN_RESOURCE_SHORTAGE) {
			fs->fw->as_killed = thread_killed(curthread);
			rv = KERN_PAGE_SHORTAGE;
		}
	}
	vm_fault_unlock_object(fs);
	VM_OBJECT_WUNLOCK(fs->first_object);
	vm_map_lookup_done(fs->map, fs->entry);
	return (rv);
}

/*
 * ---- The OOM call point (R67, R73) ----
 * Ask the OOM killer for a victim (VM_OOM_MEM_PF), unless the fault path
 * asked less than vm.oom_pf_secs seconds ago: then the request is
 * dropped.  Counted in vm.stats.vm.v_pfault_oom_asks.  No lock held;
 * what the OOM killer does (it may sleep) is its own.
 */
static void
vm_fault_oom_ask(void)
{
	uint64_t now = ticks;
	bool ask;

	mtx_lock(&vm_oom_pf_mtx);
	ask = !vm_oom_pf_asked ||
	    now - vm_oom_pf_last >= (uint64_t)MAX(vm_oom_pf_secs, 0) * HZ;
	if (ask) {
		vm_oom_pf_asked = true;
		vm_oom_pf_last = now;
		vm_pfault_oom_asks++;
	}
	mtx_unlock(&vm_oom_pf_mtx);
	if (!ask)
		return;
	vm_pageout_oom(VM_OOM_MEM_PF);
}

/*
 * The fault found no page and let everything go (R67): wait for free
 * pages, asking the OOM killer once the thread has failed for
 * pfault_oom_attempts x pfault_oom_wait seconds.  KERN_RESTART: look the
 * address up again; KERN_FAILURE: a killed thread that failed even
 * with class SYSTEM gives the fault up (R68: it must not sleep).
 */
static int
vm_fault_nopage(struct faultwait *fw)
{
	uint64_t now = ticks, wait;
	int attempts = vm_pfault_oom_attempts;

	if (fw->as_killed)
		return (KERN_FAILURE);
	if (thread_killed(curthread))
		return (KERN_RESTART);		/* now with class SYSTEM */
	wait = (uint64_t)MAX(vm_pfault_oom_wait, 1) * HZ;
	if (!fw->failing) {
		fw->failing = true;
		fw->since = now;
	} else if (attempts >= 0 && now - fw->since >=
	    (uint64_t)attempts * wait) {
		vm_fault_oom_ask();
		fw->since = now;
	}
	(void)vm_waitpfault((int)wait);
	return (KERN_RESTART);
}

/*
 * vm_fault: see vm_map.h.  Takes and drops the map and object locks;
 * sleeps with none held (an entry in transition, free pages).
 */
int
vm_fault(vm_map_t map, vm_offset_t vaddr, vm_prot_t fault_type,
    int fault_flags)
{
	struct faultstate fs;
	struct faultwait fw;
	int rv;

	memset(&fw, 0, sizeof(fw));
	for (;;) {
		memset(&fs, 0, sizeof(fs));
		fs.map = map;
		fs.vaddr = trunc_page(vaddr);
		fs.fault_type = fault_type;
		fs.fault_flags = fault_flags;
		fs.fw = &fw;
		rv = vm_fault_once(&fs);
		if (rv == KERN_PAGE_SHORTAGE) {
			/*
			 * A wiring fault does not wait: the wiring is undone
			 * and mlock fails (R3, R7; docs/exhaustion.md).
			 */
			if ((fault_flags & VM_FAULT_WIRE) != 0)
				return (KERN_RESOURCE_SHORTAGE);
			rv = vm_fault_nopage(&fw);
		}
		if (rv != KERN_RESTART)
			return (rv);
	}
}

/*
 * vm_fault_entry_page: see vm_map.h.  One thread: the page stays valid
 * after the object locks are dropped.
 */
vm_page_t
vm_fault_entry_page(vm_map_entry_t entry, vm_offset_t va)
{
	vm_object_t object, next;
	vm_pindex_t pindex;
	vm_page_t m = NULL;

	if ((object = entry->object) == NULL)
		return (NULL);
	pindex = atop(entry->offset) + atop(va - entry->start);
	VM_OBJECT_WLOCK(object);
	while ((m = vm_page_lookup(object, pindex)) == NULL &&
	    (next = object->backing_object) != NULL) {
		pindex += atop(object->backing_object_offset);
		VM_OBJECT_WLOCK(next);
		VM_OBJECT_WUNLOCK(object);
		object = next;
	}
	VM_OBJECT_WUNLOCK(object);
	return (m);
}

/* The entry holding `va`; the map is locked.  It must exist. */
static vm_map_entry_t
vm_fault_va_entry(vm_map_t map, vm_offset_t va)
{
	vm_map_entry_t entry;

	if (!vm_map_lookup_entry(map, va, &entry))
		panic("vm_fault_wire: %#lx is not mapped", (u_long)va);
	return (entry);
}

/*
 * Drop the page wirings of [start, end), which the caller's entries in
 * transition cover (they may have been clipped meanwhile, R42).
 */
static void
vm_fault_unwire_pages(vm_map_t map, vm_offset_t start, vm_offset_t end,
    enum vm_wire_reason reason)
{
	vm_map_entry_t entry;
	vm_offset_t va;
	vm_page_t m;

	for (va = start; va < end; va += PAGE_SIZE) {
		entry = vm_fault_va_entry(map, va);
		/* I-O1, R61, R62: a device's fake pages keep their wiring. */
		if (entry->object != NULL &&
		    (entry->object->flags & OBJ_FICTITIOUS) != 0) {
			va = MIN(entry->end, end) - PAGE_SIZE;
			continue;
		}
		m = vm_fault_entry_page(entry, va);
		if (m != NULL && (m->flags & PG_FICTITIOUS) == 0)
			(void)vm_page_unwire(m, reason);	/* I-P3 */
	}
}

/*
 * vm_fault_wire: see vm_map.h.  Each page is faulted in (wired, so for
 * the entry's full protection) and then given its wiring.  The range's
 * entries are the caller's, in transition; another thread may have
 * clipped them while the map was unlocked, so each page's entry is
 * looked up again.  A kill stops the loop between two pages (R68,
 * "SIGKILL ends every wait"): what was wired is undone and the result
 * is KERN_FAILURE.  A caught signal does not stop it.
 */
int
vm_fault_wire(vm_map_t map, vm_offset_t start, vm_offset_t end,
    enum vm_wire_reason reason)
{
	vm_offset_t va;
	vm_page_t m;
	int rv;

	for (va = start; va < end; va += PAGE_SIZE) {
		vm_inject_wire_delay();		/* a race window for tests */
		if (thread_killed(curthread))
			rv = KERN_FAILURE;	/* R68: dying, undo */
		else
			rv = vm_fault(map, va, VM_PROT_NONE, VM_FAULT_WIRE);
		vm_map_lock_read(map);
		if (rv == KERN_SUCCESS &&
		    (m = vm_fault_entry_page(vm_fault_va_entry(map, va),
		    va)) != NULL) {
			if ((m->flags & PG_FICTITIOUS) == 0)
				vm_page_wire(m, reason);
		} else {
			if (rv == KERN_SUCCESS)
				rv = KERN_FAILURE;
			vm_fault_unwire_pages(map, start, va, reason);
			pmap_unwire(vm_map_pmap(map), start, va);
			vm_map_unlock_read(map);
			return (rv);
		}
		vm_map_unlock_read(map);
	}
	return (KERN_SUCCESS);
}

/*
 * vm_fault_unwire: see vm_map.h.  Pages are found through the entries'
 * objects, never through a physical address (R61); the PTEs lose PG_W
 * (holes are skipped, I-PM1).
 */
void
vm_fault_unwire(vm_map_t map, vm_offset_t start, vm_offset_t end,
    enum vm_wire_reason reason)
{
	vm_map_assert_locked(map);
	vm_fault_unwire_pages(map, start, end, reason);
	pmap_unwire(vm_map_pmap(map), start, end);
}

/*
 * vm_fault_copy_entry: see vm_map.h.  Pages no object in the chain
 * holds are left out: the child zero-fills them, as the parent would.
 */
int
vm_fault_copy_entry(vm_object_t dst_object, vm_map_entry_t src_entry)
{
	vm_offset_t va;
	vm_page_t src, copy;

	for (va = src_entry->start; va < src_entry->end; va += PAGE_SIZE) {
		if ((src = vm_fault_entry_page(src_entry, va)) == NULL)
			continue;
		VM_OBJECT_WLOCK(dst_object);
		/* R80: init's wired memory is copied at its forks too. */
		copy = vm_page_alloc(dst_object, atop(va - src_entry->start),
		    vm_alloc_class_for(curthread->td_proc));
		VM_OBJECT_WUNLOCK(dst_object);
		if (copy == NULL)
			return (KERN_RESOURCE_SHORTAGE);
		pmap_copy_page(src, copy);
		copy->valid = 1;
		copy->dirty = 1;
	}
	return (KERN_SUCCESS);
}
