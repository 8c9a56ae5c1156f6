/*
 * vmparam.h (host) - a pretend machine for the host tests of vm/: its
 * "physical memory" is a buffer (vmhost_phys) and, like i386, only the
 * low part of it is direct-mapped, so both free lists get exercised.
 */
#ifndef _MACHINE_VMPARAM_H_
#define _MACHINE_VMPARAM_H_

#include <machine/param.h>

#define VM_NFREELIST		2
#define VM_FREELIST_DEFAULT	0
#define VM_FREELIST_DIRECT	1

#define VM_PHYS_MAX_PA		0x100000000ULL
#define VM_DIRECT_MAX_PA	0x01000000ULL	/* 16 MiB */
#define VM_EARLY_MAX_PA		VM_DIRECT_MAX_PA

extern char *vmhost_phys;		/* physical address 0 */
#define PHYS_TO_DMAP(pa)	((vm_offset_t)(vmhost_phys + (pa)))
#define DMAP_TO_PHYS(va)	((vm_paddr_t)((char *)(va) - vmhost_phys))

#endif /* !_MACHINE_VMPARAM_H_ */
