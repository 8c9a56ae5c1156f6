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

#endif /* !_VM_VM_PAGER_H_ */
