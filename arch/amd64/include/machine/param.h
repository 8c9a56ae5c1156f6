/*
 * param.h - amd64 machine constants: address-space layout and page size.
 */
#ifndef _MACHINE_PARAM_H_
#define _MACHINE_PARAM_H_

#define PAGE_SHIFT	12
#define PAGE_SIZE	(1UL << PAGE_SHIFT)
#define PAGE_MASK	(PAGE_SIZE - 1)

/* The kernel image: linked at KERNBASE + physical address. */
#define KERNBASE	0xFFFFFFFF80000000UL
#define KERNLOAD	0x200000UL

/*
 * The early direct map: the first 4 GiB of physical memory at
 * DMAP_BASE, built by locore with 2 MiB pages (see locore.asm).
 */
#define DMAP_BASE	0xFFFF800000000000UL
#define DMAP_EARLY_SIZE	0x100000000UL

/* Everything at or above this is the kernel's. */
#define VM_MIN_KERNEL_ADDRESS	0xFFFF800000000000UL

#define KSTACK_SIZE	(4 * PAGE_SIZE)

#endif /* !_MACHINE_PARAM_H_ */
