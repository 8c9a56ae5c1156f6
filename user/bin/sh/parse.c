/*
 * parse.c - the parser: tokens (lex.c) to the command tree of sh.h.
 *
 * The grammar, a part of POSIX XCU 2.10 (no compound commands,
 * functions or here-documents):
 *
 *	list	 := linebreak (andor sep)* [andor]
 *	sep	 := ';' | '&' | newline
 *	andor	 := pipeline (('&&' | '||') linebreak pipeline)*
 *	pipeline := command ('|' linebreak command)*
 *	command	 := (NAME=value)* (word | redirection)+
 *	redirection := [n] ('<' | '>' | '>|' | '>>' | '<&' | '>&') word
 *
 * An operator that needs something after it (|, &&, ||) at the end of
 * the text asks for another line (PARSE_MORE), as a quote left open
 * does in the tokenizer.  A syntax error is reported here.
 */
#include <string.h>

#include "sh.h"

struct parser {
	struct token	*tok;		/* the next token */
	struct arena	*arena;
	enum parse_result result;	/* PARSE_OK until something fails */
};

/* Report a syntax error: what is wrong, after the token's name. */
static void
syntax_error(struct parser *p, const char *what, const struct token *t)
{
	if (sh.script != NULL)
		sh_error("%s: line %d: syntax error: %s%s", sh.script,
		    sh.lineno, what, tok_name(t));
	else
		sh_error("syntax error: %s%s", what, tok_name(t));
	p->result = PARSE_ERROR;
}

/* Fail with "unexpected <token>", or ask for more at the end of text. */
static void
unexpected(struct parser *p)
{
	if (p->result != PARSE_OK)
		return;
	if (p->tok->type == T_EOF)
		p->result = PARSE_MORE;
	else
		syntax_error(p, "unexpected ", p->tok);
}

static void
skip_newlines(struct parser *p)
{
	while (p->tok->type == T_NEWLINE)
		p->tok = p->tok->next;
}

static bool
is_redirection(enum tok_type type)
{
	return (type >= T_LESS && type <= T_GREATAND);
}

/* A word of the form NAME=value is an assignment (before the name). */
static bool
is_assignment(const char *text)
{
	size_t len = var_name_len(text);

	return (len > 0 && text[len] == '=');
}

static struct word *
new_word(struct parser *p, char *text)
{
	struct word *w = arena_alloc(p->arena, sizeof(*w));

	w->text = text;
	w->next = NULL;
	return (w);
}

/* The redirection at p->tok, or NULL after a syntax error. */
static struct redir *
parse_redirection(struct parser *p)
{
	struct redir *r = arena_alloc(p->arena, sizeof(*r));
	struct token *op = p->tok;

	r->op = op->type;
	r->fd = op->io_number;
	if (r->fd < 0)
		r->fd = op->type == T_LESS || op->type == T_LESSAND ? 0 : 1;
	r->next = NULL;
	p->tok = op->next;
	if (p->tok->type != T_WORD) {
		/* "cmd >" then the end of the line is an error, not more. */
		if (p->tok->type == T_EOF)
			syntax_error(p, "no file after ", op);
		else
			unexpected(p);
		return (NULL);
	}
	r->target = p->tok->text;
	p->tok = p->tok->next;
	return (r);
}

/* A simple command, or NULL after an error (p->result says which). */
static struct command *
parse_command(struct parser *p)
{
	struct command *c = arena_alloc(p->arena, sizeof(*c));
	struct word **assign_tail = &c->assigns, **word_tail = &c->words;
	struct redir **redir_tail = &c->redirs;

	memset(c, 0, sizeof(*c));
	for (;;) {
		if (p->tok->type == T_WORD) {
			if (c->words == NULL && is_assignment(p->tok->text)) {
				*assign_tail = new_word(p, p->tok->text);
				assign_tail = &(*assign_tail)->next;
			} else {
				*word_tail = new_word(p, p->tok->text);
				word_tail = &(*word_tail)->next;
			}
			p->tok = p->tok->next;
		} else if (is_redirection(p->tok->type)) {
			if ((*redir_tail = parse_redirection(p)) == NULL)
				return (NULL);
			redir_tail = &(*redir_tail)->next;
		} else
			break;
	}
	if (c->assigns == NULL && c->words == NULL && c->redirs == NULL) {
		unexpected(p);
		return (NULL);
	}
	return (c);
}

static struct pipeline *
parse_pipeline(struct parser *p, enum tok_type connector)
{
	struct pipeline *pl = arena_alloc(p->arena, sizeof(*pl));
	struct command **tail = &pl->commands;

	pl->connector = connector;
	pl->next = NULL;
	for (;;) {
		if ((*tail = parse_command(p)) == NULL)
			return (NULL);
		tail = &(*tail)->next;
		if (p->tok->type != T_PIPE)
			return (pl);
		p->tok = p->tok->next;
		skip_newlines(p);
	}
}

static struct andor *
parse_andor(struct parser *p)
{
	struct andor *ao = arena_alloc(p->arena, sizeof(*ao));
	struct pipeline **tail = &ao->pipelines;
	enum tok_type connector = T_EOF;

	ao->background = false;
	ao->next = NULL;
	for (;;) {
		if ((*tail = parse_pipeline(p, connector)) == NULL)
			return (NULL);
		tail = &(*tail)->next;
		connector = p->tok->type;
		if (connector != T_AND_IF && connector != T_OR_IF)
			return (ao);
		p->tok = p->tok->next;
		skip_newlines(p);
	}
}

/*
 * Parse text (one or more lines) into *out, a list of and-or lists,
 * allocated in a.  PARSE_MORE: the text is a command cut short by the
 * end of the line; PARSE_ERROR: a syntax error, reported.  An empty
 * list (blank lines, comments) is PARSE_OK with *out NULL.
 */
enum parse_result
parse(const char *text, struct arena *a, struct andor **out)
{
	struct parser p = { .arena = a, .result = PARSE_OK };
	struct andor **tail = out;

	*out = NULL;
	if (lex(text, a, &p.tok) == LEX_MORE)
		return (PARSE_MORE);
	for (;;) {
		skip_newlines(&p);
		if (p.tok->type == T_EOF)
			return (PARSE_OK);
		if ((*tail = parse_andor(&p)) == NULL)
			return (p.result);
		switch (p.tok->type) {
		case T_AMP:
			(*tail)->background = true;
			/* FALLTHROUGH */
		case T_SEMI:
		case T_NEWLINE:
			p.tok = p.tok->next;
			break;
		case T_EOF:
			break;
		default:
			unexpected(&p);
			return (p.result);
		}
		tail = &(*tail)->next;
	}
}
