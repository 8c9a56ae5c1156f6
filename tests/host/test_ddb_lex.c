/*
 * test_ddb_lex.c - the debugger's command-line parsing and its serial
 * break sequence (kernel/ddb/db_lex.c).
 */
#include <stdint.h>
#include <string.h>

#include "tap.h"
#include <kernel/ddb/ddb.h>

static void
ddb_split_words(void)
{
	char line[] = "  show\tmap  12 ";
	char empty[] = "   ";
	char many[] = "a b c d";
	char *argv[DB_MAXARGS];

	CHECK(db_split(line, argv, DB_MAXARGS) == 3, "three words");
	CHECK(strcmp(argv[0], "show") == 0 && strcmp(argv[1], "map") == 0 &&
	    strcmp(argv[2], "12") == 0, "the words, blanks cut");
	CHECK(db_split(empty, argv, DB_MAXARGS) == 0, "a blank line");
	CHECK(db_split(many, argv, 3) == -1, "more words than room");
}

static void
ddb_numbers(void)
{
	uintptr_t v;

	CHECK(db_strtoul("1234", &v) == 0 && v == 1234, "decimal");
	CHECK(db_strtoul("0x1fA0", &v) == 0 && v == 0x1fa0, "hexadecimal");
	CHECK(db_strtoul("", &v) == -1, "empty");
	CHECK(db_strtoul("0x", &v) == -1, "0x alone");
	CHECK(db_strtoul("12a", &v) == -1, "a letter in a decimal");
	CHECK(db_strtoul("-1", &v) == -1, "a sign");
	CHECK(db_strtoul(sizeof(uintptr_t) == 8 ? "0x10000000000000000" :
	    "0x100000000", &v) == -1, "overflow");
	CHECK(db_strtoul(sizeof(uintptr_t) == 8 ? "0xffffffffffffffff" :
	    "0xffffffff", &v) == 0 && v == UINTPTR_MAX, "the largest");
}

static void db_nop(int argc, char **argv) { (void)argc, (void)argv; }

static const struct db_command c_continue = { "continue", db_nop,
    DB_TABLE_TOP, "", "" };
static const struct db_command c_c = { "c", db_nop, DB_TABLE_TOP, "", "" };
static const struct db_command c_kill = { "kill", db_nop, DB_TABLE_TOP,
    "", "" };
static const struct db_command c_map = { "map", db_nop, DB_TABLE_SHOW,
    "", "" };
static const struct db_command c_mapx = { "mapx", db_nop, DB_TABLE_SHOW,
    "", "" };
static const struct db_command *const cmds[] = {
	&c_continue, &c_c, &c_kill, &c_map, &c_mapx,
};

static void
ddb_lookup_prefixes(void)
{
	bool amb;

	CHECK(db_lookup(cmds, 5, DB_TABLE_TOP, "c", &amb) == &c_c && !amb,
	    "an exact name wins over a longer one");
	CHECK(db_lookup(cmds, 5, DB_TABLE_TOP, "cont", &amb) == &c_continue,
	    "a unique prefix");
	CHECK(db_lookup(cmds, 5, DB_TABLE_TOP, "k", &amb) == &c_kill,
	    "a one-letter prefix");
	CHECK(db_lookup(cmds, 5, DB_TABLE_TOP, "map", &amb) == NULL && !amb,
	    "show commands are not top-level ones");
	CHECK(db_lookup(cmds, 5, DB_TABLE_SHOW, "map", &amb) == &c_map,
	    "exact among prefixes");
	CHECK(db_lookup(cmds, 5, DB_TABLE_SHOW, "ma", &amb) == NULL && amb,
	    "an ambiguous prefix");
	CHECK(db_lookup(cmds, 5, DB_TABLE_TOP, "killer", &amb) == NULL &&
	    !amb, "longer than any name");
	CHECK(db_lookup(cmds, 5, DB_TABLE_TOP, "", &amb) == NULL, "empty");
}

/* Feed `s`; the actions as letters: p pass, h hold, f flush, E enter. */
static void
feed(int *state, const char *s, char *out)
{
	static const char letter[] = { [KDB_ALT_PASS] = 'p',
	    [KDB_ALT_HOLD] = 'h', [KDB_ALT_FLUSH] = 'f',
	    [KDB_ALT_ENTER] = 'E' };

	for (; *s != '\0'; s++)
		*out++ = letter[kdb_alt_break(state, (unsigned char)*s)];
	*out = '\0';
}

static void
ddb_alt_break(void)
{
	char out[32];
	int st;

	st = KDB_ALT_INIT;
	feed(&st, "~\002", out);
	CHECK(strcmp(out, "hE") == 0, "at the start: %s", out);
	st = KDB_ALT_INIT;
	feed(&st, "ls\r~\002", out);
	CHECK(strcmp(out, "ppphE") == 0, "after a line: %s", out);
	st = KDB_ALT_INIT;
	feed(&st, "a~\002", out);
	CHECK(strcmp(out, "ppp") == 0, "not after Return: %s", out);
	st = KDB_ALT_INIT;
	feed(&st, "\r~x", out);
	CHECK(strcmp(out, "phf") == 0, "a held ~ is given back: %s", out);
	st = KDB_ALT_INIT;
	feed(&st, "\r~\r~\002", out);
	CHECK(strcmp(out, "phfhE") == 0, "~ then Return starts again: %s",
	    out);
	st = KDB_ALT_INIT;
	feed(&st, "\n~\002\002", out);
	CHECK(strcmp(out, "phEp") == 0, "newline works too, once: %s", out);
}

int
main(void)
{
	TAP_RUN(ddb_split_words);
	TAP_RUN(ddb_numbers);
	TAP_RUN(ddb_lookup_prefixes);
	TAP_RUN(ddb_alt_break);
	return (tap_exit_status());
}
