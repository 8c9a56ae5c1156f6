/*
 * vm.h - the VM system's basic types, shared by vm/, the pmaps and
 * everything that talks to them.  Machine-independent; no locks.
 */
#ifndef _VM_VM_H_
#define _VM_VM_H_

#include <stdint.h>
#include <stdbool.h>
#include <stddef.h>
#include <machine/param.h>

typedef unsigned int	u_int;
typedef unsigned long	u_long;

typedef uintptr_t	vm_offset_t;	/* a virtual address */
typedef uintptr_t	vm_size_t;	/* a size in virtual space */
typedef uint64_t	vm_paddr_t;	/* a physical address (64 bits on both ARCHes) */
typedef uint64_t	vm_pindex_t;	/* a page index within an object */
typedef uint64_t	vm_ooffset_t;	/* a byte offset within an object */
typedef uint8_t		vm_prot_t;	/* VM_PROT_* */
typedef uint8_t		vm_inherit_t;	/* VM_INHERIT_* */
typedef uint8_t		vm_memattr_t;	/* VM_MEMATTR_* */

typedef struct vm_page	*vm_page_t;
typedef struct pmap	*pmap_t;
typedef struct vm_object *vm_object_t;
typedef struct vm_map	*vm_map_t;
typedef struct vm_map_entry *vm_map_entry_t;

#define VM_PROT_NONE		0x00
#define VM_PROT_READ		0x01
#define VM_PROT_WRITE		0x02
#define VM_PROT_EXECUTE		0x04
#define VM_PROT_RW		(VM_PROT_READ | VM_PROT_WRITE)
#define VM_PROT_ALL		(VM_PROT_READ | VM_PROT_WRITE | VM_PROT_EXECUTE)
/*
 * A fault-type flag, never a protection: a debugger's write
 * (proc_rwmem) copies the page into the entry's own object even when
 * the entry is read-only, as a write would, but maps it with the
 * entry's protection.  Refused on a shared entry that can never be
 * written (it would change the file).  FreeBSD's name.
 */
#define VM_PROT_COPY		0x08

/* What a child gets of a mapping at fork (vm_map_inherit, minherit(2)). */
#define VM_INHERIT_SHARE	0	/* the same memory */
#define VM_INHERIT_COPY		1	/* a copy-on-write copy */
#define VM_INHERIT_NONE		2	/* nothing: a hole */
#define VM_INHERIT_ZERO		3	/* fresh zero-filled memory */
#define VM_INHERIT_DEFAULT	VM_INHERIT_COPY

/*
 * Memory attributes (caching modes) a mapping may ask for.  The pmap
 * turns them into PAT/PCD/PWT bits; DEFAULT is write-back RAM.
 */
#define VM_MEMATTR_DEFAULT		0
#define VM_MEMATTR_UNCACHEABLE		1
#define VM_MEMATTR_WRITE_COMBINING	2
#define VM_MEMATTR_WRITE_THROUGH	3

/* Results of VM operations (FreeBSD's KERN_* values, not errnos). */
#define KERN_SUCCESS		0
#define KERN_INVALID_ADDRESS	1
#define KERN_PROTECTION_FAILURE	2
#define KERN_NO_SPACE		3
#define KERN_INVALID_ARGUMENT	4
#define KERN_FAILURE		5
#define KERN_RESOURCE_SHORTAGE	6
#define KERN_OUT_OF_BOUNDS	9	/* beyond the end of the backing object */
/*
 * KERN_RESTART is internal to the VM (SEMANTICS decision R66a): "an entry
 * was in transition or the map changed; look it up again".  It never
 * reaches the trap handler, unlike KERN_RESOURCE_SHORTAGE.
 */
#define KERN_RESTART		10
/*
 * KERN_PAGE_SHORTAGE is internal to vm_fault.c (SEMANTICS R67): "no page
 * now; everything is let go".  vm_fault waits for free pages and looks
 * the address up again; a wiring fault returns KERN_RESOURCE_SHORTAGE.
 */
#define KERN_PAGE_SHORTAGE	11

#define atop(x)		((vm_pindex_t)(x) >> PAGE_SHIFT)
#define ptoa(x)		((vm_paddr_t)(x) << PAGE_SHIFT)
#define trunc_page(x)	((x) & ~(vm_offset_t)PAGE_MASK)
#define round_page(x)	(((x) + PAGE_MASK) & ~(vm_offset_t)PAGE_MASK)

#endif /* !_VM_VM_H_ */
