/*
 * test_queue.c - host tests for <sys/queue.h>.
 *
 * Each list kind gets its operations tried at the head, in the middle and
 * at the tail, with the order checked after every step.  Then all four
 * kinds run a long random sequence in lockstep, compared after every
 * operation with an array that holds what they should contain.
 *
 * The order of a list is checked as a string of keys ("3 0 1"), which
 * makes failures easy to read.  The walkers also check the links that
 * the forward walk does not use (back pointers, the tail pointer, the
 * backward walk of a TAILQ) and append " !links" if one is wrong.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/queue.h>

#include "rng.h"
#include "tap.h"

#define NELEMS	64

struct elem {
	int			key;
	SLIST_ENTRY(elem)	sl;
	STAILQ_ENTRY(elem)	stq;
	LIST_ENTRY(elem)	le;
	TAILQ_ENTRY(elem)	tq;
};

SLIST_HEAD(slist, elem);
STAILQ_HEAD(stailq, elem);
LIST_HEAD(list, elem);
TAILQ_HEAD(tailq, elem);

/* The elements every test uses; elems[i].key == i. */
static struct elem elems[NELEMS];
#define E(i)	(&elems[i])

static void
reset_elems(void)
{
	int i;

	memset(elems, 0, sizeof(elems));
	for (i = 0; i < NELEMS; i++)
		elems[i].key = i;
}

/* Builds the order string of one walk; see order_add(). */
static struct {
	char	buf[NELEMS * 4 + 32];
	int	count;
	bool	bad_links;
} order;

static void
order_start(void)
{
	order.buf[0] = '\0';
	order.count = 0;
	order.bad_links = false;
}

/* Append a key.  false stops the walk: a cycle would never end. */
static bool
order_add(int key)
{
	size_t len = strlen(order.buf);

	if (order.count++ == NELEMS) {
		strcat(order.buf, " ...");
		return (false);
	}
	snprintf(order.buf + len, sizeof(order.buf) - len, "%s%d",
	    len == 0 ? "" : " ", key);
	return (true);
}

static const char *
order_end(void)
{
	if (order.bad_links)
		strcat(order.buf, " !links");
	return (order.buf);
}

static const char *
slist_order(struct slist *head)
{
	struct elem *e;

	order_start();
	SLIST_FOREACH(e, head, sl)
		if (!order_add(e->key))
			break;
	return (order_end());
}

static const char *
stailq_order(struct stailq *head)
{
	struct elem *e;
	struct elem **last_next = &STAILQ_FIRST(head);

	order_start();
	STAILQ_FOREACH(e, head, stq) {
		if (!order_add(e->key))
			return (order_end());
		last_next = &STAILQ_NEXT(e, stq);
	}
	if (head->stqh_last != last_next)
		order.bad_links = true;
	return (order_end());
}

static const char *
list_order(struct list *head)
{
	struct elem *e;
	struct elem **prev_next = &LIST_FIRST(head);

	order_start();
	LIST_FOREACH(e, head, le) {
		if (!order_add(e->key))
			break;
		if (e->le.le_prev != prev_next)
			order.bad_links = true;
		prev_next = &LIST_NEXT(e, le);
	}
	return (order_end());
}

static const char *
tailq_order(struct tailq *head)
{
	struct elem *e, *seen[NELEMS];
	struct elem **prev_next = &TAILQ_FIRST(head);
	int n = 0;

	order_start();
	TAILQ_FOREACH(e, head, tq) {
		if (!order_add(e->key))
			return (order_end());
		if (e->tq.tqe_prev != prev_next)
			order.bad_links = true;
		prev_next = &TAILQ_NEXT(e, tq);
		seen[n++] = e;
	}
	if (head->tqh_last != prev_next)
		order.bad_links = true;
	/* Backwards (TAILQ_LAST, TAILQ_PREV) must meet the same elements. */
	TAILQ_FOREACH_REVERSE(e, head, tailq, tq)
		if (n == 0 || e != seen[--n]) {
			order.bad_links = true;
			break;
		}
	if (n != 0)
		order.bad_links = true;
	return (order_end());
}

/* CHECK_ORDER(walk, want): the order string walk must be want. */
#define CHECK_ORDER(got, want)						\
	check_order(__FILE__, __LINE__, #got " == " #want, (got), (want))

static bool
check_order(const char *file, int line, const char *what, const char *got,
    const char *want)
{
	if (strcmp(got, want) == 0)
		return (true);
	return (tap_fail(file, line, what, "got \"%s\", want \"%s\"", got,
	    want));
}

static void
slist_operations(void)
{
	static struct slist head = SLIST_HEAD_INITIALIZER(head);

	reset_elems();
	CHECK(SLIST_EMPTY(&head), "initialized list not empty");
	CHECK(SLIST_FIRST(&head) == NULL, "empty list has a first");
	SLIST_INSERT_HEAD(&head, E(2), sl);
	SLIST_INSERT_HEAD(&head, E(1), sl);
	SLIST_INSERT_HEAD(&head, E(0), sl);
	CHECK_ORDER(slist_order(&head), "0 1 2");
	CHECK(!SLIST_EMPTY(&head), "list with elements is empty");
	CHECK(SLIST_FIRST(&head) == E(0), "wrong first");
	CHECK(SLIST_NEXT(E(0), sl) == E(1), "wrong next");
	CHECK(SLIST_NEXT(E(2), sl) == NULL, "last has a next");
	SLIST_INSERT_AFTER(E(1), E(5), sl);
	CHECK_ORDER(slist_order(&head), "0 1 5 2");
	SLIST_INSERT_AFTER(E(2), E(6), sl);
	CHECK_ORDER(slist_order(&head), "0 1 5 2 6");
	SLIST_REMOVE_HEAD(&head, sl);
	CHECK_ORDER(slist_order(&head), "1 5 2 6");
	SLIST_REMOVE(&head, E(5), elem, sl);
	CHECK_ORDER(slist_order(&head), "1 2 6");
	SLIST_REMOVE(&head, E(6), elem, sl);
	CHECK_ORDER(slist_order(&head), "1 2");
	SLIST_REMOVE(&head, E(1), elem, sl);
	CHECK_ORDER(slist_order(&head), "2");
	SLIST_INSERT_AFTER(E(2), E(3), sl);
	SLIST_REMOVE_AFTER(E(2), sl);
	CHECK_ORDER(slist_order(&head), "2");
	SLIST_REMOVE_HEAD(&head, sl);
	CHECK_ORDER(slist_order(&head), "");
	CHECK(SLIST_EMPTY(&head), "emptied list not empty");
	SLIST_INSERT_HEAD(&head, E(4), sl);
	SLIST_INIT(&head);
	CHECK(SLIST_EMPTY(&head), "SLIST_INIT left elements");
}

static void
slist_foreach_safe(void)
{
	struct slist head;
	struct elem *e, *next;
	int i;

	reset_elems();
	SLIST_INIT(&head);
	for (i = 9; i >= 0; i--)
		SLIST_INSERT_HEAD(&head, E(i), sl);
	SLIST_FOREACH_SAFE(e, &head, sl, next)
		if (e->key % 2 == 0) {
			SLIST_REMOVE(&head, e, elem, sl);
			memset(e, 0xa5, sizeof(*e));
		}
	CHECK_ORDER(slist_order(&head), "1 3 5 7 9");
	SLIST_FOREACH_SAFE(e, &head, sl, next)
		SLIST_REMOVE(&head, e, elem, sl);
	CHECK_ORDER(slist_order(&head), "");
}

static void
stailq_operations(void)
{
	static struct stailq head = STAILQ_HEAD_INITIALIZER(head);

	reset_elems();
	CHECK(STAILQ_EMPTY(&head), "initialized queue not empty");
	CHECK_ORDER(stailq_order(&head), "");
	STAILQ_INSERT_TAIL(&head, E(0), stq);
	STAILQ_INSERT_TAIL(&head, E(1), stq);
	STAILQ_INSERT_TAIL(&head, E(2), stq);
	CHECK_ORDER(stailq_order(&head), "0 1 2");
	CHECK(STAILQ_FIRST(&head) == E(0), "wrong first");
	CHECK(STAILQ_NEXT(E(1), stq) == E(2), "wrong next");
	STAILQ_INSERT_HEAD(&head, E(3), stq);
	CHECK_ORDER(stailq_order(&head), "3 0 1 2");
	/* Inserting after the last element moves the tail. */
	STAILQ_INSERT_AFTER(&head, E(2), E(4), stq);
	STAILQ_INSERT_TAIL(&head, E(5), stq);
	CHECK_ORDER(stailq_order(&head), "3 0 1 2 4 5");
	STAILQ_INSERT_AFTER(&head, E(0), E(6), stq);
	CHECK_ORDER(stailq_order(&head), "3 0 6 1 2 4 5");
	STAILQ_REMOVE(&head, E(5), elem, stq);
	STAILQ_INSERT_TAIL(&head, E(7), stq);
	CHECK_ORDER(stailq_order(&head), "3 0 6 1 2 4 7");
	STAILQ_REMOVE_AFTER(&head, E(4), stq);
	STAILQ_INSERT_TAIL(&head, E(8), stq);
	CHECK_ORDER(stailq_order(&head), "3 0 6 1 2 4 8");
	STAILQ_REMOVE_AFTER(&head, E(0), stq);
	STAILQ_REMOVE(&head, E(1), elem, stq);
	STAILQ_REMOVE(&head, E(3), elem, stq);
	CHECK_ORDER(stailq_order(&head), "0 2 4 8");
	while (!STAILQ_EMPTY(&head))
		STAILQ_REMOVE_HEAD(&head, stq);
	CHECK_ORDER(stailq_order(&head), "");
	/* The tail must be back at the head. */
	STAILQ_INSERT_TAIL(&head, E(9), stq);
	CHECK_ORDER(stailq_order(&head), "9");
	STAILQ_REMOVE(&head, E(9), elem, stq);
	STAILQ_INSERT_TAIL(&head, E(10), stq);
	CHECK_ORDER(stailq_order(&head), "10");
	STAILQ_INSERT_HEAD(&head, E(11), stq);
	STAILQ_REMOVE_HEAD(&head, stq);
	STAILQ_REMOVE_HEAD(&head, stq);
	STAILQ_INSERT_HEAD(&head, E(12), stq);
	STAILQ_INSERT_TAIL(&head, E(13), stq);
	CHECK_ORDER(stailq_order(&head), "12 13");
}

static void
stailq_concat(void)
{
	struct stailq a, b, c;
	int i;

	reset_elems();
	STAILQ_INIT(&a);
	STAILQ_INIT(&b);
	STAILQ_INIT(&c);
	for (i = 0; i < 3; i++)
		STAILQ_INSERT_TAIL(&a, E(i), stq);
	for (i = 3; i < 5; i++)
		STAILQ_INSERT_TAIL(&b, E(i), stq);
	STAILQ_CONCAT(&a, &b);
	CHECK_ORDER(stailq_order(&a), "0 1 2 3 4");
	CHECK_ORDER(stailq_order(&b), "");
	CHECK(STAILQ_EMPTY(&b), "concatenated queue not empty");
	STAILQ_INSERT_TAIL(&a, E(5), stq);
	STAILQ_INSERT_TAIL(&b, E(6), stq);
	CHECK_ORDER(stailq_order(&a), "0 1 2 3 4 5");
	CHECK_ORDER(stailq_order(&b), "6");
	STAILQ_CONCAT(&a, &c);
	CHECK_ORDER(stailq_order(&a), "0 1 2 3 4 5");
	STAILQ_CONCAT(&c, &b);
	CHECK_ORDER(stailq_order(&c), "6");
	CHECK_ORDER(stailq_order(&b), "");
	STAILQ_INSERT_TAIL(&c, E(7), stq);
	CHECK_ORDER(stailq_order(&c), "6 7");
}

static void
stailq_foreach_safe(void)
{
	struct stailq head;
	struct elem *e, *next;
	int i;

	reset_elems();
	STAILQ_INIT(&head);
	for (i = 0; i < 10; i++)
		STAILQ_INSERT_TAIL(&head, E(i), stq);
	STAILQ_FOREACH_SAFE(e, &head, stq, next)
		if (e->key % 3 != 1) {
			STAILQ_REMOVE(&head, e, elem, stq);
			memset(e, 0xa5, sizeof(*e));
		}
	CHECK_ORDER(stailq_order(&head), "1 4 7");
	STAILQ_FOREACH_SAFE(e, &head, stq, next)
		STAILQ_REMOVE(&head, e, elem, stq);
	CHECK_ORDER(stailq_order(&head), "");
}

static void
list_operations(void)
{
	static struct list head = LIST_HEAD_INITIALIZER(head);

	reset_elems();
	CHECK(LIST_EMPTY(&head), "initialized list not empty");
	LIST_INSERT_HEAD(&head, E(2), le);
	LIST_INSERT_HEAD(&head, E(0), le);
	CHECK_ORDER(list_order(&head), "0 2");
	LIST_INSERT_AFTER(E(0), E(1), le);
	LIST_INSERT_AFTER(E(2), E(3), le);
	CHECK_ORDER(list_order(&head), "0 1 2 3");
	CHECK(LIST_FIRST(&head) == E(0), "wrong first");
	CHECK(LIST_NEXT(E(3), le) == NULL, "last has a next");
	/* Before the first element: the head must follow. */
	LIST_INSERT_BEFORE(E(0), E(4), le);
	CHECK_ORDER(list_order(&head), "4 0 1 2 3");
	CHECK(LIST_FIRST(&head) == E(4), "insert before first: wrong first");
	LIST_INSERT_BEFORE(E(2), E(5), le);
	CHECK_ORDER(list_order(&head), "4 0 1 5 2 3");
	LIST_REMOVE(E(4), le);
	CHECK_ORDER(list_order(&head), "0 1 5 2 3");
	LIST_REMOVE(E(5), le);
	CHECK_ORDER(list_order(&head), "0 1 2 3");
	LIST_REMOVE(E(3), le);
	CHECK_ORDER(list_order(&head), "0 1 2");
	LIST_INSERT_AFTER(E(2), E(6), le);
	CHECK_ORDER(list_order(&head), "0 1 2 6");
	LIST_REMOVE(E(0), le);
	LIST_REMOVE(E(2), le);
	LIST_REMOVE(E(6), le);
	CHECK_ORDER(list_order(&head), "1");
	LIST_REMOVE(E(1), le);
	CHECK_ORDER(list_order(&head), "");
	CHECK(LIST_EMPTY(&head), "emptied list not empty");
	LIST_INSERT_HEAD(&head, E(7), le);
	CHECK_ORDER(list_order(&head), "7");
	LIST_INIT(&head);
	CHECK(LIST_EMPTY(&head), "LIST_INIT left elements");
}

static void
list_foreach_safe(void)
{
	struct list head;
	struct elem *e, *next;
	int i;

	reset_elems();
	LIST_INIT(&head);
	for (i = 9; i >= 0; i--)
		LIST_INSERT_HEAD(&head, E(i), le);
	LIST_FOREACH_SAFE(e, &head, le, next)
		if (e->key < 3 || e->key > 7) {
			LIST_REMOVE(e, le);
			memset(e, 0xa5, sizeof(*e));
		}
	CHECK_ORDER(list_order(&head), "3 4 5 6 7");
	LIST_FOREACH_SAFE(e, &head, le, next)
		LIST_REMOVE(e, le);
	CHECK_ORDER(list_order(&head), "");
}

static void
tailq_operations(void)
{
	static struct tailq head = TAILQ_HEAD_INITIALIZER(head);

	reset_elems();
	CHECK(TAILQ_EMPTY(&head), "initialized queue not empty");
	CHECK(TAILQ_LAST(&head, tailq) == NULL, "empty queue has a last");
	CHECK_ORDER(tailq_order(&head), "");
	TAILQ_INSERT_HEAD(&head, E(1), tq);
	TAILQ_INSERT_TAIL(&head, E(2), tq);
	TAILQ_INSERT_HEAD(&head, E(0), tq);
	CHECK_ORDER(tailq_order(&head), "0 1 2");
	CHECK(TAILQ_FIRST(&head) == E(0), "wrong first");
	CHECK(TAILQ_LAST(&head, tailq) == E(2), "wrong last");
	CHECK(TAILQ_NEXT(E(0), tq) == E(1), "wrong next");
	CHECK(TAILQ_PREV(E(2), tailq, tq) == E(1), "wrong prev");
	CHECK(TAILQ_PREV(E(0), tailq, tq) == NULL, "first has a prev");
	/* After the last element: the tail must follow. */
	TAILQ_INSERT_AFTER(&head, E(2), E(3), tq);
	TAILQ_INSERT_TAIL(&head, E(4), tq);
	CHECK_ORDER(tailq_order(&head), "0 1 2 3 4");
	TAILQ_INSERT_AFTER(&head, E(0), E(5), tq);
	CHECK_ORDER(tailq_order(&head), "0 5 1 2 3 4");
	TAILQ_INSERT_BEFORE(E(0), E(6), tq);
	CHECK_ORDER(tailq_order(&head), "6 0 5 1 2 3 4");
	CHECK(TAILQ_FIRST(&head) == E(6), "insert before first: wrong first");
	TAILQ_INSERT_BEFORE(E(4), E(7), tq);
	CHECK_ORDER(tailq_order(&head), "6 0 5 1 2 3 7 4");
	TAILQ_REMOVE(&head, E(4), tq);
	CHECK(TAILQ_LAST(&head, tailq) == E(7), "remove last: wrong last");
	TAILQ_INSERT_TAIL(&head, E(8), tq);
	CHECK_ORDER(tailq_order(&head), "6 0 5 1 2 3 7 8");
	TAILQ_REMOVE(&head, E(6), tq);
	TAILQ_REMOVE(&head, E(1), tq);
	TAILQ_REMOVE(&head, E(8), tq);
	CHECK_ORDER(tailq_order(&head), "0 5 2 3 7");
	TAILQ_REMOVE(&head, E(0), tq);
	TAILQ_REMOVE(&head, E(5), tq);
	TAILQ_REMOVE(&head, E(2), tq);
	TAILQ_REMOVE(&head, E(3), tq);
	CHECK_ORDER(tailq_order(&head), "7");
	TAILQ_REMOVE(&head, E(7), tq);
	CHECK_ORDER(tailq_order(&head), "");
	CHECK(TAILQ_EMPTY(&head), "emptied queue not empty");
	TAILQ_INSERT_TAIL(&head, E(9), tq);
	CHECK_ORDER(tailq_order(&head), "9");
	TAILQ_INIT(&head);
	CHECK_ORDER(tailq_order(&head), "");
}

static void
tailq_concat(void)
{
	struct tailq a, b, c;
	int i;

	reset_elems();
	TAILQ_INIT(&a);
	TAILQ_INIT(&b);
	TAILQ_INIT(&c);
	for (i = 0; i < 3; i++)
		TAILQ_INSERT_TAIL(&a, E(i), tq);
	for (i = 3; i < 5; i++)
		TAILQ_INSERT_TAIL(&b, E(i), tq);
	TAILQ_CONCAT(&a, &b, tq);
	CHECK_ORDER(tailq_order(&a), "0 1 2 3 4");
	CHECK_ORDER(tailq_order(&b), "");
	CHECK(TAILQ_PREV(E(3), tailq, tq) == E(2), "joint: wrong prev");
	TAILQ_INSERT_TAIL(&a, E(5), tq);
	TAILQ_INSERT_TAIL(&b, E(6), tq);
	CHECK_ORDER(tailq_order(&a), "0 1 2 3 4 5");
	CHECK_ORDER(tailq_order(&b), "6");
	TAILQ_CONCAT(&a, &c, tq);
	CHECK_ORDER(tailq_order(&a), "0 1 2 3 4 5");
	TAILQ_CONCAT(&c, &b, tq);
	CHECK_ORDER(tailq_order(&c), "6");
	CHECK_ORDER(tailq_order(&b), "");
	/* The first element of the old b now points back at c. */
	TAILQ_REMOVE(&c, E(6), tq);
	CHECK_ORDER(tailq_order(&c), "");
}

static void
tailq_foreach_safe(void)
{
	struct tailq head;
	struct elem *e, *next;
	int i;

	reset_elems();
	TAILQ_INIT(&head);
	for (i = 0; i < 10; i++)
		TAILQ_INSERT_TAIL(&head, E(i), tq);
	TAILQ_FOREACH_SAFE(e, &head, tq, next)
		if (e->key % 2 == 1) {
			TAILQ_REMOVE(&head, e, tq);
			memset(e, 0xa5, sizeof(*e));
		}
	CHECK_ORDER(tailq_order(&head), "0 2 4 6 8");
	TAILQ_FOREACH_SAFE(e, &head, tq, next)
		TAILQ_REMOVE(&head, e, tq);
	CHECK_ORDER(tailq_order(&head), "");
}


/* What the lists should hold: keys, front to back. */
static struct {
	int	keys[NELEMS];
	int	count;
	bool	on_list[NELEMS];
} model;

static void
model_insert(int pos, int key)
{
	memmove(&model.keys[pos + 1], &model.keys[pos],
	    (model.count - pos) * sizeof(model.keys[0]));
	model.keys[pos] = key;
	model.count++;
	model.on_list[key] = true;
}

static void
model_remove(int pos)
{
	model.on_list[model.keys[pos]] = false;
	model.count--;
	memmove(&model.keys[pos], &model.keys[pos + 1],
	    (model.count - pos) * sizeof(model.keys[0]));
}

static int
model_free_key(void)
{
	int key;

	do
		key = rng(NELEMS);
	while (model.on_list[key]);
	return (key);
}

enum random_op {
	OP_INSERT_HEAD, OP_INSERT_TAIL, OP_INSERT_AFTER, OP_INSERT_BEFORE,
	OP_REMOVE_HEAD, OP_REMOVE, OP_REMOVE_AFTER
};
#define NRANDOM_OPS	(OP_REMOVE_AFTER + 1)

static const char *const random_op_names[NRANDOM_OPS] = {
	"insert head", "insert tail", "insert after", "insert before",
	"remove head", "remove", "remove after"
};

/*
 * One random operation on all four lists and the model; returns its
 * name.  Where a kind lacks the operation it is done with the ones it
 * has (insert at the tail of a LIST is an insert after the last element,
 * which the model knows).
 */
static const char *
random_step(struct slist *slh, struct stailq *stqh, struct list *lh,
    struct tailq *tqh)
{
	enum random_op op;
	struct elem *e, *at, *before;
	int pos;

	/* Only inserts at the head or tail fit an empty list. */
	do {
		op = rng(NRANDOM_OPS);
		if (model.count == 0)
			op = rng(OP_INSERT_AFTER);
		if (model.count == NELEMS)
			op = OP_REMOVE_HEAD + rng(NRANDOM_OPS - OP_REMOVE_HEAD);
	} while (op == OP_REMOVE_AFTER && model.count < 2);
	switch (op) {
	case OP_INSERT_HEAD:
		e = E(model_free_key());
		SLIST_INSERT_HEAD(slh, e, sl);
		STAILQ_INSERT_HEAD(stqh, e, stq);
		LIST_INSERT_HEAD(lh, e, le);
		TAILQ_INSERT_HEAD(tqh, e, tq);
		model_insert(0, e->key);
		break;
	case OP_INSERT_TAIL:
		e = E(model_free_key());
		if (model.count == 0) {
			SLIST_INSERT_HEAD(slh, e, sl);
			LIST_INSERT_HEAD(lh, e, le);
		} else {
			at = E(model.keys[model.count - 1]);
			SLIST_INSERT_AFTER(at, e, sl);
			LIST_INSERT_AFTER(at, e, le);
		}
		STAILQ_INSERT_TAIL(stqh, e, stq);
		TAILQ_INSERT_TAIL(tqh, e, tq);
		model_insert(model.count, e->key);
		break;
	case OP_INSERT_AFTER:
		e = E(model_free_key());
		pos = rng(model.count);
		at = E(model.keys[pos]);
		SLIST_INSERT_AFTER(at, e, sl);
		STAILQ_INSERT_AFTER(stqh, at, e, stq);
		LIST_INSERT_AFTER(at, e, le);
		TAILQ_INSERT_AFTER(tqh, at, e, tq);
		model_insert(pos + 1, e->key);
		break;
	case OP_INSERT_BEFORE:
		e = E(model_free_key());
		pos = rng(model.count);
		at = E(model.keys[pos]);
		if (pos == 0) {
			SLIST_INSERT_HEAD(slh, e, sl);
			STAILQ_INSERT_HEAD(stqh, e, stq);
		} else {
			before = E(model.keys[pos - 1]);
			SLIST_INSERT_AFTER(before, e, sl);
			STAILQ_INSERT_AFTER(stqh, before, e, stq);
		}
		LIST_INSERT_BEFORE(at, e, le);
		TAILQ_INSERT_BEFORE(at, e, tq);
		model_insert(pos, e->key);
		break;
	case OP_REMOVE_HEAD:
		e = E(model.keys[0]);
		SLIST_REMOVE_HEAD(slh, sl);
		STAILQ_REMOVE_HEAD(stqh, stq);
		LIST_REMOVE(e, le);
		TAILQ_REMOVE(tqh, e, tq);
		model_remove(0);
		break;
	case OP_REMOVE:
		pos = rng(model.count);
		e = E(model.keys[pos]);
		SLIST_REMOVE(slh, e, elem, sl);
		STAILQ_REMOVE(stqh, e, elem, stq);
		LIST_REMOVE(e, le);
		TAILQ_REMOVE(tqh, e, tq);
		model_remove(pos);
		break;
	case OP_REMOVE_AFTER:
		pos = rng(model.count - 1);
		at = E(model.keys[pos]);
		e = E(model.keys[pos + 1]);
		SLIST_REMOVE_AFTER(at, sl);
		STAILQ_REMOVE_AFTER(stqh, at, stq);
		LIST_REMOVE(e, le);
		TAILQ_REMOVE(tqh, e, tq);
		model_remove(pos + 1);
		break;
	}
	return (random_op_names[op]);
}

static void
queue_random_lockstep(void)
{
	struct slist slh;
	struct stailq stqh;
	struct list lh;
	struct tailq tqh;
	char want[sizeof(order.buf)];
	const char *op;
	int step, i;
	bool ok;

	reset_elems();
	memset(&model, 0, sizeof(model));
	rng_state = 20240601;
	SLIST_INIT(&slh);
	STAILQ_INIT(&stqh);
	LIST_INIT(&lh);
	TAILQ_INIT(&tqh);
	for (step = 0; step < 20000; step++) {
		op = random_step(&slh, &stqh, &lh, &tqh);
		order_start();
		for (i = 0; i < model.count; i++)
			order_add(model.keys[i]);
		strcpy(want, order_end());
		ok = CHECK_ORDER(slist_order(&slh), want);
		ok &= CHECK_ORDER(stailq_order(&stqh), want);
		ok &= CHECK_ORDER(list_order(&lh), want);
		ok &= CHECK_ORDER(tailq_order(&tqh), want);
		/* One failure garbles every later step: stop at the first. */
		if (!CHECK(ok, "step %d (%s) went wrong", step, op))
			return;
	}
}

int
main(void)
{
	TAP_RUN(slist_operations);
	TAP_RUN(slist_foreach_safe);
	TAP_RUN(stailq_operations);
	TAP_RUN(stailq_concat);
	TAP_RUN(stailq_foreach_safe);
	TAP_RUN(list_operations);
	TAP_RUN(list_foreach_safe);
	TAP_RUN(tailq_operations);
	TAP_RUN(tailq_concat);
	TAP_RUN(tailq_foreach_safe);
	TAP_RUN(queue_random_lockstep);
	return (tap_exit_status());
}
