/*
 * kern_cmdline.c - the kernel command line as name=value options.
 * Pure string handling, so it is also built and tested on the host.
 */
#include <kernel/systm.h>
#include <kernel/cmdline.h>

#define CMDLINE_MAX	512
#define CMDLINE_MAXOPTS	32

static char cmdline_buf[CMDLINE_MAX];
static const char *opt_name[CMDLINE_MAXOPTS];
static const char *opt_value[CMDLINE_MAXOPTS];
static int nopts;

int
cmdline_init(const char *cmdline)
{
	size_t len = strnlen(cmdline, sizeof(cmdline_buf) - 1);
	char *p, *eq;

	memcpy(cmdline_buf, cmdline, len);
	cmdline_buf[len] = '\0';
	nopts = 0;
	for (p = cmdline_buf; *p != '\0' && nopts < CMDLINE_MAXOPTS;) {
		while (*p == ' ' || *p == '\t')
			*p++ = '\0';
		if (*p == '\0')
			break;
		opt_name[nopts] = p;
		opt_value[nopts] = "";
		while (*p != '\0' && *p != ' ' && *p != '\t')
			p++;
		if (*p != '\0')
			*p++ = '\0';
		eq = strchr(opt_name[nopts], '=');
		if (eq != NULL) {
			*eq = '\0';
			opt_value[nopts] = eq + 1;
		}
		nopts++;
	}
	return (nopts);
}

const char *
kern_getenv(const char *name)
{
	int i;

	/* The last occurrence wins, as when options are appended. */
	for (i = nopts - 1; i >= 0; i--)
		if (strcmp(opt_name[i], name) == 0)
			return (opt_value[i]);
	return (NULL);
}
