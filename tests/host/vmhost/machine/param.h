/*
 * param.h (host) - the machine constants the machine-independent VM
 * needs, for building vm/ on the host (tests/host/vmhost.mk).
 */
#ifndef _MACHINE_PARAM_H_
#define _MACHINE_PARAM_H_

#define PAGE_SHIFT	12
#define PAGE_SIZE	(1UL << PAGE_SHIFT)
#define PAGE_MASK	(PAGE_SIZE - 1)

/* Only used by vm_phys_init(), which the host tests do not call. */
#define KERNBASE	0UL
#define KERNLOAD	0x200000UL

#endif /* !_MACHINE_PARAM_H_ */
