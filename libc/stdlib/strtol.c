/*
 * strtol.c - strings to signed integers: strtol, strtoll.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>

#include "strtol_core.h"

/*
 * The value of res as a signed integer whose maximum is max (minimum
 * -max - 1), or the nearer bound with errno ERANGE if it does not fit.
 */
static long long
fit_signed(const struct strtox_result *res, unsigned long long max)
{
	if (res->negative) {
		if (res->overflow || res->magnitude > max + 1) {
			errno = ERANGE;
			return (-(long long)max - 1);
		}
		/* -(max + 1) has no positive counterpart: negate unsigned. */
		return (res->magnitude == max + 1 ? -(long long)max - 1 :
		    -(long long)res->magnitude);
	}
	if (res->overflow || res->magnitude > max) {
		errno = ERANGE;
		return ((long long)max);
	}
	return ((long long)res->magnitude);
}

/*
 * Convert the start of nptr to a long (see __strtox_parse for the
 * syntax and *endptr).  Out of range: LONG_MAX or LONG_MIN and errno
 * ERANGE.  No digits: 0 and errno EINVAL.
 */
long
strtol(const char * __restrict nptr, char ** __restrict endptr, int base)
{
	struct strtox_result res;

	__strtox_parse(nptr, endptr, base, &res);
	return ((long)fit_signed(&res, LONG_MAX));
}

/* strtol for long long: LLONG_MAX or LLONG_MIN when out of range. */
long long
strtoll(const char * __restrict nptr, char ** __restrict endptr, int base)
{
	struct strtox_result res;

	__strtox_parse(nptr, endptr, base, &res);
	return (fit_signed(&res, LLONG_MAX));
}
