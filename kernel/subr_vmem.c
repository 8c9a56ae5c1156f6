/*
 * subr_vmem.c - the vmem resource allocator (see kernel/vmem.h), after
 * Bonwick and Adams, "Magazines and Vmem" (USENIX 2001).
 *
 * An arena describes its integers with boundary tags.  Every tag is on
 * the arena's segment list, in address order: a SPAN tag for each range
 * given with vmem_add(), followed by the FREE and BUSY tags that cut that
 * span into pieces with no gap.  Two FREE neighbours inside a span are
 * merged at once, so a free segment always touches a busy one or the
 * edge of its span; the span tag sitting between spans keeps segments
 * of different spans apart.
 *
 * FREE tags are also on one of the power-of-two size lists: list i
 * holds segments of 2^i .. 2^(i+1) - 1 quanta.  BUSY tags are in a
 * red-black tree by address, so vmem_free() finds them in O(log n).
 *
 * Allocation policies:
 *	instant fit (default): the first segment on the lowest list whose
 *	    segments are all big enough: O(1) unless constraints reject it;
 *	M_BESTFIT: the smallest segment that fits;
 *	M_FIRSTFIT: the lowest-addressed segment that fits.
 * Each policy falls back to looking at every candidate, so a request
 * that can be met never fails.  The piece is taken from the low end of
 * the segment (kernel page tables grow upward).
 *
 * Boundary tags.  vmem must not use malloc or uma (they sit on top of
 * it), so tags come from a pool shared by all arenas: first a static
 * boot supply, then whole pages taken wired (VM_WIRE_KMEM) from the
 * direct map.  Static tags are used first.  A page whose tags are all
 * unused goes back to the page allocator as soon as the pool holds
 * VMEM_BT_RESERVE other unused tags.  Every operation takes the tags it
 * may need before it changes anything, so it either completes or fails
 * with nothing changed.
 *
 * Locking: each arena's vm_mtx protects its lists and counters; the tag
 * pool has vmem_bt_mtx.  Tags are taken before an arena lock and given
 * back after it, so the two are never held together; vmem_bt_mtx is
 * held while a tag page is allocated or freed (then vm_free_mtx).
 * Nothing sleeps.  Lock keys: (a) the arena's vm_mtx, (p) vmem_bt_mtx,
 * (c) constant once set up.
 */
#include <kernel/systm.h>
#include <kernel/mutex.h>
#include <kernel/vmem.h>
#include <sys/errno.h>
#include <sys/queue.h>
#include <sys/tree.h>
#include <vm/vm.h>
#include <vm/vm_page.h>
#include <vm/vm_kern.h>
#include <machine/vmparam.h>

/* Tags in the static boot supply (the host tests make it small). */
#ifndef VMEM_BOOT_BTAGS
#define VMEM_BOOT_BTAGS		128
#endif
/* Unused tags the pool keeps before giving a tag page back. */
#define VMEM_BT_RESERVE		16
/* Tags one operation may need: a span and its free segment, or a
   busy segment cut out of the middle of a free one. */
#define VMEM_BT_MAXNEED		2
#define VMEM_MAXARENAS		16
/* One size list per bit of a size in quanta. */
#define VMEM_NFREELISTS		(8 * sizeof(vmem_size_t))
#define VMEM_ADDR_MAX		(~(vmem_addr_t)0)

enum vmem_bt_type {
	BT_TYPE_SPAN = 1,	/* a range given to the arena */
	BT_TYPE_FREE,		/* a free segment of a span */
	BT_TYPE_BUSY		/* an allocated segment */
};

struct vmem_btag {
	TAILQ_ENTRY(vmem_btag) bt_seglist;	/* (a) the arena, by address */
	union {
		LIST_ENTRY(vmem_btag) u_list;	/* FREE: size list; unused:
						   the tag pool (p) */
		RB_ENTRY(vmem_btag) u_busy;	/* BUSY: the busy tree */
	} bt_u;
	vmem_addr_t	bt_start;		/* (a) first integer */
	vmem_size_t	bt_size;		/* (a) how many */
	enum vmem_bt_type bt_type;		/* (a) */
};
#define bt_list	bt_u.u_list
#define bt_busy	bt_u.u_busy

/*
 * A page of tags: this header, then the tags.  (p) vmem_bt_mtx.
 */
struct vmem_btpage {
	LIST_ENTRY(vmem_btpage) bp_link;	/* (p) on vmem_bt_idle if idle */
	vm_page_t	bp_m;			/* (c) the page */
	u_int		bp_nfree;		/* (p) its tags in the pool */
	struct vmem_btag bp_tags[];
};
#define VMEM_BT_PER_PAGE						\
	((PAGE_SIZE - sizeof(struct vmem_btpage)) / sizeof(struct vmem_btag))

LIST_HEAD(vmem_btlist, vmem_btag);
TAILQ_HEAD(vmem_seglist, vmem_btag);
RB_HEAD(vmem_busytree, vmem_btag);

struct vmem {
	const char	*vm_name;	/* (c) */
	struct mtx	vm_mtx;
	bool		vm_used;	/* slot taken (vmem_arenas_mtx) */
	vmem_size_t	vm_quantum;	/* (c) a power of two */
	struct vmem_seglist vm_seglist;	/* (a) every tag, by address */
	struct vmem_btlist vm_freelist[VMEM_NFREELISTS]; /* (a) by size */
	struct vmem_busytree vm_busytree; /* (a) busy segments */
	vmem_size_t	vm_inuse;	/* (a) sum of busy segments */
	vmem_size_t	vm_size;	/* (a) sum of spans */
};

static int
bt_busy_cmp(struct vmem_btag *a, struct vmem_btag *b)
{
	return (a->bt_start < b->bt_start ? -1 : a->bt_start > b->bt_start);
}
RB_GENERATE_STATIC(vmem_busytree, vmem_btag, bt_busy, bt_busy_cmp)

static struct vmem vmem_arenas[VMEM_MAXARENAS];
static struct mtx vmem_arenas_mtx = MTX_INITIALIZER("vmem arenas");

/* The tag pool. */
static struct mtx vmem_bt_mtx = MTX_INITIALIZER("vmem btags");
static struct vmem_btag vmem_boot_btags[VMEM_BOOT_BTAGS];
static bool vmem_boot_btags_ready;		/* (p) */
static struct vmem_btlist vmem_bt_static;	/* (p) unused static tags */
static struct vmem_btlist vmem_bt_paged;	/* (p) unused page tags */
static LIST_HEAD(, vmem_btpage) vmem_bt_idle;	/* (p) pages with no tag used */
static u_long vmem_bt_nfree;			/* (p) unused tags, all lists */

static bool
bt_is_static(const struct vmem_btag *bt)
{
	return (bt >= &vmem_boot_btags[0] &&
	    bt < &vmem_boot_btags[VMEM_BOOT_BTAGS]);
}

static struct vmem_btpage *
bt_page(const struct vmem_btag *bt)
{
	return ((struct vmem_btpage *)trunc_page((vm_offset_t)bt));
}

/* Put the static tags in the pool, once.  vmem_bt_mtx held. */
static void
bt_boot(void)
{
	int i;

	if (vmem_boot_btags_ready)
		return;
	for (i = 0; i < VMEM_BOOT_BTAGS; i++)
		LIST_INSERT_HEAD(&vmem_bt_static, &vmem_boot_btags[i], bt_list);
	vmem_bt_nfree += VMEM_BOOT_BTAGS;
	vmem_boot_btags_ready = true;
}

/* Add a page of tags to the pool.  false if no page.  vmem_bt_mtx held. */
static bool
bt_page_alloc(int flags)
{
	struct vmem_btpage *bp;
	vm_page_t m;
	int req;
	u_int i;

	req = VM_ALLOC_KMEM | VM_ALLOC_DIRECT;
	if ((flags & M_USE_RESERVE) != 0)
		req = (req & ~VM_ALLOC_CLASS_MASK) | VM_ALLOC_INTERRUPT;
	m = vm_page_alloc_noobj(req);
	if (m == NULL)
		return (false);
	bp = (struct vmem_btpage *)PHYS_TO_DMAP(VM_PAGE_TO_PHYS(m));
	bp->bp_m = m;
	bp->bp_nfree = VMEM_BT_PER_PAGE;
	for (i = 0; i < VMEM_BT_PER_PAGE; i++)
		LIST_INSERT_HEAD(&vmem_bt_paged, &bp->bp_tags[i], bt_list);
	LIST_INSERT_HEAD(&vmem_bt_idle, bp, bp_link);
	vmem_bt_nfree += VMEM_BT_PER_PAGE;
	return (true);
}

/* Give idle tag pages back while the pool keeps enough other tags. */
static void
bt_trim(void)
{
	struct vmem_btpage *bp;
	vm_page_t m;
	u_int i;

	mtx_assert(&vmem_bt_mtx, MA_OWNED);
	while ((bp = LIST_FIRST(&vmem_bt_idle)) != NULL &&
	    vmem_bt_nfree - VMEM_BT_PER_PAGE >= VMEM_BT_RESERVE) {
		LIST_REMOVE(bp, bp_link);
		for (i = 0; i < VMEM_BT_PER_PAGE; i++)
			LIST_REMOVE(&bp->bp_tags[i], bt_list);
		vmem_bt_nfree -= VMEM_BT_PER_PAGE;
		m = bp->bp_m;
		if (!vm_page_unwire_noq(m, VM_WIRE_KMEM))
			panic("vmem: tag page %#llx wired more than once",
			    (unsigned long long)VM_PAGE_TO_PHYS(m));
		vm_page_free(m);
	}
}

/*
 * Take `n` unused tags from the pool into `bts`.  Returns false, with
 * nothing taken, if no page could be had for more.  Arena lock held
 * (or none: vmem_create).
 */
static bool
bt_take(struct vmem_btag **bts, int n, int flags)
{
	struct vmem_btag *bt;
	struct vmem_btpage *bp;
	int i;

	mtx_lock(&vmem_bt_mtx);
	bt_boot();
	while (vmem_bt_nfree < (u_long)n) {
		if (!bt_page_alloc(flags)) {
			mtx_unlock(&vmem_bt_mtx);
			return (false);
		}
	}
	for (i = 0; i < n; i++) {
		if ((bt = LIST_FIRST(&vmem_bt_static)) == NULL) {
			bt = LIST_FIRST(&vmem_bt_paged);
			bp = bt_page(bt);
			if (bp->bp_nfree-- == VMEM_BT_PER_PAGE)
				LIST_REMOVE(bp, bp_link);
		}
		LIST_REMOVE(bt, bt_list);
		vmem_bt_nfree--;
		bts[i] = bt;
	}
	mtx_unlock(&vmem_bt_mtx);
	return (true);
}

/* Give an unused tag (or NULL) back to the pool. */
static void
bt_give(struct vmem_btag *bt)
{
	struct vmem_btpage *bp;

	if (bt == NULL)
		return;
	mtx_lock(&vmem_bt_mtx);
	vmem_bt_nfree++;
	if (bt_is_static(bt))
		LIST_INSERT_HEAD(&vmem_bt_static, bt, bt_list);
	else {
		LIST_INSERT_HEAD(&vmem_bt_paged, bt, bt_list);
		bp = bt_page(bt);
		if (++bp->bp_nfree == VMEM_BT_PER_PAGE)
			LIST_INSERT_HEAD(&vmem_bt_idle, bp, bp_link);
	}
	bt_trim();
	mtx_unlock(&vmem_bt_mtx);
}

/* floor(log2(x)), x > 0 */
static int
vmem_log2(vmem_size_t x)
{
	return ((int)(8 * sizeof(long)) - 1 - __builtin_clzl((u_long)x));
}

/* The size list of a free segment of `size` bytes. */
static struct vmem_btlist *
bt_freehead(vmem_t *vm, vmem_size_t size)
{
	return (&vm->vm_freelist[vmem_log2(size / vm->vm_quantum)]);
}

static void
bt_insfree(vmem_t *vm, struct vmem_btag *bt)
{
	bt->bt_type = BT_TYPE_FREE;
	LIST_INSERT_HEAD(bt_freehead(vm, bt->bt_size), bt, bt_list);
}

static void
bt_insbusy(vmem_t *vm, struct vmem_btag *bt)
{
	bt->bt_type = BT_TYPE_BUSY;
	RB_INSERT(vmem_busytree, &vm->vm_busytree, bt);
}

/*
 * vmem_create: see vmem.h.  The arena structure comes from a static
 * table of VMEM_MAXARENAS; `name` is kept, not copied.  flags:
 * M_NOWAIT/M_WAITOK, M_USE_RESERVE (for the tags of the first span).
 * Never sleeps.
 */
vmem_t *
vmem_create(const char *name, vmem_addr_t base, vmem_size_t size,
    vmem_size_t quantum, int flags)
{
	vmem_t *vm = NULL;
	int i;

	KASSERT(quantum > 0 && (quantum & (quantum - 1)) == 0,
	    ("vmem_create %s: quantum %#lx not a power of two", name,
	    (u_long)quantum));
	mtx_lock(&vmem_arenas_mtx);
	for (i = 0; i < VMEM_MAXARENAS && vm == NULL; i++)
		if (!vmem_arenas[i].vm_used) {
			vm = &vmem_arenas[i];
			vm->vm_used = true;
		}
	mtx_unlock(&vmem_arenas_mtx);
	if (vm == NULL)
		return (NULL);
	vm->vm_name = name;
	mtx_init(&vm->vm_mtx, vm->vm_name);
	vm->vm_quantum = quantum;
	TAILQ_INIT(&vm->vm_seglist);
	for (i = 0; i < (int)VMEM_NFREELISTS; i++)
		LIST_INIT(&vm->vm_freelist[i]);
	RB_INIT(&vm->vm_busytree);
	vm->vm_inuse = 0;
	vm->vm_size = 0;
	if (size != 0 && vmem_add(vm, base, size, flags) != 0) {
		vmem_destroy(vm);
		return (NULL);
	}
	return (vm);
}

/*
 * vmem_destroy: see vmem.h.  Nothing may be allocated (KASSERT); the
 * spans are forgotten and the tags go back to the pool.  The caller
 * must make sure no one else uses the arena any more.
 */
void
vmem_destroy(vmem_t *vm)
{
	struct vmem_btag *bt;

	KASSERT(vm->vm_inuse == 0, ("vmem_destroy %s: %#lx still allocated",
	    vm->vm_name, (u_long)vm->vm_inuse));
	while ((bt = TAILQ_FIRST(&vm->vm_seglist)) != NULL) {
		TAILQ_REMOVE(&vm->vm_seglist, bt, bt_seglist);
		if (bt->bt_type == BT_TYPE_FREE)
			LIST_REMOVE(bt, bt_list);
		bt_give(bt);
	}
	mtx_lock(&vmem_arenas_mtx);
	vm->vm_used = false;
	mtx_unlock(&vmem_arenas_mtx);
}

/*
 * vmem_add: see vmem.h.  The span must not overlap one the arena has,
 * and must be quantum-aligned (KASSERT).  ENOMEM if no tags could be
 * had.  Takes the arena lock; never sleeps.
 */
int
vmem_add(vmem_t *vm, vmem_addr_t base, vmem_size_t size, int flags)
{
	struct vmem_btag *bts[2], *span, *free, *bt;

	KASSERT(size > 0 && ((base | size) & (vm->vm_quantum - 1)) == 0 &&
	    base + (size - 1) >= base, ("vmem_add %s: bad span [%#lx, +%#lx)",
	    vm->vm_name, (u_long)base, (u_long)size));
	if (!bt_take(bts, 2, flags))
		return (ENOMEM);
	span = bts[0];
	free = bts[1];
	span->bt_type = BT_TYPE_SPAN;
	span->bt_start = free->bt_start = base;
	span->bt_size = free->bt_size = size;
	mtx_lock(&vm->vm_mtx);
	TAILQ_FOREACH(bt, &vm->vm_seglist, bt_seglist) {
		if (bt->bt_type != BT_TYPE_SPAN)
			continue;
		KASSERT(base + (size - 1) < bt->bt_start ||
		    bt->bt_start + (bt->bt_size - 1) < base,
		    ("vmem_add %s: [%#lx, +%#lx) overlaps a span", vm->vm_name,
		    (u_long)base, (u_long)size));
		if (bt->bt_start > base)
			break;
	}
	if (bt != NULL)
		TAILQ_INSERT_BEFORE(bt, span, bt_seglist);
	else
		TAILQ_INSERT_TAIL(&vm->vm_seglist, span, bt_seglist);
	TAILQ_INSERT_AFTER(&vm->vm_seglist, span, free, bt_seglist);
	bt_insfree(vm, free);
	vm->vm_size += size;
	mtx_unlock(&vm->vm_mtx);
	return (0);
}

/*
 * The least x >= addr with x % align == phase (align a power of two,
 * phase < align).  false if that overflows.
 */
static bool
vmem_align_up(vmem_addr_t addr, vmem_size_t align, vmem_size_t phase,
    vmem_addr_t *resp)
{
	vmem_addr_t x;

	x = (addr & ~(align - 1)) | phase;
	if (x < addr) {
		if (x + align < x)
			return (false);
		x += align;
	}
	*resp = x;
	return (true);
}

/* A request: the constraints vmem_xalloc was given, checked. */
struct vmem_req {
	vmem_size_t	size;
	vmem_size_t	align;
	vmem_size_t	phase;
	vmem_size_t	nocross;
	vmem_addr_t	minaddr;
	vmem_addr_t	maxaddr;	/* inclusive */
};

/*
 * Where in free segment `bt` the request fits, if it does.  Ends are
 * inclusive so that a segment may end at the top of the address space.
 */
static bool
vmem_fit(const struct vmem_btag *bt, const struct vmem_req *r,
    vmem_addr_t *addrp)
{
	vmem_addr_t start, end;

	start = MAX(bt->bt_start, r->minaddr);
	end = MIN(bt->bt_start + (bt->bt_size - 1), r->maxaddr);
	if (start > end || !vmem_align_up(start, r->align, r->phase, &start))
		return (false);
	if (r->nocross != 0 &&
	    ((start ^ (start + (r->size - 1))) & ~(r->nocross - 1)) != 0) {
		/*
		 * Go to the next boundary.  If the piece crosses one from
		 * there too, it crosses one from every aligned start.
		 */
		start = (start & ~(r->nocross - 1)) + r->nocross;
		if (start == 0 ||
		    !vmem_align_up(start, r->align, r->phase, &start) ||
		    ((start ^ (start + (r->size - 1))) &
		    ~(r->nocross - 1)) != 0)
			return (false);
	}
	if (start > end || end - start < r->size - 1)
		return (false);
	*addrp = start;
	return (true);
}

/* Instant fit: a list whose segments are all big enough, then the rest. */
static struct vmem_btag *
vmem_find_instant(vmem_t *vm, const struct vmem_req *r, vmem_addr_t *addrp)
{
	struct vmem_btag *bt;
	vmem_size_t q = r->size / vm->vm_quantum;
	int first, i;

	first = q == 1 ? 0 : vmem_log2(q - 1) + 1;
	for (i = first; i < (int)VMEM_NFREELISTS; i++)
		LIST_FOREACH(bt, &vm->vm_freelist[i], bt_list)
			if (vmem_fit(bt, r, addrp))
				return (bt);
	/* Segments of the list below `first` may still be big enough. */
	if (first > vmem_log2(q))
		LIST_FOREACH(bt, &vm->vm_freelist[vmem_log2(q)], bt_list)
			if (vmem_fit(bt, r, addrp))
				return (bt);
	return (NULL);
}

/* Best fit: the smallest segment that fits (the lowest address on ties). */
static struct vmem_btag *
vmem_find_best(vmem_t *vm, const struct vmem_req *r, vmem_addr_t *addrp)
{
	struct vmem_btag *bt, *best;
	vmem_addr_t addr;
	int i;

	for (i = vmem_log2(r->size / vm->vm_quantum);
	    i < (int)VMEM_NFREELISTS; i++) {
		best = NULL;
		LIST_FOREACH(bt, &vm->vm_freelist[i], bt_list) {
			if ((best == NULL || bt->bt_size < best->bt_size ||
			    (bt->bt_size == best->bt_size &&
			    bt->bt_start < best->bt_start)) &&
			    vmem_fit(bt, r, &addr)) {
				best = bt;
				*addrp = addr;
			}
		}
		/* Every segment on a higher list is bigger. */
		if (best != NULL)
			return (best);
	}
	return (NULL);
}

/* First fit: walk the segments in address order. */
static struct vmem_btag *
vmem_find_first(vmem_t *vm, const struct vmem_req *r, vmem_addr_t *addrp)
{
	struct vmem_btag *bt;

	TAILQ_FOREACH(bt, &vm->vm_seglist, bt_seglist)
		if (bt->bt_type == BT_TYPE_FREE && vmem_fit(bt, r, addrp))
			return (bt);
	return (NULL);
}

/*
 * Turn [addr, addr + size) of free segment `bt` into a busy segment:
 * `bt` becomes the busy tag; what is left before and after becomes free
 * segments with tags from `spare` (two, each used or left alone).
 * Arena lock held.
 */
static void
vmem_carve(vmem_t *vm, struct vmem_btag *bt, vmem_addr_t addr,
    vmem_size_t size, struct vmem_btag **spare)
{
	struct vmem_btag *front, *back;
	vmem_addr_t end = addr + (size - 1);
	vmem_addr_t btend = bt->bt_start + (bt->bt_size - 1);

	LIST_REMOVE(bt, bt_list);
	if (addr > bt->bt_start) {
		front = spare[0];
		spare[0] = NULL;
		front->bt_start = bt->bt_start;
		front->bt_size = addr - bt->bt_start;
		TAILQ_INSERT_BEFORE(bt, front, bt_seglist);
		bt_insfree(vm, front);
	}
	if (end < btend) {
		back = spare[1];
		spare[1] = NULL;
		back->bt_start = end + 1;
		back->bt_size = btend - end;
		TAILQ_INSERT_AFTER(&vm->vm_seglist, bt, back, bt_seglist);
		bt_insfree(vm, back);
	}
	bt->bt_start = addr;
	bt->bt_size = size;
	bt_insbusy(vm, bt);
	vm->vm_inuse += size;
}

/*
 * vmem_xalloc: see vmem.h.  `align` (0: the quantum) is a power of two
 * and a multiple of the quantum, `phase` a multiple of the quantum
 * below `align`, `nocross` 0 or a power of two at least `size`; the
 * piece lies in [minaddr, maxaddr] (maxaddr inclusive, 0: no limit).
 * flags: M_NOWAIT/M_WAITOK (the same: vmem never waits),
 * M_USE_RESERVE (tag pages from the reserve), and at most one of
 * M_BESTFIT, M_FIRSTFIT.  Takes the arena lock; never sleeps.
 */
int
vmem_xalloc(vmem_t *vm, vmem_size_t size, vmem_size_t align,
    vmem_size_t phase, vmem_size_t nocross, vmem_addr_t minaddr,
    vmem_addr_t maxaddr, int flags, vmem_addr_t *addrp)
{
	struct vmem_btag *spare[VMEM_BT_MAXNEED], *bt;
	struct vmem_req r;
	vmem_addr_t addr = 0;
	vmem_size_t qmask = vm->vm_quantum - 1;

	if (align == 0)
		align = vm->vm_quantum;
	if (maxaddr == 0)
		maxaddr = VMEM_ADDR_MAX;
	KASSERT(size > 0 && size + qmask > size, ("vmem_xalloc %s: size "
	    "%#lx", vm->vm_name, (u_long)size));
	size = (size + qmask) & ~qmask;
	KASSERT((align & (align - 1)) == 0 && (align & qmask) == 0 &&
	    phase < align && (phase & qmask) == 0,
	    ("vmem_xalloc %s: align %#lx phase %#lx", vm->vm_name,
	    (u_long)align, (u_long)phase));
	KASSERT(nocross == 0 || ((nocross & (nocross - 1)) == 0 &&
	    nocross >= size), ("vmem_xalloc %s: nocross %#lx for size %#lx",
	    vm->vm_name, (u_long)nocross, (u_long)size));
	KASSERT(minaddr <= maxaddr, ("vmem_xalloc %s: minaddr > maxaddr",
	    vm->vm_name));
	KASSERT((flags & (M_BESTFIT | M_FIRSTFIT)) !=
	    (M_BESTFIT | M_FIRSTFIT), ("vmem_xalloc %s: two policies",
	    vm->vm_name));
	r = (struct vmem_req){ size, align, phase, nocross, minaddr, maxaddr };

	if (!bt_take(spare, VMEM_BT_MAXNEED, flags))
		return (ENOMEM);
	mtx_lock(&vm->vm_mtx);
	if ((flags & M_BESTFIT) != 0)
		bt = vmem_find_best(vm, &r, &addr);
	else if ((flags & M_FIRSTFIT) != 0)
		bt = vmem_find_first(vm, &r, &addr);
	else
		bt = vmem_find_instant(vm, &r, &addr);
	if (bt != NULL)
		vmem_carve(vm, bt, addr, size, spare);
	mtx_unlock(&vm->vm_mtx);
	bt_give(spare[0]);
	bt_give(spare[1]);
	if (bt == NULL)
		return (ENOMEM);
	*addrp = addr;
	return (0);
}

/* vmem_alloc: vmem_xalloc without constraints. */
int
vmem_alloc(vmem_t *vm, vmem_size_t size, int flags, vmem_addr_t *addrp)
{
	return (vmem_xalloc(vm, size, 0, 0, 0, 0, 0, flags, addrp));
}

/*
 * vmem_free: see vmem.h.  Panics if [addr, addr + size) is not exactly
 * one busy segment.  Merges with free neighbours in the same span.
 * Takes the arena lock; never sleeps.
 */
void
vmem_free(vmem_t *vm, vmem_addr_t addr, vmem_size_t size)
{
	struct vmem_btag key, *bt, *prev, *next;
	vmem_size_t qmask = vm->vm_quantum - 1;

	size = (size + qmask) & ~qmask;
	key.bt_start = addr;
	mtx_lock(&vm->vm_mtx);
	bt = RB_FIND(vmem_busytree, &vm->vm_busytree, &key);
	if (bt == NULL || bt->bt_size != size)
		panic("vmem_free %s: [%#lx, +%#lx) was not allocated%s",
		    vm->vm_name, (u_long)addr, (u_long)size,
		    bt == NULL ? "" : " with that size");
	RB_REMOVE(vmem_busytree, &vm->vm_busytree, bt);
	vm->vm_inuse -= size;
	next = TAILQ_NEXT(bt, bt_seglist);
	if (next != NULL && next->bt_type == BT_TYPE_FREE) {
		LIST_REMOVE(next, bt_list);
		TAILQ_REMOVE(&vm->vm_seglist, next, bt_seglist);
		bt->bt_size += next->bt_size;
	} else
		next = NULL;
	prev = TAILQ_PREV(bt, vmem_seglist, bt_seglist);
	KASSERT(prev != NULL, ("vmem_free %s: segment outside a span",
	    vm->vm_name));
	if (prev->bt_type == BT_TYPE_FREE) {
		LIST_REMOVE(prev, bt_list);
		TAILQ_REMOVE(&vm->vm_seglist, prev, bt_seglist);
		bt->bt_start = prev->bt_start;
		bt->bt_size += prev->bt_size;
	} else
		prev = NULL;
	bt_insfree(vm, bt);
	mtx_unlock(&vm->vm_mtx);
	bt_give(next);
	bt_give(prev);
}

/* vmem_size_inuse / vmem_size_total: unlocked snapshots. */
vmem_size_t
vmem_size_inuse(vmem_t *vm)
{
	return (vm->vm_inuse);
}

vmem_size_t
vmem_size_total(vmem_t *vm)
{
	return (vm->vm_size);
}

/* Check the segment list span by span.  Arena lock held. */
static int
vmem_check_seglist(vmem_t *vm, u_long *nfree, u_long *nbusy)
{
	struct vmem_btag *bt, *prev = NULL, *span = NULL;
	vmem_addr_t next = 0;		/* where the next segment must start */
	vmem_size_t inuse = 0, total = 0, qmask = vm->vm_quantum - 1;
	int bad = 0;

	TAILQ_FOREACH(bt, &vm->vm_seglist, bt_seglist) {
		if (((bt->bt_start | bt->bt_size) & qmask) != 0 ||
		    bt->bt_size == 0) {
			printf("vmem_check %s: tag [%#lx, +%#lx) not in "
			    "quanta\n", vm->vm_name, (u_long)bt->bt_start,
			    (u_long)bt->bt_size);
			bad++;
		}
		if (bt->bt_type == BT_TYPE_SPAN) {
			if ((span != NULL && next != span->bt_start +
			    span->bt_size) || (span != NULL &&
			    bt->bt_start <= span->bt_start)) {
				printf("vmem_check %s: span at %#lx not covered "
				    "or out of order\n", vm->vm_name,
				    (u_long)span->bt_start);
				bad++;
			}
			span = bt;
			next = bt->bt_start;
			total += bt->bt_size;
		} else if (span == NULL || bt->bt_start != next ||
		    bt->bt_start + (bt->bt_size - 1) >
		    span->bt_start + (span->bt_size - 1)) {
			printf("vmem_check %s: segment [%#lx, +%#lx) leaves a "
			    "gap or leaves its span\n", vm->vm_name,
			    (u_long)bt->bt_start, (u_long)bt->bt_size);
			bad++;
		} else if (bt->bt_type == BT_TYPE_FREE) {
			if (prev != NULL && prev->bt_type == BT_TYPE_FREE) {
				printf("vmem_check %s: free segments at %#lx "
				    "and %#lx not merged\n", vm->vm_name,
				    (u_long)prev->bt_start,
				    (u_long)bt->bt_start);
				bad++;
			}
			(*nfree)++;
		} else if (bt->bt_type == BT_TYPE_BUSY) {
			inuse += bt->bt_size;
			(*nbusy)++;
			if (RB_FIND(vmem_busytree, &vm->vm_busytree, bt) !=
			    bt) {
				printf("vmem_check %s: busy [%#lx, +%#lx) not "
				    "in the tree\n", vm->vm_name,
				    (u_long)bt->bt_start, (u_long)bt->bt_size);
				bad++;
			}
		} else {
			printf("vmem_check %s: tag of type %d\n", vm->vm_name,
			    bt->bt_type);
			bad++;
		}
		if (bt->bt_type != BT_TYPE_SPAN)
			next = bt->bt_start + bt->bt_size;
		prev = bt;
	}
	if (span != NULL && next != span->bt_start + span->bt_size) {
		printf("vmem_check %s: last span not covered\n", vm->vm_name);
		bad++;
	}
	if (inuse != vm->vm_inuse || total != vm->vm_size) {
		printf("vmem_check %s: segments say %#lx in use of %#lx, "
		    "arena says %#lx of %#lx\n", vm->vm_name, (u_long)inuse,
		    (u_long)total, (u_long)vm->vm_inuse, (u_long)vm->vm_size);
		bad++;
	}
	return (bad);
}

/*
 * vmem_check: see vmem.h.  Checks the segment list (spans covered
 * without gaps or overlaps, no unmerged free neighbours, counters), the
 * size lists and the busy tree; prints each problem.  Takes the arena
 * lock; cost linear in the number of segments.
 */
int
vmem_check(vmem_t *vm)
{
	struct vmem_btag *bt;
	u_long nfree = 0, nbusy = 0, listed = 0, intree = 0;
	int bad, i;

	mtx_lock(&vm->vm_mtx);
	bad = vmem_check_seglist(vm, &nfree, &nbusy);
	for (i = 0; i < (int)VMEM_NFREELISTS; i++) {
		LIST_FOREACH(bt, &vm->vm_freelist[i], bt_list) {
			if (bt->bt_type != BT_TYPE_FREE ||
			    vmem_log2(bt->bt_size / vm->vm_quantum) != i) {
				printf("vmem_check %s: [%#lx, +%#lx) type %d "
				    "on size list %d\n", vm->vm_name,
				    (u_long)bt->bt_start, (u_long)bt->bt_size,
				    bt->bt_type, i);
				bad++;
			}
			if (++listed > nfree)
				break;
		}
	}
	RB_FOREACH(bt, vmem_busytree, &vm->vm_busytree)
		intree++;
	if (listed != nfree || intree != nbusy ||
	    RB_CHECK(vmem_busytree, &vm->vm_busytree) < 0) {
		printf("vmem_check %s: %lu free segments, %lu on size lists; "
		    "%lu busy, %lu in the tree (or the tree is broken)\n",
		    vm->vm_name, nfree, listed, nbusy, intree);
		bad++;
	}
	mtx_unlock(&vm->vm_mtx);
	return (bad);
}
