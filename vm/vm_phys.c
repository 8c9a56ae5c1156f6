/*
 * vm_phys.c - physical memory segments, the boot-time page allocator and
 * the buddy allocator (see vm_phys.h for the model).
 *
 * A free block of 2^k pages starts at a physical address that is a
 * multiple of its size, so its buddy is found by flipping one address
 * bit.  Blocks never span two segments, and segments never span two
 * free lists, so a merge only has to look inside the block's segment.
 *
 * Locking: the queues and counts are under vm_free_mtx, taken by the
 * callers in vm_page.c.  Segment setup and early allocation run during
 * boot on one CPU, before anything else can allocate.
 */
#include <kernel/systm.h>
#include <kernel/bootinfo.h>
#include <vm/vm.h>
#include <vm/vm_page.h>
#include <vm/vm_phys.h>
#include <vm/vmmeter.h>

struct vm_phys_seg vm_phys_segs[VM_PHYSSEG_MAX];
int	vm_phys_nsegs;
struct vm_phys_early vm_phys_early_allocs[VM_EARLY_MAX];
int	vm_phys_nearly;
u_long	vm_phys_freelist_count[VM_NFREELIST];

static TAILQ_HEAD(, vm_page) vm_phys_free_queues[VM_NFREELIST][VM_NFREEORDER];
static bool vm_phys_have_pages;		/* vm_phys_set_page_array done */

#define BLOCK_BYTES(order)	((vm_paddr_t)PAGE_SIZE << (order))

static int
vm_phys_freelist_of(vm_paddr_t pa)
{
	return (pa < VM_DIRECT_MAX_PA ? VM_FREELIST_DIRECT :
	    VM_FREELIST_DEFAULT);
}

/* Insert [start, end) keeping the array sorted; no overlap allowed. */
static void
vm_phys_insert_seg(vm_paddr_t start, vm_paddr_t end)
{
	int i;

	if (start >= end)
		return;
	if (vm_phys_nsegs == VM_PHYSSEG_MAX) {
		printf("vm_phys: too many segments, dropping %#llx-%#llx\n",
		    (unsigned long long)start, (unsigned long long)end);
		return;
	}
	for (i = vm_phys_nsegs; i > 0 && vm_phys_segs[i - 1].start > start;
	    i--)
		vm_phys_segs[i] = vm_phys_segs[i - 1];
	KASSERT(i == 0 || vm_phys_segs[i - 1].end <= start,
	    ("vm_phys: overlapping RAM ranges at %#llx",
	    (unsigned long long)start));
	vm_phys_segs[i].start = start;
	vm_phys_segs[i].end = end;
	vm_phys_segs[i].first_page = NULL;
	vm_phys_segs[i].freelist = vm_phys_freelist_of(start);
	vm_phys_nsegs++;
}

void
vm_phys_add_seg(vm_paddr_t start, vm_paddr_t end)
{
	start = roundup(start, PAGE_SIZE);
	end = rounddown(end, PAGE_SIZE);
	if (end > VM_PHYS_MAX_PA)
		end = VM_PHYS_MAX_PA;
	if (start >= end)
		return;
	/* A segment lies in one free list: cut at the direct map's end. */
	if (VM_NFREELIST > 1 && start < VM_DIRECT_MAX_PA &&
	    end > VM_DIRECT_MAX_PA) {
		vm_phys_insert_seg(start, VM_DIRECT_MAX_PA);
		vm_phys_insert_seg(VM_DIRECT_MAX_PA, end);
	} else
		vm_phys_insert_seg(start, end);
}

void
vm_phys_exclude(vm_paddr_t start, vm_paddr_t end)
{
	struct vm_phys_seg *seg;
	vm_paddr_t seg_end;
	int i;

	start = rounddown(start, PAGE_SIZE);
	end = roundup(end, PAGE_SIZE);
	for (i = 0; i < vm_phys_nsegs; i++) {
		seg = &vm_phys_segs[i];
		if (end <= seg->start || start >= seg->end)
			continue;
		seg_end = seg->end;
		if (start > seg->start) {
			/* Keep the head; re-add the tail if any. */
			seg->end = start;
			if (end < seg_end)
				vm_phys_insert_seg(end, seg_end);
		} else if (end < seg_end) {
			seg->start = end;
		} else {
			/* Wholly covered: drop it. */
			memmove(seg, seg + 1,
			    (vm_phys_nsegs - i - 1) * sizeof(*seg));
			vm_phys_nsegs--;
			i--;
		}
	}
}

void
vm_phys_init(const struct bootinfo *bi)
{
	extern char _end[];
	int i;

	for (i = 0; i < bi->nmemranges; i++)
		if (bi->memranges[i].type == BI_MEM_AVAILABLE)
			vm_phys_add_seg(bi->memranges[i].base,
			    bi->memranges[i].base + bi->memranges[i].length);
	/* Page 0 stays unused so that no page has physical address 0. */
	vm_phys_exclude(0, PAGE_SIZE);
	/* The kernel image, from its boot code to the end of .bss. */
	vm_phys_exclude(KERNLOAD, (vm_paddr_t)((uintptr_t)_end - KERNBASE));
	for (i = 0; i < bi->nmodules; i++)
		vm_phys_exclude(bi->modules[i].start, bi->modules[i].end);
	vm_phys_exclude(bi->mbi_start, bi->mbi_end);
}

vm_paddr_t
vm_phys_ram_bytes(void)
{
	vm_paddr_t total = 0;
	int i;

	for (i = 0; i < vm_phys_nsegs; i++)
		total += vm_phys_segs[i].end - vm_phys_segs[i].start;
	return (total);
}

/* The early allocation overlapping [start, end), or NULL. */
static struct vm_phys_early *
vm_phys_early_overlap(vm_paddr_t start, vm_paddr_t end)
{
	struct vm_phys_early *e;
	int i;

	for (i = 0; i < vm_phys_nearly; i++) {
		e = &vm_phys_early_allocs[i];
		if (start < e->start + ptoa(e->npages) && e->start < end)
			return (e);
	}
	return (NULL);
}

/* Record [pa, pa + npages) for `reason`, merging with a neighbour. */
static void
vm_phys_early_record(vm_paddr_t pa, u_long npages, enum vm_wire_reason reason)
{
	struct vm_phys_early *e;
	int i;

	for (i = 0; i < vm_phys_nearly; i++) {
		e = &vm_phys_early_allocs[i];
		if (e->reason != reason)
			continue;
		if (pa + ptoa(npages) == e->start) {
			e->start = pa;
			e->npages += npages;
			return;
		}
		if (e->start + ptoa(e->npages) == pa) {
			e->npages += npages;
			return;
		}
	}
	if (vm_phys_nearly == VM_EARLY_MAX)
		panic("vm_phys_early_alloc: more than %d separate boot "
		    "allocations", VM_EARLY_MAX);
	e = &vm_phys_early_allocs[vm_phys_nearly++];
	e->start = pa;
	e->npages = npages;
	e->reason = reason;
}

/*
 * Boot allocations come from the top of the highest segment below
 * `high`, so low memory stays free for whatever needs low addresses.
 */
vm_paddr_t
vm_phys_early_alloc(u_long npages, enum vm_wire_reason reason,
    vm_paddr_t high)
{
	struct vm_phys_early *e;
	struct vm_phys_seg *seg;
	vm_paddr_t top, size = ptoa(npages);
	int i;

	KASSERT(!vm_phys_have_pages, ("vm_phys_early_alloc after startup"));
	KASSERT(npages > 0 && reason != VM_WIRE_NONE,
	    ("vm_phys_early_alloc: %lu pages, reason %d", npages, reason));
	for (i = vm_phys_nsegs - 1; i >= 0; i--) {
		seg = &vm_phys_segs[i];
		top = MIN(seg->end, high);
		while (top >= seg->start + size &&
		    (e = vm_phys_early_overlap(top - size, top)) != NULL)
			top = e->start;
		if (top >= seg->start + size) {
			vm_phys_early_record(top - size, npages, reason);
			return (top - size);
		}
	}
	panic("vm_phys_early_alloc: no room for %lu pages below %#llx",
	    npages, (unsigned long long)high);
}

void
vm_phys_set_page_array(vm_page_t array)
{
	int fl, order, i;

	for (fl = 0; fl < VM_NFREELIST; fl++)
		for (order = 0; order < VM_NFREEORDER; order++)
			TAILQ_INIT(&vm_phys_free_queues[fl][order]);
	for (i = 0; i < vm_phys_nsegs; i++) {
		vm_phys_segs[i].first_page = array;
		array += atop(vm_phys_segs[i].end - vm_phys_segs[i].start);
	}
	vm_phys_have_pages = true;
}

static struct vm_phys_seg *
vm_phys_seg_of(vm_paddr_t pa)
{
	int lo = 0, hi = vm_phys_nsegs - 1, mid;

	while (lo <= hi) {
		mid = (lo + hi) / 2;
		if (pa < vm_phys_segs[mid].start)
			hi = mid - 1;
		else if (pa >= vm_phys_segs[mid].end)
			lo = mid + 1;
		else
			return (&vm_phys_segs[mid]);
	}
	return (NULL);
}

vm_page_t
vm_phys_find_page(vm_paddr_t pa)
{
	struct vm_phys_seg *seg;

	if (!vm_phys_have_pages || (seg = vm_phys_seg_of(pa)) == NULL)
		return (NULL);
	return (&seg->first_page[atop(pa - seg->start)]);
}

static inline vm_page_t
seg_page(struct vm_phys_seg *seg, vm_paddr_t pa)
{
	return (&seg->first_page[atop(pa - seg->start)]);
}

static void
vm_phys_enqueue(vm_page_t m, int order)
{
	m->flags |= PG_FREE;
	m->order = order;
	TAILQ_INSERT_TAIL(&vm_phys_free_queues[m->freelist][order], m,
	    plinks.q);
}

static void
vm_phys_dequeue(vm_page_t m)
{
	KASSERT((m->flags & PG_FREE) != 0 && m->order < VM_NFREEORDER,
	    ("vm_phys_dequeue: page %#llx is not a free block head",
	    (unsigned long long)m->phys_addr));
	TAILQ_REMOVE(&vm_phys_free_queues[m->freelist][m->order], m,
	    plinks.q);
	m->flags &= ~PG_FREE;
	m->order = VM_FREEORDER_NONE;
}

static void
vm_phys_count(int freelist, long delta)
{
	vm_phys_freelist_count[freelist] += delta;
	vm_cnt.v_free_count += delta;
}

void
vm_phys_free_pages(vm_page_t m, int order)
{
	struct vm_phys_seg *seg;
	vm_paddr_t pa, buddy_pa;
	vm_page_t buddy;
	int freelist = m->freelist;

	pa = m->phys_addr;
	seg = vm_phys_seg_of(pa);
	KASSERT(seg != NULL && (pa & (BLOCK_BYTES(order) - 1)) == 0 &&
	    pa + BLOCK_BYTES(order) <= seg->end,
	    ("vm_phys_free_pages: bad block %#llx order %d",
	    (unsigned long long)pa, order));
	KASSERT((m->flags & PG_FREE) == 0, ("vm_phys_free_pages: "
	    "page %#llx freed twice", (unsigned long long)pa));
	vm_phys_count(freelist, 1L << order);
	while (order < VM_NFREEORDER - 1) {
		buddy_pa = pa ^ BLOCK_BYTES(order);
		if (buddy_pa < seg->start ||
		    buddy_pa + BLOCK_BYTES(order) > seg->end)
			break;
		buddy = seg_page(seg, buddy_pa);
		if ((buddy->flags & PG_FREE) == 0 || buddy->order != order)
			break;
		vm_phys_dequeue(buddy);
		order++;
		pa &= ~(BLOCK_BYTES(order) - 1);
	}
	vm_phys_enqueue(seg_page(seg, pa), order);
}

/* The largest order a block at `pa` of at most `npages` pages can have. */
static int
vm_phys_max_order(vm_paddr_t pa, u_long npages)
{
	int order = 0;

	while (order < VM_NFREEORDER - 1 &&
	    (pa & (BLOCK_BYTES(order + 1) - 1)) == 0 &&
	    (1UL << (order + 1)) <= npages)
		order++;
	return (order);
}

void
vm_phys_free_range(vm_page_t m, u_long npages)
{
	struct vm_phys_seg *seg;
	vm_paddr_t pa = m->phys_addr;
	int order;

	seg = vm_phys_seg_of(pa);
	KASSERT(seg != NULL && pa + ptoa(npages) <= seg->end,
	    ("vm_phys_free_range: %#llx + %lu pages is not in one segment",
	    (unsigned long long)pa, npages));
	while (npages > 0) {
		order = vm_phys_max_order(pa, npages);
		vm_phys_free_pages(seg_page(seg, pa), order);
		pa += BLOCK_BYTES(order);
		npages -= 1UL << order;
	}
}

vm_page_t
vm_phys_alloc_pages(int freelist, int order)
{
	vm_page_t m, buddy;
	int o;

	KASSERT(freelist >= 0 && freelist < VM_NFREELIST &&
	    order >= 0 && order < VM_NFREEORDER,
	    ("vm_phys_alloc_pages: freelist %d order %d", freelist, order));
	for (o = order; o < VM_NFREEORDER; o++) {
		m = TAILQ_FIRST(&vm_phys_free_queues[freelist][o]);
		if (m == NULL)
			continue;
		vm_phys_dequeue(m);
		/* Split: give back the upper halves. */
		while (o > order) {
			o--;
			buddy = m + (1UL << o);
			vm_phys_enqueue(buddy, o);
		}
		vm_phys_count(freelist, -(1L << order));
		return (m);
	}
	return (NULL);
}

/*
 * The free block that contains `pa` in `seg`: its head page (and order
 * in *orderp), or NULL if the page is not free.
 */
static vm_page_t
vm_phys_free_block_of(struct vm_phys_seg *seg, vm_paddr_t pa, int *orderp)
{
	vm_paddr_t head_pa;
	vm_page_t head;
	int order;

	for (order = 0; order < VM_NFREEORDER; order++) {
		head_pa = pa & ~(BLOCK_BYTES(order) - 1);
		if (head_pa < seg->start)
			break;
		head = seg_page(seg, head_pa);
		if ((head->flags & PG_FREE) != 0 && head->order == order) {
			*orderp = order;
			return (head);
		}
	}
	return (NULL);
}

/* Take the free blocks covering [start, end), give back what sticks out. */
static void
vm_phys_claim_run(struct vm_phys_seg *seg, vm_paddr_t start, vm_paddr_t end)
{
	vm_paddr_t pa = start, blk_start, blk_end;
	vm_page_t head;
	int order;

	while (pa < end) {
		head = vm_phys_free_block_of(seg, pa, &order);
		KASSERT(head != NULL, ("vm_phys_claim_run: %#llx not free",
		    (unsigned long long)pa));
		blk_start = head->phys_addr;
		blk_end = blk_start + BLOCK_BYTES(order);
		vm_phys_dequeue(head);
		vm_phys_count(seg->freelist, -(1L << order));
		if (blk_start < start)
			vm_phys_free_range(head, atop(start - blk_start));
		if (blk_end > end)
			vm_phys_free_range(seg_page(seg, end),
			    atop(blk_end - end));
		pa = blk_end;
	}
}

/*
 * Is [start, start + size) all free?  If not, *failp is the first page
 * that is not.
 */
static bool
vm_phys_run_free(struct vm_phys_seg *seg, vm_paddr_t start, vm_paddr_t size,
    vm_paddr_t *failp)
{
	vm_paddr_t pa = start;
	vm_page_t head;
	int order;

	while (pa < start + size) {
		head = vm_phys_free_block_of(seg, pa, &order);
		if (head == NULL) {
			*failp = pa;
			return (false);
		}
		pa = head->phys_addr + BLOCK_BYTES(order);
	}
	return (true);
}

vm_page_t
vm_phys_alloc_contig(u_int freelist_mask, u_long npages, vm_paddr_t low,
    vm_paddr_t high, u_long alignment, vm_paddr_t boundary)
{
	struct vm_phys_seg *seg;
	vm_paddr_t size = ptoa(npages), lo, hi, start, fail;
	int i;

	KASSERT(npages > 0 && alignment >= PAGE_SIZE &&
	    (alignment & (alignment - 1)) == 0 &&
	    (boundary & (boundary - 1)) == 0,
	    ("vm_phys_alloc_contig: npages %lu alignment %#lx boundary %#llx",
	    npages, alignment, (unsigned long long)boundary));
	if (boundary != 0 && size > boundary)
		return (NULL);
	for (i = 0; i < vm_phys_nsegs; i++) {
		seg = &vm_phys_segs[i];
		if ((freelist_mask & (1U << seg->freelist)) == 0)
			continue;
		lo = MAX(seg->start, low);
		hi = MIN(seg->end, high);
		start = roundup(lo, alignment);
		while (start < hi && hi - start >= size) {
			if (boundary != 0 &&
			    start / boundary != (start + size - 1) / boundary) {
				start = roundup(start + 1, boundary);
				continue;
			}
			if (vm_phys_run_free(seg, start, size, &fail)) {
				vm_phys_claim_run(seg, start, start + size);
				return (seg_page(seg, start));
			}
			start = roundup(fail + PAGE_SIZE, alignment);
		}
	}
	return (NULL);
}

u_long
vm_phys_free_count(void)
{
	u_long total = 0;
	int fl;

	for (fl = 0; fl < VM_NFREELIST; fl++)
		total += vm_phys_freelist_count[fl];
	return (total);
}

/* Check one queue; returns the problems and adds its pages to *pages. */
static int
vm_phys_check_queue(int fl, int order, u_long *pages)
{
	struct vm_phys_seg *seg;
	vm_page_t m;
	int bad = 0;

	TAILQ_FOREACH(m, &vm_phys_free_queues[fl][order], plinks.q) {
		seg = vm_phys_seg_of(m->phys_addr);
		if (seg == NULL || seg->freelist != fl ||
		    m->phys_addr + BLOCK_BYTES(order) > seg->end ||
		    (m->phys_addr & (BLOCK_BYTES(order) - 1)) != 0 ||
		    (m->flags & PG_FREE) == 0 || m->order != order ||
		    m->wire_count != 0) {
			printf("vm_phys: bad free block %#llx on list %d "
			    "order %d (flags %#x order %u wired %u)\n",
			    (unsigned long long)m->phys_addr, fl, order,
			    m->flags, m->order, m->wire_count);
			bad++;
		}
		*pages += 1UL << order;
	}
	return (bad);
}

int
vm_phys_check(void)
{
	u_long pages, total = 0;
	int fl, order, bad = 0;

	for (fl = 0; fl < VM_NFREELIST; fl++) {
		pages = 0;
		for (order = 0; order < VM_NFREEORDER; order++)
			bad += vm_phys_check_queue(fl, order, &pages);
		if (pages != vm_phys_freelist_count[fl]) {
			printf("vm_phys: free list %d holds %lu pages, "
			    "counted %lu\n", fl, pages,
			    vm_phys_freelist_count[fl]);
			bad++;
		}
		total += pages;
	}
	if (total != vm_cnt.v_free_count) {
		printf("vm_phys: %lu free pages on the lists, v_free_count "
		    "%lu\n", total, vm_cnt.v_free_count);
		bad++;
	}
	return (bad);
}
