/*
 * queue.h - intrusive linked lists as macros: SLIST, STAILQ, LIST, TAILQ.
 *
 * "Intrusive" means the links live inside the elements: a structure that
 * wants to be on a list embeds an ENTRY field, and the list head holds
 * pointers to the first (and maybe last) element.  Nothing is allocated,
 * an element can be on several lists at once (one ENTRY field each), and
 * every macro works for any element type, because the element type and
 * the name of its ENTRY field are macro arguments.
 *
 *	struct proc {
 *		int			p_pid;
 *		TAILQ_ENTRY(proc)	p_runq;		links on the run queue
 *	};
 *	TAILQ_HEAD(procq, proc) runq = TAILQ_HEAD_INITIALIZER(runq);
 *
 *	TAILQ_INSERT_TAIL(&runq, p, p_runq);
 *	TAILQ_FOREACH(p, &runq, p_runq)
 *		printf("%d\n", p->p_pid);
 *
 * Four kinds, from cheapest to most capable:
 *
 *			SLIST	STAILQ	LIST	TAILQ
 *	links per elem	1	1	2	2
 *	head pointers	1	2	1	2
 *	insert at tail	-	O(1)	-	O(1)
 *	remove any elem	O(n)	O(n)	O(1)	O(1)
 *	walk backwards	-	-	-	yes
 *	concatenate	-	O(1)	-	O(1)
 *
 * The doubly linked kinds do not point back at the previous element but
 * at the pointer that points at this one (the previous element's next
 * field, or the head's first field).  That pointer is all removal needs,
 * and the first element needs no special case.
 *
 * Statement macros are wrapped in do { } while (0), so they behave as one
 * statement after an if.  Like all macros they may evaluate arguments
 * more than once: pass plain variables, not expressions with side
 * effects.  None of them checks that an element is (or is not) on the
 * list: inserting an element twice or removing one that is not there
 * corrupts the list.
 *
 * FOREACH visits every element; the loop body must not remove the
 * current element.  FOREACH_SAFE reads the next element before the body
 * runs, so the body may remove (or free) the current one.
 */
#ifndef _SYS_QUEUE_H_
#define _SYS_QUEUE_H_

#include <stddef.h>

/*
 * Singly linked list.  Removing an arbitrary element walks from the head,
 * so use it where elements come off the front (free lists, stacks).
 */
#define SLIST_HEAD(name, type)						\
struct name {								\
	struct type *slh_first;		/* first element or NULL */	\
}

#define SLIST_HEAD_INITIALIZER(head)	{ NULL }

#define SLIST_ENTRY(type)						\
struct {								\
	struct type *sle_next;		/* next element or NULL */	\
}

#define SLIST_FIRST(head)	((head)->slh_first)
#define SLIST_EMPTY(head)	(SLIST_FIRST(head) == NULL)
#define SLIST_NEXT(elm, field)	((elm)->field.sle_next)

#define SLIST_INIT(head) do {						\
	SLIST_FIRST(head) = NULL;					\
} while (0)

#define SLIST_INSERT_HEAD(head, elm, field) do {			\
	SLIST_NEXT(elm, field) = SLIST_FIRST(head);			\
	SLIST_FIRST(head) = (elm);					\
} while (0)

/* Insert elm after listelm, which is on the list. */
#define SLIST_INSERT_AFTER(listelm, elm, field) do {			\
	SLIST_NEXT(elm, field) = SLIST_NEXT(listelm, field);		\
	SLIST_NEXT(listelm, field) = (elm);				\
} while (0)

/* Remove the first element; the list must not be empty. */
#define SLIST_REMOVE_HEAD(head, field) do {				\
	SLIST_FIRST(head) = SLIST_NEXT(SLIST_FIRST(head), field);	\
} while (0)

/* Remove the element after elm; there must be one. */
#define SLIST_REMOVE_AFTER(elm, field) do {				\
	SLIST_NEXT(elm, field) =					\
	    SLIST_NEXT(SLIST_NEXT(elm, field), field);			\
} while (0)

/*
 * Remove elm, which must be on the list: walk the chain of next pointers
 * to the one that points at elm and make it skip elm.  O(n).  type is the
 * element's structure tag (proc for struct proc).
 */
#define SLIST_REMOVE(head, elm, type, field) do {			\
	struct type **slist_link_ = &SLIST_FIRST(head);			\
	while (*slist_link_ != (elm))					\
		slist_link_ = &SLIST_NEXT(*slist_link_, field);		\
	*slist_link_ = SLIST_NEXT(elm, field);				\
} while (0)

#define SLIST_FOREACH(var, head, field)					\
	for ((var) = SLIST_FIRST(head); (var) != NULL;			\
	    (var) = SLIST_NEXT(var, field))

/* tvar holds the next element while the body runs. */
#define SLIST_FOREACH_SAFE(var, head, field, tvar)			\
	for ((var) = SLIST_FIRST(head);					\
	    (var) != NULL && ((tvar) = SLIST_NEXT(var, field), 1);	\
	    (var) = (tvar))

/*
 * Singly linked tail queue: an SLIST whose head also remembers where the
 * last next pointer is (the last element's next field, or the head's
 * first field when empty), so elements can be appended in O(1).  A FIFO.
 */
#define STAILQ_HEAD(name, type)						\
struct name {								\
	struct type *stqh_first;	/* first element or NULL */	\
	struct type **stqh_last;	/* the NULL next pointer at the end */ \
}

#define STAILQ_HEAD_INITIALIZER(head)	{ NULL, &(head).stqh_first }

#define STAILQ_ENTRY(type)						\
struct {								\
	struct type *stqe_next;		/* next element or NULL */	\
}

#define STAILQ_FIRST(head)	((head)->stqh_first)
#define STAILQ_EMPTY(head)	(STAILQ_FIRST(head) == NULL)
#define STAILQ_NEXT(elm, field)	((elm)->field.stqe_next)

#define STAILQ_INIT(head) do {						\
	STAILQ_FIRST(head) = NULL;					\
	(head)->stqh_last = &STAILQ_FIRST(head);			\
} while (0)

#define STAILQ_INSERT_HEAD(head, elm, field) do {			\
	if ((STAILQ_NEXT(elm, field) = STAILQ_FIRST(head)) == NULL)	\
		(head)->stqh_last = &STAILQ_NEXT(elm, field);		\
	STAILQ_FIRST(head) = (elm);					\
} while (0)

#define STAILQ_INSERT_TAIL(head, elm, field) do {			\
	STAILQ_NEXT(elm, field) = NULL;					\
	*(head)->stqh_last = (elm);					\
	(head)->stqh_last = &STAILQ_NEXT(elm, field);			\
} while (0)

/* Insert elm after listelm, which is on the list. */
#define STAILQ_INSERT_AFTER(head, listelm, elm, field) do {		\
	if ((STAILQ_NEXT(elm, field) = STAILQ_NEXT(listelm, field)) == NULL) \
		(head)->stqh_last = &STAILQ_NEXT(elm, field);		\
	STAILQ_NEXT(listelm, field) = (elm);				\
} while (0)

/* Remove the first element; the list must not be empty. */
#define STAILQ_REMOVE_HEAD(head, field) do {				\
	if ((STAILQ_FIRST(head) =					\
	    STAILQ_NEXT(STAILQ_FIRST(head), field)) == NULL)		\
		(head)->stqh_last = &STAILQ_FIRST(head);		\
} while (0)

/* Remove the element after elm; there must be one. */
#define STAILQ_REMOVE_AFTER(head, elm, field) do {			\
	if ((STAILQ_NEXT(elm, field) =					\
	    STAILQ_NEXT(STAILQ_NEXT(elm, field), field)) == NULL)	\
		(head)->stqh_last = &STAILQ_NEXT(elm, field);		\
} while (0)

/* Remove elm, which must be on the list.  O(n), as SLIST_REMOVE. */
#define STAILQ_REMOVE(head, elm, type, field) do {			\
	struct type **stailq_link_ = &STAILQ_FIRST(head);		\
	while (*stailq_link_ != (elm))					\
		stailq_link_ = &STAILQ_NEXT(*stailq_link_, field);	\
	if ((*stailq_link_ = STAILQ_NEXT(elm, field)) == NULL)		\
		(head)->stqh_last = stailq_link_;			\
} while (0)

/* Move all elements of head2 to the end of head1, leaving head2 empty. */
#define STAILQ_CONCAT(head1, head2) do {				\
	if (!STAILQ_EMPTY(head2)) {					\
		*(head1)->stqh_last = STAILQ_FIRST(head2);		\
		(head1)->stqh_last = (head2)->stqh_last;		\
		STAILQ_INIT(head2);					\
	}								\
} while (0)

#define STAILQ_FOREACH(var, head, field)				\
	for ((var) = STAILQ_FIRST(head); (var) != NULL;			\
	    (var) = STAILQ_NEXT(var, field))

#define STAILQ_FOREACH_SAFE(var, head, field, tvar)			\
	for ((var) = STAILQ_FIRST(head);				\
	    (var) != NULL && ((tvar) = STAILQ_NEXT(var, field), 1);	\
	    (var) = (tvar))

/*
 * Doubly linked list: each element also knows the pointer that points at
 * it, so any element can be removed in O(1) without knowing the head.
 */
#define LIST_HEAD(name, type)						\
struct name {								\
	struct type *lh_first;		/* first element or NULL */	\
}

#define LIST_HEAD_INITIALIZER(head)	{ NULL }

#define LIST_ENTRY(type)						\
struct {								\
	struct type *le_next;		/* next element or NULL */	\
	struct type **le_prev;		/* the pointer pointing at us */ \
}

#define LIST_FIRST(head)	((head)->lh_first)
#define LIST_EMPTY(head)	(LIST_FIRST(head) == NULL)
#define LIST_NEXT(elm, field)	((elm)->field.le_next)

#define LIST_INIT(head) do {						\
	LIST_FIRST(head) = NULL;					\
} while (0)

#define LIST_INSERT_HEAD(head, elm, field) do {				\
	if ((LIST_NEXT(elm, field) = LIST_FIRST(head)) != NULL)		\
		LIST_FIRST(head)->field.le_prev = &LIST_NEXT(elm, field); \
	LIST_FIRST(head) = (elm);					\
	(elm)->field.le_prev = &LIST_FIRST(head);			\
} while (0)

/* Insert elm after listelm, which is on the list. */
#define LIST_INSERT_AFTER(listelm, elm, field) do {			\
	if ((LIST_NEXT(elm, field) = LIST_NEXT(listelm, field)) != NULL) \
		LIST_NEXT(elm, field)->field.le_prev =			\
		    &LIST_NEXT(elm, field);				\
	LIST_NEXT(listelm, field) = (elm);				\
	(elm)->field.le_prev = &LIST_NEXT(listelm, field);		\
} while (0)

/* Insert elm before listelm, which is on the list. */
#define LIST_INSERT_BEFORE(listelm, elm, field) do {			\
	(elm)->field.le_prev = (listelm)->field.le_prev;		\
	LIST_NEXT(elm, field) = (listelm);				\
	*(listelm)->field.le_prev = (elm);				\
	(listelm)->field.le_prev = &LIST_NEXT(elm, field);		\
} while (0)

/* Remove elm, which must be on a list.  O(1); the head is not needed. */
#define LIST_REMOVE(elm, field) do {					\
	if (LIST_NEXT(elm, field) != NULL)				\
		LIST_NEXT(elm, field)->field.le_prev =			\
		    (elm)->field.le_prev;				\
	*(elm)->field.le_prev = LIST_NEXT(elm, field);			\
} while (0)

#define LIST_FOREACH(var, head, field)					\
	for ((var) = LIST_FIRST(head); (var) != NULL;			\
	    (var) = LIST_NEXT(var, field))

#define LIST_FOREACH_SAFE(var, head, field, tvar)			\
	for ((var) = LIST_FIRST(head);					\
	    (var) != NULL && ((tvar) = LIST_NEXT(var, field), 1);	\
	    (var) = (tvar))

/*
 * Tail queue: a LIST whose head also remembers the last next pointer (as
 * STAILQ does), so it can append, concatenate and walk backwards.
 *
 * Walking backwards uses a layout trick.  TAILQ_HEAD and TAILQ_ENTRY have
 * the same shape: an element pointer followed by a pointer to an element
 * pointer.  Every back pointer (the head's tqh_last, an element's
 * tqe_prev) points at a next field, which is the first member of an entry
 * or of the head; read as a TAILQ_HEAD, that entry's second member is its
 * own back pointer, which points at the pointer to the element we want:
 *
 *	TAILQ_LAST: head.tqh_last == &last.tqe_next, read as a head:
 *	    ->tqh_last == last.tqe_prev, and *last.tqe_prev == last.
 *
 * (On an empty queue tqh_last points at the head itself, and the same
 * steps give tqh_first == NULL.)  That is why TAILQ_LAST, TAILQ_PREV and
 * TAILQ_FOREACH_REVERSE need headname, the structure tag of the head.
 */
#define TAILQ_HEAD(name, type)						\
struct name {								\
	struct type *tqh_first;		/* first element or NULL */	\
	struct type **tqh_last;		/* the NULL next pointer at the end */ \
}

#define TAILQ_HEAD_INITIALIZER(head)	{ NULL, &(head).tqh_first }

#define TAILQ_ENTRY(type)						\
struct {								\
	struct type *tqe_next;		/* next element or NULL */	\
	struct type **tqe_prev;		/* the pointer pointing at us */ \
}

#define TAILQ_FIRST(head)	((head)->tqh_first)
#define TAILQ_EMPTY(head)	(TAILQ_FIRST(head) == NULL)
#define TAILQ_NEXT(elm, field)	((elm)->field.tqe_next)

/* The last element, or NULL if the queue is empty. */
#define TAILQ_LAST(head, headname)					\
	(*((struct headname *)((head)->tqh_last))->tqh_last)

/* The element before elm, or NULL if elm is the first. */
#define TAILQ_PREV(elm, headname, field)				\
	(*((struct headname *)((elm)->field.tqe_prev))->tqh_last)

#define TAILQ_INIT(head) do {						\
	TAILQ_FIRST(head) = NULL;					\
	(head)->tqh_last = &TAILQ_FIRST(head);				\
} while (0)

#define TAILQ_INSERT_HEAD(head, elm, field) do {			\
	if ((TAILQ_NEXT(elm, field) = TAILQ_FIRST(head)) != NULL)	\
		TAILQ_FIRST(head)->field.tqe_prev =			\
		    &TAILQ_NEXT(elm, field);				\
	else								\
		(head)->tqh_last = &TAILQ_NEXT(elm, field);		\
	TAILQ_FIRST(head) = (elm);					\
	(elm)->field.tqe_prev = &TAILQ_FIRST(head);			\
} while (0)

#define TAILQ_INSERT_TAIL(head, elm, field) do {			\
	TAILQ_NEXT(elm, field) = NULL;					\
	(elm)->field.tqe_prev = (head)->tqh_last;			\
	*(head)->tqh_last = (elm);					\
	(head)->tqh_last = &TAILQ_NEXT(elm, field);			\
} while (0)

/* Insert elm after listelm, which is on the queue. */
#define TAILQ_INSERT_AFTER(head, listelm, elm, field) do {		\
	if ((TAILQ_NEXT(elm, field) = TAILQ_NEXT(listelm, field)) != NULL) \
		TAILQ_NEXT(elm, field)->field.tqe_prev =		\
		    &TAILQ_NEXT(elm, field);				\
	else								\
		(head)->tqh_last = &TAILQ_NEXT(elm, field);		\
	TAILQ_NEXT(listelm, field) = (elm);				\
	(elm)->field.tqe_prev = &TAILQ_NEXT(listelm, field);		\
} while (0)

/* Insert elm before listelm, which is on the queue. */
#define TAILQ_INSERT_BEFORE(listelm, elm, field) do {			\
	(elm)->field.tqe_prev = (listelm)->field.tqe_prev;		\
	TAILQ_NEXT(elm, field) = (listelm);				\
	*(listelm)->field.tqe_prev = (elm);				\
	(listelm)->field.tqe_prev = &TAILQ_NEXT(elm, field);		\
} while (0)

/* Remove elm, which must be on the queue.  O(1). */
#define TAILQ_REMOVE(head, elm, field) do {				\
	if (TAILQ_NEXT(elm, field) != NULL)				\
		TAILQ_NEXT(elm, field)->field.tqe_prev =		\
		    (elm)->field.tqe_prev;				\
	else								\
		(head)->tqh_last = (elm)->field.tqe_prev;		\
	*(elm)->field.tqe_prev = TAILQ_NEXT(elm, field);		\
} while (0)

/* Move all elements of head2 to the end of head1, leaving head2 empty. */
#define TAILQ_CONCAT(head1, head2, field) do {				\
	if (!TAILQ_EMPTY(head2)) {					\
		*(head1)->tqh_last = TAILQ_FIRST(head2);		\
		TAILQ_FIRST(head2)->field.tqe_prev = (head1)->tqh_last;	\
		(head1)->tqh_last = (head2)->tqh_last;			\
		TAILQ_INIT(head2);					\
	}								\
} while (0)

#define TAILQ_FOREACH(var, head, field)					\
	for ((var) = TAILQ_FIRST(head); (var) != NULL;			\
	    (var) = TAILQ_NEXT(var, field))

#define TAILQ_FOREACH_SAFE(var, head, field, tvar)			\
	for ((var) = TAILQ_FIRST(head);					\
	    (var) != NULL && ((tvar) = TAILQ_NEXT(var, field), 1);	\
	    (var) = (tvar))

/* Last to first. */
#define TAILQ_FOREACH_REVERSE(var, head, headname, field)		\
	for ((var) = TAILQ_LAST(head, headname); (var) != NULL;		\
	    (var) = TAILQ_PREV(var, headname, field))

#endif /* !_SYS_QUEUE_H_ */
