/*
 * kbuf_pager.c - the pager of OBJT_KBUF objects: pages that are copies
 * of a read-only buffer of kernel memory.  An initrd file is such a
 * buffer: its bytes lie in the archive GRUB loaded, which stays where
 * it is for good, at a 512-byte boundary, not a page one; so a page of
 * the file cannot simply be mapped, it is copied into a new page when
 * a fault first needs it (the tail of the last page zero-filled, as
 * POSIX wants the part of a page past the end of a file).
 *
 * The object is round_page(len) bytes: an index past it is "bad"
 * (VM_PAGER_BAD), which the fault path turns into KERN_OUT_OF_BOUNDS
 * and the trap handler into SIGBUS/BUS_OBJERR (R66).  The pages are
 * never dirty (the buffer is read-only, so the object is only ever
 * mapped read-only or copy-on-write); a page dropped (msync
 * MS_INVALIDATE) is copied again at the next fault.  The pager keeps no
 * state beyond the object's un_pager.kbuf.
 */
#include <kernel/systm.h>
#include <vm/vm.h>
#include <vm/vm_object.h>
#include <vm/vm_page.h>
#include <vm/vm_pager.h>
#include <vm/pmap.h>

/* kbuf_pager_alloc: see vm_pager.h. */
vm_object_t
kbuf_pager_alloc(const void *data, vm_ooffset_t len)
{
	vm_object_t object;

	object = vm_object_allocate(OBJT_KBUF, atop(len + PAGE_MASK));
	if (object == NULL)
		return (NULL);
	object->un_pager.kbuf.data = data;
	object->un_pager.kbuf.len = len;
	return (object);
}

/* Every page inside the object is in the buffer. */
static bool
kbuf_pager_haspage(vm_object_t object, vm_pindex_t pindex)
{
	return (pindex < object->size);
}

/* Copy each page's bytes in; past the end of the buffer: BAD. */
static int
kbuf_pager_getpages(vm_object_t object, vm_page_t *ma, int count)
{
	vm_ooffset_t off, len = object->un_pager.kbuf.len;
	int i;

	VM_OBJECT_ASSERT_WLOCKED(object);
	for (i = 0; i < count; i++)
		if (ma[i]->pindex >= object->size)
			return (VM_PAGER_BAD);
	for (i = 0; i < count; i++) {
		off = ptoa(ma[i]->pindex);
		pmap_copy_to_page(object->un_pager.kbuf.data + off, ma[i],
		    (size_t)MIN(len - off, (vm_ooffset_t)PAGE_SIZE));
	}
	return (VM_PAGER_OK);
}

/* The buffer is not ours: nothing to free. */
static void
kbuf_pager_dealloc(vm_object_t object)
{
}

const struct pagerops kbuf_pagerops = {
	.pgo_name = "kbuf",
	.pgo_haspage = kbuf_pager_haspage,
	.pgo_getpages = kbuf_pager_getpages,
	.pgo_dealloc = kbuf_pager_dealloc,
};
