/*
 * fflush.c - getting buffered output to the descriptor: fflush, and
 * the writing loop every output path ends in.
 */
#include <errno.h>
#include <limits.h>
#include <string.h>
#include <unistd.h>

#include "libc_syscalls.h"
#include "local.h"

/* See local.h. */
size_t
__stdio_write_all(int fd, const void *buf, size_t len)
{
	const char *p = buf;
	size_t done = 0;
	ssize_t n;

	while (done < len) {
		n = __sys_write(fd, p + done, len - done);
		if (n <= 0) {
			/* No progress and no error either: do not spin. */
			if (n == 0)
				errno = EIO;
			break;
		}
		done += (size_t)n;
	}
	return (done);
}

/* See local.h. */
int
__stdio_flush(FILE *fp)
{
	size_t done;

	if (fp->wlen == 0)
		return (0);
	done = __stdio_write_all(fp->fd, fp->buf, fp->wlen);
	if (done < fp->wlen) {
		/* Keep what was not written, at the front. */
		memmove(fp->buf, fp->buf + done, fp->wlen - done);
		fp->wlen -= done;
		fp->flags |= S_ERR;
		return (EOF);
	}
	fp->wlen = 0;
	return (0);
}

/*
 * Give back fp's read-ahead and pushed-back byte (POSIX fflush of an
 * input stream): the descriptor's offset moves back to where the
 * program is, so that another reader of the file (a child after fork,
 * exec) starts there.  A descriptor that cannot seek (a pipe, the
 * console) keeps its read-ahead in the stream, and that is no error.
 */
static void
sync_input(FILE *fp)
{
	size_t back = fp->rlen - fp->rpos + (fp->ungot != EOF ? 1 : 0);
	int saved = errno;

	if (back == 0 || back > LONG_MAX)
		return;
	if (__sys_lseek(fp->fd, -(long)back, SEEK_CUR) < 0) {
		errno = saved;
		return;
	}
	fp->rpos = fp->rlen = 0;
	fp->ungot = EOF;
}

/*
 * Write out fp's buffered output; with fp NULL, every stream's.  For
 * fp itself, input read ahead is given back to the descriptor if it
 * can seek (sync_input).  Returns 0, or EOF with errno set if any write
 * failed.
 */
static int
fflush_unlocked(FILE *fp)
{
	int error = 0;

	if (fp != NULL) {
		if (__stdio_flush(fp) != 0)
			return (EOF);
		if ((fp->flags & S_RD) != 0)
			sync_input(fp);
		return (0);
	}
	for (fp = __stdio_streams; fp != NULL; fp = fp->next) {
		if (__stdio_flush(fp) != 0)
			error = EOF;
	}
	return (error);
}

/* fflush, under the stdio lock (local.h). */
int
fflush(FILE *fp)
{
	int r;

	FLOCKFILE();
	r = fflush_unlocked(fp);
	FUNLOCKFILE();
	return (r);
}
