/*
 * fdopen.c - a stream over a descriptor the program already has.
 */
#include "local.h"

/*
 * A stream over descriptor fd, for the access mode says (as fopen's;
 * the flags that only open(2) can apply, such as truncation, are
 * ignored).  Fully buffered.  Returns NULL with errno set (EINVAL: bad
 * mode; ENOMEM).
 */
FILE *
fdopen(int fd, const char *mode)
{
	int flags, oflags;

	if ((flags = __stdio_mode(mode, &oflags)) == 0)
		return (NULL);
	return (__stdio_alloc(fd, flags));
}
