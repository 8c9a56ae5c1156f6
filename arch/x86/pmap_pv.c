/*
 * pmap_pv.c - pv entries: which (pmap, va) places map each managed page
 * (see x86/pv.h).  A singly linked list per page; pages have few
 * mappings, so a walk to remove one is short.  Also the queries of the
 * referenced and modified bits of a page's mappings, which only walk
 * that list (the same on both ARCHes: pte_load/pte_update are each
 * ARCH's <machine/pte.h>, pmap_pv_pte its pmap.c).
 */
#include <kernel/systm.h>
#include <kernel/malloc.h>
#include <vm/vm.h>
#include <vm/vm_page.h>
#include <vm/uma.h>
#include <vm/pmap.h>
#include <kernel/mutex.h>
#include <x86/pv.h>

static uma_zone_t pv_zone;

void
pv_init(void)
{
	pv_zone = uma_zcreate("pv entries", sizeof(struct pv_entry), 0);
	if (pv_zone == NULL)
		panic("pv_init: cannot create the pv entry zone");
}

bool
pv_insert(vm_page_t m, pmap_t pmap, vm_offset_t va)
{
	struct pv_entry *pv;

	KASSERT((m->oflags & VPO_UNMANAGED) == 0,
	    ("pv_insert: page %#llx is unmanaged",
	    (unsigned long long)m->phys_addr));
	pv = uma_zalloc(pv_zone, M_NOWAIT);
	if (pv == NULL)
		return (false);
	pv->pv_pmap = pmap;
	pv->pv_va = va;
	pv->pv_next = m->pv_list;
	m->pv_list = pv;
	return (true);
}

void
pv_remove(vm_page_t m, pmap_t pmap, vm_offset_t va)
{
	struct pv_entry **prevp, *pv;

	for (prevp = &m->pv_list; (pv = *prevp) != NULL;
	    prevp = &pv->pv_next) {
		if (pv->pv_pmap == pmap && pv->pv_va == va) {
			*prevp = pv->pv_next;
			uma_zfree(pv_zone, pv);
			return;
		}
	}
	panic("pv_remove: page %#llx has no mapping at %#lx in pmap %p",
	    (unsigned long long)m->phys_addr, (u_long)va, pmap);
}

int
pv_count(vm_page_t m)
{
	struct pv_entry *pv;
	int n = 0;

	for (pv = m->pv_list; pv != NULL; pv = pv->pv_next)
		n++;
	return (n);
}

/*
 * pmap_is_modified / pmap_clear_modify / pmap_ts_referenced: see
 * vm/pmap.h.  PG_M and PG_A of every mapping on the pv list, each read
 * or cleared under its pmap's lock; a cleared bit is flushed from the
 * TLB so the CPU sets it again on the next access.
 */
bool
pmap_is_modified(vm_page_t m)
{
	struct pv_entry *pv;
	bool modified = false;

	KASSERT((m->oflags & VPO_UNMANAGED) == 0,
	    ("pmap_is_modified: page %#llx is unmanaged",
	    (unsigned long long)m->phys_addr));
	for (pv = m->pv_list; pv != NULL && !modified; pv = pv->pv_next) {
		mtx_lock(&pv->pv_pmap->pm_mtx);
		modified = (pte_load(pmap_pv_pte(m, pv)) & PG_M) != 0;
		mtx_unlock(&pv->pv_pmap->pm_mtx);
	}
	return (modified);
}

void
pmap_clear_modify(vm_page_t m)
{
	struct pv_entry *pv;
	pt_entry_t old;

	KASSERT((m->oflags & VPO_UNMANAGED) == 0,
	    ("pmap_clear_modify: page %#llx is unmanaged",
	    (unsigned long long)m->phys_addr));
	for (pv = m->pv_list; pv != NULL; pv = pv->pv_next) {
		mtx_lock(&pv->pv_pmap->pm_mtx);
		old = pte_update(pmap_pv_pte(m, pv), PG_M, 0);
		if ((old & PG_M) != 0)
			pmap_invalidate_page(pv->pv_pmap, pv->pv_va);
		mtx_unlock(&pv->pv_pmap->pm_mtx);
	}
}

int
pmap_ts_referenced(vm_page_t m)
{
	struct pv_entry *pv;
	pt_entry_t old;
	int count = 0;

	KASSERT((m->oflags & VPO_UNMANAGED) == 0,
	    ("pmap_ts_referenced: page %#llx is unmanaged",
	    (unsigned long long)m->phys_addr));
	for (pv = m->pv_list; pv != NULL; pv = pv->pv_next) {
		mtx_lock(&pv->pv_pmap->pm_mtx);
		old = pte_update(pmap_pv_pte(m, pv), PG_A, 0);
		if ((old & PG_A) != 0) {
			count++;
			pmap_invalidate_page(pv->pv_pmap, pv->pv_va);
		}
		mtx_unlock(&pv->pv_pmap->pm_mtx);
	}
	return (count);
}
