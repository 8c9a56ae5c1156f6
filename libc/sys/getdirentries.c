/*
 * getdirentries.c - getdirentries(2), what readdir(3) is built on.
 */
#include <dirent.h>

#include "libc_syscalls.h"

/*
 * Read as many whole directory records (struct dirent, d_reclen bytes
 * each, 8-byte aligned) from directory descriptor fd into buf as fit in
 * len bytes.  *basep (if basep is not NULL) gets the directory offset
 * before the read.  Returns the bytes filled, 0 at the end of the
 * directory, or -1 with errno set (ENOTDIR; EINVAL when len cannot hold
 * the next record).
 */
ssize_t
getdirentries(int fd, char *buf, size_t len, off_t *basep)
{
	return (__sys_getdirentries(fd, buf, len, basep));
}
