/*
 * fcntl.h - open(2) flags and fcntl(2) commands (FreeBSD's values),
 * shared by the kernel and libc's <fcntl.h>.
 */
#ifndef _SYS_FCNTL_H_
#define _SYS_FCNTL_H_

/* open(2): exactly one access mode ... */
#define O_RDONLY	0x0000
#define O_WRONLY	0x0001
#define O_RDWR		0x0002
#define O_ACCMODE	0x0003	/* the bits of the access mode */
/* ... and any of these. */
#define O_NONBLOCK	0x0004	/* reads and writes do not wait */
#define O_APPEND	0x0008	/* every write goes to the end */
#define O_CREAT		0x0200	/* create the file if it does not exist */
#define O_TRUNC		0x0400	/* truncate it to length 0 */
#define O_EXCL		0x0800	/* with O_CREAT: fail if it exists */
#define O_NOCTTY	0x8000	/* a terminal opened does not become the
				   session's controlling terminal */
#define O_CLOEXEC	0x00100000	/* close the descriptor on exec */

/* fcntl(2) commands. */
#define F_DUPFD		0	/* duplicate: lowest free descriptor >= arg */
#define F_GETFD		1	/* descriptor flags (FD_CLOEXEC) */
#define F_SETFD		2
#define F_GETFL		3	/* file status flags (O_*) */
#define F_SETFL		4

/* Descriptor flags, for F_GETFD and F_SETFD. */
#define FD_CLOEXEC	1

#endif /* !_SYS_FCNTL_H_ */
