/*
 * tmpfile.c - tmpfile(3) and remove(3).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

/*
 * A stream open "w+" on a new file in /tmp that has no name: it is
 * unlinked at once, so its memory goes when the stream is closed (or
 * the process exits).  NULL with errno set if it cannot be made.
 */
FILE *
tmpfile(void)
{
	char path[] = "/tmp/tmpfile.XXXXXXXX";
	FILE *fp;
	int fd, saved;

	if ((fd = mkstemp(path)) < 0)
		return (NULL);
	(void)unlink(path);
	if ((fp = fdopen(fd, "w+")) == NULL) {
		saved = errno;
		(void)close(fd);
		errno = saved;
	}
	return (fp);
}

/*
 * Remove `path`: rmdir if it is a directory, unlink otherwise.  Returns
 * 0, or -1 with errno set.
 */
int
remove(const char *path)
{
	struct stat sb;

	if (lstat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
		return (rmdir(path));
	return (unlink(path));
}
