/*
 * ctype.c - character classes and case mapping for the C locale.
 *
 * Each test is a range comparison on the ASCII code, so EOF and any
 * other int outside 0..127 (bytes 128..255 are in no class in the C
 * locale) simply fall outside every range: no table to index out of
 * bounds with a negative char.
 */
#include <ctype.h>

/* c in [lo, hi], with one comparison (c - lo wraps for c < lo). */
#define IN_RANGE(c, lo, hi)	((unsigned)(c) - (lo) <= (unsigned)(hi) - (lo))

/*
 * Each is* function: c is EOF or a value of unsigned char (others are
 * accepted and in no class).  Returns nonzero if c is in the class
 * named, 0 if not; EOF is in none.
 */

/* Letters A-Z, a-z. */
int
isalpha(int c)
{
	return (IN_RANGE(c, 'a', 'z') || IN_RANGE(c, 'A', 'Z'));
}

/* Digits 0-9. */
int
isdigit(int c)
{
	return (IN_RANGE(c, '0', '9'));
}

/* Letters and digits. */
int
isalnum(int c)
{
	return (isalpha(c) || isdigit(c));
}

/* Space and horizontal tab. */
int
isblank(int c)
{
	return (c == ' ' || c == '\t');
}

/* Control characters: 0-31 and DEL. */
int
iscntrl(int c)
{
	return (IN_RANGE(c, 0, 0x1f) || c == 0x7f);
}

/* Printing characters other than space: '!' to '~'. */
int
isgraph(int c)
{
	return (IN_RANGE(c, '!', '~'));
}

/* Lower-case letters. */
int
islower(int c)
{
	return (IN_RANGE(c, 'a', 'z'));
}

/* Printing characters including space. */
int
isprint(int c)
{
	return (IN_RANGE(c, ' ', '~'));
}

/* Printing characters that are neither letters, digits nor space. */
int
ispunct(int c)
{
	return (isgraph(c) && !isalnum(c));
}

/* Space, \t, \n, \v, \f, \r. */
int
isspace(int c)
{
	return (c == ' ' || IN_RANGE(c, '\t', '\r'));
}

/* Upper-case letters. */
int
isupper(int c)
{
	return (IN_RANGE(c, 'A', 'Z'));
}

/* Hexadecimal digits 0-9, a-f, A-F. */
int
isxdigit(int c)
{
	return (isdigit(c) || IN_RANGE(c, 'a', 'f') || IN_RANGE(c, 'A', 'F'));
}

/* The lower-case letter for an upper-case one; any other c unchanged. */
int
tolower(int c)
{
	return (isupper(c) ? c - 'A' + 'a' : c);
}

/* The upper-case letter for a lower-case one; any other c unchanged. */
int
toupper(int c)
{
	return (islower(c) ? c - 'a' + 'A' : c);
}
