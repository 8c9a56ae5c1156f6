/*
 * _timespec.h - struct timespec and struct timeval as they cross the
 * system-call boundary, and the clock ids (FreeBSD's values).  time_t
 * is 64 bits on both ARCHes (no year-2038 problem on i386).  Shared by
 * the kernel and libc's <time.h> and <sys/time.h>.
 */
#ifndef _SYS__TIMESPEC_H_
#define _SYS__TIMESPEC_H_

typedef __INT64_TYPE__	__time_t;

struct timespec {
	__time_t	tv_sec;
	long		tv_nsec;
};

struct timeval {
	__time_t	tv_sec;
	long		tv_usec;
};

#define CLOCK_REALTIME		0
#define CLOCK_MONOTONIC		4

#endif /* !_SYS__TIMESPEC_H_ */
