/*
 * forkexec_test.c - 1,000 rounds of fork, exec of /ktest/bin/true and
 * exit, run inside Vise: every child must exit 0, and the free and
 * wired page counts (sysctl) must be where they were after the first
 * round (which may leave caches filled).  Exits 0 if all held.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/sysctl.h>
#include <sys/wait.h>
#include <unistd.h>

#define ROUNDS	1000

static unsigned long
counter(const char *name)
{
	unsigned long v = 0;
	size_t len = sizeof(v);

	if (sysctlbyname(name, &v, &len, NULL, 0) != 0) {
		fprintf(stderr, "forkexec_test: sysctl %s failed\n", name);
		exit(1);
	}
	return (v);
}

/* One round; 0 if the child ran /ktest/bin/true and exited 0. */
static int
round_trip(void)
{
	char *argv[] = { "true", NULL }, *envp[] = { NULL };
	int status;
	pid_t pid;

	if ((pid = fork()) < 0)
		return (-1);
	if (pid == 0) {
		execve("/ktest/bin/true", argv, envp);
		_exit(127);
	}
	if (waitpid(pid, &status, 0) != pid)
		return (-1);
	return (WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1);
}

int
main(void)
{
	unsigned long free0, wired0, free1, wired1;
	int i, bad = 0;

	if (round_trip() != 0) {
		fprintf(stderr, "forkexec_test: the first round failed\n");
		return (1);
	}
	free0 = counter("vm.stats.vm.v_free_count");
	wired0 = counter("vm.stats.vm.v_wire_count");
	for (i = 1; i < ROUNDS; i++)
		if (round_trip() != 0)
			bad++;
	free1 = counter("vm.stats.vm.v_free_count");
	wired1 = counter("vm.stats.vm.v_wire_count");
	if (bad != 0)
		fprintf(stderr, "forkexec_test: %d of %d rounds failed\n", bad,
		    ROUNDS - 1);
	if (free1 != free0 || wired1 != wired0)
		fprintf(stderr, "forkexec_test: free %lu -> %lu, wired %lu -> "
		    "%lu\n", free0, free1, wired0, wired1);
	return (bad == 0 && free1 == free0 && wired1 == wired0 ? 0 : 1);
}
