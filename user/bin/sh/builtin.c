/*
 * builtin.c - the commands the shell runs itself: cd, exit, export,
 * pwd, wait, test and [ (test.c), and jobs, fg and bg (jobs.c).  Each is builtin_fn: (argc, argv) to an exit status, with its
 * output on stdout, flushed before it returns (a builtin in a pipeline
 * runs in a child that then leaves with _exit).
 *
 * cd and pwd use the kernel's current directory (chdir, getcwd): the
 * shell keeps no path of its own, so it and the commands it runs
 * always agree on where relative paths go.  cd also sets PWD.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

/* cd [dir]: to dir, or to $HOME (/ if unset); sets PWD. */
static int
b_cd(int argc, char **argv)
{
	char buf[PATH_MAX];
	const char *dir;

	if (argc > 2) {
		sh_error("cd: too many arguments");
		return (1);
	}
	if (argc == 2)
		dir = argv[1];
	else if ((dir = var_get("HOME")) == NULL || *dir == '\0')
		dir = "/";
	if (chdir(dir) != 0) {
		sh_error("cd: %s: %s", dir, strerror(errno));
		return (1);
	}
	if (getcwd(buf, sizeof(buf)) != NULL)
		(void)var_set("PWD", buf);
	return (0);
}

/* exit [n]: leave the shell with status n, or $?. */
static int
b_exit(int argc, char **argv)
{
	char *end;
	long n;

	if (argc > 2) {
		sh_error("exit: too many arguments");
		return (1);
	}
	if (argc == 1)
		sh_exit(sh.status);
	errno = 0;
	n = strtol(argv[1], &end, 10);
	if (argv[1][0] == '\0' || *end != '\0' || errno != 0 || n < 0) {
		sh_error("exit: %s: numeric argument required", argv[1]);
		sh_exit(STATUS_SYNTAX);
	}
	sh_exit((int)(n & 0xff));
}

/*
 * export [NAME[=value] ...]: export them; alone, list what is.  An
 * unset NAME becomes set to "" (POSIX keeps it unset but marked).
 */
static int
b_export(int argc, char **argv)
{
	size_t len;
	int i, status = 0;

	if (argc == 1) {
		var_print_exports();
		fflush(stdout);
		return (0);
	}
	for (i = 1; i < argc; i++) {
		len = var_name_len(argv[i]);
		if (len == 0 || (argv[i][len] != '\0' && argv[i][len] != '=')) {
			sh_error("export: %s: not a valid name", argv[i]);
			status = 1;
		} else if (argv[i][len] == '=') {
			if (var_assign(argv[i], true) != 0)
				status = 1;
		} else {
			if (var_get(argv[i]) == NULL && var_set(argv[i], "") != 0)
				status = 1;
			var_export(argv[i]);
		}
	}
	return (status);
}

/* pwd: the current directory, as the kernel knows it. */
static int
b_pwd(int argc, char **argv)
{
	char buf[PATH_MAX];

	(void)argc;
	(void)argv;
	if (getcwd(buf, sizeof(buf)) == NULL) {
		sh_error("pwd: %s", strerror(errno));
		return (1);
	}
	printf("%s\n", buf);
	fflush(stdout);
	return (0);
}

/* wait: until every running job has ended; no operands yet. */
static int
b_wait(int argc, char **argv)
{
	(void)argv;
	if (argc > 1) {
		sh_error("wait: operands are not supported; wait alone "
		    "waits for every job");
		return (2);
	}
	jobs_wait_all();
	return (0);
}

/* The builtin called name, or NULL if it is not one. */
builtin_fn *
builtin_find(const char *name)
{
	static const struct {
		const char	*name;
		builtin_fn	*fn;
	} builtins[] = {
		{ "bg", builtin_bg }, { "cd", b_cd }, { "exit", b_exit },
		{ "export", b_export }, { "fg", builtin_fg },
		{ "jobs", builtin_jobs }, { "pwd", b_pwd },
		{ "test", builtin_test }, { "wait", b_wait },
		{ "[", builtin_test },
	};
	size_t i;

	for (i = 0; i < sizeof(builtins) / sizeof(builtins[0]); i++)
		if (strcmp(builtins[i].name, name) == 0)
			return (builtins[i].fn);
	return (NULL);
}
