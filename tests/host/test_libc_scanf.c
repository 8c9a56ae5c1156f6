/*
 * test_libc_scanf.c - libc's scanf family (libc/stdio/scan.c) against
 * the host's: integers of every length and base with widths, strings,
 * characters and scan sets, %n and %%, suppression, floats (random
 * decimal strings through %f %lf %Lf), the return value at the end
 * of the input; then the cases where C, FreeBSD and glibc part ways
 * (a float that stops half-way), checked against C; and fscanf on a
 * stream, which must leave the first unmatched byte unread.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "libc_host.h"
#include "rng.h"
#include "tap.h"

/*
 * The comparisons pass three pointers to every format, whether it uses
 * them or not (C allows extra arguments), and one type for all three.
 */
#pragma GCC diagnostic ignored "-Wformat-extra-args"
#pragma GCC diagnostic ignored "-Wformat"

/* Scan in with fmt into three T's and a %n both ways; compare all. */
#define SAME3(T, in, fmt) do {						\
	T a[3], b[3];							\
	int nw, ng, na = -1, nb = -1;					\
	memset(a, 0x5a, sizeof(a));					\
	memset(b, 0x5a, sizeof(b));					\
	nw = sscanf(in, fmt "%n", &a[0], &a[1], &a[2], &na);		\
	ng = vise_sscanf(in, fmt "%n", &b[0], &b[1], &b[2], &nb);	\
	CHECK(nw == ng && na == nb && memcmp(a, b, sizeof(a)) == 0,	\
	    "\"%s\" with \"%s\": host %d (n %d), libc %d (n %d)", in,	\
	    fmt, nw, na, ng, nb);					\
} while (0)

static void
integers_match_host(void)
{
	SAME3(int, "1 2 3", "%d %d %d");
	SAME3(int, "-17+4 0", "%d%d%d");
	SAME3(int, "0x1f 017 99", "%i %i %i");
	SAME3(int, "-0x1f -017 -99", "%i %i %i");
	SAME3(unsigned, "ff 777 4294967295", "%x %o %u");
	SAME3(unsigned, "0XFF 0x 12", "%X %x %u");
	SAME3(int, "123456", "%2d%3d%d");
	SAME3(int, "  42abc", "%d%d%d");
	SAME3(int, "12,34;56", "%d,%d;%d");
	SAME3(int, "12 , 34", "%d , %d%d");
	SAME3(long, "-9223372036854775808 9223372036854775807 1",
	    "%ld %ld %ld");
	SAME3(long long, "1 -2 3", "%lld %lld %lld");
	SAME3(short, "70000 -5 32767", "%hd %hd %hd");
	SAME3(signed char, "300 -1 127", "%hhd %hhd %hhd");
	SAME3(unsigned char, "ff 100 7", "%hhx %hhu %hho");
	SAME3(intmax_t, "1 2 3", "%jd %jd %jd");
	SAME3(size_t, "1 2 3", "%zu %zx %zo");
	SAME3(ptrdiff_t, "-1 2 3", "%td %td %td");
	SAME3(int, "1 2 3", "%*d %d %d");
	SAME3(int, "+ 5", "%d %d %d");
	SAME3(int, "-", "%d %d %d");
	SAME3(int, "", "%d %d %d");
	SAME3(int, "   ", "%d %d %d");
	SAME3(int, "7", "%d %d %d");
	SAME3(int, "x", "%d %d %d");
	SAME3(int, "5%6", "%d%%%d");
	SAME3(int, "5 % 6", "%d %% %d");
	SAME3(int, "abc 5", "abc %d %d");
	SAME3(int, "abd 5", "abc %d %d");
}

static void
random_integers_match_host(void)
{
	static const char *const formats[] = {
		"%d %i %u", "%3d%2i%5u", "%x%o%X", "%1d%1x%1o", "%hhd %hhu %hhx",
		"%ld %li %lx", "%i%i%i", "%4i %2x %7o",
	};
	char in[96], *p;
	size_t i, k;

	rng_state = 777;
	for (i = 0; i < 20000; i++) {
		p = in;
		for (k = 0; k < 3; k++) {
			if (rng(3) == 0)
				*p++ = "+- "[rng(3)];
			if (rng(3) == 0)
				p += sprintf(p, "0%s", rng(2) ? "x" : "");
			p += sprintf(p, rng(2) ? "%x" : "%u",
			    rng(2) ? rng(100) : rng(UINT32_MAX));
			*p++ = " \t\n"[rng(3)];
		}
		*p = '\0';
		if (i % 2 == 0)
			SAME3(int, in, "%d %i %u");
		else if (strstr(formats[i % 8], "%h") != NULL)
			SAME3(unsigned char, in, "%hhd %hhu %hhx");
		else if (strstr(formats[i % 8], "%l") != NULL)
			SAME3(long, in, "%ld %li %lx");
		else
			SAME3(int, in, "%4i %2x %7o");
		if (tap.checks_failed > 5)
			break;
	}
}

/* Strings and characters: two buffers and an int. */
#define SAME_STR(in, fmt) do {						\
	char a1[32], a2[32], b1[32], b2[32];				\
	int nw, ng, na = -1, nb = -1;					\
	memset(a1, 'Z', sizeof(a1));					\
	memset(a2, 'Z', sizeof(a2));					\
	memset(b1, 'Z', sizeof(b1));					\
	memset(b2, 'Z', sizeof(b2));					\
	nw = sscanf(in, fmt "%n", a1, a2, &na);				\
	ng = vise_sscanf(in, fmt "%n", b1, b2, &nb);			\
	CHECK(nw == ng && na == nb && memcmp(a1, b1, 32) == 0 &&	\
	    memcmp(a2, b2, 32) == 0,					\
	    "\"%s\" with \"%s\": host %d (n %d), libc %d (n %d)", in,	\
	    fmt, nw, na, ng, nb);					\
} while (0)

static void
strings_and_sets_match_host(void)
{
	SAME_STR("hello world", "%s %s");
	SAME_STR("  hello\tworld\n", "%s%s");
	SAME_STR("abcdefgh", "%3s%2s");
	SAME_STR("abcdefgh", "%c%3c");
	SAME_STR(" x y", "%c%c");
	SAME_STR(" x y", " %c %c");
	SAME_STR("abc123def", "%[a-z]%[0-9]");
	SAME_STR("abc123def", "%[^0-9]%[^a-z]");
	SAME_STR("]]]abc", "%[]]%s");
	SAME_STR("a-b-c", "%[a-]%s");
	SAME_STR("--x", "%[-x]%s");
	SAME_STR("^^x", "%[^x]%[x]");
	SAME_STR("key=value", "%[^=]=%s");
	SAME_STR("abc", "%[0-9]%s");
	SAME_STR("", "%[a]%s");
	SAME_STR("12345678", "%2[0-9]%3[0-9]");
	SAME_STR("a b", "%*s %s%s");
	SAME_STR("name: Vise", "name: %s%s");
	SAME_STR("x", "%c%c");
}

/* Floats: three of type T and a %n. */
static void
floats_match_host(void)
{
	SAME3(float, "1.5 -2.25e3 0x1p-3", "%f %e %a");
	SAME3(double, "1.5 -2.25e3 0x1p-3", "%lf %le %la");
	SAME3(double, "inf -INFINITY nan", "%lf %lg %lf");
	SAME3(double, "1e400 1e-400 4.9e-324", "%lf %lf %lf");
	SAME3(double, "3.14159xyz", "%lf%lf%lf");
	SAME3(double, "12345678", "%3lf%2lf%lf");
	SAME3(double, ".5 5. -.5", "%lf %lf %lf");
	SAME3(double, ". 5", "%lf %lf %lf");
	/* libc's long double has double's precision: exact values. */
	SAME3(long double, "1.5 2.5 0.25", "%Lf %Lf %Lf");
	SAME3(double, "1 2 3", "%*lf %lf %lf");
	SAME3(float, "3.4028235677973366e38 1e-46 1.17549435e-38",
	    "%g %G %F");
}

static void
random_floats_match_host(void)
{
	char in[200], *p;
	size_t i, k;
	int ndig, j;

	rng_state = 4242;
	for (i = 0; i < 20000; i++) {
		p = in;
		for (k = 0; k < 3; k++) {
			if (rng(3) == 0)
				*p++ = "+-"[rng(2)];
			ndig = 1 + (int)rng(25);
			for (j = 0; j < ndig; j++) {
				*p++ = (char)('0' + rng(10));
				if (j == (int)rng(30))
					*p++ = '.';
			}
			if (rng(2))
				p += sprintf(p, "e%d", (int)rng(640) - 330);
			*p++ = ' ';
		}
		*p = '\0';
		if (i % 2)
			SAME3(double, in, "%lf %lg %le");
		else
			SAME3(float, in, "%f %g %e");
		if (tap.checks_failed > 5)
			break;
	}
}

/*
 * C11 7.21.6.2p10 and its example "100ergs": an item that begins a
 * number but is not one fails to match, and its characters are gone.
 * glibc converts the part that is a number instead.
 */
static void
partial_float_is_a_matching_failure(void)
{
	double d = -1;
	int n = -1;

	CHECK(vise_sscanf("100ergs", "%lf%n", &d, &n) == 0 && d == -1,
	    "100ergs");
	CHECK(vise_sscanf("1e+x", "%lf%n", &d, &n) == 0 && n == -1,
	    "1e+x");
	CHECK(vise_sscanf("0x1p", "%lf", &d) == 0, "0x1p");
	CHECK(vise_sscanf("infinx", "%lf", &d) == 0, "infinx");
	CHECK(vise_sscanf("infx", "%lf%n", &d, &n) == 1 && d > 1e308 &&
	    n == 3, "infx");
	CHECK(vise_sscanf("1e5x", "%lf%n", &d, &n) == 1 && d == 1e5 &&
	    n == 3, "1e5x");
	CHECK(vise_sscanf("1.5e10", "%4lf", &d) == 0, "a width cuts 1.5e");
}

/*
 * EOF only if the input ends before the first conversion, suppressed
 * ones included (as FreeBSD; glibc counts only assignments).
 */
static void
return_value_counts_conversions(void)
{
	int a = 0, n = -1;

	CHECK(vise_sscanf("", "%d", &a) == EOF, "empty input");
	CHECK(vise_sscanf("  ", " %d", &a) == EOF, "only spaces");
	CHECK(vise_sscanf("1", "%*d %d", &a) == 0, "after a suppressed one");
	CHECK(vise_sscanf("1", "%d %d", &a, &a) == 1, "one of two");
	CHECK(vise_sscanf("", "%n", &n) == 0 && n == 0, "%%n alone");
	CHECK(vise_sscanf("x", "x%d", &a) == EOF, "literal then end");
	CHECK(vise_sscanf("abc", "%5c", (char[8]){ 0 }) == 1,
	    "%%5c of 3 bytes stores them (glibc, FreeBSD)");
}

static void
wide_strings_store_wchar(void)
{
	wchar_t w[8];
	int r;

	r = vise_sscanf("abc de", "%ls", w);
	CHECK(r == 1 && w[0] == L'a' && w[2] == L'c' && w[3] == 0, "%%ls");
	r = vise_sscanf("xy", "%2lc", w);
	CHECK(r == 1 && w[0] == L'x' && w[1] == L'y', "%%lc");
}

static void
pointers_round_trip(void)
{
	char buf[64];
	void *p = NULL, *want = (void *)(uintptr_t)0xdeadbeef;

	vise_snprintf(buf, sizeof(buf), "%p", want);
	CHECK(vise_sscanf(buf, "%p", &p) == 1 && p == want, "%s", buf);
}

/* fscanf: the byte that stops a number is the next one read. */
static void
fscanf_leaves_the_stopping_byte(void)
{
	VISE_FILE *fp;
	int a = 0, b = 0;
	char word[16];

	libc_host_fd_reset();
	libc_host_fds[3].in = "12 34xyz 56\nrest";
	libc_host_fds[3].inlen = strlen(libc_host_fds[3].in);
	libc_host_fds[3].chunk = 3;	/* the number spans reads */
	libc_host_fds[3].open = true;
	fp = vise_fdopen(3, "r");
	CHECK(vise_fscanf(fp, "%d %d", &a, &b) == 2 && a == 12 && b == 34,
	    "got %d %d", a, b);
	CHECK(vise_fgetc(fp) == 'x', "x not next");
	CHECK(vise_fscanf(fp, "%s %d", word, &a) == 2 &&
	    strcmp(word, "yz") == 0 && a == 56, "word %s, %d", word, a);
	CHECK(vise_fscanf(fp, "%d", &a) == 0, "rest is no number");
	CHECK(vise_fscanf(fp, "%s", word) == 1 && strcmp(word, "rest") == 0,
	    "word %s", word);
	CHECK(vise_fscanf(fp, "%s", word) == EOF && vise_feof(fp),
	    "end of file");
	vise_fclose(fp);
}

int
main(void)
{
	TAP_RUN(integers_match_host);
	TAP_RUN(random_integers_match_host);
	TAP_RUN(strings_and_sets_match_host);
	TAP_RUN(floats_match_host);
	TAP_RUN(random_floats_match_host);
	TAP_RUN(partial_float_is_a_matching_failure);
	TAP_RUN(return_value_counts_conversions);
	TAP_RUN(wide_strings_store_wchar);
	TAP_RUN(pointers_round_trip);
	TAP_RUN(fscanf_leaves_the_stopping_byte);
	return (tap_exit_status());
}
