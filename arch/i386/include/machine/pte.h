/*
 * pte.h - i386 page-table entries: 2-level paging without PAE.
 *
 * A page directory (PD) of 1024 PDEs each maps 4 MiB, either through a
 * page table (PT) of 1024 4 KiB PTEs or, with PG_PS, as one 4 MiB page
 * (only the early device window uses those).  Entries are 32 bits;
 * physical addresses are 32 bits.  There is no NX bit without PAE.
 *
 * Bits 9..11 are free for the OS: Vise keeps the wired bit (PG_W,
 * SEMANTICS 1.5) and the "a pv entry exists" bit (PG_MANAGED) there.
 */
#ifndef _MACHINE_PTE_H_
#define _MACHINE_PTE_H_

#include <stdint.h>

typedef uint32_t	pt_entry_t;	/* a PTE */
typedef uint32_t	pd_entry_t;	/* a PDE */

#define PG_V		0x001	/* present */
#define PG_RW		0x002	/* writable */
#define PG_U		0x004	/* user accessible */
#define PG_PWT		0x008	/* write-through */
#define PG_PCD		0x010	/* cache disable */
#define PG_A		0x020	/* accessed (set by the CPU) */
#define PG_M		0x040	/* dirty (set by the CPU on a write) */
#define PG_PS		0x080	/* in a PDE: 4 MiB page */
#define PG_PTE_PAT	0x080	/* in a PTE: PAT index bit */
#define PG_G		0x100	/* global: survives CR3 loads (CR4.PGE) */
#define PG_W		0x200	/* software: wired mapping */
#define PG_MANAGED	0x400	/* software: the page has a pv entry for it */
#define PG_PDE_PAT	0x1000	/* in a 4 MiB PDE: PAT index bit */

#define PG_FRAME	0xfffff000U	/* PTE or PDE -> page table: frame */
#define PG_PS_FRAME	0xffc00000U	/* 4 MiB PDE: frame */
#define PG_CACHE_MASK	(PG_PWT | PG_PCD | PG_PTE_PAT)
#define PG_PS_CACHE_MASK (PG_PWT | PG_PCD | PG_PDE_PAT)

#define NPTEPG		1024		/* PTEs in a page table */
#define NPDEPG		1024		/* PDEs in a page directory */
#define PDRSHIFT	22
#define NBPDR		(1UL << PDRSHIFT)	/* bytes one PDE maps: 4 MiB */
#define PDRMASK		(NBPDR - 1)

/* Index of `va` in the page directory and in its page table. */
#define pdei(va)	((uint32_t)(va) >> PDRSHIFT)
#define ptei(va)	(((uint32_t)(va) >> 12) & (NPTEPG - 1))

#endif /* !_MACHINE_PTE_H_ */
