/*
 * sysctl.c - print kernel values by name: `sysctl NAME...` prints
 * "NAME: VALUE" for each, `sysctl -a` every one there is, `-n` the
 * values alone, `sysctl NAME=VALUE` sets a writable value (root only:
 * the fault-injection knobs debug.inject.*, DDB's debug.kdb.enter and
 * debug.debugger_on_panic) and prints "NAME: OLD -> NEW" as FreeBSD's
 * does (-n: NEW alone).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sysctl.h>

#define TRIES	5
#define USAGE	"usage: sysctl [-n] -a | name[=value] ...\n"

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

/* NAME=VALUE: set an int or unsigned long; 0, or 1 after a message. */
static int
set(char *arg)
{
	char *eq = strchr(arg, '='), *end;
	unsigned long ul, oul;
	int type, i, oi;
	size_t len;
	long l;

	*eq = '\0';
	if ((type = sysctl_type(arg)) < 0)
		goto fail;
	errno = 0;
	l = strtol(eq + 1, &end, 0);
	if (eq[1] == '\0' || *end != '\0' || errno != 0) {
		fprintf(stderr, "sysctl: %s: not a number: %s\n", arg, eq + 1);
		return (1);
	}
	if (type == SYSCTL_INT) {
		i = (int)l;
		len = sizeof(oi);
		if (sysctlbyname(arg, &oi, &len, &i, sizeof(i)) != 0)
			goto fail;
		if (nflag)
			printf("%d\n", i);
		else
			printf("%s: %d -> %d\n", arg, oi, i);
	} else if (type == SYSCTL_ULONG) {
		ul = (unsigned long)l;
		len = sizeof(oul);
		if (sysctlbyname(arg, &oul, &len, &ul, sizeof(ul)) != 0)
			goto fail;
		if (nflag)
			printf("%lu\n", ul);
		else
			printf("%s: %lu -> %lu\n", arg, oul, ul);
	} else {
		errno = EPERM;
		goto fail;
	}
	return (0);
fail:
	fprintf(stderr, "sysctl: %s: %s\n", arg, strerror(errno));
	return (1);
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
			fprintf(stderr, USAGE);
			return (2);
		}
	}
	if (aflag) {
		while (sysctl_next(name, name, sizeof(name)) == 0)
			status |= show(name);
		return (status);
	}
	if (i == argc) {
		fprintf(stderr, USAGE);
		return (2);
	}
	for (; i < argc; i++)
		status |= strchr(argv[i], '=') != NULL ? set(argv[i]) :
		    show(argv[i]);
	return (status);
}
