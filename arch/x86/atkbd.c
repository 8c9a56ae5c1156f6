/*
 * atkbd.c - the PC keyboard behind the i8042 controller as a polled
 * console input: typing on the keyboard is typing on the console (the
 * screen shows the same), and Ctrl+Alt+Esc enters the debugger
 * (kernel/ddb, docs/ddb.md).
 *
 * Polled like the UART: the clock interrupt's tty_poll and the debugger
 * call atkbd_cngetc, which turns scan codes (set 1: the controller
 * translates, as the BIOS left it) into characters of a US layout.
 * Shift, Ctrl and Alt are tracked; Caps Lock, the function keys, the
 * arrows and the keypad's own keys are not translated (ignored).
 */
#include <kernel/systm.h>
#include <kernel/cons.h>
#include <kernel/ddb/ddb.h>
#include <x86/cpufunc.h>
#include <x86/x86_var.h>

#define KBD_DATA	0x60
#define KBD_STATUS	0x64
#define  KBS_OBF	0x01	/* a byte waits in the output buffer */
#define  KBS_AUX	0x20	/* ... and it is the mouse's */
#define KBD_ABSENT	0xff	/* what a missing controller reads as */

#define SC_ESC		0x01
#define SC_CTRL		0x1d
#define SC_LSHIFT	0x2a
#define SC_RSHIFT	0x36
#define SC_ALT		0x38
#define SC_ENTER	0x1c
#define SC_RELEASE	0x80
#define SC_EXTENDED	0xe0

/* Scan code set 1, US layout: unshifted and shifted. */
static const char atkbd_map[0x3a] =
    "\0\033" "1234567890-=\b"
    "\tqwertyuiop[]\r"
    "\0" "asdfghjkl;'`"
    "\0" "\\zxcvbnm,./" "\0*\0 ";
static const char atkbd_shiftmap[0x3a] =
    "\0\033" "!@#$%^&*()_+\b"
    "\tQWERTYUIOP{}\r"
    "\0" "ASDFGHJKL:\"~"
    "\0" "|ZXCVBNM<>?" "\0*\0 ";

static bool atkbd_shift, atkbd_ctrl, atkbd_alt, atkbd_e0;

static void
atkbd_cnputc(struct consdev *cp, int c)
{
	/* Input only. */
}

/* The next character typed, KDB_KEY_BREAK, or -1 if none is waiting. */
static int
atkbd_cngetc(struct consdev *cp)
{
	uint8_t st, sc, code;
	bool release, ext;
	int c;

	for (;;) {
		st = inb(KBD_STATUS);
		if ((st & KBS_OBF) == 0)
			return (-1);
		sc = inb(KBD_DATA);
		if ((st & KBS_AUX) != 0)
			continue;
		if (sc == SC_EXTENDED) {
			atkbd_e0 = true;
			continue;
		}
		ext = atkbd_e0;
		atkbd_e0 = false;
		release = (sc & SC_RELEASE) != 0;
		code = sc & ~SC_RELEASE;
		switch (code) {
		case SC_LSHIFT:
		case SC_RSHIFT:
			if (!ext)
				atkbd_shift = !release;
			continue;
		case SC_CTRL:
			atkbd_ctrl = !release;
			continue;
		case SC_ALT:
			atkbd_alt = !release;
			continue;
		}
		if (release)
			continue;
		if (code == SC_ESC && atkbd_ctrl && atkbd_alt)
			return (KDB_KEY_BREAK);
		if (ext) {
			if (code == SC_ENTER)	/* the keypad's Enter */
				return ('\r');
			continue;
		}
		if (code >= sizeof(atkbd_map))
			continue;
		c = (atkbd_shift ? atkbd_shiftmap : atkbd_map)[code];
		if (c == 0)
			continue;
		if (atkbd_ctrl && c >= '@')
			c &= 0x1f;
		return (c);
	}
}

static struct consdev atkbd_cons = {
	.cn_name = "atkbd0",
	.cn_putc = atkbd_cnputc,
	.cn_getc = atkbd_cngetc,
};

/*
 * atkbd_cons_attach: attach the keyboard as console input if an i8042
 * answers (a PC without one reads 0xff), after throwing away what the
 * boot loader left unread.  Boot only; never sleeps.
 */
void
atkbd_cons_attach(void)
{
	int i;

	if (inb(KBD_STATUS) == KBD_ABSENT)
		return;
	for (i = 0; i < 64 && (inb(KBD_STATUS) & KBS_OBF) != 0; i++)
		(void)inb(KBD_DATA);
	cons_attach(&atkbd_cons);
}
