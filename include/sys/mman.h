/*
 * mman.h - memory-mapping constants (FreeBSD's values), shared by the
 * kernel and libc (libc/include/sys/mman.h declares the functions).
 */
#ifndef _SYS_MMAN_H_
#define _SYS_MMAN_H_

#define PROT_NONE	0x00
#define PROT_READ	0x01
#define PROT_WRITE	0x02
#define PROT_EXEC	0x04

#define MAP_SHARED	0x0001	/* changes are seen by every mapping */
#define MAP_PRIVATE	0x0002	/* changes are private (copy on write) */
#define MAP_FIXED	0x0010	/* exactly at addr, replacing what is there */
#define MAP_ANON	0x1000	/* no file: zero-filled memory */
#define MAP_ANONYMOUS	MAP_ANON

#define MAP_FAILED	((void *)-1)

#endif /* !_SYS_MMAN_H_ */
