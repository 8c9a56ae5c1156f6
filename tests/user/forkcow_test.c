/*
 * forkcow_test.c - fork/exit rounds without exec, where parent and
 * child both write to their memory after the fork (copy-on-write each
 * time): the free page count must settle after the first rounds, not
 * fall round after round (shadow chains that never collapse would keep
 * every copied page).  Prints the free count of each round it checks.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sysctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define ROUNDS	200
#define WARMUP	3
#define PAGES	4

static char data[PAGES * 4096];
static const char *const names[] = { "fork/exit", "fork, fork+exec, exit",
	"fork, fork+exec with a pipe and a killed sleeper, exit" };

static unsigned long
free_count(void)
{
	unsigned long v = 0;
	size_t len = sizeof(v);

	if (sysctlbyname("vm.stats.vm.v_free_count", &v, &len, NULL, 0) != 0) {
		printf("not ok 1 - sysctl vm.stats.vm.v_free_count\n");
		exit(1);
	}
	return (v);
}

/* Fork a child that execs /bin/true; 0 if it exited 0. */
static int
spawn_true(void)
{
	char *argv[] = { "true", NULL }, *envp[] = { NULL };
	int status;
	pid_t pid;

	if ((pid = fork()) < 0)
		return (-1);
	if (pid == 0) {
		execve("/bin/true", argv, envp);
		_exit(127);
	}
	if (waitpid(pid, &status, 0) != pid)
		return (-1);
	return (WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1);
}

/*
 * What the test runner's manager does: /bin/true with its output on a
 * pipe read to the end, and a sleeping watchdog killed afterwards.
 */
static int
manage_true(void)
{
	char *argv[] = { "true", NULL }, *envp[] = { NULL }, buf[64];
	struct timespec ts = { 1000, 0 };
	int fds[2], status, dstatus;
	pid_t pid, dog;

	if (pipe(fds) != 0)
		return (-1);
	if ((pid = fork()) == 0) {
		dup2(fds[1], 1);
		close(fds[0]);
		close(fds[1]);
		execve("/bin/true", argv, envp);
		_exit(127);
	}
	close(fds[1]);
	if ((dog = fork()) == 0) {
		nanosleep(&ts, NULL);
		_exit(0);
	}
	while (read(fds[0], buf, sizeof(buf)) > 0)
		continue;
	close(fds[0]);
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return (-1);
	if (dog > 0) {
		kill(dog, SIGKILL);
		waitpid(dog, &dstatus, 0);
	}
	return (WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1);
}

/*
 * One round; 0 if the child exited 0.  With nested, the child first
 * runs a grandchild (fork and exec) as the test runner's manager does.
 */
static int
round_trip(int i, int nested)
{
	volatile char stack[2 * 4096];
	int status;
	pid_t pid;

	if ((pid = fork()) < 0)
		return (-1);
	if (pid == 0) {
		memset(data, i, sizeof(data));
		stack[0] = (char)i;
		if (nested == 1 && spawn_true() != 0)
			_exit(2);
		if (nested == 2 && manage_true() != 0)
			_exit(2);
		_exit(stack[0] == (char)i ? 0 : 1);
	}
	data[(i % PAGES) * 4096] = (char)i;
	stack[4096] = (char)i;
	if (waitpid(pid, &status, 0) != pid)
		return (-1);
	return (WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1);
}

/* ROUNDS rounds; 0 if every child exited 0 and the count settled. */
static int
rounds(int nested, int n)
{
	unsigned long settled = 0, now;
	int i, bad = 0, drift = 0;

	for (i = 0; i < ROUNDS; i++) {
		if (round_trip(i, nested) != 0)
			bad++;
		now = free_count();
		if (i == WARMUP)
			settled = now;
		else if (i > WARMUP && now != settled && drift++ < 5)
			printf("# round %d: free %lu, %+ld since round %d\n", i,
			    now, (long)(now - settled), WARMUP);
	}
	printf("%sok %d - %s: every child exits 0\n", bad == 0 ? "" : "not ",
	    n, names[nested]);
	printf("%sok %d - %s: with copy-on-write on both sides the free "
	    "count settles\n", drift == 0 ? "" : "not ", n + 1,
	    names[nested]);
	return (bad == 0 && drift == 0 ? 0 : 1);
}

int
main(void)
{
	int bad;

	memset(data, 1, sizeof(data));
	printf("1..6\n");
	bad = rounds(0, 1);
	bad |= rounds(1, 3);
	bad |= rounds(2, 5);
	return (bad);
}
