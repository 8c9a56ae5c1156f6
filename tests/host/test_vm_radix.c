/*
 * test_vm_radix.c - host tests of the page index (vm/vm_radix.c): a
 * random mix of inserts, removes and lookups (exact, >=, <=) checked
 * against a sorted-array model, with keys from dense runs, the edges
 * of every level (64^k - 1, 64^k) and all of 64 bits up to 2^64 - 1;
 * the number of nodes, which the key set alone fixes (so a node kept
 * after it emptied, or a root left too tall, shows); insert failing
 * cleanly when no node can be had; duplicates; reclaim_allnodes.
 *
 * The trie only reads m->pindex, so its "pages" here are plain structs
 * from the C library; the nodes come from the real uma over the
 * pretend machine (vmhost/).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "rng.h"
#include "vmhost/vmhost.h"

#include <kernel/systm.h>
#include <sys/errno.h>
#include <vm/vm.h>
#include <vm/vm_page.h>
#include <vm/vm_radix.h>

#define RAM_BYTES	(48UL << 20)
#define PINDEX_MAX	(~(vm_pindex_t)0)

/* The model: the keys present, sorted, and each key's page. */
#define MODEL_MAX	4096
static struct {
	vm_pindex_t	key[MODEL_MAX];
	vm_page_t	page[MODEL_MAX];
	int		n;
} model;

/* A fresh "page" with key `k`, from the C library (ASan watches it). */
static vm_page_t
page_new(vm_pindex_t k)
{
	vm_page_t m;

	m = calloc(1, sizeof(*m));
	if (m == NULL)
		abort();
	m->pindex = k;
	return (m);
}

/* Index of the first model key >= k (model.n if none). */
static int
model_ge_index(vm_pindex_t k)
{
	int lo = 0, hi = model.n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (model.key[mid] < k)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (lo);
}

static vm_page_t
model_lookup(vm_pindex_t k)
{
	int i = model_ge_index(k);

	return (i < model.n && model.key[i] == k ? model.page[i] : NULL);
}

static vm_page_t
model_ge(vm_pindex_t k)
{
	int i = model_ge_index(k);

	return (i < model.n ? model.page[i] : NULL);
}

static vm_page_t
model_le(vm_pindex_t k)
{
	int i = model_ge_index(k);

	if (i < model.n && model.key[i] == k)
		return (model.page[i]);
	return (i > 0 ? model.page[i - 1] : NULL);
}

static void
model_insert(vm_page_t m)
{
	int i = model_ge_index(m->pindex);

	memmove(&model.key[i + 1], &model.key[i],
	    (model.n - i) * sizeof(model.key[0]));
	memmove(&model.page[i + 1], &model.page[i],
	    (model.n - i) * sizeof(model.page[0]));
	model.key[i] = m->pindex;
	model.page[i] = m;
	model.n++;
}

static void
model_remove(vm_pindex_t k)
{
	int i = model_ge_index(k);

	free(model.page[i]);
	memmove(&model.key[i], &model.key[i + 1],
	    (model.n - i - 1) * sizeof(model.key[0]));
	memmove(&model.page[i], &model.page[i + 1],
	    (model.n - i - 1) * sizeof(model.page[0]));
	model.n--;
}

/*
 * The nodes a trie of the model's keys must have: the root level is the
 * least that covers the largest key; a node at level l exists for each
 * distinct value of key >> 6(l+1) (its prefix).
 */
static u_long
model_nodes(void)
{
	vm_pindex_t prev;
	u_long nodes = 0;
	int height, level, shift, i;

	if (model.n == 0)
		return (0);
	for (height = 0; height < 10 &&
	    (model.key[model.n - 1] >> (6 * (height + 1))) != 0; height++)
		;
	for (level = 0; level <= height; level++) {
		shift = 6 * (level + 1);
		if (shift >= 64) {
			nodes++;
			continue;
		}
		/* Keys are sorted: count changes of prefix. */
		for (i = 0; i < model.n; i++)
			if (i == 0 || (model.key[i] >> shift) != prev) {
				nodes++;
				prev = model.key[i] >> shift;
			}
	}
	return (nodes);
}

/* Forget the keys (the trie must no longer hold their pages). */
static void
model_reset(void)
{
	while (model.n > 0)
		free(model.page[--model.n]);
}

/* A key: dense, at a level's edge, or anywhere in 64 bits. */
static vm_pindex_t
random_key(void)
{
	vm_pindex_t k;
	int level;

	switch (rng(5)) {
	case 0:
		return (rng(300));
	case 1:
		level = 1 + rng(10);
		k = (vm_pindex_t)1 << (6 * level);
		return (k - 1 + rng(2));
	case 2:
		return (PINDEX_MAX - rng(70));
	case 3:
		k = ((vm_pindex_t)rng(1U << 31) << 33) ^
		    ((vm_pindex_t)rng(1U << 31) << 2) ^ rng(4);
		return (k);
	default:
		/* Near another key, so that nodes are shared. */
		if (model.n == 0)
			return (rng(64));
		return (model.key[rng(model.n)] +
		    (vm_pindex_t)(int64_t)((int)rng(130) - 65));
	}
}

/* Every model key is found; lookups around it agree with the model. */
static void
trie_matches_model(struct vm_radix *rt)
{
	vm_pindex_t k;
	u_long npages;
	int bad, i;

	bad = vm_radix_check(rt, &npages);
	CHECK(bad == 0, "vm_radix_check found %d problems", bad);
	CHECK(npages == (u_long)model.n, "trie has %lu pages, model %d",
	    npages, model.n);
	for (i = 0; i < model.n; i++) {
		k = model.key[i];
		CHECK(vm_radix_lookup(rt, k) == model.page[i],
		    "lookup %#llx", (unsigned long long)k);
		if (k > 0)
			CHECK(vm_radix_lookup_ge(rt, k - 1) == model_ge(k - 1),
			    "ge %#llx", (unsigned long long)k - 1);
		if (k < PINDEX_MAX)
			CHECK(vm_radix_lookup_le(rt, k + 1) == model_le(k + 1),
			    "le %#llx", (unsigned long long)k + 1);
	}
	CHECK(vm_radix_is_empty(rt) == (model.n == 0));
}

/*
 * One round of random operations against the model, inserting keys
 * below `limit` (0: any) and looking up any key, with the node count
 * checked after each operation; then everything is removed (in random
 * order, or largest first) and every node must go.
 */
static void
random_round(uint32_t seed, vm_pindex_t limit, int nops)
{
	struct vm_radix rt;
	vm_pindex_t k;
	vm_page_t m, want;
	u_long base = vm_radix_node_count();
	int op, i, err;

	rng_state = seed;
	vm_radix_init(&rt);
	model_reset();
	for (i = 0; i < nops; i++) {
		op = rng(10);
		k = random_key();
		if (op < 4 && model.n < MODEL_MAX) {
			if (limit != 0)
				k %= limit;
			m = page_new(k);
			err = vm_radix_insert(&rt, m);
			want = model_lookup(k);
			if (want != NULL)
				CHECK(err == EEXIST, "insert of present %#llx: %d",
				    (unsigned long long)k, err);
			else {
				CHECK(err == 0, "insert %#llx: %d",
				    (unsigned long long)k, err);
			}
			if (err == 0)
				model_insert(m);
			else
				free(m);
		} else if (op < 7) {
			if (model.n > 0 && rng(2) == 0)
				k = model.key[rng(model.n)];
			want = model_lookup(k);
			m = vm_radix_remove(&rt, k);
			CHECK(m == want, "remove %#llx: %p, model %p",
			    (unsigned long long)k, (void *)m, (void *)want);
			if (want != NULL)
				model_remove(k);
		} else if (op == 7) {
			CHECK(vm_radix_lookup(&rt, k) == model_lookup(k),
			    "lookup %#llx", (unsigned long long)k);
		} else if (op == 8) {
			CHECK(vm_radix_lookup_ge(&rt, k) == model_ge(k),
			    "ge %#llx", (unsigned long long)k);
		} else {
			CHECK(vm_radix_lookup_le(&rt, k) == model_le(k),
			    "le %#llx", (unsigned long long)k);
		}
		if (!CHECK(vm_radix_node_count() - base == model_nodes(),
		    "op %d: %lu nodes, the keys need %lu", i,
		    vm_radix_node_count() - base, model_nodes()))
			break;
		if (i % 500 == 0)
			trie_matches_model(&rt);
	}
	trie_matches_model(&rt);

	/* Largest first on odd seeds: the root must come down level by level. */
	while (model.n > 0) {
		k = model.key[(seed & 1) != 0 ? model.n - 1 :
		    (int)rng(model.n)];
		CHECK(vm_radix_remove(&rt, k) == model_lookup(k));
		model_remove(k);
		if (!CHECK(vm_radix_node_count() - base == model_nodes(),
		    "%lu nodes, the keys need %lu",
		    vm_radix_node_count() - base, model_nodes()))
			break;
		CHECK(vm_radix_lookup_le(&rt, ~(vm_pindex_t)0) ==
		    (model.n == 0 ? NULL : model.page[model.n - 1]));
	}
	model_reset();
	CHECK(vm_radix_is_empty(&rt) && rt.rt_height == 0);
	CHECK(vm_radix_node_count() == base, "%lu nodes left",
	    vm_radix_node_count() - base);
}

/*
 * The core test: rounds whose keys stay below 2^12, 2^20, 2^40 or go up
 * to 2^64 - 1, so that tries of every height (and roots that must come
 * down) are exercised, and lookups beyond the root's reach too.
 */
static void
radix_random_ops_match_a_model(void)
{
	static const vm_pindex_t limits[] = { 1ULL << 12, 1ULL << 20,
	    1ULL << 40, 0 };
	size_t i;

	for (i = 0; i < sizeof(limits) / sizeof(limits[0]); i++)
		random_round(0x5eed1 + (uint32_t)i, limits[i], 15000);
}

/* The largest keys: 2^64 - 1 needs 11 levels, and shares nothing with 0. */
static void
radix_extreme_keys(void)
{
	struct vm_radix rt;
	vm_page_t m0, mmax, mmid;
	u_long base = vm_radix_node_count();

	vm_radix_init(&rt);
	model_reset();
	mmax = page_new(PINDEX_MAX);
	REQUIRE(vm_radix_insert(&rt, mmax) == 0);
	model_insert(mmax);
	CHECK(rt.rt_height == 10, "height %d for 2^64-1", rt.rt_height);
	CHECK(vm_radix_node_count() - base == 11, "%lu nodes",
	    vm_radix_node_count() - base);
	CHECK(vm_radix_lookup_ge(&rt, 0) == mmax);
	CHECK(vm_radix_lookup_ge(&rt, PINDEX_MAX) == mmax);
	CHECK(vm_radix_lookup_le(&rt, PINDEX_MAX - 1) == NULL);
	CHECK(vm_radix_lookup_le(&rt, 0) == NULL);

	m0 = page_new(0);
	REQUIRE(vm_radix_insert(&rt, m0) == 0);
	model_insert(m0);
	/* 0 and 2^64-1 part at the root: 11 nodes each but the root. */
	CHECK(vm_radix_node_count() - base == 21, "%lu nodes",
	    vm_radix_node_count() - base);
	CHECK(vm_radix_lookup_le(&rt, PINDEX_MAX - 1) == m0);
	CHECK(vm_radix_lookup_ge(&rt, 1) == mmax);

	mmid = page_new((vm_pindex_t)1 << 63);
	REQUIRE(vm_radix_insert(&rt, mmid) == 0);
	model_insert(mmid);
	CHECK(vm_radix_lookup_ge(&rt, 1) == mmid);
	CHECK(vm_radix_lookup_le(&rt, PINDEX_MAX - 1) == mmid);
	CHECK(vm_radix_node_count() - base == model_nodes());
	trie_matches_model(&rt);

	/* Without the big keys the root comes back down to level 0. */
	CHECK(vm_radix_remove(&rt, PINDEX_MAX) == mmax);
	model_remove(PINDEX_MAX);
	CHECK(vm_radix_remove(&rt, (vm_pindex_t)1 << 63) == mmid);
	model_remove((vm_pindex_t)1 << 63);
	CHECK(rt.rt_height == 0, "height %d with only key 0", rt.rt_height);
	CHECK(vm_radix_node_count() - base == 1, "%lu nodes",
	    vm_radix_node_count() - base);
	CHECK(vm_radix_remove(&rt, 0) == m0);
	model_remove(0);
	CHECK(vm_radix_remove(&rt, 0) == NULL);
	CHECK(vm_radix_is_empty(&rt) && vm_radix_node_count() == base);
}

/* A taken key is EEXIST and changes nothing; no node is spent on it. */
static void
radix_duplicate_insert_is_eexist(void)
{
	struct vm_radix rt;
	vm_page_t a, b;
	u_long nodes;

	vm_radix_init(&rt);
	a = page_new(4097);
	b = page_new(4097);
	REQUIRE(vm_radix_insert(&rt, a) == 0);
	nodes = vm_radix_node_count();
	CHECK(vm_radix_insert(&rt, b) == EEXIST);
	CHECK(vm_radix_lookup(&rt, 4097) == a);
	CHECK(vm_radix_node_count() == nodes);
	vm_radix_reclaim_allnodes(&rt);
	free(a);
	free(b);
}

/* reclaim_allnodes frees every node of a big trie and leaves it empty. */
static void
radix_reclaim_allnodes_frees_every_node(void)
{
	struct vm_radix rt;
	u_long base = vm_radix_node_count();
	int i;

	rng_state = 0x7ec1a1;
	vm_radix_init(&rt);
	model_reset();
	for (i = 0; i < 2000; i++) {
		vm_page_t m = page_new(random_key());

		if (vm_radix_insert(&rt, m) == 0)
			model_insert(m);
		else
			free(m);
	}
	CHECK(vm_radix_node_count() - base == model_nodes());
	CHECK(vm_radix_node_count() > base + 100, "only %lu nodes",
	    vm_radix_node_count() - base);
	vm_radix_reclaim_allnodes(&rt);
	CHECK(vm_radix_is_empty(&rt) && rt.rt_height == 0);
	CHECK(vm_radix_node_count() == base, "%lu nodes left",
	    vm_radix_node_count() - base);
	CHECK(vm_radix_lookup_ge(&rt, 0) == NULL &&
	    vm_radix_lookup_le(&rt, PINDEX_MAX) == NULL);
	model_reset();
}

/* Take every free page; return them with pages_undrain. */
static struct pglist drained = TAILQ_HEAD_INITIALIZER(drained);

static void
pages_drain(void)
{
	vm_page_t m;

	while ((m = vm_page_alloc_noobj(VM_ALLOC_INTERRUPT)) != NULL)
		TAILQ_INSERT_TAIL(&drained, m, plinks.q);
}

static void
pages_undrain(void)
{
	vm_page_t m;

	while ((m = TAILQ_FIRST(&drained)) != NULL) {
		TAILQ_REMOVE(&drained, m, plinks.q);
		vm_page_free(m);
	}
}

/*
 * With no page for a node, insert says ENOMEM and leaves the trie as it
 * was: same keys, same nodes, still well formed.  Keys far apart need
 * up to 21 nodes each, so the zone's free items run out quickly.
 */
static void
radix_insert_without_memory_changes_nothing(void)
{
	struct vm_radix rt;
	u_long base = vm_radix_node_count(), nodes;
	int i, failures = 0, err;

	rng_state = 0xe0e0;
	vm_radix_init(&rt);
	model_reset();
	pages_drain();
	for (i = 0; i < 1000 && failures < 20; i++) {
		vm_page_t m = page_new(((vm_pindex_t)rng(1U << 31) << 33) ^
		    rng(1U << 30));

		nodes = vm_radix_node_count();
		err = vm_radix_insert(&rt, m);
		if (err == 0) {
			model_insert(m);
			continue;
		}
		CHECK(err == ENOMEM || model_lookup(m->pindex) != NULL,
		    "insert: %d", err);
		CHECK(vm_radix_node_count() == nodes, "a failed insert "
		    "kept %ld nodes", (long)(vm_radix_node_count() - nodes));
		CHECK(vm_radix_lookup(&rt, m->pindex) ==
		    model_lookup(m->pindex));
		free(m);
		failures++;
	}
	CHECK(failures > 0, "no insert failed with all pages taken");
	trie_matches_model(&rt);
	CHECK(vm_radix_node_count() - base == model_nodes());
	pages_undrain();
	vm_radix_reclaim_allnodes(&rt);
	model_reset();
	CHECK(vm_radix_node_count() == base);
}

/* What the nodes took from the page allocator adds up (vm_page_audit). */
static void
radix_leaves_the_page_counters_consistent(void)
{
	CHECK(vm_page_audit() == 0);
}

int
main(void)
{
	vmhost_boot(RAM_BYTES);
	vm_radix_zinit();

	TAP_RUN(radix_random_ops_match_a_model);
	TAP_RUN(radix_extreme_keys);
	TAP_RUN(radix_duplicate_insert_is_eexist);
	TAP_RUN(radix_reclaim_allnodes_frees_every_node);
	TAP_RUN(radix_insert_without_memory_changes_nothing);
	TAP_RUN(radix_leaves_the_page_counters_consistent);
	return (tap_exit_status());
}
