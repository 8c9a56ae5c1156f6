/*
 * exec.c - the executor: runs the tree parse.c built.
 *
 * A pipeline forks one child per command, joined by pipes, and waits
 * for all of them (a job, jobs.c); its status is the last one's.  A
 * pipeline of one builtin, or of assignments and redirections only,
 * runs in the shell itself (cd, exit and NAME=value must change the
 * shell, not a child).  A list with & runs in a child of its own; its
 * input is /dev/null unless the shell has job control, as POSIX asks.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sh.h"

/* A simple command after expansion. */
struct cmdargs {
	struct strlist	argv;
	struct strlist	assigns;	/* "NAME=value", expanded */
};

/* Expand c's words and assignments into ca (in a); 0, or -1. */
static int
expand_command(struct command *c, struct arena *a, struct cmdargs *ca)
{
	struct word *w;
	size_t len;
	char *value, *s;

	memset(ca, 0, sizeof(*ca));
	for (w = c->assigns; w != NULL; w = w->next) {
		len = var_name_len(w->text);
		if ((value = expand_one(w->text + len + 1, a)) == NULL)
			return (-1);
		s = arena_alloc(a, len + strlen(value) + 2);
		memcpy(s, w->text, len + 1);
		strcpy(s + len + 1, value);
		strlist_add(&ca->assigns, a, s);
	}
	return (expand_words(c->words, a, &ca->argv));
}

/* Report why name could not be run, and end the child. */
static void __attribute__((__noreturn__))
exec_failed(const char *name, int error)
{
	if (error == ENOENT || error == ENOTDIR) {
		sh_error("%s: not found", name);
		_exit(STATUS_NOTFOUND);
	}
	sh_error("%s: %s", name, strerror(error));
	_exit(STATUS_NOEXEC);
}

/*
 * Execute argv with environment env (in a child): argv[0] as it is if
 * it has a '/', else the first that runs of each PATH directory/argv[0].
 * A directory where it is not, or not a directory, is skipped; one
 * where it may not be run is remembered (EACCES) and the search goes
 * on; any other failure (not an executable) stops it.
 */
static void __attribute__((__noreturn__))
exec_command(char **argv, char **env)
{
	const char *path, *dir, *end;
	char buf[1024];
	int error = ENOENT;
	size_t len;

	if (strchr(argv[0], '/') != NULL) {
		execve(argv[0], argv, env);
		exec_failed(argv[0], errno);
	}
	if ((path = var_get("PATH")) == NULL)
		path = DEFAULT_PATH;
	for (dir = path;; dir = end + 1) {
		end = strchr(dir, ':');
		len = end != NULL ? (size_t)(end - dir) : strlen(dir);
		/* An empty entry is the current directory: a bare name. */
		if (snprintf(buf, sizeof(buf), "%.*s%s%s", (int)len, dir,
		    len > 0 ? "/" : "", argv[0]) < (int)sizeof(buf)) {
			execve(buf, argv, env);
			if (errno == EACCES)
				error = EACCES;
			else if (errno != ENOENT && errno != ENOTDIR) {
				error = errno;
				break;
			}
		}
		if (end == NULL)
			break;
	}
	exec_failed(argv[0], error);
}

/*
 * Run command c in this child and end it; ca is c already expanded,
 * or NULL to expand it here.  Its assignments go to the command's
 * environment only.
 */
static void __attribute__((__noreturn__))
run_in_child(struct command *c, struct cmdargs *ca, struct arena *a)
{
	struct cmdargs expanded;
	builtin_fn *builtin;
	char **env;
	int status;

	if (ca == NULL) {
		if (expand_command(c, a, &expanded) != 0)
			_exit(1);
		ca = &expanded;
	}
	if (redirect(c->redirs, a, NULL) != 0)
		_exit(1);
	if (ca->argv.n == 0)
		_exit(0);
	if ((builtin = builtin_find(ca->argv.v[0])) != NULL) {
		status = builtin(ca->argv.n, ca->argv.v);
		fflush(stdout);
		_exit(status);
	}
	if ((env = var_environ(ca->assigns.v, ca->assigns.n)) == NULL) {
		sh_error("%s: out of memory", ca->argv.v[0]);
		_exit(STATUS_NOEXEC);
	}
	exec_command(ca->argv.v, env);
}

/*
 * Run a builtin, or assignments and redirections alone, in the shell:
 * the assignments set shell variables (as POSIX's special builtins
 * do), the redirections last until the command is done.
 */
static int
run_in_shell(struct command *c, struct cmdargs *ca, struct arena *a)
{
	struct saved_fd *saved = NULL;
	int i, status = 0;

	if (redirect(c->redirs, a, &saved) != 0) {
		redirect_undo(saved);
		return (1);
	}
	for (i = 0; i < ca->assigns.n; i++)
		if (var_assign(ca->assigns.v[i], false) != 0)
			status = 1;
	if (ca->argv.n > 0 && status == 0)
		status = builtin_find(ca->argv.v[0])(ca->argv.n, ca->argv.v);
	redirect_undo(saved);
	return (status);
}

/* The text of pipeline pl as written (words only), for job messages. */
static void
describe(struct pipeline *pl, char *buf, size_t len)
{
	struct command *c;
	struct word *w;
	size_t used = 0;

	buf[0] = '\0';
	/* snprintf stops at the end; used may pass len, which ends it. */
	for (c = pl->commands; c != NULL && used < len; c = c->next) {
		if (c != pl->commands)
			used += snprintf(buf + used, len - used, " |");
		for (w = c->words; w != NULL && used < len; w = w->next)
			used += snprintf(buf + used, len - used, "%s%s",
			    used > 0 ? " " : "", w->text);
	}
}

/*
 * Fork the commands of pipeline pl, each one's output the next one's
 * input, and wait for them.  ca: the only command already expanded,
 * or NULL.
 */
static int
run_forked(struct pipeline *pl, struct cmdargs *ca, struct arena *a)
{
	struct command *c;
	struct job *j;
	char cmd[128];
	int in = -1, pfd[2] = { -1, -1 }, status;
	bool failed = false;
	pid_t pid;

	describe(pl, cmd, sizeof(cmd));
	if ((j = job_new(cmd, false)) == NULL)
		return (1);
	for (c = pl->commands; c != NULL; c = c->next) {
		if (c->next != NULL && pipe2(pfd, O_CLOEXEC) < 0) {
			sh_error("pipe: %s", strerror(errno));
			failed = true;
			break;
		}
		fflush(stdout);		/* or the child writes it again */
		if ((pid = fork()) == 0) {
			jobs_child(j);
			if (in >= 0 && (dup2(in, 0) < 0 || close(in) < 0))
				_exit(STATUS_NOEXEC);
			if (c->next != NULL && (dup2(pfd[1], 1) < 0 ||
			    close(pfd[0]) < 0 || close(pfd[1]) < 0))
				_exit(STATUS_NOEXEC);
			run_in_child(c, ca, a);
		}
		if (in >= 0)
			close(in);
		in = -1;
		if (c->next != NULL) {
			close(pfd[1]);
			in = pfd[0];
		}
		if (pid < 0 || job_add(j, pid) != 0) {
			if (pid < 0)
				sh_error("fork: %s", strerror(errno));
			else
				sh_error("pipeline too long");
			failed = true;
			break;
		}
	}
	if (in >= 0)
		close(in);
	status = job_wait(j);
	return (failed ? 1 : status);
}

static int
run_pipeline(struct pipeline *pl, struct arena *a)
{
	struct command *c = pl->commands;
	struct cmdargs ca;

	if (c->next != NULL)
		return (run_forked(pl, NULL, a));
	/* One command: whether it is a builtin shows after expansion. */
	if (expand_command(c, a, &ca) != 0)
		return (1);
	if (ca.argv.n == 0 || builtin_find(ca.argv.v[0]) != NULL)
		return (run_in_shell(c, &ca, a));
	return (run_forked(pl, &ca, a));
}

/* The pipelines of ao in turn, as && and || say; the last status. */
static int
run_andor_here(struct andor *ao, struct arena *a)
{
	struct pipeline *pl;

	for (pl = ao->pipelines; pl != NULL; pl = pl->next) {
		if ((pl->connector == T_AND_IF && sh.status != 0) ||
		    (pl->connector == T_OR_IF && sh.status == 0))
			continue;
		sh.status = run_pipeline(pl, a);
	}
	return (sh.status);
}

/* Run ao in a child of its own and go on: cmd &. */
static int
run_background(struct andor *ao, struct arena *a)
{
	bool jobctl = sh.jobctl;
	struct job *j;
	char cmd[128];
	pid_t pid;
	int fd;

	describe(ao->pipelines, cmd, sizeof(cmd) - 4);
	if (ao->pipelines->next != NULL)
		strcat(cmd, " ...");
	if ((j = job_new(cmd, true)) == NULL)
		return (1);
	fflush(stdout);
	if ((pid = fork()) < 0) {
		sh_error("fork: %s", strerror(errno));
		return (1);
	}
	if (pid == 0) {
		jobs_child(j);
		if (!jobctl && (fd = open("/dev/null", O_RDONLY)) >= 0 &&
		    fd != 0) {
			dup2(fd, 0);
			close(fd);
		}
		run_andor_here(ao, a);
		fflush(stdout);
		_exit(sh.status);
	}
	job_add(j, pid);
	sh.last_bg = pid;
	if (sh.interactive)
		fprintf(stderr, "[%d] %d\n", job_number(j), (int)pid);
	return (0);
}

/*
 * Run the list: each and-or list in turn, or started in the
 * background.  Returns the exit status of the last, which is also $?.
 */
int
run_list(struct andor *list, struct arena *a)
{
	for (; list != NULL; list = list->next)
		sh.status = list->background ? run_background(list, a) :
		    run_andor_here(list, a);
	return (sh.status);
}
