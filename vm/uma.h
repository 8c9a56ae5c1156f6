/*
 * uma.h - zones of fixed-size items (a slab allocator).
 *
 * A zone hands out items of one size.  Its slabs are single pages taken
 * wired (reason VM_WIRE_KMEM) from the direct map; the slab header sits
 * at the end of the page, or, for zones of large items where it would
 * cost an item, off the page as an item of an internal zone (see
 * uma_slabzone()).  vm_page.plinks.uma.slab points to it either way, so
 * free() finds the zone of any item.  Empty slabs beyond a small cache
 * go back to the page allocator, with their headers.
 *
 * Locking: one mutex per zone, taken inside.  Never sleeps.
 */
#ifndef _VM_UMA_H_
#define _VM_UMA_H_

#include <vm/vm.h>

typedef struct uma_zone *uma_zone_t;

#define UMA_MAX_EMPTY_SLABS	1	/* empty slabs a zone keeps for reuse */

/*
 * uma_zcreate: a zone named `name` for items of `size` bytes aligned to
 * `align` (a power of two; 0: pointer size).  Items must fit a page with
 * the slab header.  Boot or later; NULL if no memory.
 */
uma_zone_t uma_zcreate(const char *name, size_t size, size_t align);

/* uma_zalloc: an item (M_ZERO: zeroed), or NULL (M_NOWAIT). */
void	*uma_zalloc(uma_zone_t zone, int flags);

/* uma_zfree: give back an item of this zone (NULL is fine). */
void	uma_zfree(uma_zone_t zone, void *item);

/* uma_zone_of: the zone an item belongs to (from its page). */
uma_zone_t uma_zone_of(const void *item);

/* Sizes and counts, for statistics and tests. */
size_t	uma_zone_size(uma_zone_t zone);
u_long	uma_zone_inuse(uma_zone_t zone);	/* items handed out */
u_long	uma_zone_slabs(uma_zone_t zone);	/* pages held */

/*
 * uma_slabzone: the internal zone that off-page slab headers are items
 * of (one per off-page slab; its pages count in its own
 * uma_zone_slabs()), for statistics and tests.  NULL before the first
 * uma_zcreate().
 */
uma_zone_t uma_slabzone(void);

/*
 * uma_zone_check: verify the zone's slabs, and the slab header zone's
 * (its items in use match the off-page slabs of all zones); returns the
 * problems found.
 */
int	uma_zone_check(uma_zone_t zone);

#endif /* !_VM_UMA_H_ */
