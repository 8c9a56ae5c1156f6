/*
 * arena.c - memory for one line of input: its tokens, its command tree
 * and the strings its words expand to.  Nothing is freed alone; the
 * whole arena goes when the line has run, so the parser and the
 * expander never have to undo what they built when they fail half way.
 */
#include <stdlib.h>
#include <string.h>

#include "sh.h"

#define ARENA_BLOCK	4096
#define ARENA_ALIGN	16

struct arena_block {
	struct arena_block *next;
	size_t	 used;
	size_t	 size;		/* of data[] */
	_Alignas(ARENA_ALIGN) char data[];
};

/* Make a an empty arena. */
void
arena_init(struct arena *a)
{
	a->blocks = NULL;
}

/*
 * len bytes, aligned for any object, that live until arena_free(a).
 * Out of memory ends the shell: a shell that cannot hold one line of
 * commands can do nothing useful, and every caller would only fail.
 */
void *
arena_alloc(struct arena *a, size_t len)
{
	struct arena_block *b = a->blocks;
	size_t size;
	void *p;

	len = (len + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
	if (b == NULL || b->size - b->used < len) {
		size = len > ARENA_BLOCK ? len : ARENA_BLOCK;
		if ((b = malloc(sizeof(*b) + size)) == NULL) {
			sh_error("out of memory");
			sh_exit(STATUS_SYNTAX);
		}
		b->used = 0;
		b->size = size;
		b->next = a->blocks;
		a->blocks = b;
	}
	p = b->data + b->used;
	b->used += len;
	return (p);
}

/* A NUL-terminated copy of s[0 .. len) in a. */
char *
arena_strndup(struct arena *a, const char *s, size_t len)
{
	char *p = arena_alloc(a, len + 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return (p);
}

/* Free everything a holds; a is empty again. */
void
arena_free(struct arena *a)
{
	struct arena_block *b;

	while ((b = a->blocks) != NULL) {
		a->blocks = b->next;
		free(b);
	}
}
