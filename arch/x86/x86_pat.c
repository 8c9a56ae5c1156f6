/*
 * x86_pat.c - caching modes for page-table entries (see x86/pat.h),
 * shared by the i386 and amd64 pmaps.
 *
 * A 4 KiB PTE selects one of the eight IA32_PAT entries with three bits:
 * PAT (bit 7), PCD (bit 4) and PWT (bit 3); a large-page PDE has its PAT
 * bit at 12.  Entries 0..3 keep their power-on values (WB, WT, UC-, UC),
 * so every mapping that uses only PCD/PWT means what it always meant;
 * entries 4..7 are the same as 0..3 except entry 6, which becomes
 * write-combining.  Some older CPUs ignore the PAT bit in places (Intel
 * errata); with this layout they get entry 2 (UC-) for WC, which is
 * still correct, only slower.
 *
 * Without a PAT there are only the four PCD/PWT modes: write-combining
 * then falls back to uncacheable.
 */
#include <kernel/systm.h>
#include <vm/vm.h>
#include <x86/cpufunc.h>
#include <x86/pat.h>

#define MSR_PAT		0x277
#define CPUID_PAT	(1U << 16)	/* leaf 1, EDX */

/* Memory types as IA32_PAT encodes them (Intel SDM vol. 3, 12.12.2). */
#define PAT_UC		0x00
#define PAT_WC		0x01
#define PAT_WT		0x04
#define PAT_WB		0x06
#define PAT_UCMINUS	0x07

#define PAT_ENTRY(i, type)	((uint64_t)(type) << ((i) * 8))

/* Which PAT entry each mode uses. */
#define PAT_INDEX_WB	0
#define PAT_INDEX_WT	1
#define PAT_INDEX_UC	3
#define PAT_INDEX_WC	6

#define PTE_PWT		0x008
#define PTE_PCD		0x010
#define PTE_PAT		0x080		/* in a 4 KiB PTE */
#define PDE_PAT		0x1000		/* in a large-page PDE */

static bool pat_present;	/* (c) IA32_PAT programmed by pat_init */

/*
 * pat_init: program IA32_PAT with the layout above, if the CPU has one.
 * Only entries 4..7 change, and no mapping selects those before this
 * runs (locore's entries have the PAT bits clear), so no cache or TLB
 * flush is needed.  Boot only, one CPU, interrupts either way.
 */
void
pat_init(void)
{
	uint32_t regs[4];

	do_cpuid(1, regs);
	if ((regs[3] & CPUID_PAT) == 0) {
		printf("pat: this CPU has no PAT; write-combining mappings "
		    "will be uncacheable\n");
		return;
	}
	wrmsr(MSR_PAT,
	    PAT_ENTRY(0, PAT_WB) | PAT_ENTRY(1, PAT_WT) |
	    PAT_ENTRY(2, PAT_UCMINUS) | PAT_ENTRY(3, PAT_UC) |
	    PAT_ENTRY(4, PAT_WB) | PAT_ENTRY(5, PAT_WT) |
	    PAT_ENTRY(6, PAT_WC) | PAT_ENTRY(7, PAT_UC));
	pat_present = true;
}

/* The PTE bits that select PAT entry `index`. */
static uint64_t
pat_index_bits(int index, bool large)
{
	uint64_t bits = 0;

	if (index & 1)
		bits |= PTE_PWT;
	if (index & 2)
		bits |= PTE_PCD;
	if (index & 4)
		bits |= large ? PDE_PAT : PTE_PAT;
	return (bits);
}

/*
 * pat_pte_bits: the PWT/PCD/PAT bits for caching mode `ma`, for a 4 KiB
 * PTE or (large) a 2/4 MiB or 1 GiB page.  Pure; any context.
 */
uint64_t
pat_pte_bits(vm_memattr_t ma, bool large)
{
	switch (ma) {
	case VM_MEMATTR_DEFAULT:
		return (pat_index_bits(PAT_INDEX_WB, large));
	case VM_MEMATTR_WRITE_THROUGH:
		return (pat_index_bits(PAT_INDEX_WT, large));
	case VM_MEMATTR_UNCACHEABLE:
		return (pat_index_bits(PAT_INDEX_UC, large));
	case VM_MEMATTR_WRITE_COMBINING:
		return (pat_index_bits(pat_present ? PAT_INDEX_WC :
		    PAT_INDEX_UC, large));
	}
	panic("pat_pte_bits: unknown memory attribute %u", ma);
}
