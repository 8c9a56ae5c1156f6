/*
 * jobs.c - background jobs and exit statuses.  A job started with &
 * is remembered by its pid; before each prompt the shell reaps every
 * child that has finished (an interactive shell says how its jobs
 * ended); the wait builtin waits for them all.  There is no job
 * control: no fg, bg or stopped jobs.
 */
#include <errno.h>
#include <stdio.h>
#include <sys/wait.h>

#include "sh.h"

#define JOBS_MAX	32

static pid_t jobs[JOBS_MAX];	/* 0: a free slot */

/*
 * The exit status $? gets from a wait status: the exit code, or 128 +
 * the signal that ended the process.
 */
int
wait_status(int status)
{
	if (WIFSIGNALED(status))
		return (STATUS_SIGNAL + WTERMSIG(status));
	return (WEXITSTATUS(status));
}

/* Remember background job pid, to report its end (if there is room). */
void
jobs_add(pid_t pid)
{
	int i;

	for (i = 0; i < JOBS_MAX; i++) {
		if (jobs[i] == 0) {
			jobs[i] = pid;
			return;
		}
	}
}

/* How a job ended, for the interactive message. */
static void
report(pid_t pid, int status)
{
	if (WIFSIGNALED(status))
		fprintf(stderr, "[%d] Killed by signal %d\n", (int)pid,
		    WTERMSIG(status));
	else if (WEXITSTATUS(status) != 0)
		fprintf(stderr, "[%d] Exit %d\n", (int)pid,
		    WEXITSTATUS(status));
	else
		fprintf(stderr, "[%d] Done\n", (int)pid);
}

/*
 * Reap every child that has ended, without waiting: background jobs,
 * and anything else that became a zombie.  Jobs are reported if the
 * shell is interactive.
 */
void
jobs_reap(void)
{
	pid_t pid;
	int i, status;

	while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
		for (i = 0; i < JOBS_MAX; i++) {
			if (jobs[i] != pid)
				continue;
			jobs[i] = 0;
			if (sh.interactive)
				report(pid, status);
		}
	}
}

/*
 * Wait until every child has ended (wait with no operands): the jobs
 * started with &, and nothing is left behind.  Jobs are not reported.
 */
void
jobs_wait_all(void)
{
	pid_t pid;
	int i, status;

	while ((pid = waitpid(-1, &status, 0)) > 0 || errno == EINTR)
		for (i = 0; i < JOBS_MAX; i++)
			if (jobs[i] == pid)
				jobs[i] = 0;
}
