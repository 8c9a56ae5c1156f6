/*
 * vm_vmspace.c - address spaces: making one, forking one entry by entry
 * according to each entry's inheritance, resetting one for exec, and
 * freeing one.
 *
 * Fork (SEMANTICS R48-R51): SHARE entries map the same object in both;
 * COPY entries become copy-on-write in both, except a wired writable one,
 * whose pages are copied into the child at once so the parent's wired
 * pages never become read-only; ZERO entries give the child fresh
 * anonymous memory; NONE entries are left out.  The child never inherits
 * a wiring or MAP_WIREFUTURE (I-M1).  Stacks stay stacks (their entries
 * grow down into gaps that are guards of the child too), and the child
 * has the parent's break and stack size.
 *
 * Locking: fork holds both maps' locks (the parent's first) for the
 * whole copy; object locks are taken inside, briefly.
 */
#include <kernel/systm.h>
#include <kernel/machdep.h>
#include <kernel/malloc.h>
#include <vm/vm.h>
#include <vm/vm_object.h>
#include <vm/vm_map.h>
#include <vm/pmap.h>

MALLOC_DEFINE(M_VMSPACE, "vmspace", "address spaces");

/*
 * vmspace_alloc: see vm_map.h.  The memory is recycled: a freed
 * vmspace goes back to malloc's size-class zone (uma, kern_malloc.c)
 * and the next vmspace_alloc, or any other allocation of that class,
 * may get it again with whatever the last user left in it.  So every
 * field is set here, the wiring-related ones of the map by
 * vm_map_init (flags with MAP_WIREFUTURE and MAP_BUSY_WAKEUP, busy,
 * needs_wakeup, wakeup_gen), the others below, whatever M_ZERO did
 * (I-M1, I-M3; SEMANTICS H2: FreeBSD's 2004 review found exactly this,
 * MAP_WIREFUTURE surviving into a recycled vmspace).
 */
struct vmspace *
vmspace_alloc(vm_offset_t min, vm_offset_t max)
{
	struct vmspace *vm;

	vm = malloc(sizeof(*vm), M_VMSPACE, M_NOWAIT | M_ZERO);
	if (vm == NULL)
		return (NULL);
	if (pmap_pinit(&vm->vm_pmap) != 0) {
		free(vm, M_VMSPACE);
		return (NULL);
	}
	vm_map_init(&vm->vm_map, &vm->vm_pmap, min, max);
	vm->vm_refcnt = 1;
	vm->vm_daddr = vm->vm_maxsaddr = vm->vm_stacktop = 0;
	vm->vm_dsize = vm->vm_ssize = 0;
	KASSERT(vm->vm_map.flags == 0 && vm->vm_map.busy == 0 &&
	    !vm->vm_map.needs_wakeup, ("vmspace_alloc: map %p not reset "
	    "(I-M3)", &vm->vm_map));
	return (vm);
}

/* vmspace_free: see vm_map.h.  The last reference unmaps everything. */
void
vmspace_free(struct vmspace *vm)
{
	vm_map_t map = &vm->vm_map;

	unsigned long s;
	int refs;

	s = intr_disable();		/* against vmspace_acquire_ref */
	KASSERT(vm->vm_refcnt > 0, ("vmspace_free: %p has no references",
	    vm));
	refs = --vm->vm_refcnt;
	intr_restore(s);
	if (refs > 0)
		return;
	vm_map_remove(map, map->min_offset, map->max_offset);
	pmap_release(&vm->vm_pmap);
	free(vm, M_VMSPACE);
}

/*
 * vmspace_exec_reset: see vm_map.h (R27, I-M1).  exec's other case, a
 * vmspace shared with someone else, gets a new one from vmspace_alloc
 * (exec_new_vmspace) and leaves the old one, MAP_WIREFUTURE and
 * wirings included, to the others.  The caller is the one thread of
 * the process (thread_single), so nobody can be wiring or waiting.
 */
void
vmspace_exec_reset(struct vmspace *vm)
{
	vm_map_t map = &vm->vm_map;

	vm_map_remove(map, map->min_offset, map->max_offset);
	vm_map_lock(map);
	KASSERT(map->busy == 0, ("vmspace_exec_reset: map %p busy", map));
	map->flags = 0;		/* MAP_WIREFUTURE: mlockall is undone */
	vm->vm_daddr = vm->vm_maxsaddr = vm->vm_stacktop = 0;
	vm->vm_dsize = vm->vm_ssize = 0;
	vm_map_unlock(map);
}

/*
 * Give the child's entry for [e->start, e->end) the parent's
 * inheritance.  vm_map_insert may have merged it with a neighbour, so
 * the range is clipped out first and merged back afterwards if it can.
 */
static int
vmspace_fork_inherit(vm_map_t new, vm_map_entry_t e)
{
	vm_map_entry_t ne;

	if (!vm_map_lookup_entry(new, e->start, &ne))
		panic("vmspace_fork: child entry at %#lx missing",
		    (u_long)e->start);
	if (ne->inheritance == e->inheritance)
		return (KERN_SUCCESS);
	if (vm_map_clip_start(new, ne, e->start) != KERN_SUCCESS ||
	    vm_map_clip_end(new, ne, e->end) != KERN_SUCCESS)
		return (KERN_RESOURCE_SHORTAGE);
	ne->inheritance = e->inheritance;
	vm_map_simplify_entry(new, ne);
	return (KERN_SUCCESS);
}

/*
 * Map `object` (our reference moves to the child) like `e` in `new`; a
 * stack stays a stack.
 */
static int
vmspace_fork_insert(vm_map_t new, vm_map_entry_t e, vm_object_t object,
    vm_ooffset_t offset, int cow)
{
	int rv;

	if ((e->eflags & MAP_ENTRY_GROWS_DOWN) != 0)
		cow |= MAP_STACK_GROWS_DOWN;
	rv = vm_map_insert(new, object, offset, e->start, e->end,
	    e->protection, e->max_protection, cow);
	if (rv != KERN_SUCCESS) {
		vm_object_deallocate(object);
		return (rv);
	}
	return (vmspace_fork_inherit(new, e));
}

/* A mapping from now on seen by more than one entry. */
static void
vmspace_object_shared(vm_object_t object)
{
	VM_OBJECT_WLOCK(object);
	object->flags &= ~OBJ_ONEMAPPING;
	VM_OBJECT_WUNLOCK(object);
}

/* SHARE (R50): both map one object; the child's entry is unwired. */
static int
vmspace_fork_share(vm_map_entry_t e, vm_map_t new)
{
	if (e->object == NULL) {
		/* Not touched yet: make the object both will share. */
		e->object = vm_object_allocate(OBJT_DEFAULT,
		    atop(e->end - e->start));
		if (e->object == NULL)
			return (KERN_RESOURCE_SHORTAGE);
		e->offset = 0;
	} else if ((e->eflags & MAP_ENTRY_NEEDS_COPY) != 0) {
		/* Share the copy the parent would have made, not the original. */
		if (!vm_object_shadow(&e->object, &e->offset,
		    e->end - e->start))
			return (KERN_RESOURCE_SHORTAGE);
		e->eflags &= ~MAP_ENTRY_NEEDS_COPY;
	}
	vmspace_object_shared(e->object);
	vm_object_reference(e->object);
	return (vmspace_fork_insert(new, e, e->object, e->offset,
	    MAP_INHERIT_SHARE));
}

/* COPY (R49): copy-on-write in both; the parent loses write access. */
static int
vmspace_fork_cow(vm_map_t old, vm_map_entry_t e, vm_map_t new)
{
	if (e->object == NULL)
		return (vmspace_fork_insert(new, e, NULL, 0, 0));
	/*
	 * Shorten the chain before another process depends on it.  A
	 * backing object can be left with one reference, its shadow's,
	 * without its release noticing (a sibling shadow that covered it
	 * bypassed it): each fork would then leave one more object and
	 * its hidden pages behind (FreeBSD collapses here too).
	 */
	VM_OBJECT_WLOCK(e->object);
	vm_object_collapse(e->object);
	VM_OBJECT_WUNLOCK(e->object);
	vmspace_object_shared(e->object);
	vm_object_reference(e->object);
	if ((e->eflags & MAP_ENTRY_NEEDS_COPY) == 0) {
		pmap_protect(vm_map_pmap(old), e->start, e->end,
		    e->protection & ~VM_PROT_WRITE);
		e->eflags |= MAP_ENTRY_COW | MAP_ENTRY_NEEDS_COPY;
	}
	return (vmspace_fork_insert(new, e, e->object, e->offset,
	    MAP_COPY_ON_WRITE));
}

/* COPY of a wired writable entry (R48): the child gets copies now. */
static int
vmspace_fork_copy(vm_map_entry_t e, vm_map_t new)
{
	vm_object_t object;
	int rv;

	object = vm_object_allocate(OBJT_DEFAULT, atop(e->end - e->start));
	if (object == NULL)
		return (KERN_RESOURCE_SHORTAGE);
	rv = vm_fault_copy_entry(object, e);
	if (rv != KERN_SUCCESS) {
		vm_object_deallocate(object);
		return (rv);
	}
	return (vmspace_fork_insert(new, e, object, 0, 0));
}

static int
vmspace_fork_entry(vm_map_t old, vm_map_entry_t e, vm_map_t new)
{
	if ((e->eflags & MAP_ENTRY_GUARD) != 0)
		return (vm_map_insert(new, NULL, 0, e->start, e->end,
		    VM_PROT_NONE, VM_PROT_NONE, MAP_CREATE_GUARD |
		    ((e->eflags & MAP_ENTRY_STACK_GAP_DN) != 0 ?
		    MAP_CREATE_STACK_GAP_DN : 0)));
	switch (e->inheritance) {
	case VM_INHERIT_NONE:
		return (KERN_SUCCESS);
	case VM_INHERIT_ZERO:
		return (vmspace_fork_insert(new, e, NULL, 0, 0));
	case VM_INHERIT_SHARE:
		return (vmspace_fork_share(e, new));
	default:
		if (e->wired_count > 0 &&
		    ((e->protection & VM_PROT_WRITE) != 0 ||
		    VM_MAP_ENTRY_WIRED_PRIVATE(e)))
			return (vmspace_fork_copy(e, new));
		return (vmspace_fork_cow(old, e, new));
	}
}

/*
 * vmspace_fork: see vm_map.h.  Waits until no wiring thread is faulting
 * in the parent with its map unlocked (I-M2).  On failure the child is
 * freed; the parent may be left with entries marked copy-on-write,
 * which only costs it a copy on its next write.
 */
struct vmspace *
vmspace_fork(struct vmspace *vm1)
{
	vm_map_t old = &vm1->vm_map;
	struct vmspace *vm2;
	vm_map_entry_t e;
	int rv = KERN_SUCCESS;

	vm_map_lock(old);
	vm_map_wait_busy(old);
	vm2 = vmspace_alloc(old->min_offset, old->max_offset);
	if (vm2 == NULL) {
		vm_map_unlock(old);
		return (NULL);
	}
	vm_map_lock(&vm2->vm_map);
	TAILQ_FOREACH(e, &old->entries, link) {
		rv = vmspace_fork_entry(old, e, &vm2->vm_map);
		if (rv != KERN_SUCCESS)
			break;
	}
	vm2->vm_daddr = vm1->vm_daddr;
	vm2->vm_dsize = vm1->vm_dsize;
	vm2->vm_maxsaddr = vm1->vm_maxsaddr;
	vm2->vm_stacktop = vm1->vm_stacktop;
	vm2->vm_ssize = vm1->vm_ssize;
	vm_map_unlock(&vm2->vm_map);
	vm_map_unlock(old);
	if (rv != KERN_SUCCESS) {
		vmspace_free(vm2);
		return (NULL);
	}
	return (vm2);
}
