/*
 * param.h - host stand-in for <machine/param.h> in the vmem host test
 * (tests/host/vmem.mk): 4 KiB pages, as on both x86 ARCHes.
 */
#ifndef _MACHINE_PARAM_H_
#define _MACHINE_PARAM_H_

#define PAGE_SHIFT	12
#define PAGE_SIZE	(1UL << PAGE_SHIFT)
#define PAGE_MASK	(PAGE_SIZE - 1)

#endif /* !_MACHINE_PARAM_H_ */
