/*
 * fork.c - fork(2).
 */
#include <unistd.h>

#include "libc_syscalls.h"

/*
 * Make a child process, a copy of this one.  Returns the child's pid in
 * the parent and 0 in the child, or -1 with errno set (no child).
 */
pid_t
fork(void)
{
	return (__sys_fork());
}
