/*
 * kern_vmmap.c - kern.proc.vmmap: a process's address map as an array
 * of struct kinfo_vmentry (sys/_kinfo_vmentry.h), one per map entry in
 * address order, for procstat -v.
 *
 * The name is a sysctl node (sysctl.h): "kern.proc.vmmap.<pid>" is
 * process <pid>'s map, "kern.proc.vmmap" the caller's own.  Another
 * user's process is EPERM unless the caller is root (the rule of
 * signals, cr_cansignal); no such process, a zombie or one being made
 * is ESRCH; a name that is not a pid is ENOENT.
 *
 * Locking: the process is found and a reference to its address space
 * taken with interrupts off (allproc, p_vmspace), so the map outlives
 * the read even if the process exits; the entries are read under the
 * map's read lock (which may sleep), each object's fields under its
 * lock, a shadow's before its backing object's (vm_object.h).
 */
#include <sys/errno.h>
#include <sys/_kinfo_vmentry.h>
#include <kernel/systm.h>
#include <kernel/machdep.h>
#include <kernel/proc.h>
#include <kernel/sharedpage.h>
#include <kernel/sysctl.h>
#include <kernel/ucred.h>
#include <vm/vm.h>
#include <vm/vm_object.h>
#include <vm/vm_map.h>
#include <vm/pmap.h>

/* "" -> the caller; decimal digits -> that pid; else -1. */
static int
vmmap_pid(const char *rest)
{
	int pid = 0;

	if (*rest == '\0')
		return (curthread->td_proc->p_pid);
	for (; *rest != '\0'; rest++) {
		if (*rest < '0' || *rest > '9' || pid > 100000000)
			return (-1);
		pid = pid * 10 + (*rest - '0');
	}
	return (pid);
}

/*
 * The address space of process `pid` with a reference the caller drops
 * (vmspace_free), if the caller may read it.  0, ESRCH or EPERM.
 */
static int
vmmap_acquire(int pid, struct vmspace **vmp)
{
	struct proc *cur = curthread->td_proc, *p;
	struct vmspace *vm = NULL;
	unsigned long s;
	int error = ESRCH;

	s = intr_disable();
	TAILQ_FOREACH(p, &allproc, p_list) {
		if (p->p_pid != pid)
			continue;
		if (p->p_state != PRS_NORMAL)
			break;
		if (p != cur &&
		    (error = cr_cansignal(&cur->p_ucred, &p->p_ucred)) != 0)
			break;
		/* vmspace_free drops references with interrupts off too. */
		if ((vm = p->p_vmspace) != NULL) {
			vm->vm_refcnt++;
			error = 0;
		} else
			error = ESRCH;
		break;
	}
	intr_restore(s);
	*vmp = vm;
	return (error);
}

static int
vmmap_type(objtype_t type)
{
	switch (type) {
	case OBJT_DEFAULT:
		return (KVME_TYPE_DEFAULT);
	case OBJT_SWAP:
		return (KVME_TYPE_SWAP);
	case OBJT_DEVICE:
		return (KVME_TYPE_DEVICE);
	case OBJT_PHYS:
		return (KVME_TYPE_PHYS);
	case OBJT_DEAD:
		return (KVME_TYPE_DEAD);
	case OBJT_KBUF:
		return (KVME_TYPE_KBUF);
	default:
		return (KVME_TYPE_UNKNOWN);
	}
}

/* Entry `e` of a map whose pmap is `pmap`, as a record.  Map locked. */
static void
vmmap_entry(pmap_t pmap, vm_map_entry_t e, struct kinfo_vmentry *kve)
{
	vm_object_t obj, backing;
	vm_offset_t va;

	memset(kve, 0, sizeof(*kve));
	kve->kve_start = e->start;
	kve->kve_end = e->end;
	kve->kve_offset = e->offset;
	kve->kve_protection = e->protection & VM_PROT_ALL;
	kve->kve_max_protection = e->max_protection & VM_PROT_ALL;
	kve->kve_inheritance = e->inheritance;	/* the same values */
	kve->kve_wired_count = e->wired_count;
	if (e->eflags & MAP_ENTRY_COW)
		kve->kve_flags |= KVME_FLAG_COW;
	if (e->eflags & MAP_ENTRY_NEEDS_COPY)
		kve->kve_flags |= KVME_FLAG_NEEDS_COPY;
	if (e->eflags & MAP_ENTRY_GROWS_DOWN)
		kve->kve_flags |= KVME_FLAG_GROWS_DOWN;
	if (e->eflags & MAP_ENTRY_USER_WIRED)
		kve->kve_flags |= KVME_FLAG_USER_WIRED;
	if (e->eflags & MAP_ENTRY_IN_TRANSITION)
		kve->kve_flags |= KVME_FLAG_IN_TRANSITION;
	if (e->eflags & MAP_ENTRY_GUARD)
		kve->kve_flags |= KVME_FLAG_GUARD;
	if (e->eflags & MAP_ENTRY_NOFAULT)
		kve->kve_flags |= KVME_FLAG_NOFAULT;
	if (e->eflags & MAP_ENTRY_GUARD) {
		kve->kve_type = KVME_TYPE_GUARD;
		return;
	}
	for (va = e->start; va < e->end; va += PAGE_SIZE) {
		if (pmap_mincore(pmap, va) != 0)
			kve->kve_resident++;
		if (pmap_is_wired(pmap, va))
			kve->kve_wired++;
	}
	if ((obj = e->object) == NULL) {
		kve->kve_type = KVME_TYPE_NONE;
		return;
	}
	VM_OBJECT_WLOCK(obj);
	kve->kve_ref_count = obj->ref_count;
	kve->kve_shadow_count = obj->shadow_count;
	while ((backing = obj->backing_object) != NULL) {
		VM_OBJECT_WLOCK(backing);
		VM_OBJECT_WUNLOCK(obj);
		obj = backing;
		kve->kve_shadow_depth++;
	}
	kve->kve_type = shared_page_object_is(obj) ? KVME_TYPE_SHPAGE :
	    vmmap_type(obj->type);
	VM_OBJECT_WUNLOCK(obj);
}

/* kern.proc.vmmap[.<pid>]: a sysctl_node_handler_t (sysctl.h). */
static int
sysctl_proc_vmmap(const char *rest, void *buf, size_t *lenp)
{
	struct kinfo_vmentry kve;
	struct vmspace *vm;
	vm_map_entry_t e;
	vm_map_t map;
	size_t n = 0;
	int error, pid;

	if ((pid = vmmap_pid(rest)) < 0)
		return (ENOENT);
	if ((error = vmmap_acquire(pid, &vm)) != 0)
		return (error);
	map = &vm->vm_map;
	vm_map_lock_read(map);
	TAILQ_FOREACH(e, &map->entries, link) {
		if (buf != NULL && (n + 1) * sizeof(kve) <= *lenp) {
			vmmap_entry(vmspace_pmap(vm), e, &kve);
			memcpy((char *)buf + n * sizeof(kve), &kve,
			    sizeof(kve));
		}
		n++;
	}
	vm_map_unlock_read(map);
	vmspace_free(vm);
	/*
	 * The caller's own map, measured: the wiring of its buffer for the
	 * read (kern_sysctl.c) may clip the buffer's entry into three.
	 */
	if (buf == NULL && pid == curthread->td_proc->p_pid)
		n += 2;
	if (buf != NULL && n * sizeof(kve) > *lenp)
		error = ENOMEM;
	*lenp = n * sizeof(kve);
	return (error);
}
SYSCTL_NODE_OPAQUE(kern_proc_vmmap, "kern.proc.vmmap", sysctl_proc_vmmap,
    "a process's map entries (struct kinfo_vmentry): kern.proc.vmmap.<pid>");
