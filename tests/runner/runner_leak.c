/*
 * runner_leak.c - the runner's self test: a test that leaves memory in
 * use when it ends must fail the leak check.  It leaves a child
 * behind that holds pages (its address space, kernel stack, page
 * tables) and sleeps; the child closes its output so that the runner
 * sees the end of the test's output.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static char held[16 * 4096];

int
main(void)
{
	struct timespec ts = { 1000000, 0 };

	if (fork() == 0) {
		memset(held, 1, sizeof(held));
		close(0);
		close(1);
		close(2);
		for (;;)
			nanosleep(&ts, NULL);
	}
	printf("ok 1 - a child is left behind\n");
	return (0);
}
