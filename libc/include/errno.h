/*
 * errno.h - error numbers and the errno lvalue.
 *
 * The numbers are not listed here: they come from <sys/errno.h> in the
 * top-level include/ directory, the one list the kernel returns and
 * libc reports (DESIGN.md: ABI headers shared by kernel and libc live in
 * one place).
 */
#ifndef _ERRNO_H_
#define _ERRNO_H_

#include <sys/errno.h>

/*
 * errno is a macro over a function, as in FreeBSD, so that each thread
 * can have its own once there are threads; programs see no difference.
 */
int	*__error(void);
#define errno	(*__error())

#endif /* !_ERRNO_H_ */
