/*
 * memset.c - fill memory with a byte.
 */
#include <string.h>

#include "word.h"

/*
 * Set len bytes at dst to (unsigned char)c.  Returns dst.  The middle
 * is filled a word at a time with the byte repeated in every lane.
 */
void *
memset(void *dst, int c, size_t len)
{
	unsigned char *d = dst;
	unsigned char byte = (unsigned char)c;
	word_t pattern;

	for (; len > 0 && ((uintptr_t)d & WORD_MASK) != 0; len--)
		*d++ = byte;
	if (len >= WORD_SIZE) {
		/* 0x0101...01 times the byte puts it in every lane. */
		pattern = ((word_t)-1 / 0xff) * byte;
		for (; len >= WORD_SIZE; len -= WORD_SIZE) {
			*(word_t *)(void *)d = pattern;
			d += WORD_SIZE;
		}
	}
	while (len-- > 0)
		*d++ = byte;
	return (dst);
}
