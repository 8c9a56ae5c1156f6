/*
 * readdir.c - the records of an open directory, one at a time: readdir
 * and rewinddir.
 */
#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <unistd.h>

#include "libc_syscalls.h"
#include "dir_local.h"

/*
 * Whether a record of reclen bytes at buf[loc] lies within the len
 * bytes read, keeps the next one aligned, and holds a NUL-terminated
 * name of d_namlen bytes: a program may then strlen(d_name) safely
 * whatever the kernel sent.
 */
static bool
record_ok(const DIR *dirp, const struct dirent *dp)
{
	size_t left = dirp->len - dirp->loc;
	size_t head = offsetof(struct dirent, d_name);

	if (left < head || dp->d_reclen > left || dp->d_reclen % 8 != 0 ||
	    dp->d_reclen < head + dp->d_namlen + 1)
		return (false);
	return (dp->d_name[dp->d_namlen] == '\0');
}

/*
 * The next entry of dirp ("." and ".." included, in the order the file
 * system keeps them), or NULL at the end (errno unchanged) or on an
 * error (errno set; EIO for a malformed record).  The entry is valid
 * until the next readdir, rewinddir or closedir of dirp.
 */
struct dirent *
readdir(DIR *dirp)
{
	struct dirent *dp;
	ssize_t n;

	if (dirp->loc >= dirp->len) {
		n = __sys_getdirentries(dirp->fd, dirp->buf, sizeof(dirp->buf),
		    NULL);
		if (n <= 0)
			return (NULL);
		dirp->len = (size_t)n;
		dirp->loc = 0;
	}
	dp = (struct dirent *)(dirp->buf + dirp->loc);
	if (!record_ok(dirp, dp)) {
		/* What follows cannot be found either: the rest is lost. */
		dirp->loc = dirp->len;
		errno = EIO;
		return (NULL);
	}
	dirp->loc += dp->d_reclen;
	return (dp);
}

/*
 * Start dirp over from its first entry; records read ahead are dropped.
 * (A seek on a directory cannot fail on a descriptor fdopendir
 * accepted, and POSIX gives rewinddir no way to report one.)
 */
void
rewinddir(DIR *dirp)
{
	(void)__sys_lseek(dirp->fd, 0, SEEK_SET);
	dirp->loc = dirp->len = 0;
}
