/*
 * syslimits.h - POSIX limits that are kernel ABI, shared by the kernel
 * and libc's <limits.h>.
 *
 * NGROUPS_MAX: the most supplementary groups a process has (setgroups
 * refuses more with EINVAL).  A small fixed array in each process's
 * credentials (kernel/ucred.h); FreeBSD's is 1023, Linux's once was 32.
 *
 * PATH_MAX: the longest path the kernel takes, with its NUL
 * (VFS_PATH_MAX, kernel/mount.h; FreeBSD's too).  NAME_MAX: the longest
 * file name component (VFS_NAME_MAX).
 */
#ifndef _SYS_SYSLIMITS_H_
#define _SYS_SYSLIMITS_H_

#define NGROUPS_MAX	16
#define NAME_MAX	255
#define PATH_MAX	1024

#endif /* !_SYS_SYSLIMITS_H_ */
