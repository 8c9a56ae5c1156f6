/*
 * kern_cons.c - the console layer: printf() output goes to every
 * attached console and into a message buffer.  A console attached later
 * (the screen, once its memory is mapped) is first given the buffer, so
 * every console shows the same messages from the first line on.
 */
#include <kernel/systm.h>
#include <kernel/cons.h>
#include <kernel/machdep.h>

#define MSGBUF_SIZE	16384

static struct consdev *cons_list;
static char msgbuf[MSGBUF_SIZE];
static size_t msgbuf_len;		/* total bytes ever written */

void
cons_attach(struct consdev *cp)
{
	struct consdev **tail;
	size_t i, first;

	/* Replay what was said before this console existed. */
	first = msgbuf_len > MSGBUF_SIZE ? msgbuf_len - MSGBUF_SIZE : 0;
	for (i = first; i < msgbuf_len; i++)
		cp->cn_putc(cp, msgbuf[i % MSGBUF_SIZE]);
	cp->cn_next = NULL;
	for (tail = &cons_list; *tail != NULL; tail = &(*tail)->cn_next)
		;
	*tail = cp;
}

/*
 * One character at a time with interrupts masked: the console's echo
 * comes from the clock interrupt (kernel/tty.c), and must not land in
 * the middle of a character a thread is drawing.
 */
void
cnputc(int c)
{
	struct consdev *cp;
	unsigned long s;

	s = intr_disable();
	msgbuf[msgbuf_len++ % MSGBUF_SIZE] = (char)c;
	for (cp = cons_list; cp != NULL; cp = cp->cn_next)
		cp->cn_putc(cp, c);
	intr_restore(s);
}

int
cngetc_nowait(void)
{
	struct consdev *cp;
	int c;

	for (cp = cons_list; cp != NULL; cp = cp->cn_next) {
		if (cp->cn_getc != NULL && (c = cp->cn_getc(cp)) >= 0)
			return (c);
	}
	return (-1);
}

static void
cons_put(int c, void *arg)
{
	cnputc(c);
}

int
vprintf(const char *fmt, va_list ap)
{
	return (kvprintf(fmt, cons_put, NULL, ap));
}

int
printf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintf(fmt, ap);
	va_end(ap);
	return (n);
}
