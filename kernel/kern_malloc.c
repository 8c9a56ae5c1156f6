/*
 * kern_malloc.c - the kernel's general allocator (see kernel/malloc.h).
 *
 * Small requests (up to MALLOC_MAX_SMALL bytes) come from eight uma
 * zones, "malloc-16" .. "malloc-2048", one per power-of-two size class;
 * their items live in direct-mapped slab pages.  Larger requests get
 * whole pages from kmem_malloc() in the kernel arena, and the size is
 * kept in the first page's vm_page (plinks.uma.size, with
 * plinks.uma.slab NULL).  So free() needs no header in front of the
 * block: an address in the kernel arena is a large allocation, any
 * other is a slab item whose zone says the size.
 *
 * Each malloc type counts what it holds, in bytes actually reserved
 * (the class size, or the rounded page size) and in allocations, and
 * how many allocations it ever made.
 *
 * Locking: malloc_mtx protects the types' counters; it is taken alone,
 * after the zone or kmem call returned.  The zones and kmem lock for
 * themselves.  Nothing sleeps.
 */
#include <kernel/systm.h>
#include <kernel/mutex.h>
#include <kernel/malloc.h>
#include <sys/linker_set.h>
#include <vm/vm.h>
#include <vm/vm_page.h>
#include <vm/vm_kern.h>
#include <vm/uma.h>
#include <vm/pmap.h>
#include <machine/vmparam.h>

#define MALLOC_MIN_SHIFT	4	/* the smallest class: 16 bytes */
#define MALLOC_NCLASSES		8	/* 16 .. 2048 */
#define MALLOC_ALIGN		16

CTASSERT(MALLOC_MAX_SMALL ==
    1 << (MALLOC_MIN_SHIFT + MALLOC_NCLASSES - 1));

MALLOC_DEFINE(M_TEMP, "temp", "short-lived buffers");
MALLOC_DEFINE(M_DEVBUF, "devbuf", "device driver memory");

SET_DECLARE(set_malloc_types, struct malloc_type);

static const char *const malloc_zone_names[MALLOC_NCLASSES] = {
	"malloc-16", "malloc-32", "malloc-64", "malloc-128",
	"malloc-256", "malloc-512", "malloc-1024", "malloc-2048",
};
static uma_zone_t malloc_zones[MALLOC_NCLASSES];	/* (c) */
static struct mtx malloc_mtx = MTX_INITIALIZER("malloc types");

/* The size class of a small request (size 0 gets the smallest). */
static int
malloc_class(size_t size)
{
	int i;

	for (i = 0; ((size_t)1 << (MALLOC_MIN_SHIFT + i)) < size; i++)
		;
	return (i);
}

/*
 * malloc_init: see malloc.h.  Boot only, after kmem_init(); panics if a
 * zone cannot be created.
 */
void
malloc_init(void)
{
	int i;

	for (i = 0; i < MALLOC_NCLASSES; i++) {
		malloc_zones[i] = uma_zcreate(malloc_zone_names[i],
		    (size_t)1 << (MALLOC_MIN_SHIFT + i), MALLOC_ALIGN);
		if (malloc_zones[i] == NULL)
			panic("malloc_init: cannot create zone %s",
			    malloc_zone_names[i]);
	}
}

/* The vm_page holding the first page of a large allocation at `va`. */
static vm_page_t
malloc_large_page(vm_offset_t va)
{
	vm_paddr_t pa;
	vm_page_t m;

	pa = (va & PAGE_MASK) == 0 ? pmap_kextract(va) : 0;
	m = pa != 0 ? PHYS_TO_VM_PAGE(pa) : NULL;
	if (m == NULL || m->plinks.uma.slab != NULL ||
	    m->plinks.uma.size == 0)
		panic("malloc: %#lx is not a malloc'ed block", (u_long)va);
	return (m);
}

/* The zone of a small allocation, checked to be one of malloc's. */
static uma_zone_t
malloc_small_zone(const void *addr)
{
	uma_zone_t zone;

	zone = uma_zone_of(addr);
	if (zone != malloc_zones[malloc_class(uma_zone_size(zone))])
		panic("malloc: %p is an item of a zone malloc does not own",
		    addr);
	return (zone);
}

/* Bytes reserved for `addr`, and whether it is a large allocation. */
static size_t
malloc_size_of(const void *addr, bool *large)
{
	vm_offset_t va = (vm_offset_t)addr;

	*large = va >= VM_KVA_START && va < VM_KVA_END;
	if (*large)
		return (malloc_large_page(va)->plinks.uma.size);
	return (uma_zone_size(malloc_small_zone(addr)));
}

/*
 * Large request: whole pages of kmem, the size noted in the first
 * page.  Returns 0 on failure (M_NOWAIT).
 */
static vm_offset_t
malloc_large(size_t size, int flags)
{
	vm_offset_t va;

	va = kmem_malloc(size, flags);
	if (va != 0) {
		vm_page_t m = PHYS_TO_VM_PAGE(pmap_kextract(va));

		m->plinks.uma.slab = NULL;
		m->plinks.uma.size = size;
	}
	return (va);
}

/*
 * malloc: see malloc.h.  flags: M_NOWAIT or M_WAITOK, M_ZERO,
 * M_USE_RESERVE.  Takes the zone (or arena, pmap, page) locks, then
 * malloc_mtx; never sleeps.
 */
void *
malloc(size_t size, struct malloc_type *type, int flags)
{
	void *addr;
	size_t reserved;

	if (size <= MALLOC_MAX_SMALL) {
		reserved = (size_t)1 << (MALLOC_MIN_SHIFT + malloc_class(size));
		addr = uma_zalloc(malloc_zones[malloc_class(size)], flags);
	} else if (size <= VM_KVA_END - VM_KVA_START) {
		reserved = round_page(size);
		addr = (void *)malloc_large(reserved, flags);
	} else {
		if ((flags & M_WAITOK) != 0)
			panic("malloc: %zu bytes for %s is more than the "
			    "kernel arena holds", size, type->ks_shortdesc);
		addr = NULL;
	}
	if (addr == NULL)
		return (NULL);
	mtx_lock(&malloc_mtx);
	type->ks_memuse += reserved;
	type->ks_inuse++;
	type->ks_calls++;
	mtx_unlock(&malloc_mtx);
	return (addr);
}

/*
 * free: see malloc.h.  Panics on an address malloc did not hand out
 * (and, through uma, on a double free of a small block).  Never sleeps.
 */
void
free(void *addr, struct malloc_type *type)
{
	size_t size;
	bool large;

	if (addr == NULL)
		return;
	size = malloc_size_of(addr, &large);
	mtx_lock(&malloc_mtx);
	KASSERT(type->ks_inuse > 0 && type->ks_memuse >= size,
	    ("free: %p (%zu bytes) was not allocated as %s", addr, size,
	    type->ks_shortdesc));
	type->ks_memuse -= size;
	type->ks_inuse--;
	mtx_unlock(&malloc_mtx);
	if (large)
		kmem_free((vm_offset_t)addr, size);
	else
		uma_zfree(uma_zone_of(addr), addr);
}

/* malloc_usable_size: see malloc.h.  No lock. */
size_t
malloc_usable_size(const void *addr)
{
	bool large;

	return (malloc_size_of(addr, &large));
}

/*
 * malloc_print_stats: see malloc.h.  Unlocked snapshots of the
 * counters (printing under a spin lock would keep interrupts off).
 */
void
malloc_print_stats(void)
{
	struct malloc_type *const *tp;
	const struct malloc_type *t;

	printf("malloc: %-16s %12s %10s %10s\n", "type", "bytes", "inuse",
	    "calls");
	SET_FOREACH(tp, set_malloc_types) {
		t = *tp;
		if (t->ks_inuse == 0 && t->ks_memuse == 0)
			continue;
		printf("malloc: %-16s %12zu %10lu %10lu\n", t->ks_shortdesc,
		    t->ks_memuse, t->ks_inuse, t->ks_calls);
	}
}
