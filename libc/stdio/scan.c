/*
 * scan.c - the scanf engine: reads characters from a source (scan.h)
 * as a format says, so that sscanf and fscanf only choose the source.
 *
 * Conversions: d i u o x X p n c s [...] %, and a e f g (any case).
 * Assignment suppression (*), field widths, and the length modifiers
 * hh h l ll j z t L (l with c, s and [ stores wchar_t, one per byte:
 * the C locale).  Numbers are read as C11 7.21.6.2 says: the input item
 * is the longest sequence that is, or begins, a number, and an item
 * that begins one but is not one ("1e+", "0x" for a float, "-") is a
 * matching failure; nothing is pushed back but the one character
 * peeked at.  Integers that do not fit are clamped as strtoimax and
 * strtoumax clamp them, then stored in the argument's type.
 */
#include <ctype.h>
#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scan.h"

/* What a directive did. */
enum scan_result {
	SCAN_OK,
	SCAN_MATCH_FAIL,	/* the input did not match: stop */
	SCAN_INPUT_FAIL,	/* the input ended or failed first: stop */
};

struct scanner {
	struct scan_source *src;
	size_t		count;		/* characters taken, for %n */
};

/* One conversion specification. */
struct scan_spec {
	bool		suppress;	/* '*': read, do not assign */
	size_t		width;		/* SIZE_MAX: none */
	char		length;		/* 0, h, l, j, z, t; H: hh; L: ll, L */
	char		conv;
};

static int
peek(struct scanner *sc)
{
	return (sc->src->peek(sc->src));
}

static void
take(struct scanner *sc)
{
	sc->src->next(sc->src);
	sc->count++;
}

/* Skip white space; SCAN_INPUT_FAIL if nothing is left after it. */
static enum scan_result
skip_space(struct scanner *sc)
{
	int c;

	while ((c = peek(sc)) != EOF && isspace(c))
		take(sc);
	return (c == EOF ? SCAN_INPUT_FAIL : SCAN_OK);
}

/* The value of c as a digit in bases up to 16, or 16. */
static int
digit_value(int c)
{
	if (c >= '0' && c <= '9')
		return (c - '0');
	if (c >= 'a' && c <= 'f')
		return (c - 'a' + 10);
	if (c >= 'A' && c <= 'F')
		return (c - 'A' + 10);
	return (16);
}

/*
 * An integer in base (0: as a C constant) of at most width characters.
 * *magnitude saturates at UINTMAX_MAX (*overflow then set).
 */
static enum scan_result
scan_integer(struct scanner *sc, size_t width, int base,
    uintmax_t *magnitude, bool *negative, bool *overflow)
{
	bool digits = false;
	int c, d;

	*magnitude = 0;
	*negative = *overflow = false;
	c = peek(sc);
	if (width > 0 && (c == '+' || c == '-')) {
		*negative = c == '-';
		take(sc);
		width--;
	}
	if ((base == 0 || base == 16) && width > 0 && peek(sc) == '0') {
		take(sc);
		width--;
		digits = true;
		c = peek(sc);
		if (width > 0 && (c == 'x' || c == 'X')) {
			take(sc);
			width--;
			base = 16;
		} else if (base == 0)
			base = 8;
	}
	if (base == 0)
		base = 10;
	while (width > 0 && (d = digit_value(peek(sc))) < base) {
		take(sc);
		width--;
		digits = true;
		if (*magnitude > (UINTMAX_MAX - (uintmax_t)d) / (uintmax_t)base)
			*overflow = true;
		else
			*magnitude = *magnitude * (uintmax_t)base + (uintmax_t)d;
	}
	if (*overflow)
		*magnitude = UINTMAX_MAX;
	return (digits ? SCAN_OK : SCAN_MATCH_FAIL);
}

/* Store v where the next argument points, in the type length says. */
static void
store_integer(va_list *ap, char length, uintmax_t v)
{
	switch (length) {
	case 'H':
		*va_arg(*ap, signed char *) = (signed char)v;
		break;
	case 'h':
		*va_arg(*ap, short *) = (short)v;
		break;
	case 'l':
		*va_arg(*ap, long *) = (long)v;
		break;
	case 'L':
		*va_arg(*ap, long long *) = (long long)v;
		break;
	case 'j':
		*va_arg(*ap, intmax_t *) = (intmax_t)v;
		break;
	case 'z':
		*va_arg(*ap, size_t *) = (size_t)v;
		break;
	case 't':
		*va_arg(*ap, ptrdiff_t *) = (ptrdiff_t)v;
		break;
	default:
		*va_arg(*ap, int *) = (int)v;
		break;
	}
}

/* %d %i %u %o %x %X %p. */
static enum scan_result
convert_integer(struct scanner *sc, const struct scan_spec *sp, va_list *ap)
{
	enum scan_result r;
	uintmax_t magnitude, v;
	bool negative, overflow, is_signed;
	int base;

	switch (sp->conv) {
	case 'd':
	case 'u':
		base = 10;
		break;
	case 'i':
		base = 0;
		break;
	case 'o':
		base = 8;
		break;
	default:
		base = 16;
		break;
	}
	r = scan_integer(sc, sp->width, base, &magnitude, &negative,
	    &overflow);
	if (r != SCAN_OK || sp->suppress)
		return (r);
	is_signed = sp->conv == 'd' || sp->conv == 'i';
	if (is_signed && !negative && magnitude > INTMAX_MAX)
		v = INTMAX_MAX;
	else if (is_signed && negative && magnitude > (uintmax_t)INTMAX_MAX + 1)
		v = (uintmax_t)INTMAX_MIN;
	else if (!is_signed && overflow)
		v = UINTMAX_MAX;
	else
		v = negative ? -magnitude : magnitude;
	if (sp->conv == 'p')
		*va_arg(*ap, void **) = (void *)(uintptr_t)v;
	else
		store_integer(ap, sp->length, v);
	return (SCAN_OK);
}

/* A growing string for the text of a floating-point number. */
struct text {
	char	*s;
	size_t	len, cap;
	bool	nomem;
	char	local[64];
};

static void
text_add(struct text *t, int c)
{
	char *bigger;

	if (t->len + 1 == t->cap) {
		if ((bigger = malloc(t->cap * 2)) == NULL) {
			t->nomem = true;
			return;
		}
		memcpy(bigger, t->s, t->len);
		if (t->s != t->local)
			free(t->s);
		t->s = bigger;
		t->cap *= 2;
	}
	t->s[t->len++] = (char)c;
	t->s[t->len] = '\0';
}

/*
 * Take the next character into t if it is one of `set` (and the width
 * allows); whether it was.
 */
static bool
accept(struct scanner *sc, struct text *t, size_t *width, const char *set)
{
	int c = peek(sc);

	if (*width == 0 || c == EOF || c == '\0' || strchr(set, c) == NULL)
		return (false);
	take(sc);
	(*width)--;
	text_add(t, c);
	return (true);
}

/* Digits of a number (hex if hex), with one point if point. */
static void
accept_digits(struct scanner *sc, struct text *t, size_t *width, bool hex,
    bool point)
{
	const char *digits = hex ? "0123456789abcdefABCDEF" : "0123456789";
	bool seen_point = !point;

	for (;;) {
		if (accept(sc, t, width, digits))
			continue;
		if (!seen_point && accept(sc, t, width, "."))
			seen_point = true;
		else
			break;
	}
}

/*
 * The text of a floating-point number (what strtod reads) into t: the
 * longest prefix of one, which may turn out not to be one.
 */
static void
collect_float(struct scanner *sc, struct text *t, size_t width)
{
	static const char infinity[] = "infinity";
	size_t i;
	bool hex = false;

	accept(sc, t, &width, "+-");
	if (accept(sc, t, &width, "iI")) {
		for (i = 1; i < 8; i++) {
			char set[3] = { infinity[i],
			    (char)toupper(infinity[i]), '\0' };

			if (!accept(sc, t, &width, set))
				break;
		}
		return;
	}
	if (accept(sc, t, &width, "nN")) {
		if (accept(sc, t, &width, "aA") && accept(sc, t, &width, "nN") &&
		    accept(sc, t, &width, "(")) {
			while (accept(sc, t, &width, "abcdefghijklmnopqrstuvwxyz"
			    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"))
				;
			accept(sc, t, &width, ")");
		}
		return;
	}
	if (accept(sc, t, &width, "0") && accept(sc, t, &width, "xX"))
		hex = true;
	accept_digits(sc, t, &width, hex, true);
	if (accept(sc, t, &width, hex ? "pP" : "eE")) {
		accept(sc, t, &width, "+-");
		accept_digits(sc, t, &width, false, false);
	}
}

/* %a %e %f %g (any case). */
static enum scan_result
convert_float(struct scanner *sc, const struct scan_spec *sp, va_list *ap)
{
	struct text t;
	enum scan_result r = SCAN_MATCH_FAIL;
	char *end;

	t.s = t.local;
	t.len = 0;
	t.cap = sizeof(t.local);
	t.nomem = false;
	t.local[0] = '\0';
	collect_float(sc, &t, sp->width);
	if (t.nomem || t.len == 0)
		goto out;
	/* The whole item must be a number: strtod must read all of it. */
	if (sp->length == 0) {
		float f = strtof(t.s, &end);

		if (*end == '\0' && !sp->suppress)
			*va_arg(*ap, float *) = f;
	} else if (sp->length == 'l') {
		double d = strtod(t.s, &end);

		if (*end == '\0' && !sp->suppress)
			*va_arg(*ap, double *) = d;
	} else {
		long double ld = strtold(t.s, &end);

		if (*end == '\0' && !sp->suppress)
			*va_arg(*ap, long double *) = ld;
	}
	if (*end == '\0')
		r = SCAN_OK;
out:
	if (t.s != t.local)
		free(t.s);
	return (r);
}

/*
 * %c %s %[: characters while in_set says so (at most width), stored as
 * bytes or (with l) wchar_t, NUL-terminated unless %c.
 */
static enum scan_result
convert_chars(struct scanner *sc, const struct scan_spec *sp,
    const unsigned char *in_set, va_list *ap)
{
	char *s = NULL;
	wchar_t *ws = NULL;
	size_t n = 0;
	int c;

	if (!sp->suppress) {
		if (sp->length == 'l')
			ws = va_arg(*ap, wchar_t *);
		else
			s = va_arg(*ap, char *);
	}
	while (n < sp->width && (c = peek(sc)) != EOF && in_set[c]) {
		take(sc);
		if (ws != NULL)
			ws[n] = (wchar_t)c;
		else if (s != NULL)
			s[n] = (char)c;
		n++;
	}
	if (n == 0)
		return (peek(sc) == EOF ? SCAN_INPUT_FAIL : SCAN_MATCH_FAIL);
	if (sp->conv != 'c') {
		if (ws != NULL)
			ws[n] = 0;
		else if (s != NULL)
			s[n] = '\0';
	}
	return (SCAN_OK);
}

/*
 * The scan set of %[ at fmt (just after the '['): in_set[c] for each
 * character it matches.  Returns the ']' ending it, or NULL if there
 * is none (a bad format).  A ']' first (after an optional '^') is a
 * member; a '-' between two characters is a range (first <= last).
 */
static const char *
parse_scanset(const char *fmt, unsigned char *in_set)
{
	const unsigned char *p = (const unsigned char *)fmt, *first;
	bool negate = false;
	int c, last;

	if (*p == '^') {
		negate = true;
		p++;
	}
	first = p;
	memset(in_set, 0, 256);
	if (*p == ']')
		in_set[*p++] = 1;
	for (; *p != ']'; p++) {
		if (*p == '\0')
			return (NULL);
		if (*p == '-' && p > first && p[1] != ']' && p[1] != '\0' &&
		    p[-1] <= p[1]) {
			last = p[1];
			for (c = p[-1]; c <= last; c++)
				in_set[c] = 1;
			p++;
		} else
			in_set[*p] = 1;
	}
	if (negate)
		for (c = 0; c < 256; c++)
			in_set[c] = !in_set[c];
	return ((const char *)p);
}

/*
 * Parse '*', width and length at *fmtp into *sp; *fmtp is left at the
 * conversion character.
 */
static void
parse_spec(const char **fmtp, struct scan_spec *sp)
{
	const char *fmt = *fmtp;
	size_t width = 0;
	bool any = false;

	*sp = (struct scan_spec){ .width = SIZE_MAX };
	if (*fmt == '*') {
		sp->suppress = true;
		fmt++;
	}
	for (; *fmt >= '0' && *fmt <= '9'; fmt++) {
		any = true;
		if (width < SIZE_MAX / 10 - 10)
			width = width * 10 + (size_t)(*fmt - '0');
	}
	/* A width of 0 is not one (C: it must be nonzero). */
	if (any && width > 0)
		sp->width = width;
	if (fmt[0] == 'h' || fmt[0] == 'l') {
		sp->length = fmt[0];
		if (fmt[1] == fmt[0]) {
			sp->length = fmt[0] == 'h' ? 'H' : 'L';
			fmt++;
		}
		fmt++;
	} else if (*fmt == 'j' || *fmt == 'z' || *fmt == 't' || *fmt == 'L')
		sp->length = *fmt++;
	sp->conv = *fmt;
	*fmtp = fmt;
}

/* See scan.h. */
int
__scan(struct scan_source *src, const char *fmt, va_list ap)
{
	struct scanner sc = { .src = src };
	struct scan_spec sp;
	unsigned char in_set[256];
	enum scan_result r = SCAN_OK;
	int assigned = 0, c;
	bool converted = false;
	va_list aq;

	/* A copy, so that helpers can take its address on every ABI. */
	va_copy(aq, ap);
	while (*fmt != '\0' && r == SCAN_OK) {
		if (isspace((unsigned char)*fmt)) {
			while ((c = peek(&sc)) != EOF && isspace(c))
				take(&sc);
			fmt++;
			continue;
		}
		if (*fmt != '%' || fmt[1] == '%') {
			/* An ordinary character (%% is one '%'). */
			if (*fmt == '%') {
				fmt++;
				if ((r = skip_space(&sc)) != SCAN_OK)
					break;
			}
			if ((c = peek(&sc)) == EOF)
				r = SCAN_INPUT_FAIL;
			else if (c != (unsigned char)*fmt)
				r = SCAN_MATCH_FAIL;
			else {
				take(&sc);
				fmt++;
			}
			continue;
		}
		fmt++;
		parse_spec(&fmt, &sp);
		switch (sp.conv) {
		case 'n':
			if (!sp.suppress)
				store_integer(&aq, sp.length, sc.count);
			fmt++;
			continue;
		case 'c':
			if (sp.width == SIZE_MAX)
				sp.width = 1;
			memset(in_set, 1, sizeof(in_set));
			r = convert_chars(&sc, &sp, in_set, &aq);
			break;
		case '[':
			if ((fmt = parse_scanset(fmt + 1, in_set)) == NULL) {
				r = SCAN_MATCH_FAIL;
				continue;
			}
			r = convert_chars(&sc, &sp, in_set, &aq);
			break;
		case 's':
			if ((r = skip_space(&sc)) != SCAN_OK)
				break;
			for (c = 0; c < 256; c++)
				in_set[c] = !isspace(c);
			r = convert_chars(&sc, &sp, in_set, &aq);
			break;
		case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
		case 'p':
			if ((r = skip_space(&sc)) == SCAN_OK)
				r = convert_integer(&sc, &sp, &aq);
			break;
		case 'a': case 'A': case 'e': case 'E': case 'f': case 'F':
		case 'g': case 'G':
			if ((r = skip_space(&sc)) == SCAN_OK)
				r = convert_float(&sc, &sp, &aq);
			break;
		default:
			/* Not a conversion (or the format ended): stop. */
			r = SCAN_MATCH_FAIL;
			continue;
		}
		if (r == SCAN_OK) {
			converted = true;
			if (!sp.suppress)
				assigned++;
		}
		fmt++;
	}
	va_end(aq);
	if (r == SCAN_INPUT_FAIL && !converted)
		return (EOF);
	return (assigned);
}
