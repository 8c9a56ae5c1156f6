/*
 * strtol_core.c - the parser shared by the strtol family: white space,
 * sign, base prefix and digits, with the value as an unsigned long long
 * magnitude.  Each public function then fits the magnitude into its own
 * type, so the range rules are in one short place per type.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdint.h>

#include "strtol_core.h"

/* The value of digit c in bases up to 36, or 36 if c is no digit. */
static int
digit_value(int c)
{
	if (isdigit(c))
		return (c - '0');
	if (isalpha(c))
		return (tolower(c) - 'a' + 10);
	return (36);
}

/*
 * Parse the subject sequence of an integer at nptr (C11 7.22.1.4):
 * optional white space, an optional sign, then digits in base (2..36,
 * or 0: decimal, octal after a leading 0, hexadecimal after 0x/0X).  In
 * base 16 (or 0) a "0x" counts as prefix only if a hex digit follows;
 * otherwise the 0 alone is the number and *endptr points at the x.
 *
 * On return *endptr (when endptr is not NULL) points after the last
 * digit used, or at nptr if there was none.  A base outside 0, 2..36
 * sets errno to EINVAL; so does finding no digits (POSIX allows it;
 * FreeBSD does it).  Range errors are the caller's to report.
 */
void
__strtox_parse(const char *nptr, char **endptr, int base,
    struct strtox_result *res)
{
	const unsigned char *s = (const unsigned char *)nptr;
	unsigned long long limit;
	int digit, limit_digit;

	*res = (struct strtox_result){ 0 };
	if (base < 0 || base == 1 || base > 36) {
		errno = EINVAL;
		if (endptr != NULL)
			*endptr = (char *)(uintptr_t)nptr;
		return;
	}
	while (isspace(*s))
		s++;
	if (*s == '-' || *s == '+')
		res->negative = *s++ == '-';
	if ((base == 0 || base == 16) && s[0] == '0' &&
	    (s[1] == 'x' || s[1] == 'X') && digit_value(s[2]) < 16) {
		s += 2;
		base = 16;
	} else if (base == 0)
		base = s[0] == '0' ? 8 : 10;

	/* Past limit (or at it with a digit above limit_digit) overflows. */
	limit = ULLONG_MAX / (unsigned)base;
	limit_digit = (int)(ULLONG_MAX % (unsigned)base);
	for (; (digit = digit_value(*s)) < base; s++) {
		res->converted = true;
		if (res->magnitude > limit ||
		    (res->magnitude == limit && digit > limit_digit))
			res->overflow = true;
		else
			res->magnitude = res->magnitude * (unsigned)base +
			    (unsigned)digit;
	}
	if (!res->converted) {
		errno = EINVAL;
		s = (const unsigned char *)nptr;
	}
	if (endptr != NULL)
		*endptr = (char *)(uintptr_t)s;
}
