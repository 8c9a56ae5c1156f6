/*
 * signal.h - signals.  The numbers and si_code values are the kernel's,
 * from <sys/signal.h>.  Only names are here so far: kill, sigaction and
 * the rest are declared when the kernel has those system calls.
 */
#ifndef _SIGNAL_H_
#define _SIGNAL_H_

#include <sys/signal.h>
#include <sys/types.h>

/* An integer that a signal handler may assign atomically (C11 7.14). */
typedef int	sig_atomic_t;

#endif /* !_SIGNAL_H_ */
