/*
 * strtol_core.h - private to libc/stdlib: the parser behind strtol,
 * strtoul, strtoll and strtoull.
 */
#ifndef _LIBC_STDLIB_STRTOL_CORE_H_
#define _LIBC_STDLIB_STRTOL_CORE_H_

#include <stdbool.h>

/* What __strtox_parse found. */
struct strtox_result {
	unsigned long long magnitude;	/* the digits' value, if !overflow */
	bool		negative;	/* a '-' sign came first */
	bool		overflow;	/* more than ULLONG_MAX */
	bool		converted;	/* at least one digit */
};

void	__strtox_parse(const char *nptr, char **endptr, int base,
	    struct strtox_result *res);

#endif /* !_LIBC_STDLIB_STRTOL_CORE_H_ */
