/*
 * pv.h - pv entries: for each managed page, the list of (pmap, va)
 * places that map it, so pmap_remove_all() and the A/D queries can find
 * every mapping.  The same code serves i386 and amd64.
 *
 * The list hangs off vm_page.pv_list.  Entries come from a uma zone.
 * Locking: the caller holds the lock of `pmap` (one CPU: that is
 * enough for the page's list too).
 */
#ifndef _X86_PV_H_
#define _X86_PV_H_

#include <vm/vm.h>
#include <vm/vm_page.h>
#include <machine/pte.h>

struct pv_entry {
	pmap_t		pv_pmap;	/* the pmap that maps the page */
	vm_offset_t	pv_va;		/* at this address */
	struct pv_entry	*pv_next;	/* the page's next mapping */
};

/* pv_init: create the zone.  Boot, from pmap_init(). */
void	pv_init(void);

/*
 * pv_insert: record that `pmap` maps `m` at `va`.  Returns false if no
 * entry could be allocated (nothing changed).  Never sleeps.
 */
bool	pv_insert(vm_page_t m, pmap_t pmap, vm_offset_t va);

/* pv_remove: forget that mapping; it must exist (KASSERT). */
void	pv_remove(vm_page_t m, pmap_t pmap, vm_offset_t va);

/* pv_count: how many mappings `m` has. */
int	pv_count(vm_page_t m);

/*
 * pmap_pv_pte: the PTE through which pv entry `pv` maps page `m` (each
 * ARCH's pmap.c: its tables differ).  The pv's pmap is locked; the PTE
 * must exist and map `m` (KASSERT).
 */
pt_entry_t *pmap_pv_pte(vm_page_t m, struct pv_entry *pv);

#endif /* !_X86_PV_H_ */
