/*
 * pte.h - amd64 page-table entries: 4-level paging (PML4, PDPT, PD, PT).
 *
 * Every table is one 4 KiB page of 512 64-bit entries.  The levels are
 * numbered from the bottom: level 1 is a page table (PT) of 4 KiB PTEs,
 * level 2 a page directory (PD, an entry maps 2 MiB), level 3 a page
 * directory pointer table (PDPT, 1 GiB), level 4 the PML4 (512 GiB).
 * An entry at level 2 or 3 with PG_PS maps a 2 MiB or 1 GiB page
 * itself (only the kernel's direct map uses those).
 *
 * Bits 9..11 are free for the OS: Vise keeps the wired bit (PG_W,
 * SEMANTICS 1.5) and the "a pv entry exists" bit (PG_MANAGED) there.
 */
#ifndef _MACHINE_PTE_H_
#define _MACHINE_PTE_H_

#include <stdint.h>

typedef uint64_t	pt_entry_t;	/* an entry at any level */

#define PG_V		0x001ULL	/* present */
#define PG_RW		0x002ULL	/* writable */
#define PG_U		0x004ULL	/* user accessible */
#define PG_PWT		0x008ULL	/* write-through */
#define PG_PCD		0x010ULL	/* cache disable */
#define PG_A		0x020ULL	/* accessed (set by the CPU) */
#define PG_M		0x040ULL	/* dirty (set by the CPU on a write) */
#define PG_PS		0x080ULL	/* levels 2, 3: a large page */
#define PG_PTE_PAT	0x080ULL	/* level 1: PAT index bit */
#define PG_G		0x100ULL	/* global: kept across CR3 loads */
#define PG_W		0x200ULL	/* software: wired mapping */
#define PG_MANAGED	0x400ULL	/* software: the page has a pv entry */
#define PG_PDE_PAT	0x1000ULL	/* large page: PAT index bit */
#define PG_NX		(1ULL << 63)	/* no execute (EFER.NXE) */

#define PG_FRAME	0x000ffffffffff000ULL	/* next table or 4 KiB frame */
#define PG_PS_FRAME	0x000fffffffe00000ULL	/* 2 MiB page frame */
#define PG_1G_FRAME	0x000fffffc0000000ULL	/* 1 GiB page frame */
#define PG_CACHE_MASK	(PG_PWT | PG_PCD | PG_PTE_PAT)

#define NPTEPG		512		/* entries in a table, any level */
#define PT_LEVELS	4

#define PDRSHIFT	21
#define NBPDR		(1UL << PDRSHIFT)	/* a PD entry maps 2 MiB */
#define PDPSHIFT	30
#define NBPDP		(1UL << PDPSHIFT)	/* a PDPT entry maps 1 GiB */
#define PML4SHIFT	39
#define NBPML4		(1UL << PML4SHIFT)	/* a PML4 entry maps 512 GiB */

/* The shift of the address bits that index a level-`l` table (1..4). */
#define PT_SHIFT(l)	(12 + 9 * ((l) - 1))
/* Bytes one entry of a level-`l` table maps. */
#define PT_SPAN(l)	(1UL << PT_SHIFT(l))
/* Index of `va` in its level-`l` table. */
#define PT_INDEX(va, l)	(((uint64_t)(va) >> PT_SHIFT(l)) & (NPTEPG - 1))

/* PML4 slots 256..511 map the kernel half, shared by every pmap. */
#define NUPML4E		256

#ifndef __ASSEMBLER__
/* pte_load: the entry at `p` (a 64-bit load is one piece here). */
static inline uint64_t
pte_load(volatile uint64_t *p)
{
	return (*p);
}

/*
 * pte_update: clear `clear` and set `set` in the live entry at `p`
 * without losing an A/D update the MMU makes meanwhile; returns the
 * entry before.  Any context.
 */
static inline uint64_t
pte_update(volatile uint64_t *p, uint64_t clear, uint64_t set)
{
	uint64_t old, new;

	old = *p;
	do {
		new = (old & ~clear) | set;
	} while (!__atomic_compare_exchange_n(p, &old, new, false,
	    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST));
	return (old);
}
#endif

#endif /* !_MACHINE_PTE_H_ */
