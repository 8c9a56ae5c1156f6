/*
 * psf.c - PC Screen Font parsing and glyph lookup for the framebuffer
 * console.  Both PSF versions are read: PSF1 (8 pixels wide, 256 or 512
 * glyphs, Unicode table in UCS-2) and PSF2 (any size, table in UTF-8).
 * Font order is not Unicode order (Lat15 puts 'é' at glyph 130), so a
 * font with a table is always looked up through it.  Everything here is
 * pure, so tests/host can run it.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <x86/psf.h>

#define PSF1_MAGIC0	0x36
#define PSF1_MAGIC1	0x04
#define PSF1_HDRSIZE	4
#define PSF1_MODE512	0x01		/* 512 glyphs instead of 256 */
#define PSF1_MODETAB	0x06		/* HASTAB or HASSEQ: Unicode table */
#define PSF1_SEPARATOR	0xffff		/* ends one glyph's table entry */
#define PSF1_STARTSEQ	0xfffe		/* combining sequences follow */

#define PSF2_MAGIC	0x864ab572
#define PSF2_HDRSIZE	32
#define PSF2_HAS_UNITAB	0x01
#define PSF2_SEPARATOR	0xff
#define PSF2_STARTSEQ	0xfe

/* Bounds that keep the arithmetic below far from overflow. */
#define PSF_MAXDIM	256		/* pixels, either way */

static uint32_t
le32(const uint8_t *p)
{
	return ((uint32_t)p[0] | (uint32_t)p[1] << 8 |
	    (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24);
}

static int
psf1_header(struct psf_font *f, const uint8_t *b, size_t len)
{
	if (len < PSF1_HDRSIZE || b[0] != PSF1_MAGIC0 || b[1] != PSF1_MAGIC1 ||
	    b[3] == 0)
		return (-1);
	f->version = 1;
	f->nglyphs = (b[2] & PSF1_MODE512) ? 512 : 256;
	f->width = 8;
	f->height = b[3];
	f->glyphs = b + PSF1_HDRSIZE;
	return ((b[2] & PSF1_MODETAB) ? 1 : 0);
}

static int
psf2_header(struct psf_font *f, const uint8_t *b, size_t len)
{
	uint32_t hdrsize;

	if (len < PSF2_HDRSIZE || le32(b) != PSF2_MAGIC || le32(b + 4) != 0)
		return (-1);
	hdrsize = le32(b + 8);
	f->version = 2;
	f->nglyphs = le32(b + 16);
	f->height = le32(b + 24);
	f->width = le32(b + 28);
	if (hdrsize < PSF2_HDRSIZE || hdrsize > len ||
	    f->width == 0 || f->width > PSF_MAXDIM ||
	    f->height == 0 || f->height > PSF_MAXDIM ||
	    le32(b + 20) != (f->width + 7) / 8 * f->height)
		return (-1);
	f->glyphs = b + hdrsize;
	return ((le32(b + 12) & PSF2_HAS_UNITAB) ? 1 : 0);
}

/*
 * Walk of the Unicode table, yielding (glyph, code point) pairs.  Each
 * glyph's entry lists single code points, then optionally combining
 * sequences, then a separator; the sequences are skipped (a console
 * draws one glyph per code point).
 */
struct unitab_walk {
	const struct psf_font *f;
	const uint8_t	*p;
	uint32_t	glyph;		/* whose entry p is in */
	bool		inseq;		/* past the entry's sequence marker */
	struct utf8_state utf8;
};

static void
unitab_start(struct unitab_walk *w, const struct psf_font *f)
{
	*w = (struct unitab_walk){ .f = f, .p = f->unitab };
}

/* The next code point of a PSF1 entry, or -1 at a marker. */
static int32_t
unitab_next1(struct unitab_walk *w)
{
	uint32_t v = w->p[0] | w->p[1] << 8;

	w->p += 2;
	if (v == PSF1_SEPARATOR) {
		w->glyph++;
		w->inseq = false;
	} else if (v == PSF1_STARTSEQ)
		w->inseq = true;
	else if (!w->inseq)
		return (v);
	return (-1);
}

/* The next code point of a PSF2 entry, or -1 at a marker or mid-UTF-8. */
static int32_t
unitab_next2(struct unitab_walk *w)
{
	uint8_t b = *w->p++;

	if (b == PSF2_SEPARATOR) {
		w->glyph++;
		w->inseq = false;
		w->utf8 = (struct utf8_state){ 0 };
	} else if (b == PSF2_STARTSEQ)
		w->inseq = true;
	else if (!w->inseq)
		return (utf8_feed(&w->utf8, b));
	return (-1);
}

static bool
unitab_next(struct unitab_walk *w, uint32_t *glyph, uint32_t *cp)
{
	size_t unit = w->f->version == 1 ? 2 : 1;
	int32_t c;

	while (w->glyph < w->f->nglyphs &&
	    (size_t)(w->f->unitab_end - w->p) >= unit) {
		c = unit == 2 ? unitab_next1(w) : unitab_next2(w);
		if (c >= 0) {
			*glyph = w->glyph;
			*cp = (uint32_t)c;
			return (true);
		}
	}
	return (false);
}

int
psf_parse(struct psf_font *f, const void *buf, size_t len)
{
	const uint8_t *b = buf;
	struct unitab_walk w;
	uint32_t glyph, cp;
	uint64_t size;
	int hastab;

	if ((hastab = psf1_header(f, b, len)) < 0 &&
	    (hastab = psf2_header(f, b, len)) < 0)
		return (-1);
	f->rowbytes = (f->width + 7) / 8;
	f->glyphbytes = f->rowbytes * f->height;
	size = (uint64_t)f->nglyphs * f->glyphbytes;
	/* Glyph numbers must fit lowmap, with PSF_NOGLYPH left over. */
	if (f->nglyphs == 0 || f->nglyphs >= PSF_NOGLYPH ||
	    size > (size_t)(b + len - f->glyphs))
		return (-1);
	f->unitab = hastab ? f->glyphs + size : NULL;
	f->unitab_end = b + len;
	if (f->unitab == NULL)
		return (0);

	/* A code point listed under two glyphs gets the first. */
	for (cp = 0; cp < 256; cp++)
		f->lowmap[cp] = PSF_NOGLYPH;
	unitab_start(&w, f);
	while (unitab_next(&w, &glyph, &cp))
		if (cp < 256 && f->lowmap[cp] == PSF_NOGLYPH)
			f->lowmap[cp] = glyph;
	return (0);
}

/* The first glyph the table maps cp to, or PSF_NOGLYPH. */
static uint32_t
unitab_find(const struct psf_font *f, uint32_t cp)
{
	struct unitab_walk w;
	uint32_t glyph, c;

	unitab_start(&w, f);
	while (unitab_next(&w, &glyph, &c))
		if (c == cp)
			return (glyph);
	return (PSF_NOGLYPH);
}

const uint8_t *
psf_glyph(const struct psf_font *f, uint32_t cp)
{
	uint32_t glyph;

	if (f->unitab == NULL)
		glyph = cp < f->nglyphs ? cp : PSF_NOGLYPH;
	else if (cp < 256)
		glyph = f->lowmap[cp];
	else
		glyph = unitab_find(f, cp);
	return (glyph == PSF_NOGLYPH ? NULL : f->glyphs + glyph * f->glyphbytes);
}

int32_t
utf8_feed(struct utf8_state *u, uint8_t b)
{
	if (b < 0x80) {
		u->need = 0;
		return (b);
	}
	if (b < 0xc0) {
		if (u->need == 0)
			return (UTF8_BAD);
		u->cp = u->cp << 6 | (b & 0x3f);
		return (--u->need == 0 ? (int32_t)u->cp : UTF8_MORE);
	}
	if (b < 0xe0) {
		u->cp = b & 0x1f;
		u->need = 1;
	} else if (b < 0xf0) {
		u->cp = b & 0x0f;
		u->need = 2;
	} else if (b < 0xf8) {
		u->cp = b & 0x07;
		u->need = 3;
	} else {
		u->need = 0;
		return (UTF8_BAD);
	}
	return (UTF8_MORE);
}
