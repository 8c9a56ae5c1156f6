/*
 * echo - write the arguments to standard output.
 *
 * echo [-n] [string ...]: the strings separated by single spaces and
 * followed by a newline, which -n (as the first argument only, BSD's
 * rule) leaves out.  Everything else is printed as it is: no other
 * options, no backslash escapes (POSIX leaves both to the
 * implementation; FreeBSD's echo does the same).  Exit status 1 if the
 * output could not be written.
 */
#include <stdio.h>
#include <string.h>

int
main(int argc, char *argv[])
{
	int i = 1, newline = 1;

	if (i < argc && strcmp(argv[i], "-n") == 0) {
		newline = 0;
		i++;
	}
	for (; i < argc; i++) {
		fputs(argv[i], stdout);
		if (i + 1 < argc)
			putchar(' ');
	}
	if (newline)
		putchar('\n');
	/* exit() would flush too, but could not report a failure. */
	if (fflush(stdout) != 0 || ferror(stdout)) {
		perror("echo: stdout");
		return (1);
	}
	return (0);
}
