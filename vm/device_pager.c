/*
 * device_pager.c - the pager of OBJT_DEVICE objects: device memory
 * (a framebuffer) mapped into user space with mmap (SEMANTICS 2.K,
 * R59-R64; FreeBSD's sys/vm/device_pager.c).
 *
 * A device that can be mapped gives a d_mmap function: for a byte
 * offset of the device, the physical address of the page there and
 * the caching mode to map it with.  Device memory has no vm_page (it is
 * not RAM, or it is RAM that someone else owns), so the pager makes a
 * fake page (vm_page_getfake: PG_FICTITIOUS, unmanaged, wire_count 1)
 * the first time a page is faulted, inserts it in the object in place
 * of the page the fault code allocated, and keeps it on the object's
 * own list (un_pager.devp.devp_pglist).  Later faults find it in the
 * object (R59).  Its physical address is the one d_mmap gave at that
 * first fault, for the object's whole life: a device must not move its
 * pages while they are mapped.
 *
 * Wiring never touches a fake page (R62 decision: wire_count stays 1):
 * vm_fault_wire skips fake pages, and unwiring skips device entries
 * entirely and only clears the PTEs' wired bits by address (R61, I-O1),
 * never looking a page up by its physical address (PR kern/29915: the
 * address may belong to an ordinary RAM page whose count would be
 * decremented).  Truncation (vm_object_page_remove) leaves fake pages
 * alone.  When the object's last reference goes (the last mapping;
 * the descriptors hold none), termination takes the pages out of the
 * object without freeing them (they are wired) and dealloc gives every
 * fake page back to the fake-page zone (R63).  Nothing goes to, or
 * comes from, the physical allocator, except the placeholder page the
 * fault allocates and the pager frees at once.
 *
 * One object per device (its `handle`), as in FreeBSD: every mapping
 * of the device, in any process, shares its fake pages.  The device
 * objects are on a list under dev_pager_mtx.  Lock order:
 * dev_pager_mtx -> object (dev_pager_alloc); dealloc, called with the
 * dying object locked, lets go of it to take dev_pager_mtx.
 */
#include <kernel/systm.h>
#include <kernel/mutex.h>
#include <sys/errno.h>
#include <vm/vm.h>
#include <vm/vm_object.h>
#include <vm/vm_page.h>
#include <vm/vm_pager.h>

static struct mtx dev_pager_mtx = MTX_INITIALIZER("device objects");
static TAILQ_HEAD(, vm_object) dev_pager_objects =	/* (d) */
    TAILQ_HEAD_INITIALIZER(dev_pager_objects);

/* The live object of `handle`, or NULL.  dev_pager_mtx held. */
static vm_object_t
dev_pager_lookup(void *handle)
{
	vm_object_t object;

	mtx_assert(&dev_pager_mtx, MA_OWNED);
	TAILQ_FOREACH(object, &dev_pager_objects, un_pager.devp.devp_link)
		if (object->handle == handle &&
		    (object->flags & OBJ_DEAD) == 0)
			return (object);
	return (NULL);
}

/* dev_pager_alloc: see vm_pager.h. */
vm_object_t
dev_pager_alloc(void *handle, const struct dev_pager_ops *ops,
    vm_ooffset_t size)
{
	vm_object_t object;

	KASSERT(handle != NULL && ops != NULL && ops->d_mmap != NULL,
	    ("dev_pager_alloc: no device"));
	mtx_lock(&dev_pager_mtx);
	if ((object = dev_pager_lookup(handle)) != NULL) {
		VM_OBJECT_WLOCK(object);
		object->ref_count++;
		VM_OBJECT_WUNLOCK(object);
	} else if ((object = vm_object_allocate(OBJT_DEVICE,
	    atop(round_page(size)))) != NULL) {
		object->flags |= OBJ_FICTITIOUS | OBJ_UNMANAGED;
		object->handle = handle;
		TAILQ_INIT(&object->un_pager.devp.devp_pglist);
		object->un_pager.devp.devp_ops = ops;
		TAILQ_INSERT_TAIL(&dev_pager_objects, object,
		    un_pager.devp.devp_link);
	}
	mtx_unlock(&dev_pager_mtx);
	return (object);
}

/* Every page of the device is there (d_mmap decides at the fault). */
static bool
dev_pager_haspage(vm_object_t object, vm_pindex_t pindex)
{
	return (pindex < object->size);
}

/*
 * R59: ask the device for each page's address and put a fake page for
 * it in the object in place of the fault's placeholder, which is freed.
 * On failure the placeholders are left where they are, for the fault
 * to free.
 */
static int
dev_pager_getpages(vm_object_t object, vm_page_t *ma, int count)
{
	const struct dev_pager_ops *ops = object->un_pager.devp.devp_ops;
	vm_paddr_t paddr;
	vm_memattr_t memattr;
	vm_page_t fake, old;
	int i;

	VM_OBJECT_ASSERT_WLOCKED(object);
	for (i = 0; i < count; i++) {
		KASSERT(ma[i]->object == object &&
		    (ma[i]->flags & PG_FICTITIOUS) == 0,
		    ("dev_pager_getpages: page %p is no placeholder", ma[i]));
		if (ma[i]->pindex >= object->size)
			return (VM_PAGER_BAD);
		memattr = VM_MEMATTR_DEFAULT;
		if (ops->d_mmap(object->handle, ptoa(ma[i]->pindex), &paddr,
		    &memattr) != 0)
			return (VM_PAGER_ERROR);
		KASSERT((paddr & PAGE_MASK) == 0, ("dev_pager_getpages: "
		    "address %#llx", (unsigned long long)paddr));
		if ((fake = vm_page_getfake(paddr, memattr)) == NULL)
			return (VM_PAGER_ERROR);
		old = vm_page_replace(fake, object, ma[i]->pindex);
		KASSERT(old == ma[i], ("dev_pager_getpages: replaced %p, "
		    "not %p", old, ma[i]));
		vm_page_free(old);
		TAILQ_INSERT_TAIL(&object->un_pager.devp.devp_pglist, fake,
		    plinks.q);
		ma[i] = fake;
	}
	return (VM_PAGER_OK);
}

/* dev_pager_populate: see vm_pager.h. */
int
dev_pager_populate(vm_object_t object, vm_pindex_t pindex)
{
	vm_page_t m;
	int rv;

	VM_OBJECT_WLOCK(object);
	KASSERT(object->type == OBJT_DEVICE, ("dev_pager_populate: object "
	    "%p type %d", object, object->type));
	if (vm_page_lookup(object, pindex) != NULL) {
		VM_OBJECT_WUNLOCK(object);
		return (0);
	}
	/* What vm_fault does: a placeholder the pager replaces. */
	m = vm_page_alloc(object, pindex, VM_ALLOC_SYSTEM | VM_ALLOC_NOWAIT);
	if (m == NULL) {
		VM_OBJECT_WUNLOCK(object);
		return (ENOMEM);
	}
	rv = dev_pager_getpages(object, &m, 1);
	if (rv != VM_PAGER_OK) {
		vm_page_remove(m);
		vm_page_free(m);
	}
	VM_OBJECT_WUNLOCK(object);
	return (rv == VM_PAGER_OK ? 0 : (rv == VM_PAGER_BAD ? EINVAL : ENOMEM));
}

/*
 * R63: the object is dying (locked, OBJ_DEAD, its pages already out
 * of it): off the device list, and every fake page back to its zone.
 */
static void
dev_pager_dealloc(vm_object_t object)
{
	struct pglist *pglist = &object->un_pager.devp.devp_pglist;
	vm_page_t m;

	VM_OBJECT_ASSERT_WLOCKED(object);
	VM_OBJECT_WUNLOCK(object);
	mtx_lock(&dev_pager_mtx);
	TAILQ_REMOVE(&dev_pager_objects, object, un_pager.devp.devp_link);
	mtx_unlock(&dev_pager_mtx);
	VM_OBJECT_WLOCK(object);
	while ((m = TAILQ_FIRST(pglist)) != NULL) {
		TAILQ_REMOVE(pglist, m, plinks.q);
		vm_page_putfake(m);
	}
}

/* dev_pager_info: see vm_pager.h. */
int
dev_pager_info(void *handle, struct dev_pager_info *info)
{
	vm_object_t object;
	vm_page_t m;

	memset(info, 0, sizeof(*info));
	mtx_lock(&dev_pager_mtx);
	if ((object = dev_pager_lookup(handle)) == NULL) {
		mtx_unlock(&dev_pager_mtx);
		return (ENOENT);
	}
	VM_OBJECT_WLOCK(object);
	info->ref_count = object->ref_count;
	info->resident = object->resident_page_count;
	TAILQ_FOREACH(m, &object->un_pager.devp.devp_pglist, plinks.q) {
		if (info->fake_pages == 0 || m->wire_count < info->wire_min)
			info->wire_min = m->wire_count;
		if (m->wire_count > info->wire_max)
			info->wire_max = m->wire_count;
		info->fake_pages++;
	}
	VM_OBJECT_WUNLOCK(object);
	mtx_unlock(&dev_pager_mtx);
	return (0);
}

const struct pagerops dev_pagerops = {
	.pgo_name = "device",
	.pgo_haspage = dev_pager_haspage,
	.pgo_getpages = dev_pager_getpages,
	.pgo_dealloc = dev_pager_dealloc,
};
