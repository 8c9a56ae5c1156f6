/*
 * rand.c - the C library's pseudo-random numbers.
 *
 * A 64-bit linear congruential generator (Knuth's MMIX multiplier and
 * increment) of which rand() returns the top 31 bits: the low bits of
 * an LCG have short periods, the high ones do not.  Deterministic for a
 * seed, as C requires; not for anything that needs unpredictability.
 */
#include <stdint.h>
#include <stdlib.h>

/* C: "If rand is called before any calls to srand ... as if srand(1)". */
static uint64_t state = 1;

/* Return the next number in 0 .. RAND_MAX of the sequence. */
int
rand(void)
{
	state = state * 6364136223846793005ULL + 1442695040888963407ULL;
	return ((int)(state >> 33));
}

/* Start a new sequence; the same seed gives the same sequence again. */
void
srand(unsigned seed)
{
	state = seed;
}
