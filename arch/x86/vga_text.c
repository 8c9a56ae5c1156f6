/*
 * vga_text.c - console on the VGA text screen that GRUB leaves under
 * BIOS: an array of 16-bit cells (character in the low byte, colors in
 * the high byte), plus the CRT controller's hardware cursor.  The board's
 * font is code page 437, which matches Unicode only in ASCII, so
 * anything else is shown as '?'.
 */
#include <stdint.h>

#include <kernel/cons.h>
#include <kernel/systm.h>
#include <x86/console.h>
#include <x86/cpufunc.h>

#define VGA_ATTR	0x07		/* light grey on black */
#define VGA_BLANK	(VGA_ATTR << 8 | ' ')

/* CRT controller, color mode addresses; registers used below. */
#define CRTC_INDEX	0x3d4
#define CRTC_DATA	0x3d5
#define CRTC_MAXSCAN	0x09		/* bits 0-4: character height - 1 */
#define CRTC_CURSTART	0x0a		/* bits 0-4: first line; bit 5: off */
#define CRTC_CUREND	0x0b		/* bits 0-4: last line */
#define CRTC_CURHIGH	0x0e		/* cursor cell, high byte */
#define CRTC_CURLOW	0x0f		/* cursor cell, low byte */

struct vgatext_softc {
	uint16_t	*cells;		/* rows * cols, row-major */
	unsigned	cols, rows;
	unsigned	col, row;	/* cursor; col == cols: wrap pending */
};

static struct vgatext_softc vgatext_sc;

static uint8_t
crtc_read(uint8_t reg)
{
	outb(CRTC_INDEX, reg);
	return (inb(CRTC_DATA));
}

static void
crtc_write(uint8_t reg, uint8_t val)
{
	outb(CRTC_INDEX, reg);
	outb(CRTC_DATA, val);
}

/* An underline cursor on the last two lines of the cell, whatever its height. */
static void
vgatext_cursor_on(void)
{
	uint8_t last = crtc_read(CRTC_MAXSCAN) & 0x1f;

	crtc_write(CRTC_CURSTART, last > 0 ? last - 1 : 0);
	crtc_write(CRTC_CUREND, last);
}

static void
vgatext_cursor_move(struct vgatext_softc *sc)
{
	/* While a wrap is pending the cursor stays on the last column. */
	unsigned col = sc->col < sc->cols ? sc->col : sc->cols - 1;
	uint16_t cell = sc->row * sc->cols + col;

	crtc_write(CRTC_CURHIGH, cell >> 8);
	crtc_write(CRTC_CURLOW, cell & 0xff);
}

static void
vgatext_fill(uint16_t *cell, unsigned n)
{
	while (n-- > 0)
		*cell++ = VGA_BLANK;
}

/*
 * Text memory is small, but QEMU emulates each access to it with a
 * device call, so a one-line scroll (read and rewrite the whole screen)
 * costs as much as printing three lines.  So when the cursor falls off
 * the bottom the text jumps up by half a screen: one copy per rows/2
 * lines, and the upper half still shows the latest lines.
 */
static void
vgatext_newline(struct vgatext_softc *sc)
{
	unsigned drop = MAX(sc->rows / 2, 1);

	sc->col = 0;
	if (sc->row + 1 < sc->rows) {
		sc->row++;
		return;
	}
	memmove(sc->cells, sc->cells + drop * sc->cols,
	    (sc->rows - drop) * sc->cols * sizeof(*sc->cells));
	vgatext_fill(sc->cells + (sc->rows - drop) * sc->cols,
	    drop * sc->cols);
	sc->row = sc->rows - drop;
}

static void
vgatext_putchar(struct vgatext_softc *sc, uint8_t ch)
{
	/*
	 * Wrapping only when the next character arrives keeps a line of
	 * exactly `cols` characters and its '\n' from leaving a blank line.
	 */
	if (sc->col >= sc->cols)
		vgatext_newline(sc);
	sc->cells[sc->row * sc->cols + sc->col] = VGA_ATTR << 8 | ch;
	sc->col++;
}

static void
vgatext_putc(struct consdev *cp, int c)
{
	struct vgatext_softc *sc = cp->cn_softc;
	uint8_t ch = c;

	switch (ch) {
	case '\n':
		vgatext_newline(sc);
		break;
	default:
		if (cons_move_cursor(&sc->col, sc->cols, ch))
			break;
		/* One '?' per UTF-8 sequence: its lead byte draws it. */
		if (ch >= 0x80 && ch < 0xc0)
			return;
		if (ch >= 0x7f)
			vgatext_putchar(sc, '?');
		else if (ch >= ' ')
			vgatext_putchar(sc, ch);
		break;
	}
	vgatext_cursor_move(sc);
}

static struct consdev vgatext_cons = {
	.cn_name = "vgatext",
	.cn_putc = vgatext_putc,
	.cn_softc = &vgatext_sc,
};

void
vgatext_cons_attach(void *text_va, unsigned cols, unsigned rows)
{
	struct vgatext_softc *sc = &vgatext_sc;

	/* The cursor register holds a 16-bit cell number. */
	if (text_va == NULL || cols == 0 || rows == 0 ||
	    cols > 0xffff / rows)
		return;
	sc->cells = text_va;
	sc->cols = cols;
	sc->rows = rows;
	vgatext_fill(sc->cells, cols * rows);
	vgatext_cursor_on();
	vgatext_cursor_move(sc);
	cons_attach(&vgatext_cons);
}
