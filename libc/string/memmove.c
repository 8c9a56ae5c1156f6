/*
 * memmove.c - copy memory between objects that may overlap.
 */
#include <string.h>

#include "word.h"

/* Copy from the high end down: dst lies above src inside it. */
static void
copy_backward(unsigned char *d, const unsigned char *s, size_t len)
{
	d += len;
	s += len;
	if (ALIGNED_ALIKE(d, s)) {
		for (; len > 0 && ((uintptr_t)d & WORD_MASK) != 0; len--)
			*--d = *--s;
		for (; len >= WORD_SIZE; len -= WORD_SIZE) {
			d -= WORD_SIZE;
			s -= WORD_SIZE;
			*(word_t *)(void *)d = *(const word_t *)(const void *)s;
		}
	}
	while (len-- > 0)
		*--d = *--s;
}

/*
 * Copy len bytes from src to dst as if through a temporary buffer, so
 * the areas may overlap.  Returns dst.
 *
 * The direction is chosen so that no byte is overwritten before it has
 * been read: forward when dst is below src (or they do not overlap),
 * backward when dst starts inside src.  The comparison is on integers:
 * comparing pointers into different objects is undefined in C.
 */
void *
memmove(void *dst, const void *src, size_t len)
{
	uintptr_t d = (uintptr_t)dst, s = (uintptr_t)src;

	if (d - s >= len) {
		/* dst below src (d - s wraps around) or past its end. */
		unsigned char *dp = dst;
		const unsigned char *sp = src;

		if (ALIGNED_ALIKE(dp, sp)) {
			for (; len > 0 && ((uintptr_t)dp & WORD_MASK) != 0;
			    len--)
				*dp++ = *sp++;
			for (; len >= WORD_SIZE; len -= WORD_SIZE) {
				*(word_t *)(void *)dp =
				    *(const word_t *)(const void *)sp;
				dp += WORD_SIZE;
				sp += WORD_SIZE;
			}
		}
		while (len-- > 0)
			*dp++ = *sp++;
	} else if (d != s)
		copy_backward(dst, src, len);
	return (dst);
}
