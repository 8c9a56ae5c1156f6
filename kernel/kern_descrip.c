/*
 * kern_descrip.c - files and descriptor tables (see file.h), and the
 * system calls on descriptors themselves: close, dup, dup2, fcntl,
 * fstat.
 */
#include <sys/errno.h>
#include <sys/fcntl.h>
#include <kernel/systm.h>
#include <kernel/machdep.h>
#include <kernel/malloc.h>
#include <kernel/mutex.h>
#include <kernel/file.h>
#include <kernel/proc.h>
#include <kernel/syscallvar.h>

MALLOC_DEFINE(M_FILE, "file", "open files and descriptor tables");

/* falloc: see file.h. */
struct file *
falloc(const struct fileops *ops, void *data, int flag)
{
	struct file *fp;

	fp = malloc(sizeof(*fp), M_FILE, M_NOWAIT | M_ZERO);
	if (fp == NULL)
		return (NULL);
	fp->f_ops = ops;
	fp->f_data = data;
	fp->f_flag = flag;
	fp->f_count = 1;
	return (fp);
}

/* fhold: see file.h. */
void
fhold(struct file *fp)
{
	unsigned long s;

	s = intr_disable();
	fp->f_count++;
	intr_restore(s);
}

/* fdrop: see file.h. */
void
fdrop(struct file *fp)
{
	unsigned long s;
	int left;

	s = intr_disable();
	KASSERT(fp->f_count > 0, ("fdrop: file %p has no references", fp));
	left = --fp->f_count;
	intr_restore(s);
	if (left > 0)
		return;
	if (fp->f_ops->fo_close != NULL)
		fp->f_ops->fo_close(fp);
	free(fp, M_FILE);
}

/*
 * The descriptors `td`'s process may use: those below its RLIMIT_NOFILE
 * (soft), which setrlimit keeps at most NDFILE.  Descriptors open at or
 * above a lowered limit stay usable; new ones are not made there.
 */
static int
getmaxfd(struct thread *td)
{
	return ((int)MIN(lim_cur(td->td_proc, RLIMIT_NOFILE), NDFILE));
}

/*
 * The lowest free descriptor >= min below `maxfd`, or -1.  Table
 * locked.
 */
static int
fd_lowest_free(struct filedesc *fdp, int min, int maxfd)
{
	int fd;

	for (fd = min; fd < maxfd; fd++)
		if (fdp->fd_files[fd] == NULL)
			return (fd);
	return (-1);
}

/* fdalloc_flags: see file.h. */
int
fdalloc_flags(struct filedesc *fdp, struct file *fp, int min, int flags,
    int *fdp_out)
{
	int fd, maxfd = getmaxfd(curthread);

	mtx_lock(&fdp->fd_mtx);
	if ((fd = fd_lowest_free(fdp, min, maxfd)) >= 0) {
		fdp->fd_files[fd] = fp;
		fdp->fd_flags[fd] = (uint8_t)flags;
		*fdp_out = fd;
	}
	mtx_unlock(&fdp->fd_mtx);
	return (fd >= 0 ? 0 : EMFILE);
}

/* fdalloc: see file.h. */
int
fdalloc(struct filedesc *fdp, struct file *fp, int min, int *fdp_out)
{
	return (fdalloc_flags(fdp, fp, min, 0, fdp_out));
}

/* fdunalloc: see file.h. */
bool
fdunalloc(struct filedesc *fdp, int fd, struct file *fp)
{
	bool ours;

	mtx_lock(&fdp->fd_mtx);
	if ((ours = fdp->fd_files[fd] == fp)) {
		fdp->fd_files[fd] = NULL;
		fdp->fd_flags[fd] = 0;
	}
	mtx_unlock(&fdp->fd_mtx);
	return (ours);
}

/* fget: see file.h. */
int
fget(struct thread *td, int fd, struct file **fpp)
{
	struct filedesc *fdp = td->td_proc->p_fd;
	struct file *fp = NULL;

	if (fdp == NULL || fd < 0 || fd >= NDFILE)
		return (EBADF);
	mtx_lock(&fdp->fd_mtx);
	if ((fp = fdp->fd_files[fd]) != NULL)
		fhold(fp);
	mtx_unlock(&fdp->fd_mtx);
	if (fp == NULL)
		return (EBADF);
	*fpp = fp;
	return (0);
}

/* fdinit: see file.h. */
struct filedesc *
fdinit(void)
{
	struct filedesc *fdp;

	fdp = malloc(sizeof(struct filedesc), M_FILE, M_NOWAIT | M_ZERO);
	if (fdp != NULL)
		mtx_init(&fdp->fd_mtx, "filedesc");
	return (fdp);
}

/* fdcopy: see file.h.  Other threads may change the table meanwhile. */
struct filedesc *
fdcopy(struct filedesc *fdp)
{
	struct filedesc *new;
	int fd;

	if ((new = fdinit()) == NULL)
		return (NULL);
	mtx_lock(&fdp->fd_mtx);
	for (fd = 0; fd < NDFILE; fd++)
		if (fdp->fd_files[fd] != NULL) {
			new->fd_files[fd] = fdp->fd_files[fd];
			new->fd_flags[fd] = fdp->fd_flags[fd];
			fhold(new->fd_files[fd]);
		}
	mtx_unlock(&fdp->fd_mtx);
	return (new);
}

/*
 * Close descriptor `fd` of `fdp`: 0, or EBADF if it is not open.  The
 * file's last reference may go (its close runs) after the table is
 * unlocked.
 */
static int
fdclose(struct filedesc *fdp, int fd)
{
	struct file *fp;

	mtx_lock(&fdp->fd_mtx);
	if ((fp = fdp->fd_files[fd]) != NULL) {
		fdp->fd_files[fd] = NULL;
		fdp->fd_flags[fd] = 0;
	}
	mtx_unlock(&fdp->fd_mtx);
	if (fp == NULL)
		return (EBADF);
	fdrop(fp);
	return (0);
}

/* fdfree: see file.h.  The process has one thread left. */
void
fdfree(struct filedesc *fdp)
{
	int fd;

	for (fd = 0; fd < NDFILE; fd++)
		(void)fdclose(fdp, fd);
	free(fdp, M_FILE);
}

/* fdcloseexec: see file.h.  The process has one thread left. */
void
fdcloseexec(struct filedesc *fdp)
{
	int fd;

	for (fd = 0; fd < NDFILE; fd++)
		if ((fdp->fd_flags[fd] & FD_CLOEXEC) != 0)
			(void)fdclose(fdp, fd);
}

/* dirent_copyout: see file.h.  Records are 8-byte aligned. */
int
dirent_copyout(void *ubuf, size_t len, size_t *done, uint64_t fileno,
    __off_t next, int type, const char *name)
{
	struct dirent d;
	size_t namlen = strlen(name), reclen;
	int error;

	reclen = (offsetof(struct dirent, d_name) + namlen + 1 + 7) &
	    ~(size_t)7;
	if (reclen > len - *done)
		return (ENOSPC);
	memset(&d, 0, sizeof(d));
	d.d_fileno = fileno;
	d.d_off = next;
	d.d_reclen = (uint16_t)reclen;
	d.d_type = (uint8_t)type;
	d.d_namlen = (uint16_t)namlen;
	memcpy(d.d_name, name, namlen + 1);
	if ((error = copyout(&d, (char *)ubuf + *done, reclen)) != 0)
		return (error);
	*done += reclen;
	return (0);
}

/*
 * The table of curthread's process if `fd` is in its range, else NULL
 * (whether it is open is for the caller to check, locked).
 */
static struct filedesc *
fd_table(struct thread *td, int fd)
{
	struct filedesc *fdp = td->td_proc->p_fd;

	if (fdp == NULL || fd < 0 || fd >= NDFILE)
		return (NULL);
	return (fdp);
}

/* sys_close: close(fd). */
int
sys_close(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	struct filedesc *fdp;
	int fd = (int)args[0];

	(void)retval;
	if ((fdp = fd_table(td, fd)) == NULL)
		return (EBADF);
	return (fdclose(fdp, fd));
}

/* Duplicate `fd` at the lowest free descriptor >= min. */
static int
kern_dup(struct thread *td, int fd, int min, int cloexec,
    syscallarg_t *retval)
{
	struct filedesc *fdp;
	int error = 0, new, maxfd = getmaxfd(td);

	if ((fdp = fd_table(td, fd)) == NULL)
		return (EBADF);
	if (min < 0 || min >= maxfd)
		return (EINVAL);
	mtx_lock(&fdp->fd_mtx);
	if (fdp->fd_files[fd] == NULL)
		error = EBADF;
	else if ((new = fd_lowest_free(fdp, min, maxfd)) < 0)
		error = EMFILE;
	else {
		fdp->fd_files[new] = fdp->fd_files[fd];
		fdp->fd_flags[new] = (uint8_t)cloexec;
		fhold(fdp->fd_files[new]);
		retval[0] = new;
	}
	mtx_unlock(&fdp->fd_mtx);
	return (error);
}

/* sys_dup: dup(fd). */
int
sys_dup(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	return (kern_dup(td, (int)args[0], 0, 0, retval));
}

/*
 * sys_dup2: dup2(from, to): `to` is closed first unless it is `from`.
 * EBADF if `from` is not open or `to` is not below RLIMIT_NOFILE.
 */
int
sys_dup2(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	struct filedesc *fdp;
	struct file *old = NULL;
	int from = (int)args[0], to = (int)args[1], error = 0;

	if ((fdp = fd_table(td, from)) == NULL)
		return (EBADF);
	mtx_lock(&fdp->fd_mtx);
	if (fdp->fd_files[from] == NULL || to < 0 || to >= getmaxfd(td))
		error = EBADF;
	else if (from != to) {
		old = fdp->fd_files[to];
		fhold(fdp->fd_files[from]);
		fdp->fd_files[to] = fdp->fd_files[from];
		fdp->fd_flags[to] = 0;
	}
	mtx_unlock(&fdp->fd_mtx);
	if (old != NULL)
		fdrop(old);
	if (error == 0)
		retval[0] = to;
	return (error);
}

/* sys_fcntl: fcntl(fd, cmd, arg): F_DUPFD, F_GETFD/SETFD, F_GETFL/SETFL. */
int
sys_fcntl(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	struct filedesc *fdp;
	struct file *fp;
	int fd = (int)args[0], cmd = (int)args[1], error = 0;
	long arg = (long)args[2];

	if ((fdp = fd_table(td, fd)) == NULL)
		return (EBADF);
	mtx_lock(&fdp->fd_mtx);
	if ((fp = fdp->fd_files[fd]) == NULL)
		error = EBADF;
	else switch (cmd) {
	case F_DUPFD:
		break;
	case F_GETFD:
		retval[0] = fdp->fd_flags[fd];
		break;
	case F_SETFD:
		fdp->fd_flags[fd] = (arg & FD_CLOEXEC) != 0 ? FD_CLOEXEC : 0;
		break;
	case F_GETFL:
		retval[0] = fp->f_flag;
		break;
	case F_SETFL:
		/* Only these may change; the access mode stays. */
		fp->f_flag = (fp->f_flag & ~(O_APPEND | O_NONBLOCK)) |
		    (arg & (O_APPEND | O_NONBLOCK));
		break;
	default:
		error = EINVAL;
	}
	mtx_unlock(&fdp->fd_mtx);
	if (error == 0 && cmd == F_DUPFD)
		return (kern_dup(td, fd, (int)arg, 0, retval));
	return (error);
}

/* sys_fstat: fstat(fd, sb). */
int
sys_fstat(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	struct file *fp;
	struct stat sb;
	int error;

	(void)retval;
	if ((error = fget(td, (int)args[0], &fp)) != 0)
		return (error);
	memset(&sb, 0, sizeof(sb));
	error = fp->f_ops->fo_stat(fp, &sb);
	fdrop(fp);
	if (error == 0)
		error = copyout(&sb, (void *)args[1], sizeof(sb));
	return (error);
}
