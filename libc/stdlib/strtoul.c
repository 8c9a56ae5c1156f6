/*
 * strtoul.c - strings to unsigned integers: strtoul, strtoull.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>

#include "strtol_core.h"

/*
 * The value of res in an unsigned type whose maximum is max: a leading
 * '-' negates in that type (C: "-1" gives max), but the magnitude must
 * fit first, or the result is max with errno ERANGE.
 */
static unsigned long long
fit_unsigned(const struct strtox_result *res, unsigned long long max)
{
	if (res->overflow || res->magnitude > max) {
		errno = ERANGE;
		return (max);
	}
	return (res->negative ? (0 - res->magnitude) & max : res->magnitude);
}

/*
 * Convert the start of nptr to an unsigned long (see __strtox_parse for
 * the syntax and *endptr).  Out of range: ULONG_MAX and errno ERANGE.
 * No digits: 0 and errno EINVAL.
 */
unsigned long
strtoul(const char * __restrict nptr, char ** __restrict endptr, int base)
{
	struct strtox_result res;

	__strtox_parse(nptr, endptr, base, &res);
	return ((unsigned long)fit_unsigned(&res, ULONG_MAX));
}

/* strtoul for unsigned long long: ULLONG_MAX when out of range. */
unsigned long long
strtoull(const char * __restrict nptr, char ** __restrict endptr, int base)
{
	struct strtox_result res;

	__strtox_parse(nptr, endptr, base, &res);
	return (fit_unsigned(&res, ULLONG_MAX));
}
