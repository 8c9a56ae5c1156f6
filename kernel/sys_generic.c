/*
 * sys_generic.c - the system calls that work on any open file: read,
 * write, lseek, getdirentries, ioctl.  What happens is the file's
 * kind's business (struct fileops, file.h).
 */
#include <sys/errno.h>
#include <sys/fcntl.h>
#include <sys/ioccom.h>
#include <kernel/systm.h>
#include <kernel/file.h>
#include <kernel/proc.h>
#include <kernel/signalvar.h>
#include <kernel/syscallvar.h>

/* A byte count a system call may take: it must fit a ssize_t. */
static bool
io_len_ok(size_t len)
{
	return ((long)len >= 0);
}

/* sys_read: read(fd, buf, nbyte). */
int
sys_read(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	struct file *fp;
	size_t done = 0;
	int error;

	if (!io_len_ok(args[2]))
		return (EINVAL);
	if ((error = fget(td, (int)args[0], &fp)) != 0)
		return (error);
	if ((fp->f_flag & O_ACCMODE) == O_WRONLY)
		error = EBADF;
	else if (fp->f_ops->fo_read == NULL)
		error = fp->f_ops->fo_getdents != NULL ? EISDIR : EBADF;
	else
		error = fp->f_ops->fo_read(fp, (void *)args[1], args[2], &done);
	fdrop(fp);
	retval[0] = done;
	return (error);
}

/* sys_write: write(fd, buf, nbyte). */
int
sys_write(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	struct file *fp;
	size_t done = 0;
	int error;

	if (!io_len_ok(args[2]))
		return (EINVAL);
	if ((error = fget(td, (int)args[0], &fp)) != 0)
		return (error);
	if ((fp->f_flag & O_ACCMODE) == O_RDONLY ||
	    fp->f_ops->fo_write == NULL)
		error = EBADF;
	else
		error = fp->f_ops->fo_write(fp, (const void *)args[1], args[2],
		    &done);
	fdrop(fp);
	/* Writing where nobody reads raises SIGPIPE (and EPIPE). */
	if (error == EPIPE)
		psignal(td->td_proc, SIGPIPE, SI_USER, td->td_proc->p_pid, 0);
	/* Some bytes written and then an error: the count wins. */
	if (error != 0 && done > 0 && error != EFAULT)
		error = 0;
	retval[0] = done;
	return (error);
}

/*
 * sys_lseek: lseek(fd, offset, whence).  The offset is a register: all
 * of off_t on amd64, its low 32 bits (sign-extended) on i386.
 */
int
sys_lseek(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	struct file *fp;
	struct stat sb;
	__off_t off = (long)args[1], base;
	int error, whence = (int)args[2];

	if ((error = fget(td, (int)args[0], &fp)) != 0)
		return (error);
	if (!fp->f_ops->fo_seekable) {
		fdrop(fp);
		return (ESPIPE);
	}
	switch (whence) {
	case SEEK_SET:
		base = 0;
		break;
	case SEEK_CUR:
		base = fp->f_offset;
		break;
	case SEEK_END:
		memset(&sb, 0, sizeof(sb));
		if ((error = fp->f_ops->fo_stat(fp, &sb)) != 0) {
			fdrop(fp);
			return (error);
		}
		base = sb.st_size;
		break;
	default:
		fdrop(fp);
		return (EINVAL);
	}
	if ((off > 0 && base > INT64_MAX - off) || base + off < 0) {
		fdrop(fp);
		return (EINVAL);
	}
	fp->f_offset = base + off;
	retval[0] = (syscallarg_t)fp->f_offset;
	/* A 32-bit machine returns the 64-bit offset in two registers. */
	if (sizeof(syscallarg_t) < sizeof(fp->f_offset))
		retval[1] = (syscallarg_t)((uint64_t)fp->f_offset >>
		    (4 * sizeof(syscallarg_t)) >> (4 * sizeof(syscallarg_t)));
	fdrop(fp);
	return (0);
}

/*
 * sys_getdirentries: getdirentries(fd, buf, nbytes, basep): as many
 * whole struct dirent records as fit; 0 at the end of the directory.
 * basep (if not NULL) gets the offset before the read.
 */
int
sys_getdirentries(struct thread *td, syscallarg_t *args,
    syscallarg_t *retval)
{
	struct file *fp;
	__off_t base;
	size_t done = 0;
	int error;

	if (!io_len_ok(args[2]))
		return (EINVAL);
	if ((error = fget(td, (int)args[0], &fp)) != 0)
		return (error);
	base = fp->f_offset;
	if (fp->f_ops->fo_getdents == NULL)
		error = ENOTDIR;
	else
		error = fp->f_ops->fo_getdents(fp, (void *)args[1], args[2],
		    &done);
	fdrop(fp);
	if (error == 0 && args[3] != 0)
		error = copyout(&base, (void *)args[3], sizeof(base));
	retval[0] = done;
	return (error);
}

/* The largest ioctl argument copied in or out. */
#define IOCTL_ARG_MAX	128

/*
 * sys_ioctl: ioctl(fd, request, arg).  The request says how big its
 * argument is and which way it goes (sys/ioccom.h): it is copied into
 * the kernel before the file's fo_ioctl and back out after.  ENOTTY
 * for a file that takes no requests (not a terminal) or a request
 * whose argument is too big, EBADF, EFAULT.
 */
int
sys_ioctl(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	u_long cmd = (uint32_t)args[1];
	void *uarg = (void *)args[2];
	uint64_t data[IOCTL_ARG_MAX / sizeof(uint64_t)];
	size_t size = IOCPARM_LEN(cmd);
	struct file *fp;
	int error;

	(void)retval;
	if ((error = fget(td, (int)args[0], &fp)) != 0)
		return (error);
	if (fp->f_ops->fo_ioctl == NULL || size > sizeof(data) ||
	    (cmd & IOC_DIRMASK) == 0) {
		fdrop(fp);
		return (ENOTTY);
	}
	memset(data, 0, sizeof(data));
	if ((cmd & IOC_IN) != 0 && size > 0)
		error = copyin(uarg, data, size);
	if (error == 0)
		error = fp->f_ops->fo_ioctl(fp, cmd, data);
	if (error == 0 && (cmd & IOC_OUT) != 0 && size > 0)
		error = copyout(data, uarg, size);
	fdrop(fp);
	return (error);
}
