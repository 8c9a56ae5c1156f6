/*
 * dir_local.h - private to the directory functions (opendir.c,
 * readdir.c, closedir.c): what a DIR is.
 *
 * A DIR is an open directory descriptor and a buffer that holds the
 * records of the last getdirentries(2), buf[loc .. len) not yet handed
 * out.  readdir returns pointers into the buffer, so a record stays
 * valid until the next readdir, rewinddir or closedir on the same DIR
 * (POSIX allows no more).
 */
#ifndef _LIBC_GEN_DIR_LOCAL_H_
#define _LIBC_GEN_DIR_LOCAL_H_

#include <dirent.h>

/*
 * Plenty for one record (at most 24 + 256 bytes), and enough for a
 * directory of a dozen or two names in one system call.
 */
#define DIR_BUFSIZE	4096

struct _dirdesc {
	int	fd;
	size_t	loc;		/* the next record in buf */
	size_t	len;		/* bytes of records in buf */
	/* Records are 8-byte aligned; so is their buffer. */
	char	buf[DIR_BUFSIZE] __attribute__((__aligned__(8)));
};

#endif /* !_LIBC_GEN_DIR_LOCAL_H_ */
