/*
 * sleep.c - sleep and usleep over nanosleep.
 */
#include <errno.h>
#include <time.h>
#include <unistd.h>

/*
 * Sleep for seconds seconds.  Returns 0, or the seconds not slept
 * (rounded up) if a signal's handler ended the sleep early.
 */
unsigned
sleep(unsigned seconds)
{
	struct timespec rq = { seconds, 0 }, rm;

	if (nanosleep(&rq, &rm) == 0)
		return (0);
	return ((unsigned)rm.tv_sec + (rm.tv_nsec > 0 ? 1 : 0));
}

/*
 * Sleep for usec microseconds.  0, or -1 with errno EINTR (a signal's
 * handler ran) or EINVAL (usec is 1,000,000 or more, as POSIX allows).
 */
int
usleep(useconds_t usec)
{
	struct timespec rq;

	if (usec >= 1000000) {
		errno = EINVAL;
		return (-1);
	}
	rq.tv_sec = 0;
	rq.tv_nsec = (long)usec * 1000;
	return (nanosleep(&rq, NULL));
}
