/*
 * fcntl.h - file control.  The O_* flags, F_* commands and FD_CLOEXEC
 * are the kernel's, from <sys/fcntl.h>; AT_FDCWD and
 * AT_SYMLINK_NOFOLLOW from <sys/_stat.h>.  creat() and openat() come
 * with a file system that can create files and directory descriptors.
 */
#ifndef _FCNTL_H_
#define _FCNTL_H_

#include <sys/fcntl.h>
#include <sys/types.h>
#include <sys/_stat.h>

int	open(const char *, int, ...);
int	fcntl(int, int, ...);

#endif /* !_FCNTL_H_ */
