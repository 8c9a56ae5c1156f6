/*
 * _resource.h - resource limits as getrlimit(2) and setrlimit(2) pass
 * them: struct rlimit, RLIM_INFINITY and the RLIMIT_* numbers
 * (FreeBSD's).  Shared by the kernel and libc's <sys/resource.h>.
 *
 * Not named sys/resource.h: host tests compile with -Iinclude and must
 * still find the C library's own.  A limit (rlim_t, which the kernel's
 * resourcevar.h and libc's sys/resource.h define) is signed and 64 bits
 * on both ARCHes, as in FreeBSD, so struct rlimit is 16 bytes
 * everywhere.  There is no __rlim_t here: host tests include this file
 * (through kernel/proc.h) next to the C library's headers, which have
 * their own __rlim_t.
 *
 * Which limits the kernel enforces, and their defaults, are in
 * kernel/kern_resource.c; the others are kept and inherited only.
 */
#ifndef _SYS__RESOURCE_H_
#define _SYS__RESOURCE_H_

#define RLIMIT_CPU	0	/* CPU time in seconds */
#define RLIMIT_FSIZE	1	/* largest file size */
#define RLIMIT_DATA	2	/* data segment size */
#define RLIMIT_STACK	3	/* stack size */
#define RLIMIT_CORE	4	/* core file size */
#define RLIMIT_RSS	5	/* resident set size */
#define RLIMIT_MEMLOCK	6	/* locked (wired) memory */
#define RLIMIT_NPROC	7	/* processes of the real user id */
#define RLIMIT_NOFILE	8	/* open descriptors */
#define RLIMIT_SBSIZE	9	/* socket buffer size */
#define RLIMIT_VMEM	10	/* address-space size */
#define RLIMIT_AS	RLIMIT_VMEM
#define RLIMIT_NPTS	11	/* pseudo-terminals */
#define RLIMIT_SWAP	12	/* swap space */
#define RLIMIT_KQUEUES	13	/* kqueues */
#define RLIMIT_UMTXP	14	/* process-shared umtx */
#define RLIMIT_PIPEBUF	15	/* pipe buffer memory */

#define RLIM_NLIMITS	16	/* one more than the highest */

#define RLIM_INFINITY	((__INT64_TYPE__)(((__UINT64_TYPE__)1 << 63) - 1))
#define RLIM_SAVED_MAX	RLIM_INFINITY
#define RLIM_SAVED_CUR	RLIM_INFINITY

struct rlimit {
	__INT64_TYPE__	rlim_cur;	/* the soft limit: what is enforced */
	__INT64_TYPE__	rlim_max;	/* the hard limit: the soft one's cap */
};

#endif /* !_SYS__RESOURCE_H_ */
