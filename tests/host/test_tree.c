/*
 * test_tree.c - host tests for <sys/tree.h>.
 *
 * Most tests use an augmented tree whose nodes keep the largest value and
 * the sum of the values in their subtree (as the VM map keeps its largest
 * free gap).  After every operation the tests check the tree with
 * RB_CHECK, compare its contents with a sorted array, and recompute every
 * node's summary from scratch.  A plain (static, unaugmented) tree is
 * tested too, and so is RB_CHECK itself: damage must be detected.
 */
#include <stdint.h>
#include <string.h>
#include <sys/tree.h>

#include "rng.h"
#include "tap.h"

#define NKEYS	512

struct node {
	RB_ENTRY(node)	link;
	int		key;
	int		value;		/* the data being summarized */
	int		subtree_max;	/* largest value in the subtree */
	long		subtree_sum;	/* sum of the values in the subtree */
};

RB_HEAD(nodetree, node);

static int
node_cmp(struct node *a, struct node *b)
{
	return (a->key < b->key ? -1 : a->key > b->key);
}

/* Calls to node_augment(), for the cost test. */
static unsigned long augment_calls;

static void
node_augment(struct node *n)
{
	struct node *child;
	int dir;

	augment_calls++;
	n->subtree_max = n->value;
	n->subtree_sum = n->value;
	for (dir = 0; dir < 2; dir++) {
		if ((child = RB_CHILD(n, link, dir)) == NULL)
			continue;
		if (child->subtree_max > n->subtree_max)
			n->subtree_max = child->subtree_max;
		n->subtree_sum += child->subtree_sum;
	}
}

/* The way a subsystem would: prototypes in a header, code in one file. */
RB_PROTOTYPE(nodetree, node, link, node_cmp)
RB_GENERATE_AUGMENT(nodetree, node, link, node_cmp, node_augment)

/* nodes[k] has key k; on_tree[k] says whether it is in the tree. */
static struct node nodes[NKEYS];
static bool on_tree[NKEYS];


static void
reset_nodes(uint32_t seed)
{
	int k;

	memset(nodes, 0, sizeof(nodes));
	memset(on_tree, 0, sizeof(on_tree));
	rng_state = seed;
	for (k = 0; k < NKEYS; k++) {
		nodes[k].key = k;
		nodes[k].value = (int)rng(2000) - 1000;
	}
}

static int
height(struct node *n)
{
	int left, right;

	if (n == NULL)
		return (0);
	left = height(RB_LEFT(n, link));
	right = height(RB_RIGHT(n, link));
	return (1 + (left > right ? left : right));
}

/*
 * Recompute the summary of n's subtree into *max and *sum; false if a
 * node's stored summary differs from the recomputed one.
 */
static bool
summary_ok(struct node *n, int *max, long *sum)
{
	int child_max;
	long child_sum;
	bool ok = true;
	int dir;

	*max = n->value;
	*sum = n->value;
	for (dir = 0; dir < 2; dir++) {
		if (RB_CHILD(n, link, dir) == NULL)
			continue;
		if (!summary_ok(RB_CHILD(n, link, dir), &child_max,
		    &child_sum))
			ok = false;
		if (child_max > *max)
			*max = child_max;
		*sum += child_sum;
	}
	return (ok && n->subtree_max == *max && n->subtree_sum == *sum);
}

/*
 * Check everything about t: the red-black rules, that it holds exactly
 * the keys marked in on_tree (in order, both ways), and every summary.
 * what names the step for the failure message.  false if anything failed.
 */
static bool
tree_ok(struct nodetree *t, const char *what)
{
	struct node *n, *expect;
	int k, max;
	long sum;

	if (!CHECK(RB_CHECK(nodetree, t) >= 0, "%s: RB_CHECK failed", what))
		return (false);
	/* Forwards: expect each key marked on_tree, ascending. */
	k = -1;
	RB_FOREACH(n, nodetree, t) {
		while (++k < NKEYS && !on_tree[k])
			continue;
		expect = k < NKEYS ? &nodes[k] : NULL;
		if (!CHECK(n == expect, "%s: forward walk found key %d, "
		    "want %d", what, n->key, k))
			return (false);
	}
	while (++k < NKEYS && !on_tree[k])
		continue;
	if (!CHECK(k == NKEYS, "%s: key %d missing", what, k))
		return (false);
	/* Backwards. */
	RB_FOREACH_REVERSE(n, nodetree, t) {
		while (--k >= 0 && !on_tree[k])
			continue;
		expect = k >= 0 ? &nodes[k] : NULL;
		if (!CHECK(n == expect, "%s: backward walk found key %d, "
		    "want %d", what, n->key, k))
			return (false);
	}
	while (--k >= 0 && !on_tree[k])
		continue;
	if (!CHECK(k < 0, "%s: backward walk missed key %d", what, k))
		return (false);
	if (RB_EMPTY(t))
		return (true);
	return (CHECK(summary_ok(RB_ROOT(t), &max, &sum),
	    "%s: a subtree summary is stale", what));
}

/* The random test's reference: the keys in the tree, sorted. */
static struct {
	int	keys[NKEYS];
	int	count;
} sorted;

/* Index of the first element >= key. */
static int
sorted_search(int key)
{
	int low = 0, high = sorted.count, mid;

	while (low < high) {
		mid = (low + high) / 2;
		if (sorted.keys[mid] < key)
			low = mid + 1;
		else
			high = mid;
	}
	return (low);
}

static void
sorted_insert(int key)
{
	int i = sorted_search(key);

	memmove(&sorted.keys[i + 1], &sorted.keys[i],
	    (sorted.count - i) * sizeof(sorted.keys[0]));
	sorted.keys[i] = key;
	sorted.count++;
}

static void
sorted_remove(int key)
{
	int i = sorted_search(key);

	sorted.count--;
	memmove(&sorted.keys[i], &sorted.keys[i + 1],
	    (sorted.count - i) * sizeof(sorted.keys[0]));
}

/* The tree in order must equal the sorted array. */
static bool
tree_matches_sorted(struct nodetree *t, const char *what)
{
	struct node *n;
	int i = 0;

	RB_FOREACH(n, nodetree, t) {
		if (!CHECK(i < sorted.count && n->key == sorted.keys[i],
		    "%s: element %d is %d, want %d", what, i, n->key,
		    i < sorted.count ? sorted.keys[i] : -1))
			return (false);
		i++;
	}
	return (CHECK(i == sorted.count, "%s: %d elements, want %d", what,
	    i, sorted.count));
}

static void
tree_empty(void)
{
	struct nodetree t = RB_HEAD_INITIALIZER(t);
	struct node key = { .key = 1 }, *n;
	int visits = 0;

	CHECK(RB_EMPTY(&t), "initialized tree not empty");
	CHECK(RB_ROOT(&t) == NULL, "empty tree has a root");
	CHECK(RB_MIN(nodetree, &t) == NULL, "empty tree has a min");
	CHECK(RB_MAX(nodetree, &t) == NULL, "empty tree has a max");
	CHECK(RB_FIND(nodetree, &t, &key) == NULL, "found in empty tree");
	CHECK(RB_NFIND(nodetree, &t, &key) == NULL, "nfound in empty tree");
	CHECK(RB_CHECK(nodetree, &t) == 0, "empty tree: RB_CHECK %d",
	    RB_CHECK(nodetree, &t));
	RB_FOREACH(n, nodetree, &t)
		visits++;
	RB_FOREACH_REVERSE(n, nodetree, &t)
		visits++;
	CHECK(visits == 0, "walks of an empty tree visited %d", visits);
	RB_INIT(&t);
	CHECK(RB_EMPTY(&t), "RB_INIT tree not empty");
}

static void
tree_single(void)
{
	struct nodetree t;

	reset_nodes(1);
	RB_INIT(&t);
	CHECK(RB_INSERT(nodetree, &t, &nodes[7]) == NULL, "insert failed");
	on_tree[7] = true;
	tree_ok(&t, "one node");
	CHECK(RB_ROOT(&t) == &nodes[7], "the node is not the root");
	CHECK(RB_CHECK(nodetree, &t) == 1, "black-height %d, want 1",
	    RB_CHECK(nodetree, &t));
	CHECK(RB_MIN(nodetree, &t) == &nodes[7] &&
	    RB_MAX(nodetree, &t) == &nodes[7], "min/max is not the node");
	CHECK(RB_NEXT(nodetree, &t, &nodes[7]) == NULL, "next of the only");
	CHECK(RB_PREV(nodetree, &t, &nodes[7]) == NULL, "prev of the only");
	CHECK(RB_REMOVE(nodetree, &t, &nodes[7]) == &nodes[7],
	    "remove returned another node");
	on_tree[7] = false;
	CHECK(RB_EMPTY(&t), "tree not empty after removing its node");
	tree_ok(&t, "emptied");
}

/*
 * Ascending and descending inserts make a plain binary tree a list; a
 * red-black tree must stay within 2 log2(n + 1) levels.
 */
static void
tree_sequential(void)
{
	struct nodetree t;
	int k, levels, limit, pass;

	for (pass = 0; pass < 2; pass++) {
		reset_nodes(2);
		RB_INIT(&t);
		for (k = 0; k < NKEYS; k++) {
			int key = pass == 0 ? k : NKEYS - 1 - k;

			RB_INSERT(nodetree, &t, &nodes[key]);
			on_tree[key] = true;
			if (!tree_ok(&t, pass == 0 ? "ascending insert" :
			    "descending insert"))
				return;
		}
		/* 2 log2(NKEYS + 1), NKEYS = 512. */
		limit = 2 * 9;
		levels = height(RB_ROOT(&t));
		CHECK(levels <= limit, "%d levels for %d keys", levels, NKEYS);
		/* Remove from the low end, always the minimum. */
		for (k = 0; k < NKEYS; k++) {
			CHECK(RB_MIN(nodetree, &t) == &nodes[k],
			    "min is not key %d", k);
			RB_REMOVE(nodetree, &t, &nodes[k]);
			on_tree[k] = false;
			if (!tree_ok(&t, "remove min"))
				return;
		}
		CHECK(RB_EMPTY(&t), "tree not empty after removing all");
	}
}

static void
tree_duplicate_insert(void)
{
	struct nodetree t;
	struct node twin;

	reset_nodes(3);
	RB_INIT(&t);
	RB_INSERT(nodetree, &t, &nodes[1]);
	RB_INSERT(nodetree, &t, &nodes[5]);
	RB_INSERT(nodetree, &t, &nodes[9]);
	on_tree[1] = on_tree[5] = on_tree[9] = true;
	twin = nodes[5];
	CHECK(RB_INSERT(nodetree, &t, &twin) == &nodes[5],
	    "duplicate insert did not return the node already there");
	CHECK(RB_FIND(nodetree, &t, &twin) == &nodes[5],
	    "duplicate replaced the original");
	tree_ok(&t, "after duplicate insert");
}

/*
 * Random inserts and removes, checked against the sorted array after
 * every step.  It grows the tree, churns, then shrinks it to nothing.
 */
static void
tree_random_insert_remove(void)
{
	struct nodetree t;
	struct node *n, *next;
	int step, key, insert_percent;
	char what[64];

	reset_nodes(4);
	sorted.count = 0;
	RB_INIT(&t);
	for (step = 0; step < 30000; step++) {
		insert_percent = step < 10000 ? 75 : step < 20000 ? 50 : 25;
		key = rng(NKEYS);
		snprintf(what, sizeof(what), "step %d key %d", step, key);
		if ((int)rng(100) < insert_percent) {
			n = RB_INSERT(nodetree, &t, &nodes[key]);
			if (!CHECK(n == (on_tree[key] ? &nodes[key] : NULL),
			    "%s: insert returned %p", what, (void *)n))
				return;
			if (!on_tree[key]) {
				on_tree[key] = true;
				sorted_insert(key);
			}
		} else if (on_tree[key]) {
			RB_REMOVE(nodetree, &t, &nodes[key]);
			on_tree[key] = false;
			sorted_remove(key);
		}
		n = RB_FIND(nodetree, &t, &nodes[key]);
		if (!CHECK(n == (on_tree[key] ? &nodes[key] : NULL),
		    "%s: find returned %p", what, (void *)n))
			return;
		if (!tree_ok(&t, what) || !tree_matches_sorted(&t, what))
			return;
	}
	RB_FOREACH_SAFE(n, nodetree, &t, next) {
		RB_REMOVE(nodetree, &t, n);
		on_tree[n->key] = false;
		sorted_remove(n->key);
	}
	CHECK(RB_EMPTY(&t), "not empty after removing every node");
	tree_matches_sorted(&t, "after removing every node");
}

/* Keys 0, 2, 4, ...: every odd key falls between two in the tree. */
static void
tree_find_nfind(void)
{
	struct nodetree t;
	struct node key, *found, *want;
	int k;

	reset_nodes(5);
	RB_INIT(&t);
	for (k = 0; k < NKEYS; k += 2) {
		RB_INSERT(nodetree, &t, &nodes[k]);
		on_tree[k] = true;
	}
	tree_ok(&t, "even keys");
	for (k = -3; k < NKEYS + 3; k++) {
		key.key = k;
		found = RB_FIND(nodetree, &t, &key);
		want = k >= 0 && k < NKEYS && k % 2 == 0 ? &nodes[k] : NULL;
		CHECK(found == want, "find %d gave key %d", k,
		    found != NULL ? found->key : -1);
		/* Least key >= k. */
		found = RB_NFIND(nodetree, &t, &key);
		if (k <= 0)
			want = &nodes[0];
		else if (k > NKEYS - 2)
			want = NULL;
		else
			want = &nodes[k + k % 2];
		CHECK(found == want, "nfind %d gave key %d", k,
		    found != NULL ? found->key : -1);
	}
}

static void
tree_iterate_both_ways(void)
{
	struct nodetree t;
	struct node *n, *prev, *next;
	int count, k;

	reset_nodes(6);
	RB_INIT(&t);
	for (k = 0; k < 100; k++)
		RB_INSERT(nodetree, &t, &nodes[rng(NKEYS)]);
	count = 0;
	prev = NULL;
	RB_FOREACH(n, nodetree, &t) {
		CHECK(prev == NULL || prev->key < n->key,
		    "forward: %d after %d", n->key, prev->key);
		CHECK(RB_PREV(nodetree, &t, n) == prev,
		    "RB_PREV of %d is not the element before it", n->key);
		prev = n;
		count++;
	}
	CHECK(prev == RB_MAX(nodetree, &t), "forward walk ended before max");
	CHECK(RB_NEXT(nodetree, &t, prev) == NULL, "max has a next");
	next = NULL;
	RB_FOREACH_REVERSE(n, nodetree, &t) {
		CHECK(next == NULL || n->key < next->key,
		    "backward: %d after %d", n->key, next->key);
		CHECK(RB_NEXT(nodetree, &t, n) == next,
		    "RB_NEXT of %d is not the element after it", n->key);
		next = n;
		count--;
	}
	CHECK(count == 0, "the walks disagree on the size by %d", count);
	CHECK(next == RB_MIN(nodetree, &t), "backward walk ended before min");
	CHECK(RB_PREV(nodetree, &t, next) == NULL, "min has a prev");
}

/* The _SAFE walks may remove (and trash) the element they are on. */
static void
tree_foreach_safe_remove(void)
{
	struct nodetree t;
	struct node *n, *tmp;
	int k;

	reset_nodes(7);
	RB_INIT(&t);
	for (k = 0; k < 200; k++) {
		RB_INSERT(nodetree, &t, &nodes[k]);
		on_tree[k] = true;
	}
	RB_FOREACH_SAFE(n, nodetree, &t, tmp) {
		if (n->key % 3 != 0)
			continue;
		on_tree[n->key] = false;
		RB_REMOVE(nodetree, &t, n);
		memset(n, 0xa5, sizeof(*n));
	}
	if (!tree_ok(&t, "forward removal"))
		return;
	RB_FOREACH_REVERSE_SAFE(n, nodetree, &t, tmp) {
		if (n->key % 3 != 1)
			continue;
		on_tree[n->key] = false;
		RB_REMOVE(nodetree, &t, n);
		memset(n, 0xa5, sizeof(*n));
	}
	tree_ok(&t, "backward removal");
}

/* A node's own value changes in place: RB_UPDATE_AUGMENT fixes the path. */
static void
tree_augment_update(void)
{
	struct nodetree t;
	int step, k;
	char what[64];

	reset_nodes(8);
	RB_INIT(&t);
	for (k = 0; k < NKEYS; k++) {
		RB_INSERT(nodetree, &t, &nodes[k]);
		on_tree[k] = true;
	}
	for (step = 0; step < 2000; step++) {
		k = rng(NKEYS);
		nodes[k].value = (int)rng(4000) - 2000;
		RB_UPDATE_AUGMENT(nodetree, &nodes[k]);
		snprintf(what, sizeof(what), "update %d of key %d", step, k);
		if (!tree_ok(&t, what))
			return;
	}
}

/*
 * Augmentation must stay O(log n).  An insert re-augments the new node's
 * path to the root (at most the old height + 1 nodes) and two nodes per
 * rotation, at most two rotations; a remove re-augments a path no longer
 * than the old height, and does at most three rotations.
 */
static void
tree_augment_cost(void)
{
	struct nodetree t;
	unsigned long limit;
	int step, key, old_height;

	reset_nodes(9);
	RB_INIT(&t);
	for (step = 0; step < 20000; step++) {
		key = rng(NKEYS);
		old_height = height(RB_ROOT(&t));
		augment_calls = 0;
		if (on_tree[key]) {
			RB_REMOVE(nodetree, &t, &nodes[key]);
			limit = old_height + 3 * 2;
		} else {
			RB_INSERT(nodetree, &t, &nodes[key]);
			limit = old_height + 1 + 2 * 2;
		}
		on_tree[key] = !on_tree[key];
		if (!CHECK(augment_calls <= limit, "step %d (%s key %d): "
		    "%lu augment calls, at most %lu expected", step,
		    on_tree[key] ? "insert" : "remove", key, augment_calls,
		    limit))
			return;
	}
	tree_ok(&t, "after the cost run");
}

/* A plain tree: RB_GENERATE_STATIC, no augmentation, entry not first. */
struct item {
	int		key;
	RB_ENTRY(item)	entry;
};

RB_HEAD(itemtree, item);

static int
item_cmp(struct item *a, struct item *b)
{
	return (a->key < b->key ? -1 : a->key > b->key);
}

RB_GENERATE_STATIC(itemtree, item, entry, item_cmp)

static void
tree_plain_static(void)
{
	struct itemtree t = RB_HEAD_INITIALIZER(t);
	static struct item items[300];
	bool present[300] = { false };
	struct item *it;
	int step, k, count;

	for (k = 0; k < 300; k++)
		items[k].key = k;
	rng_state = 11;
	for (step = 0; step < 5000; step++) {
		k = rng(300);
		if (present[k])
			RB_REMOVE(itemtree, &t, &items[k]);
		else
			RB_INSERT(itemtree, &t, &items[k]);
		present[k] = !present[k];
		if (!CHECK(RB_CHECK(itemtree, &t) >= 0, "step %d: RB_CHECK "
		    "failed", step))
			return;
		CHECK(RB_FIND(itemtree, &t, &items[k]) ==
		    (present[k] ? &items[k] : NULL), "step %d: find %d", step,
		    k);
	}
	count = 0;
	k = -1;
	RB_FOREACH(it, itemtree, &t) {
		do
			k++;
		while (k < 300 && !present[k]);
		if (!CHECK(k < 300 && it == &items[k], "walk found %d, want %d",
		    it->key, k))
			return;
		count++;
	}
	for (k = 0; k < 300; k++)
		count -= present[k];
	CHECK(count == 0, "tree and array sizes differ by %d", count);
}

/* RB_CHECK must notice a wrong colour, parent pointer or order. */
static void
tree_check_detects_damage(void)
{
	struct nodetree t;
	struct node *n, *next, *parent;
	int k, color, key;

	reset_nodes(10);
	RB_INIT(&t);
	for (k = 0; k < 100; k++)
		RB_INSERT(nodetree, &t, &nodes[rng(NKEYS)]);
	if (!CHECK(RB_CHECK(nodetree, &t) > 0, "intact tree fails RB_CHECK"))
		return;
	RB_FOREACH(n, nodetree, &t) {
		/* Any one recolouring breaks rule 1, 2 or 3. */
		color = RB_COLOR(n, link);
		RB_COLOR(n, link) = color == RB_RED ? RB_BLACK : RB_RED;
		CHECK(RB_CHECK(nodetree, &t) == -1, "recolouring key %d "
		    "not detected", n->key);
		RB_COLOR(n, link) = 7;
		CHECK(RB_CHECK(nodetree, &t) == -1, "colour 7 on key %d "
		    "not detected", n->key);
		RB_COLOR(n, link) = color;

		parent = RB_PARENT(n, link);
		RB_PARENT(n, link) = n;
		CHECK(RB_CHECK(nodetree, &t) == -1, "wrong parent of key %d "
		    "not detected", n->key);
		RB_PARENT(n, link) = parent;

		/* Swapping neighbours' keys puts them out of order. */
		if ((next = RB_NEXT(nodetree, &t, n)) != NULL) {
			key = n->key;
			n->key = next->key;
			next->key = key;
			CHECK(RB_CHECK(nodetree, &t) == -1, "keys %d and %d "
			    "swapped, not detected", n->key, next->key);
			next->key = n->key;
			n->key = key;
		}
	}
	CHECK(RB_CHECK(nodetree, &t) > 0, "repaired tree fails RB_CHECK");
}

int
main(void)
{
	TAP_RUN(tree_empty);
	TAP_RUN(tree_single);
	TAP_RUN(tree_sequential);
	TAP_RUN(tree_duplicate_insert);
	TAP_RUN(tree_random_insert_remove);
	TAP_RUN(tree_find_nfind);
	TAP_RUN(tree_iterate_both_ways);
	TAP_RUN(tree_foreach_safe_remove);
	TAP_RUN(tree_augment_update);
	TAP_RUN(tree_augment_cost);
	TAP_RUN(tree_plain_static);
	TAP_RUN(tree_check_detects_damage);
	return (tap_exit_status());
}
