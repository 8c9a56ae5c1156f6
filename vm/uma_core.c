/*
 * uma_core.c - zones of fixed-size items (see vm/uma.h).
 *
 * A slab is one page taken wired (VM_WIRE_KMEM) from the direct map.
 * Items sit at the start of the page, back to back; the slab header sits
 * at the end:
 *
 *	+--------+--------+-- ... --+--------+--------+-------------+
 *	| item 0 | item 1 |          | item n |  pad   | struct slab |
 *	+--------+--------+-- ... --+--------+--------+-------------+
 *
 * Free items are chained through their first word (us_freelist); a
 * bitmap in the header says which items are free, so a double free or a
 * foreign pointer is caught.  The page's vm_page points at the header
 * (plinks.uma.slab): that is how uma_zone_of() and uma_zfree() find the
 * slab of an item without searching.
 *
 * A zone keeps its slabs on three lists: partial (some items free), full
 * (none free) and empty (all free).  Allocation prefers partial slabs, so
 * memory stays packed; at most UMA_MAX_EMPTY_SLABS empty slabs are kept,
 * the others go back to the page allocator at once.
 *
 * The zone structures are items of a zone too (zone_zones, the zone of
 * zones, set up by the first uma_zcreate()).
 *
 * Under INVARIANTS free items are filled with a pattern that is checked
 * when they are handed out again, so a write after free panics.
 *
 * Locking: each zone's uz_mtx protects its lists, its slabs' headers and
 * free items, and its counters.  It is taken inside the functions here
 * and held while a slab page is allocated or freed (zone lock ->
 * vm_free_mtx, as docs/architecture.md orders them).  Nothing sleeps.
 * Lock keys: (z) the zone's uz_mtx, (c) constant once set up.
 */
#include <kernel/systm.h>
#include <kernel/mutex.h>
#include <sys/queue.h>
#include <vm/vm.h>
#include <vm/vm_page.h>
#include <vm/vm_kern.h>
#include <vm/uma.h>
#include <machine/vmparam.h>

#define UMA_BITS_PER_WORD	(8 * sizeof(u_long))
/* The most items a slab can hold: pointer-sized items in a page. */
#define UMA_MAX_IPERS		(PAGE_SIZE / sizeof(void *))
/* Byte written over free items under INVARIANTS. */
#define UMA_TRASH		0xdb

struct uma_slab {
	LIST_ENTRY(uma_slab) us_link;	/* (z) on a list of its zone */
	uma_zone_t	us_zone;	/* (c) the zone it belongs to */
	void		*us_freelist;	/* (z) first free item */
	u_int		us_freecount;	/* (z) items free */
	u_long		us_free[];	/* (z) bit i set: item i is free */
};

LIST_HEAD(uma_slablist, uma_slab);

struct uma_zone {
	const char	*uz_name;	/* (c) */
	struct mtx	uz_mtx;
	size_t		uz_size;	/* (c) item size, a multiple of uz_align */
	size_t		uz_align;	/* (c) item alignment */
	u_int		uz_ipers;	/* (c) items per slab */
	size_t		uz_hdroff;	/* (c) offset of the slab header */
	struct uma_slablist uz_partial;	/* (z) slabs with some items free */
	struct uma_slablist uz_full;	/* (z) slabs with no item free */
	struct uma_slablist uz_empty;	/* (z) slabs with every item free */
	u_long		uz_nslabs;	/* (z) slabs (pages) held */
	u_long		uz_nempty;	/* (z) slabs on uz_empty */
	u_long		uz_inuse;	/* (z) items handed out */
};

static struct uma_zone zone_zones;
static bool zone_zones_ready;

/* Bytes of slab header for `ipers` items, rounded to keep it aligned. */
static size_t
slab_hdr_size(u_int ipers)
{
	size_t words = howmany(ipers, UMA_BITS_PER_WORD);

	return (roundup(sizeof(struct uma_slab) + words * sizeof(u_long),
	    sizeof(void *)));
}

/*
 * Set up `zone` for items of `size` bytes aligned to `align`.  Returns
 * false if an item does not fit a page beside the header.
 */
static bool
zone_setup(uma_zone_t zone, const char *name, size_t size, size_t align)
{
	u_int ipers;

	if (align < sizeof(void *))
		align = sizeof(void *);
	KASSERT((align & (align - 1)) == 0 && align <= PAGE_SIZE,
	    ("uma_zcreate %s: alignment %zu not a power of two", name, align));
	size = roundup(MAX(size, sizeof(void *)), align);
	if (size + slab_hdr_size(1) > PAGE_SIZE)
		return (false);
	ipers = (PAGE_SIZE - sizeof(struct uma_slab)) / size;
	while ((size_t)ipers * size + slab_hdr_size(ipers) > PAGE_SIZE)
		ipers--;
	KASSERT(ipers >= 1 && ipers <= UMA_MAX_IPERS,
	    ("uma_zcreate %s: %u items per slab", name, ipers));

	zone->uz_name = name;
	mtx_init(&zone->uz_mtx, name);
	zone->uz_size = size;
	zone->uz_align = align;
	zone->uz_ipers = ipers;
	zone->uz_hdroff = PAGE_SIZE - slab_hdr_size(ipers);
	LIST_INIT(&zone->uz_partial);
	LIST_INIT(&zone->uz_full);
	LIST_INIT(&zone->uz_empty);
	zone->uz_nslabs = 0;
	zone->uz_nempty = 0;
	zone->uz_inuse = 0;
	return (true);
}

/*
 * uma_zcreate: see uma.h.  The zone structure comes from the zone of
 * zones, which the first call sets up (boot runs on one CPU, so the
 * first call cannot race).  Never sleeps.
 */
uma_zone_t
uma_zcreate(const char *name, size_t size, size_t align)
{
	uma_zone_t zone;

	if (!zone_zones_ready) {
		if (!zone_setup(&zone_zones, "uma zones",
		    sizeof(struct uma_zone), 0))
			panic("uma: the zone of zones does not fit a page");
		zone_zones_ready = true;
	}
	zone = uma_zalloc(&zone_zones, M_NOWAIT | M_ZERO);
	if (zone == NULL)
		return (NULL);
	if (!zone_setup(zone, name, size, align)) {
		uma_zfree(&zone_zones, zone);
		return (NULL);
	}
	return (zone);
}

static inline vm_offset_t
slab_page(const struct uma_slab *slab)
{
	return (trunc_page((vm_offset_t)slab));
}

static inline void *
slab_item(uma_zone_t zone, const struct uma_slab *slab, u_int i)
{
	return ((void *)(slab_page(slab) + (vm_offset_t)i * zone->uz_size));
}

static inline bool
slab_isfree(const struct uma_slab *slab, u_int i)
{
	return ((slab->us_free[i / UMA_BITS_PER_WORD] &
	    (1UL << (i % UMA_BITS_PER_WORD))) != 0);
}

static inline void
slab_setfree(struct uma_slab *slab, u_int i, bool isfree)
{
	u_long bit = 1UL << (i % UMA_BITS_PER_WORD);

	if (isfree)
		slab->us_free[i / UMA_BITS_PER_WORD] |= bit;
	else
		slab->us_free[i / UMA_BITS_PER_WORD] &= ~bit;
}

#ifdef INVARIANTS
/* Fill a free item, all but its free-list link, with the trash byte. */
static void
item_trash(uma_zone_t zone, void *item)
{
	memset((char *)item + sizeof(void *), UMA_TRASH,
	    zone->uz_size - sizeof(void *));
}

/* Panic if a free item was written to since it was freed. */
static void
item_trash_check(uma_zone_t zone, const void *item)
{
	const unsigned char *p = item;
	size_t i;

	for (i = sizeof(void *); i < zone->uz_size; i++)
		if (p[i] != UMA_TRASH)
			panic("uma: zone %s: item %p modified after free at "
			    "offset %zu (%#x)", zone->uz_name, item, i, p[i]);
}
#else
static inline void
item_trash(uma_zone_t zone, void *item)
{
}

static inline void
item_trash_check(uma_zone_t zone, const void *item)
{
}
#endif

/*
 * Allocate a page for a new slab, lay it out with every item free and
 * put it on the empty list.  NULL if no page.  Zone lock held.
 */
static struct uma_slab *
slab_alloc(uma_zone_t zone, int flags)
{
	struct uma_slab *slab;
	vm_page_t m;
	void **link;
	int req;
	u_int i;

	mtx_assert(&zone->uz_mtx, MA_OWNED);
	req = VM_ALLOC_KMEM | VM_ALLOC_DIRECT;
	if ((flags & M_USE_RESERVE) != 0)
		req = (req & ~VM_ALLOC_CLASS_MASK) | VM_ALLOC_INTERRUPT;
	m = vm_page_alloc_noobj(req);
	if (m == NULL)
		return (NULL);
	slab = (struct uma_slab *)(PHYS_TO_DMAP(VM_PAGE_TO_PHYS(m)) +
	    zone->uz_hdroff);
	slab->us_zone = zone;
	slab->us_freecount = zone->uz_ipers;
	memset(slab->us_free, 0, slab_hdr_size(zone->uz_ipers) -
	    sizeof(struct uma_slab));
	/* Chain the items in address order. */
	link = &slab->us_freelist;
	for (i = 0; i < zone->uz_ipers; i++) {
		*link = slab_item(zone, slab, i);
		item_trash(zone, *link);
		link = *link;
		slab_setfree(slab, i, true);
	}
	*link = NULL;
	m->plinks.uma.slab = slab;
	m->plinks.uma.size = 0;
	LIST_INSERT_HEAD(&zone->uz_empty, slab, us_link);
	zone->uz_nslabs++;
	zone->uz_nempty++;
	return (slab);
}

/* The vm_page of a slab or item address (direct-mapped). */
static vm_page_t
uma_page_of(const void *addr)
{
	vm_page_t m;

	m = PHYS_TO_VM_PAGE(DMAP_TO_PHYS(trunc_page((vm_offset_t)addr)));
	KASSERT(m != NULL, ("uma: %p is not in a RAM page", addr));
	return (m);
}

/* Give an empty slab's page back.  It is on the empty list.  Zone lock. */
static void
slab_free(uma_zone_t zone, struct uma_slab *slab)
{
	vm_page_t m;

	mtx_assert(&zone->uz_mtx, MA_OWNED);
	KASSERT(slab->us_freecount == zone->uz_ipers,
	    ("uma: zone %s: freeing slab %p with %u of %u items in use",
	    zone->uz_name, slab, zone->uz_ipers - slab->us_freecount,
	    zone->uz_ipers));
	LIST_REMOVE(slab, us_link);
	zone->uz_nempty--;
	zone->uz_nslabs--;
	m = uma_page_of(slab);
	m->plinks.uma.slab = NULL;
	if (!vm_page_unwire_noq(m, VM_WIRE_KMEM))
		panic("uma: zone %s: slab page %#llx wired more than once",
		    zone->uz_name, (unsigned long long)VM_PAGE_TO_PHYS(m));
	vm_page_free(m);
}

/* Put `slab` on the list its free count calls for.  Zone lock held. */
static void
slab_relist(uma_zone_t zone, struct uma_slab *slab)
{
	LIST_REMOVE(slab, us_link);
	if (slab->us_freecount == 0)
		LIST_INSERT_HEAD(&zone->uz_full, slab, us_link);
	else if (slab->us_freecount == zone->uz_ipers)
		LIST_INSERT_HEAD(&zone->uz_empty, slab, us_link);
	else
		LIST_INSERT_HEAD(&zone->uz_partial, slab, us_link);
}

/* The index of `item` in `slab`; panics if it is not an item start. */
static u_int
slab_index(uma_zone_t zone, const struct uma_slab *slab, const void *item)
{
	vm_offset_t off = (vm_offset_t)item - slab_page(slab);

	if (off % zone->uz_size != 0 || off / zone->uz_size >= zone->uz_ipers)
		panic("uma: zone %s: %p is not an item", zone->uz_name, item);
	return (off / zone->uz_size);
}

/*
 * uma_zalloc: see uma.h.  flags: M_NOWAIT or M_WAITOK, M_ZERO,
 * M_USE_RESERVE (a new slab may take pages of class INTERRUPT).  With
 * M_WAITOK a shortage panics (there is no vm_wait yet).  Takes the zone
 * lock; never sleeps.
 */
void *
uma_zalloc(uma_zone_t zone, int flags)
{
	struct uma_slab *slab;
	void *item;

	KASSERT(((flags & M_NOWAIT) != 0) != ((flags & M_WAITOK) != 0),
	    ("uma_zalloc: zone %s: one of M_NOWAIT and M_WAITOK (%#x)",
	    zone->uz_name, flags));
	mtx_lock(&zone->uz_mtx);
	if ((slab = LIST_FIRST(&zone->uz_partial)) == NULL &&
	    (slab = LIST_FIRST(&zone->uz_empty)) == NULL &&
	    (slab = slab_alloc(zone, flags)) == NULL) {
		mtx_unlock(&zone->uz_mtx);
		if ((flags & M_WAITOK) != 0)
			panic("uma_zalloc: zone %s: no page for a slab "
			    "(M_WAITOK, and there is no vm_wait yet)",
			    zone->uz_name);
		return (NULL);
	}
	if (slab->us_freecount == zone->uz_ipers)
		zone->uz_nempty--;
	item = slab->us_freelist;
	KASSERT(item != NULL, ("uma: zone %s: slab %p on a list with free "
	    "items has none", zone->uz_name, slab));
	slab->us_freelist = *(void **)item;
	slab_setfree(slab, slab_index(zone, slab, item), false);
	slab->us_freecount--;
	slab_relist(zone, slab);
	zone->uz_inuse++;
	item_trash_check(zone, item);
	mtx_unlock(&zone->uz_mtx);
	if ((flags & M_ZERO) != 0)
		memset(item, 0, zone->uz_size);
	return (item);
}

/*
 * uma_zfree: see uma.h.  Panics if `item` is not an allocated item of
 * `zone` (double free, foreign pointer).  An empty slab beyond the
 * cache goes back to the page allocator.  Takes the zone lock; never
 * sleeps.
 */
void
uma_zfree(uma_zone_t zone, void *item)
{
	struct uma_slab *slab;
	u_int i;

	if (item == NULL)
		return;
	slab = uma_page_of(item)->plinks.uma.slab;
	if (slab == NULL || slab->us_zone != zone)
		panic("uma_zfree: zone %s: %p is not an item of this zone",
		    zone->uz_name, item);
	mtx_lock(&zone->uz_mtx);
	i = slab_index(zone, slab, item);
	if (slab_isfree(slab, i))
		panic("uma_zfree: zone %s: item %p freed twice",
		    zone->uz_name, item);
	item_trash(zone, item);
	*(void **)item = slab->us_freelist;
	slab->us_freelist = item;
	slab_setfree(slab, i, true);
	slab->us_freecount++;
	slab_relist(zone, slab);
	zone->uz_inuse--;
	if (slab->us_freecount == zone->uz_ipers &&
	    ++zone->uz_nempty > UMA_MAX_EMPTY_SLABS)
		slab_free(zone, slab);
	mtx_unlock(&zone->uz_mtx);
}

/*
 * uma_zone_of: see uma.h.  `item` must be a uma item (direct-mapped, in
 * a slab page).  No lock: the slab's zone never changes.
 */
uma_zone_t
uma_zone_of(const void *item)
{
	struct uma_slab *slab;

	slab = uma_page_of(item)->plinks.uma.slab;
	KASSERT(slab != NULL, ("uma_zone_of: %p is not in a slab", item));
	return (slab->us_zone);
}

/* uma_zone_size: the item size (after alignment).  No lock: constant. */
size_t
uma_zone_size(uma_zone_t zone)
{
	return (zone->uz_size);
}

/* uma_zone_inuse: items handed out now.  Unlocked snapshot. */
u_long
uma_zone_inuse(uma_zone_t zone)
{
	return (zone->uz_inuse);
}

/* uma_zone_slabs: pages the zone holds now.  Unlocked snapshot. */
u_long
uma_zone_slabs(uma_zone_t zone)
{
	return (zone->uz_nslabs);
}

/*
 * Check one slab: its page, header, bitmap and free list.  Adds its
 * items in use to *inuse.  Returns the problems found.  Zone lock held.
 */
static int
slab_check(uma_zone_t zone, struct uma_slab *slab, u_int minfree,
    u_int maxfree, u_long *inuse)
{
	vm_page_t m;
	void *item;
	u_int i, nbits = 0, nlist = 0;
	int bad = 0;

	m = uma_page_of(slab);
	if (m->plinks.uma.slab != slab || slab->us_zone != zone ||
	    (vm_offset_t)slab - slab_page(slab) != zone->uz_hdroff) {
		printf("uma_zone_check: %s: slab %p: page or header wrong\n",
		    zone->uz_name, slab);
		return (1);
	}
	if (m->wire_count != 1 || m->wire_reason != VM_WIRE_KMEM) {
		printf("uma_zone_check: %s: slab %p: page wired %u times for "
		    "reason %u\n", zone->uz_name, slab, m->wire_count,
		    m->wire_reason);
		bad++;
	}
	if (slab->us_freecount < minfree || slab->us_freecount > maxfree) {
		printf("uma_zone_check: %s: slab %p with %u free items on the "
		    "wrong list\n", zone->uz_name, slab, slab->us_freecount);
		bad++;
	}
	for (i = 0; i < zone->uz_ipers; i++)
		nbits += slab_isfree(slab, i);
	for (item = slab->us_freelist; item != NULL && nlist <= zone->uz_ipers;
	    item = *(void **)item, nlist++) {
		if ((vm_offset_t)item < slab_page(slab) ||
		    (vm_offset_t)item - slab_page(slab) >= zone->uz_hdroff ||
		    ((vm_offset_t)item - slab_page(slab)) % zone->uz_size != 0 ||
		    !slab_isfree(slab, ((vm_offset_t)item - slab_page(slab)) /
		    zone->uz_size)) {
			printf("uma_zone_check: %s: slab %p: bad free item "
			    "%p\n", zone->uz_name, slab, item);
			return (bad + 1);
		}
	}
	if (nbits != slab->us_freecount || nlist != slab->us_freecount) {
		printf("uma_zone_check: %s: slab %p: free count %u, bitmap "
		    "%u, free list %u\n", zone->uz_name, slab,
		    slab->us_freecount, nbits, nlist);
		bad++;
	}
	*inuse += zone->uz_ipers - slab->us_freecount;
	return (bad);
}

/*
 * uma_zone_check: see uma.h.  Walks every slab of `zone` and compares
 * the lists with the counters; prints each problem.  Takes the zone
 * lock; cost linear in the zone's memory.
 */
int
uma_zone_check(uma_zone_t zone)
{
	struct uma_slab *slab;
	u_long inuse = 0, nslabs = 0, nempty = 0;
	int bad = 0;

	mtx_lock(&zone->uz_mtx);
	LIST_FOREACH(slab, &zone->uz_full, us_link) {
		bad += slab_check(zone, slab, 0, 0, &inuse);
		nslabs++;
	}
	LIST_FOREACH(slab, &zone->uz_partial, us_link) {
		bad += slab_check(zone, slab, 1, zone->uz_ipers - 1, &inuse);
		nslabs++;
	}
	LIST_FOREACH(slab, &zone->uz_empty, us_link) {
		bad += slab_check(zone, slab, zone->uz_ipers, zone->uz_ipers,
		    &inuse);
		nslabs++;
		nempty++;
	}
	if (inuse != zone->uz_inuse || nslabs != zone->uz_nslabs ||
	    nempty != zone->uz_nempty || nempty > UMA_MAX_EMPTY_SLABS) {
		printf("uma_zone_check: %s: counted %lu items in use, %lu "
		    "slabs, %lu empty; zone says %lu, %lu, %lu\n",
		    zone->uz_name, inuse, nslabs, nempty, zone->uz_inuse,
		    zone->uz_nslabs, zone->uz_nempty);
		bad++;
	}
	mtx_unlock(&zone->uz_mtx);
	return (bad);
}
