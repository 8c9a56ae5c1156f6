/*
 * console.h - the screen consoles of x86 PCs: VGA text mode (BIOS boot)
 * and a linear framebuffer (UEFI boot).  Both register with the console
 * layer (kernel/cons.h) and then receive every kernel message.
 */
#ifndef _X86_CONSOLE_H_
#define _X86_CONSOLE_H_

struct bi_framebuffer;

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
