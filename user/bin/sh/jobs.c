/*
 * jobs.c - jobs, their exit statuses, and job control.
 *
 * A job is what one command line starts: a foreground pipeline, or an
 * and-or list started with & (a child of its own).  The shell waits for
 * a foreground job; before each prompt it reaps every child that has
 * finished (an interactive shell says how its background jobs ended);
 * the wait builtin waits for every running job.
 *
 * Job control (an interactive shell on its controlling terminal, see
 * jobs_init): each job is a process group of its own; a foreground job
 * gets the terminal (tcsetpgrp) while it runs, so ^C, ^\ and ^Z reach
 * it and not the shell, and the shell takes the terminal back when the
 * job ends or stops.  A stopped job stays in the table ("Stopped");
 * jobs lists the jobs, fg continues one in the foreground, bg in the
 * background.  The shell itself ignores SIGINT and SIGQUIT when it is
 * interactive, and SIGTSTP, SIGTTIN and SIGTTOU under job control; its
 * children get the default actions back (jobs_child) before they exec,
 * which would otherwise keep them ignored.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sh.h"

#define JOBS_MAX	32
#define JOB_PIDS	32	/* commands in one pipeline */
#define JOB_CMD		64	/* how much of the command is kept */

struct job {
	pid_t	 pgid;			/* 0: a free slot; the first pid */
	pid_t	 pids[JOB_PIDS];
	bool	 ended[JOB_PIDS];
	int	 npids;
	int	 nleft;			/* processes not ended */
	bool	 stopped;
	bool	 background;		/* not waited for */
	bool	 reported;		/* its stop was told */
	int	 status;		/* the last process's wait status */
	int	 stopsig;
	unsigned seq;			/* larger: more recent (for fg/bg) */
	char	 cmd[JOB_CMD];
};

static struct job jobs[JOBS_MAX];
static unsigned job_seq;
/* The signals the shell ignores itself, which children get back. */
static sigset_t shell_ignored;

/*
 * The exit status $? gets from a wait status: the exit code, or 128 +
 * the signal that ended (or stopped) the process.
 */
int
wait_status(int status)
{
	if (WIFSIGNALED(status))
		return (STATUS_SIGNAL + WTERMSIG(status));
	if (WIFSTOPPED(status))
		return (STATUS_SIGNAL + WSTOPSIG(status));
	return (WEXITSTATUS(status));
}

/* Ignore sig in the shell, unless it was ignored when it started. */
static void
shell_ignore(int sig)
{
	struct sigaction sa, old;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_IGN;
	if (sigaction(sig, &sa, &old) == 0 && old.sa_handler != SIG_IGN)
		sigaddset(&shell_ignored, sig);
}

/*
 * Set up signals and job control: an interactive shell ignores SIGINT
 * and SIGQUIT; if its input is its controlling terminal and it is in
 * the foreground there, it takes job control: it ignores the stop
 * signals, leads a process group of its own and keeps a descriptor of
 * the terminal out of the way of redirections.
 */
void
jobs_init(void)
{
	int fd;

	sigemptyset(&shell_ignored);
	if (!sh.interactive)
		return;
	shell_ignore(SIGINT);
	shell_ignore(SIGQUIT);
	if (tcgetpgrp(STDIN_FILENO) != getpgrp())
		return;			/* not our terminal, or a background */
	shell_ignore(SIGTSTP);
	shell_ignore(SIGTTIN);
	shell_ignore(SIGTTOU);
	if (getpgrp() != getpid() && setpgid(0, 0) != 0)
		return;
	if ((fd = fcntl(STDIN_FILENO, F_DUPFD, 10)) < 0)
		return;
	fcntl(fd, F_SETFD, FD_CLOEXEC);
	if (tcsetpgrp(fd, getpid()) != 0) {
		close(fd);
		return;
	}
	sh.jobctl = true;
	sh.ttyfd = fd;
}

/*
 * In a child the shell just forked for job j: join the job's group
 * and, in the foreground, take the terminal (under job control); then
 * the signals the shell ignores go back to their defaults, but a job
 * started with & without job control ignores SIGINT and SIGQUIT, as
 * POSIX says.  The child is no job-control shell and has no jobs.
 */
void
jobs_child(struct job *j)
{
	pid_t pgid;
	int sig;

	if (sh.jobctl) {
		pgid = j->npids > 0 ? j->pgid : getpid();
		setpgid(0, pgid);
		if (!j->background)
			tcsetpgrp(sh.ttyfd, pgid);
	}
	for (sig = 1; sig < NSIG; sig++)
		if (sigismember(&shell_ignored, sig))
			signal(sig, SIG_DFL);
	sigemptyset(&shell_ignored);
	if (j->background && !sh.jobctl) {
		signal(SIGINT, SIG_IGN);
		signal(SIGQUIT, SIG_IGN);
	}
	sh.jobctl = false;
	sh.interactive = false;
	memset(jobs, 0, sizeof(jobs));
}

/* The command's text, cut to fit, for messages. */
static void
job_set_cmd(struct job *j, const char *cmd)
{
	snprintf(j->cmd, sizeof(j->cmd), "%s", cmd);
}

/*
 * A new job for command cmd (in the background if background), or
 * NULL if the table is full (reported).
 */
struct job *
job_new(const char *cmd, bool background)
{
	int i;

	for (i = 0; i < JOBS_MAX; i++) {
		if (jobs[i].npids != 0)
			continue;
		memset(&jobs[i], 0, sizeof(jobs[i]));
		jobs[i].background = background;
		jobs[i].seq = ++job_seq;
		job_set_cmd(&jobs[i], cmd);
		return (&jobs[i]);
	}
	sh_error("too many jobs");
	return (NULL);
}

/*
 * Add the child pid to job j (in the parent, after fork): the first is
 * the group's leader.  -1 if the job has no room for it.
 */
int
job_add(struct job *j, pid_t pid)
{
	if (j->npids == JOB_PIDS)
		return (-1);
	if (j->npids == 0)
		j->pgid = pid;
	j->pids[j->npids++] = pid;
	j->nleft++;
	if (sh.jobctl)
		setpgid(pid, j->pgid);	/* the child does it too: no race */
	return (0);
}

/* Forget job j. */
static void
job_free(struct job *j)
{
	memset(j, 0, sizeof(*j));
}

/* The job number of j, as [n] shows it. */
int
job_number(const struct job *j)
{
	return ((int)(j - jobs) + 1);
}

/* Record what waitpid said about pid.  Returns its job, or NULL. */
static struct job *
job_update(pid_t pid, int status)
{
	struct job *j;
	int i;

	for (j = jobs; j < jobs + JOBS_MAX; j++)
		for (i = 0; i < j->npids; i++) {
			if (j->pids[i] != pid || j->ended[i])
				continue;
			if (WIFSTOPPED(status) && !j->stopped) {
				j->stopped = true;
				j->reported = false;
				j->stopsig = WSTOPSIG(status);
				j->seq = ++job_seq;
			} else if (WIFSTOPPED(status))
				continue;	/* another member of it */
			else if (!WIFCONTINUED(status)) {
				j->ended[i] = true;
				j->nleft--;
				if (i == j->npids - 1)
					j->status = status;
			}
			return (j);
		}
	return (NULL);
}

/* How job j ended or stands, as jobs and the reports say it. */
static void
job_print(const struct job *j)
{
	if (j->nleft > 0 && j->stopped)
		fprintf(stderr, "[%d] Stopped (signal %d)\t%s\n",
		    job_number(j), j->stopsig, j->cmd);
	else if (j->nleft > 0)
		fprintf(stderr, "[%d] Running\t%s\n", job_number(j), j->cmd);
	else if (WIFSIGNALED(j->status))
		fprintf(stderr, "[%d] Terminated by signal %d\t%s\n",
		    job_number(j), WTERMSIG(j->status), j->cmd);
	else if (WEXITSTATUS(j->status) != 0)
		fprintf(stderr, "[%d] Exit %d\t%s\n", job_number(j),
		    WEXITSTATUS(j->status), j->cmd);
	else
		fprintf(stderr, "[%d] Done\t%s\n", job_number(j), j->cmd);
}

/*
 * Wait for foreground job j to end or stop; then the shell has the
 * terminal back.  A job that ended is forgotten (a death by a signal
 * other than SIGINT and SIGPIPE is told); one that stopped is kept and
 * told.  Returns the status for $?.
 */
int
job_wait(struct job *j)
{
	int status;
	pid_t pid;

	j->background = false;
	while (j->nleft > 0 && !j->stopped) {
		pid = waitpid(-1, &status, WUNTRACED);
		if (pid < 0 && errno == EINTR)
			continue;
		if (pid < 0)
			break;		/* ECHILD: nothing left to wait for */
		job_update(pid, status);
	}
	if (sh.jobctl)
		tcsetpgrp(sh.ttyfd, getpgrp());
	if (j->nleft > 0 && j->stopped) {
		j->reported = true;
		if (sh.interactive)
			job_print(j);
		return (STATUS_SIGNAL + j->stopsig);
	}
	status = j->status;
	if (WIFSIGNALED(status) && WTERMSIG(status) != SIGINT &&
	    WTERMSIG(status) != SIGPIPE)
		sh_error("process %d: Terminated by signal %d",
		    (int)j->pids[j->npids - 1], WTERMSIG(status));
	job_free(j);
	return (wait_status(status));
}

/*
 * Reap every child that has ended or stopped, without waiting, and
 * (interactive) tell how background jobs ended and which stopped.
 */
void
jobs_reap(void)
{
	struct job *j;
	int status;
	pid_t pid;

	while ((pid = waitpid(-1, &status, WNOHANG | WUNTRACED)) > 0)
		job_update(pid, status);
	for (j = jobs; j < jobs + JOBS_MAX; j++) {
		if (j->npids == 0)
			continue;
		if (j->nleft == 0) {
			if (sh.interactive)
				job_print(j);
			job_free(j);
		} else if (j->stopped && !j->reported) {
			j->reported = true;
			if (sh.interactive)
				job_print(j);
		}
	}
}

/*
 * Wait until every running job has ended (wait with no operands);
 * stopped jobs stay.  Jobs that end are not reported.
 */
void
jobs_wait_all(void)
{
	struct job *j;
	int status;
	pid_t pid;
	bool running;

	for (;;) {
		running = false;
		for (j = jobs; j < jobs + JOBS_MAX; j++)
			if (j->nleft > 0 && !j->stopped)
				running = true;
		if (!running)
			break;
		pid = waitpid(-1, &status, WUNTRACED);
		if (pid < 0 && errno != EINTR)
			break;
		if (pid > 0)
			job_update(pid, status);
	}
	for (j = jobs; j < jobs + JOBS_MAX; j++)
		if (j->npids > 0 && j->nleft == 0)
			job_free(j);
}

/*
 * The job an argument of fg or bg names: %n or n, or (none) the most
 * recent one; NULL (reported) if there is no such job.
 */
static struct job *
job_find(const char *name, int argc, char **argv)
{
	struct job *j, *best = NULL;
	char *end;
	long n;

	if (argc > 2) {
		sh_error("%s: too many arguments", name);
		return (NULL);
	}
	if (argc == 2) {
		n = strtol(argv[1] + (argv[1][0] == '%'), &end, 10);
		if (*end != '\0' || n < 1 || n > JOBS_MAX ||
		    jobs[n - 1].nleft == 0) {
			sh_error("%s: %s: no such job", name, argv[1]);
			return (NULL);
		}
		return (&jobs[n - 1]);
	}
	for (j = jobs; j < jobs + JOBS_MAX; j++)
		if (j->nleft > 0 && (best == NULL || j->seq > best->seq))
			best = j;
	if (best == NULL)
		sh_error("%s: no current job", name);
	return (best);
}

/* jobs: list the jobs; ended ones are told and forgotten. */
int
builtin_jobs(int argc, char **argv)
{
	struct job *j;

	(void)argc;
	(void)argv;
	jobs_reap();
	for (j = jobs; j < jobs + JOBS_MAX; j++)
		if (j->nleft > 0)
			job_print(j);
	return (0);
}

/* fg [%n]: continue a job in the foreground and wait for it. */
int
builtin_fg(int argc, char **argv)
{
	struct job *j;

	if (!sh.jobctl) {
		sh_error("fg: no job control");
		return (1);
	}
	if ((j = job_find("fg", argc, argv)) == NULL)
		return (1);
	fprintf(stderr, "%s\n", j->cmd);
	tcsetpgrp(sh.ttyfd, j->pgid);
	j->stopped = false;
	killpg(j->pgid, SIGCONT);
	return (job_wait(j));
}

/* bg [%n]: continue a stopped job in the background. */
int
builtin_bg(int argc, char **argv)
{
	struct job *j;

	if (!sh.jobctl) {
		sh_error("bg: no job control");
		return (1);
	}
	if ((j = job_find("bg", argc, argv)) == NULL)
		return (1);
	fprintf(stderr, "[%d] %s &\n", job_number(j), j->cmd);
	j->stopped = false;
	j->background = true;
	killpg(j->pgid, SIGCONT);
	return (0);
}
