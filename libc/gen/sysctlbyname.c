/*
 * sysctlbyname.c - sysctlbyname(3): a kernel value by its name
 * ("vm.stats.vm.v_free_count"), over __sysctlbyname(2); and Vise's
 * sysctl_next and sysctl_type, for programs that list and print them.
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

/*
 * The name after `name` in sorted order ("" for the first) into `buf`
 * of `len` bytes.  0, or -1 with errno: ENOENT after the last, ENOMEM.
 */
int
sysctl_next(const char *name, char *buf, size_t len)
{
	return (__sys___sysctl_next(name, strlen(name), buf, len));
}

/* The type of `name`'s value (SYSCTL_ULONG, _INT, _STRING), or -1. */
int
sysctl_type(const char *name)
{
	return (__sys___sysctl_type(name, strlen(name)));
}
