/*
 * vm_pager.c - the table of pagers, one per object type (see
 * vm/vm_pager.h): anonymous memory (default_pager.c), copies of kernel
 * memory such as initrd files (kbuf_pager.c), device memory
 * (device_pager.c), and dead objects here.
 * OBJT_SWAP objects (the memory of tmpfs files and shm objects,
 * kernel/tmpfs_subr.c) have no swap device to go to yet, so their pager
 * is the default one: a page they do not hold is zeros.  The physical
 * pager comes with its issue; until then its slot holds a pager that
 * panics when used, so a call that reaches one is a visible bug, not a
 * NULL dereference.
 */
#include <kernel/systm.h>
#include <vm/vm.h>
#include <vm/vm_object.h>
#include <vm/vm_pager.h>

extern const struct pagerops default_pagerops;
extern const struct pagerops kbuf_pagerops;
extern const struct pagerops dev_pagerops;

/*
 * The pager of a terminated object: it has nothing and gives nothing.
 * A fault should never reach it (a dead object is in no map).
 */
static bool
dead_pager_haspage(vm_object_t object, vm_pindex_t pindex)
{
	return (false);
}

static int
dead_pager_getpages(vm_object_t object, vm_page_t *ma, int count)
{
	return (VM_PAGER_FAIL);
}

static void
dead_pager_dealloc(vm_object_t object)
{
}

static const struct pagerops dead_pagerops = {
	.pgo_name = "dead",
	.pgo_haspage = dead_pager_haspage,
	.pgo_getpages = dead_pager_getpages,
	.pgo_dealloc = dead_pager_dealloc,
};

/* The types whose pager does not exist yet: any use panics. */
static const char *
notyet_pager_name(vm_object_t object)
{
	static const char *const names[OBJT_NTYPES] = {
		[OBJT_PHYS] = "phys",
	};

	return (object->type < OBJT_NTYPES && names[object->type] != NULL ?
	    names[object->type] : "?");
}

static bool
notyet_pager_haspage(vm_object_t object, vm_pindex_t pindex)
{
	panic("vm_pager: the %s pager does not exist yet (haspage, object "
	    "%p)", notyet_pager_name(object), object);
}

static int
notyet_pager_getpages(vm_object_t object, vm_page_t *ma, int count)
{
	panic("vm_pager: the %s pager does not exist yet (getpages, object "
	    "%p)", notyet_pager_name(object), object);
}

static void
notyet_pager_dealloc(vm_object_t object)
{
	panic("vm_pager: the %s pager does not exist yet (dealloc, object "
	    "%p)", notyet_pager_name(object), object);
}

static const struct pagerops notyet_pagerops = {
	.pgo_name = "not yet",
	.pgo_haspage = notyet_pager_haspage,
	.pgo_getpages = notyet_pager_getpages,
	.pgo_dealloc = notyet_pager_dealloc,
};

const struct pagerops *const pagertab[OBJT_NTYPES] = {
	[OBJT_DEFAULT] = &default_pagerops,
	[OBJT_SWAP] = &default_pagerops,	/* no swap device yet */
	[OBJT_DEVICE] = &dev_pagerops,
	[OBJT_PHYS] = &notyet_pagerops,
	[OBJT_DEAD] = &dead_pagerops,
	[OBJT_KBUF] = &kbuf_pagerops,
};
