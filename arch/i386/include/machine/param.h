/*
 * param.h - i386 machine constants: address-space layout and page size.
 */
#ifndef _MACHINE_PARAM_H_
#define _MACHINE_PARAM_H_

#define PAGE_SHIFT	12
#define PAGE_SIZE	(1UL << PAGE_SHIFT)
#define PAGE_MASK	(PAGE_SIZE - 1)

/* The kernel image: linked at KERNBASE + physical address. */
#define KERNBASE	0xC0000000UL
#define KERNLOAD	0x200000UL

/* Everything at or above this is the kernel's. */
#define VM_MIN_KERNEL_ADDRESS	KERNBASE

/*
 * The early direct window: physical 0 .. KERNDIRECT_EARLY_SIZE at
 * KERNBASE, built by locore with 2 MiB (PAE) pages.  It is as large as the
 * final direct window can be (VM_DIRECT_MAX_PA), so that everything the
 * boot maps through it is still mapped after pmap_bootstrap().  Device
 * memory and firmware tables outside the final window are mapped into
 * the early device window instead (pmap_mapdev_early in machdep.c).
 */
#define KERNDIRECT_EARLY_SIZE	0x20000000UL	/* 512 MiB */
#define DEVWIN_EARLY_BASE	0xF0000000UL
#define DEVWIN_EARLY_END	0xFF000000UL

#define KSTACK_SIZE	(4 * PAGE_SIZE)

#endif /* !_MACHINE_PARAM_H_ */
