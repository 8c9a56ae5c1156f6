/*
 * _mman.h - the memory-mapping constants of mmap(2), mprotect(2),
 * msync(2), madvise(2), mincore(2) and minherit(2), shared by the
 * kernel and libc's <sys/mman.h>, which adds the function prototypes.
 * The values are FreeBSD's, with one exception: MS_SYNC (see below).
 *
 * Not named sys/mman.h: host tests compile with -Iinclude, and a
 * sys/mman.h here would hide the C library's from them (the same reason
 * as sys/_wait.h).
 */
#ifndef _SYS__MMAN_H_
#define _SYS__MMAN_H_

/* Protections (prot argument). */
#define PROT_NONE	0x00
#define PROT_READ	0x01
#define PROT_WRITE	0x02
#define PROT_EXEC	0x04

/* Sharing and placement (flags argument). */
#define MAP_SHARED	0x0001	/* writes reach the object, others see them */
#define MAP_PRIVATE	0x0002	/* writes are copied, private to us */
#define MAP_FIXED	0x0010	/* exactly at addr, replacing what is there */
#define MAP_HASSEMAPHORE 0x0200	/* may hold semaphores (no effect) */
#define MAP_STACK	0x0400	/* a stack that grows down on demand */
#define MAP_NOSYNC	0x0800	/* no write-back to the file (no effect) */
#define MAP_ANON	0x1000	/* zero-filled memory, no file (fd -1) */
#define MAP_ANONYMOUS	MAP_ANON	/* the Linux and POSIX 2024 name */
#define MAP_GUARD	0x2000	/* reserve the range: no access at all */
#define MAP_EXCL	0x4000	/* with MAP_FIXED: fail if anything is there */
#define MAP_NOCORE	0x20000	/* left out of core dumps (no effect) */

/* What mmap returns when it fails. */
#define MAP_FAILED	((void *)-1)

/* mlockall(2) */
#define MCL_CURRENT	0x0001	/* lock what is mapped now */
#define MCL_FUTURE	0x0002	/* and what will be mapped */

/*
 * msync flags.  FreeBSD's MS_SYNC is 0, which makes "both MS_SYNC and
 * MS_ASYNC" impossible to tell from MS_ASYNC alone; POSIX says a call
 * may not ask for both, so MS_SYNC here has a bit of its own (NetBSD's,
 * OpenBSD's and Linux's value).  flags 0 still means a synchronous
 * msync, as it does on FreeBSD.
 */
#define MS_ASYNC	0x0001	/* start the writes, do not wait */
#define MS_INVALIDATE	0x0002	/* drop cached copies of the object */
#define MS_SYNC		0x0004	/* write and wait */

/* madvise advice (posix_madvise's POSIX_MADV_* are the first five). */
#define MADV_NORMAL	0	/* no advice */
#define MADV_RANDOM	1	/* expect random accesses */
#define MADV_SEQUENTIAL	2	/* expect sequential accesses */
#define MADV_WILLNEED	3	/* will need these pages soon */
#define MADV_DONTNEED	4	/* will not need them soon; keep the data */
#define MADV_FREE	5	/* the data may be discarded */
#define MADV_NOSYNC	6	/* no write-back to the file (no effect) */
#define MADV_AUTOSYNC	7	/* undo MADV_NOSYNC (no effect) */
#define MADV_NOCORE	8	/* leave out of core dumps (no effect) */
#define MADV_CORE	9	/* undo MADV_NOCORE (no effect) */
#define MADV_PROTECT	10	/* the calling process: never an OOM victim
				   (root only; the range is ignored) */

#define POSIX_MADV_NORMAL	MADV_NORMAL
#define POSIX_MADV_RANDOM	MADV_RANDOM
#define POSIX_MADV_SEQUENTIAL	MADV_SEQUENTIAL
#define POSIX_MADV_WILLNEED	MADV_WILLNEED
#define POSIX_MADV_DONTNEED	MADV_DONTNEED

/* mincore: one byte per page, of these bits. */
#define MINCORE_INCORE		0x01	/* the page is in memory */
#define MINCORE_REFERENCED	0x02	/* referenced through this mapping */
#define MINCORE_MODIFIED	0x04	/* modified through this mapping */
#define MINCORE_REFERENCED_OTHER 0x08	/* referenced by another mapping */
#define MINCORE_MODIFIED_OTHER	0x10	/* modified by another mapping */
#define MINCORE_SUPER		0x60	/* part of a superpage (never) */

/* minherit: what fork gives the child (vm/vm.h's VM_INHERIT_*). */
#define INHERIT_SHARE	0	/* the same memory */
#define INHERIT_COPY	1	/* a copy-on-write copy */
#define INHERIT_NONE	2	/* nothing: a hole */
#define INHERIT_ZERO	3	/* fresh zero-filled memory */

#endif /* !_SYS__MMAN_H_ */
