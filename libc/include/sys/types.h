/*
 * sys/types.h - the POSIX types of system interfaces.  Their widths are
 * ABI and come from <sys/_types.h>, which the kernel shares; size_t is
 * the compiler's.
 */
#ifndef _SYS_TYPES_H_
#define _SYS_TYPES_H_

#include <sys/_types.h>

#define __need_size_t
#include <stddef.h>

typedef __pid_t		pid_t;
typedef __uid_t		uid_t;
typedef __gid_t		gid_t;
typedef __mode_t	mode_t;
typedef __off_t		off_t;
typedef __ssize_t	ssize_t;

#endif /* !_SYS_TYPES_H_ */
