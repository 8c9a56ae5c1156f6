/*
 * memcmp.c - compare memory.
 */
#include <string.h>

/*
 * Compare len bytes of a and b as unsigned char.  Returns <0, 0 or >0
 * as the first differing byte of a is less than, or greater than,
 * that of b; 0 if all are equal (and when len is 0).
 */
int
memcmp(const void *a, const void *b, size_t len)
{
	const unsigned char *p = a, *q = b;

	for (; len > 0; len--, p++, q++) {
		if (*p != *q)
			return (*p - *q);
	}
	return (0);
}
