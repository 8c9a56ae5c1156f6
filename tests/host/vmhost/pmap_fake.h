/*
 * pmap_fake.h - what host tests can see and steer of the fake pmap
 * (pmap_fake.c): its table of mappings, a pretend MMU, a consistency
 * check, and injected failures.
 *
 * The fake implements vm/pmap.h without page tables: every mapping is a
 * struct pv_entry in its pmap's red-black tree (by virtual address) and,
 * for a managed page, on the page's pv list.  It keeps pm_stats exact,
 * and pmap_pinit takes one wired page (reason VM_WIRE_PGTABLE) as the
 * pretend top-level table, so that a pmap leak is a page leak.
 *
 * One thread: nothing here takes a lock but the pmap's own.
 */
#ifndef _TESTS_HOST_VMHOST_PMAP_FAKE_H_
#define _TESTS_HOST_VMHOST_PMAP_FAKE_H_

#include <stdbool.h>
#include <vm/vm.h>
#include <vm/pmap.h>

/* One mapping, as pmap_fake_lookup reports it. */
struct pmap_fake_mapping {
	vm_page_t	m;		/* the page (NULL: not RAM) */
	vm_paddr_t	pa;		/* its physical address */
	vm_prot_t	prot;		/* protection of the "PTE" */
	bool		wired;		/* PG_W */
	bool		managed;	/* has a pv entry on m's list */
	bool		referenced;	/* PG_A */
	bool		modified;	/* PG_M */
};

/*
 * pmap_fake_lookup: the mapping of `va` (any address in the page) in
 * `pmap`: true and *out filled (out may be NULL), or false if none.
 */
bool	pmap_fake_lookup(pmap_t pmap, vm_offset_t va,
	    struct pmap_fake_mapping *out);

/* pmap_fake_count: mappings in `pmap` (by walking its table). */
long	pmap_fake_count(pmap_t pmap);
/* pmap_fake_count_wired: wired mappings in `pmap` (by walking). */
long	pmap_fake_count_wired(pmap_t pmap);
/* pmap_fake_page_mappings: entries on the pv list of page `m`. */
int	pmap_fake_page_mappings(vm_page_t m);

/* Results of pmap_fake_access. */
#define PMAP_FAKE_HIT		0	/* the access went through */
#define PMAP_FAKE_MISS		1	/* no mapping: a page fault */
#define PMAP_FAKE_PROT		2	/* a mapping without the rights */

/*
 * pmap_fake_access: the MMU: an access of `type` (VM_PROT_READ, _WRITE
 * or _EXECUTE; one bit or several) at `va` in `pmap`.  It hits if a
 * mapping exists whose protection includes every bit of `type`; then
 * its referenced bit is set (and modified for a write) and *mp (mp may
 * be NULL) is the page.  Otherwise it returns MISS or PROT and changes
 * nothing: the caller is to call vm_fault and try again.
 */
int	pmap_fake_access(pmap_t pmap, vm_offset_t va, vm_prot_t type,
	    vm_page_t *mp);

/*
 * pmap_fake_check: verify `pmap`'s table (order, page alignment, no
 * page-table entry for an address outside its range), that pm_stats
 * match it, and that each managed mapping is on its page's pv list.
 * Prints problems; returns how many.
 */
int	pmap_fake_check(pmap_t pmap);
/*
 * pmap_fake_check_page: every pv entry on `m`'s list belongs to a live
 * pmap and is the mapping that pmap has at that address, for m.
 */
int	pmap_fake_check_page(vm_page_t m);
/* pmap_fake_check_all: pmap_fake_check of every live pmap and the kernel's. */
int	pmap_fake_check_all(void);

/* pmap_fake_live: user pmaps between pmap_pinit and pmap_release. */
int	pmap_fake_live(void);
/* pmap_fake_pv_count: mappings of managed pages in all pmaps. */
long	pmap_fake_pv_count(void);

/*
 * Injected failures, for the shortage paths: when a counter is n > 0,
 * the n-th call from now fails (pmap_enter with KERN_RESOURCE_SHORTAGE,
 * pmap_pinit with ENOMEM, pmap_growkernel with ENOMEM) and the counter
 * goes back to 0.  Counters that are 0 inject nothing.
 */
extern int	pmap_fake_fail_enter;
extern int	pmap_fake_fail_pinit;
extern int	pmap_fake_fail_growkernel;

/*
 * pmap_fake_kva_remap: make every kernel mapping of the arena again over
 * the pretend RAM (vmhost_fork_child, after replacing the RAM).
 */
void	pmap_fake_kva_remap(void);

/* Calls so far, for tests that want to see the VM used the pmap. */
extern u_long	pmap_fake_nenter;
extern u_long	pmap_fake_nremove_all;

#endif /* !_TESTS_HOST_VMHOST_PMAP_FAKE_H_ */
