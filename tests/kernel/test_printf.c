/*
 * test_printf.c - the kernel printf engine, through snprintf, in the
 * kernel itself (the host tests cover more cases under sanitizers).
 */
#include <kernel/systm.h>
#include <kernel/ktest.h>

static bool
formats_as(const char *expect, const char *fmt, ...)
{
	char buf[128];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (strcmp(buf, expect) == 0 && n == (int)strlen(expect))
		return (true);
	printf("# \"%s\" gave \"%s\" (%d), expected \"%s\"\n", fmt, buf, n,
	    expect);
	return (false);
}

KTEST(printf_integers)
{
	KT_CHECK(formats_as("42 -7 0", "%d %i %u", 42, -7, 0));
	KT_CHECK(formats_as("-2147483648", "%d", (int)0x80000000));
	KT_CHECK(formats_as("18446744073709551615", "%llu", ~0ULL));
	KT_CHECK(formats_as("-9223372036854775808", "%lld",
	    (long long)0x8000000000000000ULL));
	KT_CHECK(formats_as("4294967295", "%lu", 0xffffffffUL));
	KT_CHECK(formats_as("255 377 ff FF", "%u %o %x %X", 255, 255, 255, 255));
	KT_CHECK(formats_as("-1 255", "%hhd %hhu", 255, 255));
	KT_CHECK(formats_as("123 456", "%zu %jd", (size_t)123, (intmax_t)456));
}

KTEST(printf_width_precision_flags)
{
	KT_CHECK(formats_as("   42|42   |00042", "%5d|%-5d|%05d", 42, 42, 42));
	KT_CHECK(formats_as("+42 -42  42", "%+d %+d % d", 42, -42, 42));
	KT_CHECK(formats_as("00042 -0042", "%.5d %05d", 42, -42));
	KT_CHECK(formats_as("0x1f 0X1F 017", "%#x %#X %#o", 31, 31, 15));
	KT_CHECK(formats_as("   0x1f", "%#7x", 31));
	KT_CHECK(formats_as("0x0001f", "%#07x", 31));
	KT_CHECK(formats_as("    7|7    ", "%*d|%-*d", 5, 7, 5, 7));
	KT_CHECK(formats_as("", "%.0d", 0));
}

KTEST(printf_strings_chars_pointers)
{
	KT_CHECK(formats_as("abc|  abc|abc  |ab", "%s|%5s|%-5s|%.2s", "abc",
	    "abc", "abc", "abc"));
	KT_CHECK(formats_as("(null)", "%s", (char *)NULL));
	KT_CHECK(formats_as("x|  y", "%c|%3c", 'x', 'y'));
	KT_CHECK(formats_as("100%", "100%%"));
	KT_CHECK(formats_as("0x1234", "%p", (void *)0x1234));
}

KTEST(snprintf_truncates_and_terminates)
{
	char buf[8];
	int n;

	memset(buf, 'z', sizeof(buf));
	n = snprintf(buf, sizeof(buf), "%s", "0123456789");
	KT_CHECK(n == 10, "returned %d", n);
	KT_CHECK(strcmp(buf, "0123456") == 0, "buf \"%s\"", buf);
	n = snprintf(buf, 0, "%d", 12345);
	KT_CHECK(n == 5, "returned %d", n);
}
