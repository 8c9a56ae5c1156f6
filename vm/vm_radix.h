/*
 * vm_radix.h - an object's page index: pages by pindex in a radix trie
 * (64-way nodes, as tall as the largest index needs), so lookup, insert
 * and remove cost O(log of the object size) and vm_page needs no links
 * of its own.  Nodes come from a uma zone.
 *
 * Locking: the owning object's lock.  Never sleeps; insert can fail for
 * lack of a node (returns ENOMEM, nothing changed).
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
int	vm_radix_insert(struct vm_radix *rtree, vm_page_t m);	/* key m->pindex */
vm_page_t vm_radix_lookup(struct vm_radix *rtree, vm_pindex_t index);
/* vm_radix_lookup_ge: the page with the least pindex >= index, or NULL. */
vm_page_t vm_radix_lookup_ge(struct vm_radix *rtree, vm_pindex_t index);
/* vm_radix_lookup_le: the page with the greatest pindex <= index. */
vm_page_t vm_radix_lookup_le(struct vm_radix *rtree, vm_pindex_t index);
vm_page_t vm_radix_remove(struct vm_radix *rtree, vm_pindex_t index);
/* vm_radix_reclaim_allnodes: free every node (pages untouched). */
void	vm_radix_reclaim_allnodes(struct vm_radix *rtree);

#endif /* !_VM_VM_RADIX_H_ */
