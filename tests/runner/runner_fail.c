/*
 * runner_fail.c - the runner's self test: a failing check, and an exit
 * status of 1, must both be failures in the stream.
 */
#include <stdio.h>

int
main(void)
{
	printf("ok 1 - this one holds\nnot ok 2 - this one fails\n");
	return (1);
}
