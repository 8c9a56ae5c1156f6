/*
 * test_libc_malloc.c - libc's heap (libc/stdlib/malloc.c) over the test
 * morecore of libc_host.c: alignment, the C and POSIX edge cases,
 * running out of memory (morecore's budget), reuse of freed memory, and
 * a seeded random alloc/free/realloc stress that checks every block's
 * contents and that no two live blocks overlap.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libc_host.h"
#include "rng.h"
#include "tap.h"

static bool
aligned16(const void *p)
{
	return (((uintptr_t)p & 15) == 0);
}

static void
malloc_returns_aligned_distinct_writable_blocks(void)
{
	static const size_t sizes[] = { 0, 1, 15, 16, 17, 31, 32, 100, 4095,
	    4096, 70000, 1 << 20 };
	void *p[nitems(sizes)];
	size_t i;

	for (i = 0; i < nitems(sizes); i++) {
		p[i] = vise_malloc(sizes[i]);
		REQUIRE(p[i] != NULL, "malloc(%zu)", sizes[i]);
		CHECK(aligned16(p[i]), "malloc(%zu) = %p", sizes[i], p[i]);
		memset(p[i], (int)i, sizes[i]);
	}
	for (i = 0; i < nitems(sizes); i++) {
		CHECK(i == 0 || p[i] != p[i - 1]);
		CHECK(sizes[i] == 0 || ((unsigned char *)p[i])[sizes[i] - 1] ==
		    (unsigned char)i, "block %zu overwritten", i);
		vise_free(p[i]);
	}
	CHECK(libc_host_contract_violations == 0,
	    "morecore asked for a length that is not whole pages");
}

static void
malloc_zero_returns_unique_pointers(void)
{
	void *a = vise_malloc(0), *b = vise_malloc(0);

	CHECK(a != NULL && b != NULL && a != b);
	vise_free(a);
	vise_free(b);
}

static void
free_null_does_nothing(void)
{
	vise_errno = 0;
	vise_free(NULL);
	CHECK(vise_errno == 0);
}

static void
calloc_returns_zeroed_memory(void)
{
	unsigned char *p;
	size_t i;
	bool zero = true;

	/* Dirty a block first so that calloc gets it back. */
	p = vise_malloc(1000);
	REQUIRE(p != NULL);
	memset(p, 0xff, 1000);
	vise_free(p);
	p = vise_calloc(10, 100);
	REQUIRE(p != NULL);
	for (i = 0; i < 1000; i++)
		zero = zero && p[i] == 0;
	CHECK(zero);
	vise_free(p);
}

static void
calloc_overflow_fails_with_enomem(void)
{
	vise_errno = 0;
	CHECK(vise_calloc(SIZE_MAX / 2, 3) == NULL);
	CHECK(vise_errno == libc_ENOMEM);
	vise_errno = 0;
	CHECK(vise_calloc((size_t)1 << 32, (size_t)1 << 32) == NULL);
	CHECK(vise_errno == libc_ENOMEM);
}

static void
huge_requests_fail_with_enomem(void)
{
	static const size_t sizes[] = { SIZE_MAX, SIZE_MAX - 15,
	    SIZE_MAX / 2 + 1, (size_t)1 << 40 };
	size_t i;
	void *p;

	for (i = 0; i < nitems(sizes); i++) {
		vise_errno = 0;
		CHECK(vise_malloc(sizes[i]) == NULL, "malloc(%zu)", sizes[i]);
		CHECK(vise_errno == libc_ENOMEM);
	}
	p = vise_malloc(10);
	vise_errno = 0;
	CHECK(vise_realloc(p, SIZE_MAX) == NULL && vise_errno == libc_ENOMEM);
	vise_free(p);
}

static void
out_of_memory_fails_with_enomem_then_recovers(void)
{
	void *p;

	libc_host_budget = 0;
	vise_errno = 0;
	p = vise_malloc(4 << 20);
	CHECK(p == NULL && vise_errno == libc_ENOMEM);
	libc_host_budget = SIZE_MAX;
	p = vise_malloc(4 << 20);
	CHECK(p != NULL, "works again once morecore has memory");
	vise_free(p);
}

static void
realloc_of_null_is_malloc(void)
{
	char *p = vise_realloc(NULL, 40);

	REQUIRE(p != NULL);
	CHECK(aligned16(p));
	memset(p, 1, 40);
	vise_free(p);
}

static void
realloc_keeps_contents_when_growing_and_shrinking(void)
{
	unsigned char *p, *q;
	size_t i;
	bool same = true;

	p = vise_malloc(100);
	REQUIRE(p != NULL);
	for (i = 0; i < 100; i++)
		p[i] = (unsigned char)i;
	/* Block the way so that growing must move. */
	q = vise_malloc(16);
	p = vise_realloc(p, 100000);
	REQUIRE(p != NULL);
	for (i = 0; i < 100; i++)
		same = same && p[i] == (unsigned char)i;
	CHECK(same, "grown");
	p = vise_realloc(p, 10);
	REQUIRE(p != NULL);
	for (i = 0; i < 10; i++)
		same = same && p[i] == (unsigned char)i;
	CHECK(same, "shrunk");
	vise_free(p);
	vise_free(q);
}

static void
realloc_to_zero_returns_a_block(void)
{
	void *p = vise_malloc(64);

	p = vise_realloc(p, 0);
	CHECK(p != NULL);
	vise_free(p);
}

static void
realloc_grows_in_place_into_free_neighbour(void)
{
	void *a, *b, *c, *grown;

	a = vise_malloc(100);
	b = vise_malloc(100);
	c = vise_malloc(100);
	vise_free(b);
	grown = vise_realloc(a, 200);
	CHECK(grown == a, "moved from %p to %p", a, grown);
	vise_free(grown);
	vise_free(c);
}

static void
failed_realloc_leaves_the_block_alone(void)
{
	unsigned char *p, *q;

	p = vise_malloc(32);
	REQUIRE(p != NULL);
	memset(p, 0x3c, 32);
	libc_host_budget = 0;
	vise_errno = 0;
	q = vise_realloc(p, 64 << 20);
	libc_host_budget = SIZE_MAX;
	CHECK(q == NULL && vise_errno == libc_ENOMEM);
	CHECK(p[0] == 0x3c && p[31] == 0x3c);
	vise_free(p);
}

/*
 * Runs first, on an empty heap: then the only free memory big enough
 * for the last request is the freed blocks merged into one.
 */
static void
freed_neighbours_coalesce_for_a_larger_request(void)
{
	enum { N = 256, SIZE = 1024 };
	void *p[N], *big;
	int i;

	for (i = 0; i < N; i++)
		REQUIRE((p[i] = vise_malloc(SIZE)) != NULL);
	/* Free in an order that merges forward, backward and both ways. */
	for (i = 0; i < N; i += 2)
		vise_free(p[i]);
	for (i = 1; i < N; i += 2)
		vise_free(p[i]);
	libc_host_budget = 0;
	big = vise_malloc((N - 1) * SIZE);
	libc_host_budget = SIZE_MAX;
	CHECK(big != NULL, "freed blocks did not merge");
	vise_free(big);
}

static void
posix_memalign_honours_alignment(void)
{
	size_t align, n;
	void *p;

	for (align = sizeof(void *); align <= 65536; align *= 2)
		for (n = 0; n < 300; n += 37) {
			p = NULL;
			CHECK(vise_posix_memalign(&p, align, n) == 0);
			CHECK(p != NULL && ((uintptr_t)p & (align - 1)) == 0,
			    "align %zu: %p", align, p);
			memset(p, 0x77, n);
			vise_free(p);
		}
	p = vise_aligned_alloc(4096, 10);
	CHECK(p != NULL && ((uintptr_t)p & 4095) == 0);
	vise_free(p);
}

static void
posix_memalign_rejects_bad_alignment(void)
{
	static const size_t bad[] = { 0, 3, 4, 24, 100 };
	void *p = (void *)1;
	size_t i;

	for (i = 0; i < nitems(bad); i++) {
		CHECK(vise_posix_memalign(&p, bad[i], 16) == libc_EINVAL,
		    "align %zu", bad[i]);
		CHECK(p == (void *)1, "result untouched");
	}
	vise_errno = 0;
	CHECK(vise_aligned_alloc(24, 16) == NULL && vise_errno == libc_EINVAL);
}

/* The stress test's model: each live block's size and fill byte. */
struct live {
	unsigned char	*p;
	size_t		size;
	unsigned char	fill;
};

static int
by_address(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)((const struct live *)a)->p;
	uintptr_t y = (uintptr_t)((const struct live *)b)->p;

	return ((x > y) - (x < y));
}

static bool
check_contents(const struct live *l)
{
	size_t i;

	for (i = 0; i < l->size; i++)
		if (l->p[i] != l->fill)
			return (false);
	return (true);
}

static size_t
random_size(void)
{
	switch (rng(10)) {
	case 0:
		return (rng(300000));
	case 1:
	case 2:
		return (rng(4096));
	default:
		return (rng(128));
	}
}

/* Sort a copy by address; neighbours must not overlap. */
static bool
no_overlap(const struct live *live, size_t n)
{
	struct live *sorted = malloc(n * sizeof(*sorted));
	bool ok = true;
	size_t i;

	memcpy(sorted, live, n * sizeof(*sorted));
	qsort(sorted, n, sizeof(*sorted), by_address);
	for (i = 1; i < n && ok; i++)
		ok = sorted[i - 1].p + sorted[i - 1].size <= sorted[i].p;
	free(sorted);
	return (ok);
}

static void
stress(uint32_t seed, int steps)
{
	enum { MAXLIVE = 1500 };
	static struct live live[MAXLIVE];
	size_t nlive = 0, i, n;
	unsigned char *q;
	int step;

	rng_state = seed;
	for (step = 0; step < steps; step++) {
		i = nlive > 0 ? rng((uint32_t)nlive) : 0;
		switch (nlive == 0 ? 0 : nlive == MAXLIVE ? 1 : rng(3)) {
		case 0:
			n = random_size();
			live[nlive].p = vise_malloc(n);
			if (!CHECK(live[nlive].p != NULL &&
			    aligned16(live[nlive].p), "seed %u step %d", seed,
			    step))
				return;
			live[nlive].size = n;
			live[nlive].fill = (unsigned char)rng(256);
			memset(live[nlive].p, live[nlive].fill, n);
			nlive++;
			break;
		case 1:
			if (!CHECK(check_contents(&live[i]),
			    "seed %u step %d: block overwritten", seed, step))
				return;
			vise_free(live[i].p);
			live[i] = live[--nlive];
			break;
		default:
			n = random_size();
			q = vise_realloc(live[i].p, n);
			if (!CHECK(q != NULL && aligned16(q), "seed %u step %d",
			    seed, step))
				return;
			live[i].p = q;
			if (n < live[i].size)
				live[i].size = n;
			if (!CHECK(check_contents(&live[i]),
			    "seed %u step %d: realloc lost data", seed, step))
				return;
			live[i].size = n;
			memset(q, live[i].fill, n);
			break;
		}
		if (step % 1000 == 0 && !CHECK(no_overlap(live, nlive),
		    "seed %u step %d: blocks overlap", seed, step))
			return;
	}
	CHECK(no_overlap(live, nlive));
	while (nlive > 0) {
		CHECK(check_contents(&live[nlive - 1]));
		vise_free(live[--nlive].p);
	}
}

static void
random_alloc_free_realloc_keeps_contents_and_no_overlap(void)
{
	stress(1, 60000);
	stress(2, 60000);
	CHECK(libc_host_contract_violations == 0);
}

static void
stress_over_scattered_chunks(void)
{
	libc_host_scattered = true;
	stress(3, 60000);
	libc_host_scattered = false;
}

static void
memory_is_reused_after_everything_is_freed(void)
{
	size_t before;

	stress(4, 20000);
	before = libc_host_morecore_bytes;
	stress(4, 20000);
	CHECK(libc_host_morecore_bytes == before,
	    "the same workload again took %zu more bytes",
	    libc_host_morecore_bytes - before);
}

int
main(void)
{
	TAP_RUN(freed_neighbours_coalesce_for_a_larger_request);
	TAP_RUN(malloc_returns_aligned_distinct_writable_blocks);
	TAP_RUN(malloc_zero_returns_unique_pointers);
	TAP_RUN(free_null_does_nothing);
	TAP_RUN(calloc_returns_zeroed_memory);
	TAP_RUN(calloc_overflow_fails_with_enomem);
	TAP_RUN(huge_requests_fail_with_enomem);
	TAP_RUN(out_of_memory_fails_with_enomem_then_recovers);
	TAP_RUN(realloc_of_null_is_malloc);
	TAP_RUN(realloc_keeps_contents_when_growing_and_shrinking);
	TAP_RUN(realloc_to_zero_returns_a_block);
	TAP_RUN(realloc_grows_in_place_into_free_neighbour);
	TAP_RUN(failed_realloc_leaves_the_block_alone);
	TAP_RUN(posix_memalign_honours_alignment);
	TAP_RUN(posix_memalign_rejects_bad_alignment);
	TAP_RUN(random_alloc_free_realloc_keeps_contents_and_no_overlap);
	TAP_RUN(stress_over_scattered_chunks);
	TAP_RUN(memory_is_reused_after_everything_is_freed);
	return (tap_exit_status());
}
