/*
 * abs.c - absolute values and division with remainder.
 */
#include <stdlib.h>

/*
 * abs, labs, llabs: |j|.  The most negative value has no absolute
 * value; that is undefined in C (UBSan reports it in tests).
 */
int
abs(int j)
{
	return (j < 0 ? -j : j);
}

/* abs for long. */
long
labs(long j)
{
	return (j < 0 ? -j : j);
}

/* abs for long long. */
long long
llabs(long long j)
{
	return (j < 0 ? -j : j);
}

/*
 * div, ldiv, lldiv: the quotient truncated toward zero and the
 * remainder, with num == quot * denom + rem.  denom must not be 0.
 */
div_t
div(int num, int denom)
{
	return ((div_t){ .quot = num / denom, .rem = num % denom });
}

/* div for long. */
ldiv_t
ldiv(long num, long denom)
{
	return ((ldiv_t){ .quot = num / denom, .rem = num % denom });
}

/* div for long long. */
lldiv_t
lldiv(long long num, long long denom)
{
	return ((lldiv_t){ .quot = num / denom, .rem = num % denom });
}
