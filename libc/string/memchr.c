/*
 * memchr.c - find a byte in memory.
 */
#include <stdint.h>
#include <string.h>

/*
 * Return a pointer to the first of the len bytes at s that equals
 * (unsigned char)c, or NULL if none does.  Reads no further than that
 * byte, so len may exceed the object when c is known to be in it.
 */
void *
memchr(const void *s, int c, size_t len)
{
	const unsigned char *p = s;
	unsigned char byte = (unsigned char)c;

	for (; len > 0; len--, p++) {
		if (*p == byte)
			return ((void *)(uintptr_t)p);
	}
	return (NULL);
}
