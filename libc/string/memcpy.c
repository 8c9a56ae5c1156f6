/*
 * memcpy.c - copy memory between objects that do not overlap.
 */
#include <string.h>

#include "word.h"

/*
 * Copy len bytes from src to dst; the areas must not overlap (use
 * memmove if they may).  Returns dst.  Whole words are copied when both
 * pointers can be brought to a word boundary together, which is the
 * common case; otherwise bytes.
 */
void *
memcpy(void * __restrict dst, const void * __restrict src, size_t len)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if (ALIGNED_ALIKE(d, s)) {
		for (; len > 0 && ((uintptr_t)d & WORD_MASK) != 0; len--)
			*d++ = *s++;
		for (; len >= WORD_SIZE; len -= WORD_SIZE) {
			*(word_t *)(void *)d = *(const word_t *)(const void *)s;
			d += WORD_SIZE;
			s += WORD_SIZE;
		}
	}
	while (len-- > 0)
		*d++ = *s++;
	return (dst);
}
