/*
 * sleep - wait for a while: sleep seconds.  The seconds may have a
 * fraction (sleep 0.25), as FreeBSD's sleep allows.  A signal that
 * interrupts the wait without ending the process does not shorten it.
 * Exit status 0, or 1 for a bad argument.
 */
#include <errno.h>
#include <stdio.h>
#include <time.h>

/*
 * Parse "S", "S.F" or ".F" (decimal, not negative) into *ts; 0, or -1
 * if s is not such a number or does not fit.
 */
static int
parse(const char *s, struct timespec *ts)
{
	long ns = 0, scale = 100000000;
	time_t sec = 0;
	int digits = 0;

	for (; *s >= '0' && *s <= '9'; s++, digits++) {
		if (sec > ((time_t)1 << (8 * sizeof(time_t) - 2)) / 10)
			return (-1);
		sec = sec * 10 + (*s - '0');
	}
	if (*s == '.')
		for (s++; *s >= '0' && *s <= '9'; s++, digits++) {
			ns += (*s - '0') * scale;
			scale /= 10;
		}
	if (*s != '\0' || digits == 0)
		return (-1);
	ts->tv_sec = sec;
	ts->tv_nsec = ns;
	return (0);
}

int
main(int argc, char *argv[])
{
	struct timespec ts;

	if (argc != 2 || parse(argv[1], &ts) != 0) {
		fprintf(stderr, "usage: sleep seconds\n");
		return (1);
	}
	while (nanosleep(&ts, &ts) != 0)
		if (errno != EINTR) {
			perror("sleep");
			return (1);
		}
	return (0);
}
