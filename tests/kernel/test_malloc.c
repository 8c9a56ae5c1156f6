/*
 * test_malloc.c - self tests of malloc/free: every size class, the sizes
 * around each class edge and multi-page sizes, in a random interleaving
 * (fixed seed) with every block filled with its own pattern so that an
 * overlap or a stray write shows; per-type statistics exact at every
 * step and back to zero at the end; the page counters back at baseline
 * apart from the slabs the zones cache and kernel page tables grown.
 */
#include <kernel/systm.h>
#include <kernel/ktest.h>
#include <kernel/malloc.h>
#include <kernel/vmem.h>
#include <vm/vm.h>
#include <vm/vm_page.h>
#include <vm/vmmeter.h>
#include <vm/vm_kern.h>
#include <vm/uma.h>
#include <machine/vmparam.h>

MALLOC_DEFINE(M_KTEST, "ktest", "malloc self tests");

#define MALLOC_NCLASSES		8
#define STRESS_SLOTS		96
#define STRESS_STEPS		6000
#define STRESS_SEED		0x2545f491u

/* The zone of each size class, found through an allocation of it. */
static uma_zone_t malloc_test_zones[MALLOC_NCLASSES];

static uint32_t stress_rng_state;

static uint32_t
stress_rng(uint32_t bound)
{
	stress_rng_state ^= stress_rng_state << 13;
	stress_rng_state ^= stress_rng_state >> 17;
	stress_rng_state ^= stress_rng_state << 5;
	return (stress_rng_state % bound);
}

static void
find_malloc_zones(void)
{
	void *p;
	int i;

	for (i = 0; i < MALLOC_NCLASSES; i++) {
		p = malloc((size_t)16 << i, M_KTEST, M_WAITOK);
		malloc_test_zones[i] = uma_zone_of(p);
		free(p, M_KTEST);
	}
}

static u_long
malloc_slabs(void)
{
	u_long n = 0;
	int i;

	for (i = 0; i < MALLOC_NCLASSES; i++)
		n += uma_zone_slabs(malloc_test_zones[i]);
	/* Off-page zones keep their slab headers in pages of their own. */
	return (n + uma_zone_slabs(uma_slabzone()));
}

/* Sizes to try: around every class edge, and some of several pages. */
static size_t stress_sizes[64];
static int stress_nsizes;

static void
make_sizes(void)
{
	static const size_t large[] = { 2049, 3000, PAGE_SIZE - 1, PAGE_SIZE,
	    PAGE_SIZE + 1, 2 * PAGE_SIZE, 3 * PAGE_SIZE + 5, 5 * PAGE_SIZE,
	    16 * PAGE_SIZE + 100, 64 * 1024 };
	size_t c;
	int i;

	stress_nsizes = 0;
	stress_sizes[stress_nsizes++] = 0;
	stress_sizes[stress_nsizes++] = 1;
	for (c = 16; c <= MALLOC_MAX_SMALL; c *= 2) {
		stress_sizes[stress_nsizes++] = c - 1;
		stress_sizes[stress_nsizes++] = c;
		if (c < MALLOC_MAX_SMALL)
			stress_sizes[stress_nsizes++] = c + 1;
	}
	for (i = 0; i < (int)nitems(large); i++)
		stress_sizes[stress_nsizes++] = large[i];
}

struct block {
	unsigned char	*p;
	size_t		size;
	unsigned char	fill;
};

static struct block blocks[STRESS_SLOTS];

/* Bytes of the block that no longer hold its pattern. */
static size_t
block_damage(const struct block *b)
{
	size_t i, bad = 0;

	for (i = 0; i < b->size; i++)
		bad += b->p[i] != b->fill;
	return (bad);
}

/* What malloc must reserve: the class size, or whole pages. */
static size_t
reserved_size(size_t size)
{
	size_t c = 16;

	if (size > MALLOC_MAX_SMALL)
		return (round_page(size));
	while (c < size)
		c *= 2;
	return (c);
}

/* Allocate slot `k`: a random size, maybe zeroed, checked, filled. */
static bool
stress_alloc(int k, u_long *bytes)
{
	struct block *b = &blocks[k];
	bool zero = stress_rng(3) == 0;
	size_t usable, i, nonzero = 0;
	vm_offset_t va;

	b->size = stress_sizes[stress_rng(stress_nsizes)];
	b->p = malloc(b->size, M_KTEST, M_WAITOK | (zero ? M_ZERO : 0));
	va = (vm_offset_t)b->p;
	usable = malloc_usable_size(b->p);
	KT_CHECK(usable == reserved_size(b->size), "size %zu: usable %zu",
	    b->size, usable);
	KT_CHECK(b->p != NULL && usable >= b->size && (va & 15) == 0 &&
	    (usable < PAGE_SIZE || (va & PAGE_MASK) == 0),
	    "size %zu: %p, usable %zu", b->size, b->p, usable);
	KT_CHECK((va >= VM_KVA_START && va < VM_KVA_END) ==
	    (b->size > MALLOC_MAX_SMALL), "size %zu at %p", b->size, b->p);
	if (zero)
		for (i = 0; i < b->size; i++)
			nonzero += b->p[i] != 0;
	KT_CHECK(nonzero == 0, "M_ZERO block of %zu with %zu bytes not zero",
	    b->size, nonzero);
	b->fill = (unsigned char)(k * 37 + 1);
	memset(b->p, b->fill, b->size);
	*bytes += usable;
	return (b->p != NULL);
}

static void
stress_free(int k, u_long *bytes)
{
	struct block *b = &blocks[k];

	*bytes -= malloc_usable_size(b->p);
	free(b->p, M_KTEST);
	b->p = NULL;
}

/* Every live block still holds its pattern. */
static bool
stress_check_all(int step)
{
	size_t bad;
	int k;

	for (k = 0; k < STRESS_SLOTS; k++) {
		if (blocks[k].p == NULL)
			continue;
		bad = block_damage(&blocks[k]);
		if (bad != 0) {
			KT_CHECK(false, "step %d: block %d (%zu bytes at %p): "
			    "%zu bytes overwritten", step, k, blocks[k].size,
			    blocks[k].p, bad);
			return (false);
		}
	}
	return (true);
}

KTEST(malloc_stress_classes_edges_and_stats)
{
	u_long free0, wired0, kmem0, pgtab0, slabs0, calls0, calls, bytes = 0;
	u_long live = 0, inuse0[MALLOC_NCLASSES];
	long dslabs, dpgtab;
	int step, k, i;
	bool ok = true;

	find_malloc_zones();
	make_sizes();
	free0 = vm_cnt.v_free_count;
	wired0 = vm_cnt.v_wire_count;
	kmem0 = vm_cnt.v_wire_by_reason[VM_WIRE_KMEM];
	pgtab0 = vm_cnt.v_wire_by_reason[VM_WIRE_PGTABLE];
	slabs0 = malloc_slabs();
	for (i = 0; i < MALLOC_NCLASSES; i++)
		inuse0[i] = uma_zone_inuse(malloc_test_zones[i]);
	calls0 = calls = M_KTEST->ks_calls;
	KT_REQUIRE(M_KTEST->ks_inuse == 0 && M_KTEST->ks_memuse == 0,
	    "type holds %lu blocks before the test", M_KTEST->ks_inuse);

	stress_rng_state = STRESS_SEED;
	for (step = 0; step < STRESS_STEPS && ok; step++) {
		k = stress_rng(STRESS_SLOTS);
		if (blocks[k].p == NULL) {
			ok = stress_alloc(k, &bytes);
			live++;
			calls++;
		} else {
			if (block_damage(&blocks[k]) != 0) {
				KT_CHECK(false, "step %d: block %d damaged",
				    step, k);
				ok = false;
			}
			stress_free(k, &bytes);
			live--;
		}
		if (M_KTEST->ks_inuse != live || M_KTEST->ks_memuse != bytes ||
		    M_KTEST->ks_calls != calls) {
			KT_CHECK(false, "step %d: type says %lu blocks, %zu "
			    "bytes, %lu calls; test counts %lu, %lu, %lu", step,
			    M_KTEST->ks_inuse, M_KTEST->ks_memuse,
			    M_KTEST->ks_calls, live, bytes, calls);
			ok = false;
		}
		if (ok && step % 500 == 0)
			ok = stress_check_all(step);
		if (step == STRESS_STEPS / 2)
			malloc_print_stats();
	}
	for (i = 0; i < MALLOC_NCLASSES; i++)
		KT_CHECK(uma_zone_check(malloc_test_zones[i]) == 0,
		    "zone of class %d", i);
	KT_CHECK(vmem_check(kernel_arena) == 0);
	stress_check_all(step);
	for (k = 0; k < STRESS_SLOTS; k++)
		if (blocks[k].p != NULL)
			stress_free(k, &bytes);

	KT_CHECK(M_KTEST->ks_inuse == 0 && M_KTEST->ks_memuse == 0,
	    "type still holds %lu blocks, %zu bytes", M_KTEST->ks_inuse,
	    M_KTEST->ks_memuse);
	KT_CHECK(M_KTEST->ks_calls > calls0 + STRESS_STEPS / 4,
	    "%lu calls", M_KTEST->ks_calls - calls0);
	for (i = 0; i < MALLOC_NCLASSES; i++) {
		KT_CHECK(uma_zone_inuse(malloc_test_zones[i]) == inuse0[i],
		    "zone of class %d holds %lu items, held %lu", i,
		    uma_zone_inuse(malloc_test_zones[i]), inuse0[i]);
		KT_CHECK(uma_zone_check(malloc_test_zones[i]) == 0);
	}
	/*
	 * Every page is back, except the empty slabs the zones may keep
	 * and kernel page tables (never freed) grown for new VA.
	 */
	dslabs = (long)malloc_slabs() - (long)slabs0;
	dpgtab = (long)vm_cnt.v_wire_by_reason[VM_WIRE_PGTABLE] - (long)pgtab0;
	KT_CHECK((long)vm_cnt.v_free_count == (long)free0 - dslabs - dpgtab &&
	    (long)vm_cnt.v_wire_count == (long)wired0 + dslabs + dpgtab &&
	    (long)vm_cnt.v_wire_by_reason[VM_WIRE_KMEM] == (long)kmem0 + dslabs,
	    "free %lu (was %lu), wired %lu (was %lu), kmem %lu (was %lu); "
	    "%ld more slabs, %ld more page-table pages", vm_cnt.v_free_count,
	    free0, vm_cnt.v_wire_count, wired0,
	    vm_cnt.v_wire_by_reason[VM_WIRE_KMEM], kmem0, dslabs, dpgtab);
	KT_CHECK(vmem_check(kernel_arena) == 0);
}

KTEST(malloc_size_zero_and_free_null)
{
	void *a, *b;

	a = malloc(0, M_KTEST, M_WAITOK);
	b = malloc(0, M_KTEST, M_WAITOK);
	KT_CHECK(a != NULL && b != NULL && a != b, "%p %p", a, b);
	KT_CHECK(malloc_usable_size(a) >= 1);
	KT_CHECK(M_KTEST->ks_inuse == 2);
	free(a, M_KTEST);
	free(b, M_KTEST);
	free(NULL, M_KTEST);
	KT_CHECK(M_KTEST->ks_inuse == 0 && M_KTEST->ks_memuse == 0);
}
