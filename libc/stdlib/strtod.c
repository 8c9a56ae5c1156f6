/*
 * strtod.c - strings to floating point: strtod, strtof, strtold, atof.
 * strtod_core.c reads the number exactly; this rounds it to the type's
 * precision, to nearest with ties to even (the default rounding mode,
 * the only one libc has), and builds the IEEE 754 bits.
 */
#include <ctype.h>
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "libc_private.h"

/* An IEEE 754 binary format: significand bits (with the hidden one). */
struct ieee_format {
	int	precision;	/* 53 or 24 */
	int	emin;		/* the exponent of the smallest normal */
	int	emax;		/* the exponent of the largest finite */
};

static const struct ieee_format binary64 = { 53, -1022, 1023 };
static const struct ieee_format binary32 = { 24, -126, 127 };

/*
 * The bits (without the sign) of the value res describes, rounded to
 * format fmt.  *range is set if the result overflowed to infinity, or
 * is tiny (below the smallest normal) and inexact.
 */
static uint64_t
round_to(const struct strtod_result *res, const struct ieee_format *fmt,
    bool *range)
{
	int mbits = fmt->precision - 1;
	uint64_t inf = (uint64_t)(2 * fmt->emax + 1) << mbits;
	uint64_t q = res->significand, mant, rest, half;
	int e = res->exponent, keep, drop;
	bool tiny;

	*range = false;
	switch (res->kind) {
	case STRTOD_ZERO:
		*range = res->sticky != 0;
		return (0);
	case STRTOD_INF:
		*range = res->exponent != 0;
		return (inf);
	case STRTOD_NAN:
		return (inf | (uint64_t)1 << (mbits - 1));
	case STRTOD_FINITE:
		break;
	}
	if (e > fmt->emax) {
		*range = true;
		return (inf);
	}
	/* The significand bits a number of this size has. */
	tiny = e < fmt->emin;
	keep = tiny ? fmt->precision - (fmt->emin - e) : fmt->precision;
	if (keep < 0) {
		/* Below half the smallest subnormal: zero. */
		*range = true;
		return (0);
	}
	drop = 64 - keep;
	mant = drop == 64 ? 0 : q >> drop;
	rest = drop == 64 ? q : q & (((uint64_t)1 << drop) - 1);
	half = (uint64_t)1 << (drop - 1);
	if (rest > half || (rest == half && (res->sticky || (mant & 1))))
		mant++;
	if (tiny && (rest != 0 || res->sticky))
		*range = true;
	if (tiny)
		return (mant);	/* a carry into 2^mbits makes the least normal */
	/* mant has the hidden bit: (e - emin) << mbits plus mant adds it. */
	mant += (uint64_t)(e - fmt->emin) << mbits;
	if (mant >= inf) {
		*range = true;
		return (inf);
	}
	return (mant);
}

/*
 * The subject sequence at nptr (white space, a sign, then what
 * __strtod_parse reads) rounded to fmt: the bits with the sign at bit
 * `signbit`; *endptr as strtod sets it.
 */
static uint64_t
convert(const char *nptr, char **endptr, const struct ieee_format *fmt,
    int signbit)
{
	struct strtod_result res;
	const char *s = nptr, *end;
	bool negative = false, range;
	uint64_t bits;

	while (isspace((unsigned char)*s))
		s++;
	if (*s == '+' || *s == '-')
		negative = *s++ == '-';
	if ((end = __strtod_parse(s, &res)) == NULL) {
		if (endptr != NULL)
			*endptr = (char *)(uintptr_t)nptr;
		return (0);
	}
	if (endptr != NULL)
		*endptr = (char *)(uintptr_t)end;
	bits = round_to(&res, fmt, &range);
	if (range)
		errno = ERANGE;
	return (bits | (uint64_t)negative << signbit);
}

/*
 * The number at nptr (C11 7.22.1.3): optional white space and sign,
 * then a decimal number (digits with an optional point, an optional
 * exponent e[+-]digits), a hexadecimal one (0x, hex digits with an
 * optional point, an optional binary exponent p[+-]digits), INF,
 * INFINITY, NAN or NAN(chars), in any case.  Correctly rounded.
 * *endptr (if endptr is not NULL) is set after the number, or to nptr
 * if there is none (0 is returned; errno is not set).  Overflow gives
 * +-HUGE_VAL (infinity) and ERANGE; a result below the smallest normal
 * that is not exact sets ERANGE too (as glibc does), and may be zero.
 */
double
strtod(const char * __restrict nptr, char ** __restrict endptr)
{
	uint64_t bits = convert(nptr, endptr, &binary64, 63);
	double d;

	memcpy(&d, &bits, sizeof(d));
	return (d);
}

/* strtod for float, rounded once, straight to float's precision. */
float
strtof(const char * __restrict nptr, char ** __restrict endptr)
{
	uint32_t bits = (uint32_t)convert(nptr, endptr, &binary32, 31);
	float f;

	memcpy(&f, &bits, sizeof(f));
	return (f);
}

/*
 * strtod for long double.  The result has double's range and
 * precision (libc has no long double arithmetic of its own).
 */
long double
strtold(const char * __restrict nptr, char ** __restrict endptr)
{
	return (strtod(nptr, endptr));
}

/* strtod(nptr, NULL) (errno may change). */
double
atof(const char *nptr)
{
	return (strtod(nptr, NULL));
}
