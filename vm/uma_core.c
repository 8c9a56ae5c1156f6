/*
 * uma_core.c - zones of fixed-size items (see vm/uma.h).
 *
 * A slab is one page taken wired (VM_WIRE_KMEM) from the direct map.
 * Items sit back to back from the start of the page.  The slab header
 * (struct uma_slab) says which items are free; it lives in one of two
 * places, chosen per zone when the zone is created:
 *
 * in-page: at the end of the page.
 *
 *	+--------+--------+-- ... --+--------+--------+-------------+
 *	| item 0 | item 1 |          | item n |  pad   | struct slab |
 *	+--------+--------+-- ... --+--------+--------+-------------+
 *
 * off-page: the page holds only items, PAGE_SIZE / size of them, and
 * the header is an item of an internal zone, the slab header zone
 * ("uma slab headers").
 *
 * A zone goes off-page when an in-page header would take the room of at
 * least one item and the page holds at most UMA_OFFPAGE_MAX_IPERS items.
 * That gives malloc-2048 two items a page instead of one, malloc-1024
 * four instead of three.  Zones of smaller items stay in-page: an
 * in-page header wastes less than one item beyond its own size, so going
 * off-page would win back less than an item and spend a header zone
 * item on it, which only pays for large items.  The header zone's items
 * are sized for UMA_OFFPAGE_MAX_IPERS bits of bitmap; a page holds more
 * of them than that, so the header zone itself is in-page and taking a
 * header never needs another header.
 *
 * Either way the page's vm_page points at the header (plinks.uma.slab):
 * that is how uma_zone_of() and uma_zfree() find the slab of an item
 * without searching, and the header points back at the page (us_data).
 *
 * Free items are chained through their first word (us_freelist); a
 * bitmap in the header says which items are free, so a double free or a
 * foreign pointer is caught.
 *
 * A zone keeps its slabs on three lists: partial (some items free), full
 * (none free) and empty (all free).  Allocation prefers partial slabs, so
 * memory stays packed; at most UMA_MAX_EMPTY_SLABS empty slabs are kept,
 * the others go back to the page allocator at once, with their headers.
 *
 * The zone structures are items of a zone too (zone_zones, the zone of
 * zones).  The first uma_zcreate() sets up the slab header zone and then
 * the zone of zones (which may itself be off-page).
 *
 * Under INVARIANTS free items are filled with a pattern that is checked
 * when they are handed out again, so a write after free panics.
 *
 * Locking: each zone's uz_mtx protects its lists, its slabs' headers and
 * free items, and its counters.  It is taken inside the functions here
 * and held while a slab page or an off-page header is allocated or
 * freed: zone lock -> slab header zone lock -> vm_free_mtx, as
 * docs/architecture.md orders them.  Nothing sleeps.
 * Lock keys: (z) the zone's uz_mtx, (h) the slab header zone's uz_mtx,
 * (c) constant once set up.
 */
#include <kernel/systm.h>
#include <kernel/mutex.h>
#include <sys/queue.h>
#include <vm/vm.h>
#include <vm/vm_page.h>
#include <vm/vm_kern.h>
#include <vm/uma.h>
#include <vm/vmmeter.h>
#include <machine/vmparam.h>

#define UMA_BITS_PER_WORD	(8 * sizeof(u_long))
/* The most items a slab can hold: pointer-sized items in a page. */
#define UMA_MAX_IPERS		(PAGE_SIZE / sizeof(void *))
/* The most items an off-page slab holds (its header's bitmap size). */
#define UMA_OFFPAGE_MAX_IPERS	64
/* Byte written over free items under INVARIANTS. */
#define UMA_TRASH		0xdb

struct uma_slab {
	LIST_ENTRY(uma_slab) us_link;	/* (z) on a list of its zone */
	uma_zone_t	us_zone;	/* (c) the zone it belongs to */
	vm_offset_t	us_data;	/* (c) the page of items */
	void		*us_freelist;	/* (z) first free item */
	u_int		us_freecount;	/* (z) items free */
	u_long		us_free[];	/* (z) bit i set: item i is free */
};

/* Bytes of slab header for `ipers` items, rounded to keep it aligned. */
#define UMA_SLAB_HDR_SIZE(ipers)					\
	roundup(sizeof(struct uma_slab) +				\
	    howmany((ipers), UMA_BITS_PER_WORD) * sizeof(u_long),	\
	    sizeof(void *))
/* The size of the slab header zone's items: any off-page header fits. */
#define UMA_SLABZONE_SIZE	UMA_SLAB_HDR_SIZE(UMA_OFFPAGE_MAX_IPERS)

/*
 * The slab header zone must be in-page (a page holds more of its items
 * than an off-page slab may), or a header would need a header.
 */
CTASSERT(PAGE_SIZE / UMA_SLABZONE_SIZE > UMA_OFFPAGE_MAX_IPERS);

LIST_HEAD(uma_slablist, uma_slab);

struct uma_zone {
	const char	*uz_name;	/* (c) */
	struct mtx	uz_mtx;
	size_t		uz_size;	/* (c) item size, a multiple of uz_align */
	size_t		uz_align;	/* (c) item alignment */
	u_int		uz_ipers;	/* (c) items per slab */
	bool		uz_offpage;	/* (c) slab headers off the page */
	size_t		uz_hdroff;	/* (c) in-page: offset of the header */
	struct uma_slablist uz_partial;	/* (z) slabs with some items free */
	struct uma_slablist uz_full;	/* (z) slabs with no item free */
	struct uma_slablist uz_empty;	/* (z) slabs with every item free */
	/*
	 * (z); off-page zones: (z+h), changed with both locks held, in the
	 * same hold of (h) that takes or gives back the header, so that
	 * uma_zone_check() can add the off-page slabs up under (h) alone.
	 */
	u_long		uz_nslabs;	/* slabs (pages) held */
	u_long		uz_nempty;	/* (z) slabs on uz_empty */
	u_long		uz_inuse;	/* (z) items handed out */
	LIST_ENTRY(uma_zone) uz_offpage_link; /* (h) on uma_offpage_zones */
};

static struct uma_zone zone_zones;
static struct uma_zone slabzone;
static bool uma_ready;
/* The off-page zones, whose slab headers are slabzone's items. */
static LIST_HEAD(, uma_zone) uma_offpage_zones =
    LIST_HEAD_INITIALIZER(uma_offpage_zones);

/*
 * Choose where `zone`'s slab headers go and how many items a slab holds
 * (see the comment at the top).  uz_size is set and leaves room for one
 * item beside an in-page header.
 */
static void
zone_layout(uma_zone_t zone)
{
	u_int fit, ipers;

	fit = PAGE_SIZE / zone->uz_size;
	for (ipers = fit; (size_t)ipers * zone->uz_size +
	    UMA_SLAB_HDR_SIZE(ipers) > PAGE_SIZE; ipers--)
		;
	zone->uz_offpage = ipers < fit && fit <= UMA_OFFPAGE_MAX_IPERS;
	if (zone->uz_offpage) {
		zone->uz_ipers = fit;
		zone->uz_hdroff = 0;
	} else {
		zone->uz_ipers = ipers;
		zone->uz_hdroff = PAGE_SIZE - UMA_SLAB_HDR_SIZE(ipers);
	}
	KASSERT(zone->uz_ipers >= 1 && zone->uz_ipers <= UMA_MAX_IPERS,
	    ("uma_zcreate %s: %u items per slab", zone->uz_name,
	    zone->uz_ipers));
}

/*
 * Set up `zone` for items of `size` bytes aligned to `align`.  Returns
 * false if an item does not fit a page beside an in-page header.  The
 * slab header zone must be set up already unless `zone` is that zone.
 */
static bool
zone_setup(uma_zone_t zone, const char *name, size_t size, size_t align)
{
	if (align < sizeof(void *))
		align = sizeof(void *);
	KASSERT((align & (align - 1)) == 0 && align <= PAGE_SIZE,
	    ("uma_zcreate %s: alignment %zu not a power of two", name, align));
	size = roundup(MAX(size, sizeof(void *)), align);
	if (size + UMA_SLAB_HDR_SIZE(1) > PAGE_SIZE)
		return (false);

	zone->uz_name = name;
	mtx_init(&zone->uz_mtx, name);
	zone->uz_size = size;
	zone->uz_align = align;
	zone_layout(zone);
	LIST_INIT(&zone->uz_partial);
	LIST_INIT(&zone->uz_full);
	LIST_INIT(&zone->uz_empty);
	zone->uz_nslabs = 0;
	zone->uz_nempty = 0;
	zone->uz_inuse = 0;
	if (zone->uz_offpage) {
		mtx_lock(&slabzone.uz_mtx);
		LIST_INSERT_HEAD(&uma_offpage_zones, zone, uz_offpage_link);
		mtx_unlock(&slabzone.uz_mtx);
	}
	return (true);
}

/*
 * The zones uma itself needs: the slab header zone first, since the
 * zone of zones may be off-page.  Boot, first uma_zcreate().
 */
static void
uma_startup(void)
{
	if (!zone_setup(&slabzone, "uma slab headers", UMA_SLABZONE_SIZE, 0) ||
	    !zone_setup(&zone_zones, "uma zones", sizeof(struct uma_zone), 0))
		panic("uma: the slab header zone or the zone of zones does "
		    "not fit a page");
	KASSERT(!slabzone.uz_offpage, ("uma: the slab header zone is "
	    "off-page"));
	uma_ready = true;
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

	if (!uma_ready)
		uma_startup();
	zone = uma_zalloc(&zone_zones, M_NOWAIT | M_ZERO);
	if (zone == NULL)
		return (NULL);
	if (!zone_setup(zone, name, size, align)) {
		uma_zfree(&zone_zones, zone);
		return (NULL);
	}
	return (zone);
}

static inline void *
slab_item(uma_zone_t zone, const struct uma_slab *slab, u_int i)
{
	return ((void *)(slab->us_data + (vm_offset_t)i * zone->uz_size));
}

/*
 * Whether `item` is the start of an item of `slab`; if so its index goes
 * to *ip.
 */
static bool
slab_item_index(uma_zone_t zone, const struct uma_slab *slab,
    const void *item, u_int *ip)
{
	vm_offset_t off = (vm_offset_t)item - slab->us_data;

	if ((vm_offset_t)item < slab->us_data || off % zone->uz_size != 0 ||
	    off / zone->uz_size >= zone->uz_ipers)
		return (false);
	*ip = off / zone->uz_size;
	return (true);
}

/* The index of `item` in `slab`; panics if it is not an item start. */
static u_int
slab_index(uma_zone_t zone, const struct uma_slab *slab, const void *item)
{
	u_int i;

	if (!slab_item_index(zone, slab, item, &i))
		panic("uma: zone %s: %p is not an item", zone->uz_name, item);
	return (i);
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

/*
 * Panic if a free item was written to since it was freed.  Compared a
 * word at a time (the link leaves the rest word-aligned), then byte by
 * byte from the first word that differs, to name the offset.
 */
static void
item_trash_check(uma_zone_t zone, const void *item)
{
	const unsigned char *p = item;
	const unsigned long trash = UMA_TRASH * (~0UL / 0xff);
	size_t i;

	for (i = sizeof(void *); i + sizeof(long) <= zone->uz_size;
	    i += sizeof(long))
		if (*(const unsigned long *)(p + i) != trash)
			break;
	for (; i < zone->uz_size; i++)
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

/* The vm_page of a slab page, item or in-page header (direct-mapped). */
static vm_page_t
uma_page_of(const void *addr)
{
	vm_page_t m;

	m = PHYS_TO_VM_PAGE(DMAP_TO_PHYS(trunc_page((vm_offset_t)addr)));
	KASSERT(m != NULL, ("uma: %p is not in a RAM page", addr));
	return (m);
}

/* A wired, direct-mapped page for a slab, or NULL. */
static vm_page_t
slab_page_alloc(int flags)
{
	int req;

	req = VM_ALLOC_KMEM | VM_ALLOC_DIRECT;
	if ((flags & M_USE_RESERVE) != 0)
		req = (req & ~VM_ALLOC_CLASS_MASK) | VM_ALLOC_INTERRUPT;
	return (vm_page_alloc_noobj(req));
}

/* Give a slab page back to the page allocator. */
static void
slab_page_free(uma_zone_t zone, vm_page_t m)
{
	m->plinks.uma.slab = NULL;
	if (!vm_page_unwire_noq(m, VM_WIRE_KMEM))
		panic("uma: zone %s: slab page %#llx wired more than once",
		    zone->uz_name, (unsigned long long)VM_PAGE_TO_PHYS(m));
	vm_page_free(m);
}

static void	*zone_alloc_item(uma_zone_t zone, int flags);
static void	zone_free_item(uma_zone_t zone, struct uma_slab *slab,
		    void *item);

/*
 * The header for a new slab of `zone` whose items are at `data`, and
 * count the slab in uz_nslabs.  In-page it is at the end of the page;
 * off-page it is taken from the slab header zone and may be NULL.  Zone
 * lock held.
 */
static struct uma_slab *
slab_hdr_get(uma_zone_t zone, vm_offset_t data, int flags)
{
	struct uma_slab *slab;

	if (!zone->uz_offpage) {
		zone->uz_nslabs++;
		return ((struct uma_slab *)(data + zone->uz_hdroff));
	}
	mtx_lock(&slabzone.uz_mtx);
	slab = zone_alloc_item(&slabzone, flags);
	if (slab != NULL)
		zone->uz_nslabs++;
	mtx_unlock(&slabzone.uz_mtx);
	return (slab);
}

/*
 * Stop counting `slab` in uz_nslabs, and give its header back to the
 * slab header zone if it is off-page.  Zone lock held.
 */
static void
slab_hdr_put(uma_zone_t zone, struct uma_slab *slab)
{
	if (!zone->uz_offpage) {
		zone->uz_nslabs--;
		return;
	}
	mtx_lock(&slabzone.uz_mtx);
	zone_free_item(&slabzone, uma_page_of(slab)->plinks.uma.slab, slab);
	zone->uz_nslabs--;
	mtx_unlock(&slabzone.uz_mtx);
}

/* Lay out a new slab's header with every item free and chained. */
static void
slab_init(uma_zone_t zone, struct uma_slab *slab, vm_offset_t data)
{
	void **link;
	u_int i;

	slab->us_zone = zone;
	slab->us_data = data;
	slab->us_freecount = zone->uz_ipers;
	memset(slab->us_free, 0, UMA_SLAB_HDR_SIZE(zone->uz_ipers) -
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
}

/*
 * Count `delta` slabs onto or off the zone's empty list, and the pages
 * they hold in vm_cnt.v_cache_kmem: kernel memory a cache holds, which
 * the user test runner's leak check sets apart (user/sbin/init_test.c).
 * Zone lock held; the global count is atomic (other zones' locks).
 */
static void
zone_nempty_add(uma_zone_t zone, int delta)
{
	mtx_assert(&zone->uz_mtx, MA_OWNED);
	zone->uz_nempty += delta;
	__atomic_add_fetch(&vm_cnt.v_cache_kmem, (u_long)(long)delta,
	    __ATOMIC_RELAXED);
}

/*
 * Allocate a page (and, off-page, a header) for a new slab, lay it out
 * and put it on the empty list.  NULL if either is missing; then nothing
 * is kept: a page got without a header goes back.  Zone lock held.
 */
static struct uma_slab *
slab_alloc(uma_zone_t zone, int flags)
{
	struct uma_slab *slab;
	vm_offset_t data;
	vm_page_t m;

	mtx_assert(&zone->uz_mtx, MA_OWNED);
	m = slab_page_alloc(flags);
	if (m == NULL)
		return (NULL);
	data = PHYS_TO_DMAP(VM_PAGE_TO_PHYS(m));
	slab = slab_hdr_get(zone, data, flags);
	if (slab == NULL) {
		slab_page_free(zone, m);
		return (NULL);
	}
	slab_init(zone, slab, data);
	m->plinks.uma.slab = slab;
	m->plinks.uma.size = 0;
	LIST_INSERT_HEAD(&zone->uz_empty, slab, us_link);
	zone_nempty_add(zone, 1);
	return (slab);
}

/*
 * Give an empty slab's page back, and its header if off-page.  It is on
 * the empty list.  Zone lock held.
 */
static void
slab_free(uma_zone_t zone, struct uma_slab *slab)
{
	vm_offset_t data = slab->us_data;

	mtx_assert(&zone->uz_mtx, MA_OWNED);
	KASSERT(slab->us_freecount == zone->uz_ipers,
	    ("uma: zone %s: freeing slab %p with %u of %u items in use",
	    zone->uz_name, slab, zone->uz_ipers - slab->us_freecount,
	    zone->uz_ipers));
	LIST_REMOVE(slab, us_link);
	zone_nempty_add(zone, -1);
	/* The header first: an in-page one goes with the page. */
	slab_hdr_put(zone, slab);
	slab_page_free(zone, uma_page_of((void *)data));
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

/*
 * Take an item from a partial slab, the cached empty slab or a new one.
 * NULL if a new slab is needed and cannot be had.  Zone lock held.
 */
static void *
zone_alloc_item(uma_zone_t zone, int flags)
{
	struct uma_slab *slab;
	void *item;

	mtx_assert(&zone->uz_mtx, MA_OWNED);
	if ((slab = LIST_FIRST(&zone->uz_partial)) == NULL &&
	    (slab = LIST_FIRST(&zone->uz_empty)) == NULL &&
	    (slab = slab_alloc(zone, flags)) == NULL)
		return (NULL);
	if (slab->us_freecount == zone->uz_ipers)
		zone_nempty_add(zone, -1);
	item = slab->us_freelist;
	KASSERT(item != NULL, ("uma: zone %s: slab %p on a list with free "
	    "items has none", zone->uz_name, slab));
	slab->us_freelist = *(void **)item;
	slab_setfree(slab, slab_index(zone, slab, item), false);
	slab->us_freecount--;
	slab_relist(zone, slab);
	zone->uz_inuse++;
	item_trash_check(zone, item);
	return (item);
}

/*
 * Put `item` of `slab` back on its free list; an empty slab beyond the
 * cache goes back to the page allocator.  Panics on a double free or a
 * pointer into an item.  Zone lock held.
 */
static void
zone_free_item(uma_zone_t zone, struct uma_slab *slab, void *item)
{
	u_int i;

	mtx_assert(&zone->uz_mtx, MA_OWNED);
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
	if (slab->us_freecount == zone->uz_ipers) {
		zone_nempty_add(zone, 1);
		if (zone->uz_nempty > UMA_MAX_EMPTY_SLABS)
			slab_free(zone, slab);
	}
}

/*
 * uma_zalloc: see uma.h.  flags: M_NOWAIT or M_WAITOK, M_ZERO,
 * M_USE_RESERVE (a new slab, and its off-page header, may take pages of
 * class INTERRUPT).  With M_WAITOK a shortage panics (there is no
 * vm_wait yet).  Takes the zone lock, and the slab header zone's lock
 * for an off-page zone's new slab; never sleeps.
 */
void *
uma_zalloc(uma_zone_t zone, int flags)
{
	void *item;

	KASSERT(((flags & M_NOWAIT) != 0) != ((flags & M_WAITOK) != 0),
	    ("uma_zalloc: zone %s: one of M_NOWAIT and M_WAITOK (%#x)",
	    zone->uz_name, flags));
	mtx_lock(&zone->uz_mtx);
	item = zone_alloc_item(zone, flags);
	mtx_unlock(&zone->uz_mtx);
	if (item == NULL) {
		if ((flags & M_WAITOK) != 0)
			panic("uma_zalloc: zone %s: no page for a slab or its "
			    "header (M_WAITOK, and there is no vm_wait yet)",
			    zone->uz_name);
		return (NULL);
	}
	if ((flags & M_ZERO) != 0)
		memset(item, 0, zone->uz_size);
	return (item);
}

/*
 * uma_zfree: see uma.h.  Panics if `item` is not an allocated item of
 * `zone` (double free, foreign pointer).  An empty slab beyond the
 * cache goes back to the page allocator, with its off-page header.
 * Takes the zone lock (and then the slab header zone's); never sleeps.
 */
void
uma_zfree(uma_zone_t zone, void *item)
{
	struct uma_slab *slab;

	if (item == NULL)
		return;
	slab = uma_page_of(item)->plinks.uma.slab;
	if (slab == NULL || slab->us_zone != zone)
		panic("uma_zfree: zone %s: %p is not an item of this zone",
		    zone->uz_name, item);
	mtx_lock(&zone->uz_mtx);
	zone_free_item(zone, slab, item);
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
 * uma_slabzone: see uma.h.  NULL before the first uma_zcreate().  No
 * lock: set up once at boot.
 */
uma_zone_t
uma_slabzone(void)
{
	return (uma_ready ? &slabzone : NULL);
}

/*
 * Whether the off-page header `hdr` is an item of the slab header zone
 * that is handed out.  Takes the slab header zone's lock (a zone lock
 * may be held).
 */
static bool
slab_hdr_inuse(const struct uma_slab *hdr)
{
	struct uma_slab *hs;
	u_int i;
	bool ok;

	mtx_lock(&slabzone.uz_mtx);
	hs = uma_page_of(hdr)->plinks.uma.slab;
	ok = hs != NULL && hs->us_zone == &slabzone &&
	    slab_item_index(&slabzone, hs, hdr, &i) && !slab_isfree(hs, i);
	mtx_unlock(&slabzone.uz_mtx);
	return (ok);
}

/*
 * Whether `slab` is where its zone's layout puts it: its page points at
 * it, and the header is at the page's end (in-page) or a slab header
 * zone item in use (off-page).  Zone lock held.
 */
static bool
slab_placed(uma_zone_t zone, const struct uma_slab *slab)
{
	if (slab->us_zone != zone || (slab->us_data & PAGE_MASK) != 0 ||
	    uma_page_of((void *)slab->us_data)->plinks.uma.slab != slab)
		return (false);
	if (zone->uz_offpage)
		return (slab_hdr_inuse(slab));
	return ((vm_offset_t)slab == slab->us_data + zone->uz_hdroff);
}

/* Free items on `slab`'s free list (stops past uz_ipers); -1 if bad. */
static int
slab_freelist_count(uma_zone_t zone, const struct uma_slab *slab)
{
	void *item;
	u_int i, n = 0;

	for (item = slab->us_freelist; item != NULL && n <= zone->uz_ipers;
	    item = *(void **)item, n++) {
		if (!slab_item_index(zone, slab, item, &i) ||
		    !slab_isfree(slab, i)) {
			printf("uma_zone_check: %s: slab %p: bad free item "
			    "%p\n", zone->uz_name, slab, item);
			return (-1);
		}
	}
	return (n);
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
	u_int i, nbits = 0;
	int nlist, bad = 0;

	if (!slab_placed(zone, slab)) {
		printf("uma_zone_check: %s: slab %p: page or header wrong\n",
		    zone->uz_name, slab);
		return (1);
	}
	m = uma_page_of((void *)slab->us_data);
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
	if ((nlist = slab_freelist_count(zone, slab)) < 0)
		return (bad + 1);
	if (nbits != slab->us_freecount || (u_int)nlist != slab->us_freecount) {
		printf("uma_zone_check: %s: slab %p: free count %u, bitmap "
		    "%u, free list %d\n", zone->uz_name, slab,
		    slab->us_freecount, nbits, nlist);
		bad++;
	}
	*inuse += zone->uz_ipers - slab->us_freecount;
	return (bad);
}

/*
 * Check every slab of `zone` and compare the lists with the counters;
 * prints each problem and returns how many.  Zone lock held.
 */
static int
zone_check(uma_zone_t zone)
{
	struct uma_slab *slab;
	u_long inuse = 0, nslabs = 0, nempty = 0;
	int bad = 0;

	mtx_assert(&zone->uz_mtx, MA_OWNED);
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
	return (bad);
}

/*
 * Check the slab header zone, and that it hands out exactly one item
 * per off-page slab: no header leaked, none shared.  Their counts only
 * change under its lock, so that lock alone gives a consistent sum.
 */
static int
slabzone_check(void)
{
	uma_zone_t zone;
	u_long noffpage = 0;
	int bad;

	mtx_lock(&slabzone.uz_mtx);
	bad = zone_check(&slabzone);
	LIST_FOREACH(zone, &uma_offpage_zones, uz_offpage_link)
		noffpage += zone->uz_nslabs;
	if (noffpage != slabzone.uz_inuse) {
		printf("uma_zone_check: %s: %lu headers in use for %lu "
		    "off-page slabs\n", slabzone.uz_name, slabzone.uz_inuse,
		    noffpage);
		bad++;
	}
	mtx_unlock(&slabzone.uz_mtx);
	return (bad);
}

/*
 * uma_zone_check: see uma.h.  Walks every slab of `zone` and compares
 * the lists with the counters, then does the same for the slab header
 * zone and matches its items in use with all zones' off-page slabs;
 * prints each problem.  Takes the zone lock, then (alone) the slab
 * header zone's; cost linear in the memory of the zone and of the slab
 * header zone.
 */
int
uma_zone_check(uma_zone_t zone)
{
	int bad = 0;

	if (zone != &slabzone) {
		mtx_lock(&zone->uz_mtx);
		bad = zone_check(zone);
		mtx_unlock(&zone->uz_mtx);
	}
	return (bad + slabzone_check());
}
