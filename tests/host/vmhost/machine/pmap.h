/*
 * pmap.h (host) - struct pmap of the host build of vm/, whose pmap is
 * the fake of tests/host/vmhost/pmap_fake.c: no page tables, only a
 * table of mappings (one struct pv_entry each, in a red-black tree by
 * virtual address) that tests can inspect (pmap_fake.h).
 *
 * Lock keys: (c) constant after pmap_pinit; (l) pm_mtx;
 * (g) the fake's list of live pmaps (one thread: no lock).
 */
#ifndef _MACHINE_PMAP_H_
#define _MACHINE_PMAP_H_

#include <sys/queue.h>
#include <sys/tree.h>
#include <kernel/mutex.h>
#include <vm/vm.h>

struct pv_entry;
RB_HEAD(pmap_fake_tree, pv_entry);

struct pmap {
	struct mtx	pm_mtx;
	struct pmap_statistics pm_stats;	/* (l) */
	vm_paddr_t	pm_cr3;		/* (c) its pretend top-level table */
	struct pmap_fake_tree pm_tree;	/* (l) mappings by address */
	LIST_ENTRY(pmap) pm_link;	/* (g) live pmaps */
	u_long		pm_ninval;	/* (l) pmap_invalidate_* calls */
	bool		pm_live;	/* (c) between pinit and release */
};

#endif /* !_MACHINE_PMAP_H_ */
