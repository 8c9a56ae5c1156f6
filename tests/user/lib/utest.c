/*
 * utest.c - the shared part of the test programs (see utest.h).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "utest.h"

int results, failures, child_failures;
void *volatile unmapped = (void *)16;

void
ok(int cond, const char *name)
{
	printf("%sok %d - %s\n", cond ? "" : "not ", ++results, name);
	if (!cond)
		failures++;
}

void
fails(long ret, int want, const char *name)
{
	int error = errno;

	ok(ret == -1 && error == want, name);
	if (ret != -1 || error != want)
		printf("# returned %ld, errno %d (%s); want -1, %s\n", ret,
		    error, strerror(error), strerror(want));
}

void *
kernel_addr(void)
{
	return ((void *)(unsigned long)(sizeof(void *) == 8 ?
	    (unsigned long)0xffffffff80000000ULL : 0xc0000000UL));
}

void
check_at(int ok, const char *file, int line, const char *what)
{
	if (!ok) {
		fprintf(stderr, "%s:%d: failed: %s (errno %d: %s)\n", file,
		    line, what, errno, strerror(errno));
		child_failures++;
	}
}

void
run_in_child(const char *topic, const char *name, void (*fn)(void))
{
	char line[256];
	int status, passed;
	pid_t pid;

	fflush(stdout);
	fflush(stderr);
	if ((pid = fork()) == 0) {
		child_failures = 0;
		fn();
		_exit(child_failures == 0 ? 0 : 1);
	}
	passed = pid > 0 && waitpid(pid, &status, 0) == pid &&
	    WIFEXITED(status) && WEXITSTATUS(status) == 0;
	snprintf(line, sizeof(line), "%s: %s", topic, name);
	ok(passed, line);
}

int
done_testing(void)
{
	printf("1..%d\n", results);
	return (failures == 0 ? 0 : 1);
}
