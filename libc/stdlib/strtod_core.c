/*
 * strtod_core.c - reading a floating-point number exactly: the parser
 * behind strtod, strtof and scanf's %e %f %g.  It finds the binary
 * value as a 64-bit significand, a power of two and a sticky bit;
 * strtod.c rounds that to the precision of the type wanted, so every
 * result is correctly rounded (to nearest, ties to even).
 *
 * A decimal number is its digits d times 10^E.  Only the first
 * MAX_DIGITS significant digits are kept, the rest folded into the
 * sticky bit: the halfway points between doubles have at most 768
 * significant digits, so the comparison with them is already decided
 * by 800 digits and the sticky bit.  Then, with big integers in base
 * 2^32:
 *	E >= 0: N = d * 10^E is an integer; its top 64 bits are the
 *	significand, the bits below it sticky;
 *	E < 0: q = (d * 2^s) / 10^-E with s chosen so that q has 63 or
 *	64 bits; a remainder is sticky.
 * Numbers too large or too small for any double stop early (as
 * infinity or zero), which bounds the big integers.
 */
#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "libc_private.h"

#define MAX_DIGITS	800
#define MAX_DEC_EXP	310		/* 10^310 > DBL_MAX */
#define MIN_DEC_EXP	(-330)		/* 10^-330 < DBL_TRUE_MIN / 2 */
#define WORDS		200		/* 6400 bits: 10^1130 << 64 fits */

/* A big integer: word[0] the least significant; n words, no zero top. */
struct big {
	uint32_t	word[WORDS];
	int		n;
};

/* b = b * factor + add. */
static void
big_muladd(struct big *b, uint32_t factor, uint32_t add)
{
	uint64_t carry = add, t;
	int i;

	for (i = 0; i < b->n; i++) {
		t = (uint64_t)b->word[i] * factor + carry;
		b->word[i] = (uint32_t)t;
		carry = t >> 32;
	}
	if (carry != 0)
		b->word[b->n++] = (uint32_t)carry;
}

/* b *= 10^n. */
static void
big_mulpow10(struct big *b, int n)
{
	for (; n >= 9; n -= 9)
		big_muladd(b, 1000000000u, 0);
	for (; n > 0; n--)
		big_muladd(b, 10, 0);
}

static int
big_bits(const struct big *b)
{
	uint32_t top;
	int bits;

	if (b->n == 0)
		return (0);
	top = b->word[b->n - 1];
	for (bits = 0; top != 0; top >>= 1)
		bits++;
	return ((b->n - 1) * 32 + bits);
}

/* Bit i of b. */
static int
big_bit(const struct big *b, int i)
{
	if (i < 0 || i / 32 >= b->n)
		return (0);
	return ((int)(b->word[i / 32] >> (i % 32) & 1));
}

/* b <<= n. */
static void
big_shl(struct big *b, int n)
{
	int words = n / 32, bits = n % 32, i;

	if (b->n == 0)
		return;
	b->word[b->n] = 0;
	for (i = b->n; i >= 0; i--) {
		uint32_t w = b->word[i] << bits;

		if (bits != 0 && i > 0)
			w |= b->word[i - 1] >> (32 - bits);
		b->word[i + words] = w;
	}
	for (i = 0; i < words; i++)
		b->word[i] = 0;
	b->n += words + 1;
	while (b->n > 0 && b->word[b->n - 1] == 0)
		b->n--;
}

/* b >>= 1. */
static void
big_shr1(struct big *b)
{
	int i;

	for (i = 0; i < b->n; i++) {
		b->word[i] >>= 1;
		if (i + 1 < b->n)
			b->word[i] |= b->word[i + 1] << 31;
	}
	while (b->n > 0 && b->word[b->n - 1] == 0)
		b->n--;
}

static int
big_cmp(const struct big *a, const struct big *b)
{
	int i;

	if (a->n != b->n)
		return (a->n < b->n ? -1 : 1);
	for (i = a->n - 1; i >= 0; i--) {
		if (a->word[i] != b->word[i])
			return (a->word[i] < b->word[i] ? -1 : 1);
	}
	return (0);
}

/* a -= b, for a >= b. */
static void
big_sub(struct big *a, const struct big *b)
{
	uint64_t borrow = 0, t;
	int i;

	for (i = 0; i < a->n; i++) {
		t = (uint64_t)a->word[i] - (i < b->n ? b->word[i] : 0) - borrow;
		a->word[i] = (uint32_t)t;
		borrow = t >> 63;
	}
	while (a->n > 0 && a->word[a->n - 1] == 0)
		a->n--;
}

/*
 * The value d * 10^e10 of the ndigits decimal digits at digits (the
 * first nonzero) into *res.
 */
static void
decimal_value(const char *digits, int ndigits, int e10, bool sticky,
    struct strtod_result *res)
{
	struct big num, den;
	uint64_t q;
	int i, bits, shift;

	num.n = 0;
	for (i = 0; i < ndigits; i++)
		big_muladd(&num, 10, (uint32_t)(digits[i] - '0'));
	if (e10 >= 0) {
		big_mulpow10(&num, e10);
		bits = big_bits(&num);
		q = 0;
		for (i = 0; i < 64; i++)
			q = q << 1 | (uint64_t)big_bit(&num, bits - 1 - i);
		for (i = 0; i < bits - 64 && !sticky; i++)
			sticky = big_bit(&num, i);
		res->exponent = bits - 1;
	} else {
		den.n = 1;
		den.word[0] = 1;
		big_mulpow10(&den, -e10);
		/* num * 2^shift / den has 63 or 64 bits. */
		shift = 63 + big_bits(&den) - big_bits(&num);
		if (shift >= 0)
			big_shl(&num, shift);
		else
			big_shl(&den, -shift);
		big_shl(&den, 63);
		q = 0;
		for (i = 63; i >= 0; i--) {
			if (big_cmp(&num, &den) >= 0) {
				big_sub(&num, &den);
				q |= (uint64_t)1 << i;
			}
			big_shr1(&den);
		}
		if (num.n != 0)
			sticky = true;
		res->exponent = 63 - shift;
		/* Normalize: the top bit of the significand set. */
		if ((q >> 63) == 0) {
			q <<= 1;
			res->exponent--;
		}
	}
	res->kind = STRTOD_FINITE;
	res->significand = q;
	res->sticky = sticky;
}

/* The value of hex digit c, or -1. */
static int
hexval(int c)
{
	if (isdigit(c))
		return (c - '0');
	if (c >= 'a' && c <= 'f')
		return (c - 'a' + 10);
	if (c >= 'A' && c <= 'F')
		return (c - 'A' + 10);
	return (-1);
}

/*
 * An exponent at s ([+-]digits), added to *e (its value saturates at
 * a million); the end of it, or NULL if there is none (then *e is
 * unchanged).
 */
static const char *
parse_exponent(const char *s, long *e)
{
	bool negative = false;
	long v = 0;

	if (*s == '+' || *s == '-')
		negative = *s++ == '-';
	if (!isdigit((unsigned char)*s))
		return (NULL);
	for (; isdigit((unsigned char)*s); s++) {
		if (v < 1000000)
			v = v * 10 + (*s - '0');
	}
	*e += negative ? -v : v;
	return (s);
}

/* A hexadecimal number after the "0x". */
static const char *
parse_hex(const char *s, struct strtod_result *res)
{
	uint64_t q = 0;
	long e2 = 0;
	const char *end;
	bool any = false, point = false, sticky = false;
	int v, used = 0;

	for (;; s++) {
		if (*s == '.' && !point) {
			point = true;
			continue;
		}
		if ((v = hexval((unsigned char)*s)) < 0)
			break;
		any = true;
		if (used == 0 && v == 0) {
			if (point)
				e2 -= 4;	/* a leading zero after the point */
			continue;
		}
		if (used < 16) {
			q = q << 4 | (uint64_t)v;
			used++;
			if (point)
				e2 -= 4;
		} else {
			sticky |= v != 0;
			if (!point)
				e2 += 4;
		}
	}
	if (!any)
		return (NULL);
	if ((*s == 'p' || *s == 'P') && (end = parse_exponent(s + 1, &e2)))
		s = end;
	if (q == 0) {
		res->kind = STRTOD_ZERO;
		return (s);
	}
	/* value = q * 2^e2; move the top bit of q to bit 63. */
	e2 += 63;
	while ((q >> 63) == 0) {
		q <<= 1;
		e2--;
	}
	if (e2 > 100000)
		e2 = 100000;
	if (e2 < -100000)
		e2 = -100000;
	res->kind = STRTOD_FINITE;
	res->significand = q;
	res->exponent = (int)e2;
	res->sticky = sticky;
	return (s);
}

/* Does s start with word, in any case?  Its length if so, else 0. */
static size_t
word_at(const char *s, const char *word)
{
	size_t i;

	for (i = 0; word[i] != '\0'; i++) {
		if (tolower((unsigned char)s[i]) != word[i])
			return (0);
	}
	return (i);
}

/* See libc_private.h. */
const char *
__strtod_parse(const char *s, struct strtod_result *res)
{
	char digits[MAX_DIGITS];
	const char *end, *p;
	int ndigits = 0;
	long e10 = 0;
	bool any = false, point = false, sticky = false;
	size_t n;

	memset(res, 0, sizeof(*res));
	if ((n = word_at(s, "inf")) != 0) {
		res->kind = STRTOD_INF;
		return (s + (word_at(s, "infinity") ? 8 : 3));
	}
	if ((n = word_at(s, "nan")) != 0) {
		res->kind = STRTOD_NAN;
		s += n;
		/* nan(n-char-sequence): letters, digits and _. */
		if (*s == '(') {
			for (p = s + 1; isalnum((unsigned char)*p) ||
			    *p == '_'; p++)
				;
			if (*p == ')')
				s = p + 1;
		}
		return (s);
	}
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X') &&
	    (end = parse_hex(s + 2, res)) != NULL)
		return (end);

	for (;; s++) {
		if (*s == '.' && !point) {
			point = true;
			continue;
		}
		if (!isdigit((unsigned char)*s))
			break;
		any = true;
		if (ndigits == 0 && *s == '0') {
			if (point)
				e10--;
			continue;
		}
		if (ndigits < MAX_DIGITS) {
			digits[ndigits++] = *s;
			if (point)
				e10--;
		} else {
			sticky |= *s != '0';
			if (!point)
				e10++;
		}
	}
	if (!any)
		return (NULL);
	if ((*s == 'e' || *s == 'E') && (end = parse_exponent(s + 1, &e10)))
		s = end;
	if (ndigits == 0) {
		res->kind = STRTOD_ZERO;
		return (s);
	}
	/* Trailing zeros only make the big numbers bigger. */
	while (digits[ndigits - 1] == '0') {
		ndigits--;
		e10++;
	}
	if (ndigits + e10 > MAX_DEC_EXP) {
		res->kind = STRTOD_INF;
		res->exponent = 1;	/* finite, but too large */
		return (s);
	}
	if (ndigits + e10 < MIN_DEC_EXP) {
		res->kind = STRTOD_ZERO;
		res->sticky = 1;	/* nonzero, but too small */
		return (s);
	}
	decimal_value(digits, ndigits, (int)e10, sticky, res);
	return (s);
}
