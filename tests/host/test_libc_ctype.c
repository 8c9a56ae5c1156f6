/*
 * test_libc_ctype.c - libc's <ctype.h> (libc/ctype/) against the host's
 * in the C locale, for EOF and every value of unsigned char, and its
 * answers for ints outside that range.
 */
#include <ctype.h>
#include <limits.h>
#include <stdio.h>

#include "libc_host.h"
#include "tap.h"

static const struct {
	const char	*name;
	int		(*host)(int);
	int		(*vise)(int);
} classes[] = {
	{ "isalnum", isalnum, vise_isalnum },
	{ "isalpha", isalpha, vise_isalpha },
	{ "isblank", isblank, vise_isblank },
	{ "iscntrl", iscntrl, vise_iscntrl },
	{ "isdigit", isdigit, vise_isdigit },
	{ "isgraph", isgraph, vise_isgraph },
	{ "islower", islower, vise_islower },
	{ "isprint", isprint, vise_isprint },
	{ "ispunct", ispunct, vise_ispunct },
	{ "isspace", isspace, vise_isspace },
	{ "isupper", isupper, vise_isupper },
	{ "isxdigit", isxdigit, vise_isxdigit },
};

static void
classes_match_host_for_eof_and_every_byte(void)
{
	size_t i;
	int c;

	for (i = 0; i < nitems(classes); i++)
		for (c = EOF; c <= UCHAR_MAX; c++)
			CHECK(!classes[i].vise(c) == !classes[i].host(c),
			    "%s(%d)", classes[i].name, c);
}

static void
case_mapping_matches_host_for_eof_and_every_byte(void)
{
	int c;

	for (c = EOF; c <= UCHAR_MAX; c++) {
		CHECK(vise_tolower(c) == tolower(c), "tolower(%d)", c);
		CHECK(vise_toupper(c) == toupper(c), "toupper(%d)", c);
	}
}

static void
values_outside_unsigned_char_are_in_no_class(void)
{
	static const int values[] = { INT_MIN, -129, -2, 256, 'a' + 256,
	    INT_MAX };
	size_t i, v;

	for (v = 0; v < nitems(values); v++) {
		for (i = 0; i < nitems(classes); i++)
			CHECK(!classes[i].vise(values[v]), "%s(%d)",
			    classes[i].name, values[v]);
		CHECK(vise_tolower(values[v]) == values[v]);
		CHECK(vise_toupper(values[v]) == values[v]);
	}
}

int
main(void)
{
	TAP_RUN(classes_match_host_for_eof_and_every_byte);
	TAP_RUN(case_mapping_matches_host_for_eof_and_every_byte);
	TAP_RUN(values_outside_unsigned_char_are_in_no_class);
	return (tap_exit_status());
}
