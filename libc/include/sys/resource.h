/*
 * sys/resource.h - resource limits: getrlimit, setrlimit, struct
 * rlimit, rlim_t and the RLIMIT_* names; resource usage: getrusage,
 * struct rusage and RUSAGE_SELF, RUSAGE_CHILDREN, RUSAGE_THREAD.  The
 * numbers and the layouts are the kernel's (<sys/_resource.h>,
 * <sys/_rusage.h>); which limits the kernel enforces and which usage
 * it counts are in libc/README.md.
 */
#ifndef _SYS_RESOURCE_H_
#define _SYS_RESOURCE_H_

#include <sys/types.h>
#include <sys/_resource.h>
#include <sys/_rusage.h>

typedef __INT64_TYPE__	rlim_t;		/* signed, 64 bits: FreeBSD's */

int	getrlimit(int, struct rlimit *);
int	setrlimit(int, const struct rlimit *);
int	getrusage(int, struct rusage *);

#endif /* !_SYS_RESOURCE_H_ */
