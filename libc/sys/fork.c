/*
 * fork.c - fork(2).
 */
#include <unistd.h>

#include "libc_private.h"
#include "libc_syscalls.h"

/*
 * Make a child process, a copy of this one with only the calling
 * thread.  libc's locks are held across the fork (libc_private.h), so
 * the child never starts with the heap or stdio locked by a thread it
 * does not have.  Returns the child's pid in the parent and 0 in the
 * child, or -1 with errno set (no child).
 */
pid_t
fork(void)
{
	pid_t pid;

	__libc_fork_prepare();
	pid = __sys_fork();
	if (pid == 0)
		__libc_fork_child();
	else
		__libc_fork_parent();
	return (pid);
}
