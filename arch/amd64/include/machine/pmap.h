/*
 * pmap.h - the amd64 struct pmap, and what arch/amd64/pmap.c and
 * pmap_bootstrap.c share.  The interface is vm/pmap.h.
 *
 * A pmap is one PML4 page.  Its slots 0..255 (the user half) lead to
 * page-table pages of its own, allocated as needed and freed when their
 * last entry goes; slots 256..511 (the kernel half) are copied from the
 * kernel pmap at pmap_pinit and point at the same PDPTs, which exist from
 * pmap_bootstrap on, so a kernel mapping made later is seen by every
 * pmap.
 *
 * Lock keys: (c) constant after pmap_pinit / pmap_bootstrap; (l) pm_mtx.
 */
#ifndef _MACHINE_PMAP_H_
#define _MACHINE_PMAP_H_

#include <kernel/mutex.h>
#include <vm/vm.h>
#include <machine/pte.h>

struct pmap {
	struct mtx	pm_mtx;
	pt_entry_t	*pm_pml4;	/* (c) the PML4, through the DMAP */
	vm_paddr_t	pm_cr3;		/* (c) its physical address */
	struct pmap_statistics pm_stats; /* (l) */
};

/* Set once by pmap_bootstrap (pmap_bootstrap.c), used by pmap.c too. */
extern pt_entry_t pg_nx;	/* PG_NX if EFER.NXE is on, else 0 */
extern pt_entry_t pmap_pg_g;		/* PG_G if CR4.PGE is on, else 0 */
extern vm_paddr_t dmap_max_pa;	/* the DMAP maps [0, dmap_max_pa) */

/*
 * pagezero / pagecopy: fill one page at kernel address `va` with zeros,
 * or copy one page, 8 bytes a step (rep stosq / rep movsq: 512 steps,
 * where the C loop of memset and memcpy takes 4096 byte stores).  Any
 * context, no locks; the addresses are kernel ones (the DMAP).
 */
static inline void
pagezero(void *va)
{
	void *di;
	unsigned long cx;

	__asm__ volatile("rep stosq"
	    : "=D"(di), "=c"(cx)
	    : "0"(va), "1"(PAGE_SIZE / 8), "a"(0UL)
	    : "memory");
}

static inline void
pagecopy(void *dst, const void *src)
{
	void *di;
	const void *si;
	unsigned long cx;

	__asm__ volatile("rep movsq"
	    : "=D"(di), "=S"(si), "=c"(cx)
	    : "0"(dst), "1"(src), "2"(PAGE_SIZE / 8)
	    : "memory");
}

#endif /* !_MACHINE_PMAP_H_ */
