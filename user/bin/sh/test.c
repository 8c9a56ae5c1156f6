/*
 * test.c - the test and [ builtins (POSIX XCU test): what scripts
 * decide with, as the shell has no other way to compare.
 *
 * By the number of arguments, as POSIX orders it: none is false; one
 * is true if it is not empty; two are ! and one argument, or a unary
 * operator (-n -z on strings, -e -f -d -s on files); three are a
 * binary operator (= != on strings, -eq -ne -lt -le -gt -ge on
 * integers) or ! and two arguments; four are ! and three.  -a, -o and
 * parentheses, which POSIX marks obsolescent, are not there.  Status
 * 0 for true, 1 for false, 2 for an error.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "sh.h"

#define TEST_TRUE	0
#define TEST_FALSE	1
#define TEST_ERROR	2

static int
truth(bool b)
{
	return (b ? TEST_TRUE : TEST_FALSE);
}

/* s as an integer into *n; false (reported) if it is not one. */
static bool
integer(const char *s, long *n)
{
	char *end;

	errno = 0;
	*n = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || errno != 0) {
		sh_error("test: %s: integer expected", s);
		return (false);
	}
	return (true);
}

static int
unary(const char *op, const char *arg)
{
	struct stat st;

	if (strcmp(op, "-n") == 0)
		return (truth(*arg != '\0'));
	if (strcmp(op, "-z") == 0)
		return (truth(*arg == '\0'));
	if (strcmp(op, "-e") == 0 || strcmp(op, "-f") == 0 ||
	    strcmp(op, "-d") == 0 || strcmp(op, "-s") == 0) {
		if (stat(arg, &st) != 0)
			return (TEST_FALSE);
		return (truth(op[1] == 'e' ||
		    (op[1] == 'f' && S_ISREG(st.st_mode)) ||
		    (op[1] == 'd' && S_ISDIR(st.st_mode)) ||
		    (op[1] == 's' && st.st_size > 0)));
	}
	sh_error("test: %s: unary operator expected", op);
	return (TEST_ERROR);
}

static const char *const binary_ops[] = {
	"=", "!=", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", NULL
};

/* The index of op in binary_ops, or -1. */
static int
binary_op(const char *op)
{
	int i;

	for (i = 0; binary_ops[i] != NULL; i++)
		if (strcmp(op, binary_ops[i]) == 0)
			return (i);
	return (-1);
}

static int
binary(const char *left, int op, const char *right)
{
	long l, r;

	if (op <= 1)
		return (truth((strcmp(left, right) == 0) == (op == 0)));
	if (!integer(left, &l) || !integer(right, &r))
		return (TEST_ERROR);
	switch (op) {
	case 2:
		return (truth(l == r));
	case 3:
		return (truth(l != r));
	case 4:
		return (truth(l < r));
	case 5:
		return (truth(l <= r));
	case 6:
		return (truth(l > r));
	default:
		return (truth(l >= r));
	}
}

static int
negate(int result)
{
	return (result == TEST_ERROR ? result : truth(result == TEST_FALSE));
}

/* The expression of argc arguments in argv (the operands only). */
static int
evaluate(int argc, char **argv)
{
	bool not = argc > 1 && strcmp(argv[0], "!") == 0;

	switch (argc) {
	case 0:
		return (TEST_FALSE);
	case 1:
		return (truth(argv[0][0] != '\0'));
	case 2:
		return (not ? negate(evaluate(1, argv + 1)) :
		    unary(argv[0], argv[1]));
	case 3:
		if (binary_op(argv[1]) >= 0)
			return (binary(argv[0], binary_op(argv[1]), argv[2]));
		if (not)
			return (negate(evaluate(2, argv + 1)));
		sh_error("test: %s: binary operator expected", argv[1]);
		return (TEST_ERROR);
	case 4:
		if (not)
			return (negate(evaluate(3, argv + 1)));
		/* FALLTHROUGH */
	default:
		sh_error("test: too many arguments");
		return (TEST_ERROR);
	}
}

/* test expression, or [ expression ]: see the top of the file. */
int
builtin_test(int argc, char **argv)
{
	if (strcmp(argv[0], "[") == 0) {
		if (strcmp(argv[argc - 1], "]") != 0) {
			sh_error("[: missing ]");
			return (TEST_ERROR);
		}
		argc--;
	}
	return (evaluate(argc - 1, argv + 1));
}
