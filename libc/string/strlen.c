/*
 * strlen.c - the length of a string.
 */
#include <string.h>

/* Return the number of bytes in s before its terminating NUL. */
size_t
strlen(const char *s)
{
	const char *p;

	for (p = s; *p != '\0'; p++)
		;
	return ((size_t)(p - s));
}

/*
 * Return strlen(s), or maxlen if s has no NUL in its first maxlen
 * bytes; never reads beyond s[maxlen - 1], so s need not be a string.
 */
size_t
strnlen(const char *s, size_t maxlen)
{
	size_t len;

	for (len = 0; len < maxlen && s[len] != '\0'; len++)
		;
	return (len);
}
