/*
 * format.c - the printf engine: turns a format and its arguments into
 * output on a sink (format.h), so that every printf-family function is
 * a thin wrapper that only chooses where the text goes.
 *
 * Conversions: d i u o x X c s p n %, and e E f F g G a A
 * (format_float.c).  Flags: - + space # 0.  Width and precision as
 * digits or *.  Length modifiers: hh h l ll j z t, and L (long double;
 * on integers it means ll, as in glibc).  An unknown conversion is
 * printed as it stands (C leaves it undefined).
 *
 * Output goes out in runs (literal text, padding, digits), not byte by
 * byte, so that a stream sink can copy whole pieces.
 */
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "format.h"

/* See format.h. */
void
__format_emit(struct format_output *out, const char *buf, size_t len)
{
	if (out->failed || len == 0)
		return;
	if (len > (size_t)INT_MAX - out->count) {
		errno = EOVERFLOW;
		out->failed = true;
		return;
	}
	if (out->sink->write(out->sink, buf, len) != 0) {
		out->failed = true;
		return;
	}
	out->count += len;
}

/* See format.h. */
void
__format_pad(struct format_output *out, char c, long n)
{
	static const char spaces[16] = "                ";
	static const char zeros[16] = "0000000000000000";
	const char *run = c == '0' ? zeros : spaces;

	/* Fail at once rather than after INT_MAX / 16 runs. */
	if (n > 0 && (size_t)n > (size_t)INT_MAX - out->count) {
		errno = EOVERFLOW;
		out->failed = true;
		return;
	}
	for (; n > 0; n -= (long)sizeof(spaces))
		__format_emit(out, run, n < (long)sizeof(spaces) ?
		    (size_t)n : sizeof(spaces));
}

/* %s and %c: len bytes of s, cut to the precision, padded to the width. */
static void
emit_string(struct format_output *out, const struct format_spec *sp,
    const char *s, size_t len)
{
	long pad;

	if (sp->precision >= 0 && (size_t)sp->precision < len)
		len = (size_t)sp->precision;
	pad = len < (size_t)sp->width ? sp->width - (long)len : 0;
	if (!sp->left)
		__format_pad(out, ' ', pad);
	__format_emit(out, s, len);
	if (sp->left)
		__format_pad(out, ' ', pad);
}

/*
 * An integer conversion: [sign or 0x][zeros][digits], padded to the
 * width with spaces (or zeros, for '0' without '-' or a precision).
 * conv is d, i, u, o, x, X or p.
 */
static void
emit_integer(struct format_output *out, const struct format_spec *sp,
    char conv, uintmax_t magnitude, bool negative)
{
	const char *digit_chars = conv == 'X' ? "0123456789ABCDEF" :
	    "0123456789abcdef";
	unsigned base = conv == 'o' ? 8 : conv == 'x' || conv == 'X' ||
	    conv == 'p' ? 16 : 10;
	char digits[sizeof(uintmax_t) * CHAR_BIT / 3 + 1];
	const char *prefix = "";
	size_t ndigits = 0, prefix_len;
	long zeros, width_left;
	bool nonzero = magnitude != 0;

	for (; magnitude != 0; magnitude /= base) {
		ndigits++;
		digits[sizeof(digits) - ndigits] = digit_chars[magnitude % base];
	}
	/* Zero is one digit, except that "%.0d" of 0 prints none. */
	if (ndigits == 0 && sp->precision != 0) {
		ndigits++;
		digits[sizeof(digits) - ndigits] = '0';
	}

	if (negative)
		prefix = "-";
	else if ((conv == 'd' || conv == 'i') && sp->plus)
		prefix = "+";
	else if ((conv == 'd' || conv == 'i') && sp->space)
		prefix = " ";
	/* '#': 0x for a nonzero value only; %p always has it. */
	else if (conv == 'p' || (sp->alt && base == 16 && nonzero))
		prefix = conv == 'X' ? "0X" : "0x";
	prefix_len = strlen(prefix);

	zeros = sp->precision > (long)ndigits ? sp->precision - (long)ndigits :
	    0;
	/* '#' with octal: the first digit must be a 0, adding one if not. */
	if (conv == 'o' && sp->alt && zeros == 0 && (nonzero || ndigits == 0))
		zeros = 1;
	width_left = sp->width - (long)(prefix_len + ndigits) - zeros;
	if (sp->zero && !sp->left && sp->precision < 0 && width_left > 0) {
		zeros += width_left;
		width_left = 0;
	}

	if (!sp->left)
		__format_pad(out, ' ', width_left);
	__format_emit(out, prefix, prefix_len);
	__format_pad(out, '0', zeros);
	__format_emit(out, digits + sizeof(digits) - ndigits, ndigits);
	if (sp->left)
		__format_pad(out, ' ', width_left);
}

/* A decimal number at *fmtp, capped at INT_MAX; advances *fmtp. */
static int
parse_number(const char **fmtp)
{
	const char *fmt = *fmtp;
	int n = 0;

	for (; *fmt >= '0' && *fmt <= '9'; fmt++)
		n = n > (INT_MAX - 9) / 10 ? INT_MAX : n * 10 + (*fmt - '0');
	*fmtp = fmt;
	return (n);
}

/*
 * Parse flags, width, precision and length at *fmtp into *sp, taking
 * '*' values from ap; advances *fmtp to the conversion character.
 */
static void
parse_spec(const char **fmtp, struct format_spec *sp, va_list *ap)
{
	const char *fmt = *fmtp;

	*sp = (struct format_spec){ .precision = -1 };
	for (;; fmt++) {
		if (*fmt == '-')
			sp->left = true;
		else if (*fmt == '+')
			sp->plus = true;
		else if (*fmt == ' ')
			sp->space = true;
		else if (*fmt == '#')
			sp->alt = true;
		else if (*fmt == '0')
			sp->zero = true;
		else
			break;
	}
	if (*fmt == '*') {
		fmt++;
		sp->width = va_arg(*ap, int);
		/* C: a negative width is a '-' flag and a positive width. */
		if (sp->width < 0) {
			sp->left = true;
			sp->width = sp->width == INT_MIN ? INT_MAX : -sp->width;
		}
	} else
		sp->width = parse_number(&fmt);
	if (*fmt == '.') {
		fmt++;
		if (*fmt == '*') {
			fmt++;
			sp->precision = va_arg(*ap, int);
			/* C: a negative precision is taken as if omitted. */
			if (sp->precision < 0)
				sp->precision = -1;
		} else
			sp->precision = parse_number(&fmt);
	}
	if (fmt[0] == 'h' || fmt[0] == 'l') {
		sp->length = fmt[0];
		if (fmt[1] == fmt[0]) {
			sp->length = fmt[0] == 'h' ? 'H' : 'L';
			fmt++;
		}
		fmt++;
	} else if (*fmt == 'j' || *fmt == 'z' || *fmt == 't')
		sp->length = *fmt++;
	else if (*fmt == 'L') {
		sp->length = 'L';
		fmt++;
	}
	*fmtp = fmt;
}

/* The next argument of a signed conversion, as its length says. */
static intmax_t
signed_arg(char length, va_list *ap)
{
	switch (length) {
	case 'H':
		return ((signed char)va_arg(*ap, int));
	case 'h':
		return ((short)va_arg(*ap, int));
	case 'l':
		return (va_arg(*ap, long));
	case 'L':
		return (va_arg(*ap, long long));
	case 'j':
		return (va_arg(*ap, intmax_t));
	case 'z':
		/* The signed type of size_t's width (ssize_t). */
		return (va_arg(*ap, ptrdiff_t));
	case 't':
		return (va_arg(*ap, ptrdiff_t));
	default:
		return (va_arg(*ap, int));
	}
}

/* The next argument of an unsigned conversion, as its length says. */
static uintmax_t
unsigned_arg(char length, va_list *ap)
{
	switch (length) {
	case 'H':
		return ((unsigned char)va_arg(*ap, unsigned));
	case 'h':
		return ((unsigned short)va_arg(*ap, unsigned));
	case 'l':
		return (va_arg(*ap, unsigned long));
	case 'L':
		return (va_arg(*ap, unsigned long long));
	case 'j':
		return (va_arg(*ap, uintmax_t));
	case 'z':
		return (va_arg(*ap, size_t));
	case 't':
		/* The unsigned type of ptrdiff_t's width. */
		return (va_arg(*ap, size_t));
	default:
		return (va_arg(*ap, unsigned));
	}
}

/* %n: store the count so far where the argument points. */
static void
store_count(char length, size_t count, va_list *ap)
{
	switch (length) {
	case 'H':
		*va_arg(*ap, signed char *) = (signed char)count;
		break;
	case 'h':
		*va_arg(*ap, short *) = (short)count;
		break;
	case 'l':
		*va_arg(*ap, long *) = (long)count;
		break;
	case 'L':
		*va_arg(*ap, long long *) = (long long)count;
		break;
	case 'j':
		*va_arg(*ap, intmax_t *) = (intmax_t)count;
		break;
	case 'z':
		*va_arg(*ap, size_t *) = count;
		break;
	case 't':
		*va_arg(*ap, ptrdiff_t *) = (ptrdiff_t)count;
		break;
	default:
		*va_arg(*ap, int *) = (int)count;
		break;
	}
}

/*
 * Format one conversion, fmt at its conversion character.  A long
 * double is printed as the double nearest to it.
 */
static void
convert(struct format_output *out, const struct format_spec *sp,
    const char *fmt, va_list *ap)
{
	const char *s;
	intmax_t value;
	double d;
	char c;

	switch (*fmt) {
	case 'd':
	case 'i':
		value = signed_arg(sp->length, ap);
		/* Negate as unsigned: -INTMAX_MIN does not exist. */
		emit_integer(out, sp, *fmt, value < 0 ? -(uintmax_t)value :
		    (uintmax_t)value, value < 0);
		break;
	case 'u':
	case 'o':
	case 'x':
	case 'X':
		emit_integer(out, sp, *fmt, unsigned_arg(sp->length, ap),
		    false);
		break;
	case 'p':
		emit_integer(out, sp, 'p', (uintptr_t)va_arg(*ap, void *),
		    false);
		break;
	case 'c':
		c = (char)va_arg(*ap, int);
		emit_string(out, &(struct format_spec){ .left = sp->left,
		    .width = sp->width, .precision = -1 }, &c, 1);
		break;
	case 's':
		s = va_arg(*ap, const char *);
		if (s == NULL)
			s = "(null)";
		emit_string(out, sp, s, sp->precision >= 0 ?
		    strnlen(s, (size_t)sp->precision) : strlen(s));
		break;
	case 'e':
	case 'E':
	case 'f':
	case 'F':
	case 'g':
	case 'G':
	case 'a':
	case 'A':
		if (sp->length == 'L')
			d = (double)va_arg(*ap, long double);
		else
			d = va_arg(*ap, double);
		__format_float(out, sp, *fmt, d);
		break;
	case 'n':
		store_count(sp->length, out->count, ap);
		break;
	case '%':
		__format_emit(out, "%", 1);
		break;
	default:
		/* Unknown: show the '%' and the character (if not the end). */
		__format_emit(out, "%", 1);
		__format_emit(out, fmt, *fmt != '\0' ? 1 : 0);
		break;
	}
}

/*
 * Format fmt with the arguments in ap onto sink.  Returns the number of
 * bytes written, or -1 if the sink failed (errno is the sink's) or the
 * output would exceed INT_MAX bytes (errno EOVERFLOW, as POSIX says).
 */
int
__format(struct format_sink *sink, const char *fmt, va_list ap)
{
	struct format_output out = { .sink = sink };
	struct format_spec sp;
	const char *literal;
	va_list aq;

	/* A copy, so that helpers can take its address on every ABI. */
	va_copy(aq, ap);
	while (*fmt != '\0' && !out.failed) {
		literal = fmt;
		while (*fmt != '\0' && *fmt != '%')
			fmt++;
		__format_emit(&out, literal, (size_t)(fmt - literal));
		if (*fmt == '\0')
			break;
		fmt++;
		parse_spec(&fmt, &sp, &aq);
		convert(&out, &sp, fmt, &aq);
		if (*fmt != '\0')
			fmt++;
	}
	va_end(aq);
	return (out.failed ? -1 : (int)out.count);
}
