/*
 * execv.c - execv: execve with this program's environment.
 */
#include <unistd.h>

/* execve(path, argv, environ).  Returns only on failure, -1 and errno. */
int
execv(const char *path, char *const argv[])
{
	return (execve(path, argv, environ));
}
