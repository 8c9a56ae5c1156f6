/*
 * vm_page.c - the page array, page allocation with class floors, wiring
 * with reasons, the pages of objects (insert, remove, rename, replace,
 * lookup in the object's radix trie), fake pages for device memory
 * (getfake, putfake: see vm_page.h), and the audit that checks the
 * counters against the pages.
 *
 * Locking: vm_free_mtx protects the buddy queues, every page's
 * wire_count and wire_reason, and the counters in vm_cnt.  It is a leaf:
 * nothing else is taken while it is held.  Zeroing a new page happens
 * after the lock is dropped.  A page's object, pindex and oflags, and
 * the object's trie and resident count, are under the object's lock.
 */
#include <kernel/systm.h>
#include <kernel/mutex.h>
#include <kernel/sleep.h>
#include <sys/errno.h>
#include <vm/vm.h>
#include <vm/vm_inject.h>
#include <vm/vm_page.h>
#include <vm/vm_object.h>
#include <vm/vm_radix.h>
#include <vm/vm_phys.h>
#include <vm/vmmeter.h>
#include <vm/vm_kern.h>
#include <vm/uma.h>
#include <vm/pmap.h>

#if defined(__x86_64__)
CTASSERT(sizeof(struct vm_page) <= 64);
#endif

struct vm_page *vm_page_array;
long	vm_page_array_size;

static struct mtx vm_free_mtx = MTX_INITIALIZER("vm page free queues");

/* Fake pages (vm_page_getfake): their own zone, never the page array. */
static uma_zone_t vm_page_fake_zone;

vm_page_t
vm_page_from_phys(vm_paddr_t pa)
{
	return (vm_phys_find_page(pa));
}

/*
 * The faults waiting for free pages (vm_waitpfault): how many, and the
 * wake-up generation (tsleep_gen: no lost wake-up).  vm_free_mtx.
 */
static int	vm_pfault_waiters;
static volatile u_int vm_pfault_gen;
static int	vm_pfault_chan;		/* the sleep channel */

/*
 * Recompute the min and severe states after the free count moved.
 * Returns true if the count just left the min state with faults
 * waiting: the caller calls wakeup(&vm_pfault_chan) once it has let
 * vm_free_mtx go (the generation is bumped here, under the lock).
 */
static bool
vm_domain_update(void)
{
	bool was_min;

	mtx_assert(&vm_free_mtx, MA_OWNED);
	was_min = vm_cnt.v_min;
	vm_cnt.v_min = vm_cnt.v_free_count < vm_cnt.v_thresh.free_min;
	vm_cnt.v_severe = vm_cnt.v_free_count < vm_cnt.v_thresh.free_severe;
	if (was_min && !vm_cnt.v_min && vm_pfault_waiters > 0) {
		vm_pfault_gen++;
		return (true);
	}
	return (false);
}

/* vm_waitpfault: see vm_page.h. */
int
vm_waitpfault(int timo)
{
	u_int seen;
	int error;

	mtx_lock(&vm_free_mtx);
	/*
	 * Not (or no longer) short of pages: pages came back since, so
	 * pause one tick and try again (nobody would wake a longer sleep).
	 * Unless the failure is the fault-injection knob's, which no free
	 * ends: that waits its whole timeout, as a real shortage may.
	 */
	if (!vm_cnt.v_min && !vm_inject_page_alloc_pending())
		timo = 1;
	seen = vm_pfault_gen;
	vm_pfault_waiters++;
	mtx_unlock(&vm_free_mtx);
	error = tsleep_gen(&vm_pfault_chan, &vm_pfault_gen, seen, PKILL,
	    "pfault", timo);
	mtx_lock(&vm_free_mtx);
	vm_pfault_waiters--;
	mtx_unlock(&vm_free_mtx);
	return (error);
}

/* Count a 0 -> 1 wiring.  vm_free_mtx held. */
static void
vm_page_wire_first(vm_page_t m, enum vm_wire_reason reason)
{
	m->wire_count = 1;
	m->wire_reason = reason;
	vm_cnt.v_wire_count++;
	vm_cnt.v_wire_by_reason[reason]++;
}

/* Set up a page just taken from the buddy allocator. */
static void
vm_page_init_alloc(vm_page_t m, int req)
{
	KASSERT(m->wire_count == 0 && m->pv_list == NULL &&
	    m->object == NULL, ("vm_page_alloc: free page %#llx in use",
	    (unsigned long long)m->phys_addr));
	m->flags &= PG_ZERO;
	m->oflags = VPO_UNMANAGED;
	m->aflags = 0;
	m->valid = 0;
	m->dirty = 0;
	m->busy = 0;
	m->pindex = 0;
	m->pat_mode = VM_MEMATTR_DEFAULT;
	if ((req & VM_ALLOC_WIRED) != 0)
		vm_page_wire_first(m, VM_ALLOC_WREASON_OF(req));
}

static void
vm_page_check_req(int req)
{
	KASSERT((req & VM_ALLOC_CLASS_MASK) <= VM_ALLOC_INTERRUPT,
	    ("vm_page_alloc: bad class in %#x", req));
	KASSERT(((req & VM_ALLOC_WIRED) != 0) ==
	    (VM_ALLOC_WREASON_OF(req) != VM_WIRE_NONE) &&
	    VM_ALLOC_WREASON_OF(req) < VM_WIRE_NREASONS,
	    ("vm_page_alloc: VM_ALLOC_WIRED and a reason go together (%#x)",
	    req));
}

/* Zero the pages of a fresh allocation if asked to. */
static void
vm_page_zero_new(vm_page_t m, u_long npages, int req)
{
	u_long i;

	if ((req & VM_ALLOC_ZERO) == 0)
		return;
	for (i = 0; i < npages; i++) {
		if ((m[i].flags & PG_ZERO) == 0)
			pmap_zero_page(&m[i]);
		m[i].flags &= ~PG_ZERO;
	}
}

vm_page_t
vm_page_alloc_noobj(int req)
{
	vm_page_t m = NULL;

	vm_page_check_req(req);
	mtx_lock(&vm_free_mtx);
	if (vm_alloc_allowed(&vm_cnt.v_thresh, vm_cnt.v_free_count, req, 1)) {
		/* Keep the direct map for those who need it. */
		if ((req & VM_ALLOC_DIRECT) == 0)
			m = vm_phys_alloc_pages(VM_FREELIST_DEFAULT, 0);
		if (m == NULL)
			m = vm_phys_alloc_pages(VM_FREELIST_DIRECT, 0);
	}
	if (m != NULL) {
		vm_page_init_alloc(m, req);
		(void)vm_domain_update();		/* down: no wake-up */
	}
	mtx_unlock(&vm_free_mtx);
	if (m != NULL)
		vm_page_zero_new(m, 1, req);
	return (m);
}

vm_page_t
vm_page_alloc_contig(int req, u_long npages, vm_paddr_t low,
    vm_paddr_t high, u_long alignment, vm_paddr_t boundary)
{
	vm_page_t m = NULL;
	u_int mask;
	u_long i;

	vm_page_check_req(req);
	mask = (req & VM_ALLOC_DIRECT) != 0 ? 1U << VM_FREELIST_DIRECT :
	    (1U << VM_NFREELIST) - 1;
	mtx_lock(&vm_free_mtx);
	if (vm_alloc_allowed(&vm_cnt.v_thresh, vm_cnt.v_free_count, req,
	    npages))
		m = vm_phys_alloc_contig(mask, npages, low, high, alignment,
		    boundary);
	if (m != NULL) {
		for (i = 0; i < npages; i++)
			vm_page_init_alloc(&m[i], req);
		(void)vm_domain_update();		/* down: no wake-up */
	}
	mtx_unlock(&vm_free_mtx);
	if (m != NULL)
		vm_page_zero_new(m, npages, req);
	return (m);
}

static void
vm_page_check_freeable(vm_page_t m)
{
	KASSERT(m->wire_count == 0, ("vm_page_free: page %#llx is wired "
	    "(%u, %s)", (unsigned long long)m->phys_addr, m->wire_count,
	    vm_wire_reason_names[m->wire_reason]));
	KASSERT(m->pv_list == NULL, ("vm_page_free: page %#llx is mapped",
	    (unsigned long long)m->phys_addr));
	KASSERT(m->object == NULL, ("vm_page_free: page %#llx is in an "
	    "object", (unsigned long long)m->phys_addr));
	KASSERT((m->flags & (PG_FREE | PG_FICTITIOUS | PG_ORPHAN)) == 0,
	    ("vm_page_free: page %#llx flags %#x",
	    (unsigned long long)m->phys_addr, m->flags));
}

void
vm_page_free(vm_page_t m)
{
	bool wake;

	if (m->object != NULL)
		vm_page_remove(m);
	vm_page_check_freeable(m);
	mtx_lock(&vm_free_mtx);
	m->flags &= ~(PG_ZERO | PG_BOOT);
	vm_phys_free_pages(m, 0);
	wake = vm_domain_update();
	mtx_unlock(&vm_free_mtx);
	if (wake)
		wakeup(&vm_pfault_chan);
}

void
vm_page_free_contig(vm_page_t m, u_long npages)
{
	u_long i;
	bool wake;

	for (i = 0; i < npages; i++)
		vm_page_check_freeable(&m[i]);
	mtx_lock(&vm_free_mtx);
	for (i = 0; i < npages; i++)
		m[i].flags &= ~(PG_ZERO | PG_BOOT);
	vm_phys_free_range(m, npages);
	wake = vm_domain_update();
	mtx_unlock(&vm_free_mtx);
	if (wake)
		wakeup(&vm_pfault_chan);
}

vm_page_t
vm_page_alloc(vm_object_t object, vm_pindex_t pindex, int req)
{
	vm_page_t m;

	VM_OBJECT_ASSERT_WLOCKED(object);
	KASSERT(vm_radix_lookup(&object->rtree, pindex) == NULL,
	    ("vm_page_alloc: object %p already has page %#llx", object,
	    (unsigned long long)pindex));
	if ((req & VM_ALLOC_CLASS_MASK) == VM_ALLOC_NORMAL &&
	    vm_inject_page_alloc())
		return (NULL);		/* fault injection (vm_inject.h) */
	m = vm_page_alloc_noobj(req);
	if (m == NULL)
		return (NULL);
	if ((object->flags & OBJ_UNMANAGED) == 0)
		m->oflags &= ~VPO_UNMANAGED;
	if (vm_page_insert(m, object, pindex) != 0) {
		m->oflags |= VPO_UNMANAGED;
		if ((req & VM_ALLOC_WIRED) != 0)
			vm_page_unwire_noq(m, VM_ALLOC_WREASON_OF(req));
		vm_page_free(m);
		return (NULL);
	}
	return (m);
}

int
vm_page_insert(vm_page_t m, vm_object_t object, vm_pindex_t pindex)
{
	vm_pindex_t old = m->pindex;
	int error;

	VM_OBJECT_ASSERT_WLOCKED(object);
	KASSERT(m->object == NULL, ("vm_page_insert: page %#llx is in "
	    "object %p", (unsigned long long)m->phys_addr, m->object));
	KASSERT((m->flags & PG_FREE) == 0 &&
	    ((m->flags & PG_FICTITIOUS) == 0 ||
	    (object->flags & OBJ_FICTITIOUS) != 0),
	    ("vm_page_insert: page %#llx flags %#x into object %p",
	    (unsigned long long)m->phys_addr, m->flags, object));
	m->pindex = pindex;
	error = vm_radix_insert(&object->rtree, m);
	if (error != 0) {
		KASSERT(error == ENOMEM, ("vm_page_insert: object %p "
		    "already has page %#llx", object,
		    (unsigned long long)pindex));
		m->pindex = old;
		return (error);
	}
	m->object = object;
	object->resident_page_count++;
	object->generation++;
	return (0);
}

void
vm_page_remove(vm_page_t m)
{
	vm_object_t object = m->object;
	vm_page_t found;

	KASSERT(object != NULL, ("vm_page_remove: page %#llx is in no "
	    "object", (unsigned long long)m->phys_addr));
	VM_OBJECT_ASSERT_WLOCKED(object);
	found = vm_radix_remove(&object->rtree, m->pindex);
	KASSERT(found == m, ("vm_page_remove: object %p has %p at %#llx, "
	    "not %p", object, found, (unsigned long long)m->pindex, m));
	(void)found;
	m->object = NULL;
	object->resident_page_count--;
	object->generation++;
}

int
vm_page_rename(vm_page_t m, vm_object_t new_object, vm_pindex_t new_pindex)
{
	vm_object_t old_object = m->object;
	vm_pindex_t old_pindex = m->pindex;
	vm_page_t found;
	int error;

	KASSERT(old_object != NULL, ("vm_page_rename: page %#llx is in no "
	    "object", (unsigned long long)m->phys_addr));
	VM_OBJECT_ASSERT_WLOCKED(old_object);
	VM_OBJECT_ASSERT_WLOCKED(new_object);
	/* The new place first: if it cannot be had, nothing moved. */
	m->pindex = new_pindex;
	error = vm_radix_insert(&new_object->rtree, m);
	if (error != 0) {
		KASSERT(error == ENOMEM, ("vm_page_rename: object %p "
		    "already has page %#llx", new_object,
		    (unsigned long long)new_pindex));
		m->pindex = old_pindex;
		return (error);
	}
	found = vm_radix_remove(&old_object->rtree, old_pindex);
	KASSERT(found == m, ("vm_page_rename: object %p has %p at %#llx, "
	    "not %p", old_object, found, (unsigned long long)old_pindex, m));
	(void)found;
	old_object->resident_page_count--;
	old_object->generation++;
	m->object = new_object;
	new_object->resident_page_count++;
	new_object->generation++;
	return (0);
}

vm_page_t
vm_page_replace(vm_page_t mnew, vm_object_t object, vm_pindex_t pindex)
{
	vm_page_t mold;

	VM_OBJECT_ASSERT_WLOCKED(object);
	KASSERT(mnew->object == NULL, ("vm_page_replace: page %p is in "
	    "object %p", mnew, mnew->object));
	KASSERT((mnew->flags & PG_FICTITIOUS) == 0 ||
	    (object->flags & OBJ_FICTITIOUS) != 0,
	    ("vm_page_replace: fake page %p into object %p", mnew, object));
	mnew->pindex = pindex;
	mold = vm_radix_replace(&object->rtree, mnew);
	KASSERT(mold->object == object && mold->pindex == pindex,
	    ("vm_page_replace: page %p out of place", mold));
	mold->object = NULL;
	mnew->object = object;
	object->generation++;
	return (mold);
}

vm_page_t
vm_page_lookup(vm_object_t object, vm_pindex_t pindex)
{
	VM_OBJECT_ASSERT_WLOCKED(object);
	return (vm_radix_lookup(&object->rtree, pindex));
}

vm_page_t
vm_page_find_least(vm_object_t object, vm_pindex_t pindex)
{
	VM_OBJECT_ASSERT_WLOCKED(object);
	return (vm_radix_lookup_ge(&object->rtree, pindex));
}

/*
 * May a page wired for `had` take (or lose) a wiring for `reason`?  The
 * same reason, or two map wirings (user and system): see vm_page.h.
 */
static bool
vm_page_wire_reasons_mix(enum vm_wire_reason had, enum vm_wire_reason reason)
{
	return (had == reason ||
	    ((had == VM_WIRE_USER || had == VM_WIRE_SYSTEM) &&
	    (reason == VM_WIRE_USER || reason == VM_WIRE_SYSTEM)));
}

void
vm_page_wire(vm_page_t m, enum vm_wire_reason reason)
{
	KASSERT(reason > VM_WIRE_NONE && reason < VM_WIRE_NREASONS &&
	    reason != VM_WIRE_DEVICE,
	    ("vm_page_wire: bad reason %d", reason));
	/* R62: a fake page's wire count is 1 for its whole life. */
	KASSERT((m->flags & PG_FICTITIOUS) == 0, ("vm_page_wire: fake page "
	    "%p (%#llx)", m, (unsigned long long)m->phys_addr));
	mtx_lock(&vm_free_mtx);
	KASSERT((m->flags & PG_FREE) == 0, ("vm_page_wire: page %#llx is "
	    "free", (unsigned long long)m->phys_addr));
	if (m->wire_count == 0)
		vm_page_wire_first(m, reason);
	else {
		KASSERT(vm_page_wire_reasons_mix(m->wire_reason, reason),
		    ("vm_page_wire: page %#llx wired for %s, now for %s",
		    (unsigned long long)m->phys_addr,
		    vm_wire_reason_names[m->wire_reason],
		    vm_wire_reason_names[reason]));
		m->wire_count++;
	}
	mtx_unlock(&vm_free_mtx);
}

bool
vm_page_unwire_noq(vm_page_t m, enum vm_wire_reason reason)
{
	bool last;

	(void)reason;	/* only checked */
	KASSERT((m->flags & PG_FICTITIOUS) == 0, ("vm_page_unwire: fake page "
	    "%p (%#llx)", m, (unsigned long long)m->phys_addr));
	mtx_lock(&vm_free_mtx);
	KASSERT(m->wire_count > 0 &&
	    vm_page_wire_reasons_mix(m->wire_reason, reason),
	    ("vm_page_unwire: page %#llx wire_count %u reason %s, "
	    "unwiring for %s", (unsigned long long)m->phys_addr,
	    m->wire_count, vm_wire_reason_names[m->wire_reason],
	    vm_wire_reason_names[reason]));
	last = --m->wire_count == 0;
	if (last) {
		/* The page's reason, which may not be the caller's. */
		vm_cnt.v_wire_count--;
		vm_cnt.v_wire_by_reason[m->wire_reason]--;
		m->wire_reason = VM_WIRE_NONE;
	}
	mtx_unlock(&vm_free_mtx);
	return (last);
}

void
vm_page_fake_zinit(void)
{
	if (vm_page_fake_zone != NULL)
		return;
	vm_page_fake_zone = uma_zcreate("fake pages", sizeof(struct vm_page),
	    0);
	if (vm_page_fake_zone == NULL)
		panic("vm_page_fake_zinit: no zone");
}

/* Set up a fake page (FreeBSD's vm_page_initfake). */
static void
vm_page_initfake(vm_page_t m, vm_paddr_t paddr, vm_memattr_t memattr)
{
	memset(m, 0, sizeof(*m));
	m->phys_addr = paddr;
	m->flags = PG_FICTITIOUS;
	m->oflags = VPO_UNMANAGED;
	m->order = VM_FREEORDER_NONE;
	m->freelist = VM_NFREELIST;	/* none: never in the allocator */
	m->queue = PQ_NONE;
	m->pat_mode = memattr;
	m->valid = VM_PAGE_BITS_ALL;
	/* I-P4: wired once, for good, and not RAM: not in v_wire_count. */
	mtx_lock(&vm_free_mtx);
	m->wire_count = 1;
	m->wire_reason = VM_WIRE_DEVICE;
	vm_cnt.v_wire_by_reason[VM_WIRE_DEVICE]++;
	mtx_unlock(&vm_free_mtx);
}

vm_page_t
vm_page_getfake(vm_paddr_t paddr, vm_memattr_t memattr)
{
	vm_page_t m;

	KASSERT(vm_page_fake_zone != NULL, ("vm_page_getfake before "
	    "vm_page_fake_zinit"));
	m = uma_zalloc(vm_page_fake_zone, M_NOWAIT);
	if (m != NULL)
		vm_page_initfake(m, paddr, memattr);
	return (m);
}

void
vm_page_putfake(vm_page_t m)
{
	KASSERT((m->flags & PG_FICTITIOUS) != 0 && m->object == NULL &&
	    m->pv_list == NULL, ("vm_page_putfake: page %p flags %#x "
	    "object %p", m, m->flags, m->object));
	mtx_lock(&vm_free_mtx);
	KASSERT(m->wire_count == 1 && m->wire_reason == VM_WIRE_DEVICE,
	    ("vm_page_putfake: fake page %p wire_count %u reason %u (R62)",
	    m, m->wire_count, m->wire_reason));
	m->wire_count = 0;
	m->wire_reason = VM_WIRE_NONE;
	vm_cnt.v_wire_by_reason[VM_WIRE_DEVICE]--;
	mtx_unlock(&vm_free_mtx);
	uma_zfree(vm_page_fake_zone, m);
}

u_long
vm_page_fake_count(void)
{
	return (vm_page_fake_zone != NULL ?
	    uma_zone_inuse(vm_page_fake_zone) : 0);
}

/* vm_page_unwire: see vm_page.h. */
bool
vm_page_unwire(vm_page_t m, enum vm_wire_reason reason)
{
	bool last, orphan = false;

	last = vm_page_unwire_noq(m, reason);
	if (last) {
		mtx_lock(&vm_free_mtx);
		if ((m->flags & PG_ORPHAN) != 0 && m->wire_count == 0) {
			m->flags &= ~PG_ORPHAN;
			orphan = true;
		}
		mtx_unlock(&vm_free_mtx);
	}
	if (orphan)
		vm_page_free(m);
	return (last);
}

/* vm_page_release_orphan: see vm_page.h. */
void
vm_page_release_orphan(vm_page_t m)
{
	bool free_it;

	KASSERT(m->object == NULL, ("vm_page_release_orphan: page %p in "
	    "object %p", m, m->object));
	if ((m->flags & PG_FICTITIOUS) != 0)
		return;		/* its pager frees it (dev_pager_dealloc) */
	mtx_lock(&vm_free_mtx);
	free_it = m->wire_count == 0;
	if (!free_it)
		m->flags |= PG_ORPHAN;
	mtx_unlock(&vm_free_mtx);
	if (free_it)
		vm_page_free(m);
}

/* The boot allocation containing `pa`, or NULL. */
static const struct vm_phys_early *
vm_page_early_of(vm_paddr_t pa)
{
	const struct vm_phys_early *e;
	int i;

	for (i = 0; i < vm_phys_nearly; i++) {
		e = &vm_phys_early_allocs[i];
		if (pa >= e->start && pa < e->start + ptoa(e->npages))
			return (e);
	}
	return (NULL);
}

/*
 * Initialize the pages of `seg`, then give its free runs to the buddy
 * allocator.  Two passes: a merge looks at the buddy's vm_page, which
 * must already be initialized.
 */
static void
vm_page_startup_seg(struct vm_phys_seg *seg)
{
	const struct vm_phys_early *e;
	vm_page_t m, run, end;
	vm_paddr_t pa;

	end = seg->first_page + atop(seg->end - seg->start);
	for (m = seg->first_page, pa = seg->start; m < end;
	    m++, pa += PAGE_SIZE) {
		memset(m, 0, sizeof(*m));
		m->phys_addr = pa;
		m->order = VM_FREEORDER_NONE;
		m->queue = PQ_NONE;
		m->freelist = seg->freelist;
		m->oflags = VPO_UNMANAGED;
		vm_cnt.v_page_count++;
		if ((e = vm_page_early_of(pa)) != NULL) {
			m->flags |= PG_BOOT;
			vm_page_wire_first(m, e->reason);
		}
	}
	run = NULL;
	for (m = seg->first_page; m <= end; m++) {
		if (m < end && (m->flags & PG_BOOT) == 0) {
			if (run == NULL)
				run = m;
		} else if (run != NULL) {
			vm_phys_free_range(run, m - run);
			run = NULL;
		}
	}
}

void
vm_page_startup(void)
{
	vm_paddr_t pa;
	u_long npages = 0, array_pages;
	int i;

	for (i = 0; i < vm_phys_nsegs; i++)
		npages += atop(vm_phys_segs[i].end - vm_phys_segs[i].start);
	array_pages = howmany(npages * sizeof(struct vm_page), PAGE_SIZE);
	pa = vm_phys_early_alloc(array_pages, VM_WIRE_KMEM, VM_EARLY_MAX_PA);
	vm_page_array = (struct vm_page *)PHYS_TO_DMAP(pa);
	vm_page_array_size = npages;
	vm_phys_set_page_array(vm_page_array);

	mtx_lock(&vm_free_mtx);
	for (i = 0; i < vm_phys_nsegs; i++)
		vm_page_startup_seg(&vm_phys_segs[i]);
	vm_thresholds_compute(vm_cnt.v_page_count, &vm_cnt.v_thresh);
	(void)vm_domain_update();		/* nobody waits yet */
	mtx_unlock(&vm_free_mtx);
}

/* Walk one segment: count free and wired pages, check each page. */
static int
vm_page_audit_seg(struct vm_phys_seg *seg, u_long *free,
    u_long wired[VM_WIRE_NREASONS])
{
	vm_page_t m, end;
	u_long inside = 0;	/* pages left in the free block we are in */
	int bad = 0;

	end = seg->first_page + atop(seg->end - seg->start);
	for (m = seg->first_page; m < end; m++) {
		if ((m->flags & PG_FREE) != 0) {
			if (inside > 0 || m->order >= VM_NFREEORDER) {
				printf("audit: page %#llx: free block head "
				    "inside another block or bad order %u\n",
				    (unsigned long long)m->phys_addr, m->order);
				bad++;
			} else {
				inside = 1UL << m->order;
				*free += inside;
			}
		}
		if ((m->wire_count == 0) != (m->wire_reason == VM_WIRE_NONE) ||
		    m->wire_reason >= VM_WIRE_NREASONS ||
		    (inside > 0 && m->wire_count != 0)) {
			printf("audit: page %#llx: wire_count %u, reason %u%s\n",
			    (unsigned long long)m->phys_addr, m->wire_count,
			    m->wire_reason, inside > 0 ? ", in a free block" :
			    "");
			bad++;
		} else if (m->wire_count > 0)
			wired[m->wire_reason]++;
		if (inside > 0)
			inside--;
	}
	return (bad);
}

int
vm_page_audit(void)
{
	u_long free = 0, wired[VM_WIRE_NREASONS] = { 0 }, total = 0;
	u_long fake;
	int bad = 0, i;

	/* The zone's lock comes before ours; the VM is quiet anyway. */
	fake = vm_page_fake_count();
	mtx_lock(&vm_free_mtx);
	for (i = 0; i < vm_phys_nsegs; i++)
		bad += vm_page_audit_seg(&vm_phys_segs[i], &free, wired);
	bad += vm_phys_check();
	if (free != vm_cnt.v_free_count) {
		printf("audit: %lu pages in free blocks, v_free_count %lu\n",
		    free, vm_cnt.v_free_count);
		bad++;
	}
	/*
	 * No RAM page is wired for "device": that reason counts the fake
	 * pages alive, which are not RAM and not in v_wire_count (I-P4).
	 */
	if (wired[VM_WIRE_DEVICE] != 0) {
		printf("audit: %lu RAM pages wired for device\n",
		    wired[VM_WIRE_DEVICE]);
		bad++;
	}
	wired[VM_WIRE_DEVICE] = fake;
	for (i = VM_WIRE_NONE + 1; i < VM_WIRE_NREASONS; i++) {
		if (i != VM_WIRE_DEVICE)
			total += wired[i];
		if (wired[i] != vm_cnt.v_wire_by_reason[i]) {
			printf("audit: %lu pages wired for %s, counter says "
			    "%lu\n", wired[i], vm_wire_reason_names[i],
			    vm_cnt.v_wire_by_reason[i]);
			bad++;
		}
	}
	if (total != vm_cnt.v_wire_count) {
		printf("audit: %lu wired pages, v_wire_count %lu\n", total,
		    vm_cnt.v_wire_count);
		bad++;
	}
	mtx_unlock(&vm_free_mtx);
	return (bad);
}
