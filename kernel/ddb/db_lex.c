/*
 * db_lex.c - the debugger's pure parts: splitting a command line into
 * words, numbers, finding a command by (a prefix of) its name, and the
 * serial break sequence.  No kernel state: tests/host/test_ddb_lex.c
 * runs them on the host.
 */
#include <kernel/systm.h>
#include <kernel/ddb/ddb.h>

#define CTRL(c)		((c) & 0x1f)

static bool
db_isblank(int c)
{
	return (c == ' ' || c == '\t');
}

/* db_split: see ddb.h. */
int
db_split(char *line, char **argv, int max)
{
	int n = 0;

	for (;;) {
		while (db_isblank(*line))
			*line++ = '\0';
		if (*line == '\0')
			return (n);
		if (n == max)
			return (-1);
		argv[n++] = line;
		while (*line != '\0' && !db_isblank(*line))
			line++;
	}
}

/* db_strtoul: see ddb.h. */
int
db_strtoul(const char *s, uintptr_t *vp)
{
	uintptr_t v = 0, base = 10, d;

	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
	}
	if (*s == '\0')
		return (-1);
	for (; *s != '\0'; s++) {
		if (*s >= '0' && *s <= '9')
			d = *s - '0';
		else if (base == 16 && *s >= 'a' && *s <= 'f')
			d = *s - 'a' + 10;
		else if (base == 16 && *s >= 'A' && *s <= 'F')
			d = *s - 'A' + 10;
		else
			return (-1);
		if (v > (UINTPTR_MAX - d) / base)
			return (-1);
		v = v * base + d;
	}
	*vp = v;
	return (0);
}

/* db_lookup: see ddb.h. */
const struct db_command *
db_lookup(const struct db_command *const *cmds, size_t n,
    enum db_table table, const char *name, bool *ambiguous)
{
	const struct db_command *found = NULL;
	size_t i, len = strlen(name);
	int matches = 0;

	*ambiguous = false;
	if (len == 0)
		return (NULL);
	for (i = 0; i < n; i++) {
		if (cmds[i]->table != table)
			continue;
		if (strcmp(cmds[i]->name, name) == 0)
			return (cmds[i]);
		if (strncmp(cmds[i]->name, name, len) == 0) {
			found = cmds[i];
			matches++;
		}
	}
	if (matches > 1) {
		*ambiguous = true;
		return (NULL);
	}
	return (found);
}

/*
 * kdb_alt_break: see ddb.h.  States: 0 in a line, 1 just after a
 * Return (or at the start), 2 a '~' held after a Return.
 */
enum kdb_alt
kdb_alt_break(int *state, int c)
{
	switch (*state) {
	case 1:
		if (c == '~') {
			*state = 2;
			return (KDB_ALT_HOLD);
		}
		break;
	case 2:
		if (c == CTRL('b')) {
			*state = 0;
			return (KDB_ALT_ENTER);
		}
		*state = (c == '\r' || c == '\n') ? 1 : 0;
		return (KDB_ALT_FLUSH);
	}
	*state = (c == '\r' || c == '\n') ? 1 : 0;
	return (KDB_ALT_PASS);
}
