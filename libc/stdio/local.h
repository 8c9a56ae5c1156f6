/*
 * local.h - private to stdio: what a FILE is, and the internal
 * functions the stream operations share.
 *
 * A stream is a descriptor with a buffer.  The buffer holds either
 * output not yet written (buf[0 .. wlen)) or input read ahead and not
 * yet consumed (buf[rpos .. rlen)), never both: switching direction
 * first flushes the output, or drops the read-ahead (C asks for an
 * fflush or a seek between the two, which account for it: fseek.c,
 * fflush.c).
 *
 * Buffering: fully buffered output is written when the buffer fills,
 * line-buffered output also after every write that contains a newline,
 * unbuffered output at once; unbuffered input is read one byte per
 * read(2), into the one-byte buffer `nbuf`.
 */
#ifndef _LIBC_STDIO_LOCAL_H_
#define _LIBC_STDIO_LOCAL_H_

#include <stdio.h>

#include "libc_private.h"

/* flags */
#define S_RD		0x0001	/* open for reading */
#define S_WR		0x0002	/* open for writing */
#define S_EOF		0x0004	/* end-of-file indicator */
#define S_ERR		0x0008	/* error indicator */
#define S_LBF		0x0010	/* line buffered */
#define S_NBF		0x0020	/* unbuffered */
#define S_MYBUF		0x0040	/* buf was malloc'd here: free it */
#define S_STATIC	0x0080	/* stdin, stdout, stderr: never freed */

struct __sFILE {
	int		fd;
	int		flags;		/* S_* */
	unsigned char	*buf;		/* NULL until the first I/O */
	size_t		size;		/* of buf; 0: BUFSIZ when made */
	size_t		wlen;		/* output waiting in buf[0 .. wlen) */
	size_t		rpos;		/* input waiting in buf[rpos .. rlen) */
	size_t		rlen;
	int		ungot;		/* the byte ungetc pushed back, or EOF */
	unsigned char	nbuf;		/* the buffer of unbuffered input */
	FILE		*next;		/* every open stream (__stdio_streams) */
};

/* The list of open streams, stdin first; fflush(NULL) walks it. */
extern FILE	*__stdio_streams;

/*
 * Threads: one lock for all of stdio (streams, their buffers, the list
 * of streams), recursive, so a function that holds it may call one
 * that takes it (printf -> fputc in a format's sink, getline ->
 * refill -> flushing stdout).  Every public function that touches a
 * stream takes it for its whole call, so one printf is one piece of
 * output; flockfile takes it for longer.  It is a libc lock
 * (gen/libc_lock.c): nothing to take while the program has one thread.
 */
extern struct __libc_lock __stdio_lock;
#define FLOCKFILE()	__libc_rlock(&__stdio_lock)
#define FUNLOCKFILE()	__libc_runlock(&__stdio_lock)

/*
 * Give fp its buffer if it has none yet: `size` bytes (BUFSIZ if 0)
 * from malloc, or the one-byte nbuf if it is unbuffered or malloc
 * fails (the stream then is unbuffered).
 */
void	__stdio_makebuf(FILE *fp);

/*
 * Write out fp's pending output.  Returns 0, or EOF with the error
 * indicator and errno set; output not written stays buffered.
 */
int	__stdio_flush(FILE *fp);

/*
 * Write the len bytes at buf to descriptor fd, however many write(2)
 * calls that takes.  Returns the number written: len, or fewer with
 * errno set if a write failed.
 */
size_t	__stdio_write_all(int fd, const void *buf, size_t len);

/*
 * Put len bytes at buf on fp, buffered as fp says.  Returns 0, or EOF
 * if a write failed on the way (the error indicator and errno are
 * set).  If taken is not NULL, *taken is how many of the bytes fp
 * took: written, or copied into its buffer to be written later (even
 * after a failure: a flush retries them).
 */
int	__stdio_write(FILE *fp, const void *buf, size_t len, size_t *taken);

/*
 * Make fp ready for reading: output flushed, and, if its buffer of
 * input is empty, refilled by one read(2).  Reading from a
 * line-buffered or unbuffered stream first flushes every line-buffered
 * output stream, so a prompt shows before the program waits for its
 * answer.  Returns 0 if input is waiting in buf[rpos .. rlen), or EOF
 * with the end-of-file or error indicator set.
 */
int	__stdio_refill(FILE *fp);

/*
 * Parse an fopen mode ("r", "w+", "ab", ...).  Sets *oflags to the
 * open(2) flags and returns the stream's S_RD/S_WR flags, or 0 with
 * errno EINVAL for a mode that is not one.
 */
int	__stdio_mode(const char *mode, int *oflags);

/*
 * A stream for descriptor fd with the given S_* flags, on the list of
 * open streams; NULL with errno ENOMEM if there is no memory.
 */
FILE	*__stdio_alloc(int fd, int flags);

/* Take fp off the list of open streams and free it and its buffer. */
void	__stdio_free(FILE *fp);

#endif /* !_LIBC_STDIO_LOCAL_H_ */
