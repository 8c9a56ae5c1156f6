/*
 * write.c - write(2).
 */
#include <unistd.h>

#include "libc_syscalls.h"

/*
 * Write up to len bytes from buf to descriptor fd.  Returns the number
 * written (possibly fewer than len), or -1 with errno set.
 */
ssize_t
write(int fd, const void *buf, size_t len)
{
	return (__sys_write(fd, buf, len));
}
