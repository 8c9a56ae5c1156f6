/*
 * uipc_shm.c - POSIX shared memory: shm_open2 (FreeBSD's 571, what its
 * libc's shm_open calls) and shm_unlink (483).
 *
 * A shared memory object is a tmpfs regular file (kernel/tmpfs.h) that
 * is in no directory: the same node, the same VM object type, the same
 * read, write, fstat, ftruncate, fchmod and fo_mmap.  Its descriptors
 * name it as a node of `shm_mount`, a mount that is in no path, so the
 * descriptor calls of kernel/vfs_syscalls.c work on it unchanged.
 *
 * Names live in one flat namespace (a list: there are few).  "/name"
 * and "name" are the same object: one leading slash is dropped, and any
 * other slash is just a character.  SHM_ANON makes an object with no
 * name, which lives while descriptors or mappings do.  Unlinking a name
 * leaves the object to its descriptors and mappings, as unlinking a
 * file does.
 *
 * Locking: the namespace and the nodes are under vfs_lock
 * (kernel/mount.h).
 */
#include <sys/errno.h>
#include <sys/fcntl.h>
#include <sys/queue.h>
#include <kernel/systm.h>
#include <kernel/file.h>
#include <kernel/malloc.h>
#include <kernel/mount.h>
#include <kernel/proc.h>
#include <kernel/syscallvar.h>
#include <kernel/tmpfs.h>
#include <kernel/ucred.h>

MALLOC_DEFINE(M_SHM, "shm", "shared memory object names");

#define SHM_ANON	((const void *)1)	/* shm_open's "no name" */
#define SHM_DEV		5			/* st_dev of shm objects */

struct shm_name {
	LIST_ENTRY(shm_name) sn_link;
	struct tmpfs_node *sn_node;
	char		sn_name[];
};

static LIST_HEAD(, shm_name) shm_names = LIST_HEAD_INITIALIZER(shm_names);

/* The descriptors' view: tmpfs nodes of no tree. */
static struct mount shm_mount = {
	.mnt_path = "(shm)",
	.mnt_op = &tmpfs_vnops,
	.mnt_dev = SHM_DEV,
};

/*
 * Copy in the name at `upath` without its leading slash; EINVAL if that
 * leaves nothing.  Free it with M_TEMP.
 */
static int
shm_copyin_name(const void *upath, char **namep)
{
	char *path;
	int error;

	if ((path = malloc(VFS_PATH_MAX, M_TEMP, M_NOWAIT)) == NULL)
		return (ENOMEM);
	if ((error = copyinstr(upath, path, VFS_PATH_MAX, NULL)) != 0) {
		free(path, M_TEMP);
		return (error);
	}
	if (path[0] == '/')
		memmove(path, path + 1, strlen(path));
	if (path[0] == '\0') {
		free(path, M_TEMP);
		return (EINVAL);
	}
	*namep = path;
	return (0);
}

static struct shm_name *
shm_lookup(const char *name)
{
	struct shm_name *sn;

	LIST_FOREACH(sn, &shm_names, sn_link)
		if (strcmp(sn->sn_name, name) == 0)
			return (sn);
	return (NULL);
}

/*
 * The object called `name` (NULL: a new anonymous one) for shm_open2,
 * made if `flags` has O_CREAT; permissions checked, O_TRUNC applied.
 * vfs_lock held.
 */
static int
shm_find(struct thread *td, const char *name, int flags, int mode,
    struct tmpfs_node **np)
{
	const struct ucred *cred = &td->td_proc->p_ucred;
	__mode_t cmode = (__mode_t)(mode & 07777 & ~td->td_proc->p_umask);
	struct shm_name *sn;
	struct stat sb;
	int error;

	if (name == NULL) {
		*np = tmpfs_alloc_node(S_IFREG, cmode, cred, NULL);
		return (*np == NULL ? ENOMEM : 0);
	}
	if ((sn = shm_lookup(name)) == NULL) {
		if ((flags & O_CREAT) == 0)
			return (ENOENT);
		sn = malloc(sizeof(*sn) + strlen(name) + 1, M_SHM, M_NOWAIT);
		if (sn == NULL)
			return (ENOMEM);
		sn->sn_node = tmpfs_alloc_node(S_IFREG, cmode, cred, NULL);
		if (sn->sn_node == NULL) {
			free(sn, M_SHM);
			return (ENOMEM);
		}
		memcpy(sn->sn_name, name, strlen(name) + 1);
		sn->sn_node->tn_links = 1;
		LIST_INSERT_HEAD(&shm_names, sn, sn_link);
		*np = sn->sn_node;
		return (0);
	}
	if ((flags & (O_CREAT | O_EXCL)) == (O_CREAT | O_EXCL))
		return (EEXIST);
	tmpfs_getattr(sn->sn_node, &sb);
	error = vfs_access_stat(&sb, cred, (flags & O_ACCMODE) == O_RDWR ?
	    VREAD | VWRITE : VREAD);
	if (error != 0)
		return (error);
	/* As in FreeBSD, O_TRUNC only truncates an object opened O_RDWR. */
	if ((flags & (O_ACCMODE | O_TRUNC)) == (O_RDWR | O_TRUNC) &&
	    (error = tmpfs_reg_resize(sn->sn_node, 0)) != 0)
		return (error);
	*np = sn->sn_node;
	return (0);
}

/*
 * sys_shm_open2: shm_open2(path, flags, mode, shmflags, name).  flags:
 * O_RDONLY or O_RDWR, with O_CREAT, O_EXCL, O_TRUNC, O_CLOEXEC;
 * shmflags must be 0 (no sealing, large pages or grow-on-write) and
 * `name` (a label for memfd_create) is not kept.  path SHM_ANON: a new
 * object without a name, O_RDWR only.  Returns the descriptor; EINVAL,
 * ENOENT, EEXIST, EACCES, EMFILE, ENOMEM, EFAULT, ENAMETOOLONG.
 */
int
sys_shm_open2(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	struct filedesc *fdp = td->td_proc->p_fd;
	int flags = (int)args[1], mode = (int)args[2], error, fd;
	const void *upath = (const void *)args[0];
	struct tmpfs_node *n;
	struct file *fp;
	char *name = NULL;

	if ((int)args[3] != 0 ||
	    ((flags & O_ACCMODE) != O_RDONLY && (flags & O_ACCMODE) != O_RDWR) ||
	    (flags & ~(O_ACCMODE | O_CREAT | O_EXCL | O_TRUNC | O_CLOEXEC)) != 0)
		return (EINVAL);
	if (upath == SHM_ANON && (flags & O_ACCMODE) != O_RDWR)
		return (EINVAL);
	if (fdp == NULL)
		return (EMFILE);
	if (upath != SHM_ANON &&
	    (error = shm_copyin_name(upath, &name)) != 0)
		return (error);
	vfs_lock();
	error = shm_find(td, name, flags, mode, &n);
	if (error == 0) {
		error = tmpfs_open_node(n, flags & O_ACCMODE, &fp);
		if (error == 0)
			fp->f_vnode = (struct vfsnode){ &shm_mount, n };
		else
			tmpfs_free_node_if_unused(n);
	}
	vfs_unlock();
	free(name, M_TEMP);
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

/*
 * sys_shm_unlink: shm_unlink(path): the name goes; the object stays
 * while it is open or mapped.  ENOENT, EACCES (the caller may not read
 * and write it), EINVAL (an empty name), EFAULT, ENAMETOOLONG.
 */
int
sys_shm_unlink(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	struct shm_name *sn;
	struct tmpfs_node *n;
	struct stat sb;
	char *name;
	int error;

	(void)retval;
	if ((error = shm_copyin_name((const void *)args[0], &name)) != 0)
		return (error);
	vfs_lock();
	if ((sn = shm_lookup(name)) == NULL)
		error = ENOENT;
	else {
		n = sn->sn_node;
		tmpfs_getattr(n, &sb);
		error = vfs_access_stat(&sb, &td->td_proc->p_ucred,
		    VREAD | VWRITE);
		if (error == 0) {
			LIST_REMOVE(sn, sn_link);
			free(sn, M_SHM);
			n->tn_links--;
			tmpfs_touch(n, TMPFS_CTIME);
			tmpfs_free_node_if_unused(n);
		}
	}
	vfs_unlock();
	free(name, M_TEMP);
	return (error);
}
