/*
 * db_input.c - reading the debugger's command lines: the consoles are
 * polled (interrupts are off), with echo and a little editing.
 */
#include <kernel/systm.h>
#include <kernel/cons.h>
#include <kernel/ddb/ddb.h>

/* A byte from a console: wait for it, polling. */
static int
db_getc(void)
{
	int c;

	while ((c = cngetc_nowait()) < 0 || c == KDB_KEY_BREAK)
		;
	return (c);
}

/* Read a line with echo; backspace/DEL erase, ^U the whole line. */
/* db_readline: see ddb.h. */
void
db_readline(char *buf, size_t size)
{
	size_t len = 0;
	int c;

	for (;;) {
		c = db_getc();
		if (c == '\r' || c == '\n') {
			cnputc('\n');
			buf[len] = '\0';
			return;
		}
		if (c == '\b' || c == 0x7f) {
			if (len > 0) {
				len--;
				cnputc('\b'), cnputc(' '), cnputc('\b');
			}
		} else if (c == ('u' & 0x1f)) {
			for (; len > 0; len--)
				cnputc('\b'), cnputc(' '), cnputc('\b');
		} else if (c >= ' ' && c < 0x7f && len < size - 1) {
			buf[len++] = (char)c;
			cnputc(c);
		}
	}
}
