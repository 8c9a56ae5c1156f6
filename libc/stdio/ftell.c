/*
 * ftell.c - where a stream is: ftello, ftell, fgetpos.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>

#include "libc_syscalls.h"
#include "local.h"

/*
 * fp's position as the program sees it: the descriptor's offset, less
 * the read-ahead not consumed and a byte pushed back by ungetc, plus
 * the output not yet written.  Returns -1 with errno set: ESPIPE (a
 * pipe or the console), EBADF (a closed stream).
 */
static off_t
ftello_unlocked(FILE *fp)
{
	off_t pos;

	if ((fp->flags & (S_RD | S_WR)) == 0) {
		errno = EBADF;
		return (-1);
	}
	if ((pos = __sys_lseek(fp->fd, 0, SEEK_CUR)) < 0)
		return (-1);
	pos -= (off_t)(fp->rlen - fp->rpos);
	if (fp->ungot != EOF && pos > 0)
		pos--;
	return (pos + (off_t)fp->wlen);
}

/* ftello, under the stdio lock (local.h). */
off_t
ftello(FILE *fp)
{
	off_t r;

	FLOCKFILE();
	r = ftello_unlocked(fp);
	FUNLOCKFILE();
	return (r);
}

/* ftello as a long: -1 with EOVERFLOW if it does not fit. */
long
ftell(FILE *fp)
{
	off_t pos;

	if ((pos = ftello(fp)) > LONG_MAX) {
		errno = EOVERFLOW;
		return (-1);
	}
	return ((long)pos);
}

/* Record fp's position in *pos for fsetpos.  0, or -1 with errno set. */
int
fgetpos(FILE * __restrict fp, fpos_t * __restrict pos)
{
	off_t where;

	if ((where = ftello(fp)) < 0)
		return (-1);
	*pos = where;
	return (0);
}
