/*
 * vmparam.h - host stand-in for <machine/vmparam.h> in the vmem host
 * test: the shim's pages are ordinary host memory, and their "physical
 * address" is their host address, so the direct map is the identity.
 */
#ifndef _MACHINE_VMPARAM_H_
#define _MACHINE_VMPARAM_H_

#include <machine/param.h>

#define PHYS_TO_DMAP(pa)	((vm_offset_t)(pa))
#define DMAP_TO_PHYS(va)	((vm_paddr_t)(va))

#endif /* !_MACHINE_VMPARAM_H_ */
