/*
 * cdefs.h - compiler attribute shorthands used by kernel, tests and libc.
 */
#ifndef _SYS_CDEFS_H_
#define _SYS_CDEFS_H_

#define __packed	__attribute__((__packed__))
#define __aligned(x)	__attribute__((__aligned__(x)))
#define __section(x)	__attribute__((__section__(x)))
#define __used		__attribute__((__used__))
#define __unused	__attribute__((__unused__))
#define __dead2		__attribute__((__noreturn__))
#define __printflike(fmtarg, firstvararg) \
	__attribute__((__format__(__printf__, fmtarg, firstvararg)))
#define __predict_true(x)	__builtin_expect(!!(x), 1)
#define __predict_false(x)	__builtin_expect(!!(x), 0)
#define __containerof(ptr, type, field) \
	((type *)((char *)(ptr) - __builtin_offsetof(type, field)))

#define __STRING(x)	#x
#define __XSTRING(x)	__STRING(x)
#define __CONCAT1(x, y)	x ## y
#define __CONCAT(x, y)	__CONCAT1(x, y)

#define nitems(a)	(sizeof(a) / sizeof((a)[0]))

#endif /* !_SYS_CDEFS_H_ */
