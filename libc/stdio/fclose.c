/*
 * fclose.c - closing a stream.
 */
#include "libc_syscalls.h"
#include "local.h"

/*
 * Flush fp's output, close its descriptor and free the stream (stdin,
 * stdout and stderr stay allocated, closed).  fp must not be used
 * again.  Returns 0, or EOF with errno set if the flush or the close
 * failed; the stream is gone either way.
 */
static int
fclose_unlocked(FILE *fp)
{
	int error;

	error = __stdio_flush(fp);
	if (__sys_close(fp->fd) != 0)
		error = EOF;
	__stdio_free(fp);
	return (error);
}

/* fclose, under the stdio lock (local.h). */
int
fclose(FILE *fp)
{
	int r;

	FLOCKFILE();
	r = fclose_unlocked(fp);
	FUNLOCKFILE();
	return (r);
}
