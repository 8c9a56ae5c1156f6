/*
 * strdup.c - copy strings into the heap.
 */
#include <stdlib.h>
#include <string.h>

/*
 * Return a copy of s in memory from malloc, or NULL with errno ENOMEM
 * (set by malloc).  The caller frees it.
 */
char *
strdup(const char *s)
{
	return (strndup(s, (size_t)-1));
}

/*
 * Like strdup, but copy at most len bytes of s (s need not be
 * terminated within them); the copy is always terminated.
 */
char *
strndup(const char *s, size_t len)
{
	char *copy;

	len = strnlen(s, len);
	copy = malloc(len + 1);
	if (copy != NULL) {
		memcpy(copy, s, len);
		copy[len] = '\0';
	}
	return (copy);
}
