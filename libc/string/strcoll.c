/*
 * strcoll.c - collation in the C locale (the only one): strcoll and
 * strxfrm are strcmp and a copy.
 */
#include <string.h>

/* Compare s1 and s2 as the locale collates them: strcmp in C. */
int
strcoll(const char *s1, const char *s2)
{
	return (strcmp(s1, s2));
}

/*
 * Transform src so that strcmp of results orders as strcoll: a copy in
 * C.  Stores at most n bytes, the NUL included, and returns the length
 * of the whole transformation (>= n: dst holds an unspecified part).
 */
size_t
strxfrm(char * __restrict dst, const char * __restrict src, size_t n)
{
	size_t len = strlen(src);

	if (len < n)
		memcpy(dst, src, len + 1);
	return (len);
}
