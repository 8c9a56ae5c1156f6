/*
 * console.h - the screen consoles of x86 PCs: VGA text mode (BIOS boot)
 * and a linear framebuffer (UEFI boot).  Both register with the console
 * layer (kernel/cons.h) and then receive every kernel message.
 */
#ifndef _X86_CONSOLE_H_
#define _X86_CONSOLE_H_

struct bi_framebuffer;

#define CONS_TABSTOP	8

/*
 * cons_move_cursor: apply the cursor-moving control characters both
 * screen consoles share ('\r', '\t', '\b') to the column *col of a line
 * `cols` wide.  Returns 1 if `ch` was one of them, 0 otherwise ('\n' and
 * printable characters are the driver's: they scroll and draw).
 */
static inline int
cons_move_cursor(unsigned *col, unsigned cols, int ch)
{
	switch (ch) {
	case '\r':
		*col = 0;
		return (1);
	case '\t':
		*col = (*col / CONS_TABSTOP + 1) * CONS_TABSTOP;
		if (*col > cols)
			*col = cols;
		return (1);
	case '\b':
		if (*col > 0)
			(*col)--;
		return (1);
	default:
		return (0);
	}
}

/*
 * vgatext_cons_attach: clear the cols x rows VGA text screen mapped at
 * text_va, show the hardware cursor and attach it as a console (light
 * grey on black; '\n', '\r', '\t', '\b' handled; scrolls one line).
 * Does nothing if the arguments make no sense.  Boot only, single CPU;
 * takes no locks and never sleeps.  Its cn_putc takes no locks either:
 * the console layer must serialize output.
 */
void	vgatext_cons_attach(void *text_va, unsigned cols, unsigned rows);

/*
 * fbcons_attach: clear the framebuffer described by *fb and mapped at
 * fb_va (at least fb->pitch * fb->height bytes) and attach a console
 * that draws the built-in PSF font on it.  Does nothing (prints
 * nothing) if the framebuffer is not direct color at 16, 24 or 32 bpp,
 * or if the font is malformed.  Boot only, single CPU; takes no locks
 * and never sleeps.  Its cn_putc takes no locks: the console layer must
 * serialize output.
 */
void	fbcons_attach(const struct bi_framebuffer *fb, void *fb_va);

#endif /* !_X86_CONSOLE_H_ */
