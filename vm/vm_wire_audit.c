/*
 * vm_wire_audit.c - the wire audit (SEMANTICS R47): a debugging check,
 * run by reading the sysctl debug.vm_wire_audit, that the wirings the
 * maps describe and the wirings the pages and pmaps hold agree.  It
 * walks every process's map and the page array and checks:
 *
 *  - the page array against the counters (vm_page_audit: free pages,
 *    v_wire_count and each v_wire_<reason>);
 *  - per pmap: a present PTE in a wired entry is wired, none in an
 *    unwired entry is, and the pmap's wired count is the number of
 *    wired PTEs the wired entries cover (nothing wired elsewhere);
 *  - every page of a wired entry exists (the entry's objects have it);
 *  - every page wired by a user or system wiring has exactly as many
 *    wirings as wired entries show it (a holder for each, and a page a
 *    wired entry shows is wired);
 *  - vm.stats.vm.v_user_wire_count is the number of virtual pages in
 *    user-wired entries.
 *
 * Each violation is printed on the console; the value read is their
 * number (0: all hold).  The identities hold on a quiet system: an
 * entry in transition (a wiring under way) makes the audit skip the
 * whole-system checks, and say so.  The user tests read it last.
 *
 * Locking: the address spaces are found with interrupts off (allproc)
 * and held by a reference; each map is read-locked while it is walked,
 * each object locked while a page is looked up.  May sleep.
 */
#include <sys/errno.h>
#include <kernel/systm.h>
#include <kernel/machdep.h>
#include <kernel/malloc.h>
#include <kernel/proc.h>
#include <kernel/sysctl.h>
#include <vm/vm.h>
#include <vm/vm_page.h>
#include <vm/vm_object.h>
#include <vm/vm_map.h>
#include <vm/pmap.h>

#define AUDIT_FAIL(...) do {						\
	printf("wire audit: ");						\
	printf(__VA_ARGS__);						\
	printf("\n");							\
	bad++;								\
} while (0)

struct wire_audit {
	u_int	*holders;	/* per page of vm_page_array: wired entries
				   showing it */
	u_long	user_pages;	/* virtual pages in user-wired entries */
	bool	busy;		/* an entry was in transition */
};

/* Count a wired entry's hold on page `m`; false if `m` is not in RAM. */
static bool
wire_audit_hold(struct wire_audit *wa, vm_page_t m)
{
	long i = m - vm_page_array;

	if (i < 0 || i >= vm_page_array_size)
		return (false);
	wa->holders[i]++;
	return (true);
}

/* One page of entry `e` at `va`. */
static int
wire_audit_page(struct wire_audit *wa, pmap_t pmap, vm_map_entry_t e,
    vm_offset_t va)
{
	bool wired = pmap_is_wired(pmap, va);
	vm_page_t m;
	int bad = 0;

	if (e->wired_count == 0) {
		if (wired)
			AUDIT_FAIL("pmap %p va %#lx: wired PTE in an unwired "
			    "entry", pmap, (u_long)va);
		return (bad);
	}
	if (!wired && pmap_mincore(pmap, va) != 0)
		AUDIT_FAIL("pmap %p va %#lx: unwired PTE in a wired entry",
		    pmap, (u_long)va);
	if ((m = vm_fault_entry_page(e, va)) == NULL)
		AUDIT_FAIL("pmap %p va %#lx: a wired entry without its page",
		    pmap, (u_long)va);
	else if ((m->flags & PG_FICTITIOUS) == 0 && !wire_audit_hold(wa, m))
		AUDIT_FAIL("pmap %p va %#lx: page %p is not in the page "
		    "array", pmap, (u_long)va, m);
	return (bad);
}

/* One address space: its entries against its pmap. */
static int
wire_audit_vmspace(struct wire_audit *wa, struct vmspace *vm)
{
	vm_map_t map = &vm->vm_map;
	pmap_t pmap = vmspace_pmap(vm);
	vm_map_entry_t e;
	vm_offset_t va;
	long wired_ptes = 0;
	int bad = 0;

	vm_map_lock_read(map);
	TAILQ_FOREACH(e, &map->entries, link) {
		if ((e->eflags & MAP_ENTRY_IN_TRANSITION) != 0 ||
		    map->busy != 0) {
			wa->busy = true;
			break;
		}
		if ((e->eflags & MAP_ENTRY_GUARD) != 0)
			continue;
		for (va = e->start; va < e->end; va += PAGE_SIZE) {
			bad += wire_audit_page(wa, pmap, e, va);
			if (e->wired_count != 0 && pmap_is_wired(pmap, va))
				wired_ptes++;
		}
		if ((e->eflags & MAP_ENTRY_USER_WIRED) != 0)
			wa->user_pages += atop(e->end - e->start);
	}
	if (!wa->busy && pmap_wired_count(pmap) != wired_ptes)
		AUDIT_FAIL("pmap %p: %ld wired PTEs, the wired entries cover "
		    "%ld", pmap, (long)pmap_wired_count(pmap), wired_ptes);
	vm_map_unlock_read(map);
	return (bad);
}

/* The pages' wire counts against the holders the maps showed. */
static int
wire_audit_pages(struct wire_audit *wa)
{
	vm_page_t m;
	long i;
	int bad = 0;

	for (i = 0; i < vm_page_array_size; i++) {
		m = &vm_page_array[i];
		if (m->wire_reason == VM_WIRE_USER ||
		    m->wire_reason == VM_WIRE_SYSTEM) {
			if (m->wire_count != wa->holders[i])
				AUDIT_FAIL("page %#llx: %u %s wirings, %u wired "
				    "entries show it",
				    (unsigned long long)m->phys_addr,
				    m->wire_count,
				    vm_wire_reason_names[m->wire_reason],
				    wa->holders[i]);
		} else if (wa->holders[i] != 0)
			AUDIT_FAIL("page %#llx: shown by %u wired entries, "
			    "wired for %s", (unsigned long long)m->phys_addr,
			    wa->holders[i],
			    vm_wire_reason_names[m->wire_reason]);
	}
	if (wa->user_pages != vm_user_wire_count)
		AUDIT_FAIL("v_user_wire_count %lu, user-wired entries cover "
		    "%lu pages", vm_user_wire_count, wa->user_pages);
	return (bad);
}

/*
 * References to the address spaces of the live processes, each once,
 * into vms[max]; how many, or -1 if there were more than max.
 */
static int
wire_audit_vmspaces(struct vmspace **vms, int max)
{
	struct vmspace *vm;
	struct proc *p;
	unsigned long s;
	int i, n = 0;

	s = intr_disable();
	TAILQ_FOREACH(p, &allproc, p_list) {
		if (p->p_state != PRS_NORMAL || (vm = p->p_vmspace) == NULL)
			continue;
		for (i = 0; i < n && vms[i] != vm; i++)
			;
		if (i < n)
			continue;
		if (n == max) {
			n = -1;
			break;
		}
		vm->vm_refcnt++;	/* vmspace_free drops it likewise */
		vms[n++] = vm;
	}
	if (n < 0)
		for (i = 0; i < max; i++)
			vms[i]->vm_refcnt--;	/* none was the last */
	intr_restore(s);
	return (n);
}

/* vm_wire_audit: see vm_map.h. */
int
vm_wire_audit(void)
{
	struct wire_audit wa = { 0 };
	struct vmspace **vms = NULL;
	int bad, i, n = -1, max = 32;

	wa.holders = malloc(vm_page_array_size * sizeof(*wa.holders),
	    M_TEMP, M_NOWAIT | M_ZERO);
	while (wa.holders != NULL && n < 0) {
		free(vms, M_TEMP);
		max *= 2;
		if ((vms = malloc(max * sizeof(*vms), M_TEMP, M_NOWAIT)) ==
		    NULL)
			break;
		n = wire_audit_vmspaces(vms, max);
	}
	if (wa.holders == NULL || vms == NULL) {
		free(wa.holders, M_TEMP);
		return (-ENOMEM);
	}
	bad = vm_page_audit();
	for (i = 0; i < n; i++)
		bad += wire_audit_vmspace(&wa, vms[i]);
	if (wa.busy)
		printf("wire audit: a wiring is under way: whole-system "
		    "checks skipped\n");
	else
		bad += wire_audit_pages(&wa);
	for (i = 0; i < n; i++)
		vmspace_free(vms[i]);
	free(vms, M_TEMP);
	free(wa.holders, M_TEMP);
	return (bad);
}

/* debug.vm_wire_audit: an int, the audit's result (a node: may sleep). */
static int
sysctl_vm_wire_audit(const char *rest, void *buf, size_t *lenp)
{
	int bad;

	if (*rest != '\0')
		return (ENOENT);
	if (buf == NULL) {
		*lenp = sizeof(int);
		return (0);
	}
	if (*lenp < sizeof(int))
		return (ENOMEM);
	if ((bad = vm_wire_audit()) < 0)
		return (-bad);
	memcpy(buf, &bad, sizeof(bad));
	*lenp = sizeof(int);
	return (0);
}
SYSCTL_NODE_OPAQUE(debug_vm_wire_audit, "debug.vm_wire_audit",
    sysctl_vm_wire_audit,
    "R47 wire audit: maps, pmaps, pages and counters agree (violations)");
