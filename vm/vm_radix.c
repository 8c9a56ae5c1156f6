/*
 * vm_radix.c - an object's page index: a radix trie keyed by pindex
 * (see vm/vm_radix.h).
 *
 * Every node has 64 slots and a 64-bit occupancy map (bit i set: slot i
 * holds something).  A node at level l > 0 holds nodes of level l - 1;
 * a node at level 0 (a leaf) holds pages.  Slot i of a node at level l
 * covers the keys whose bits [6l, 6l+6) are i, so the path of a key is
 * fixed by its bits: there is no path compression and no key is stored.
 * The root sits at level rt_height, the least level whose node covers
 * the largest key present (11 levels reach 2^64 - 1).
 *
 * Insert counts the nodes it will need, takes them all from the zone,
 * and only then changes the trie, so a shortage leaves it as it was.
 * Remove frees every node it empties and lowers the root while only
 * its slot 0 is in use.  The occupancy map makes "next key >= i" a
 * count of trailing zeros instead of a scan of 64 slots.
 *
 * Locking: the owning object's lock (callers assert it); the node zone
 * takes its own lock inside.  Nothing sleeps.
 */
#include <kernel/systm.h>
#include <sys/errno.h>
#include <vm/vm.h>
#include <vm/vm_page.h>
#include <vm/vm_kern.h>
#include <vm/vm_radix.h>
#include <vm/uma.h>

#define VM_RADIX_WIDTH	6
#define VM_RADIX_COUNT	(1 << VM_RADIX_WIDTH)
#define VM_RADIX_MASK	(VM_RADIX_COUNT - 1)
/* The highest level a root can need: 11 levels of 6 bits cover 64. */
#define VM_RADIX_MAXLEVEL \
	((64 + VM_RADIX_WIDTH - 1) / VM_RADIX_WIDTH - 1)

CTASSERT(VM_RADIX_COUNT == 64);	/* the occupancy map is a uint64_t */

struct vm_radix_node {
	uint64_t	rn_popmap;		/* bit i: rn_child[i] != NULL */
	void		*rn_child[VM_RADIX_COUNT];
};

static uma_zone_t vm_radix_zone;

void
vm_radix_zinit(void)
{
	if (vm_radix_zone != NULL)
		return;
	vm_radix_zone = uma_zcreate("vm radix nodes",
	    sizeof(struct vm_radix_node), 0);
	if (vm_radix_zone == NULL)
		panic("vm_radix_zinit: no zone");
}

u_long
vm_radix_node_count(void)
{
	return (vm_radix_zone == NULL ? 0 : uma_zone_inuse(vm_radix_zone));
}

/* The slot of `index` in a node at `level`. */
static inline int
vm_radix_slot(vm_pindex_t index, int level)
{
	return ((int)(index >> (level * VM_RADIX_WIDTH)) & VM_RADIX_MASK);
}

/* Whether a root at `level` covers key `index`. */
static inline bool
vm_radix_covers(int level, vm_pindex_t index)
{
	return (level >= VM_RADIX_MAXLEVEL ||
	    (index >> ((level + 1) * VM_RADIX_WIDTH)) == 0);
}

/* The least root level that covers `index`. */
static int
vm_radix_height_for(vm_pindex_t index)
{
	int level;

	for (level = 0; !vm_radix_covers(level, index); level++)
		;
	return (level);
}

/* Occupancy bits of slots >= s, and of slots <= s. */
static inline uint64_t
vm_radix_mask_ge(int s)
{
	return (~(uint64_t)0 << s);
}

static inline uint64_t
vm_radix_mask_le(int s)
{
	return (s == VM_RADIX_MASK ? ~(uint64_t)0 :
	    ((uint64_t)1 << (s + 1)) - 1);
}

static inline int
vm_radix_lowest(uint64_t bits)
{
	return (__builtin_ctzll(bits));
}

static inline int
vm_radix_highest(uint64_t bits)
{
	return (63 - __builtin_clzll(bits));
}

static inline void
vm_radix_node_set(struct vm_radix_node *node, int s, void *child)
{
	node->rn_child[s] = child;
	node->rn_popmap |= (uint64_t)1 << s;
}

static inline void
vm_radix_node_clear(struct vm_radix_node *node, int s)
{
	node->rn_child[s] = NULL;
	node->rn_popmap &= ~((uint64_t)1 << s);
}

void
vm_radix_init(struct vm_radix *rtree)
{
	rtree->rt_root = NULL;
	rtree->rt_height = 0;
}

bool
vm_radix_is_empty(const struct vm_radix *rtree)
{
	return (rtree->rt_root == NULL);
}

vm_page_t
vm_radix_lookup(struct vm_radix *rtree, vm_pindex_t index)
{
	struct vm_radix_node *node = rtree->rt_root;
	int level;

	if (node == NULL || !vm_radix_covers(rtree->rt_height, index))
		return (NULL);
	for (level = rtree->rt_height; level > 0; level--) {
		node = node->rn_child[vm_radix_slot(index, level)];
		if (node == NULL)
			return (NULL);
	}
	return (node->rn_child[vm_radix_slot(index, 0)]);
}

/*
 * vm_radix_replace: see vm_radix.h.  The leaf's slot changes in place:
 * no node is allocated or freed, so it cannot fail.
 */
vm_page_t
vm_radix_replace(struct vm_radix *rtree, vm_page_t newpage)
{
	struct vm_radix_node *node = rtree->rt_root;
	vm_pindex_t index = newpage->pindex;
	vm_page_t old;
	int level;

	KASSERT(node != NULL && vm_radix_covers(rtree->rt_height, index),
	    ("vm_radix_replace: no page at %#llx", (unsigned long long)index));
	for (level = rtree->rt_height; level > 0; level--) {
		node = node->rn_child[vm_radix_slot(index, level)];
		KASSERT(node != NULL, ("vm_radix_replace: no page at %#llx",
		    (unsigned long long)index));
	}
	old = node->rn_child[vm_radix_slot(index, 0)];
	KASSERT(old != NULL, ("vm_radix_replace: no page at %#llx",
	    (unsigned long long)index));
	node->rn_child[vm_radix_slot(index, 0)] = newpage;
	return (old);
}

/*
 * How many nodes inserting `index` needs; *heightp gets the root level
 * afterwards.  The key must not be present.
 */
static int
vm_radix_nodes_needed(const struct vm_radix *rtree, vm_pindex_t index,
    int *heightp)
{
	struct vm_radix_node *node = rtree->rt_root;
	int h, level;

	if (node == NULL) {
		/* A root at the key's height, then one node a level below. */
		*heightp = h = vm_radix_height_for(index);
		return (h + 1);
	}
	if (!vm_radix_covers(rtree->rt_height, index)) {
		/*
		 * New roots up to the key's height; the key's slot in the
		 * top one is not 0 (that is where the old root goes), so
		 * its whole path below is new.
		 */
		*heightp = h = vm_radix_height_for(index);
		return (h - rtree->rt_height + h);
	}
	*heightp = rtree->rt_height;
	for (level = rtree->rt_height; level > 0; level--) {
		node = node->rn_child[vm_radix_slot(index, level)];
		if (node == NULL)
			return (level);
	}
	return (0);
}

int
vm_radix_insert(struct vm_radix *rtree, vm_page_t m)
{
	struct vm_radix_node *pool[2 * (VM_RADIX_MAXLEVEL + 1)], *node, *n;
	vm_pindex_t index = m->pindex;
	int height, level, need, npool, s;

	if (vm_radix_lookup(rtree, index) != NULL)
		return (EEXIST);
	need = vm_radix_nodes_needed(rtree, index, &height);
	KASSERT(need <= (int)(sizeof(pool) / sizeof(pool[0])),
	    ("vm_radix_insert: %d nodes", need));
	for (npool = 0; npool < need; npool++) {
		pool[npool] = uma_zalloc(vm_radix_zone, M_NOWAIT | M_ZERO);
		if (pool[npool] == NULL) {
			while (npool-- > 0)
				uma_zfree(vm_radix_zone, pool[npool]);
			return (ENOMEM);
		}
	}

	if (rtree->rt_root == NULL) {
		rtree->rt_root = pool[--npool];
		rtree->rt_height = height;
	}
	while (rtree->rt_height < height) {
		n = pool[--npool];
		vm_radix_node_set(n, 0, rtree->rt_root);
		rtree->rt_root = n;
		rtree->rt_height++;
	}
	node = rtree->rt_root;
	for (level = rtree->rt_height; level > 0; level--) {
		s = vm_radix_slot(index, level);
		if (node->rn_child[s] == NULL)
			vm_radix_node_set(node, s, pool[--npool]);
		node = node->rn_child[s];
	}
	KASSERT(npool == 0, ("vm_radix_insert: %d nodes left over", npool));
	vm_radix_node_set(node, vm_radix_slot(index, 0), m);
	return (0);
}

/* Drop roots that only use slot 0: the trie is as low as its keys. */
static void
vm_radix_shrink(struct vm_radix *rtree)
{
	struct vm_radix_node *root;

	while (rtree->rt_height > 0 &&
	    (root = rtree->rt_root)->rn_popmap == 1) {
		rtree->rt_root = root->rn_child[0];
		rtree->rt_height--;
		uma_zfree(vm_radix_zone, root);
	}
}

vm_page_t
vm_radix_remove(struct vm_radix *rtree, vm_pindex_t index)
{
	struct vm_radix_node *path[VM_RADIX_MAXLEVEL + 1], *node;
	vm_page_t m;
	int level;

	node = rtree->rt_root;
	if (node == NULL || !vm_radix_covers(rtree->rt_height, index))
		return (NULL);
	for (level = rtree->rt_height; level > 0; level--) {
		path[level] = node;
		node = node->rn_child[vm_radix_slot(index, level)];
		if (node == NULL)
			return (NULL);
	}
	path[0] = node;
	m = node->rn_child[vm_radix_slot(index, 0)];
	if (m == NULL)
		return (NULL);

	/* Clear the slot, then free each node it leaves empty. */
	level = 0;
	vm_radix_node_clear(path[0], vm_radix_slot(index, 0));
	while (path[level]->rn_popmap == 0) {
		uma_zfree(vm_radix_zone, path[level]);
		if (level == rtree->rt_height) {
			vm_radix_init(rtree);
			return (m);
		}
		level++;
		vm_radix_node_clear(path[level], vm_radix_slot(index, level));
	}
	vm_radix_shrink(rtree);
	return (m);
}

/* The page with the least key in the subtree `node` at `level`. */
static vm_page_t
vm_radix_leftmost(struct vm_radix_node *node, int level)
{
	for (; level > 0; level--)
		node = node->rn_child[vm_radix_lowest(node->rn_popmap)];
	return (node->rn_child[vm_radix_lowest(node->rn_popmap)]);
}

/* The page with the greatest key in the subtree `node` at `level`. */
static vm_page_t
vm_radix_rightmost(struct vm_radix_node *node, int level)
{
	for (; level > 0; level--)
		node = node->rn_child[vm_radix_highest(node->rn_popmap)];
	return (node->rn_child[vm_radix_highest(node->rn_popmap)]);
}

/*
 * The least key >= index in the subtree `node` at `level`, whose keys
 * share index's bits above the level.  Recursion depth: the height.
 */
static vm_page_t
vm_radix_ge(struct vm_radix_node *node, int level, vm_pindex_t index)
{
	vm_page_t m;
	uint64_t bits;
	int s = vm_radix_slot(index, level);

	if (level == 0) {
		bits = node->rn_popmap & vm_radix_mask_ge(s);
		return (bits == 0 ? NULL : node->rn_child[vm_radix_lowest(bits)]);
	}
	if (node->rn_child[s] != NULL &&
	    (m = vm_radix_ge(node->rn_child[s], level - 1, index)) != NULL)
		return (m);
	bits = s == VM_RADIX_MASK ? 0 :
	    node->rn_popmap & vm_radix_mask_ge(s + 1);
	if (bits == 0)
		return (NULL);
	return (vm_radix_leftmost(node->rn_child[vm_radix_lowest(bits)],
	    level - 1));
}

/* The greatest key <= index in the subtree, as vm_radix_ge. */
static vm_page_t
vm_radix_le(struct vm_radix_node *node, int level, vm_pindex_t index)
{
	vm_page_t m;
	uint64_t bits;
	int s = vm_radix_slot(index, level);

	if (level == 0) {
		bits = node->rn_popmap & vm_radix_mask_le(s);
		return (bits == 0 ? NULL :
		    node->rn_child[vm_radix_highest(bits)]);
	}
	if (node->rn_child[s] != NULL &&
	    (m = vm_radix_le(node->rn_child[s], level - 1, index)) != NULL)
		return (m);
	bits = s == 0 ? 0 : node->rn_popmap & vm_radix_mask_le(s - 1);
	if (bits == 0)
		return (NULL);
	return (vm_radix_rightmost(node->rn_child[vm_radix_highest(bits)],
	    level - 1));
}

vm_page_t
vm_radix_lookup_ge(struct vm_radix *rtree, vm_pindex_t index)
{
	if (rtree->rt_root == NULL ||
	    !vm_radix_covers(rtree->rt_height, index))
		return (NULL);
	return (vm_radix_ge(rtree->rt_root, rtree->rt_height, index));
}

vm_page_t
vm_radix_lookup_le(struct vm_radix *rtree, vm_pindex_t index)
{
	if (rtree->rt_root == NULL)
		return (NULL);
	if (!vm_radix_covers(rtree->rt_height, index))
		return (vm_radix_rightmost(rtree->rt_root, rtree->rt_height));
	return (vm_radix_le(rtree->rt_root, rtree->rt_height, index));
}

/* Free `node` at `level` and every node under it. */
static void
vm_radix_free_subtree(struct vm_radix_node *node, int level)
{
	uint64_t bits;
	int s;

	if (level > 0)
		for (bits = node->rn_popmap; bits != 0; bits &= bits - 1) {
			s = vm_radix_lowest(bits);
			vm_radix_free_subtree(node->rn_child[s], level - 1);
		}
	uma_zfree(vm_radix_zone, node);
}

void
vm_radix_reclaim_allnodes(struct vm_radix *rtree)
{
	if (rtree->rt_root != NULL)
		vm_radix_free_subtree(rtree->rt_root, rtree->rt_height);
	vm_radix_init(rtree);
}

/*
 * Check the subtree `node` at `level` whose keys start with `prefix`
 * (bits above the level); count its pages into *npages.
 */
static int
vm_radix_check_node(const struct vm_radix_node *node, int level,
    vm_pindex_t prefix, u_long *npages)
{
	vm_pindex_t key;
	int bad = 0, s;
	bool set;

	if (node->rn_popmap == 0) {
		printf("vm_radix: empty node %p at level %d, prefix %#llx\n",
		    node, level, (unsigned long long)prefix);
		bad++;
	}
	for (s = 0; s < VM_RADIX_COUNT; s++) {
		set = (node->rn_popmap & ((uint64_t)1 << s)) != 0;
		if (set != (node->rn_child[s] != NULL)) {
			printf("vm_radix: node %p level %d slot %d: map says "
			    "%d\n", node, level, s, set);
			bad++;
			continue;
		}
		if (!set)
			continue;
		key = prefix | ((vm_pindex_t)s << (level * VM_RADIX_WIDTH));
		if (level > 0) {
			bad += vm_radix_check_node(node->rn_child[s],
			    level - 1, key, npages);
			continue;
		}
		(*npages)++;
		if (((vm_page_t)node->rn_child[s])->pindex != key) {
			printf("vm_radix: page %p under key %#llx has pindex "
			    "%#llx\n", node->rn_child[s],
			    (unsigned long long)key, (unsigned long long)
			    ((vm_page_t)node->rn_child[s])->pindex);
			bad++;
		}
	}
	return (bad);
}

int
vm_radix_check(const struct vm_radix *rtree, u_long *npages)
{
	const struct vm_radix_node *root = rtree->rt_root;
	u_long n = 0;
	int bad = 0;

	if (root != NULL) {
		if (rtree->rt_height < 0 ||
		    rtree->rt_height > VM_RADIX_MAXLEVEL) {
			printf("vm_radix: height %d\n", rtree->rt_height);
			return (1);
		}
		bad += vm_radix_check_node(root, rtree->rt_height, 0, &n);
		if (rtree->rt_height > 0 && root->rn_popmap == 1) {
			printf("vm_radix: root at level %d uses only slot "
			    "0\n", rtree->rt_height);
			bad++;
		}
	} else if (rtree->rt_height != 0) {
		printf("vm_radix: empty with height %d\n", rtree->rt_height);
		bad++;
	}
	if (npages != NULL)
		*npages = n;
	return (bad);
}
