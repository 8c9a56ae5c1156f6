/*
 * close.c - close(2).
 */
#include <unistd.h>

#include "libc_syscalls.h"

/*
 * Close descriptor fd; the file goes when its last descriptor does.
 * Returns 0, or -1 with errno set (EBADF: fd was not open).
 */
int
close(int fd)
{
	return (__sys_close(fd));
}
