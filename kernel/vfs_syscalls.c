/*
 * vfs_syscalls.c - the system calls that take a path: open and fstatat
 * (stat, lstat).  The *at() forms start relative paths only at
 * AT_FDCWD for now (there are no directory descriptors to start from).
 */
#include <sys/errno.h>
#include <sys/fcntl.h>
#include <kernel/systm.h>
#include <kernel/file.h>
#include <kernel/malloc.h>
#include <kernel/proc.h>
#include <kernel/syscallvar.h>

#define PATH_MAX	1024

/* Copy in a path; ENAMETOOLONG, EFAULT.  Free it with M_TEMP. */
static int
path_copyin(const void *upath, char **pathp)
{
	char *path;
	int error;

	path = malloc(PATH_MAX, M_TEMP, M_NOWAIT);
	if (path == NULL)
		return (ENOMEM);
	error = copyinstr(upath, path, PATH_MAX, NULL);
	if (error != 0) {
		free(path, M_TEMP);
		return (error);
	}
	*pathp = path;
	return (0);
}

/* sys_open: open(path, flags, mode). */
int
sys_open(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	struct filedesc *fdp = td->td_proc->p_fd;
	struct file *fp;
	char *path;
	int error, fd, flags = (int)args[1];

	if ((flags & O_ACCMODE) == O_ACCMODE)
		return (EINVAL);
	if (fdp == NULL)
		return (EMFILE);
	if ((error = path_copyin((const void *)args[0], &path)) != 0)
		return (error);
	error = vfs_open(path, flags, &fp);
	free(path, M_TEMP);
	if (error != 0)
		return (error);
	if ((error = fdalloc_flags(fdp, fp, 0, (flags & O_CLOEXEC) != 0 ?
	    FD_CLOEXEC : 0, &fd)) != 0) {
		fdrop(fp);
		return (error);
	}
	retval[0] = fd;
	return (0);
}

/* sys_fstatat: fstatat(AT_FDCWD, path, sb, flags). */
int
sys_fstatat(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	struct stat sb;
	char *path;
	int error, flags = (int)args[3];

	(void)td;
	(void)retval;
	if ((flags & ~AT_SYMLINK_NOFOLLOW) != 0)
		return (EINVAL);
	if ((error = path_copyin((const void *)args[1], &path)) != 0)
		return (error);
	/* A relative path would start at the descriptor's directory. */
	if (path[0] != '/' && (int)args[0] != AT_FDCWD) {
		free(path, M_TEMP);
		return (EBADF);
	}
	error = vfs_stat(path, (flags & AT_SYMLINK_NOFOLLOW) != 0, &sb);
	free(path, M_TEMP);
	if (error == 0)
		error = copyout(&sb, (void *)args[2], sizeof(sb));
	return (error);
}
