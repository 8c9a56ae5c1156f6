/*
 * strspn.c - spans of characters in or out of a set.
 */
#include <stdint.h>
#include <string.h>

/*
 * Length of the initial part of s made only of bytes in accept
 * (accept's NUL is not a member).
 */
size_t
strspn(const char *s, const char *accept)
{
	size_t len;

	for (len = 0; s[len] != '\0' && strchr(accept, s[len]) != NULL; len++)
		;
	return (len);
}

/* Length of the initial part of s made only of bytes not in reject. */
size_t
strcspn(const char *s, const char *reject)
{
	size_t len;

	for (len = 0; s[len] != '\0' && strchr(reject, s[len]) == NULL; len++)
		;
	return (len);
}

/* First byte of s that is in accept, or NULL if there is none. */
char *
strpbrk(const char *s, const char *accept)
{
	s += strcspn(s, accept);
	return (*s != '\0' ? (char *)(uintptr_t)s : NULL);
}
