/*
 * tty.c - the console's line discipline (see tty.h).
 *
 * Canonical input, as a shell wants it: characters are echoed as they
 * are typed; backspace or DEL erases the last one (and its echo), ^U
 * the whole line; Return ends the line (as '\n'); ^D ends it without a
 * newline, so ^D on an empty line reads as end of file.  A reader waits
 * until a line is complete.
 *
 * Input is polled: a waiting reader looks at the console every clock
 * tick (tsleep with a one-tick timeout).  The UART's receive interrupt
 * is the better design and the next step; the line discipline does not
 * change with it.
 *
 * Locking: one line buffer for the one console, used by the reading
 * thread; several readers take turns (tty_busy).
 */
#include <sys/errno.h>
#include <kernel/systm.h>
#include <kernel/cons.h>
#include <kernel/machdep.h>
#include <kernel/sleep.h>
#include <kernel/tty.h>

#define TTY_LINE	256
#define CTRL(c)		((c) & 0x1f)

static struct {
	char	line[TTY_LINE];
	size_t	len;		/* bytes in line */
	size_t	ready;		/* a complete line: bytes to hand out */
	size_t	off;		/* of those, already handed out */
	bool	busy;		/* a reader is in tty_read */
} tty;

/* Take one typed character; true when it completed a line. */
static bool
tty_input(int c)
{
	if (c == '\r')
		c = '\n';
	switch (c) {
	case '\b':
	case 0x7f:
		if (tty.len > 0) {
			tty.len--;
			cnputc('\b');
			cnputc(' ');
			cnputc('\b');
		}
		return (false);
	case CTRL('u'):
		while (tty.len > 0) {
			tty.len--;
			cnputc('\b');
			cnputc(' ');
			cnputc('\b');
		}
		return (false);
	case CTRL('d'):
		tty.ready = tty.len;
		return (true);
	case '\n':
		cnputc('\n');
		if (tty.len < TTY_LINE)
			tty.line[tty.len++] = '\n';
		else
			tty.line[TTY_LINE - 1] = '\n';
		tty.ready = tty.len;
		return (true);
	default:
		if (c < ' ' && c != '\t')
			return (false);		/* other controls: ignored */
		if (tty.len < TTY_LINE - 1) {	/* room for the newline */
			tty.line[tty.len++] = (char)c;
			cnputc(c);
		}
		return (false);
	}
}

/* tty_read: see tty.h. */
int
tty_read(void *ubuf, size_t len, bool nonblock, size_t *done)
{
	unsigned long s;
	size_t n;
	int c, error = 0;

	*done = 0;
	s = intr_disable();
	while (tty.busy)
		if ((error = tsleep(&tty.busy, PCATCH, "ttybusy", 0)) != 0) {
			intr_restore(s);
			return (error);
		}
	tty.busy = true;
	intr_restore(s);
	/* Wait for a whole line, unless part of one is still unread. */
	while (tty.ready == 0) {
		while ((c = cngetc_nowait()) < 0) {
			if (nonblock) {
				error = EAGAIN;
				goto out;
			}
			error = tsleep(&tty, PCATCH, "ttyin", 1);
			if (error != 0 && error != EWOULDBLOCK)
				goto out;
			error = 0;
		}
		if (tty_input(c) && tty.ready == 0)
			goto out;		/* ^D on an empty line: EOF */
	}
	n = MIN(len, tty.ready - tty.off);
	error = copyout(tty.line + tty.off, ubuf, n);
	if (error == 0) {
		tty.off += n;
		*done = n;
		if (tty.off == tty.ready)
			tty.len = tty.ready = tty.off = 0;
	}
out:
	s = intr_disable();
	tty.busy = false;
	wakeup(&tty.busy);
	intr_restore(s);
	return (error);
}
