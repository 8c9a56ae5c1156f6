/*
 * sys_pipe.c - pipes: pipe2(2), a buffer of PIPE_SIZE bytes between a
 * read end and a write end.
 *
 * A reader waits while the pipe is empty and a writer exists; with no
 * writer left it reads end of file.  A writer waits while the pipe is
 * full; with no reader left it gets EPIPE (SIGPIPE comes with the
 * signal work).  Writes of at most PIPE_BUF bytes are atomic (never
 * interleaved with another writer's).  O_NONBLOCK gives EAGAIN instead
 * of waiting.  The waits are interruptible (PCATCH).
 *
 * Locking: the pipe's state changes with interrupts disabled around
 * each test-and-sleep (one CPU); the copies run with interrupts on.
 */
#include <sys/errno.h>
#include <sys/fcntl.h>
#include <kernel/systm.h>
#include <kernel/machdep.h>
#include <kernel/malloc.h>
#include <kernel/file.h>
#include <kernel/proc.h>
#include <kernel/sleep.h>
#include <kernel/syscallvar.h>

MALLOC_DEFINE(M_PIPE, "pipe", "pipes");

#define PIPE_SIZE	4096
#define PIPE_BUF	512	/* writes up to this size are atomic */
#define PIPE_DEV	3	/* st_dev of pipes */

struct pipe {
	char		buf[PIPE_SIZE];
	size_t		start;		/* first unread byte */
	size_t		count;		/* unread bytes */
	bool		reader, writer;	/* the ends still open */
	uint64_t	ino;
};

static uint64_t pipe_next_ino = 1;

static int
pipe_read(struct file *fp, void *ubuf, size_t len, size_t *done)
{
	struct pipe *p = fp->f_data;
	unsigned long s;
	size_t n;
	int error = 0;

	*done = 0;
	if (len == 0)
		return (0);
	s = intr_disable();
	while (p->count == 0 && p->writer) {
		if ((fp->f_flag & O_NONBLOCK) != 0) {
			intr_restore(s);
			return (EAGAIN);
		}
		if ((error = tsleep(p, PCATCH, "piperd", 0)) != 0) {
			intr_restore(s);
			return (error);
		}
	}
	intr_restore(s);
	while (*done < len && p->count > 0) {
		/* Up to the end of the buffer, then around. */
		n = MIN(MIN(len - *done, p->count), PIPE_SIZE - p->start);
		if ((error = copyout(p->buf + p->start, (char *)ubuf + *done,
		    n)) != 0)
			break;
		s = intr_disable();
		p->start = (p->start + n) % PIPE_SIZE;
		p->count -= n;
		intr_restore(s);
		*done += n;
	}
	wakeup(p);		/* room for writers */
	return (*done > 0 ? 0 : error);
}

static int
pipe_write(struct file *fp, const void *ubuf, size_t len, size_t *done)
{
	struct pipe *p = fp->f_data;
	unsigned long s;
	size_t n, room, want, end;
	int error = 0;

	*done = 0;
	while (*done < len) {
		/* A small write waits for room for all of it (atomic). */
		want = len - *done <= PIPE_BUF ? len - *done : 1;
		s = intr_disable();
		while (p->reader && PIPE_SIZE - p->count < want) {
			if ((fp->f_flag & O_NONBLOCK) != 0) {
				intr_restore(s);
				return (*done > 0 ? 0 : EAGAIN);
			}
			if ((error = tsleep(p, PCATCH, "pipewr", 0)) != 0) {
				intr_restore(s);
				return (*done > 0 ? 0 : error);
			}
		}
		intr_restore(s);
		if (!p->reader)
			return (*done > 0 ? 0 : EPIPE);
		room = PIPE_SIZE - p->count;
		end = (p->start + p->count) % PIPE_SIZE;
		n = MIN(MIN(len - *done, room), PIPE_SIZE - end);
		if ((error = copyin((const char *)ubuf + *done, p->buf + end,
		    n)) != 0)
			break;
		s = intr_disable();
		p->count += n;
		intr_restore(s);
		*done += n;
		wakeup(p);	/* data for readers */
	}
	return (*done > 0 ? 0 : error);
}

static int
pipe_stat(struct file *fp, struct stat *sb)
{
	struct pipe *p = fp->f_data;

	memset(sb, 0, sizeof(*sb));
	sb->st_dev = PIPE_DEV;
	sb->st_ino = p->ino;
	sb->st_mode = S_IFIFO | 0600;
	sb->st_nlink = 1;
	sb->st_size = (__off_t)p->count;
	sb->st_blksize = PIPE_SIZE;
	return (0);
}

/* One end closes; the pipe goes with the second. */
static void
pipe_close(struct file *fp)
{
	struct pipe *p = fp->f_data;
	unsigned long s;
	bool last;

	s = intr_disable();
	if ((fp->f_flag & O_ACCMODE) == O_RDONLY)
		p->reader = false;
	else
		p->writer = false;
	last = !p->reader && !p->writer;
	wakeup(p);		/* the other end sees EOF or EPIPE */
	intr_restore(s);
	if (last)
		free(p, M_PIPE);
}

static const struct fileops pipe_ops = {
	.fo_read = pipe_read,
	.fo_write = pipe_write,
	.fo_stat = pipe_stat,
	.fo_close = pipe_close,
};

/*
 * sys_pipe2: pipe2(fds, flags): fds[0] reads, fds[1] writes; flags
 * O_CLOEXEC and O_NONBLOCK.
 */
int
sys_pipe2(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	struct filedesc *fdp = td->td_proc->p_fd;
	int flags = (int)args[1], fds[2] = { -1, -1 }, error, fdflags;
	struct file *rf, *wf;
	struct pipe *p;

	(void)retval;
	if ((flags & ~(O_CLOEXEC | O_NONBLOCK)) != 0)
		return (EINVAL);
	if (fdp == NULL)
		return (EMFILE);
	if ((p = malloc(sizeof(*p), M_PIPE, M_NOWAIT | M_ZERO)) == NULL)
		return (ENOMEM);
	p->reader = p->writer = true;
	p->ino = pipe_next_ino++;
	rf = falloc(&pipe_ops, p, O_RDONLY | (flags & O_NONBLOCK));
	wf = falloc(&pipe_ops, p, O_WRONLY | (flags & O_NONBLOCK));
	if (rf == NULL || wf == NULL) {
		/* A missing end counts as closed; the last close frees p. */
		p->reader = rf != NULL;
		p->writer = wf != NULL;
		if (rf != NULL)
			fdrop(rf);
		if (wf != NULL)
			fdrop(wf);
		if (rf == NULL && wf == NULL)
			free(p, M_PIPE);
		return (ENOMEM);
	}
	fdflags = (flags & O_CLOEXEC) != 0 ? FD_CLOEXEC : 0;
	if ((error = fdalloc_flags(fdp, rf, 0, fdflags, &fds[0])) != 0 ||
	    (error = fdalloc_flags(fdp, wf, 0, fdflags, &fds[1])) != 0) {
		/* Another thread may have closed fds[0] meanwhile. */
		if (fds[0] < 0 || fdunalloc(fdp, fds[0], rf))
			fdrop(rf);
		fdrop(wf);
		return (error);
	}
	if ((error = copyout(fds, (void *)args[0], sizeof(fds))) != 0) {
		if (fdunalloc(fdp, fds[0], rf))
			fdrop(rf);
		if (fdunalloc(fdp, fds[1], wf))
			fdrop(wf);
	}
	return (error);
}
