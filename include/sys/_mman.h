/*
 * _mman.h - the memory-mapping constants of mmap(2), mprotect(2) and
 * friends (FreeBSD's values), shared by the kernel and libc's
 * <sys/mman.h>, which adds the function prototypes.
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
#define MAP_ANON	0x1000	/* zero-filled memory, no file (fd -1) */
#define MAP_ANONYMOUS	MAP_ANON	/* the Linux and POSIX 2024 name */

/* What mmap returns when it fails. */
#define MAP_FAILED	((void *)-1)

#endif /* !_SYS__MMAN_H_ */
