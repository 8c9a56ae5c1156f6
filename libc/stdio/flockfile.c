/*
 * flockfile.c - holding streams across several calls: flockfile,
 * ftrylockfile, funlockfile.  stdio has one lock for all its streams
 * (local.h), so these hold every stream, not only fp; the lock is
 * recursive, so the stream functions still work for the holder.
 */
#include "local.h"

/* Take the stdio lock (waiting for another thread to let go). */
void
flockfile(FILE *fp)
{
	(void)fp;
	FLOCKFILE();
}

/* Take the stdio lock if it is free or ours: 0, else nonzero. */
int
ftrylockfile(FILE *fp)
{
	(void)fp;
	return (__libc_rtrylock(&__stdio_lock));
}

/* Let go of one flockfile (or successful ftrylockfile). */
void
funlockfile(FILE *fp)
{
	(void)fp;
	FUNLOCKFILE();
}
