/*
 * getrusage.c - getrusage(2).
 */
#include <sys/resource.h>

#include "libc_syscalls.h"

/*
 * Resource usage of the process (RUSAGE_SELF), the calling thread
 * (RUSAGE_THREAD) or the reaped children (RUSAGE_CHILDREN) into *ru.
 * 0, or -1 with errno (EINVAL, EFAULT).
 */
int
getrusage(int who, struct rusage *ru)
{
	return (__sys_getrusage(who, ru));
}
