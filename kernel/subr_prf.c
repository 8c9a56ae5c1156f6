/*
 * subr_prf.c - the kernel's printf engine: kvprintf() formats into a
 * caller-supplied output function; snprintf() and the console printf()
 * are built on it.  No allocation, no locks, no floating point, so it
 * works in any context and is also compiled and tested on the host.
 *
 * Conversions: d i u o x X p s c %; flags - + space # 0; width and
 * precision (numbers or *); length modifiers hh h l ll j z t.
 */
#include <kernel/systm.h>

struct fmtspec {
	bool		left;		/* '-' */
	bool		plus;		/* '+' */
	bool		space;		/* ' ' */
	bool		alt;		/* '#' */
	bool		zero;		/* '0' */
	bool		is_signed;	/* the conversion is d or i */
	int		width;		/* -1: none */
	int		precision;	/* -1: none */
};

struct out {
	void		(*put)(int, void *);
	void		*arg;
	int		count;
};

static void
out_char(struct out *o, int c)
{
	o->put(c, o->arg);
	o->count++;
}

static void
out_repeat(struct out *o, int c, int n)
{
	while (n-- > 0)
		out_char(o, c);
}

/* A string with width and precision (%s, %c). */
static void
out_string(struct out *o, const struct fmtspec *fs, const char *s)
{
	int len, i;

	if (s == NULL)
		s = "(null)";
	len = (int)strnlen(s, fs->precision >= 0 ? (size_t)fs->precision :
	    (size_t)-1 >> 1);
	if (!fs->left)
		out_repeat(o, ' ', fs->width - len);
	for (i = 0; i < len; i++)
		out_char(o, s[i]);
	if (fs->left)
		out_repeat(o, ' ', fs->width - len);
}

/*
 * A number: sign or 0x prefix, zeros to the precision (or to the width
 * with '0'), then the digits, padded left or right to the width.
 */
static void
out_number(struct out *o, const struct fmtspec *fs, uintmax_t value,
    bool negative, unsigned base, bool upper)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char buf[sizeof(uintmax_t) * 3 + 1];
	const char *prefix = "";
	int ndigits = 0, nzeros, len;
	bool nonzero = value != 0;

	while (value != 0) {
		buf[ndigits++] = digits[value % base];
		value /= base;
	}
	/* "%.0d" of 0 prints no digits; otherwise 0 is one digit. */
	if (ndigits == 0 && fs->precision != 0)
		buf[ndigits++] = '0';

	/* '+' and ' ' only mean something for signed conversions. */
	if (negative)
		prefix = "-";
	else if (fs->plus && base == 10 && fs->is_signed)
		prefix = "+";
	else if (fs->space && base == 10 && fs->is_signed)
		prefix = " ";
	/* "0x" only for a nonzero value. */
	if (fs->alt && base == 16 && nonzero)
		prefix = upper ? "0X" : "0x";
	nzeros = fs->precision > ndigits ? fs->precision - ndigits : 0;
	/* '#' with octal: the first digit must be 0 ("%#.0o" of 0 is "0"). */
	if (fs->alt && base == 8 && nzeros == 0 &&
	    (ndigits == 0 || buf[ndigits - 1] != '0'))
		nzeros = 1;
	len = (int)strlen(prefix) + nzeros + ndigits;
	if (fs->zero && !fs->left && fs->precision < 0 && fs->width > len) {
		nzeros += fs->width - len;
		len = fs->width;
	}

	if (!fs->left)
		out_repeat(o, ' ', fs->width - len);
	while (*prefix != '\0')
		out_char(o, *prefix++);
	out_repeat(o, '0', nzeros);
	while (ndigits > 0)
		out_char(o, buf[--ndigits]);
	if (fs->left)
		out_repeat(o, ' ', fs->width - len);
}

/* Parse flags, width and precision at *fmtp; advance past them. */
static void
parse_spec(const char **fmtp, struct fmtspec *fs, va_list *ap)
{
	const char *fmt = *fmtp;

	*fs = (struct fmtspec){ .width = -1, .precision = -1 };
	for (;; fmt++) {
		if (*fmt == '-')
			fs->left = true;
		else if (*fmt == '+')
			fs->plus = true;
		else if (*fmt == ' ')
			fs->space = true;
		else if (*fmt == '#')
			fs->alt = true;
		else if (*fmt == '0')
			fs->zero = true;
		else
			break;
	}
	if (*fmt == '*') {
		fs->width = va_arg(*ap, int);
		if (fs->width < 0) {
			fs->left = true;
			fs->width = -fs->width;
		}
		fmt++;
	} else {
		for (; *fmt >= '0' && *fmt <= '9'; fmt++)
			fs->width = (fs->width < 0 ? 0 : fs->width * 10) +
			    (*fmt - '0');
	}
	if (*fmt == '.') {
		fmt++;
		fs->precision = 0;
		if (*fmt == '*') {
			fs->precision = va_arg(*ap, int);
			fmt++;
		} else {
			for (; *fmt >= '0' && *fmt <= '9'; fmt++)
				fs->precision = fs->precision * 10 + (*fmt - '0');
		}
	}
	*fmtp = fmt;
}

enum length { LEN_INT, LEN_CHAR, LEN_SHORT, LEN_LONG, LEN_LLONG, LEN_MAX,
	LEN_SIZE, LEN_PTRDIFF };

static enum length
parse_length(const char **fmtp)
{
	const char *fmt = *fmtp;
	enum length len = LEN_INT;

	switch (*fmt) {
	case 'h':
		len = fmt[1] == 'h' ? LEN_CHAR : LEN_SHORT;
		fmt += len == LEN_CHAR ? 2 : 1;
		break;
	case 'l':
		len = fmt[1] == 'l' ? LEN_LLONG : LEN_LONG;
		fmt += len == LEN_LLONG ? 2 : 1;
		break;
	case 'j': len = LEN_MAX; fmt++; break;
	case 'z': len = LEN_SIZE; fmt++; break;
	case 't': len = LEN_PTRDIFF; fmt++; break;
	}
	*fmtp = fmt;
	return (len);
}

static intmax_t
fetch_signed(enum length len, va_list *ap)
{
	switch (len) {
	case LEN_CHAR: return ((signed char)va_arg(*ap, int));
	case LEN_SHORT: return ((short)va_arg(*ap, int));
	case LEN_LONG: return (va_arg(*ap, long));
	case LEN_LLONG: return (va_arg(*ap, long long));
	case LEN_MAX: return (va_arg(*ap, intmax_t));
	case LEN_SIZE: return (va_arg(*ap, ptrdiff_t));	/* ssize_t */
	case LEN_PTRDIFF: return (va_arg(*ap, ptrdiff_t));
	default: return (va_arg(*ap, int));
	}
}

static uintmax_t
fetch_unsigned(enum length len, va_list *ap)
{
	switch (len) {
	case LEN_CHAR: return ((unsigned char)va_arg(*ap, unsigned));
	case LEN_SHORT: return ((unsigned short)va_arg(*ap, unsigned));
	case LEN_LONG: return (va_arg(*ap, unsigned long));
	case LEN_LLONG: return (va_arg(*ap, unsigned long long));
	case LEN_MAX: return (va_arg(*ap, uintmax_t));
	case LEN_SIZE: return (va_arg(*ap, size_t));
	case LEN_PTRDIFF: return ((uintmax_t)va_arg(*ap, ptrdiff_t));
	default: return (va_arg(*ap, unsigned));
	}
}

/*
 * kvprintf: format `fmt` with `ap`, handing each output character to
 * put(c, arg).  Returns the number of characters produced.  Any context.
 */
int
kvprintf(const char *fmt, void (*put)(int, void *), void *arg, va_list ap)
{
	struct out o = { put, arg, 0 };
	struct fmtspec fs;
	enum length len;
	intmax_t sval;
	va_list aq;
	char c[2];

	va_copy(aq, ap);
	for (; *fmt != '\0'; fmt++) {
		if (*fmt != '%') {
			out_char(&o, *fmt);
			continue;
		}
		fmt++;
		parse_spec(&fmt, &fs, &aq);
		len = parse_length(&fmt);
		switch (*fmt) {
		case 'd':
		case 'i':
			sval = fetch_signed(len, &aq);
			fs.is_signed = true;
			out_number(&o, &fs, sval < 0 ? -(uintmax_t)sval : (uintmax_t)sval,
			    sval < 0, 10, false);
			break;
		case 'u':
			out_number(&o, &fs, fetch_unsigned(len, &aq), false, 10,
			    false);
			break;
		case 'o':
			out_number(&o, &fs, fetch_unsigned(len, &aq), false, 8,
			    false);
			break;
		case 'x':
		case 'X':
			out_number(&o, &fs, fetch_unsigned(len, &aq), false, 16,
			    *fmt == 'X');
			break;
		case 'p':
			fs.alt = true;
			out_number(&o, &fs, (uintptr_t)va_arg(aq, void *), false,
			    16, false);
			break;
		case 's':
			out_string(&o, &fs, va_arg(aq, const char *));
			break;
		case 'c':
			c[0] = (char)va_arg(aq, int);
			c[1] = '\0';
			fs.precision = 1;
			out_string(&o, &fs, c);
			break;
		case '%':
			out_char(&o, '%');
			break;
		case '\0':
			/* A lone '%' at the end: print it, stop. */
			out_char(&o, '%');
			fmt--;
			break;
		default:
			/* Unknown conversion: show it rather than guess. */
			out_char(&o, '%');
			out_char(&o, *fmt);
			break;
		}
	}
	va_end(aq);
	return (o.count);
}

struct snprintf_buf {
	char	*buf;
	size_t	size;
	size_t	len;
};

static void
snprintf_put(int c, void *arg)
{
	struct snprintf_buf *sb = arg;

	if (sb->len + 1 < sb->size)
		sb->buf[sb->len] = (char)c;
	sb->len++;
}

/*
 * vsnprintf/snprintf: format into buf (always NUL-terminated when
 * size > 0); return the length the full output would have had.
 */
int
vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct snprintf_buf sb = { buf, size, 0 };
	int n;

	n = kvprintf(fmt, snprintf_put, &sb, ap);
	if (size > 0)
		buf[sb.len < size ? sb.len : size - 1] = '\0';
	return (n);
}

int
snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return (n);
}
