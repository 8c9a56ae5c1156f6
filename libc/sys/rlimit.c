/*
 * rlimit.c - getrlimit(2) and setrlimit(2).
 */
#include <sys/resource.h>

#include "libc_syscalls.h"

/*
 * The soft and hard limit of resource `which` (RLIMIT_*) into *rlp.
 * 0, or -1 with errno EINVAL (unknown resource) or EFAULT.
 */
int
getrlimit(int which, struct rlimit *rlp)
{
	return (__sys_getrlimit(which, rlp));
}

/*
 * Set resource `which`'s limits to *rlp.  0, or -1 with errno EINVAL
 * (unknown resource, soft limit above the hard one), EPERM (raising the
 * hard limit without being root) or EFAULT.
 */
int
setrlimit(int which, const struct rlimit *rlp)
{
	return (__sys_setrlimit(which, rlp));
}
