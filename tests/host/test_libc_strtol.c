/*
 * test_libc_strtol.c - libc's strtol family (libc/stdlib/strtol*.c):
 * value, *endptr and ERANGE against the host's for a table of edge
 * cases and for random strings in every base, then the points where
 * libc differs from glibc on purpose (EINVAL when nothing converts).
 */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libc_host.h"
#include "rng.h"
#include "tap.h"

/*
 * Run one function on s in base on both sides and compare the value,
 * the end pointer and whether errno became ERANGE.
 */
#define SAME_CONVERSION(fn, fmt, s, base) do {				\
	char *end_host, *end_vise;					\
	int erange_host, erange_vise;					\
	errno = 0;							\
	vise_errno = 0;							\
	__typeof__(fn(s, NULL, 0)) want = fn(s, &end_host, base);	\
	erange_host = errno == ERANGE;					\
	__typeof__(fn(s, NULL, 0)) got = vise_##fn(s, &end_vise, base);	\
	erange_vise = vise_errno == libc_ERANGE;			\
	CHECK(got == want && end_vise - (s) == end_host - (s) &&	\
	    erange_vise == erange_host,					\
	    #fn "(\"%s\", %d): host " fmt " end %td%s, libc " fmt	\
	    " end %td%s", s, base, want, end_host - (s),		\
	    erange_host ? " ERANGE" : "", got, end_vise - (s),		\
	    erange_vise ? " ERANGE" : "");				\
} while (0)

static void
same_all(const char *s, int base)
{
	SAME_CONVERSION(strtol, "%ld", s, base);
	SAME_CONVERSION(strtoul, "%lu", s, base);
	SAME_CONVERSION(strtoll, "%lld", s, base);
	SAME_CONVERSION(strtoull, "%llu", s, base);
}

static const char *const edge_cases[] = {
	"0", "-0", "+0", "1", "-1", "+1", "  \t\n\v\f\r42xyz", "12abc",
	"0x", "0X", "0x1g", "0xg", "-0x10", "0x7fffffffffffffff",
	"0xffffffffffffffff", "0x10000000000000000", "010", "08", "0b101",
	"9223372036854775807", "9223372036854775808", "-9223372036854775808",
	"-9223372036854775809", "18446744073709551615",
	"18446744073709551616", "-18446744073709551615",
	"-18446744073709551616", "99999999999999999999999999999", "2147483647",
	"2147483648", "-2147483648", "-2147483649", "4294967295",
	"4294967296", "zz", "ZZ", "z", "", "   ", "-", "+", "+-1", "- 1",
	"1 2", "0x0x1", "00000000000000000000000000000000001", "777",
	"-0xffffffffffffffff",
};

static void
edge_cases_match_host_in_common_bases(void)
{
	static const int bases[] = { 0, 2, 8, 10, 16, 36 };
	size_t i, b;

	for (i = 0; i < nitems(edge_cases); i++)
		for (b = 0; b < nitems(bases); b++)
			same_all(edge_cases[i], bases[b]);
}

static void
random_strings_match_host_in_every_base(void)
{
	static const char alphabet[] = " \t+-0123456789abcdefxXzZ";
	char s[32];
	size_t len, i;
	int n, base;

	rng_state = 5;
	for (n = 0; n < 40000; n++) {
		len = rng(sizeof(s));
		for (i = 0; i < len; i++)
			s[i] = alphabet[rng(sizeof(alphabet) - 1)];
		s[len] = '\0';
		base = (int)rng(36);
		if (base == 1)
			base = 0;
		same_all(s, base);
		if (tap.checks_failed > 0)
			return;
	}
}

static void
overflow_clamps_and_sets_erange(void)
{
	char *end;

	vise_errno = 0;
	CHECK(vise_strtol("99999999999999999999x", &end, 10) == LONG_MAX);
	CHECK(vise_errno == libc_ERANGE && *end == 'x',
	    "all digits are consumed");
	vise_errno = 0;
	CHECK(vise_strtol("-99999999999999999999", NULL, 10) == LONG_MIN);
	CHECK(vise_errno == libc_ERANGE);
	vise_errno = 0;
	CHECK(vise_strtoull("-99999999999999999999", NULL, 10) == ULLONG_MAX);
	CHECK(vise_errno == libc_ERANGE);
}

static void
in_range_conversion_leaves_errno_alone(void)
{
	vise_errno = 12345;
	CHECK(vise_strtol("-9223372036854775808", NULL, 10) == LONG_MIN);
	CHECK(vise_strtoul("-1", NULL, 10) == ULONG_MAX,
	    "minus negates in the unsigned type");
	CHECK(vise_errno == 12345);
}

static void
no_digits_gives_zero_einval_and_end_at_start(void)
{
	static const char *const s[] = { "", "  ", "-", " +x", "0x" + 1 };
	char *end;
	size_t i;

	for (i = 0; i < nitems(s); i++) {
		vise_errno = 0;
		CHECK(vise_strtol(s[i], &end, 0) == 0);
		CHECK(end == s[i], "\"%s\": end at the start", s[i]);
		CHECK(vise_errno == libc_EINVAL, "\"%s\": EINVAL", s[i]);
	}
}

static void
bad_base_gives_einval(void)
{
	static const int bases[] = { -1, 1, 37, INT_MAX };
	const char *s = "123";
	char *end;
	size_t i;

	for (i = 0; i < nitems(bases); i++) {
		vise_errno = 0;
		end = NULL;
		CHECK(vise_strtol(s, &end, bases[i]) == 0);
		CHECK(vise_errno == libc_EINVAL && end == s, "base %d",
		    bases[i]);
	}
}

static void
hex_prefix_without_digit_parses_the_zero(void)
{
	const char *s = "0xg";
	char *end;

	CHECK(vise_strtol(s, &end, 16) == 0 && end == s + 1);
	CHECK(vise_strtol(s, &end, 0) == 0 && end == s + 1);
}

static void
atoi_atol_atoll_convert_decimal(void)
{
	CHECK(vise_atoi("  -42abc") == -42);
	CHECK(vise_atoi("010") == 10, "base 10, not 8");
	CHECK(vise_atol("2147483648") == 2147483648L);
	CHECK(vise_atoll("-9223372036854775807") == -9223372036854775807LL);
}

int
main(void)
{
	TAP_RUN(edge_cases_match_host_in_common_bases);
	TAP_RUN(random_strings_match_host_in_every_base);
	TAP_RUN(overflow_clamps_and_sets_erange);
	TAP_RUN(in_range_conversion_leaves_errno_alone);
	TAP_RUN(no_digits_gives_zero_einval_and_end_at_start);
	TAP_RUN(bad_base_gives_einval);
	TAP_RUN(hex_prefix_without_digit_parses_the_zero);
	TAP_RUN(atoi_atol_atoll_convert_decimal);
	return (tap_exit_status());
}
