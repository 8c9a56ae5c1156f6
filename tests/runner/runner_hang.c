/*
 * runner_hang.c - the runner's self test: a test that never ends must
 * be killed by the runner's watchdog and fail as a timeout.  It sleeps
 * (under -icount sleep=off idle guest time passes at once).
 */
#include <stddef.h>
#include <time.h>

int
main(void)
{
	struct timespec ts = { 1000000, 0 };

	for (;;)
		nanosleep(&ts, NULL);
}
