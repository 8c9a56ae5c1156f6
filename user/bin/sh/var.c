/*
 * var.c - the shell's variables: a list sorted by name, each with a
 * value and whether it is exported.  The environment the shell gets
 * is imported at start (all exported); a command's environment is
 * made from the exported ones when it is run.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sh.h"

struct var {
	char		*name;
	char		*value;
	bool		 exported;
	struct var	*next;
};

static struct var *vars;
static int nexported;

/* The length of the name (letters, digits, _; not a digit first) at s. */
size_t
var_name_len(const char *s)
{
	size_t len = 0;

	if (!isalpha((unsigned char)*s) && *s != '_')
		return (0);
	while (isalnum((unsigned char)s[len]) || s[len] == '_')
		len++;
	return (len);
}

/* The variable called name, or where it would go: *prevp, its link. */
static struct var *
var_find(const char *name, struct var ***prevp)
{
	struct var **prev, *v;
	int cmp = 1;

	for (prev = &vars; (v = *prev) != NULL; prev = &v->next)
		if ((cmp = strcmp(v->name, name)) >= 0)
			break;
	if (prevp != NULL)
		*prevp = prev;
	return (cmp == 0 ? v : NULL);
}

/* The value of variable name, or NULL if it is not set. */
const char *
var_get(const char *name)
{
	struct var *v = var_find(name, NULL);

	return (v != NULL ? v->value : NULL);
}

/*
 * Set variable name (a valid name) to a copy of value; exported if it
 * was.  Returns 0, or -1 if memory ran out (reported).
 */
int
var_set(const char *name, const char *value)
{
	struct var **prev, *v;
	char *copy;

	if ((copy = strdup(value)) == NULL) {
		sh_error("%s: out of memory", name);
		return (-1);
	}
	if ((v = var_find(name, &prev)) == NULL) {
		if ((v = calloc(1, sizeof(*v))) == NULL ||
		    (v->name = strdup(name)) == NULL) {
			free(v);
			free(copy);
			sh_error("%s: out of memory", name);
			return (-1);
		}
		v->next = *prev;
		*prev = v;
	}
	free(v->value);
	v->value = copy;
	return (0);
}

/*
 * Set a variable from "NAME=value" (the name checked by the caller),
 * and export it if asked.  0, or -1 (reported).
 */
int
var_assign(const char *assignment, bool export)
{
	size_t len = var_name_len(assignment);
	char name[256];

	if (len >= sizeof(name)) {
		sh_error("%.20s...: name too long", assignment);
		return (-1);
	}
	memcpy(name, assignment, len);
	name[len] = '\0';
	if (var_set(name, assignment + len + 1) != 0)
		return (-1);
	if (export)
		var_export(name);
	return (0);
}

/* Mark variable name (which is set) for the environment of commands. */
void
var_export(const char *name)
{
	struct var *v = var_find(name, NULL);

	if (v != NULL && !v->exported) {
		v->exported = true;
		nexported++;
	}
}

/*
 * Import the environment env: every NAME=value in it is an exported
 * variable.  PATH gets a default (not exported) if it has none.
 */
void
var_init(char **env)
{
	size_t len;

	for (; env != NULL && *env != NULL; env++) {
		len = var_name_len(*env);
		if (len > 0 && (*env)[len] == '=')
			var_assign(*env, true);
	}
	if (var_get("PATH") == NULL)
		var_set("PATH", DEFAULT_PATH);
}

/*
 * The environment of a command: "NAME=value" for each exported
 * variable, except those the command's own assignments (extra, n of
 * them, "NAME=value" each) replace, then those.  Made with malloc, for
 * a child about to exec: nothing frees it.  NULL if memory ran out.
 */
char **
var_environ(char **extra, int n)
{
	char **env, *s;
	struct var *v;
	size_t len;
	int i, count = 0;

	if ((env = malloc((nexported + n + 1) * sizeof(*env))) == NULL)
		return (NULL);
	for (v = vars; v != NULL; v = v->next) {
		if (!v->exported)
			continue;
		len = strlen(v->name);
		for (i = 0; i < n; i++)
			if (strncmp(extra[i], v->name, len) == 0 &&
			    extra[i][len] == '=')
				break;
		if (i < n)
			continue;
		if ((s = malloc(len + strlen(v->value) + 2)) == NULL)
			return (NULL);
		sprintf(s, "%s=%s", v->name, v->value);
		env[count++] = s;
	}
	for (i = 0; i < n; i++)
		env[count++] = extra[i];
	env[count] = NULL;
	return (env);
}

/* Print each exported variable as an export command that sets it. */
void
var_print_exports(void)
{
	struct var *v;
	const char *s;

	for (v = vars; v != NULL; v = v->next) {
		if (!v->exported)
			continue;
		printf("export %s='", v->name);
		for (s = v->value; *s != '\0'; s++) {
			if (*s == '\'')
				fputs("'\\''", stdout);
			else
				putchar(*s);
		}
		printf("'\n");
	}
}
