/*
 * runner_crash.c - the runner's self test: a test killed by a signal
 * (a store to page 0: SIGSEGV) must fail, naming the signal.
 */
#include <stdio.h>

int
main(void)
{
	volatile int *p = (volatile int *)0;

	printf("ok 1 - before the crash\n");
	fflush(stdout);
	*p = 1;
	return (0);
}
