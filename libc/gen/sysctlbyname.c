/*
 * sysctlbyname.c - sysctlbyname(3): a kernel value by its name
 * ("vm.stats.vm.v_free_count"), over __sysctlbyname(2).
 */
#include <string.h>
#include <sys/sysctl.h>

#include "libc_syscalls.h"

/*
 * Read `name` into `old` (*oldlenp bytes; *oldlenp gets the size, also
 * when old is NULL).  Setting (new != NULL) is refused by the kernel
 * (EPERM).  Returns 0, or -1 with errno: ENOENT, ENOMEM (too small).
 */
int
sysctlbyname(const char *name, void *old, size_t *oldlenp, const void *new,
    size_t newlen)
{
	return (__sys___sysctlbyname(name, strlen(name), old, oldlenp, new,
	    newlen));
}
