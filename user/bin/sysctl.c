/*
 * sysctl.c - print kernel values by name: `sysctl NAME...` prints
 * "NAME: VALUE" for each, `sysctl -a` every one there is, `-n` the
 * values alone.  Setting values is not possible yet (none is writable).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/sysctl.h>

static int nflag;

/* Print one; 0, or 1 after an error message. */
static int
show(const char *name)
{
	char buf[256];
	size_t len = sizeof(buf);
	int type;

	if ((type = sysctl_type(name)) < 0 ||
	    sysctlbyname(name, buf, &len, NULL, 0) != 0) {
		fprintf(stderr, "sysctl: %s: %s\n", name, strerror(errno));
		return (1);
	}
	if (!nflag)
		printf("%s: ", name);
	if (type == SYSCTL_ULONG && len == sizeof(unsigned long)) {
		unsigned long v;

		memcpy(&v, buf, sizeof(v));
		printf("%lu\n", v);
	} else if (type == SYSCTL_INT && len == sizeof(int)) {
		int v;

		memcpy(&v, buf, sizeof(v));
		printf("%d\n", v);
	} else
		printf("%.*s\n", (int)len, buf);
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
			fprintf(stderr, "usage: sysctl [-n] -a | name ...\n");
			return (2);
		}
	}
	if (aflag) {
		while (sysctl_next(name, name, sizeof(name)) == 0)
			status |= show(name);
		return (status);
	}
	if (i == argc) {
		fprintf(stderr, "usage: sysctl [-n] -a | name ...\n");
		return (2);
	}
	for (; i < argc; i++)
		status |= show(argv[i]);
	return (status);
}
