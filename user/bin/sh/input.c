/*
 * input.c - where the shell's commands come from, a line at a time:
 * a descriptor (the console, a script, standard input) or the string
 * of sh -c.
 *
 * Standard input is read a byte at a time: what the shell does not
 * use must stay there for the commands it runs (sh < script, where a
 * command reads the following lines).  On the console that costs
 * nothing: a read gives at most the rest of a line anyway.  A script
 * the shell opened itself is read in blocks.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

/* Read from descriptor fd; bytewise: one byte per read(2). */
void
input_from_fd(struct input *in, int fd, bool bytewise)
{
	memset(in, 0, sizeof(*in));
	in->fd = fd;
	in->bytewise = bytewise;
}

/* Read the lines of string s (which must outlive the input). */
void
input_from_string(struct input *in, const char *s)
{
	memset(in, 0, sizeof(*in));
	in->fd = -1;
	in->str = s;
}

/* The next byte of input, or -1 at its end (or after a read error). */
static int
next_byte(struct input *in)
{
	ssize_t n;

	if (in->fd < 0)
		return (*in->str == '\0' ? -1 : (unsigned char)*in->str++);
	if (in->pos == in->len) {
		do
			n = read(in->fd, in->buf, in->bytewise ? 1 :
			    sizeof(in->buf));
		while (n < 0 && errno == EINTR);
		if (n < 0)
			sh_error("read: %s", strerror(errno));
		if (n <= 0)
			return (-1);
		in->pos = 0;
		in->len = (size_t)n;
	}
	return ((unsigned char)in->buf[in->pos++]);
}

/*
 * The next line, with its newline (the last line may have none), as a
 * string from malloc; NULL at the end of input.  NUL bytes are
 * dropped: they cannot be part of a command.
 */
char *
input_line(struct input *in)
{
	char *line = NULL, *p;
	size_t len = 0, cap = 0;
	int c;

	while ((c = next_byte(in)) >= 0) {
		if (c == '\0')
			continue;
		if (len + 2 > cap) {
			cap = cap == 0 ? 128 : cap * 2;
			if ((p = realloc(line, cap)) == NULL) {
				sh_error("out of memory");
				sh_exit(STATUS_SYNTAX);
			}
			line = p;
		}
		line[len++] = (char)c;
		if (c == '\n')
			break;
	}
	if (line != NULL)
		line[len] = '\0';
	return (line);
}
