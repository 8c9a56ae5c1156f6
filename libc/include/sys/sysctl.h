/*
 * sys/sysctl.h - reading kernel values by name (see kernel/sysctl.h for
 * what the kernel exports: vm.stats.vm.*, kern.*, hw.*).
 */
#ifndef _SYS_SYSCTL_H_
#define _SYS_SYSCTL_H_

#include <stddef.h>

int	sysctlbyname(const char *name, void *old, size_t *oldlenp,
	    const void *new, size_t newlen);

/* Vise's own: listing the names, and what type a value has. */
#define SYSCTL_ULONG	0	/* an unsigned long */
#define SYSCTL_INT	1	/* an int */
#define SYSCTL_STRING	2	/* a NUL-terminated string */
#define SYSCTL_OPAQUE	3	/* a table (e.g. kern.proc.all's) */
int	sysctl_next(const char *name, char *buf, size_t len);
int	sysctl_type(const char *name);

#endif /* !_SYS_SYSCTL_H_ */
