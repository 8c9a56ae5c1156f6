/*
 * init - process 1, the first program the kernel starts (as /sbin/init,
 * with descriptors 0, 1 and 2 open on the console).
 *
 *	init		run /bin/sh on the console, and a new one each time
 *			it exits; this never ends
 *	init -c command	run /bin/sh -c command once, then exit with its
 *			status
 *	init -t [word]	run the user tests (init_test.c) whose names
 *			contain word, then exit 0 if all passed; the
 *			kernel starts init this way under test=user
 *
 * Every process whose parent exits becomes a child of init, so init
 * waits for any child (waitpid(-1)), not only its shell: that reaps
 * the orphans too.
 *
 * The console's shell is a login of its own, as getty would make it:
 * it leads a new session (setsid) and opens /dev/console again, which
 * makes the console its controlling terminal (kernel/tty.c), so that
 * ^C, ^\ and ^Z reach the job in the foreground.  The shell of -c is
 * started plainly, in init's session, with no controlling terminal.
 *
 * init locks itself in memory first (mlockall(MCL_CURRENT|MCL_FUTURE),
 * SEMANTICS R80): it then never faults for a page when memory is short,
 * and what it maps later (its heap) comes wired.  The lock is not
 * inherited by the children it forks.  A failure is reported and init
 * goes on.
 *
 * With -c, init exits when the command is done.  There is no reboot(2)
 * yet to power off with: what happens when init exits (a halt, a
 * power-off, a panic) is for the kernel to decide.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "init.h"

#define SHELL	"/bin/sh"

/*
 * In the console shell's child: a new session whose controlling
 * terminal is the console, on descriptors 0, 1 and 2.  On a failure
 * the shell still runs, without job control.
 */
static void
login_console(void)
{
	int fd;

	if (setsid() < 0 || (fd = open("/dev/console", O_RDWR)) < 0) {
		dprintf(STDERR_FILENO, "init: no controlling terminal: %s\n",
		    strerror(errno));
		return;
	}
	dup2(fd, STDIN_FILENO);
	dup2(fd, STDOUT_FILENO);
	dup2(fd, STDERR_FILENO);
	if (fd > STDERR_FILENO)
		close(fd);
}

/*
 * Start the shell with arguments argv, on the console as a login if
 * `login`; its pid, or -1.
 */
static pid_t
start_shell(char *const argv[], int login)
{
	pid_t pid;

	if ((pid = fork()) == 0) {
		if (login)
			login_console();
		execve(SHELL, argv, environ);
		dprintf(STDERR_FILENO, "init: %s: %s\n", SHELL,
		    strerror(errno));
		_exit(127);
	}
	if (pid < 0)
		dprintf(STDERR_FILENO, "init: fork: %s\n", strerror(errno));
	return (pid);
}

/*
 * Wait until process pid ends, reaping every other child that ends
 * meanwhile; its wait status.
 */
static int
reap_until(pid_t pid)
{
	pid_t ended;
	int status;

	do
		ended = waitpid(-1, &status, 0);
	while (ended != pid && !(ended < 0 && errno == ECHILD));
	return (ended == pid ? status : W_EXITCODE(1, 0));
}

/* Seconds since boot. */
static time_t
uptime(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0)
		return (0);
	return (ts.tv_sec);
}

int
main(int argc, char **argv)
{
	char *once[] = { "sh", "-c", NULL, NULL };
	char *console[] = { "sh", NULL };
	struct timespec pause = { 1, 0 };
	time_t started;
	pid_t shell;
	int status;

	if (mlockall(MCL_CURRENT | MCL_FUTURE) != 0)
		dprintf(STDERR_FILENO, "init: mlockall: %s\n",
		    strerror(errno));
	if ((argc == 2 || argc == 3) && strcmp(argv[1], "-t") == 0)
		return (init_run_tests(argv[2]));
	if (argc == 3 && strcmp(argv[1], "-c") == 0) {
		once[2] = argv[2];
		if ((shell = start_shell(once, 0)) < 0)
			return (1);
		status = reap_until(shell);
		return (WIFEXITED(status) ? WEXITSTATUS(status) :
		    128 + WTERMSIG(status));
	}
	if (argc != 1)
		dprintf(STDERR_FILENO, "init: usage: init [-c command | -t [word]]; "
		    "starting a shell\n");
	for (;;) {
		started = uptime();
		if ((shell = start_shell(console, 1)) >= 0)
			(void)reap_until(shell);
		/* A shell that cannot start, or dies at once, must not spin. */
		if (shell < 0 || uptime() - started < 1)
			nanosleep(&pause, NULL);
	}
}
