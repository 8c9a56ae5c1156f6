/*
 * sysctl.c - print kernel values by name: `sysctl NAME...` prints
 * "NAME: VALUE" for each, `sysctl -a` every one there is, `-n` the
 * values alone.  `sysctl NAME=VALUE` sets an int that the kernel lets
 * root set (debug.kdb.enter, debug.debugger_on_panic) and prints
 * "NAME: OLD -> NEW".
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sysctl.h>

#define TRIES	5

static int nflag;

/*
 * The value of `name` in a buffer from malloc, its size in *lenp; NULL
 * with errno on an error.  A table (kern.proc.all) may grow between
 * asking its size and reading it: ask again, a few times.
 */
static void *
get(const char *name, size_t *lenp)
{
	void *buf;
	size_t len;
	int tries;

	for (tries = 0; tries < TRIES; tries++) {
		if (sysctlbyname(name, NULL, &len, NULL, 0) != 0)
			return (NULL);
		if ((buf = malloc(len + 1)) == NULL)
			return (NULL);
		if (sysctlbyname(name, buf, &len, NULL, 0) == 0) {
			*lenp = len;
			return (buf);
		}
		free(buf);
		if (errno != ENOMEM)
			return (NULL);
	}
	return (NULL);
}

/* Print one; 0, or 1 after an error message. */
static int
show(const char *name)
{
	size_t len;
	char *buf;
	int type;

	if ((type = sysctl_type(name)) < 0 || (buf = get(name, &len)) == NULL) {
		fprintf(stderr, "sysctl: %s: %s\n", name, strerror(errno));
		return (1);
	}
	if (!nflag)
		printf("%s: ", name);
	if (type == SYSCTL_OPAQUE)
		printf("(a table of %zu bytes)\n", len);
	else if (type == SYSCTL_ULONG && len == sizeof(unsigned long)) {
		unsigned long v;

		memcpy(&v, buf, sizeof(v));
		printf("%lu\n", v);
	} else if (type == SYSCTL_INT && len == sizeof(int)) {
		int v;

		memcpy(&v, buf, sizeof(v));
		printf("%d\n", v);
	} else
		printf("%.*s\n", (int)len, buf);
	free(buf);
	return (0);
}

/* Set an int: NAME=VALUE.  0, or 1 after an error message. */
static int
set(char *arg)
{
	char *eq = strchr(arg, '='), *end;
	size_t len = sizeof(int);
	int old, new;
	long v;

	*eq = '\0';
	v = strtol(eq + 1, &end, 0);
	if (eq[1] == '\0' || *end != '\0' || v != (int)v) {
		fprintf(stderr, "sysctl: %s: not an int: %s\n", arg, eq + 1);
		return (1);
	}
	new = (int)v;
	if (sysctlbyname(arg, &old, &len, &new, sizeof(new)) != 0) {
		fprintf(stderr, "sysctl: %s: %s\n", arg, strerror(errno));
		return (1);
	}
	if (nflag)
		printf("%d\n", new);
	else
		printf("%s: %d -> %d\n", arg, old, new);
	return (0);
}

int
main(int argc, char *argv[])
{
	char name[128] = "";
	int i = 1, aflag = 0, status = 0;

	for (; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "-a") == 0)
			aflag = 1;
		else if (strcmp(argv[i], "-n") == 0)
			nflag = 1;
		else {
			fprintf(stderr, "usage: sysctl [-n] -a | name[=value] ...\n");
			return (2);
		}
	}
	if (aflag) {
		while (sysctl_next(name, name, sizeof(name)) == 0)
			status |= show(name);
		return (status);
	}
	if (i == argc) {
		fprintf(stderr, "usage: sysctl [-n] -a | name[=value] ...\n");
		return (2);
	}
	for (; i < argc; i++)
		status |= strchr(argv[i], '=') != NULL ? set(argv[i]) :
		    show(argv[i]);
	return (status);
}
