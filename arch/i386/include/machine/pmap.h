/*
 * pmap.h - the i386 pmap's data: struct pmap, and the layout and helpers
 * that arch/i386 (pmap.c, pmap_bootstrap.c, machdep.c) share.  The
 * machine-independent interface is vm/pmap.h.
 *
 * Lock keys:
 *	(c)  constant while the pmap exists (set by pmap_pinit/bootstrap)
 *	(l)  pm_mtx
 */
#ifndef _MACHINE_PMAP_H_
#define _MACHINE_PMAP_H_

#include <kernel/mutex.h>
#include <vm/vm.h>
#include <machine/pte.h>
#include <machine/vmparam.h>

struct pmap {
	struct mtx	pm_mtx;		/* protects the user PTEs and pm_stats */
	pdpt_entry_t	*pm_pdpt;	/* (c) KVA of the PDPT: a whole page */
	vm_paddr_t	pm_cr3;		/* (c) its physical address (< 4 GiB) */
	/*
	 * (l) struct pmap_statistics: vm/pmap.h defines that type after it
	 * includes this header, so the same two members are spelled out
	 * here (as on amd64).
	 */
	struct {
		long	resident_count;	/* 4 KiB pages mapped */
		long	wired_count;	/* 4 KiB pages mapped by PG_W entries */
		long	pgtable_count;	/* its page-table pages, PDPT
					   included (user pmaps) */
	} pm_stats;
};

/*
 * PDPT slot of KERNBASE: the kernel's GiB.  Every pmap's PDPT points
 * this slot at the same page directory, the kernel's (pmap_kpd); slots
 * 0 .. KPDPTI - 1 are the pmap's own user page directories.
 */
#define KPDPTI		pdpti(KERNBASE)

/*
 * Temporary per-CPU mappings (pmap_zero_page, pmap_copy_page of pages
 * above the direct window): PMAP_TMPMAP_NPAGES pages per CPU from
 * PMAP_TMPMAP_BASE, in one page table that pmap_bootstrap() allocates.
 */
#define PMAP_TMPMAP_BASE	DEVWIN_EARLY_END	/* 0xFF000000 */
#define PMAP_TMPMAP_NPAGES	2
#define PMAP_TMPMAP_VA(cpu, i)	(PMAP_TMPMAP_BASE + \
	    ((cpu) * PMAP_TMPMAP_NPAGES + (i)) * PAGE_SIZE)

/* Set once by pmap_bootstrap(), constant afterwards. */
extern pt_entry_t pmap_pg_g;	/* PG_G if CR4.PGE is on, else 0 */
extern pt_entry_t pg_nx;	/* PG_NX if EFER.NXE is on, else 0 */
extern vm_paddr_t pmap_direct_end; /* the direct window maps [0, this) */
extern pd_entry_t *pmap_kpd;	/* the kernel's page directory (KVA) */

/*
 * pmap_pte: the PTE for `va` in `pmap` (a kernel address: in the
 * kernel's page directory), or NULL if no page table covers it (an
 * entry above it not present, or a 2 MiB page).  Read the entry with
 * pte_load (machine/pte.h).  Caller holds pm_mtx, or `va` is a kernel
 * address (the kernel's page tables never change after boot).
 */
pt_entry_t *pmap_pte(pmap_t pmap, vm_offset_t va);

/*
 * pmap_kwalk: walk kernel address `va` through the kernel pmap, 2 MiB
 * pages included.  Returns the level where the walk ended (3: no page
 * directory, 2: a 2 MiB page or no page table, 1: a PTE) and sets
 * *entryp to the effective entry: the leaf's frame and bits, PG_RW and
 * PG_U only if every level has them, PG_NX if any level has it; 0 if
 * `va` is not mapped.  No locks (the kernel's tables are fixed); any
 * context.
 */
int	pmap_kwalk(vm_offset_t va, pt_entry_t *entryp);

/* pagezero: fill one page at kernel address `va` with zeros, fast. */
static inline void
pagezero(void *va)
{
	int edi, ecx;

	__asm__ volatile("rep stosl"
	    : "=D"(edi), "=c"(ecx)
	    : "0"(va), "1"(PAGE_SIZE / 4), "a"(0)
	    : "memory");
}

/*
 * i386_direct_window_end: the physical address where the final direct
 * window ends: the end of usable RAM, at most VM_DIRECT_MAX_PA and at
 * least 1 MiB (the legacy area: BIOS data, VGA text), page aligned.
 * Read from the boot memory map; 0 while that is not known yet.
 * Boot (machdep.c), no locks.
 */
vm_paddr_t i386_direct_window_end(void);

/*
 * i386_early_direct_used: one past the highest physical byte that
 * pmap_mapdev_early() handed out through the direct window (machdep.c);
 * pmap_bootstrap() checks that the final window still covers it.
 */
extern vm_paddr_t i386_early_direct_used;

/*
 * locore.asm's PDPT and its page directory for the kernel's GiB, at
 * their physical addresses (not their KVAs).
 */
extern pdpt_entry_t boot_pdpt[NPDPTEPG];
extern pd_entry_t boot_kpd[NPDEPG];

/*
 * kernel.ld: the image by kind of section, each kind page aligned:
 * [_text, _etext) text, [_rodata, _erodata) the symbol table and
 * read-only data, [_data, _end) data and bss.
 */
extern char _text[], _etext[], _rodata[], _erodata[], _data[], _end[];

#endif /* !_MACHINE_PMAP_H_ */
