/*
 * read.c - read(2).
 */
#include <unistd.h>

#include "libc_syscalls.h"

/*
 * Read up to len bytes from descriptor fd into buf.  Returns the number
 * read (fewer than len is no error: a pipe or the console gives what it
 * has), 0 at end of file, or -1 with errno set.
 */
ssize_t
read(int fd, void *buf, size_t len)
{
	return (__sys_read(fd, buf, len));
}
