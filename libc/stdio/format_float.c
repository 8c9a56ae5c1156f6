/*
 * format_float.c - printf's floating-point conversions: %e %f %g in
 * decimal, %a in hexadecimal, and infinities and NaNs.
 *
 * Decimal output starts from the exact expansion of the value
 * (__dtoa_exact), which is rounded once, at the last digit printed, to
 * nearest with ties to even: so every digit is right, at any
 * precision.  Digits past the expansion's last one are zeros: the
 * output is built from a "virtual" digit string, where digit i is the
 * expansion's i-th significant digit, and '0' before and after it.
 */
#include <stdint.h>
#include <string.h>

#include "format.h"
#include "libc_private.h"

/* A number's significant digits, and the place of the decimal point. */
struct digits {
	char	*d;		/* d[0 .. n): no leading or trailing zeros */
	int	n;		/* 0: the value is zero */
	int	decpt;		/* value = 0.d[0]d[1]... x 10^decpt */
};

/*
 * Round ds to its first `keep` digits (keep may be <= 0: the first
 * digit kept would be before d[0]), to nearest, ties to even.  The
 * digits after d[keep] are never all zeros (there are none), so a
 * '5' with more digits after it is above the halfway point.
 */
static void
round_digits(struct digits *ds, int keep)
{
	bool up;
	int i;

	if (keep >= ds->n)
		return;
	if (keep < 0) {
		ds->n = 0;
		return;
	}
	if (ds->d[keep] != '5')
		up = ds->d[keep] > '5';
	else if (keep + 1 < ds->n)
		up = true;
	else
		up = keep > 0 && (ds->d[keep - 1] - '0') % 2 == 1;
	ds->n = keep;
	if (up) {
		for (i = keep - 1; i >= 0 && ds->d[i] == '9'; i--)
			;
		if (i < 0) {
			/* 99.9 -> 100: one digit, one place further left. */
			ds->d[0] = '1';
			ds->n = 1;
			ds->decpt++;
			return;
		}
		ds->d[i]++;
		ds->n = i + 1;
	}
	while (ds->n > 0 && ds->d[ds->n - 1] == '0')
		ds->n--;
}

/* Emit the virtual digits [from, to) of ds (see the top of the file). */
static void
emit_digits(struct format_output *out, const struct digits *ds, int from,
    int to)
{
	int stop;

	while (from < to) {
		if (from < 0 || from >= ds->n) {
			stop = from < 0 && to > 0 ? 0 : to;
			__format_pad(out, '0', stop - from);
		} else {
			stop = to < ds->n ? to : ds->n;
			__format_emit(out, ds->d + from, (size_t)(stop - from));
		}
		from = stop;
	}
}

/*
 * The layout of one conversion: sign, prefix (0x), the body of
 * `len` bytes, which body() emits; padded to the width.
 */
static void
emit_padded(struct format_output *out, const struct format_spec *sp,
    const char *prefix, long len, bool zero_ok,
    void (*body)(struct format_output *, const void *), const void *arg)
{
	long plen = (long)strlen(prefix), pad;

	pad = sp->width - plen - len;
	if (!sp->left && !(sp->zero && zero_ok))
		__format_pad(out, ' ', pad);
	__format_emit(out, prefix, (size_t)plen);
	if (!sp->left && sp->zero && zero_ok)
		__format_pad(out, '0', pad);
	body(out, arg);
	if (sp->left)
		__format_pad(out, ' ', pad);
}

/* What a decimal body needs: the digits and how to lay them out. */
struct decimal_body {
	const struct digits *ds;
	bool		exp_style;	/* d.ddde+XX, not ddd.ddd */
	int		fraction;	/* digits after the point */
	bool		point;		/* print the point */
	char		expbuf[8];	/* "e+XX", "e-XXX"; "" for %f */
};

static void
decimal_body(struct format_output *out, const void *arg)
{
	const struct decimal_body *b = arg;
	const struct digits *ds = b->ds;
	int start;

	if (b->exp_style) {
		emit_digits(out, ds, 0, 1);
		start = 1;
	} else {
		if (ds->decpt > 0)
			emit_digits(out, ds, 0, ds->decpt);
		else
			__format_emit(out, "0", 1);
		start = ds->decpt;
	}
	if (b->point)
		__format_emit(out, ".", 1);
	emit_digits(out, ds, start, start + b->fraction);
	if (b->exp_style)
		__format_emit(out, b->expbuf, strlen(b->expbuf));
}

/*
 * "e+XX": the letter, the exponent's sign and at least mindigits
 * digits, NUL-terminated.
 */
static void
format_exponent(char *buf, char e, int exponent, int mindigits)
{
	char tmp[8];
	int n = 0;
	unsigned v = exponent < 0 ? (unsigned)-exponent : (unsigned)exponent;

	*buf++ = e;
	*buf++ = exponent < 0 ? '-' : '+';
	do {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v != 0 || n < mindigits);
	while (n > 0)
		*buf++ = tmp[--n];
	*buf = '\0';
}

/*
 * %e %f %g of |x| (finite) after the sign prefix.  conv is lower case;
 * upper says %E or %G.
 */
static void
format_decimal(struct format_output *out, const struct format_spec *sp,
    const char *prefix, char conv, bool upper, double x)
{
	char buf[DTOA_BUFSIZE];
	struct digits ds;
	struct decimal_body b;
	int prec = sp->precision < 0 ? 6 : sp->precision, p, x10, have;
	bool strip = false;
	long len;

	ds.d = __dtoa_exact(x, buf, &ds.n, &ds.decpt);
	memset(&b, 0, sizeof(b));
	b.ds = &ds;
	if (conv == 'g') {
		/*
		 * C11 7.21.6.1: P significant digits; %f style if the
		 * exponent X they have is in [-4, P), else %e style.
		 * Trailing zeros go, unless '#'.
		 */
		p = prec == 0 ? 1 : prec;
		round_digits(&ds, p);
		x10 = ds.n == 0 ? 0 : ds.decpt - 1;
		if (p > x10 && x10 >= -4) {
			conv = 'f';
			prec = p - 1 - x10;
		} else {
			conv = 'e';
			prec = p - 1;
		}
		strip = !sp->alt;
	}
	if (conv == 'e') {
		round_digits(&ds, prec + 1);
		b.exp_style = true;
		format_exponent(b.expbuf, upper ? 'E' : 'e',
		    ds.n == 0 ? 0 : ds.decpt - 1, 2);
		have = ds.n - 1;
	} else {
		round_digits(&ds, ds.decpt + prec);
		have = ds.n - ds.decpt;
	}
	b.fraction = prec;
	if (strip && have < prec)
		b.fraction = have > 0 ? have : 0;
	b.point = b.fraction > 0 || sp->alt;
	len = (b.exp_style ? 1 : (ds.decpt > 0 ? ds.decpt : 1)) +
	    (b.point ? 1 : 0) + b.fraction + (long)strlen(b.expbuf);
	emit_padded(out, sp, prefix, len, true, decimal_body, &b);
}

/* What a hexadecimal body needs. */
struct hex_body {
	char	lead;		/* the digit before the point */
	bool	point;
	char	frac[16];	/* hex digits after the point */
	int	nfrac;
	int	zeros;		/* zeros after them, for a long precision */
	char	expbuf[12];	/* "p+X", "p-XXXX" */
};

static void
hex_body(struct format_output *out, const void *arg)
{
	const struct hex_body *b = arg;

	__format_emit(out, &b->lead, 1);
	if (b->point)
		__format_emit(out, ".", 1);
	__format_emit(out, b->frac, (size_t)b->nfrac);
	__format_pad(out, '0', b->zeros);
	__format_emit(out, b->expbuf, strlen(b->expbuf));
}

/*
 * %a of |x| (finite), as glibc prints it: 0x1.hhhp+d for a normal
 * number, 0x0.hhhp-1022 for a subnormal one, 0x0p+0 for zero.  Without
 * a precision, as many hex digits as the value needs; with one,
 * rounded to nearest, ties to even (a carry makes the lead digit 2,
 * as in glibc).
 */
static void
format_hex(struct format_output *out, const struct format_spec *sp,
    const char *sign, bool upper, double x)
{
	const char *hex = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	struct hex_body b;
	char prefix[4];
	uint64_t bits, frac, rest, half;
	int biased, exponent, nfrac, i, drop;

	memcpy(&bits, &x, sizeof(bits));
	frac = bits & (((uint64_t)1 << 52) - 1);
	biased = (int)(bits >> 52 & 0x7ff);
	memset(&b, 0, sizeof(b));
	b.lead = biased != 0 ? '1' : '0';
	exponent = biased != 0 ? biased - 1023 : frac != 0 ? -1022 : 0;

	/* 52 bits are 13 hex digits. */
	nfrac = 13;
	if (sp->precision < 0) {
		while (nfrac > 0 && (frac & 0xf) == 0) {
			frac >>= 4;
			nfrac--;
		}
	} else if (sp->precision < 13) {
		/* Round lead.frac as one number: the lead digit's parity counts. */
		frac |= (uint64_t)(b.lead - '0') << 52;
		drop = 4 * (13 - sp->precision);
		rest = frac & (((uint64_t)1 << drop) - 1);
		half = (uint64_t)1 << (drop - 1);
		frac >>= drop;
		if (rest > half || (rest == half && (frac & 1) != 0))
			frac++;
		nfrac = sp->precision;
		b.lead = (char)('0' + (frac >> (4 * nfrac)));
		frac &= ((uint64_t)1 << (4 * nfrac)) - 1;
	} else
		b.zeros = sp->precision - 13;
	for (i = nfrac - 1; i >= 0; i--) {
		b.frac[i] = hex[frac & 0xf];
		frac >>= 4;
	}
	b.nfrac = nfrac;
	b.point = nfrac + b.zeros > 0 || sp->alt;
	format_exponent(b.expbuf, upper ? 'P' : 'p', exponent, 1);
	strcpy(prefix, sign);
	strcat(prefix, upper ? "0X" : "0x");
	emit_padded(out, sp, prefix, 1 + (b.point ? 1 : 0) + nfrac + b.zeros +
	    (long)strlen(b.expbuf), true, hex_body, &b);
}

/* inf or nan, in a field of spaces ('0' does not apply). */
static void
text_body(struct format_output *out, const void *arg)
{
	__format_emit(out, arg, 3);
}

/* See format.h. */
void
__format_float(struct format_output *out, const struct format_spec *sp,
    char conv, double value)
{
	uint64_t bits;
	bool upper = conv >= 'A' && conv <= 'Z', negative;
	const char *sign;

	memcpy(&bits, &value, sizeof(bits));
	negative = (bits >> 63) != 0;
	sign = negative ? "-" : sp->plus ? "+" : sp->space ? " " : "";
	if ((bits >> 52 & 0x7ff) == 0x7ff) {
		emit_padded(out, sp, sign, 3, false, text_body,
		    (bits & (((uint64_t)1 << 52) - 1)) != 0 ?
		    (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"));
		return;
	}
	bits &= ~((uint64_t)1 << 63);
	memcpy(&value, &bits, sizeof(value));
	if (upper)
		conv = (char)(conv - 'A' + 'a');
	if (conv == 'a')
		format_hex(out, sp, sign, upper, value);
	else
		format_decimal(out, sp, sign, conv, upper, value);
}
