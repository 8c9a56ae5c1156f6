/*
 * pat.h - memory caching modes for page-table entries (the PAT).
 *
 * pat_init() programs the IA32_PAT MSR so that every VM_MEMATTR_* mode
 * has a PAT entry; pat_pte_bits() gives the PWT/PCD/PAT bits that select
 * it in a 4 KiB PTE or in a large-page PDE (where the PAT bit is bit 12).
 * Shared by the i386 and amd64 pmaps.
 */
#ifndef _X86_PAT_H_
#define _X86_PAT_H_

#include <vm/vm.h>

/* pat_init: program the PAT on this CPU.  Boot, from pmap_bootstrap(). */
void	pat_init(void);

/* pat_pte_bits: the caching bits for `ma`; `large`: for a PS PDE. */
uint64_t pat_pte_bits(vm_memattr_t ma, bool large);

#endif /* !_X86_PAT_H_ */
