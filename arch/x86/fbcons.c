/*
 * fbcons.c - console on a linear framebuffer (what GRUB hands over under
 * UEFI): glyphs of the built-in PSF font (arch/x86/font.asm) painted
 * light grey on black, at 16, 24 or 32 bits per pixel in whatever color
 * layout the loader reported.  Input bytes are UTF-8; code points the
 * font lacks are drawn as '?'.  The cursor is an underline.
 */
#include <stdint.h>

#include <kernel/bootinfo.h>
#include <kernel/cons.h>
#include <kernel/systm.h>
#include <x86/console.h>
#include <x86/psf.h>

#define FG_LEVEL	0xaau		/* of 0xff in each channel: VGA's grey */

/* The font file, placed in .rodata by font.asm. */
extern const uint8_t font_psf_start[], font_psf_end[];

struct fbcons_softc {
	uint8_t		*fb;		/* top left pixel, kernel VA */
	size_t		pitch;		/* bytes per scan line */
	unsigned	bytespp;	/* bytes per pixel: 2, 3 or 4 */
	uint32_t	fg;		/* text pixel value; background is 0 */
	struct psf_font	font;
	const uint8_t	*unknown;	/* glyph for what the font lacks */
	unsigned	cols, rows;	/* text cells on the screen */
	unsigned	col, row;	/* cursor; col == cols: wrap pending */
	struct utf8_state utf8;		/* partial character in cn_putc */
};

static struct fbcons_softc fbcons_sc;

static inline void
fb_setpx(uint8_t *p, unsigned bytespp, uint32_t v)
{
	switch (bytespp) {
	case 4:
		*(uint32_t *)p = v;
		break;
	case 3:
		p[0] = v;
		p[1] = v >> 8;
		p[2] = v >> 16;
		break;
	default:
		*(uint16_t *)p = v;
		break;
	}
}

static inline uint32_t
fb_getpx(const uint8_t *p, unsigned bytespp)
{
	switch (bytespp) {
	case 4:
		return (*(const uint32_t *)p);
	case 3:
		return (p[0] | p[1] << 8 | (uint32_t)p[2] << 16);
	default:
		return (*(const uint16_t *)p);
	}
}

/* Top left pixel of text cell (col, row). */
static uint8_t *
fbcons_cell(struct fbcons_softc *sc, unsigned col, unsigned row)
{
	return (sc->fb + (size_t)row * sc->font.height * sc->pitch +
	    (size_t)col * sc->font.width * sc->bytespp);
}

static void
fbcons_draw(struct fbcons_softc *sc, const uint8_t *glyph)
{
	uint8_t *line = fbcons_cell(sc, sc->col, sc->row);
	uint8_t *p;
	unsigned x, y;

	for (y = 0; y < sc->font.height; y++) {
		p = line;
		for (x = 0; x < sc->font.width; x++, p += sc->bytespp)
			fb_setpx(p, sc->bytespp,
			    (glyph[x / 8] & 0x80 >> x % 8) ? sc->fg : 0);
		line += sc->pitch;
		glyph += sc->font.rowbytes;
	}
}

/*
 * The cursor is the cell's bottom scan lines XORed with the text color:
 * the same call draws and erases it, without knowing what lies beneath.
 */
static void
fbcons_cursor_flip(struct fbcons_softc *sc)
{
	unsigned col = MIN(sc->col, sc->cols - 1);
	unsigned nlines = sc->font.height >= 16 ? 2 : 1;
	uint8_t *line = fbcons_cell(sc, col, sc->row) +
	    (sc->font.height - nlines) * sc->pitch;
	uint8_t *p;
	unsigned x, y;

	for (y = 0; y < nlines; y++, line += sc->pitch) {
		p = line;
		for (x = 0; x < sc->font.width; x++, p += sc->bytespp)
			fb_setpx(p, sc->bytespp,
			    fb_getpx(p, sc->bytespp) ^ sc->fg);
	}
}

/*
 * Scrolling copies the whole framebuffer, megabytes that cost QEMU TCG
 * milliseconds; one-line scrolls made long output seven times slower.
 * So when the cursor falls off the bottom the text jumps up by half a
 * screen: one copy per rows/2 lines of output, and the upper half still
 * shows the latest lines.
 */
static void
fbcons_newline(struct fbcons_softc *sc)
{
	size_t textline = (size_t)sc->font.height * sc->pitch;
	unsigned drop = MAX(sc->rows / 2, 1);

	sc->col = 0;
	if (sc->row + 1 < sc->rows) {
		sc->row++;
		return;
	}
	memmove(sc->fb, sc->fb + drop * textline, (sc->rows - drop) * textline);
	memset(sc->fb + (sc->rows - drop) * textline, 0, drop * textline);
	sc->row = sc->rows - drop;
}

static void
fbcons_putchar(struct fbcons_softc *sc, uint32_t cp)
{
	const uint8_t *glyph = psf_glyph(&sc->font, cp);

	/* Wrap late, so a full line and its '\n' leave no blank line. */
	if (sc->col >= sc->cols)
		fbcons_newline(sc);
	fbcons_draw(sc, glyph != NULL ? glyph : sc->unknown);
	sc->col++;
}

static void
fbcons_putc(struct consdev *cp, int c)
{
	struct fbcons_softc *sc = cp->cn_softc;
	int32_t ch = utf8_feed(&sc->utf8, c);

	if (ch == UTF8_MORE)
		return;
	fbcons_cursor_flip(sc);
	switch (ch) {
	case '\n':
		fbcons_newline(sc);
		break;
	default:
		if (cons_move_cursor(&sc->col, sc->cols, ch))
			break;
		if (ch >= ' ' && ch != 0x7f)
			fbcons_putchar(sc, ch);
		break;
	}
	fbcons_cursor_flip(sc);
}

static struct consdev fbcons_cons = {
	.cn_name = "fbcons",
	.cn_putc = fbcons_putc,
	.cn_softc = &fbcons_sc,
};

/* Grey at FG_LEVEL in one channel of `size` bits at bit `pos`. */
static uint32_t
fb_channel(unsigned pos, unsigned size)
{
	uint32_t v = size <= 8 ? FG_LEVEL >> (8 - size) :
	    FG_LEVEL << (size - 8);

	return (v << pos);
}

static bool
fb_channel_ok(unsigned pos, unsigned size, unsigned bpp)
{
	return (size > 0 && pos + size <= bpp);
}

static bool
fb_usable(const struct bi_framebuffer *fb)
{
	if (fb->type != BI_FB_RGB ||
	    (fb->bpp != 16 && fb->bpp != 24 && fb->bpp != 32))
		return (false);
	if (!fb_channel_ok(fb->red_pos, fb->red_size, fb->bpp) ||
	    !fb_channel_ok(fb->green_pos, fb->green_size, fb->bpp) ||
	    !fb_channel_ok(fb->blue_pos, fb->blue_size, fb->bpp))
		return (false);
	return ((uint64_t)fb->width * (fb->bpp / 8) <= fb->pitch);
}

void
fbcons_attach(const struct bi_framebuffer *fb, void *fb_va)
{
	struct fbcons_softc *sc = &fbcons_sc;

	if (fb == NULL || fb_va == NULL || !fb_usable(fb) ||
	    psf_parse(&sc->font, font_psf_start,
	    font_psf_end - font_psf_start) != 0)
		return;
	sc->cols = fb->width / sc->font.width;
	sc->rows = fb->height / sc->font.height;
	if (sc->cols == 0 || sc->rows == 0)
		return;
	sc->fb = fb_va;
	sc->pitch = fb->pitch;
	sc->bytespp = fb->bpp / 8;
	sc->fg = fb_channel(fb->red_pos, fb->red_size) |
	    fb_channel(fb->green_pos, fb->green_size) |
	    fb_channel(fb->blue_pos, fb->blue_size);
	/* A font without '?' still has a glyph 0. */
	sc->unknown = psf_glyph(&sc->font, '?');
	if (sc->unknown == NULL)
		sc->unknown = sc->font.glyphs;

	memset(sc->fb, 0, (size_t)fb->height * sc->pitch);
	fbcons_cursor_flip(sc);
	cons_attach(&fbcons_cons);
}
