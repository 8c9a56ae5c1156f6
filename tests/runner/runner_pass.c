/*
 * runner_pass.c - the runner's self test (scripts/test-all, runner_boot):
 * a test that passes, with a plan and a line of other output.
 */
#include <stdio.h>

int
main(void)
{
	printf("1..2\nsome output that is not TAP\nok 1 - first\nok 2 - second\n");
	return (0);
}
