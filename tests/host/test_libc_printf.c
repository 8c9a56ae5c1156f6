/*
 * test_libc_printf.c - libc's snprintf family (libc/stdio/) against the
 * host's: a table of formats, then many random formats (every
 * conversion, flag, width, precision and length modifier libc has),
 * then truncation, the return value, and the cases where libc prints
 * what FreeBSD does rather than glibc (%p of NULL).
 */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "libc_host.h"
#include "rng.h"
#include "tap.h"

#define SAME(fmt, ...) do {						\
	char want[512], got[512];					\
	int nw = snprintf(want, sizeof(want), fmt, __VA_ARGS__);	\
	int ng = vise_snprintf(got, sizeof(got), fmt, __VA_ARGS__);	\
	CHECK(nw == ng && strcmp(want, got) == 0,			\
	    "\"%s\": host \"%s\" (%d), libc \"%s\" (%d)", fmt, want,	\
	    nw, got, ng);						\
} while (0)

static void
integers_match_host(void)
{
	SAME("%d %i %u", 42, -7, 0u);
	SAME("%d|%d", INT_MIN, INT_MAX);
	SAME("%u|%x|%X|%o", UINT_MAX, UINT_MAX, UINT_MAX, UINT_MAX);
	SAME("%ld|%lu|%lx", LONG_MIN, ULONG_MAX, ULONG_MAX);
	SAME("%lld %llu", LLONG_MIN, ULLONG_MAX);
	SAME("%hhd %hhu %hd %hu", 255, 255, 65535, 65535);
	SAME("%hhd %hhx %hd %ho", -129, -1, -32769, -1);
	SAME("%zu %zx %zd", (size_t)123, SIZE_MAX, (ssize_t)-5);
	SAME("%jd %ju %td %tx", INTMAX_MIN, UINTMAX_MAX, (ptrdiff_t)-9,
	    (ptrdiff_t)-1);
}

static void
flags_match_host(void)
{
	SAME("%+d|%+d|% d|% d", 5, -5, 5, -5);
	SAME("%#x|%#X|%#o|%#o|%#x", 31, 31, 15, 0, 0);
	SAME("%05d|%-5d|%05d", 42, 42, -42);
	SAME("%+05d|% 05d|%#08x|%#-8x|", 42, 42, 255, 255);
	SAME("%#.3o|%#5o|%#05o|%#.0o", 8, 8, 8, 0);
}

/* C defines these combinations: one flag wins, gcc warns all the same. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat"
static void
flags_that_cancel_match_host(void)
{
	SAME("%+ d|% +d", 5, 5);
	SAME("%-05d|%-05x|", 42, 42);
	SAME("%+u|% u|%+x|% o", 5u, 5u, 5u, 5u);
	SAME("%05.3d|%08.0x|", 42, 0);
}
#pragma GCC diagnostic pop

static void
width_and_precision_match_host(void)
{
	SAME("%.0d|%.0x|%.0u|%5.0d|", 0, 0, 0, 0);
	SAME("%.5d|%.5d|%8.5d|%-8.5d|", 42, -42, 42, -42);
	SAME("%.1d|%.3x", 12345, 1);
	SAME("%*d|%-*d|%*d", 6, 1, 6, 2, -6, 3);
	SAME("%.*d|%.*d|%*.*d", -1, 42, 3, 7, 8, 4, 9);
	SAME("%-8s|%8.3s|%.*s|%.0s|%s", "abc", "abcdef", 2, "xyz", "abc",
	    "");
	SAME("%c%c%5c%-3c|", 'a', 'b', 'c', 'd');
	SAME("%10.4s|%-10.4s|", "abcdefgh", "abcdefgh");
	SAME("%s %s", "100%", "sure");
	SAME("%%|%d%%", 5);
}

static void
pointers_match_host(void)
{
	int x;

	SAME("%p|%20p|%-20p|", (void *)0x1234, (void *)&x, (void *)&x);
	SAME("%p", (void *)UINTPTR_MAX);
}

/*
 * Write a random specification for conversion conv with length modifier
 * length into fmt: flags (not '0' and '#' for %c and %s, where they are
 * undefined), a width and a precision each absent, literal or '*'.
 * *wstar and *pstar say which '*' arguments the format takes.
 */
static void
random_spec(char *fmt, char conv, const char *length, bool *wstar,
    bool *pstar)
{
	const char *flags = strchr("cs", conv) != NULL ? "-+ " : "-+ #0";
	char *p = fmt;
	size_t i;

	*p++ = '%';
	for (i = 0; flags[i] != '\0'; i++)
		if (rng(3) == 0)
			*p++ = flags[i];
	*wstar = *pstar = false;
	switch (rng(3)) {
	case 0:
		p += sprintf(p, "%u", 1 + rng(30));
		break;
	case 1:
		*p++ = '*';
		*wstar = true;
		break;
	}
	switch (rng(4)) {
	case 0:
		p += sprintf(p, ".%u", rng(25));
		break;
	case 1:
		p += sprintf(p, ".*");
		*pstar = true;
		break;
	case 2:
		*p++ = '.';
		break;
	}
	p += sprintf(p, "%s%c", length, conv);
}

static uint64_t
random_value(void)
{
	uint64_t v = ((uint64_t)rng(UINT32_MAX) << 32) | rng(UINT32_MAX);

	/* Small numbers and the extremes are where mistakes show. */
	switch (rng(4)) {
	case 0:
		return (v % 20);
	case 1:
		return (-(v % 20));
	case 2:
		return (v >> rng(64));
	default:
		return (v);
	}
}

/* Format on both sides with the same arguments. */
#define BOTH(...) do {							\
	nw = snprintf(want, sizeof(want), fmt, __VA_ARGS__);		\
	ng = vise_snprintf(got, sizeof(got), fmt, __VA_ARGS__);		\
} while (0)

/* BOTH with the '*' arguments the format takes, then v. */
#define WITH_STARS(v) do {						\
	if (wstar && pstar)						\
		BOTH(width, precision, v);				\
	else if (wstar)							\
		BOTH(width, v);						\
	else if (pstar)							\
		BOTH(precision, v);					\
	else								\
		BOTH(v);						\
} while (0)

/*
 * Many random specifications, each with a random argument of the type
 * its length modifier names and random '*' widths and precisions
 * (negative ones included: C says they mean '-' and "none").
 */
static void
random_formats_match_host(void)
{
	static const char *const lengths[] = { "", "hh", "h", "l", "ll", "j",
	    "z", "t" };
	static const char convs[] = "diuoxXcs";
	static const char *const strings[] = { "", "a", "hello", "tab\there",
	    "a somewhat longer string" };
	char fmt[64], want[256], got[256], conv;
	const char *length;
	int n, width, precision, nw, ng;
	bool wstar, pstar, wide;
	uint64_t value;

	rng_state = 7;
	for (n = 0; n < 200000; n++) {
		conv = convs[rng(sizeof(convs) - 1)];
		length = strchr("cs", conv) != NULL ? "" :
		    lengths[rng(nitems(lengths))];
		random_spec(fmt, conv, length, &wstar, &pstar);
		width = (int)rng(40) - 10;
		precision = (int)rng(30) - 5;
		value = random_value();
		wide = strcmp(length, "ll") == 0 || strcmp(length, "j") == 0 ||
		    (sizeof(long) == 8 && strchr("lzt", length[0]) != NULL &&
		    length[0] != '\0');
		if (conv == 's')
			WITH_STARS(strings[value % nitems(strings)]);
		else if (wide)
			WITH_STARS(value);
		else
			WITH_STARS((unsigned)value);
		if (!CHECK(nw == ng && memcmp(want, got, (size_t)nw + 1) == 0,
		    "case %d \"%s\" width %d precision %d value %#jx: host "
		    "\"%s\" (%d), libc \"%s\" (%d)", n, fmt, width, precision,
		    (uintmax_t)value, want, nw, got, ng))
			return;
	}
}

static void
truncation_keeps_terminator_and_full_length(void)
{
	char buf[8];
	int n;

	memset(buf, 'z', sizeof(buf));
	n = vise_snprintf(buf, sizeof(buf), "%s-%d", "abcdef", 12345);
	CHECK(n == 12, "returned %d", n);
	CHECK(strcmp(buf, "abcdef-") == 0, "buf \"%s\"", buf);
	n = vise_snprintf(buf, 1, "%d", 7);
	CHECK(n == 1 && buf[0] == '\0', "size 1: %d \"%s\"", n, buf);
	memset(buf, 'z', sizeof(buf));
	n = vise_snprintf(buf, 0, "%d", 12345);
	CHECK(n == 5 && buf[0] == 'z', "size 0 writes nothing");
	CHECK(vise_snprintf(NULL, 0, "%s%s", "ab", "cd") == 4,
	    "NULL buffer of size 0 measures");
}

static void
percent_c_of_nul_is_one_byte(void)
{
	char buf[8];

	memset(buf, 'z', sizeof(buf));
	CHECK(vise_snprintf(buf, sizeof(buf), "a%cb", 0) == 3);
	CHECK(memcmp(buf, "a\0b\0", 4) == 0);
}

static void
sprintf_and_vsprintf_write_whole_output(void)
{
	char buf[64];

	CHECK(vise_sprintf(buf, "%s=%05d", "x", 42) == 7);
	CHECK(strcmp(buf, "x=00042") == 0);
}

static int
call_vsnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vise_vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return (n);
}

static void
vsnprintf_takes_a_va_list(void)
{
	char buf[32];

	CHECK(call_vsnprintf(buf, sizeof(buf), "%d %s %c", -3, "va", '!') ==
	    7);
	CHECK(strcmp(buf, "-3 va !") == 0);
}

static void
null_string_and_null_pointer_print_as_freebsd_does(void)
{
	/* volatile: gcc would reject a NULL %s it can see. */
	const char *volatile null_string = NULL;
	char buf[32];

	vise_snprintf(buf, sizeof(buf), "%s|%p", null_string, NULL);
	CHECK(strcmp(buf, "(null)|0x0") == 0, "\"%s\"", buf);
}

static void
output_beyond_int_max_fails(void)
{
	/* volatile: gcc rejects output it can see is too long. */
	volatile int width = INT_MAX;

	CHECK(vise_snprintf(NULL, 0, "%*d%s", width, 1, "x") < 0);
	CHECK(vise_snprintf(NULL, 0, "%*d", width, 1) == INT_MAX,
	    "exactly INT_MAX is fine");
}

int
main(void)
{
	TAP_RUN(integers_match_host);
	TAP_RUN(flags_match_host);
	TAP_RUN(flags_that_cancel_match_host);
	TAP_RUN(width_and_precision_match_host);
	TAP_RUN(pointers_match_host);
	TAP_RUN(random_formats_match_host);
	TAP_RUN(truncation_keeps_terminator_and_full_length);
	TAP_RUN(percent_c_of_nul_is_one_byte);
	TAP_RUN(sprintf_and_vsprintf_write_whole_output);
	TAP_RUN(vsnprintf_takes_a_va_list);
	TAP_RUN(null_string_and_null_pointer_print_as_freebsd_does);
	TAP_RUN(output_beyond_int_max_fails);
	return (tap_exit_status());
}
