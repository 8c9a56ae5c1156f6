/*
 * rng.h - a small, seeded pseudo-random generator for host tests
 * (xorshift32): the same sequence on every host and libc, so a failing
 * seed reproduces anywhere.  Set rng_state to a nonzero seed first.
 */
#ifndef _TESTS_HOST_RNG_H_
#define _TESTS_HOST_RNG_H_

#include <stdint.h>

static uint32_t rng_state;

/* rng: a number in [0, bound). */
static inline uint32_t
rng(uint32_t bound)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 17;
	rng_state ^= rng_state << 5;
	return (rng_state % bound);
}

#endif /* !_TESTS_HOST_RNG_H_ */
