/*
 * runner_plan.c - the runner's self test: a test that exits 0 but
 * prints fewer results than its plan must fail.
 */
#include <stdio.h>

int
main(void)
{
	printf("1..3\nok 1 - only one\n");
	return (0);
}
