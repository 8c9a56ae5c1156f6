/*
 * sys/resource.h - resource limits: getrlimit, setrlimit, struct
 * rlimit, rlim_t and the RLIMIT_* names.  The numbers and the layout
 * are the kernel's (<sys/_resource.h>); which limits the kernel
 * enforces is in libc/README.md.
 */
#ifndef _SYS_RESOURCE_H_
#define _SYS_RESOURCE_H_

#include <sys/types.h>
#include <sys/_resource.h>

typedef __INT64_TYPE__	rlim_t;		/* signed, 64 bits: FreeBSD's */

int	getrlimit(int, struct rlimit *);
int	setrlimit(int, const struct rlimit *);

#endif /* !_SYS_RESOURCE_H_ */
