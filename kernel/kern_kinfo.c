/*
 * kern_kinfo.c - processes as struct kinfo_proc (sys/_kinfo_proc.h),
 * for ps: kern.proc.all (every process, in allproc order) and
 * kern.proc.pid.<pid> (one; ESRCH if there is none, ENOENT if the name
 * is not a pid; kern.proc.pid alone is the caller).  Anyone may read
 * them, as with FreeBSD's ps.
 *
 * How the memory figures are found (SEMANTICS R14, R35, R47; the
 * choice is documented in docs/wiring.md, "Counting wired memory"):
 *  - kept up to date where they change: the pmap's counters, read as
 *    they are (ki_rss, ki_pmap_wired, and ki_pgtable, which pmap_enter
 *    and the removal of the last entry of a table maintain), and the
 *    kernel stacks of the process's threads (ki_kstack: td_kstack_size
 *    of each thread on p_threads, which thread creation and exit keep);
 *  - computed when asked, by walking the map under its read lock: the
 *    user-wired, system-wired and device-wired figures.  A walk cannot
 *    drift from the entries it reads, costs nothing when nobody asks,
 *    and a map has few entries here; the wiring engine needs no second
 *    set of books.  An entry in transition (being wired or unwired with
 *    the map unlocked, R40) is counted as it stands.
 *
 * Locking: the process list is read with interrupts off (allproc, the
 * thread lists, p_vmspace), and a reference to each address space is
 * taken there (vm_refcnt, as kern_vmmap.c does), so that the maps can
 * then be walked with interrupts on, under their read locks, which may
 * sleep; vmspace_free drops the references.  The figures of one process
 * are one moment's for a process that is not running meanwhile.  As
 * with kern.proc.vmmap, a process that exits while a reader holds such
 * a reference leaves the teardown of its address space to the reader's
 * vmspace_free: its pages come back when the read ends.
 */
#include <sys/errno.h>
#include <sys/_kinfo_proc.h>
#include <kernel/systm.h>
#include <kernel/machdep.h>
#include <kernel/malloc.h>
#include <kernel/pgrp.h>
#include <kernel/proc.h>
#include <kernel/sysctl.h>
#include <vm/vm.h>
#include <vm/vm_object.h>
#include <vm/vm_map.h>
#include <vm/pmap.h>

CTASSERT(KI_P_SYSTEM == P_SYSTEM && KI_P_PROTECTED == P_PROTECTED);

/* One record being made, and the address space it still needs. */
struct kinfo_work {
	struct kinfo_proc ki;
	struct vmspace	*vm;		/* referenced, or NULL */
};

/*
 * The fields of `p` that need no map lock into *ki, and a reference to
 * its address space into *vmp (NULL if it has none or is not running).
 * Interrupts disabled.
 */
static void
kinfo_fill_proc(struct proc *p, struct kinfo_proc *ki, struct vmspace **vmp)
{
	struct thread *td;

	memset(ki, 0, sizeof(*ki));
	ki->ki_pid = p->p_pid;
	ki->ki_ppid = p->p_pptr != NULL ? p->p_pptr->p_pid : 0;
	ki->ki_uid = p->p_ucred.cr_uid;
	ki->ki_state = p->p_state == PRS_ZOMBIE ? KI_STATE_ZOMBIE :
	    p->p_state == PRS_NEW ? KI_STATE_NEW :
	    (p->p_flag & P_STOPPED_SIG) != 0 ? KI_STATE_STOP : KI_STATE_RUN;
	if (p->p_pgrp != NULL) {
		ki->ki_pgid = p->p_pgrp->pg_id;
		ki->ki_sid = p->p_pgrp->pg_session->s_sid;
	}
	TAILQ_FOREACH(td, &p->p_threads, td_plist) {
		ki->ki_kstack += atop(td->td_kstack_size);
		ki->ki_numthreads++;
	}
	td = TAILQ_FIRST(&p->p_threads);
	if (td != NULL && td->td_wmesg != NULL)
		strlcpy(ki->ki_wmesg, td->td_wmesg, sizeof(ki->ki_wmesg));
	strlcpy(ki->ki_comm, p->p_comm, sizeof(ki->ki_comm));
	ki->ki_flag = p->p_flag & (P_SYSTEM | P_PROTECTED);
	*vmp = NULL;
	if (p->p_state == PRS_NORMAL && p->p_vmspace != NULL) {
		/* vmspace_free drops references with interrupts off too. */
		p->p_vmspace->vm_refcnt++;
		*vmp = p->p_vmspace;
	}
}

/*
 * kinfo_entry_device: whether `e` maps device memory, whose wired PTEs
 * count in ki_device_wired.  Today that is an entry whose own object is
 * a device or physical-memory object (OBJT_DEVICE, OBJT_PHYS); a
 * private mapping's shadow holds ordinary copies and is not one.  The
 * device pager (R59-R64) decides what a device mapping is: when it adds
 * object types (a managed-device kind) or maps fake pages by another
 * route, this is the one place to teach.  Map locked.
 */
static bool
kinfo_entry_device(vm_map_entry_t e)
{
	return (e->object != NULL && (e->object->type == OBJT_DEVICE ||
	    e->object->type == OBJT_PHYS));
}

/* Mapped pages of [start, end) in `pmap` (pmap_mincore). */
static uint64_t
kinfo_resident(pmap_t pmap, vm_offset_t start, vm_offset_t end)
{
	vm_offset_t va;
	uint64_t n = 0;

	for (va = start; va < end; va += PAGE_SIZE)
		if (pmap_mincore(pmap, va) != 0)
			n++;
	return (n);
}

/*
 * The figures of address space `vm` into *ki: the pmap's counters and
 * a walk over its entries, all under the map's read lock.  May sleep.
 *
 * ki_user_wired: pages of entries with MAP_ENTRY_USER_WIRED, each
 * mapping on its own (R14); ki_system_wired: pages of entries with a
 * system wiring (wired_count above the user one, SEMANTICS 0.2 SWC);
 * ki_device_wired: the mapped pages of wired device entries (every
 * mapped page of an entry with wired_count > 0 has a wired PTE).
 */
static void
kinfo_fill_vm(struct vmspace *vm, struct kinfo_proc *ki)
{
	vm_map_t map = &vm->vm_map;
	pmap_t pmap = vmspace_pmap(vm);
	vm_map_entry_t e;
	uint64_t npages;
	int uw;

	vm_map_lock_read(map);
	TAILQ_FOREACH(e, &map->entries, link) {
		npages = atop(e->end - e->start);
		uw = (e->eflags & MAP_ENTRY_USER_WIRED) != 0;
		if (uw)
			ki->ki_user_wired += npages;
		if (e->wired_count > uw)
			ki->ki_system_wired += npages;
		if (e->wired_count > 0 && kinfo_entry_device(e))
			ki->ki_device_wired += kinfo_resident(pmap, e->start,
			    e->end);
	}
	ki->ki_rss = pmap_resident_count(pmap);
	ki->ki_pmap_wired = pmap_wired_count(pmap);
	ki->ki_pgtable = pmap_pgtable_count(pmap);
	vm_map_unlock_read(map);
}

/*
 * The records of the processes `pid` selects (-1: all) into a new array
 * *wp of at most `max` (malloc'd, M_TEMP); returns how many there are,
 * which may be more than `max` (then only `max` are made).  The address
 * spaces are referenced.  -1 if no memory.
 */
static int
kinfo_collect(int pid, int max, struct kinfo_work **wp)
{
	struct kinfo_work *w;
	struct proc *p;
	unsigned long s;
	int n = 0;

	w = malloc(MAX(max, 1) * sizeof(*w), M_TEMP, M_NOWAIT);
	if (w == NULL)
		return (-1);
	s = intr_disable();
	TAILQ_FOREACH(p, &allproc, p_list) {
		if (pid != -1 && p->p_pid != pid)
			continue;
		if (n < max)
			kinfo_fill_proc(p, &w[n].ki, &w[n].vm);
		n++;
	}
	intr_restore(s);
	*wp = w;
	return (n);
}

/*
 * Finish the first `n` records of `w` (the map walks), copy them to
 * `buf`, drop the references and free `w`.  May sleep.
 */
static void
kinfo_finish(struct kinfo_work *w, int n, void *buf)
{
	int i;

	for (i = 0; i < n; i++) {
		if (w[i].vm != NULL) {
			kinfo_fill_vm(w[i].vm, &w[i].ki);
			vmspace_free(w[i].vm);
		}
		memcpy((char *)buf + i * sizeof(w[i].ki), &w[i].ki,
		    sizeof(w[i].ki));
	}
	free(w, M_TEMP);
}

/* How many processes `pid` selects (-1: all).  Interrupts off inside. */
static int
kinfo_count(int pid)
{
	struct proc *p;
	unsigned long s;
	int n = 0;

	s = intr_disable();
	TAILQ_FOREACH(p, &allproc, p_list)
		if (pid == -1 || p->p_pid == pid)
			n++;
	intr_restore(s);
	return (n);
}

/*
 * The value for `pid` (-1: all processes) into buf (*lenp bytes): a
 * sysctl_node_handler_t's work (sysctl.h).  ESRCH for a pid that is
 * not there, ENOMEM if buf is too small (the table grew since it was
 * measured: the caller asks again) or no memory.  May sleep.
 */
static int
kinfo_sysctl(int pid, void *buf, size_t *lenp)
{
	struct kinfo_work *w;
	int max, n;

	n = kinfo_count(pid);
	if (pid != -1 && n == 0)
		return (ESRCH);
	if (buf == NULL) {
		*lenp = n * sizeof(struct kinfo_proc);
		return (0);
	}
	max = *lenp / sizeof(struct kinfo_proc);
	if ((n = kinfo_collect(pid, max, &w)) < 0)
		return (ENOMEM);
	if (pid != -1 && n == 0) {
		free(w, M_TEMP);
		return (ESRCH);
	}
	kinfo_finish(w, MIN(n, max), buf);
	*lenp = n * sizeof(struct kinfo_proc);
	return (n > max ? ENOMEM : 0);
}

/* kern.proc.all: a sysctl_node_handler_t with no names below it. */
static int
sysctl_proc_all(const char *rest, void *buf, size_t *lenp)
{
	if (*rest != '\0')
		return (ENOENT);
	return (kinfo_sysctl(-1, buf, lenp));
}
SYSCTL_NODE_OPAQUE(kern_proc_all, "kern.proc.all", sysctl_proc_all,
    "every process (struct kinfo_proc)");

/* kern.proc.pid.<pid>: a sysctl_node_handler_t. */
static int
sysctl_proc_pid(const char *rest, void *buf, size_t *lenp)
{
	int pid = 0;

	if (*rest == '\0')
		return (kinfo_sysctl(curthread->td_proc->p_pid, buf, lenp));
	for (; *rest != '\0'; rest++) {
		if (*rest < '0' || *rest > '9' || pid > 100000000)
			return (ENOENT);
		pid = pid * 10 + (*rest - '0');
	}
	return (kinfo_sysctl(pid, buf, lenp));
}
SYSCTL_NODE_OPAQUE(kern_proc_pid, "kern.proc.pid", sysctl_proc_pid,
    "one process (struct kinfo_proc): kern.proc.pid.<pid>");
