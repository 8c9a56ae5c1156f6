/*
 * vmparam.h (host) - a pretend machine for the host tests of vm/: its
 * "physical memory" is a buffer (vmhost_phys) and, like i386, only the
 * low part of it is direct-mapped, so both free lists get exercised.
 *
 * Its kernel VA arena is a range of the test program's own address
 * space, reserved at run time by vmhost.c (hence variables, not
 * constants): pmap_kenter maps a page of the buffer there, so kmem and
 * large malloc blocks are real memory.  User addresses exist only in
 * the fake pmap's table; tests reach a user page through the page it
 * maps (pmap_fake_access, PHYS_TO_DMAP).
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

/* The kernel VA arena: reserved by vmhost_kva_init(). */
extern unsigned long vmhost_kva_start, vmhost_kva_end;
#define VM_KVA_START		vmhost_kva_start
#define VM_KVA_END		vmhost_kva_end

/* User address space of the pretend machine (512 GiB, page 0 left out). */
#define VM_MIN_USER_ADDRESS	0x0000000000001000UL
#define VM_MAX_USER_ADDRESS	0x0000007ffffff000UL

#endif /* !_MACHINE_VMPARAM_H_ */
