/*
 * pmap_pv.c - pv entries: which (pmap, va) places map each managed page
 * (see x86/pv.h).  A singly linked list per page; pages have few
 * mappings, so a walk to remove one is short.
 */
#include <kernel/systm.h>
#include <kernel/malloc.h>
#include <vm/vm.h>
#include <vm/vm_page.h>
#include <vm/uma.h>
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
