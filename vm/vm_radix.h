/*
 * vm_radix.h - an object's page index: pages by pindex in a radix trie
 * (64-way nodes, as tall as the largest index needs), so lookup, insert
 * and remove cost O(log of the object size) and vm_page needs no links
 * of its own.  Nodes come from a uma zone.
 *
 * Locking: the owning object's lock.  Never sleeps; insert can fail for
 * lack of a node (returns ENOMEM, nothing changed).  Node allocation
 * takes the node zone's lock under the object lock: object lock ->
 * "vm radix nodes" -> vm_free_mtx.
 *
 * Shape: a node at level l (leaves are level 0) indexes by bits
 * [6l, 6l+6) of the key; the root is at level rt_height, the least
 * height whose root covers the largest key present.  Nodes are freed as
 * soon as they become empty, and the root is dropped while only its
 * slot 0 is used, so the shape depends only on the set of keys.
 */
#ifndef _VM_VM_RADIX_H_
#define _VM_VM_RADIX_H_

#include <vm/vm.h>

struct vm_radix {
	void	*rt_root;	/* a node, or NULL when empty */
	int	rt_height;	/* levels of nodes under rt_root */
};

void	vm_radix_zinit(void);	/* boot: the node zone */
void	vm_radix_init(struct vm_radix *rtree);
bool	vm_radix_is_empty(const struct vm_radix *rtree);
/*
 * vm_radix_insert: add `m` under key m->pindex.  Returns 0, ENOMEM (no
 * node) or EEXIST (the key is taken); on failure nothing changed.
 */
int	vm_radix_insert(struct vm_radix *rtree, vm_page_t m);
vm_page_t vm_radix_lookup(struct vm_radix *rtree, vm_pindex_t index);
/* vm_radix_lookup_ge: the page with the least pindex >= index, or NULL. */
vm_page_t vm_radix_lookup_ge(struct vm_radix *rtree, vm_pindex_t index);
/* vm_radix_lookup_le: the page with the greatest pindex <= index. */
vm_page_t vm_radix_lookup_le(struct vm_radix *rtree, vm_pindex_t index);
vm_page_t vm_radix_remove(struct vm_radix *rtree, vm_pindex_t index);
/*
 * vm_radix_replace: put `newpage` where the page with key
 * newpage->pindex is (there must be one) and return that page.  Never
 * allocates, never fails.
 */
vm_page_t vm_radix_replace(struct vm_radix *rtree, vm_page_t newpage);
/* vm_radix_reclaim_allnodes: free every node (pages untouched). */
void	vm_radix_reclaim_allnodes(struct vm_radix *rtree);

/*
 * vm_radix_check: verify the trie's shape (each node's occupancy map
 * matches its slots, no empty node, the root as low as its keys allow).
 * Prints problems; returns how many.  *npages (if not NULL) gets the
 * number of pages found.
 */
int	vm_radix_check(const struct vm_radix *rtree, u_long *npages);

/* vm_radix_node_count: nodes allocated in all tries (for tests). */
u_long	vm_radix_node_count(void);

#endif /* !_VM_VM_RADIX_H_ */
