/*
 * psf.h - PC Screen Font (PSF1 and PSF2) parsing and glyph lookup, and
 * the UTF-8 decoder that both the PSF2 Unicode table and the framebuffer
 * console need.  Pure code: no hardware, no allocation, no locks, so it
 * builds on the host as well as in the kernel.
 */
#ifndef _X86_PSF_H_
#define _X86_PSF_H_

#include <stddef.h>
#include <stdint.h>

#define PSF_NOGLYPH	0xffff		/* lowmap entry: code point not in font */

/* A parsed font; it points into the caller's buffer, which must stay. */
struct psf_font {
	const uint8_t	*glyphs;	/* bitmap of glyph 0 */
	uint32_t	nglyphs;
	uint32_t	width;		/* pixels */
	uint32_t	height;		/* pixels, = rows per glyph */
	uint32_t	rowbytes;	/* bytes per glyph row, MSB leftmost */
	uint32_t	glyphbytes;	/* bytes per glyph */
	int		version;	/* 1 or 2: the Unicode table's encoding */
	const uint8_t	*unitab;	/* Unicode table, or NULL if none */
	const uint8_t	*unitab_end;
	/* Glyph of each code point below 256 (only if unitab != NULL). */
	uint16_t	lowmap[256];
};

/*
 * psf_parse: check the PSF1 or PSF2 font in buf[0..len) and fill *f.
 * Returns 0, or -1 if the header is unknown or the glyphs do not fit in
 * the buffer.  Pure; any context.
 */
int	psf_parse(struct psf_font *f, const void *buf, size_t len);

/*
 * psf_glyph: the bitmap (f->height rows of f->rowbytes bytes) that draws
 * Unicode code point cp, or NULL if the font has none.  Constant time
 * below U+0100; above, a walk of the Unicode table.  Pure; any context.
 */
const uint8_t *psf_glyph(const struct psf_font *f, uint32_t cp);

/* UTF-8 decoding, one byte at a time.  Zero-initialize before use. */
struct utf8_state {
	uint32_t	cp;		/* bits gathered so far */
	unsigned	need;		/* continuation bytes still expected */
};

#define UTF8_MORE	(-1)		/* byte consumed, sequence incomplete */
#define UTF8_BAD	0xfffd		/* U+FFFD, returned for a stray byte */

/*
 * utf8_feed: give the decoder byte b; returns the code point it completes,
 * UTF8_BAD for a byte that cannot be part of any sequence, or UTF8_MORE.
 * A sequence cut short by a new one is dropped silently.  Pure.
 */
int32_t	utf8_feed(struct utf8_state *u, uint8_t b);

#endif /* !_X86_PSF_H_ */
