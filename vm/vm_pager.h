/*
 * vm_pager.h - pagers: how an object gets a page it does not hold.
 * Each object type has a pagerops; callers never look at the type.
 */
#ifndef _VM_VM_PAGER_H_
#define _VM_VM_PAGER_H_

#include <vm/vm.h>
#include <vm/vm_inject.h>
#include <vm/vm_object.h>

/* getpages results */
#define VM_PAGER_OK	0	/* the pages are valid */
#define VM_PAGER_FAIL	1	/* the pager has no such page (zero-fill) */
#define VM_PAGER_ERROR	2	/* an I/O error */
#define VM_PAGER_BAD	3	/* the index is beyond the object */

struct pagerops {
	const char *pgo_name;
	/* Does the pager have page `pindex`? */
	bool	(*pgo_haspage)(vm_object_t object, vm_pindex_t pindex);
	/*
	 * Fill the busy pages ma[0..count-1] (already in the object);
	 * object locked.  Returns VM_PAGER_*.
	 */
	int	(*pgo_getpages)(vm_object_t object, vm_page_t *ma, int count);
	/* The object is terminating: free the pager's state. */
	void	(*pgo_dealloc)(vm_object_t object);
};

extern const struct pagerops *const pagertab[OBJT_NTYPES];

static inline bool
vm_pager_has_page(vm_object_t object, vm_pindex_t pindex)
{
	return (pagertab[object->type]->pgo_haspage(object, pindex));
}

static inline int
vm_pager_get_pages(vm_object_t object, vm_page_t *ma, int count)
{
	if (vm_inject_pager_error())
		return (VM_PAGER_ERROR);	/* fault injection */
	return (pagertab[object->type]->pgo_getpages(object, ma, count));
}

static inline void
vm_pager_deallocate(vm_object_t object)
{
	pagertab[object->type]->pgo_dealloc(object);
}

/*
 * kbuf_pager_alloc (vm/kbuf_pager.c): an object of the `len` bytes at
 * kernel address `data`, which must stay there, unchanged, for as long
 * as the kernel runs (an initrd file): round_page(len) bytes, one
 * reference.  A fault copies a page of the bytes into a new page of
 * the object, the tail of the last one zero-filled; an index past the
 * end is out of bounds (SIGBUS, R66).  Its pages are never dirty: map
 * it read-only, or copy-on-write.  NULL if no memory.  May not sleep.
 */
vm_object_t kbuf_pager_alloc(const void *data, vm_ooffset_t len);

/*
 * The device pager (vm/device_pager.c): device memory mapped through
 * fake pages (SEMANTICS R59-R64).  A device that can be mapped gives
 * d_mmap: the physical address of the page at byte `offset` (page
 * aligned, inside the device) of device `handle`, and in *memattr
 * (preset to VM_MEMATTR_DEFAULT) the caching mode to map it with;
 * 0 or an errno (the fault then fails: SIGBUS).  Called with the
 * object locked: it may not sleep.
 */
struct dev_pager_ops {
	int	(*d_mmap)(void *handle, vm_ooffset_t offset,
		    vm_paddr_t *paddr, vm_memattr_t *memattr);
};

/*
 * dev_pager_alloc: the object of device `handle` (`size` bytes), with a
 * reference for the caller: the one already there if the device is
 * mapped somewhere, else a new OBJT_DEVICE object (OBJ_FICTITIOUS |
 * OBJ_UNMANAGED).  The caller checks the range it maps against the
 * device's size.  NULL if no memory.  Takes dev_pager_mtx and the
 * object's lock; never sleeps.
 */
vm_object_t dev_pager_alloc(void *handle, const struct dev_pager_ops *ops,
	    vm_ooffset_t size);

/*
 * dev_pager_populate: put page `pindex` of a device object in it now,
 * as the first fault there would (d_mmap, a fake page), for a device
 * whose page must exist before anything maps it (the shared page,
 * kernel/kern_sharedpage.c).  0 if it is there (already, or now),
 * EINVAL if the device has no such page, ENOMEM.  Takes the object's
 * lock; never sleeps.
 */
int	dev_pager_populate(vm_object_t object, vm_pindex_t pindex);

/*
 * dev_pager_info: what the object of device `handle` holds now, for
 * tests (R59, R62): its references, resident pages, fake pages on its
 * list and the least and greatest wire count among them.  0, or ENOENT
 * if the device has no object (not mapped).  Never sleeps.
 */
struct dev_pager_info {
	int	ref_count;
	int	resident;
	int	fake_pages;
	u_int	wire_min;
	u_int	wire_max;
};
int	dev_pager_info(void *handle, struct dev_pager_info *info);

#endif /* !_VM_VM_PAGER_H_ */
