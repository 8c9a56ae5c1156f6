/*
 * _types.h - the widths of the POSIX types that cross the system-call
 * boundary (pid_t, uid_t, off_t, ...), under reserved names, as in
 * FreeBSD: libc's <sys/types.h> gives them their public names, and the
 * kernel uses the same names when it lays out what it copies out.
 *
 * Not named sys/types.h: host tests compile with -Iinclude, and the C
 * library's own headers include <sys/types.h>.  The widths are
 * FreeBSD's, the same on i386 and amd64 except ssize_t, which is as
 * wide as size_t.  Built from the compiler's predefined type macros, so
 * one file serves both ARCHes and needs no other header.
 */
#ifndef _SYS__TYPES_H_
#define _SYS__TYPES_H_

typedef __INT32_TYPE__		__pid_t;	/* process and group ids */
typedef __UINT32_TYPE__		__uid_t;
typedef __UINT32_TYPE__		__gid_t;
typedef __UINT16_TYPE__		__mode_t;	/* file type and permissions */
typedef __INT64_TYPE__		__off_t;	/* file offsets and sizes */
#ifdef __LP64__
typedef long			__ssize_t;	/* a size or -1 */
#else
typedef int			__ssize_t;
#endif

#endif /* !_SYS__TYPES_H_ */
