/*
 * dup.c - dup(2) and dup2(2).
 */
#include <unistd.h>

#include "libc_syscalls.h"

/*
 * A new descriptor, the lowest free one, for the file fd refers to: the
 * two share the offset and status flags; the new one has FD_CLOEXEC
 * clear.  Returns it, or -1 with errno set (EBADF, EMFILE).
 */
int
dup(int fd)
{
	return (__sys_dup(fd));
}

/*
 * Make descriptor to refer to the file of from, closing to first if it
 * was open (unless it is from).  Returns to, or -1 with errno set
 * (EBADF: from not open or to out of range).
 */
int
dup2(int from, int to)
{
	return (__sys_dup2(from, to));
}
