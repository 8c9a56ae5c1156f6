/*
 * time.h - clocks and sleeping.  struct timespec and the clock ids are
 * the kernel's (<sys/_timespec.h>); time_t is 64 bits on both ARCHes.
 */
#ifndef _TIME_H_
#define _TIME_H_

#include <sys/_timespec.h>

typedef __time_t	time_t;
typedef int		clockid_t;

int	clock_gettime(clockid_t id, struct timespec *ts);
int	nanosleep(const struct timespec *rq, struct timespec *rm);
time_t	time(time_t *t);

#endif /* !_TIME_H_ */
