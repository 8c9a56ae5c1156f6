/*
 * test_libc_float.c - libc's floating point against the host's (glibc,
 * whose printf and strtod are exact): printf's %e %f %g %a (a table of
 * hard cases, then many random values and formats: every flag, width,
 * precision, denormals, infinities, NaNs), and strtod/strtof
 * (round trips, random decimal strings, the exact halfway points
 * between doubles and their neighbours, hexadecimal input, the
 * subject sequence, range errors).
 */
#include <ctype.h>
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libc_host.h"
#include "rng.h"
#include "tap.h"

extern const int libc_ERANGE;

#define SAME(fmt, ...) do {						\
	static char want[2048], got[2048];				\
	int nw = snprintf(want, sizeof(want), fmt, __VA_ARGS__);	\
	int ng = vise_snprintf(got, sizeof(got), fmt, __VA_ARGS__);	\
	CHECK(nw == ng && strcmp(want, got) == 0,			\
	    "\"%s\": host \"%s\" (%d), libc \"%s\" (%d)", fmt, want,	\
	    nw, got, ng);						\
} while (0)

static double
from_bits(uint64_t bits)
{
	double d;

	memcpy(&d, &bits, sizeof(d));
	return (d);
}

static uint64_t
to_bits(double d)
{
	uint64_t bits;

	memcpy(&bits, &d, sizeof(bits));
	return (bits);
}

static uint64_t
random64(void)
{
	return (((uint64_t)rng(UINT32_MAX) << 32) | rng(UINT32_MAX));
}

/* Values where rounding, carries and formats change. */
static const double hard_values[] = {
	0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, 3.5, 0.125, 0.375, 9.5, 99.5,
	0.05, 0.15, 0.25, 0.35, 0.45, 1e-5, 1e-4, 9.9999e-5, 0.0001,
	123456789.0, 1e15, 1e16, 1e17, 1e21, 1e22, 1e23, 9.999999e22,
	0.1, 0.2, 0.3, 1.0 / 3.0, 2.0 / 3.0, 3.14159265358979323846,
	2.718281828459045, 999999.5, 9999995.0, 0.9999995, 99.99, 0.00095,
	DBL_MAX, DBL_MIN, DBL_EPSILON, DBL_TRUE_MIN, 5e-324, 1e-310,
	2.2250738585072009e-308, 1.7976931348623157e308, 4503599627370496.5,
	9007199254740993.0, 1e100, 1e-100, 123.456, -0.000123456,
};

static void
printf_hard_values_match_host(void)
{
	static const char *const formats[] = {
		"%e", "%f", "%g", "%a", "%E", "%F", "%G", "%A",
		"%.0e", "%.0f", "%.0g", "%.0a", "%.1e", "%.1f", "%.1g",
		"%.1a", "%.3e", "%.3f", "%.3g", "%.3a", "%.17e", "%.17g",
		"%.20f", "%.40e", "%.25g", "%.13a", "%.20a", "%#.0e",
		"%#.0f", "%#a", "%#.0a", "%+e", "% f",
		"%+g", "%015.3e", "%-15.3f|", "%15g", "%015a", "%+020.5f",
		"% 012g", "%.100f", "%.330f", "%.800e", "%.767e",
	};
	size_t i, j;

	for (i = 0; i < sizeof(hard_values) / sizeof(hard_values[0]); i++)
		for (j = 0; j < sizeof(formats) / sizeof(formats[0]); j++) {
			SAME(formats[j], hard_values[i]);
			SAME(formats[j], -hard_values[i]);
		}
}

static void
printf_infinities_and_nans_match_host(void)
{
	double values[] = { INFINITY, -INFINITY, NAN, -NAN };
	size_t i;

	for (i = 0; i < 4; i++) {
		SAME("%f|%e|%g|%a|%F|%E|%G|%A", values[i], values[i],
		    values[i], values[i], values[i], values[i], values[i],
		    values[i]);
		SAME("%10f|%-10e|%010g|%+a|% f|%+010.3F|%#G", values[i],
		    values[i], values[i], values[i], values[i], values[i],
		    values[i]);
	}
}

/*
 * A random double: any bits (denormals, infinities and NaNs included),
 * a small integer or a short decimal fraction, or one near a power of
 * ten, where the %g and carry decisions are.
 */
static double
random_double(void)
{
	double d;

	switch (rng(5)) {
	case 0:
	case 1:
		return (from_bits(random64()));
	case 2:
		return ((double)(int32_t)rng(UINT32_MAX) / 1000.0);
	case 3:
		d = pow(10.0, (double)((int)rng(60) - 30));
		return (rng(2) ? nextafter(d, 0.0) : d * (1 + rng(9)));
	default:
		return (from_bits(random64() & 0x800fffffffffffffULL));
	}
}

static void
printf_random_values_match_host(void)
{
	static const char convs[] = "eEfFgGaA";
	char fmt[64], *p, conv;
	size_t i, k;
	double d;
	int width, prec;

	rng_state = 20240601;
	for (i = 0; i < 60000; i++) {
		d = random_double();
		p = fmt;
		*p++ = '%';
		conv = convs[rng(8)];
		for (k = 0; k < 5; k++)
			if (rng(4) == 0)
				*p++ = "-+ #0"[k];
		/* glibc's %#g is wrong after a carry: see below. */
		if (tolower(conv) == 'g' && p[-1] == '#')
			p--;
		width = rng(3) == 0 ? (int)rng(40) : -1;
		prec = rng(3) != 0 ? (int)rng(40) : -1;
		if (width >= 0)
			p += sprintf(p, "%d", width);
		if (prec >= 0)
			p += sprintf(p, ".%d", prec);
		*p++ = conv;
		*p = '\0';
		SAME(fmt, d);
		if (tap.checks_failed > 5)
			break;
	}
}

static void
printf_long_double_and_stars_match_host(void)
{
	SAME("%Lf|%Le|%Lg", 1.5L, -2.25e100L, 1e-5L);
	SAME("%*.*f|%-*.*e|", 12, 3, 3.14159, 14, 2, 2.5e-7);
	SAME("%.*g|%.*g", -1, 1.0 / 3, 0, 123.0);
}

/*
 * %#g keeps trailing zeros (C11 7.21.6.1).  glibc drops them when
 * rounding carries into a new power of ten that switches to the %e
 * style ("1.e+06" for 999999.5), so these are checked against C.
 */
static void
printf_alt_g_keeps_zeros(void)
{
	static const struct {
		const char	*fmt;
		double		value;
		const char	*want;
	} cases[] = {
		{ "%#g", 999999.5, "1.00000e+06" },
		{ "%#g", 1e6, "1.00000e+06" },
		{ "%#g", 123.0, "123.000" },
		{ "%#.2g", 9.96, "10." },
		{ "%#.1g", 9.6, "1.e+01" },
		{ "%#.3g", 99.95, "100." },
		{ "%#.3G", 999.5, "1.00E+03" },
		{ "%#g", 0.0, "0.00000" },
		{ "%#.0g", 0.0001, "0.0001" },
		{ "%#g", 1e-5, "1.00000e-05" },
		{ "%#10.3g", -0.5, "    -0.500" },
	};
	char got[64];
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		vise_snprintf(got, sizeof(got), cases[i].fmt, cases[i].value);
		CHECK(strcmp(got, cases[i].want) == 0, "%s of %g: \"%s\"",
		    cases[i].fmt, cases[i].value, got);
	}
}

static void
strtod_round_trips(void)
{
	char buf[64];
	size_t i;
	double d, got;

	rng_state = 17;
	for (i = 0; i < 50000; i++) {
		d = from_bits(random64());
		if (isnan(d))
			continue;
		snprintf(buf, sizeof(buf), rng(2) ? "%.17g" : "%a", d);
		got = vise_strtod(buf, NULL);
		CHECK(to_bits(got) == to_bits(d), "\"%s\" read as %a", buf,
		    got);
		if (tap.checks_failed > 5)
			break;
	}
}

/* Compare strtod and strtof with the host's on the string s. */
static void
same_strtod(const char *s)
{
	char *end_want, *end_got;
	double want, got;
	float fwant, fgot;

	want = strtod(s, &end_want);
	got = vise_strtod(s, &end_got);
	CHECK(to_bits(want) == to_bits(got) && end_want - s == end_got - s,
	    "\"%.60s\": host %a (+%td), libc %a (+%td)", s, want,
	    end_want - s, got, end_got - s);
	fwant = strtof(s, &end_want);
	fgot = vise_strtof(s, &end_got);
	CHECK(memcmp(&fwant, &fgot, sizeof(fwant)) == 0 &&
	    end_want - s == end_got - s,
	    "strtof \"%.60s\": host %a, libc %a", s, fwant, fgot);
}

static void
strtod_random_decimals_match_host(void)
{
	char buf[128], *p;
	size_t i;
	int k, ndig;

	rng_state = 99;
	for (i = 0; i < 50000; i++) {
		p = buf;
		if (rng(4) == 0)
			*p++ = "-+ "[rng(3)];
		ndig = 1 + (int)rng(rng(4) == 0 ? 60 : 20);
		for (k = 0; k < ndig; k++) {
			*p++ = (char)('0' + rng(10));
			if (rng(ndig) == 0 && strchr(buf, '.') == NULL)
				*p++ = '.';
		}
		if (rng(3) != 0)
			p += sprintf(p, "e%d", (int)rng(700) - 350);
		*p = '\0';
		same_strtod(buf);
		if (tap.checks_failed > 5)
			break;
	}
}

/*
 * The exact halfway point between a double and the next one (a long
 * double holds it exactly), in full, then nudged up and down: ties go
 * to the even neighbour, anything else to the nearer one.
 */
static void
strtod_halfway_points_match_host(void)
{
	static char buf[1200];
	char *e;
	size_t i, len;
	long double mid;
	double d;

	rng_state = 5;
	for (i = 0; i < 3000; i++) {
		d = fabs(from_bits(random64()));
		if (!isfinite(d) || !isfinite(nextafter(d, INFINITY)))
			continue;
		mid = ((long double)d + nextafter(d, INFINITY)) / 2;
		snprintf(buf, sizeof(buf), "%.1000Le", mid);
		/* Drop the trailing zeros of the mantissa. */
		e = strchr(buf, 'e');
		len = (size_t)(e - buf);
		while (buf[len - 1] == '0')
			len--;
		memmove(buf + len, e, strlen(e) + 1);
		same_strtod(buf);
		/* A 1 far past the end: above the halfway point. */
		memmove(buf + len + 3, buf + len, strlen(buf + len) + 1);
		memcpy(buf + len, "001", 3);
		same_strtod(buf);
		if (tap.checks_failed > 5)
			break;
	}
}

static void
strtod_special_inputs_match_host(void)
{
	static const char *const inputs[] = {
		"", "   ", "+", "-", ".", "e5", "1e", "1e+", "1e+x", "1.e3",
		".5", "5.", "-.5e-3", "0x", "0x.", "0x1p", "0x1.8p1", "0X1P-3",
		"0x.8", "0x1.fffffffffffff8p1023", "0x1.fffffffffffff7p1023",
		"0x1p-1074", "0x1p-1075", "0x1.8p-1075", "0x1p-1076",
		"0x123456789abcdef0123p0", "inf", "INF", "-Infinity", "infinit",
		"nan", "NaN(123abc)", "nan(", "nan()x", "  -0", "0e999999999",
		"1e999999999", "1e-999999999", "4.9406564584124654e-324",
		"2.4703282292062327e-324", "2.4703282292062328e-324",
		"2.2250738585072011e-308", "2.2250738585072012e-308",
		"1.7976931348623158e308", "1.7976931348623159e308",
		"179769313486231580793728971405303415079934132710037826936173"
		"778980444968292764750946649017977587207096330286416692887910"
		"946555547851940402630657488671505820681908902000708383676273"
		"854845817711531764475730270069855571366959622842914819860834"
		"936475292719074168444365510704342711559699508093042880177904"
		"1e-300",
		"0.000000000000000000000000000000000000000000000000000000001",
		"123456789012345678901234567890", "3.4028235677973366e38",
		"3.4028235677973367e38", "1.40129846432481707e-45",
		"7.0064923216240854e-46", "7.0064923216240855e-46",
		"1.17549435e-38", "00000000000000000000000000000001.5",
	};
	size_t i;

	for (i = 0; i < sizeof(inputs) / sizeof(inputs[0]); i++)
		same_strtod(inputs[i]);
}

static void
strtod_range_errors(void)
{
	double d;

	vise_errno = 0;
	d = vise_strtod("1e400", NULL);
	CHECK(isinf(d) && d > 0 && vise_errno == libc_ERANGE, "overflow");
	vise_errno = 0;
	d = vise_strtod("-1e-400", NULL);
	CHECK(d == 0 && signbit(d) && vise_errno == libc_ERANGE,
	    "underflow");
	vise_errno = 0;
	d = vise_strtod("1.5", NULL);
	CHECK(d == 1.5 && vise_errno == 0, "errno set for 1.5");
	vise_errno = 0;
	d = vise_strtod("0x1p-1074", NULL);
	CHECK(d == DBL_TRUE_MIN && vise_errno == 0,
	    "an exact subnormal is no range error");
	vise_errno = 0;
	CHECK(vise_strtod("x", NULL) == 0 && vise_errno == 0,
	    "no number sets errno");
	CHECK(vise_atof("  2.5e1xyz") == 25.0, "atof");
	CHECK(vise_strtold("0.5", NULL) == 0.5L, "strtold");
	vise_errno = 0;
	CHECK(isinf(vise_strtof("1e39", NULL)) && vise_errno == libc_ERANGE,
	    "strtof overflow");
}

int
main(void)
{
	TAP_RUN(printf_hard_values_match_host);
	TAP_RUN(printf_infinities_and_nans_match_host);
	TAP_RUN(printf_random_values_match_host);
	TAP_RUN(printf_long_double_and_stars_match_host);
	TAP_RUN(printf_alt_g_keeps_zeros);
	TAP_RUN(strtod_round_trips);
	TAP_RUN(strtod_random_decimals_match_host);
	TAP_RUN(strtod_halfway_points_match_host);
	TAP_RUN(strtod_special_inputs_match_host);
	TAP_RUN(strtod_range_errors);
	return (tap_exit_status());
}
