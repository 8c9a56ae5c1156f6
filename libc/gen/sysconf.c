/*
 * sysconf.c - system configuration: sysconf and getpagesize.
 */
#include <errno.h>
#include <limits.h>
#include <unistd.h>
#include <sys/resource.h>

#include "libc_private.h"

/*
 * The value of configuration variable name (_SC_*).  Only names with
 * an answer that is true of every Vise system are known: the page
 * size, the POSIX options <unistd.h> promises, the processor count
 * (the kernel runs on one CPU), NGROUPS_MAX, and the process's own
 * resource limits for OPEN_MAX (RLIMIT_NOFILE) and CHILD_MAX
 * (RLIMIT_NPROC), as FreeBSD does: the soft limit, or -1 with errno
 * unchanged when it is RLIM_INFINITY.  Others return -1 with errno
 * EINVAL, rather than a guess.
 */
long
sysconf(int name)
{
	struct rlimit rl;

	switch (name) {
	case _SC_CHILD_MAX:
	case _SC_OPEN_MAX:
		if (getrlimit(name == _SC_OPEN_MAX ? RLIMIT_NOFILE :
		    RLIMIT_NPROC, &rl) != 0)
			return (-1);
		if (rl.rlim_cur == RLIM_INFINITY)
			return (-1);
		return (rl.rlim_cur > LONG_MAX ? LONG_MAX : (long)rl.rlim_cur);
	case _SC_NGROUPS_MAX:
		return (NGROUPS_MAX);
	case _SC_PAGESIZE:
		return (LIBC_PAGE_SIZE);
	case _SC_MAPPED_FILES:
		return (_POSIX_MAPPED_FILES);
	case _SC_MEMLOCK:
		return (_POSIX_MEMLOCK);
	case _SC_MEMLOCK_RANGE:
		return (_POSIX_MEMLOCK_RANGE);
	case _SC_MEMORY_PROTECTION:
		return (_POSIX_MEMORY_PROTECTION);
	case _SC_NPROCESSORS_CONF:
	case _SC_NPROCESSORS_ONLN:
		return (1);
	default:
		errno = EINVAL;
		return (-1);
	}
}

/* The page size in bytes (BSD; sysconf(_SC_PAGESIZE) is the POSIX way). */
int
getpagesize(void)
{
	return (LIBC_PAGE_SIZE);
}
