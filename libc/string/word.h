/*
 * word.h - private to libc/string: the machine word the memory
 * functions move when source and destination are aligned alike.
 *
 * may_alias: the word accesses touch objects of any type, which the
 * aliasing rules would otherwise let the compiler reorder around.
 */
#ifndef _LIBC_STRING_WORD_H_
#define _LIBC_STRING_WORD_H_

#include <stdint.h>

typedef unsigned long __attribute__((__may_alias__)) word_t;

#define WORD_SIZE	sizeof(word_t)
#define WORD_MASK	(WORD_SIZE - 1)

/* True if a and b have the same offset within a word. */
#define ALIGNED_ALIKE(a, b) \
	((((uintptr_t)(a) ^ (uintptr_t)(b)) & WORD_MASK) == 0)

#endif /* !_LIBC_STRING_WORD_H_ */
