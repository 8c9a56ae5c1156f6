/*
 * sys/sysctl.h - reading kernel values by name (see kernel/sysctl.h for
 * what the kernel exports: vm.stats.vm.*, kern.*, hw.*).
 */
#ifndef _SYS_SYSCTL_H_
#define _SYS_SYSCTL_H_

#include <stddef.h>

int	sysctlbyname(const char *name, void *old, size_t *oldlenp,
	    const void *new, size_t newlen);

#endif /* !_SYS_SYSCTL_H_ */
