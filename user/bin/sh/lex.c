/*
 * lex.c - the tokenizer: cuts a line of shell input into words and
 * operators (POSIX XCU 2.3, without here-documents and reserved words).
 *
 * A word keeps its quotes and backslashes exactly as written: quoting
 * matters again when the word is expanded (expand.c), and keeping the
 * text lets the tokenizer only find where words end.  Blanks, newlines
 * and the operator characters ; & | < > end a word unless quoted.  A
 * backslash-newline joins lines; a # at the start of a word starts a
 * comment that runs to the end of the line.
 */
#include <ctype.h>
#include <string.h>

#include "sh.h"

/* Characters that end an unquoted word and start an operator. */
static bool
is_operator_char(char c)
{
	return (c != '\0' && strchr(";&|<>", c) != NULL);
}

/*
 * The end of the word starting at s: the first unquoted blank, newline
 * or operator character, or the NUL.  NULL if the text ends inside
 * quotes or after a backslash-newline: the word goes on in the next
 * line.
 */
static const char *
word_end(const char *s)
{
	char quote = '\0';

	for (; *s != '\0'; s++) {
		if (quote == '\'') {
			if (*s == '\'')
				quote = '\0';
		} else if (*s == '\\') {
			if (s[1] == '\0')
				return (s + 1);	/* a lone last backslash */
			if (s[1] == '\n' && s[2] == '\0')
				return (NULL);
			s++;
		} else if (quote == '"') {
			if (*s == '"')
				quote = '\0';
		} else if (*s == '\'' || *s == '"') {
			quote = *s;
		} else if (*s == ' ' || *s == '\t' || *s == '\n' ||
		    is_operator_char(*s)) {
			break;
		}
	}
	return (quote != '\0' ? NULL : s);
}

/* The operator at s (one of is_operator_char); *len gets its length. */
static enum tok_type
operator(const char *s, size_t *len)
{
	static const struct {
		const char	*text;
		enum tok_type	 type;
	} ops[] = {	/* longest first */
		{ "&&", T_AND_IF }, { "||", T_OR_IF }, { ">>", T_DGREAT },
		{ "<&", T_LESSAND }, { ">&", T_GREATAND }, { ">|", T_GREAT },
		{ ";", T_SEMI }, { "&", T_AMP }, { "|", T_PIPE },
		{ "<", T_LESS }, { ">", T_GREAT },
	};
	size_t i;

	for (i = 0;; i++) {
		*len = strlen(ops[i].text);
		if (strncmp(s, ops[i].text, *len) == 0)
			return (ops[i].type);
	}
}

/* A new token of the given type at the end of the list *tailp. */
static struct token *
tok_add(struct token ***tailp, struct arena *a, enum tok_type type)
{
	struct token *t = arena_alloc(a, sizeof(*t));

	t->type = type;
	t->text = NULL;
	t->io_number = -1;
	t->next = NULL;
	**tailp = t;
	*tailp = &t->next;
	return (t);
}

/* A word of digits only, right before < or >, names a descriptor. */
static int
io_number(const char *s, const char *end)
{
	const char *p;
	int n = 0;

	if (end - s > 4 || (*end != '<' && *end != '>'))
		return (-1);
	for (p = s; p < end; p++) {
		if (!isdigit((unsigned char)*p))
			return (-1);
		n = n * 10 + (*p - '0');
	}
	return (n);
}

/*
 * Cut text into tokens, allocated in a: *out gets the list, which ends
 * with a T_EOF token.  LEX_MORE means the text stops inside a quoted
 * string or after a backslash-newline: the caller appends the next
 * line and tries again.
 */
enum lex_result
lex(const char *text, struct arena *a, struct token **out)
{
	struct token **tail = out, *t;
	const char *s = text, *end;
	int fd;
	size_t len;

	for (;;) {
		while (*s == ' ' || *s == '\t' || (s[0] == '\\' &&
		    s[1] == '\n'))
			s += *s == '\\' ? 2 : 1;
		if (*s == '\0')
			break;
		if (*s == '#') {
			while (*s != '\0' && *s != '\n')
				s++;
		} else if (*s == '\n') {
			tok_add(&tail, a, T_NEWLINE);
			s++;
		} else if (is_operator_char(*s)) {
			tok_add(&tail, a, operator(s, &len));
			s += len;
		} else {
			if ((end = word_end(s)) == NULL)
				return (LEX_MORE);
			if ((fd = io_number(s, end)) >= 0) {
				t = tok_add(&tail, a, operator(end, &len));
				t->io_number = fd;
				s = end + len;
				continue;
			}
			t = tok_add(&tail, a, T_WORD);
			t->text = arena_strndup(a, s, end - s);
			s = end;
		}
	}
	tok_add(&tail, a, T_EOF);
	return (LEX_OK);
}

/* How a syntax error names token t. */
const char *
tok_name(const struct token *t)
{
	static const char *const names[] = {
		[T_NEWLINE] = "newline", [T_SEMI] = "';'", [T_AMP] = "'&'",
		[T_PIPE] = "'|'", [T_AND_IF] = "'&&'", [T_OR_IF] = "'||'",
		[T_LESS] = "'<'", [T_GREAT] = "'>'", [T_DGREAT] = "'>>'",
		[T_LESSAND] = "'<&'", [T_GREATAND] = "'>&'",
		[T_EOF] = "end of file",
	};

	return (t->type == T_WORD ? t->text : names[t->type]);
}
