/*
 * malloc.h - the kernel's general allocator: malloc(size, type, flags)
 * and free(addr, type).
 *
 * Requests up to MALLOC_MAX_SMALL bytes come from size-class zones (uma,
 * one page per slab, direct-mapped); larger ones from kmem_malloc.
 * Every allocation is charged to a malloc type, which keeps how many
 * bytes and allocations it holds, so a leak has a name.
 *
 *	MALLOC_DEFINE(M_PMAP, "pmap", "pmap structures");
 *	p = malloc(sizeof(*p), M_PMAP, M_WAITOK | M_ZERO);
 *	free(p, M_PMAP);
 *
 * Flags are vm_kern.h's M_NOWAIT, M_WAITOK, M_ZERO, M_USE_RESERVE.
 * Locking: internal; callable with spin mutexes held only with
 * M_NOWAIT.  Never sleeps yet.
 */
#ifndef _KERNEL_MALLOC_H_
#define _KERNEL_MALLOC_H_

#include <sys/linker_set.h>
#include <vm/vm_kern.h>

#define MALLOC_MAX_SMALL	2048	/* largest size-class (uma) request */

struct malloc_type {
	const char	*ks_shortdesc;	/* (c) name shown by statistics */
	const char	*ks_longdesc;	/* (c) what it is for */
	size_t		ks_memuse;	/* bytes held now (by size class) */
	u_long		ks_inuse;	/* allocations held now */
	u_long		ks_calls;	/* allocations ever made */
};

/* MALLOC_DEFINE collects every type in the linker set set_malloc_types. */
#define MALLOC_DEFINE(type, shortdesc, longdesc)			\
	struct malloc_type type[1] = {					\
		{ (shortdesc), (longdesc), 0, 0, 0 }			\
	};								\
	DATA_SET(set_malloc_types, type)
#define MALLOC_DECLARE(type)	extern struct malloc_type type[1]

MALLOC_DECLARE(M_TEMP);
MALLOC_DECLARE(M_DEVBUF);

/* malloc_init: set up the size-class zones.  Boot only, after kmem_init. */
void	malloc_init(void);

/*
 * malloc: `size` bytes (size 0 gives a valid minimal block), aligned to
 * at least 16 bytes (page aligned from PAGE_SIZE up), charged to `type`.
 * NULL on failure with M_NOWAIT; with M_WAITOK a failure panics until
 * vm_wait exists.
 */
void	*malloc(size_t size, struct malloc_type *type, int flags);

/* free: give back `addr` (NULL is fine); `type` must be malloc's. */
void	free(void *addr, struct malloc_type *type);

/* malloc_usable_size: the bytes actually reserved for `addr`. */
size_t	malloc_usable_size(const void *addr);

/* malloc_print_stats: one line per type that holds memory. */
void	malloc_print_stats(void);

#endif /* !_KERNEL_MALLOC_H_ */
