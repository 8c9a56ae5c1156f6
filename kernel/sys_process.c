/*
 * sys_process.c - a debugger's access to another process's memory:
 * proc_rwmem (FreeBSD's name; ptrace(2) and procfs use it there), and
 * debug.proc_poke, root's way to write into a process until ptrace and
 * DDB exist (the tests use it for R52).
 *
 * A debugger may write where the process itself may not: a breakpoint
 * goes into read-only text.  The write faults with VM_PROT_COPY: a
 * private (copy-on-write) entry gets its own copy of the page, as a
 * write by the process would, but the page stays mapped read-only; so
 * the file (or the backing object another process shares) is never
 * changed.  In a wired entry the copy takes over the old page's wiring
 * (vm_fault_cow, R52).  The bytes are copied under the map's read lock
 * and the page's object lock, so the page cannot go away in between.
 */
#include <sys/errno.h>
#include <sys/_proc_poke.h>
#include <kernel/systm.h>
#include <kernel/machdep.h>
#include <kernel/proc.h>
#include <kernel/ptrace.h>
#include <kernel/sysctl.h>
#include <vm/vm.h>
#include <vm/vm_page.h>
#include <vm/vm_object.h>
#include <vm/vm_map.h>
#include <vm/pmap.h>

/* Tries of one page before giving up (the page keeps disappearing). */
#define PROC_RWMEM_TRIES	4

/*
 * Copy `n` bytes between `buf` and page `va` (+ `off`) of `map`, which
 * the caller faulted in: the page the entry shows, found through its
 * objects with the map read-locked.  A write must find the page in the
 * entry's first object (its own copy); else, or if there is no page,
 * KERN_RESTART: fault again.
 */
static int
proc_rwmem_page(vm_map_t map, vm_offset_t va, size_t off, void *buf,
    size_t n, bool writing)
{
	vm_map_entry_t entry;
	vm_object_t object, next;
	vm_pindex_t pindex;
	vm_offset_t kva;
	vm_page_t m;
	int rv = KERN_RESTART;

	vm_map_lock_read(map);
	if (!vm_map_lookup_entry(map, va, &entry) ||
	    (object = entry->object) == NULL) {
		vm_map_unlock_read(map);
		return (rv);
	}
	pindex = atop(entry->offset) + atop(va - entry->start);
	VM_OBJECT_WLOCK(object);
	while ((m = vm_page_lookup(object, pindex)) == NULL && !writing &&
	    (next = object->backing_object) != NULL) {
		pindex += atop(object->backing_object_offset);
		VM_OBJECT_WLOCK(next);
		VM_OBJECT_WUNLOCK(object);
		object = next;
	}
	if (m != NULL && (m->flags & PG_FICTITIOUS) == 0) {
		kva = pmap_quick_enter_page(m);
		if (writing) {
			memcpy((char *)kva + off, buf, n);
			vm_page_dirty(m);
		} else
			memcpy(buf, (char *)kva + off, n);
		pmap_quick_remove_page(kva);
		rv = KERN_SUCCESS;
	}
	VM_OBJECT_WUNLOCK(object);
	vm_map_unlock_read(map);
	return (rv);
}

/* proc_rwmem_vm: see ptrace.h. */
int
proc_rwmem_vm(struct vmspace *vm, vm_offset_t va, void *buf, size_t len,
    bool writing)
{
	vm_map_t map = &vm->vm_map;
	vm_offset_t pageva;
	size_t off, n;
	int rv, tries;

	if (va + len < va)
		return (EFAULT);
	while (len > 0) {
		pageva = trunc_page(va);
		off = va - pageva;
		n = MIN(len, PAGE_SIZE - off);
		tries = 0;
		do {
			rv = vm_fault(map, pageva, writing ?
			    VM_PROT_READ | VM_PROT_COPY : VM_PROT_READ,
			    writing ? VM_FAULT_DIRTY : VM_FAULT_NORMAL);
			if (rv == KERN_SUCCESS)
				rv = proc_rwmem_page(map, pageva, off, buf, n,
				    writing);
		} while (rv == KERN_RESTART && ++tries < PROC_RWMEM_TRIES);
		if (rv != KERN_SUCCESS)
			return (EFAULT);
		va += n;
		buf = (char *)buf + n;
		len -= n;
	}
	return (0);
}

/* proc_rwmem: see ptrace.h. */
int
proc_rwmem(struct proc *p, vm_offset_t va, void *buf, size_t len,
    bool writing)
{
	struct vmspace *vm;
	unsigned long s;
	int error;

	s = intr_disable();
	if ((vm = p->p_vmspace) != NULL && p->p_state == PRS_NORMAL)
		vm->vm_refcnt++;	/* vmspace_free drops it likewise */
	else
		vm = NULL;
	intr_restore(s);
	if (vm == NULL)
		return (ESRCH);
	error = proc_rwmem_vm(vm, va, buf, len, writing);
	vmspace_free(vm);
	return (error);
}

/*
 * debug.proc_poke: a struct proc_poke (sys/_proc_poke.h) written by
 * root: its pp_len bytes of data go to process pp_pid at pp_addr.
 * EINVAL (the sizes disagree, too long, an address past what a
 * vm_offset_t holds), ESRCH (no such live process, or a kernel one),
 * EFAULT (proc_rwmem).  The process is found with interrupts off and
 * its address space held while the bytes go.
 */
static int
sysctl_proc_poke(const struct sysctl_oid *oid, const void *new,
    size_t newlen)
{
	const struct proc_poke *pp = new;
	struct vmspace *vm = NULL;
	struct proc *p;
	unsigned long s;
	int error;

	if (newlen < sizeof(*pp) || pp->pp_len > PROC_POKE_MAX ||
	    newlen != sizeof(*pp) + pp->pp_len ||
	    pp->pp_addr != (vm_offset_t)pp->pp_addr)
		return (EINVAL);
	s = intr_disable();
	TAILQ_FOREACH(p, &allproc, p_list)
		if (p->p_pid == pp->pp_pid) {
			if (p->p_state == PRS_NORMAL &&
			    (vm = p->p_vmspace) != NULL)
				vm->vm_refcnt++;
			break;
		}
	intr_restore(s);
	if (vm == NULL)
		return (ESRCH);
	error = proc_rwmem_vm(vm, (vm_offset_t)pp->pp_addr,
	    (void *)(uintptr_t)pp->pp_data, pp->pp_len, true);
	vmspace_free(vm);
	return (error);
}
SYSCTL_WRITEONLY(debug_proc_poke, "debug.proc_poke", sysctl_proc_poke,
    "write a struct proc_poke: bytes into a process, as a debugger (root)");
