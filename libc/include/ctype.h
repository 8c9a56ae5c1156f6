/*
 * ctype.h - character classes and case mapping for the C locale (the
 * only locale).  Each function takes an int that is EOF or a value of
 * unsigned char; any other value gets "not in the class" (or itself
 * back from tolower/toupper) rather than undefined behaviour.
 */
#ifndef _CTYPE_H_
#define _CTYPE_H_

int	isalnum(int);
int	isalpha(int);
int	isblank(int);
int	iscntrl(int);
int	isdigit(int);
int	isgraph(int);
int	islower(int);
int	isprint(int);
int	ispunct(int);
int	isspace(int);
int	isupper(int);
int	isxdigit(int);
int	tolower(int);
int	toupper(int);

#endif /* !_CTYPE_H_ */
