/*
 * strtok.c - split a string into tokens.
 */
#include <string.h>

/*
 * Return the next token of the string being split: a maximal run of
 * bytes not in delim.  The first call passes the string as s, later
 * calls NULL; *saveptr holds the position in between, so several
 * strings can be split at once.  The byte after the token is
 * overwritten with NUL.  Returns NULL when no token is left.
 */
char *
strtok_r(char * __restrict s, const char * __restrict delim,
    char ** __restrict saveptr)
{
	char *token;

	if (s == NULL)
		s = *saveptr;
	s += strspn(s, delim);
	if (*s == '\0') {
		*saveptr = s;
		return (NULL);
	}
	token = s;
	s += strcspn(s, delim);
	if (*s != '\0')
		*s++ = '\0';
	*saveptr = s;
	return (token);
}

/* strtok_r with one hidden position: not reentrant, as C specifies. */
char *
strtok(char * __restrict s, const char * __restrict delim)
{
	static char *position;

	return (strtok_r(s, delim, &position));
}
