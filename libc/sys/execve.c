/*
 * execve.c - execve(2).
 */
#include <unistd.h>

#include "libc_syscalls.h"

/*
 * Replace this program with the executable at path, giving it the
 * NULL-terminated argument and environment vectors argv and envp.
 * Returns only on failure: -1 with errno set.
 */
int
execve(const char *path, char *const argv[], char *const envp[])
{
	return (__sys_execve(path, argv, envp));
}
