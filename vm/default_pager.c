/*
 * default_pager.c - the pager of anonymous memory (OBJT_DEFAULT): it
 * never has a page, so a fault on a page no object in the chain holds
 * zero-fills it, and there is no state to free.  Swap (OBJT_SWAP) will
 * take over objects that need backing store.
 */
#include <kernel/systm.h>
#include <vm/vm.h>
#include <vm/vm_object.h>
#include <vm/vm_pager.h>

/* No page is ever in the pager: only resident pages exist. */
static bool
default_pager_haspage(vm_object_t object, vm_pindex_t pindex)
{
	return (false);
}

/* Nothing to read: VM_PAGER_FAIL makes the fault zero-fill the page. */
static int
default_pager_getpages(vm_object_t object, vm_page_t *ma, int count)
{
	VM_OBJECT_ASSERT_WLOCKED(object);
	return (VM_PAGER_FAIL);
}

static void
default_pager_dealloc(vm_object_t object)
{
}

const struct pagerops default_pagerops = {
	.pgo_name = "default",
	.pgo_haspage = default_pager_haspage,
	.pgo_getpages = default_pager_getpages,
	.pgo_dealloc = default_pager_dealloc,
};
