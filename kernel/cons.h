/*
 * cons.h - the console layer.  Every kernel message goes to every
 * attached console device (serial UART, VGA text, framebuffer), so what a
 * person sees on the screen is what the harness reads from COM1.
 */
#ifndef _KERNEL_CONS_H_
#define _KERNEL_CONS_H_

struct consdev {
	const char	*cn_name;
	/* Write one byte; '\n' means newline (the device adds '\r' if needed). */
	void		(*cn_putc)(struct consdev *cp, int c);
	/* Read one byte without waiting, or -1 if none (may be NULL). */
	int		(*cn_getc)(struct consdev *cp);
	void		*cn_softc;
	struct consdev	*cn_next;	/* (c) attach order list */
};

/*
 * cons_attach: add a console; from then on it receives all output.
 * Called during boot, single-threaded, may not sleep.
 */
void	cons_attach(struct consdev *cp);

/* cnputc: one byte to every console; any context, never sleeps. */
void	cnputc(int c);

/* cngetc_nowait: a byte from the first console that has one, or -1. */
int	cngetc_nowait(void);

#endif /* !_KERNEL_CONS_H_ */
