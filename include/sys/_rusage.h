/*
 * _rusage.h - struct rusage as getrusage(2) and wait4(2) pass it
 * (FreeBSD's layout), and the RUSAGE_* names.  Shared by the kernel
 * (kernel/kern_rusage.c) and libc's <sys/resource.h>.
 *
 * Not in _resource.h: host tests include that one (through
 * kernel/proc.h) next to the C library's headers, which have a struct
 * rusage of their own.  What Vise fills in is in kernel/kern_rusage.c;
 * the fields it does not keep are 0.
 */
#ifndef _SYS__RUSAGE_H_
#define _SYS__RUSAGE_H_

#include <sys/_timespec.h>

#define RUSAGE_SELF	0
#define RUSAGE_CHILDREN	(-1)
#define RUSAGE_THREAD	1

struct rusage {
	struct timeval	ru_utime;	/* time in user mode */
	struct timeval	ru_stime;	/* time in the kernel */
	long		ru_maxrss;	/* most resident memory, KiB */
	long		ru_ixrss;
	long		ru_idrss;
	long		ru_isrss;
	long		ru_minflt;	/* page faults without I/O */
	long		ru_majflt;	/* page faults that waited for I/O */
	long		ru_nswap;
	long		ru_inblock;
	long		ru_oublock;
	long		ru_msgsnd;
	long		ru_msgrcv;
	long		ru_nsignals;	/* signals delivered */
	long		ru_nvcsw;	/* voluntary context switches */
	long		ru_nivcsw;	/* involuntary ones */
};

#endif /* !_SYS__RUSAGE_H_ */
