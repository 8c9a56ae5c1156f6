/*
 * mkstemp.c - mkstemp, mkstemps and mkdtemp: make a file or directory
 * whose name nobody else has, from a template ending in X's.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Names tried before giving up (EEXIST each time). */
#define TEMP_TRIES	1000

static const char temp_chars[] =
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/*
 * A new random value for the name: a xorshift generator seeded once
 * from the clock and the pid, so that processes (and the tries of one)
 * pick different names.
 */
static unsigned long
temp_random(void)
{
	static unsigned long long state;
	struct timespec ts;

	if (state == 0) {
		clock_gettime(CLOCK_MONOTONIC, &ts);
		state = ((unsigned long long)ts.tv_nsec << 20) ^
		    (unsigned long long)ts.tv_sec ^
		    ((unsigned long long)getpid() << 40) ^ 0x9e3779b97f4a7c15ULL;
	}
	state ^= state << 13;
	state ^= state >> 7;
	state ^= state << 17;
	return ((unsigned long)(state >> 16));
}

/*
 * Fill the X's of `path` that end `suffixlen` bytes before its end and
 * call make(path) until it does not fail with EEXIST.  EINVAL if there
 * are fewer than six X's.  Returns make's result (-1 with errno set on
 * failure).
 */
static int
temp_make(char *path, size_t suffixlen, int (*make)(const char *))
{
	size_t len = strlen(path), start, end, i;
	int tries, r;

	if (len < suffixlen + 6) {
		errno = EINVAL;
		return (-1);
	}
	end = len - suffixlen;
	for (start = end; start > 0 && path[start - 1] == 'X'; start--)
		continue;
	if (end - start < 6) {
		errno = EINVAL;
		return (-1);
	}
	for (tries = 0; tries < TEMP_TRIES; tries++) {
		for (i = start; i < end; i++)
			path[i] = temp_chars[temp_random() %
			    (sizeof(temp_chars) - 1)];
		if ((r = make(path)) >= 0 || errno != EEXIST)
			return (r);
	}
	errno = EEXIST;
	return (-1);
}

static int
temp_open(const char *path)
{
	return (open(path, O_RDWR | O_CREAT | O_EXCL, 0600));
}

static int
temp_mkdir(const char *path)
{
	return (mkdir(path, 0700));
}

/*
 * mkstemp: replace the X's at the end of `path` (six or more) to name a
 * new file, made with mode 0600 and opened O_RDWR; the name is left in
 * `path`.  Returns the descriptor, or -1 with errno set (EINVAL for a
 * bad template; what open gives).  mkstemps: the same with `suffixlen`
 * bytes after the X's.
 */
int
mkstemps(char *path, int suffixlen)
{
	if (suffixlen < 0) {
		errno = EINVAL;
		return (-1);
	}
	return (temp_make(path, (size_t)suffixlen, temp_open));
}

int
mkstemp(char *path)
{
	return (temp_make(path, 0, temp_open));
}

/*
 * mkdtemp: the same for a new directory (mode 0700).  Returns `path`,
 * or NULL with errno set.
 */
char *
mkdtemp(char *path)
{
	return (temp_make(path, 0, temp_mkdir) == 0 ? path : NULL);
}
