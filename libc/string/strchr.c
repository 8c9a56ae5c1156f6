/*
 * strchr.c - find a character in a string.
 */
#include <stdint.h>
#include <string.h>

/*
 * Return a pointer to the first (char)c in s, or NULL.  The NUL counts
 * as part of the string: strchr(s, '\0') points at the terminator.
 */
char *
strchr(const char *s, int c)
{
	char ch = (char)c;

	for (;; s++) {
		if (*s == ch)
			return ((char *)(uintptr_t)s);
		if (*s == '\0')
			return (NULL);
	}
}

/* Like strchr, but the last occurrence. */
char *
strrchr(const char *s, int c)
{
	const char *last = NULL;
	char ch = (char)c;

	for (;; s++) {
		if (*s == ch)
			last = s;
		if (*s == '\0')
			return ((char *)(uintptr_t)last);
	}
}
