/*
 * vfs_syscalls.c - the system calls that take a path, or change a file
 * through a descriptor: open, fstatat (stat, lstat), unlink, mkdir,
 * rmdir, rename, chmod, fchmod, truncate, ftruncate, umask.  The *at()
 * forms start relative paths only at AT_FDCWD for now (there are no
 * directory descriptors to start from).
 *
 * Each takes vfs_lock (kernel/mount.h) around its lookup and its change,
 * so what it checked still holds when it acts.  The error a call gives
 * when several apply follows FreeBSD: the lookup's first, then EROFS,
 * then the type, then the permissions.
 */
#include <sys/errno.h>
#include <sys/fcntl.h>
#include <kernel/systm.h>
#include <kernel/file.h>
#include <kernel/malloc.h>
#include <kernel/mount.h>
#include <kernel/priv.h>
#include <kernel/proc.h>
#include <kernel/syscallvar.h>
#include <kernel/ucred.h>

/* Copy in a path; ENAMETOOLONG, EFAULT.  Free it with M_TEMP. */
static int
path_copyin(const void *upath, char **pathp)
{
	char *path;
	int error;

	path = malloc(VFS_PATH_MAX, M_TEMP, M_NOWAIT);
	if (path == NULL)
		return (ENOMEM);
	error = copyinstr(upath, path, VFS_PATH_MAX, NULL);
	if (error != 0) {
		free(path, M_TEMP);
		return (error);
	}
	*pathp = path;
	return (0);
}

static const struct ucred *
td_cred(struct thread *td)
{
	return (&td->td_proc->p_ucred);
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
	error = vfs_open(path, flags, (int)args[2], &fp);
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

/*
 * Copy in the path at `upath`, take vfs_lock and look it up with
 * `flags`; on success the lock is held and the path freed.
 */
static int
namei_user(struct thread *td, const void *upath, int flags,
    struct nameidata *nd)
{
	char *path;
	int error;

	if ((error = path_copyin(upath, &path)) != 0)
		return (error);
	vfs_lock();
	error = vfs_namei(path, flags, td_cred(td), nd);
	free(path, M_TEMP);
	if (error != 0)
		vfs_unlock();
	return (error);
}

/* Whether `vn` is the root of its mount (a mount point, or "/"). */
static bool
vn_is_mount_root(struct vfsnode vn)
{
	return (vn.vn_data == vn.vn_mount->mnt_root);
}

/*
 * May `td` change entries of directory `dir` (write and search), and
 * remove or replace `node` there?  In a sticky directory only the
 * owner of the directory or of the node, or the superuser, may.
 */
static int
dir_may_change(struct thread *td, struct vfsnode dir, struct vfsnode node)
{
	const struct ucred *cred = td_cred(td);
	struct stat dsb, nsb;
	int error;

	vfs_getattr(dir, &dsb);
	if ((error = vfs_access_stat(&dsb, cred, VWRITE | VEXEC)) != 0)
		return (error);
	if (node.vn_data == NULL || (dsb.st_mode & S_ISVTX) == 0)
		return (0);
	vfs_getattr(node, &nsb);
	if (cred->cr_uid == dsb.st_uid || cred->cr_uid == nsb.st_uid)
		return (0);
	return (priv_check_cred(cred, PRIV_VFS_ADMIN));
}

/* Whether `name` is "." or "..". */
static bool
name_is_dot(const char *name)
{
	return (strcmp(name, ".") == 0 || strcmp(name, "..") == 0);
}

/* sys_unlink: unlink(path).  A directory is EPERM (use rmdir). */
int
sys_unlink(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	struct nameidata nd;
	struct stat sb;
	int error;

	(void)retval;
	if ((error = namei_user(td, (const void *)args[0], 0, &nd)) != 0)
		return (error);
	vfs_getattr(nd.ni_vp, &sb);
	if (S_ISDIR(sb.st_mode) || vn_is_mount_root(nd.ni_vp))
		error = EPERM;
	else if (nd.ni_dvp.vn_mount->mnt_op->vop_remove == NULL)
		error = EROFS;
	else if ((error = dir_may_change(td, nd.ni_dvp, nd.ni_vp)) == 0)
		error = nd.ni_dvp.vn_mount->mnt_op->vop_remove(
		    nd.ni_dvp.vn_data, nd.ni_name, nd.ni_vp.vn_data);
	vfs_unlock();
	return (error);
}

/* sys_mkdir: mkdir(path, mode): mode & ~umask, the creator's ids. */
int
sys_mkdir(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	const struct vnops *ops;
	struct nameidata nd;
	void *node;
	int error;

	(void)retval;
	if ((error = namei_user(td, (const void *)args[0], NAMEI_PARENT,
	    &nd)) != 0)
		return (error);
	ops = nd.ni_dvp.vn_mount->mnt_op;
	if (nd.ni_vp.vn_data != NULL)
		error = EEXIST;
	else if (ops->vop_create == NULL)
		error = EROFS;
	else if ((error = dir_may_change(td, nd.ni_dvp, nd.ni_vp)) == 0)
		error = ops->vop_create(nd.ni_dvp.vn_data, nd.ni_name, S_IFDIR,
		    (__mode_t)((int)args[1] & 07777 & ~td->td_proc->p_umask),
		    td_cred(td), &node);
	vfs_unlock();
	return (error);
}

/* sys_rmdir: rmdir(path).  "." is EINVAL, ".." ENOTEMPTY, mounts EBUSY. */
int
sys_rmdir(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	struct nameidata nd;
	struct stat sb;
	int error;

	(void)retval;
	if ((error = namei_user(td, (const void *)args[0], 0, &nd)) != 0)
		return (error);
	vfs_getattr(nd.ni_vp, &sb);
	if (strcmp(nd.ni_name, ".") == 0)
		error = EINVAL;
	else if (strcmp(nd.ni_name, "..") == 0)
		error = ENOTEMPTY;
	else if (!S_ISDIR(sb.st_mode))
		error = ENOTDIR;
	else if (vn_is_mount_root(nd.ni_vp))
		error = EBUSY;
	else if (nd.ni_dvp.vn_mount->mnt_op->vop_rmdir == NULL)
		error = EROFS;
	else if ((error = dir_may_change(td, nd.ni_dvp, nd.ni_vp)) == 0)
		error = nd.ni_dvp.vn_mount->mnt_op->vop_rmdir(
		    nd.ni_dvp.vn_data, nd.ni_name, nd.ni_vp.vn_data);
	vfs_unlock();
	return (error);
}

/* Whether directory `dir` is `node` or inside it (walking up ".."). */
static bool
vn_is_under(struct vfsnode dir, struct vfsnode node)
{
	struct vfsnode up;

	for (;;) {
		if (dir.vn_mount == node.vn_mount && dir.vn_data == node.vn_data)
			return (true);
		up = vfs_dotdot(dir);
		if (up.vn_mount == dir.vn_mount && up.vn_data == dir.vn_data)
			return (false);
		dir = up;
	}
}

/* The checks of rename(2) once both names are looked up. */
static int
rename_check(struct thread *td, struct nameidata *from, struct nameidata *to)
{
	struct stat fsb, tsb;
	int error;

	if (from->ni_name[0] == '\0' || name_is_dot(from->ni_name) ||
	    to->ni_name[0] == '\0' || name_is_dot(to->ni_name))
		return (EINVAL);
	if (vn_is_mount_root(from->ni_vp) || (to->ni_vp.vn_data != NULL &&
	    vn_is_mount_root(to->ni_vp)))
		return (EBUSY);
	if (from->ni_dvp.vn_mount != to->ni_dvp.vn_mount)
		return (EXDEV);
	if (from->ni_dvp.vn_mount->mnt_op->vop_rename == NULL)
		return (EROFS);
	vfs_getattr(from->ni_vp, &fsb);
	if (to->ni_vp.vn_data != NULL) {
		vfs_getattr(to->ni_vp, &tsb);
		if (S_ISDIR(fsb.st_mode) && !S_ISDIR(tsb.st_mode))
			return (ENOTDIR);
		if (!S_ISDIR(fsb.st_mode) && S_ISDIR(tsb.st_mode))
			return (EISDIR);
	} else if (to->ni_slash && !S_ISDIR(fsb.st_mode))
		return (ENOTDIR);
	if ((error = dir_may_change(td, from->ni_dvp, from->ni_vp)) != 0 ||
	    (error = dir_may_change(td, to->ni_dvp, to->ni_vp)) != 0)
		return (error);
	/* A directory cannot move into itself or below itself. */
	if (S_ISDIR(fsb.st_mode) && vn_is_under(to->ni_dvp, from->ni_vp))
		return (EINVAL);
	return (0);
}

/* sys_rename: rename(from, to). */
int
sys_rename(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	struct nameidata *from, *to;
	char *fpath, *tpath;
	int error;

	(void)retval;
	if ((error = path_copyin((const void *)args[0], &fpath)) != 0)
		return (error);
	if ((error = path_copyin((const void *)args[1], &tpath)) != 0) {
		free(fpath, M_TEMP);
		return (error);
	}
	from = malloc(2 * sizeof(*from), M_TEMP, M_NOWAIT);
	if (from == NULL) {
		free(fpath, M_TEMP);
		free(tpath, M_TEMP);
		return (ENOMEM);
	}
	to = from + 1;
	vfs_lock();
	error = vfs_namei(fpath, 0, td_cred(td), from);
	if (error == 0)
		error = vfs_namei(tpath, NAMEI_PARENT, td_cred(td), to);
	if (error == 0)
		error = rename_check(td, from, to);
	/* Two names of one file: nothing to do (POSIX). */
	if (error == 0 && !(to->ni_vp.vn_data == from->ni_vp.vn_data))
		error = from->ni_dvp.vn_mount->mnt_op->vop_rename(
		    from->ni_dvp.vn_data, from->ni_name, from->ni_vp.vn_data,
		    to->ni_dvp.vn_data, to->ni_name, to->ni_vp.vn_data);
	vfs_unlock();
	free(from, M_TEMP);
	free(fpath, M_TEMP);
	free(tpath, M_TEMP);
	return (error);
}

/*
 * Set the permission bits of `vn` to `mode`: only its owner or the
 * superuser may (EPERM), and S_ISGID only with its group (EPERM).
 */
static int
vn_setmode(struct thread *td, struct vfsnode vn, int mode)
{
	const struct ucred *cred = td_cred(td);
	struct vattr va;
	struct stat sb;

	if (vn.vn_mount->mnt_op->vop_setattr == NULL)
		return (EROFS);
	vfs_getattr(vn, &sb);
	if (cred->cr_uid != sb.st_uid &&
	    priv_check_cred(cred, PRIV_VFS_ADMIN) != 0)
		return (EPERM);
	if ((mode & S_ISGID) != 0 && !vfs_groupmember(sb.st_gid, cred) &&
	    priv_check_cred(cred, PRIV_VFS_SETGID) != 0)
		return (EPERM);
	va.va_mask = VA_MODE;
	va.va_mode = (__mode_t)(mode & 07777);
	return (vn.vn_mount->mnt_op->vop_setattr(vn.vn_data, &va));
}

/*
 * Make regular file `vn` `length` bytes long (the caller checked the
 * permission): EISDIR for a directory, EINVAL for other types or a
 * negative length, EROFS.
 */
static int
vn_truncate(struct vfsnode vn, __off_t length)
{
	struct vattr va;
	struct stat sb;

	vfs_getattr(vn, &sb);
	if (S_ISDIR(sb.st_mode))
		return (EISDIR);
	if (!S_ISREG(sb.st_mode) || length < 0)
		return (EINVAL);
	if (vn.vn_mount->mnt_op->vop_setattr == NULL)
		return (EROFS);
	va.va_mask = VA_SIZE;
	va.va_size = length;
	return (vn.vn_mount->mnt_op->vop_setattr(vn.vn_data, &va));
}

/* sys_chmod: chmod(path, mode). */
int
sys_chmod(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	struct nameidata nd;
	int error;

	(void)retval;
	if ((error = namei_user(td, (const void *)args[0], NAMEI_FOLLOW,
	    &nd)) != 0)
		return (error);
	error = vn_setmode(td, nd.ni_vp, (int)args[1]);
	vfs_unlock();
	return (error);
}

/*
 * The file at descriptor `fd` as a node: a path or shm_open opened it
 * (EINVAL for a pipe).  With a reference on *fpp the caller drops.
 */
static int
fget_vnode(struct thread *td, int fd, struct file **fpp)
{
	int error;

	if ((error = fget(td, fd, fpp)) != 0)
		return (error);
	if ((*fpp)->f_vnode.vn_mount == NULL) {
		fdrop(*fpp);
		return (EINVAL);
	}
	return (0);
}

/* sys_fchmod: fchmod(fd, mode). */
int
sys_fchmod(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	struct file *fp;
	int error;

	(void)retval;
	if ((error = fget_vnode(td, (int)args[0], &fp)) != 0)
		return (error);
	vfs_lock();
	error = vn_setmode(td, fp->f_vnode, (int)args[1]);
	vfs_unlock();
	fdrop(fp);
	return (error);
}

/*
 * sys_truncate: truncate(path, length).  The length is a register: all
 * of off_t on amd64, its low 32 bits (sign-extended) on i386, as for
 * lseek.
 */
int
sys_truncate(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	struct nameidata nd;
	struct stat sb;
	int error;

	(void)retval;
	if ((error = namei_user(td, (const void *)args[0], NAMEI_FOLLOW,
	    &nd)) != 0)
		return (error);
	vfs_getattr(nd.ni_vp, &sb);
	if (S_ISREG(sb.st_mode) &&
	    nd.ni_vp.vn_mount->mnt_op->vop_setattr == NULL)
		error = EROFS;
	else if (S_ISREG(sb.st_mode))
		error = vfs_access_stat(&sb, td_cred(td), VWRITE);
	if (error == 0)
		error = vn_truncate(nd.ni_vp, (long)args[1]);
	vfs_unlock();
	return (error);
}

/*
 * sys_ftruncate: ftruncate(fd, length); the descriptor must be open for
 * writing (EINVAL, as in FreeBSD).  The length as for truncate.
 */
int
sys_ftruncate(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	struct file *fp;
	int error;

	(void)retval;
	if ((error = fget(td, (int)args[0], &fp)) != 0)
		return (error);
	if ((fp->f_flag & O_ACCMODE) == O_RDONLY ||
	    fp->f_vnode.vn_mount == NULL)
		error = EINVAL;
	else {
		vfs_lock();
		error = vn_truncate(fp->f_vnode, (long)args[1]);
		vfs_unlock();
	}
	fdrop(fp);
	return (error);
}

/* sys_umask: umask(mask): the old mask; the new one is mask & 0777. */
int
sys_umask(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	retval[0] = td->td_proc->p_umask;
	td->td_proc->p_umask = (int)args[0] & 0777;
	return (0);
}
