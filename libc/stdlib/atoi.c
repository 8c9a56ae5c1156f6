/*
 * atoi.c - strings to integers without error reporting.
 */
#include <stdlib.h>

/*
 * atoi, atol, atoll: strtol(s, NULL, 10) and friends.  A value out of
 * range is undefined in C; here it is the clamped value of strtol, and
 * errno may change (use strtol to detect errors).
 */
int
atoi(const char *s)
{
	return ((int)strtol(s, NULL, 10));
}

/* atol: strtol(s, NULL, 10). */
long
atol(const char *s)
{
	return (strtol(s, NULL, 10));
}

/* atoll: strtoll(s, NULL, 10). */
long long
atoll(const char *s)
{
	return (strtoll(s, NULL, 10));
}
