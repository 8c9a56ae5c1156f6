/*
 * pte.h - i386 page-table entries: PAE paging (3 levels, 64-bit entries).
 *
 * CR3 points at a page-directory-pointer table (PDPT) of 4 entries, one
 * per GiB of the address space.  Each present PDPT entry points at a
 * page directory (PD) of 512 PDEs of 2 MiB each; a PDE points at a page
 * table (PT) of 512 4 KiB PTEs or, with PG_PS, maps one 2 MiB page.
 * Entries are 64 bits: the physical frame in bits 12..51 and, when
 * EFER.NXE is on, no-execute in bit 63 (PG_NX).  A PDPT entry has only
 * PG_V, PG_PWT and PG_PCD: the rest of its low bits and bit 63 are
 * reserved, and the CPU loads all four into registers when CR3 is
 * written, so a change to one takes effect at the next CR3 load.
 *
 * Bits 9..11 are free for the OS: Vise keeps the wired bit (PG_W,
 * SEMANTICS 1.5) and the "a pv entry exists" bit (PG_MANAGED) there.
 *
 * Atomicity.  The CPU is 32-bit: a C read of a 64-bit entry is two
 * 32-bit loads, and a C store two 32-bit stores (gcc has no inline 64-bit
 * atomics without the x87, which the kernel does not use: it would call
 * libatomic).  While an entry is valid the MMU may set PG_A and PG_M in
 * it at any time (a locked read-modify-write of the entry), and
 * pmap_kextract reads kernel entries without a lock.  So no PTE, PDE or
 * PDPT entry of a live table is touched by a plain C access; every
 * access goes through the functions below, which use `lock cmpxchg8b`,
 * one 64-bit atomic operation:
 *	pte_load	an untorn read (a compare-and-exchange of 0 with 0:
 *			it stores only when the entry is 0, the same value)
 *	pte_store	an atomic exchange; returns the old entry with any
 *			A/D bits the MMU set up to the last moment
 *	pte_load_clear	pte_store of 0
 *	pte_update	clear and set bits in one compare-and-exchange loop,
 *			so an A/D update in between is never lost
 * Fresh tables not yet linked anywhere may be filled with plain stores
 * (pmap_bootstrap, locore).
 */
#ifndef _MACHINE_PTE_H_
#define _MACHINE_PTE_H_

#include <stdint.h>

typedef uint64_t	pt_entry_t;	/* a PTE */
typedef uint64_t	pd_entry_t;	/* a PDE */
typedef uint64_t	pdpt_entry_t;	/* a PDPT entry */

#define PG_V		0x001ULL	/* present */
#define PG_RW		0x002ULL	/* writable */
#define PG_U		0x004ULL	/* user accessible */
#define PG_PWT		0x008ULL	/* write-through */
#define PG_PCD		0x010ULL	/* cache disable */
#define PG_A		0x020ULL	/* accessed (set by the CPU) */
#define PG_M		0x040ULL	/* dirty (set by the CPU on a write) */
#define PG_PS		0x080ULL	/* in a PDE: 2 MiB page */
#define PG_PTE_PAT	0x080ULL	/* in a PTE: PAT index bit */
#define PG_G		0x100ULL	/* global: CR3 loads keep it (PGE) */
#define PG_W		0x200ULL	/* software: wired mapping */
#define PG_MANAGED	0x400ULL	/* software: the page has a pv entry */
#define PG_PDE_PAT	0x1000ULL	/* in a 2 MiB PDE: PAT index bit */
#define PG_NX		(1ULL << 63)	/* no execute (EFER.NXE) */

#define PG_FRAME	0x000ffffffffff000ULL	/* -> next table or page */
#define PG_PS_FRAME	0x000fffffffe00000ULL	/* 2 MiB PDE: frame */
#define PG_CACHE_MASK	(PG_PWT | PG_PCD | PG_PTE_PAT)
#define PG_PS_CACHE_MASK (PG_PWT | PG_PCD | PG_PDE_PAT)
/* The bits a PDPT entry may have. */
#define PG_PDPTE_MASK	(PG_FRAME | PG_V | PG_PWT | PG_PCD)

#define NPTEPG		512		/* PTEs in a page table */
#define NPDEPG		512		/* PDEs in a page directory */
#define NPDPTEPG	4		/* entries in the PDPT */
#define PDRSHIFT	21
#define NBPDR		(1UL << PDRSHIFT)	/* bytes one PDE maps: 2 MiB */
#define PDRMASK		(NBPDR - 1)
#define PDPTSHIFT	30
#define NBPDPT		(1ULL << PDPTSHIFT)	/* one PDPT entry: 1 GiB */

/* Index of `va` in the PDPT, in its page directory, in its page table. */
#define pdpti(va)	((uint32_t)(va) >> PDPTSHIFT)
#define pdei(va)	(((uint32_t)(va) >> PDRSHIFT) & (NPDEPG - 1))
#define ptei(va)	(((uint32_t)(va) >> 12) & (NPTEPG - 1))

/*
 * Levels for walks: 3 is the PDPT, 2 a page directory, 1 a page table.
 * PT_SHIFT(l): log2 of the bytes one level-l entry spans.
 */
#define PT_LEVELS	3
#define PT_SHIFT(l)	(12 + 9 * ((l) - 1))
#define PT_SPAN(l)	(1ULL << PT_SHIFT(l))
#define PT_INDEX(va, l)	(((uint32_t)(va) >> PT_SHIFT(l)) & \
			    ((l) == PT_LEVELS ? NPDPTEPG - 1 : NPTEPG - 1))

/*
 * pte_cmpxchg: if *p holds `old`, store `new`; either way return what
 * *p held (so the store happened iff the result is `old`).  One locked
 * cmpxchg8b; any context.
 */
static inline uint64_t
pte_cmpxchg(volatile uint64_t *p, uint64_t old, uint64_t new)
{
	__asm__ volatile("lock cmpxchg8b %1"
	    : "+A"(old), "+m"(*p)
	    : "b"((uint32_t)new), "c"((uint32_t)(new >> 32))
	    : "memory", "cc");
	return (old);
}

/* pte_load: the entry at `p`, read in one piece.  Any context. */
static inline uint64_t
pte_load(volatile uint64_t *p)
{
	return (pte_cmpxchg(p, 0, 0));
}

/*
 * pte_store: put `new` at `p`; returns the entry it replaced, A/D bits
 * the MMU set included.  Any context.
 */
static inline uint64_t
pte_store(volatile uint64_t *p, uint64_t new)
{
	uint64_t old = 0, cur;

	while ((cur = pte_cmpxchg(p, old, new)) != old)
		old = cur;
	return (old);
}

/* pte_load_clear: clear the entry at `p`; returns what it held. */
static inline uint64_t
pte_load_clear(volatile uint64_t *p)
{
	return (pte_store(p, 0));
}

/*
 * pte_update: clear `clear` and set `set` in the entry at `p` without
 * losing an A/D update; returns the entry before.  Any context.
 */
static inline uint64_t
pte_update(volatile uint64_t *p, uint64_t clear, uint64_t set)
{
	uint64_t old, cur;

	old = pte_load(p);
	while ((cur = pte_cmpxchg(p, old, (old & ~clear) | set)) != old)
		old = cur;
	return (old);
}

#endif /* !_MACHINE_PTE_H_ */
