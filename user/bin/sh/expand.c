/*
 * expand.c - word expansion: a word as written (lex.c keeps quotes) to
 * the strings a command gets (POSIX XCU 2.6, in part).
 *
 * What is done: parameter expansion ($NAME, ${NAME}, the special
 * parameters $? $$ $! $# and $0 .. $9), field splitting of what an
 * unquoted expansion gives (on blanks and newlines: IFS is not read),
 * and quote removal ('...' keeps everything, "..." lets $ through and
 * \ quote $ ` " \ and newline, \ outside quotes quotes any character).
 * Not done: tilde expansion, command substitution (refused with an
 * error rather than taken literally), arithmetic, pathname expansion
 * (a * stays a *), $@ and $*, and ${NAME-word} and the other forms.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

struct expander {
	struct arena	*arena;
	struct strlist	*fields;	/* NULL: one field, no splitting */
	char		*buf;		/* the field being built */
	size_t		 len, cap;
	bool		 have;		/* it exists, even if empty ("") */
};

/* Append s to list, growing it (the old array stays in the arena). */
void
strlist_add(struct strlist *list, struct arena *a, char *s)
{
	char **v;

	if (list->n + 1 >= list->cap) {
		list->cap = list->cap == 0 ? 8 : list->cap * 2;
		v = arena_alloc(a, list->cap * sizeof(*v));
		if (list->n > 0)
			memcpy(v, list->v, list->n * sizeof(*v));
		list->v = v;
	}
	list->v[list->n++] = s;
	list->v[list->n] = NULL;
}

static void
add_char(struct expander *e, char c)
{
	if (e->len + 1 >= e->cap) {
		e->cap = e->cap == 0 ? 64 : e->cap * 2;
		if ((e->buf = realloc(e->buf, e->cap)) == NULL) {
			sh_error("out of memory");
			sh_exit(STATUS_SYNTAX);
		}
	}
	e->buf[e->len++] = c;
	e->have = true;
}

/* The field built so far is complete: add it to the list. */
static void
end_field(struct expander *e)
{
	if (e->fields != NULL && e->have)
		strlist_add(e->fields, e->arena,
		    arena_strndup(e->arena, e->buf != NULL ? e->buf : "",
		    e->len));
	e->len = 0;
	e->have = false;
}

/* Add what an expansion gave; unquoted, blanks split it into fields. */
static void
add_value(struct expander *e, const char *value, bool quoted)
{
	for (; *value != '\0'; value++) {
		if (!quoted && e->fields != NULL &&
		    strchr(" \t\n", *value) != NULL)
			end_field(e);
		else
			add_char(e, *value);
	}
}

/*
 * The value of parameter name[0 .. len), or NULL if it is unset.
 * Numbers are printed into num.
 */
static const char *
param_value(const char *name, size_t len, char num[static 24])
{
	char var[256];
	int n;

	if (len == 1 && strchr("?$!#", *name) != NULL) {
		n = *name == '?' ? sh.status : *name == '$' ? (int)getpid() :
		    *name == '!' ? (int)sh.last_bg : sh.nargs;
		if (*name == '!' && n == 0)
			return (NULL);
		snprintf(num, 24, "%d", n);
		return (num);
	}
	if (len == 1 && isdigit((unsigned char)*name)) {
		n = *name - '0';
		if (n == 0)
			return (sh.arg0);
		return (n <= sh.nargs ? sh.args[n - 1] : NULL);
	}
	if (len >= sizeof(var))
		return (NULL);
	memcpy(var, name, len);
	var[len] = '\0';
	return (var_get(var));
}

/*
 * Expand the parameter whose $ is at s; returns where the text goes on
 * after it, or NULL after an error (reported).  A $ that starts no
 * expansion is itself.
 */
static const char *
expand_param(struct expander *e, const char *s, bool quoted)
{
	const char *name = s + 1, *end;
	const char *value;
	char num[24];
	size_t len;

	if (*name == '(') {
		sh_error("$(...): command substitution is not supported");
		return (NULL);
	}
	if (*name == '{') {
		name++;
		len = var_name_len(name);
		if (len == 0 && *name != '\0' && strchr("?$!#0123456789",
		    *name) != NULL)
			len = 1;
		if (len == 0 || name[len] != '}') {
			end = strchr(name, '}');
			sh_error("${%.*s}: bad substitution",
			    end != NULL ? (int)(end - name) : (int)strlen(name),
			    name);
			return (NULL);
		}
		end = name + len + 1;
	} else {
		len = var_name_len(name);
		if (len == 0 && *name != '\0' && strchr("?$!#0123456789",
		    *name) != NULL)
			len = 1;
		if (len == 0) {
			add_char(e, '$');
			return (s + 1);
		}
		end = name + len;
	}
	if ((value = param_value(name, len, num)) != NULL)
		add_value(e, value, quoted);
	return (end);
}

/* Expand text into e; 0, or -1 after an error. */
static int
expand(struct expander *e, const char *s)
{
	char quote = '\0';

	while (*s != '\0') {
		if (quote == '\'') {
			if (*s == '\'')
				quote = '\0';
			else
				add_char(e, *s);
			s++;
		} else if (*s == '\\' && s[1] == '\n') {
			s += 2;			/* a line continues */
		} else if (*s == '\\' && s[1] != '\0' && (quote == '\0' ||
		    strchr("$`\"\\", s[1]) != NULL)) {
			add_char(e, s[1]);
			s += 2;
		} else if (*s == '$') {
			if ((s = expand_param(e, s, quote == '"')) == NULL)
				return (-1);
		} else if (*s == '`') {
			sh_error("`...`: command substitution is not "
			    "supported");
			return (-1);
		} else if (*s == '"' || (*s == '\'' && quote == '\0')) {
			/* A quoted string makes a field, even "". */
			quote = quote == '"' ? '\0' : *s;
			e->have = true;
			s++;
		} else {
			add_char(e, *s++);
		}
	}
	return (0);
}

/*
 * Expand each word of the list and add the fields they give to out
 * (in a).  Returns 0, or -1 after an error (reported).
 */
int
expand_words(struct word *w, struct arena *a, struct strlist *out)
{
	struct expander e = { .arena = a, .fields = out };
	int error = 0;

	for (; w != NULL && error == 0; w = w->next) {
		error = expand(&e, w->text);
		end_field(&e);
	}
	free(e.buf);
	return (error);
}

/*
 * Expand text to one string, without field splitting (an assignment's
 * value, a redirection's file).  The string is in a; NULL after an
 * error (reported).
 */
char *
expand_one(const char *text, struct arena *a)
{
	struct expander e = { .arena = a };
	char *s = NULL;

	if (expand(&e, text) == 0)
		s = arena_strndup(a, e.buf != NULL ? e.buf : "", e.len);
	free(e.buf);
	return (s);
}
