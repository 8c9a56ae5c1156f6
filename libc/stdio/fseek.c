/*
 * fseek.c - moving a stream's position: fseeko, fseek, rewind, fsetpos.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>

#include "libc_syscalls.h"
#include "local.h"

/*
 * Set fp's position to offset from whence (SEEK_SET, SEEK_CUR: from
 * the position the program sees, read-ahead and pushback included,
 * SEEK_END).  Pending output is written first; read-ahead and a byte
 * pushed back by ungetc are dropped, and the end-of-file indicator is
 * cleared.  Returns 0, or -1 with errno set: EINVAL (a bad whence, or
 * a negative position), ESPIPE (a pipe or the console), EBADF (a
 * closed stream), EOVERFLOW (on i386, a position past 2 GiB - 1), or
 * the error of the write.
 */
static int
fseeko_unlocked(FILE *fp, off_t offset, int whence)
{
	off_t pos;

	if (whence != SEEK_SET && whence != SEEK_CUR && whence != SEEK_END) {
		errno = EINVAL;
		return (-1);
	}
	if ((fp->flags & (S_RD | S_WR)) == 0) {
		errno = EBADF;
		return (-1);
	}
	if (__stdio_flush(fp) != 0)
		return (-1);
	if (whence == SEEK_CUR) {
		/* From where the program is, not where the kernel is. */
		if ((pos = ftello(fp)) < 0)
			return (-1);
		if (offset > 0 && pos > INT64_MAX - offset) {
			errno = EOVERFLOW;
			return (-1);
		}
		offset += pos;
		whence = SEEK_SET;
	}
	if (offset != (long)offset) {
		errno = EOVERFLOW;
		return (-1);
	}
	if (__sys_lseek(fp->fd, (long)offset, whence) < 0)
		return (-1);
	fp->rpos = fp->rlen = 0;
	fp->ungot = EOF;
	fp->flags &= ~S_EOF;
	return (0);
}

/* fseeko, under the stdio lock (local.h). */
int
fseeko(FILE *fp, off_t offset, int whence)
{
	int r;

	FLOCKFILE();
	r = fseeko_unlocked(fp, offset, whence);
	FUNLOCKFILE();
	return (r);
}

/* fseeko with a long offset (C's interface). */
int
fseek(FILE *fp, long offset, int whence)
{
	return (fseeko(fp, offset, whence));
}

/* Back to the start of fp, with its error indicator cleared too. */
void
rewind(FILE *fp)
{
	int saved = errno;

	if (fseeko(fp, 0, SEEK_SET) == 0)
		errno = saved;
	clearerr(fp);
}

/* Go back to a position fgetpos recorded: fseeko(fp, *pos, SEEK_SET). */
int
fsetpos(FILE *fp, const fpos_t *pos)
{
	return (fseeko(fp, *pos, SEEK_SET));
}
