/*
 * sh - a small POSIX-style shell, for the console and for scripts.
 *
 *	sh [-i]			read commands from standard input; on the
 *				console (or with -i) interactively, with
 *				a prompt ("$ "); end of input (^D) ends it
 *	sh file [arg ...]	run the script file; $0 is file, $1 ... args
 *	sh [-i] -c command [name [arg ...]]
 *				run command; $0 is name, $1 ... args
 *
 * What it runs: simple commands with arguments, pipelines (a | b),
 * lists (; & && || and newlines), redirections (< > >| >> <& >&, with
 * a descriptor number before them), variables (NAME=value, $NAME,
 * ${NAME}, $? $$ $! $# $0 .. $9), single and double quotes and
 * backslashes, # comments, and the builtins cd (chdir), exit, export, pwd,
 * wait, test and [, jobs, fg and bg (builtin.c, test.c, jobs.c).  Commands are looked up in PATH (/bin:/sbin if it is
 * not set); a name with a / is used as it is.  Exit statuses: 127 for
 * a command not found, 126 for one that cannot be executed, 2 for a
 * syntax error (which ends a shell that is not interactive), 128 + n
 * for a command killed by signal n.
 *
 * Not there (yet): if, while, for, case and functions; subshells and
 * { }; here-documents; command substitution, arithmetic, globbing,
 * tilde expansion, $@ and $*; wait's operands and %job names other
 * than %n; set, unset, read, shift, trap, . and the other builtins.
 *
 * Signals and jobs (jobs.c): an interactive shell ignores SIGINT and
 * SIGQUIT, so ^C and ^\ end the command, not the shell; its commands
 * get the default actions back.  On its controlling terminal it has job
 * control: each pipeline is a process group that gets the terminal
 * while it runs in the foreground; ^Z stops it ("[n] Stopped"), fg and
 * bg continue it, jobs lists them.  A command killed by a signal other
 * than SIGINT and SIGPIPE is told ("Terminated by signal N"); $? is
 * 128 + the signal that ended or stopped it.
 *
 * The parts, one file each, are described in sh/sh.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sh/sh.h"

#define SCRIPT_FD_MIN	10	/* the script's descriptor: out of the way */

struct shell sh;

enum read_result { READ_OK, READ_ERROR, READ_EOF };

/*
 * Report an error on standard error as one line, "sh: " and the
 * message; one write(2), so that it is not cut by other output.
 */
void
sh_error(const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	int len;

	memcpy(buf, "sh: ", 4);
	va_start(ap, fmt);
	len = vsnprintf(buf + 4, sizeof(buf) - 5, fmt, ap);
	va_end(ap);
	if (len < 0)
		len = 0;
	len = len + 4 > (int)sizeof(buf) - 1 ? (int)sizeof(buf) - 1 : len + 4;
	buf[len++] = '\n';
	write(STDERR_FILENO, buf, len);
}

/* Leave the shell with the given status. */
void
sh_exit(int status)
{
	exit(status);
}

static void
prompt(const char *s)
{
	if (sh.interactive)
		write(STDERR_FILENO, s, strlen(s));
}

/* text with line appended, both from malloc (and freed here). */
static char *
join(char *text, char *line)
{
	size_t len = strlen(text);
	char *p;

	if ((p = realloc(text, len + strlen(line) + 1)) == NULL) {
		sh_error("out of memory");
		sh_exit(STATUS_SYNTAX);
	}
	strcpy(p + len, line);
	free(line);
	return (p);
}

/*
 * Read and parse the next complete command: a line, and the lines
 * after it while it is cut short (an open quote, a trailing | or &&).
 * READ_OK: *list is its tree in a, which the caller frees.
 */
static enum read_result
read_command(struct input *in, struct arena *a, struct andor **list)
{
	enum parse_result result = PARSE_MORE;
	char *text = NULL, *line;

	arena_init(a);
	prompt("$ ");
	while (result == PARSE_MORE) {
		if ((line = input_line(in)) == NULL) {
			if (text == NULL)
				return (READ_EOF);
			free(text);
			if (sh.script != NULL)
				sh_error("%s: line %d: syntax error: "
				    "unexpected end of file", sh.script,
				    sh.lineno);
			else
				sh_error("syntax error: unexpected end of "
				    "file");
			return (READ_ERROR);
		}
		sh.lineno++;
		text = text == NULL ? line : join(text, line);
		arena_free(a);
		if ((result = parse(text, a, list)) == PARSE_MORE)
			prompt("> ");
	}
	free(text);
	return (result == PARSE_OK ? READ_OK : READ_ERROR);
}

/* Read and run commands until the end of the input. */
static void
run_input(struct input *in)
{
	enum read_result result;
	struct andor *list;
	struct arena a;

	for (;;) {
		jobs_reap();
		result = read_command(in, &a, &list);
		if (result == READ_EOF)
			break;
		if (result == READ_OK)
			run_list(list, &a);
		arena_free(&a);
		if (result == READ_ERROR) {
			sh.status = STATUS_SYNTAX;
			if (!sh.interactive)
				sh_exit(sh.status);
		}
	}
	if (sh.interactive)
		prompt("\n");
}

/*
 * Whether fd is a terminal, as far as Vise can tell: there is no
 * isatty() yet, and the console is the only character device that
 * can be read from usefully (/dev/null and /dev/zero are the others).
 */
static bool
on_console(int fd)
{
	struct stat st;

	return (fstat(fd, &st) == 0 && S_ISCHR(st.st_mode));
}

/* Open script path, out of the way of the descriptors it redirects. */
static int
open_script(const char *path)
{
	int fd, moved;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0) {
		sh_error("%s: %s", path, strerror(errno));
		sh_exit(errno == ENOENT ? STATUS_NOTFOUND : STATUS_NOEXEC);
	}
	if ((moved = fcntl(fd, F_DUPFD, SCRIPT_FD_MIN)) < 0)
		return (fd);
	fcntl(moved, F_SETFD, FD_CLOEXEC);
	close(fd);
	return (moved);
}

int
main(int argc, char **argv)
{
	bool force_interactive = false;
	struct input in;
	int first_arg;

	sh.arg0 = argc > 0 ? argv[0] : "sh";
	var_init(environ);
	if (argc > 1 && strcmp(argv[1], "-i") == 0) {
		force_interactive = true;
		argv++;
		argc--;
	}
	if (argc > 1 && strcmp(argv[1], "-c") == 0) {
		if (argc < 3) {
			sh_error("-c: a command is needed");
			sh_exit(STATUS_SYNTAX);
		}
		input_from_string(&in, argv[2]);
		first_arg = 3;
		if (argc > 3)
			sh.arg0 = argv[first_arg++];
	} else if (argc > 1 && argv[1][0] == '-') {
		sh_error("%s: unknown option; usage: sh [-i] [-c command "
		    "[name [arg ...]]] | sh [file [arg ...]]", argv[1]);
		sh_exit(STATUS_SYNTAX);
	} else if (argc > 1) {
		sh.script = sh.arg0 = argv[1];
		input_from_fd(&in, open_script(argv[1]), false);
		first_arg = 2;
	} else {
		sh.interactive = on_console(STDIN_FILENO);
		input_from_fd(&in, STDIN_FILENO, true);
		first_arg = argc;
	}
	if (force_interactive)
		sh.interactive = true;
	sh.args = argv + first_arg;
	sh.nargs = argc - first_arg;
	jobs_init();
	run_input(&in);
	sh_exit(sh.status);
}
