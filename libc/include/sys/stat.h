/*
 * sys/stat.h - what a file is: struct stat, the S_IF* file types and
 * S_IS* tests are the kernel's, from <sys/_stat.h>; this adds the
 * permission bits and the functions.  The timestamps are st_atim,
 * st_mtim and st_ctim (struct vise_timespec until <time.h> has
 * struct timespec); st_atime and friends name their seconds.
 */
#ifndef _SYS_STAT_H_
#define _SYS_STAT_H_

#include <sys/types.h>
#include <sys/_stat.h>

/* Permission bits, in st_mode's low twelve bits (and S_IS[UG]ID, S_ISVTX). */
#define S_IRWXU		0000700		/* owner: read, write, execute */
#define S_IRUSR		0000400
#define S_IWUSR		0000200
#define S_IXUSR		0000100
#define S_IRWXG		0000070		/* group */
#define S_IRGRP		0000040
#define S_IWGRP		0000020
#define S_IXGRP		0000010
#define S_IRWXO		0000007		/* others */
#define S_IROTH		0000004
#define S_IWOTH		0000002
#define S_IXOTH		0000001

#define st_atime	st_atim.tv_sec
#define st_mtime	st_mtim.tv_sec
#define st_ctime	st_ctim.tv_sec

int	chmod(const char *, mode_t);
int	fchmod(int, mode_t);
int	mkdir(const char *, mode_t);
mode_t	umask(mode_t);
int	fstat(int, struct stat *);
int	fstatat(int, const char *, struct stat *, int);
int	lstat(const char *, struct stat *);
int	stat(const char *, struct stat *);

#endif /* !_SYS_STAT_H_ */
