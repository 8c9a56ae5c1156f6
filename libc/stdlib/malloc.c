/*
 * malloc.c - the heap: malloc, calloc, realloc, free, posix_memalign,
 * aligned_alloc.
 *
 * Boundary-tag blocks with immediate coalescing, kept in segregated
 * free lists.  Memory comes in chunks from __libc_morecore()
 * (libc_private.h) and is never given back.
 *
 * A block is a 16-byte header followed by its payload; sizes are
 * multiples of 16 and chunks are page-aligned, so every payload is
 * 16-byte aligned (enough for any C type on i386 and amd64):
 *
 *	+-----------+-----------------+---------------------------+
 *	| prev_size | size | flags    | payload ...               |
 *	+-----------+-----------------+---------------------------+
 *
 * head holds the size and two flags: IN_USE for this block and
 * PREV_IN_USE for the one before it.  prev_size is valid only when the
 * block before is free (it is that block's "footer"), which is exactly
 * when free() needs it to merge backward.  Two free blocks are never
 * neighbours.  A free block keeps its list links in its payload.
 *
 * Each chunk ends with a 16-byte epilogue header marked IN_USE with
 * size 0, so merging never runs off a chunk; its first block has
 * PREV_IN_USE set for the same reason.  A chunk that morecore places
 * right after the previous one takes over that chunk's epilogue and
 * merges with it.
 *
 * Free list i holds the free blocks with 2^i <= size < 2^(i+1).  A
 * request takes the first block that fits from its own list, else the
 * first block of the next non-empty list (every block there fits), and
 * splits off the rest.
 *
 * Threads: one lock for the whole heap (__malloc_lock, a recursive libc
 * lock: realloc and posix_memalign call malloc and free), taken by
 * each public function for its whole call.
 */
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "libc_private.h"

#define ALIGNMENT	16
#define IN_USE		((size_t)1)
#define PREV_IN_USE	((size_t)2)
#define FLAGS		(IN_USE | PREV_IN_USE)

/* Memory is asked of morecore at least this much at a time. */
#define GROW_MIN	(64 * 1024)

struct block {
	size_t		prev_size;	/* the block before, if it is free */
	size_t		head;		/* size | flags */
} __attribute__((__aligned__(ALIGNMENT)));

struct free_block {
	struct block	hdr;
	struct free_block *next;	/* in its free list */
	struct free_block *prev;
};

#define HDR_SIZE	sizeof(struct block)
#define MIN_BLOCK	sizeof(struct free_block)
#define NLISTS		(sizeof(size_t) * CHAR_BIT)
/* Requests above this are refused before any size arithmetic. */
#define MAX_REQUEST	(SIZE_MAX / 2)

static struct free_block *free_lists[NLISTS];
static char *last_chunk_end;

/* See libc_private.h. */
struct __libc_lock __malloc_lock = LIBC_LOCK_INITIALIZER;

static size_t
block_size(const struct block *b)
{
	return (b->head & ~FLAGS);
}

static struct block *
next_block(struct block *b)
{
	return ((struct block *)(void *)((char *)b + block_size(b)));
}

static struct block *
payload_block(void *p)
{
	return ((struct block *)(void *)((char *)p - HDR_SIZE));
}

static void *
block_payload(struct block *b)
{
	return ((char *)b + HDR_SIZE);
}

/* The block size that holds n payload bytes; n <= MAX_REQUEST. */
static size_t
request_size(size_t n)
{
	size_t size = (n + HDR_SIZE + ALIGNMENT - 1) & ~(size_t)(ALIGNMENT - 1);

	return (size < MIN_BLOCK ? MIN_BLOCK : size);
}

static unsigned
list_index(size_t size)
{
	return ((unsigned)(NLISTS - 1) - (unsigned)__builtin_clzl(size));
}

static void
list_insert(struct block *b)
{
	struct free_block *fb = (struct free_block *)b;
	struct free_block **list = &free_lists[list_index(block_size(b))];

	fb->prev = NULL;
	fb->next = *list;
	if (*list != NULL)
		(*list)->prev = fb;
	*list = fb;
}

static void
list_remove(struct block *b)
{
	struct free_block *fb = (struct free_block *)b;

	if (fb->prev != NULL)
		fb->prev->next = fb->next;
	else
		free_lists[list_index(block_size(b))] = fb->next;
	if (fb->next != NULL)
		fb->next->prev = fb->prev;
}

/* Set b's size, keeping its flags. */
static void
set_size(struct block *b, size_t size)
{
	b->head = size | (b->head & FLAGS);
}

/* Mark b (not in any list) in use, and tell its successor. */
static void
mark_in_use(struct block *b)
{
	b->head |= IN_USE;
	next_block(b)->head |= PREV_IN_USE;
}

/*
 * Make block b, marked in use and in no list, free: merge it with free
 * neighbours, write the footer and put the result in its list.
 */
static void
release(struct block *b)
{
	struct block *next = next_block(b), *prev;
	size_t size = block_size(b);

	if ((next->head & IN_USE) == 0) {
		list_remove(next);
		size += block_size(next);
	}
	if ((b->head & PREV_IN_USE) == 0) {
		prev = (struct block *)(void *)((char *)b - b->prev_size);
		list_remove(prev);
		size += block_size(prev);
		b = prev;
	}
	b->head = size | (b->head & PREV_IN_USE);
	next = next_block(b);
	next->prev_size = size;
	next->head &= ~PREV_IN_USE;
	list_insert(b);
}

/*
 * Shrink in-use block b to size bytes if the rest makes a block of its
 * own; the rest is freed (and merges with a free successor).
 */
static void
split(struct block *b, size_t size)
{
	size_t rest = block_size(b) - size;
	struct block *tail;

	if (rest < MIN_BLOCK)
		return;
	set_size(b, size);
	tail = next_block(b);
	tail->head = rest | IN_USE | PREV_IN_USE;
	release(tail);
}

/* A free block of at least size bytes, taken out of its list, or NULL. */
static struct block *
find_free(size_t size)
{
	struct free_block *fb;
	unsigned i = list_index(size);

	for (fb = free_lists[i]; fb != NULL; fb = fb->next) {
		if (block_size(&fb->hdr) >= size)
			goto found;
	}
	for (i++; i < NLISTS; i++) {
		if ((fb = free_lists[i]) != NULL)
			goto found;
	}
	return (NULL);
found:
	list_remove(&fb->hdr);
	return (&fb->hdr);
}

/*
 * Get a chunk from morecore with room for a block of size bytes and add
 * it to the free lists.  Returns false if morecore has no more memory.
 */
static bool
grow(size_t size)
{
	size_t len;
	char *chunk;
	struct block *b;

	/* size <= MAX_REQUEST + small, so none of this overflows. */
	len = size + HDR_SIZE;
	if (len < GROW_MIN)
		len = GROW_MIN;
	len = (len + MORECORE_PAGE - 1) & ~(size_t)(MORECORE_PAGE - 1);
	chunk = __libc_morecore(len);
	if (chunk == NULL)
		return (false);

	if (chunk == last_chunk_end) {
		/* The old epilogue becomes the header of the new space. */
		b = (struct block *)(void *)(chunk - HDR_SIZE);
		set_size(b, len);
	} else {
		b = (struct block *)(void *)chunk;
		b->head = (len - HDR_SIZE) | IN_USE | PREV_IN_USE;
	}
	last_chunk_end = chunk + len;
	/* The epilogue: in use, size 0; release() clears its PREV_IN_USE. */
	next_block(b)->head = IN_USE | PREV_IN_USE;
	b->head |= IN_USE;
	release(b);
	return (true);
}

/*
 * Allocate n bytes, 16-byte aligned, uninitialized.  Returns NULL with
 * errno ENOMEM when there is no memory.  malloc(0) returns a unique
 * pointer that free() accepts.
 */
static void *
malloc_locked(size_t n)
{
	struct block *b;
	size_t size;

	if (n > MAX_REQUEST) {
		errno = ENOMEM;
		return (NULL);
	}
	size = request_size(n);
	if ((b = find_free(size)) == NULL) {
		if (!grow(size) || (b = find_free(size)) == NULL) {
			errno = ENOMEM;
			return (NULL);
		}
	}
	mark_in_use(b);
	split(b, size);
	return (block_payload(b));
}

/* malloc under the heap's lock. */
void *
malloc(size_t n)
{
	void *r;

	__libc_rlock(&__malloc_lock);
	r = malloc_locked(n);
	__libc_runlock(&__malloc_lock);
	return (r);
}

/*
 * Allocate an array of n elements of size bytes, zeroed.  Returns NULL
 * with errno ENOMEM if there is no memory or n * size overflows.
 */
void *
calloc(size_t n, size_t size)
{
	size_t total;
	void *p;

	if (__builtin_mul_overflow(n, size, &total)) {
		errno = ENOMEM;
		return (NULL);
	}
	if ((p = malloc(total)) != NULL)
		memset(p, 0, total);
	return (p);
}

/*
 * Return p's memory to the heap.  p must come from malloc, calloc,
 * realloc, posix_memalign or aligned_alloc and not be freed yet; NULL is
 * ignored.  Freeing a block that is not in use (a double free, as far as
 * can be seen) traps at once instead of corrupting the heap.
 */
static void
free_locked(void *p)
{
	struct block *b;

	if (p == NULL)
		return;
	b = payload_block(p);
	if ((b->head & IN_USE) == 0)
		__builtin_trap();
	release(b);
}

/* free under the heap's lock. */
void
free(void *p)
{
	__libc_rlock(&__malloc_lock);
	free_locked(p);
	__libc_runlock(&__malloc_lock);
}

/*
 * Resize p's allocation to n bytes, keeping the contents up to the
 * smaller size; in place when the block or its free successor has room.
 * realloc(NULL, n) is malloc(n); realloc(p, 0) shrinks p to a minimal
 * allocation and returns it (as FreeBSD does; C leaves the choice).
 * Returns NULL with errno ENOMEM, leaving p allocated and unchanged, if
 * there is no memory.
 */
static void *
realloc_locked(void *p, size_t n)
{
	struct block *b, *next;
	size_t size, old_size;
	void *q;

	if (p == NULL)
		return (malloc(n));
	if (n > MAX_REQUEST) {
		errno = ENOMEM;
		return (NULL);
	}
	b = payload_block(p);
	size = request_size(n);
	old_size = block_size(b);
	next = next_block(b);
	if (old_size < size && (next->head & IN_USE) == 0 &&
	    old_size + block_size(next) >= size) {
		list_remove(next);
		set_size(b, old_size + block_size(next));
		next_block(b)->head |= PREV_IN_USE;
	}
	if (block_size(b) >= size) {
		split(b, size);
		return (p);
	}
	if ((q = malloc(n)) == NULL)
		return (NULL);
	memcpy(q, p, old_size - HDR_SIZE);
	free(p);
	return (q);
}

/* realloc under the heap's lock. */
void *
realloc(void *p, size_t n)
{
	void *r;

	__libc_rlock(&__malloc_lock);
	r = realloc_locked(p, n);
	__libc_runlock(&__malloc_lock);
	return (r);
}

/*
 * Allocate n bytes aligned to align, a power of two that is a multiple
 * of sizeof(void *), and store the pointer in *memptr.  Returns 0, or
 * EINVAL for a bad align or ENOMEM (then *memptr is unchanged).
 *
 * Over-allocates by align plus a minimal block, then frees the part in
 * front of the first aligned payload that leaves room for a free block
 * there, and the tail.
 */
static int
posix_memalign_locked(void **memptr, size_t align, size_t n)
{
	struct block *b, *aligned;
	uintptr_t start;
	size_t lead;
	char *p;

	if (align == 0 || (align & (align - 1)) != 0 ||
	    align % sizeof(void *) != 0)
		return (EINVAL);
	if (align <= ALIGNMENT) {
		if ((p = malloc(n)) == NULL)
			return (ENOMEM);
		*memptr = p;
		return (0);
	}
	if (n > MAX_REQUEST || align > MAX_REQUEST - n - MIN_BLOCK)
		return (ENOMEM);
	if ((p = malloc(n + align + MIN_BLOCK)) == NULL)
		return (ENOMEM);
	b = payload_block(p);
	start = ((uintptr_t)p + MIN_BLOCK + align - 1) &
	    ~(uintptr_t)(align - 1);
	if (((uintptr_t)p & (align - 1)) == 0)
		start = (uintptr_t)p;
	lead = start - (uintptr_t)p;
	if (lead != 0) {
		aligned = payload_block((void *)start);
		aligned->head = (block_size(b) - lead) | IN_USE | PREV_IN_USE;
		set_size(b, lead);
		release(b);
		b = aligned;
	}
	split(b, request_size(n));
	*memptr = block_payload(b);
	return (0);
}

/* posix_memalign under the heap's lock. */
int
posix_memalign(void **memptr, size_t align, size_t n)
{
	int r;

	__libc_rlock(&__malloc_lock);
	r = posix_memalign_locked(memptr, align, n);
	__libc_runlock(&__malloc_lock);
	return (r);
}

/*
 * C11's aligned allocation: n bytes aligned to align, a power of two.
 * Returns NULL with errno EINVAL for a bad align or ENOMEM.
 */
void *
aligned_alloc(size_t align, size_t n)
{
	void *p;
	int error;

	if (align < sizeof(void *))
		align = sizeof(void *);
	error = posix_memalign(&p, align, n);
	if (error != 0) {
		errno = error;
		return (NULL);
	}
	return (p);
}
