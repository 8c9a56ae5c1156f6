/*
 * strcmp.c - compare strings.
 */
#include <string.h>

/*
 * Compare strings a and b byte by byte as unsigned char.  Returns <0, 0
 * or >0 as a sorts before, equal to, or after b (a prefix sorts first).
 */
int
strcmp(const char *a, const char *b)
{
	const unsigned char *p = (const unsigned char *)a;
	const unsigned char *q = (const unsigned char *)b;

	for (; *p == *q; p++, q++) {
		if (*p == '\0')
			return (0);
	}
	return (*p - *q);
}

/* strcmp of at most the first len bytes; 0 when len is 0. */
int
strncmp(const char *a, const char *b, size_t len)
{
	const unsigned char *p = (const unsigned char *)a;
	const unsigned char *q = (const unsigned char *)b;

	for (; len > 0; len--, p++, q++) {
		if (*p != *q)
			return (*p - *q);
		if (*p == '\0')
			break;
	}
	return (0);
}
