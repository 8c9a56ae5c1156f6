/*
 * test_kmem.c - self tests of kernel memory (SEMANTICS R32): kmem pages
 * are wired once, for reason kmem, and mapped while allocated; a free
 * gives back every page, wiring and PTE; a non-sleeping allocation that
 * meets a real page shortage undoes everything it did; M_ZERO zeroes.
 *
 * kmem_malloc may grow the kernel's page tables, whose pages are never
 * freed, and best fit makes it pick the same VA again whenever the arena
 * is back in the same state.  So each test first runs its allocations
 * once, before taking its baseline: the page tables they need exist,
 * and the counters can then be compared exactly.
 */
#include <kernel/systm.h>
#include <kernel/ktest.h>
#include <kernel/vmem.h>
#include <vm/vm.h>
#include <vm/vm_page.h>
#include <vm/vmmeter.h>
#include <vm/vm_kern.h>
#include <vm/pmap.h>
#include <machine/vmparam.h>
#include "ktest_vm.h"

/* Bytes in n pages, as a kernel VA size (ptoa gives physical sizes). */
static inline vm_size_t
kbytes(u_long n)
{
	return ((vm_size_t)n * PAGE_SIZE);
}

/* What must come back to where it was. */
struct kmem_counts {
	u_long		free;
	u_long		wired;
	u_long		wired_kmem;
	vmem_size_t	arena_inuse;
	long		pmap_wired;
};

static struct kmem_counts
kmem_counts(void)
{
	return ((struct kmem_counts){ vm_cnt.v_free_count,
	    vm_cnt.v_wire_count, vm_cnt.v_wire_by_reason[VM_WIRE_KMEM],
	    vmem_size_inuse(kernel_arena), pmap_wired_count(kernel_pmap) });
}

static bool
kmem_counts_equal(const struct kmem_counts *a, const struct kmem_counts *b)
{
	return (a->free == b->free && a->wired == b->wired &&
	    a->wired_kmem == b->wired_kmem &&
	    a->arena_inuse == b->arena_inuse && a->pmap_wired == b->pmap_wired);
}

#define KT_CHECK_COUNTS(now, base)					\
	KT_CHECK(kmem_counts_equal(&(now), &(base)),			\
	    "free %lu (was %lu), wired %lu (%lu), kmem %lu (%lu), "	\
	    "arena %#lx (%#lx), pmap wired %ld (%ld)", (now).free,	\
	    (base).free, (now).wired, (base).wired, (now).wired_kmem,	\
	    (base).wired_kmem, (u_long)(now).arena_inuse,		\
	    (u_long)(base).arena_inuse, (now).pmap_wired, (base).pmap_wired)

/*
 * Each page of [va, va + npages) is mapped to a page wired once for
 * kmem.  Returns the number of pages that are not.
 */
static int
kmem_pages_bad(vm_offset_t va, u_long npages)
{
	vm_paddr_t pa;
	vm_page_t m;
	u_long i;
	int bad = 0;

	for (i = 0; i < npages; i++) {
		pa = pmap_kextract(va + kbytes(i));
		m = pa != 0 ? PHYS_TO_VM_PAGE(pa) : NULL;
		if (m == NULL || m->wire_count != 1 ||
		    m->wire_reason != VM_WIRE_KMEM)
			bad++;
	}
	return (bad);
}

/* Pages of [va, va + npages) that are still mapped. */
static int
kmem_pages_mapped(vm_offset_t va, u_long npages)
{
	u_long i;
	int n = 0;

	for (i = 0; i < npages; i++)
		n += pmap_kextract(va + kbytes(i)) != 0;
	return (n);
}

static const u_long loop_sizes[] = { 1, 2, 7, 64 };
/* The order loop_pass frees in: not the order of allocation. */
static const int loop_free_order[] = { 2, 0, 3, 1 };

/*
 * One pass: allocate every size, check the pages and PTEs and counters,
 * free in another order, check the PTEs are gone.  Returns false on the
 * first failed check.
 */
static bool
loop_pass(const struct kmem_counts *base)
{
	vm_offset_t va[nitems(loop_sizes)];
	u_long total = 0;
	int i, k;

	for (i = 0; i < (int)nitems(loop_sizes); i++) {
		va[i] = kmem_malloc(kbytes(loop_sizes[i]), M_WAITOK);
		total += loop_sizes[i];
		KT_CHECK(va[i] >= VM_KVA_START && va[i] < VM_KVA_END &&
		    (va[i] & PAGE_MASK) == 0, "va %#lx", (u_long)va[i]);
		if (kmem_pages_bad(va[i], loop_sizes[i]) != 0) {
			KT_CHECK(false, "%d of %lu pages at %#lx not mapped "
			    "to a page wired once for kmem",
			    kmem_pages_bad(va[i], loop_sizes[i]),
			    loop_sizes[i], (u_long)va[i]);
			return (false);
		}
		memset((void *)va[i], 0x5a, kbytes(loop_sizes[i]));
	}
	if (base != NULL &&
	    (vm_cnt.v_wire_by_reason[VM_WIRE_KMEM] != base->wired_kmem + total ||
	    vm_cnt.v_free_count != base->free - total ||
	    vmem_size_inuse(kernel_arena) != base->arena_inuse + kbytes(total))) {
		KT_CHECK(false, "with %lu pages allocated: kmem wired %lu, free "
		    "%lu, arena %#lx", total,
		    vm_cnt.v_wire_by_reason[VM_WIRE_KMEM], vm_cnt.v_free_count,
		    (u_long)vmem_size_inuse(kernel_arena));
		return (false);
	}
	for (k = 0; k < (int)nitems(loop_free_order); k++) {
		i = loop_free_order[k];
		kmem_free(va[i], kbytes(loop_sizes[i]));
		if (kmem_pages_mapped(va[i], loop_sizes[i]) != 0) {
			KT_CHECK(false, "%d PTEs left at %#lx after kmem_free",
			    kmem_pages_mapped(va[i], loop_sizes[i]),
			    (u_long)va[i]);
			return (false);
		}
	}
	return (true);
}

KTEST(r32_kmem_loop_returns_to_baseline)
{
	struct kmem_counts base, now;
	int iter;

	KT_REQUIRE(loop_pass(NULL));
	base = kmem_counts();
	for (iter = 0; iter < 300; iter++)
		if (!loop_pass(&base))
			break;
	KT_CHECK(iter == 300, "stopped at pass %d", iter);
	now = kmem_counts();
	KT_CHECK_COUNTS(now, base);
	KT_CHECK(vmem_check(kernel_arena) == 0);
}

/*
 * Take pages of class INTERRUPT onto `held` until exactly `target` are
 * free.  false if fewer were free to begin with.
 */
static bool
drain_to(struct pglist *held, u_long target)
{
	ktest_drain(held, target, VM_ALLOC_INTERRUPT);
	return (vm_cnt.v_free_count == target);
}

/*
 * R32 under a real shortage: with k pages above the SYSTEM floor, an
 * M_NOWAIT request for k + 1 pages gets k of them, fails on the last,
 * and gives everything back: free and wired counts, PTEs and the arena
 * are as before.  k pages fit; M_USE_RESERVE may dig into the floor.
 */
KTEST(r32_kmem_nowait_shortage_undoes_everything)
{
	struct pglist held = TAILQ_HEAD_INITIALIZER(held);
	const u_long k = 5, floor = vm_cnt.v_thresh.interrupt_free_min;
	struct kmem_counts base, now;
	vm_offset_t va;

	/* Page tables for the VA these requests will get. */
	va = kmem_malloc(kbytes(k + floor), M_WAITOK);
	kmem_free(va, kbytes(k + floor));

	KT_REQUIRE(drain_to(&held, floor + k), "could not drain to %lu free "
	    "pages (%lu)", floor + k, vm_cnt.v_free_count);
	base = kmem_counts();
	va = kmem_malloc(kbytes(k + 1), M_NOWAIT);
	now = kmem_counts();
	KT_CHECK(va == 0, "%lu pages with %lu above the floor", k + 1, k);
	if (va == 0)
		KT_CHECK_COUNTS(now, base);
	else
		kmem_free(va, kbytes(k + 1));

	va = kmem_malloc(kbytes(k), M_NOWAIT);
	KT_CHECK(va != 0, "%lu pages with %lu above the floor", k, k);
	if (va != 0) {
		KT_CHECK(vm_cnt.v_free_count == floor);
		KT_CHECK(kmem_pages_bad(va, k) == 0);
		kmem_free(va, kbytes(k));
	}
	va = kmem_malloc(kbytes(k + floor), M_NOWAIT | M_USE_RESERVE);
	KT_CHECK(va != 0, "M_USE_RESERVE could not take the last %lu pages",
	    k + floor);
	if (va != 0) {
		KT_CHECK(vm_cnt.v_free_count == 0);
		kmem_free(va, kbytes(k + floor));
	}
	now = kmem_counts();
	KT_CHECK_COUNTS(now, base);
	ktest_undrain(&held, -1);
	KT_CHECK(vmem_check(kernel_arena) == 0);
}

/*
 * M_ZERO memory reads zero even when its pages were dirtied by an
 * earlier allocation.  To be sure the pages are the same ones, only
 * they are free: the rest of memory is held, and M_USE_RESERVE lets
 * kmem take every free page.
 */
KTEST(r32_kmem_zero)
{
	struct pglist held = TAILQ_HEAD_INITIALIZER(held);
	const u_long n = 8;
	vm_paddr_t dirtied[8];
	vm_offset_t va;
	const uint32_t *p;
	u_long i, reused = 0, nonzero = 0;

	va = kmem_malloc(kbytes(n), M_WAITOK);
	kmem_free(va, kbytes(n));
	KT_REQUIRE(drain_to(&held, n), "could not drain to %lu free pages",
	    n);
	va = kmem_malloc(kbytes(n), M_NOWAIT | M_USE_RESERVE);
	KT_REQUIRE(va != 0, "could not take the last %lu pages", n);
	for (i = 0; i < n; i++)
		dirtied[i] = pmap_kextract(va + kbytes(i));
	memset((void *)va, 0xa5, kbytes(n));
	kmem_free(va, kbytes(n));

	va = kmem_malloc(kbytes(n), M_NOWAIT | M_USE_RESERVE | M_ZERO);
	if (va != 0) {
		for (i = 0; i < n; i++) {
			vm_paddr_t pa = pmap_kextract(va + kbytes(i));
			u_long j;

			for (j = 0; j < n; j++)
				reused += pa == dirtied[j];
		}
		for (p = (const uint32_t *)va;
		    p < (const uint32_t *)(va + kbytes(n)); p++)
			nonzero += *p != 0;
		kmem_free(va, kbytes(n));
	}
	ktest_undrain(&held, -1);
	KT_REQUIRE(va != 0, "M_ZERO allocation failed");
	KT_CHECK(reused == n, "only %lu of %lu dirtied pages reused", reused, n);
	KT_CHECK(nonzero == 0, "%lu words not zero", nonzero);
}
