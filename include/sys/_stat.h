/*
 * _stat.h - struct stat, the file type bits and the dirent layout, as
 * the kernel fills them in for stat/fstat/getdirentries and libc's
 * <sys/stat.h> and <dirent.h> present them.  The layout is Vise's own,
 * the same on both ARCHes (fixed-width fields).  Not sys/stat.h: host
 * tests compile with -Iinclude and must still find the C library's.
 */
#ifndef _SYS__STAT_H_
#define _SYS__STAT_H_

#include <sys/_types.h>

/* File types, in st_mode's high bits (the traditional values). */
#define S_IFMT		0170000
#define S_IFIFO		0010000
#define S_IFCHR		0020000
#define S_IFDIR		0040000
#define S_IFREG		0100000
#define S_IFLNK		0120000

/* The permission bits the kernel gives a meaning (the rest: sys/stat.h). */
#define S_ISUID		0004000		/* set user id on execution */
#define S_ISGID		0002000		/* set group id on execution */
#define S_ISVTX		0001000		/* sticky: in a directory, only an
					   entry's owner may remove it */

#define S_ISFIFO(m)	(((m) & S_IFMT) == S_IFIFO)
#define S_ISCHR(m)	(((m) & S_IFMT) == S_IFCHR)
#define S_ISDIR(m)	(((m) & S_IFMT) == S_IFDIR)
#define S_ISREG(m)	(((m) & S_IFMT) == S_IFREG)
#define S_ISLNK(m)	(((m) & S_IFMT) == S_IFLNK)

struct vise_timespec {
	__INT64_TYPE__	tv_sec;
	__INT64_TYPE__	tv_nsec;
};

struct stat {
	__UINT64_TYPE__	st_dev;		/* the file system: 1 initrd, 2 devfs, 3 pipes */
	__UINT64_TYPE__	st_ino;
	__UINT32_TYPE__	st_mode;	/* S_IF* | permissions */
	__UINT32_TYPE__	st_nlink;
	__uid_t		st_uid;
	__gid_t		st_gid;
	__UINT64_TYPE__	st_rdev;	/* a device's number */
	__off_t		st_size;
	__INT64_TYPE__	st_blocks;	/* 512-byte blocks */
	__INT32_TYPE__	st_blksize;	/* the best I/O size */
	__INT32_TYPE__	st_spare;
	struct vise_timespec st_atim, st_mtim, st_ctim;
};

/* getdirentries(2) records: d_reclen bytes each, 8-byte aligned. */
#define DT_UNKNOWN	0
#define DT_FIFO		1
#define DT_CHR		2
#define DT_DIR		4
#define DT_REG		8
#define DT_LNK		10

struct dirent {
	__UINT64_TYPE__	d_fileno;
	__INT64_TYPE__	d_off;		/* where the next record starts */
	__UINT16_TYPE__	d_reclen;
	__UINT8_TYPE__	d_type;
	__UINT8_TYPE__	d_pad0;
	__UINT16_TYPE__	d_namlen;
	__UINT16_TYPE__	d_pad1;
	char		d_name[256];	/* NUL-terminated; only what is
					   used is copied out */
};

/* The "current directory" descriptor for the *at() calls. */
#define AT_FDCWD		-100
#define AT_SYMLINK_NOFOLLOW	0x0200

/* lseek whence */
#define SEEK_SET	0
#define SEEK_CUR	1
#define SEEK_END	2

#endif /* !_SYS__STAT_H_ */
