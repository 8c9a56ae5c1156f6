/*
 * vm_mmap.c - the memory-mapping system calls.  For now anonymous
 * memory only: mmap with MAP_ANON (private or shared) and munmap.
 * Mappings of files, mprotect, madvise, mincore and the wiring calls
 * come with their issues.
 *
 * POSIX decides the errors (SEMANTICS "Decisions" table: an unaligned
 * munmap address is EINVAL; an unaligned mmap offset is EINVAL).  A
 * mapping that would take the address space past RLIMIT_AS is ENOMEM.
 */
#include <sys/errno.h>
#include <sys/_mman.h>
#include <kernel/systm.h>
#include <kernel/file.h>
#include <kernel/proc.h>
#include <kernel/syscallvar.h>
#include <vm/vm.h>
#include <vm/vm_map.h>
#include <vm/vm_object.h>
#include <machine/vmparam.h>

/* Where mmap looks for space when the caller gives no address. */
#define MMAP_BASE	0x20000000UL

/* Whether [addr, addr + len) lies in the user part of the address space. */
static bool
mmap_range_ok(vm_offset_t addr, vm_size_t len)
{
	return (addr >= VM_MIN_USER_ADDRESS && addr <= VM_MAX_USER_ADDRESS &&
	    len <= VM_MAX_USER_ADDRESS - addr);
}

/*
 * sys_mmap: mmap(addr, len, prot, flags, fd, offset) for MAP_ANON.
 * Without MAP_FIXED, addr is a hint: the first free range at or above
 * it (or above MMAP_BASE).  MAP_SHARED memory stays shared with the
 * children a fork makes; MAP_PRIVATE is copied on write.
 */
int
sys_mmap(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	struct vm_map *map = &td->td_proc->p_vmspace->vm_map;
	vm_offset_t addr = args[0];
	vm_size_t len = args[1];
	int prot = (int)args[2], flags = (int)args[3], fd = (int)args[4];
	vm_ooffset_t off = args[5];
	int rv, error, share = flags & (MAP_SHARED | MAP_PRIVATE);
	struct file *fp;

	if (len == 0 || share == 0 || share == (MAP_SHARED | MAP_PRIVATE) ||
	    (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC)) != 0 ||
	    (flags & ~(MAP_SHARED | MAP_PRIVATE | MAP_FIXED | MAP_ANON)) != 0 ||
	    (off & PAGE_MASK) != 0)
		return (EINVAL);
	if ((flags & MAP_ANON) == 0) {
		/* No file can be mapped yet: a good descriptor is ENODEV. */
		if ((error = fget(td, fd, &fp)) != 0)
			return (error);
		fdrop(fp);
		return (ENODEV);
	}
	if (fd != -1 || off != 0)
		return (EINVAL);
	if ((flags & MAP_FIXED) != 0 && (addr & PAGE_MASK) != 0)
		return (EINVAL);
	len = round_page(len);
	if (len == 0)
		return (ENOMEM);		/* rounding wrapped */
	/* RLIMIT_AS, as FreeBSD counts it: what MAP_FIXED replaces too. */
	if ((uint64_t)map->size + len >
	    (uint64_t)lim_cur(td->td_proc, RLIMIT_VMEM))
		return (ENOMEM);
	if ((flags & MAP_FIXED) != 0) {
		if (!mmap_range_ok(addr, len))
			return (EINVAL);
		vm_map_lock(map);
		rv = vm_map_delete(map, addr, addr + len);
		if (rv == KERN_SUCCESS)
			rv = vm_map_insert(map, NULL, 0, addr, addr + len, prot,
			    VM_PROT_ALL, 0);
		vm_map_unlock(map);
	} else {
		addr = trunc_page(addr);
		if (addr < MMAP_BASE || !mmap_range_ok(addr, len))
			addr = MMAP_BASE;
		rv = vm_map_find(map, NULL, 0, &addr, len, VM_MAX_USER_ADDRESS,
		    VMFS_ANY_SPACE, prot, VM_PROT_ALL, 0);
	}
	if (rv == KERN_SUCCESS && (flags & MAP_SHARED) != 0)
		rv = vm_map_inherit(map, addr, addr + len, VM_INHERIT_SHARE);
	if (rv != KERN_SUCCESS)
		return (ENOMEM);
	retval[0] = addr;
	return (0);
}

/* sys_munmap: munmap(addr, len).  Unmapped holes in the range are fine. */
int
sys_munmap(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	struct vm_map *map = &td->td_proc->p_vmspace->vm_map;
	vm_offset_t addr = args[0];
	vm_size_t len = args[1];

	(void)retval;
	if ((addr & PAGE_MASK) != 0 || len == 0)
		return (EINVAL);
	len = round_page(len);
	if (len == 0 || !mmap_range_ok(addr, len))
		return (EINVAL);
	if (vm_map_remove(map, addr, addr + len) != KERN_SUCCESS)
		return (ENOMEM);
	return (0);
}
