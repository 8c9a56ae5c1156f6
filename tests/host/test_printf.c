/*
 * test_printf.c - the kernel's printf engine (kernel/subr_prf.c) on the
 * host: fixed cases, then a differential test against the C library's
 * snprintf over many random formats and values (every conversion, flag,
 * width, precision and length modifier the kernel supports).
 *
 * The kernel's snprintf/vsnprintf are renamed kern_* for this build
 * (see host-tests.mk) so that both can be called side by side.
 */
#include <inttypes.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"

int	kern_snprintf(char *buf, size_t size, const char *fmt, ...)
	    __printflike(3, 4);

#define SAME(fmt, ...) do {						\
	char want[256], got[256];					\
	int nw = snprintf(want, sizeof(want), fmt, __VA_ARGS__);	\
	int ng = kern_snprintf(got, sizeof(got), fmt, __VA_ARGS__);	\
	CHECK(nw == ng && strcmp(want, got) == 0,			\
	    "\"%s\": libc \"%s\" (%d), kernel \"%s\" (%d)", fmt, want,	\
	    nw, got, ng);						\
} while (0)

static void
printf_fixed_cases(void)
{
	SAME("%d %i %u", 42, -7, 0u);
	SAME("%d", INT32_MIN);
	SAME("%lld %llu", (long long)INT64_MIN, (unsigned long long)UINT64_MAX);
	SAME("%hhd %hhu %hd %hu", 255, 255, 65535, 65535);
	SAME("%zu %zx %jd %td", (size_t)123, (size_t)0xabc, (intmax_t)-5,
	    (ptrdiff_t)-9);
	SAME("%#x %#X %#o %#o", 31, 31, 15, 0);
	SAME("%.0d|%.0x|%#.0o", 0, 0, 0);
	SAME("%-8s|%8.3s|%.*s", "abc", "abcdef", 2, "xyz");
	SAME("%c%c%5c%-3c|", 'a', 'b', 'c', 'd');
	SAME("%*d|%-*d|%*d", 6, 1, 6, 2, -6, 3);
	SAME("%.*d", -1, 42);
	SAME("%p", (void *)0x1234);
	SAME("%s", "100%% sure");
}

static void
printf_truncation(void)
{
	char buf[8];
	int n;

	memset(buf, 'z', sizeof(buf));
	n = kern_snprintf(buf, sizeof(buf), "%s-%d", "abcdef", 12345);
	CHECK(n == 12, "returned %d", n);
	CHECK(strcmp(buf, "abcdef-") == 0, "buf \"%s\"", buf);
	n = kern_snprintf(buf, 1, "%d", 7);
	CHECK(n == 1 && buf[0] == '\0', "size 1: %d \"%s\"", n, buf);
	n = kern_snprintf(NULL, 0, "%d", 12345);
	CHECK(n == 5, "size 0 returned %d", n);
}

/* A random conversion spec, built from what the kernel supports. */
static void
random_spec(char *fmt, size_t size, char conv, const char *len)
{
	static const char flags[] = "-+ #0";
	char fl[8] = "", width[8] = "", prec[8] = "";
	int i, n = 0;

	for (i = 0; i < 5; i++)
		if (rand() % 4 == 0)
			fl[n++] = flags[i];
	fl[n] = '\0';
	if (rand() % 2)
		snprintf(width, sizeof(width), "%d", rand() % 25);
	if (rand() % 2)
		snprintf(prec, sizeof(prec), ".%d", rand() % 25);
	/* libc leaves these undefined; skip them. */
	if (conv == 'c' || conv == 's' || conv == 'p')
		prec[0] = conv == 's' ? prec[0] : '\0';
	if (conv == 'c' || conv == 's' || conv == 'p') {
		char *z;

		while ((z = strpbrk(fl, "+ #0")) != NULL)
			memmove(z, z + 1, strlen(z));
	}
	snprintf(fmt, size, "[%%%s%s%s%s%c]", fl, width, prec, len, conv);
}

static unsigned long long
random_value(void)
{
	static const unsigned long long edges[] = { 0, 1, 7, 8, 9, 10, 15, 16,
	    255, 256, 0x7fffffff, 0x80000000ULL, 0xffffffffULL,
	    0x7fffffffffffffffULL, 0x8000000000000000ULL, ~0ULL };

	if (rand() % 3 == 0)
		return (edges[rand() % (sizeof(edges) / sizeof(edges[0]))]);
	return ((unsigned long long)rand() << 33 ^ (unsigned long long)rand() << 11 ^
	    (unsigned long long)rand());
}

static void
printf_random_vs_libc(void)
{
	static const char convs[] = "diuoxX";
	static const char *const lens[] = { "", "hh", "h", "l", "ll", "j", "z" };
	static const char *const strs[] = { "", "a", "hello", "a longer string" };
	char fmt[64];
	int i;

	srand(12345);
	for (i = 0; i < 200000; i++) {
		char conv = convs[rand() % 6];
		const char *len = lens[rand() % 7];
		unsigned long long v = random_value();

		random_spec(fmt, sizeof(fmt), conv, len);
		if (strcmp(len, "") == 0 || strcmp(len, "hh") == 0 ||
		    strcmp(len, "h") == 0)
			SAME(fmt, (int)v);
		else if (strcmp(len, "l") == 0)
			SAME(fmt, (long)v);
		else if (strcmp(len, "z") == 0)
			SAME(fmt, (size_t)v);
		else if (strcmp(len, "j") == 0)
			SAME(fmt, (intmax_t)v);
		else
			SAME(fmt, (long long)v);
		if (tap.checks_failed > 10)
			return;
	}
	for (i = 0; i < 20000; i++) {
		random_spec(fmt, sizeof(fmt), "sc"[rand() % 2], "");
		const char *str = strs[rand() % 4];
		int c = 'A' + rand() % 26;

		if (strstr(fmt, "s]") != NULL)
			SAME(fmt, str);
		else
			SAME(fmt, c);
	}
}

int
main(void)
{
	TAP_RUN(printf_fixed_cases);
	TAP_RUN(printf_truncation);
	TAP_RUN(printf_random_vs_libc);
	return (tap_exit_status());
}
