/*
 * tree.h - intrusive red-black trees, generated per element type by macros.
 *
 * A red-black tree is a binary search tree kept balanced by colouring
 * every node red or black and keeping these rules:
 *
 *	1. the root is black;
 *	2. a red node has no red child;
 *	3. every path from a node down to a missing child (NULL) passes
 *	   the same number of black nodes, the node's black-height.
 *
 * So the longest path is at most twice the shortest and the height is at
 * most 2 log2(n + 1): insert, remove, find and step are all O(log n).
 *
 * As with <sys/queue.h> the links live in the elements (an RB_ENTRY
 * field) and nothing is allocated.  The code is generated once per tree
 * type, because it must call the type's compare function:
 *
 *	struct seg {
 *		RB_ENTRY(seg)	s_link;
 *		uintptr_t	s_start;
 *	};
 *	static int
 *	seg_cmp(struct seg *a, struct seg *b)
 *	{
 *		return (a->s_start < b->s_start ? -1 : a->s_start > b->s_start);
 *	}
 *	RB_HEAD(segtree, seg);
 *	RB_PROTOTYPE(segtree, seg, s_link, seg_cmp)	(in a header)
 *	RB_GENERATE(segtree, seg, s_link, seg_cmp)	(in one .c file)
 *
 *	struct segtree segs = RB_HEAD_INITIALIZER(segs);
 *	RB_INSERT(segtree, &segs, s);
 *	RB_FOREACH(s, segtree, &segs)
 *		...
 *
 * cmp(a, b) returns <0, 0 or >0 as a sorts before, equal to or after b.
 * Keys are unique: RB_INSERT refuses an element equal to one in the tree.
 * RB_FIND and RB_NFIND take an element too, usually a stack variable with
 * only the key filled in.  RB_PROTOTYPE_STATIC and RB_GENERATE_STATIC
 * (or RB_GENERATE_AUGMENT_STATIC) make the functions static to one file.
 * The generators end in a function, so write no semicolon after them.
 *
 * Augmentation.  A tree can keep in every node a summary of its subtree
 * (a size, a sum, the VM map's largest free gap) and still be O(log n):
 * RB_GENERATE_AUGMENT(name, type, field, cmp, augment) calls augment(elm)
 * on every node whose subtree changed, children before parents, after
 * each insert, remove and rotation.  augment(elm) must recompute elm's
 * summary from elm itself and the summaries of its (at most two)
 * children, which are already up to date.  A change to a node's own data
 * that feeds the summary (but not its key) must be followed by
 * RB_UPDATE_AUGMENT(name, elm), which recomputes elm and its ancestors.
 *
 * RB_CHECK(name, head) verifies the whole tree (rules 1-3, the search
 * order, parent pointers) and returns the black-height of the root, or
 * -1 if anything is wrong.  It visits every node: for tests and
 * assertions, not for normal use.
 */
#ifndef _SYS_TREE_H_
#define _SYS_TREE_H_

#include <stddef.h>
#include <sys/cdefs.h>

#define RB_BLACK	0
#define RB_RED		1

#define RB_HEAD(name, type)						\
struct name {								\
	struct type *rbh_root;		/* root element or NULL */	\
}

#define RB_HEAD_INITIALIZER(root)	{ NULL }

/*
 * rbe_child[0] is the left child, rbe_child[1] the right one.  Indexing
 * by a direction lets one piece of code handle a case and its mirror
 * image: dir is the side we work on, !dir the other side.
 */
#define RB_ENTRY(type)							\
struct {								\
	struct type *rbe_child[2];	/* left, right; NULL if none */	\
	struct type *rbe_parent;	/* NULL for the root */		\
	int rbe_color;			/* RB_BLACK or RB_RED */	\
}

#define RB_ROOT(head)			((head)->rbh_root)
#define RB_EMPTY(head)			(RB_ROOT(head) == NULL)
#define RB_INIT(head) do {						\
	RB_ROOT(head) = NULL;						\
} while (0)

#define RB_CHILD(elm, field, dir)	((elm)->field.rbe_child[dir])
#define RB_LEFT(elm, field)		RB_CHILD(elm, field, 0)
#define RB_RIGHT(elm, field)		RB_CHILD(elm, field, 1)
#define RB_PARENT(elm, field)		((elm)->field.rbe_parent)
#define RB_COLOR(elm, field)		((elm)->field.rbe_color)
/* Missing children (NULL) count as black. */
#define RB_IS_RED(elm, field)						\
	((elm) != NULL && RB_COLOR(elm, field) == RB_RED)

/* Operations; head is the tree, elm an element (or a key, for finds). */
#define RB_INSERT(name, head, elm)	name##_RB_INSERT(head, elm)
#define RB_REMOVE(name, head, elm)	name##_RB_REMOVE(head, elm)
#define RB_FIND(name, head, elm)	name##_RB_FIND(head, elm)
#define RB_NFIND(name, head, elm)	name##_RB_NFIND(head, elm)
#define RB_MIN(name, head)		name##_RB_MIN(head)
#define RB_MAX(name, head)		name##_RB_MAX(head)
/* head is not needed to step; it is an argument for symmetry. */
#define RB_NEXT(name, head, elm)	name##_RB_NEXT(elm)
#define RB_PREV(name, head, elm)	name##_RB_PREV(elm)
#define RB_UPDATE_AUGMENT(name, elm)	name##_RB_UPDATE_AUGMENT(elm)
#define RB_CHECK(name, head)		name##_RB_CHECK(head)

#define RB_FOREACH(var, name, head)					\
	for ((var) = RB_MIN(name, head); (var) != NULL;			\
	    (var) = RB_NEXT(name, head, var))

/* tvar holds the next element, so the body may remove var. */
#define RB_FOREACH_SAFE(var, name, head, tvar)				\
	for ((var) = RB_MIN(name, head);				\
	    (var) != NULL && ((tvar) = RB_NEXT(name, head, var), 1);	\
	    (var) = (tvar))

#define RB_FOREACH_REVERSE(var, name, head)				\
	for ((var) = RB_MAX(name, head); (var) != NULL;			\
	    (var) = RB_PREV(name, head, var))

#define RB_FOREACH_REVERSE_SAFE(var, name, head, tvar)			\
	for ((var) = RB_MAX(name, head);				\
	    (var) != NULL && ((tvar) = RB_PREV(name, head, var), 1);	\
	    (var) = (tvar))

/*
 * Declarations of the generated functions:
 *
 *	INSERT	insert elm; NULL, or the element equal to elm already there
 *		(then elm is not inserted)
 *	REMOVE	remove elm, which must be in the tree; returns elm
 *	FIND	the element equal to elm, or NULL
 *	NFIND	the least element >= elm, or NULL
 *	MIN	the least element, or NULL if the tree is empty
 *	MAX	the greatest element, or NULL if the tree is empty
 *	NEXT	the element after elm, or NULL
 *	PREV	the element before elm, or NULL
 *	UPDATE_AUGMENT, CHECK: see the top of this file
 */
#define RB_PROTOTYPE(name, type, field, cmp)				\
	RB_PROTOTYPE_INTERNAL(name, type, )
#define RB_PROTOTYPE_STATIC(name, type, field, cmp)			\
	RB_PROTOTYPE_INTERNAL(name, type, __unused static)
#define RB_PROTOTYPE_INTERNAL(name, type, attr)				\
attr struct type *name##_RB_INSERT(struct name *, struct type *);	\
attr struct type *name##_RB_REMOVE(struct name *, struct type *);	\
attr struct type *name##_RB_FIND(struct name *, struct type *);		\
attr struct type *name##_RB_NFIND(struct name *, struct type *);	\
attr struct type *name##_RB_MIN(struct name *);				\
attr struct type *name##_RB_MAX(struct name *);				\
attr struct type *name##_RB_NEXT(struct type *);			\
attr struct type *name##_RB_PREV(struct type *);			\
attr void name##_RB_UPDATE_AUGMENT(struct type *);			\
attr int name##_RB_CHECK(struct name *);

/* augment for trees without one. */
#define RB_AUGMENT_NONE(elm)	((void)0)

#define RB_GENERATE(name, type, field, cmp)				\
	RB_GENERATE_INTERNAL(name, type, field, cmp, RB_AUGMENT_NONE, )
#define RB_GENERATE_STATIC(name, type, field, cmp)			\
	RB_GENERATE_INTERNAL(name, type, field, cmp, RB_AUGMENT_NONE,	\
	    __unused static)
#define RB_GENERATE_AUGMENT(name, type, field, cmp, augment)		\
	RB_GENERATE_INTERNAL(name, type, field, cmp, augment, )
#define RB_GENERATE_AUGMENT_STATIC(name, type, field, cmp, augment)	\
	RB_GENERATE_INTERNAL(name, type, field, cmp, augment, __unused static)

/*
 * The generated code.  Local variable names must not be one of the macro
 * parameters (name, type, field, cmp, augment, attr).
 */
#define RB_GENERATE_INTERNAL(name, type, field, cmp, augment, attr)	\
RB_PROTOTYPE_INTERNAL(name, type, attr)					\
									\
/* Put new (maybe NULL) where old is under old's parent. */		\
static void								\
name##_RB_REPLACE(struct name *head, struct type *old, struct type *new) \
{									\
	struct type *parent = RB_PARENT(old, field);			\
									\
	if (new != NULL)						\
		RB_PARENT(new, field) = parent;				\
	if (parent == NULL)						\
		RB_ROOT(head) = new;					\
	else if (RB_LEFT(parent, field) == old)				\
		RB_LEFT(parent, field) = new;				\
	else								\
		RB_RIGHT(parent, field) = new;				\
}									\
									\
/*									\
 * Rotate elm down to side dir; its child on the other side takes its	\
 * place, and that child's inner subtree moves across to elm:		\
 *									\
 *	      elm		     child		(dir = left)	\
 *	     /   \		     /   \				\
 *	    a   child	  ->	   elm    c				\
 *		/   \		  /   \					\
 *	       b     c		 a     b				\
 *									\
 * The order is unchanged.  Only elm's and child's subtrees changed, so	\
 * only they are re-augmented, elm first as it is now below child.	\
 */									\
static void								\
name##_RB_ROTATE(struct name *head, struct type *elm, int dir)		\
{									\
	struct type *child = RB_CHILD(elm, field, !dir);		\
	struct type *inner = RB_CHILD(child, field, dir);		\
									\
	RB_CHILD(elm, field, !dir) = inner;				\
	if (inner != NULL)						\
		RB_PARENT(inner, field) = elm;				\
	name##_RB_REPLACE(head, elm, child);				\
	RB_CHILD(child, field, dir) = elm;				\
	RB_PARENT(elm, field) = child;					\
	augment(elm);							\
	augment(child);							\
}									\
									\
attr void								\
name##_RB_UPDATE_AUGMENT(struct type *elm)				\
{									\
	for (; elm != NULL; elm = RB_PARENT(elm, field))		\
		augment(elm);						\
}									\
									\
/*									\
 * elm was just linked in as a red leaf, so only rule 2 can be broken,	\
 * by a red parent.  Either recolour and move the problem two levels up	\
 * (red uncle), or fix it for good with one or two rotations.		\
 */									\
static void								\
name##_RB_INSERT_FIXUP(struct name *head, struct type *elm)		\
{									\
	struct type *parent, *gparent, *uncle;				\
	int dir;							\
									\
	while ((parent = RB_PARENT(elm, field)) != NULL &&		\
	    RB_COLOR(parent, field) == RB_RED) {			\
		/* A red node is not the root: gparent exists. */	\
		gparent = RB_PARENT(parent, field);			\
		dir = (parent == RB_RIGHT(gparent, field));		\
		uncle = RB_CHILD(gparent, field, !dir);			\
		if (RB_IS_RED(uncle, field)) {				\
			/* Push gparent's black down to both children. */ \
			RB_COLOR(parent, field) = RB_BLACK;		\
			RB_COLOR(uncle, field) = RB_BLACK;		\
			RB_COLOR(gparent, field) = RB_RED;		\
			elm = gparent;					\
			continue;					\
		}							\
		if (elm == RB_CHILD(parent, field, !dir)) {		\
			/* Inner grandchild: rotate it to the outside. */ \
			name##_RB_ROTATE(head, parent, dir);		\
			elm = parent;					\
			parent = RB_PARENT(elm, field);			\
		}							\
		/* parent goes up, black, with two red children. */	\
		RB_COLOR(parent, field) = RB_BLACK;			\
		RB_COLOR(gparent, field) = RB_RED;			\
		name##_RB_ROTATE(head, gparent, !dir);			\
	}								\
	RB_COLOR(RB_ROOT(head), field) = RB_BLACK;			\
}									\
									\
attr struct type *							\
name##_RB_INSERT(struct name *head, struct type *elm)			\
{									\
	struct type *parent = NULL, **link = &RB_ROOT(head);		\
	int diff;							\
									\
	while (*link != NULL) {						\
		parent = *link;						\
		diff = cmp(elm, parent);				\
		if (diff == 0)						\
			return (parent);				\
		link = &RB_CHILD(parent, field, diff > 0);		\
	}								\
	RB_LEFT(elm, field) = NULL;					\
	RB_RIGHT(elm, field) = NULL;					\
	RB_PARENT(elm, field) = parent;					\
	RB_COLOR(elm, field) = RB_RED;					\
	*link = elm;							\
	name##_RB_UPDATE_AUGMENT(elm);					\
	name##_RB_INSERT_FIXUP(head, elm);				\
	return (NULL);							\
}									\
									\
/*									\
 * A black node was unlinked, so the subtree at elm (maybe NULL), the	\
 * child of parent, has one black too few.  A red elm just turns black.	\
 * Otherwise look at elm's sibling: make it black (one rotation), then	\
 * either make it red and move the shortage up to parent, or borrow a	\
 * red node from the sibling's side with one or two rotations.		\
 */									\
static void								\
name##_RB_REMOVE_FIXUP(struct name *head, struct type *parent,		\
    struct type *elm)							\
{									\
	struct type *sibling;						\
	int dir;							\
									\
	while (elm != RB_ROOT(head) && !RB_IS_RED(elm, field)) {	\
		/*							\
		 * The sibling side is a black deeper, so it is not	\
		 * NULL; when elm is NULL the test still works.		\
		 */							\
		dir = (elm == RB_RIGHT(parent, field));			\
		sibling = RB_CHILD(parent, field, !dir);		\
		if (RB_COLOR(sibling, field) == RB_RED) {		\
			RB_COLOR(sibling, field) = RB_BLACK;		\
			RB_COLOR(parent, field) = RB_RED;		\
			name##_RB_ROTATE(head, parent, dir);		\
			sibling = RB_CHILD(parent, field, !dir);	\
		}							\
		if (!RB_IS_RED(RB_LEFT(sibling, field), field) &&	\
		    !RB_IS_RED(RB_RIGHT(sibling, field), field)) {	\
			RB_COLOR(sibling, field) = RB_RED;		\
			elm = parent;					\
			parent = RB_PARENT(elm, field);			\
			continue;					\
		}							\
		if (!RB_IS_RED(RB_CHILD(sibling, field, !dir), field)) { \
			/* Only the inner nephew is red: turn it outer. */ \
			RB_COLOR(RB_CHILD(sibling, field, dir), field) = \
			    RB_BLACK;					\
			RB_COLOR(sibling, field) = RB_RED;		\
			name##_RB_ROTATE(head, sibling, !dir);		\
			sibling = RB_CHILD(parent, field, !dir);	\
		}							\
		/* The outer nephew is red: rotate parent down to elm. */ \
		RB_COLOR(sibling, field) = RB_COLOR(parent, field);	\
		RB_COLOR(parent, field) = RB_BLACK;			\
		RB_COLOR(RB_CHILD(sibling, field, !dir), field) = RB_BLACK; \
		name##_RB_ROTATE(head, parent, dir);			\
		return;							\
	}								\
	if (elm != NULL)						\
		RB_COLOR(elm, field) = RB_BLACK;			\
}									\
									\
attr struct type *							\
name##_RB_REMOVE(struct name *head, struct type *elm)			\
{									\
	struct type *child, *parent, *next;				\
	int color;							\
									\
	if (RB_LEFT(elm, field) == NULL || RB_RIGHT(elm, field) == NULL) { \
		/* At most one child: it takes elm's place. */		\
		child = RB_LEFT(elm, field) != NULL ?			\
		    RB_LEFT(elm, field) : RB_RIGHT(elm, field);		\
		parent = RB_PARENT(elm, field);				\
		color = RB_COLOR(elm, field);				\
		name##_RB_REPLACE(head, elm, child);			\
	} else {							\
		/*							\
		 * Two children: elm's successor, the least node on its	\
		 * right, has no left child.  It leaves its own spot to	\
		 * its right child and takes elm's place and colour.	\
		 */							\
		next = RB_RIGHT(elm, field);				\
		while (RB_LEFT(next, field) != NULL)			\
			next = RB_LEFT(next, field);			\
		child = RB_RIGHT(next, field);				\
		color = RB_COLOR(next, field);				\
		if (RB_PARENT(next, field) == elm) {			\
			parent = next;					\
		} else {						\
			parent = RB_PARENT(next, field);		\
			name##_RB_REPLACE(head, next, child);		\
			RB_RIGHT(next, field) = RB_RIGHT(elm, field);	\
			RB_PARENT(RB_RIGHT(next, field), field) = next;	\
		}							\
		name##_RB_REPLACE(head, elm, next);			\
		RB_LEFT(next, field) = RB_LEFT(elm, field);		\
		RB_PARENT(RB_LEFT(next, field), field) = next;		\
		RB_COLOR(next, field) = RB_COLOR(elm, field);		\
	}								\
	/* parent is the lowest node whose subtree lost a node. */	\
	name##_RB_UPDATE_AUGMENT(parent);				\
	if (color == RB_BLACK)						\
		name##_RB_REMOVE_FIXUP(head, parent, child);		\
	return (elm);							\
}									\
									\
attr struct type *							\
name##_RB_FIND(struct name *head, struct type *elm)			\
{									\
	struct type *node = RB_ROOT(head);				\
	int diff;							\
									\
	while (node != NULL) {						\
		diff = cmp(elm, node);					\
		if (diff == 0)						\
			return (node);					\
		node = RB_CHILD(node, field, diff > 0);			\
	}								\
	return (NULL);							\
}									\
									\
attr struct type *							\
name##_RB_NFIND(struct name *head, struct type *elm)			\
{									\
	struct type *node = RB_ROOT(head), *least_above = NULL;		\
	int diff;							\
									\
	while (node != NULL) {						\
		diff = cmp(elm, node);					\
		if (diff == 0)						\
			return (node);					\
		if (diff < 0)						\
			least_above = node;				\
		node = RB_CHILD(node, field, diff > 0);			\
	}								\
	return (least_above);						\
}									\
									\
/* The last node on the way down from elm (not NULL) towards dir. */	\
static struct type *							\
name##_RB_FARTHEST(struct type *elm, int dir)				\
{									\
	while (RB_CHILD(elm, field, dir) != NULL)			\
		elm = RB_CHILD(elm, field, dir);			\
	return (elm);							\
}									\
									\
attr struct type *							\
name##_RB_MIN(struct name *head)					\
{									\
	if (RB_ROOT(head) == NULL)					\
		return (NULL);						\
	return (name##_RB_FARTHEST(RB_ROOT(head), 0));			\
}									\
									\
attr struct type *							\
name##_RB_MAX(struct name *head)					\
{									\
	if (RB_ROOT(head) == NULL)					\
		return (NULL);						\
	return (name##_RB_FARTHEST(RB_ROOT(head), 1));			\
}									\
									\
/*									\
 * The neighbour of elm on side dir (1: next, 0: previous): the nearest	\
 * node of elm's subtree on that side, or else the first ancestor that	\
 * we reach coming up from its other side.				\
 */									\
static struct type *							\
name##_RB_STEP(struct type *elm, int dir)				\
{									\
	struct type *parent;						\
									\
	if (RB_CHILD(elm, field, dir) != NULL)				\
		return (name##_RB_FARTHEST(RB_CHILD(elm, field, dir), !dir)); \
	while ((parent = RB_PARENT(elm, field)) != NULL &&		\
	    elm == RB_CHILD(parent, field, dir))			\
		elm = parent;						\
	return (parent);						\
}									\
									\
attr struct type *							\
name##_RB_NEXT(struct type *elm)					\
{									\
	return (name##_RB_STEP(elm, 1));				\
}									\
									\
attr struct type *							\
name##_RB_PREV(struct type *elm)					\
{									\
	return (name##_RB_STEP(elm, 0));				\
}									\
									\
/*									\
 * Check the subtree at elm, whose parent must be parent and whose	\
 * elements must lie strictly between low and high (NULL: unbounded).	\
 * Returns its black-height, or -1.					\
 */									\
static int								\
name##_RB_CHECK_SUBTREE(struct type *elm, struct type *parent,		\
    struct type *low, struct type *high)				\
{									\
	int left_height, right_height;					\
									\
	if (elm == NULL)						\
		return (0);						\
	if (RB_PARENT(elm, field) != parent)				\
		return (-1);						\
	if (RB_COLOR(elm, field) != RB_BLACK &&				\
	    RB_COLOR(elm, field) != RB_RED)				\
		return (-1);						\
	if (RB_COLOR(elm, field) == RB_RED &&				\
	    (RB_IS_RED(RB_LEFT(elm, field), field) ||			\
	    RB_IS_RED(RB_RIGHT(elm, field), field)))			\
		return (-1);						\
	if ((low != NULL && cmp(low, elm) >= 0) ||			\
	    (high != NULL && cmp(elm, high) >= 0))			\
		return (-1);						\
	left_height = name##_RB_CHECK_SUBTREE(RB_LEFT(elm, field), elm,	\
	    low, elm);							\
	right_height = name##_RB_CHECK_SUBTREE(RB_RIGHT(elm, field), elm, \
	    elm, high);							\
	if (left_height < 0 || left_height != right_height)		\
		return (-1);						\
	return (left_height + (RB_COLOR(elm, field) == RB_BLACK));	\
}									\
									\
attr int								\
name##_RB_CHECK(struct name *head)					\
{									\
	if (RB_IS_RED(RB_ROOT(head), field))				\
		return (-1);						\
	return (name##_RB_CHECK_SUBTREE(RB_ROOT(head), NULL, NULL, NULL)); \
}

#endif /* !_SYS_TREE_H_ */
