/*
 * vfs_cwd.c - each process's current directory (p_cwd, see
 * kernel/mount.h) and its system calls: chdir (12), fchdir (13) and
 * __getcwd (326), FreeBSD's numbers.
 *
 * The current directory is a node with a reference (vfs_ref), so a
 * tmpfs directory removed while it is some process's current directory
 * stays valid: it has no entries and takes none (ENOENT), and getcwd
 * says ENOENT.  fork copies it, exec keeps it, exit drops it.  A
 * process the kernel starts (init) has vn_mount NULL, the root, which
 * needs no reference.  Everything here runs under vfs_lock.
 *
 * getcwd walks up from the directory: the name of a mount's root is the
 * name the mount covers (mnt_dirname), any other directory's is found
 * in its parent (vop_name).  Nothing is cached.
 */
#include <sys/errno.h>
#include <kernel/systm.h>
#include <kernel/file.h>
#include <kernel/malloc.h>
#include <kernel/mount.h>
#include <kernel/proc.h>
#include <kernel/syscallvar.h>
#include <kernel/ucred.h>

/* vfs_cwd: see mount.h. */
struct vfsnode
vfs_cwd(void)
{
	struct proc *p = curthread->td_proc;

	vfs_assert_locked();
	if (p == NULL || p->p_cwd.vn_mount == NULL)
		return (vfs_root());
	return (p->p_cwd);
}

/* vfs_cwd_fork: see mount.h. */
void
vfs_cwd_fork(struct proc *child, struct proc *parent)
{
	vfs_lock();
	child->p_cwd = parent->p_cwd;
	vfs_ref(child->p_cwd);
	vfs_unlock();
}

/* vfs_cwd_exit: see mount.h. */
void
vfs_cwd_exit(struct proc *p)
{
	vfs_lock();
	vfs_rele(p->p_cwd);
	p->p_cwd = (struct vfsnode){ NULL, NULL };
	vfs_unlock();
}

/* vfs_cwd_set: see mount.h. */
void
vfs_cwd_set(struct vfsnode vn)
{
	struct proc *p = curthread->td_proc;
	struct vfsnode old = p->p_cwd;

	vfs_assert_locked();
	vfs_ref(vn);
	p->p_cwd = vn;
	vfs_rele(old);
}

/* Whether two nodes are the same. */
static bool
vn_same(struct vfsnode a, struct vfsnode b)
{
	return (a.vn_mount == b.vn_mount && a.vn_data == b.vn_data);
}

/* vfs_getcwd: see mount.h. */
int
vfs_getcwd(char *buf, size_t len)
{
	struct vfsnode vn, up, root = vfs_root();
	struct mount *mp;
	struct stat sb;
	const char *name;
	char *tmp;
	size_t nlen, pos;
	int error = 0;

	vfs_assert_locked();
	if ((tmp = malloc(VFS_PATH_MAX, M_TEMP, M_NOWAIT)) == NULL)
		return (ENOMEM);
	pos = VFS_PATH_MAX - 1;
	tmp[pos] = '\0';
	for (vn = vfs_cwd(); !vn_same(vn, root); vn = up) {
		mp = vn.vn_mount;
		if (vn.vn_data == mp->mnt_root) {
			name = mp->mnt_dirname;
			up = (struct vfsnode){ mp->mnt_parent, mp->mnt_dir };
		} else {
			vfs_getattr(vn, &sb);
			up = vfs_dotdot(vn);
			name = NULL;
			if (sb.st_nlink != 0 && !vn_same(up, vn) &&
			    mp->mnt_op->vop_name != NULL)
				name = mp->mnt_op->vop_name(up.vn_data,
				    vn.vn_data);
			if (name == NULL) {
				error = ENOENT;	/* removed */
				break;
			}
		}
		nlen = strlen(name);
		if (nlen + 1 > pos) {
			error = ENAMETOOLONG;
			break;
		}
		pos -= nlen;
		memcpy(tmp + pos, name, nlen);
		tmp[--pos] = '/';
	}
	if (error == 0 && pos == VFS_PATH_MAX - 1)
		tmp[--pos] = '/';	/* the root itself */
	if (error == 0 && VFS_PATH_MAX - pos > len)
		error = ERANGE;
	if (error == 0)
		memcpy(buf, tmp + pos, VFS_PATH_MAX - pos);
	free(tmp, M_TEMP);
	return (error);
}

/*
 * Make `vn` the current directory: it must be a directory (ENOTDIR)
 * the caller may search (EACCES).  vfs_lock held.
 */
static int
cwd_change(struct thread *td, struct vfsnode vn)
{
	struct stat sb;
	int error;

	vfs_getattr(vn, &sb);
	if (!S_ISDIR(sb.st_mode))
		return (ENOTDIR);
	if ((error = vfs_access_stat(&sb, &td->td_proc->p_ucred,
	    VEXEC)) != 0)
		return (error);
	vfs_cwd_set(vn);
	return (0);
}

/*
 * sys_chdir: chdir(path).  ENOENT, ENOTDIR, EACCES (search permission
 * on the way or on the directory itself), ELOOP, ENAMETOOLONG, EFAULT.
 */
int
sys_chdir(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	struct nameidata nd;
	char *path;
	int error;

	(void)retval;
	if ((path = malloc(VFS_PATH_MAX, M_TEMP, M_NOWAIT)) == NULL)
		return (ENOMEM);
	error = copyinstr((const void *)args[0], path, VFS_PATH_MAX, NULL);
	if (error == 0) {
		vfs_lock();
		error = vfs_namei(path, NAMEI_FOLLOW, &td->td_proc->p_ucred,
		    &nd);
		if (error == 0)
			error = cwd_change(td, nd.ni_vp);
		vfs_unlock();
	}
	free(path, M_TEMP);
	return (error);
}

/*
 * sys_fchdir: fchdir(fd): the directory open at fd.  EBADF, ENOTDIR
 * (not a directory, or not a file of the VFS: a pipe), EACCES.
 */
int
sys_fchdir(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	struct file *fp;
	int error;

	(void)retval;
	if ((error = fget(td, (int)args[0], &fp)) != 0)
		return (error);
	if (fp->f_vnode.vn_mount == NULL)
		error = ENOTDIR;
	else {
		vfs_lock();
		error = cwd_change(td, fp->f_vnode);
		vfs_unlock();
	}
	fdrop(fp);
	return (error);
}

/*
 * sys___getcwd: __getcwd(buf, len): the current directory's absolute
 * path, NUL-terminated, in buf.  EINVAL for len 0, ERANGE when it does
 * not fit, ENOENT when the directory was removed, EFAULT.
 */
int
sys___getcwd(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	size_t len = (size_t)args[1];
	char *path;
	int error;

	(void)td;
	(void)retval;
	if (len == 0)
		return (EINVAL);
	if ((path = malloc(VFS_PATH_MAX, M_TEMP, M_NOWAIT)) == NULL)
		return (ENOMEM);
	vfs_lock();
	error = vfs_getcwd(path, MIN(len, (size_t)VFS_PATH_MAX));
	vfs_unlock();
	if (error == 0)
		error = copyout(path, (void *)args[0], strlen(path) + 1);
	free(path, M_TEMP);
	return (error);
}
