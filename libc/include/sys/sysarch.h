/*
 * sys/sysarch.h - sysarch(2): the ARCH's own operations, here the TLS
 * base of the calling thread (FreeBSD has this in <machine/sysarch.h>;
 * the operations are in <sys/_sysarch.h>).  libc's threads set it to
 * their thread control block; a program that uses pthreads must not
 * change it.  0, or -1 with errno (EINVAL, EFAULT).
 */
#ifndef _SYS_SYSARCH_H_
#define _SYS_SYSARCH_H_

#include <sys/_sysarch.h>

int	sysarch(int op, void *parms);

#endif /* !_SYS_SYSARCH_H_ */
