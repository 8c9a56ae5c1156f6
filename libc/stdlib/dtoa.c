/*
 * dtoa.c - the exact decimal expansion of a double, for printf's
 * %e, %f and %g (stdio/format.c), which then round it as they need.
 *
 * A finite double is m * 2^e with m < 2^53 and -1074 <= e <= 971, and
 * so a finite decimal fraction: its integer part is m * 2^e or m >>
 * -e, and a fraction f / 2^k (k = -e) is f * 5^k / 10^k, exactly k
 * decimal places.  Both are computed with big numbers in base 10^9,
 * which print as nine decimal digits per word.  At most 309 integer
 * digits, or up to 16 integer and 1074 fraction digits: DTOA_BUFSIZE.
 */
#include <stdint.h>
#include <string.h>

#include "libc_private.h"

#define BASE		1000000000u	/* 10^9 per word */
#define BASE_DIGITS	9
#define WORDS		90		/* 5^1074 * 2^53 < 10^(90 * 9) */

/* A big number: word[0] the least significant; n words in use. */
struct decimal {
	uint32_t	word[WORDS];
	int		n;
};

static void
dec_set(struct decimal *d, uint64_t v)
{
	d->n = 0;
	while (v != 0) {
		d->word[d->n++] = (uint32_t)(v % BASE);
		v /= BASE;
	}
}

/* d *= factor, factor < 2^31 (so a word's product fits in 64 bits). */
static void
dec_mul(struct decimal *d, uint32_t factor)
{
	uint64_t carry = 0, t;
	int i;

	for (i = 0; i < d->n; i++) {
		t = (uint64_t)d->word[i] * factor + carry;
		d->word[i] = (uint32_t)(t % BASE);
		carry = t / BASE;
	}
	while (carry != 0) {
		d->word[d->n++] = (uint32_t)(carry % BASE);
		carry /= BASE;
	}
}

/* 5^n for n <= 13 (5^13 < 2^31). */
static uint32_t
pow5(int n)
{
	uint32_t v = 1;

	while (n-- > 0)
		v *= 5;
	return (v);
}

/* The decimal digits of d (none for 0), written ending at end. */
static char *
dec_print(const struct decimal *d, char *end)
{
	uint32_t w;
	int i, k;

	for (i = 0; i < d->n; i++) {
		w = d->word[i];
		for (k = 0; k < BASE_DIGITS; k++) {
			/* The top word has no leading zeros. */
			if (i == d->n - 1 && w == 0)
				break;
			*--end = (char)('0' + w % 10);
			w /= 10;
		}
	}
	return (end);
}

/* See libc_private.h. */
char *
__dtoa_exact(double x, char *buf, int *ndigits, int *decpt)
{
	struct decimal d;
	uint64_t bits, m, f;
	char *p, *start, *end;
	int e, k, nint, step;

	memcpy(&bits, &x, sizeof(bits));
	m = bits & (((uint64_t)1 << 52) - 1);
	e = (int)(bits >> 52 & 0x7ff);
	if (e == 0)
		e = -1074;			/* subnormal: no hidden bit */
	else {
		m |= (uint64_t)1 << 52;
		e -= 1075;
	}

	/* The integer part, at the start of buf. */
	if (e >= 0) {
		dec_set(&d, m);
		for (k = e; k > 0; k -= step) {
			step = k < 29 ? k : 29;
			dec_mul(&d, (uint32_t)1 << step);
		}
	} else
		dec_set(&d, -e < 64 ? m >> -e : 0);
	end = buf + DTOA_BUFSIZE;
	start = dec_print(&d, end);
	nint = (int)(end - start);
	memmove(buf, start, (size_t)nint);
	p = buf + nint;

	/* The fraction: -e digits after the point, zeros in front. */
	if (e < 0) {
		f = -e < 64 ? m & (((uint64_t)1 << -e) - 1) : m;
		dec_set(&d, f);
		for (k = -e; k > 0; k -= step) {
			step = k < 13 ? k : 13;
			dec_mul(&d, pow5(step));
		}
		end = p - e;
		start = dec_print(&d, end);
		memset(p, '0', (size_t)(start - p));
		p = end;
	}

	/* Leading zeros (before the first digit) move the point. */
	start = buf;
	*decpt = nint;
	if (nint == 0) {
		while (start < p && *start == '0')
			start++;
		*decpt = -(int)(start - buf);
	}
	while (p > start && p[-1] == '0')
		p--;
	*ndigits = (int)(p - start);
	if (*ndigits == 0)
		*decpt = 0;
	return (start);
}
