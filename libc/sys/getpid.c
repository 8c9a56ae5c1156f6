/*
 * getpid.c - getpid(2) and getppid(2).
 */
#include <unistd.h>

#include "libc_syscalls.h"

/* This process's id.  Cannot fail. */
pid_t
getpid(void)
{
	return (__sys_getpid());
}

/* The parent's process id (init's, 1, once the parent has exited). */
pid_t
getppid(void)
{
	return (__sys_getppid());
}
