/*
 * segments.h - encoding segment descriptors for the GDT, shared by the
 * i386 and amd64 machdep.c (Intel SDM vol. 3, 3.4.5 and 7.2.2).
 */
#ifndef _X86_SEGMENTS_H_
#define _X86_SEGMENTS_H_

#include <stdint.h>

#define SDT_SYSTSS	0x89	/* present, ring 0, available TSS */

/*
 * tss_desc_low: the first 8 bytes of a TSS descriptor for a TSS at
 * `base` (its low 32 bits) of `limit` + 1 bytes.  On i386 that is the
 * whole descriptor; amd64 puts base bits 32..63 in the next GDT slot.
 */
static inline uint64_t
tss_desc_low(uintptr_t base, uint32_t limit)
{
	uint32_t base32 = (uint32_t)base;

	return ((limit & 0xffff) | ((uint64_t)(base32 & 0xffffff) << 16) |
	    ((uint64_t)SDT_SYSTSS << 40) |
	    ((uint64_t)(limit >> 16 & 0xf) << 48) |
	    ((uint64_t)(base32 >> 24) << 56));
}

#endif /* !_X86_SEGMENTS_H_ */
