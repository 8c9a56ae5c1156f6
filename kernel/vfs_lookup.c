/*
 * vfs_lookup.c - from a path to a node (vfs_namei), across the mounts
 * of kernel/vfs_mount.c, and the two lookups the rest of the kernel
 * uses: vfs_open and vfs_stat.  A relative path starts at the
 * process's current directory (kernel/vfs_cwd.c).
 */
#include <sys/errno.h>
#include <sys/fcntl.h>
#include <kernel/systm.h>
#include <kernel/file.h>
#include <kernel/malloc.h>
#include <kernel/mount.h>
#include <kernel/proc.h>
#include <kernel/ucred.h>

/* Whether `vn` is a directory / a symbolic link. */
static bool
vn_isdir(struct vfsnode vn)
{
	struct stat sb;

	vfs_getattr(vn, &sb);
	return (S_ISDIR(sb.st_mode));
}

static bool
vn_islink(struct vfsnode vn)
{
	struct stat sb;

	vfs_getattr(vn, &sb);
	return (S_ISLNK(sb.st_mode));
}

/*
 * One step: the node `name` names in directory `dir`, after the search
 * permission check; "." and ".." included, mounts crossed.
 */
static int
namei_step(struct vfsnode dir, const char *name, const struct ucred *cred,
    struct vfsnode *vnp)
{
	struct stat sb;
	struct mount *mp;
	int error;

	vfs_getattr(dir, &sb);
	if (!S_ISDIR(sb.st_mode))
		return (ENOTDIR);
	if ((error = vfs_access_stat(&sb, cred, VEXEC)) != 0)
		return (error);
	if (strcmp(name, ".") == 0) {
		*vnp = dir;
		return (0);
	}
	if (strcmp(name, "..") == 0) {
		/* A removed directory has no parent (FreeBSD's tmpfs). */
		if (sb.st_nlink == 0)
			return (ENOENT);
		*vnp = vfs_dotdot(dir);
		return (0);
	}
	if ((mp = vfs_covering(dir, name)) != NULL) {
		*vnp = (struct vfsnode){ mp, mp->mnt_root };
		return (0);
	}
	vnp->vn_mount = dir.vn_mount;
	return (dir.vn_mount->mnt_op->vop_lookup(dir.vn_data, name,
	    &vnp->vn_data));
}

/*
 * Replace the path in `buf` by a link's `target` followed by what was
 * left after the link (`rest`, which points into buf, "" if nothing).
 */
static int
namei_splice(char *buf, const char *target, const char *rest, bool slash)
{
	size_t tlen = strlen(target), rlen = strlen(rest), sep;

	if (tlen == 0)
		return (ENOENT);
	/* A "/" between them, or kept at the end if the path had one. */
	sep = *rest != '\0' || slash ? 1 : 0;
	if (tlen + sep + rlen + 1 > VFS_PATH_MAX)
		return (ENAMETOOLONG);
	memmove(buf + tlen + sep, rest, rlen + 1);
	memcpy(buf, target, tlen);
	if (sep != 0)
		buf[tlen] = '/';
	return (0);
}

/* vfs_namei: see mount.h. */
int
vfs_namei(const char *path, int flags, const struct ucred *cred,
    struct nameidata *nd)
{
	struct vfsnode dir, vn;
	const char *target;
	char *buf, *p, *q;
	int error = 0, links = 0;
	size_t len;
	bool last;

	vfs_assert_locked();
	if (*path == '\0')
		return (ENOENT);
	if (strlen(path) >= VFS_PATH_MAX)
		return (ENAMETOOLONG);
	if ((buf = malloc(VFS_PATH_MAX, M_TEMP, M_NOWAIT)) == NULL)
		return (ENOMEM);
	strlcpy(buf, path, VFS_PATH_MAX);
	dir = vfs_cwd();
	p = buf;
	for (;;) {
		if (*p == '/')
			dir = vfs_root();
		while (*p == '/')
			p++;
		if (*p == '\0') {
			/* "/" (or a link to it): the directory itself. */
			nd->ni_dvp = nd->ni_vp = dir;
			nd->ni_name[0] = '\0';
			nd->ni_slash = true;
			break;
		}
		for (q = p; *q != '\0' && *q != '/'; q++)
			continue;
		if ((len = (size_t)(q - p)) > VFS_NAME_MAX) {
			error = ENAMETOOLONG;
			break;
		}
		memcpy(nd->ni_name, p, len);
		nd->ni_name[len] = '\0';
		nd->ni_slash = *q == '/';
		while (*q == '/')
			q++;
		last = *q == '\0';
		error = namei_step(dir, nd->ni_name, cred, &vn);
		if (error == ENOENT && last && (flags & NAMEI_PARENT) != 0) {
			nd->ni_dvp = dir;
			nd->ni_vp = (struct vfsnode){ dir.vn_mount, NULL };
			error = 0;
			break;
		}
		if (error != 0)
			break;
		if (vn_islink(vn) && (!last || nd->ni_slash ||
		    (flags & NAMEI_FOLLOW) != 0)) {
			if (++links > VFS_MAXSYMLINKS) {
				error = ELOOP;
				break;
			}
			target = vn.vn_mount->mnt_op->vop_readlink(vn.vn_data);
			if ((error = namei_splice(buf, target, q,
			    nd->ni_slash)) != 0)
				break;
			p = buf;	/* a relative target starts at dir */
			continue;
		}
		if (last) {
			if (nd->ni_slash && !vn_isdir(vn))
				error = ENOTDIR;
			nd->ni_dvp = dir;
			nd->ni_vp = vn;
			break;
		}
		dir = vn;
		p = q;
	}
	free(buf, M_TEMP);
	return (error);
}

/* The caller's credentials (thread context). */
static const struct ucred *
curcred(void)
{
	return (&curthread->td_proc->p_ucred);
}

/*
 * Open the existing node `vn` (stat *sb) with `flags`: the type and
 * permission checks, O_TRUNC, then the file system's open.  O_CREAT
 * of an existing directory is EISDIR, as in FreeBSD.
 */
static int
vfs_open_node(struct vfsnode vn, const struct stat *sb, int flags,
    bool created, struct file **fpp)
{
	const struct vnops *ops = vn.vn_mount->mnt_op;
	struct vattr va;
	int acc = flags & O_ACCMODE, want = 0, error;
	bool writes = acc != O_RDONLY || (flags & O_TRUNC) != 0;

	if (S_ISDIR(sb->st_mode) && (writes || (flags & O_CREAT) != 0))
		return (EISDIR);
	if (S_ISREG(sb->st_mode) && writes && ops->vop_setattr == NULL)
		return (EROFS);
	if (acc != O_WRONLY)
		want |= VREAD;
	if (writes)
		want |= VWRITE;
	/* A file this open made may be opened as asked, whatever its mode. */
	if (!created && (error = vfs_access_stat(sb, curcred(), want)) != 0)
		return (error);
	if (S_ISREG(sb->st_mode) && (flags & O_TRUNC) != 0 && sb->st_size != 0) {
		va.va_mask = VA_SIZE;
		va.va_size = 0;
		if ((error = ops->vop_setattr(vn.vn_data, &va)) != 0)
			return (error);
	}
	if ((error = ops->vop_open(vn.vn_data, flags, fpp)) == 0)
		(*fpp)->f_vnode = vn;
	return (error);
}

/* vfs_open: see file.h. */
int
vfs_open(const char *path, int flags, int mode, struct file **fpp)
{
	const struct vnops *ops;
	struct nameidata nd;
	struct stat sb;
	void *node;
	int error;
	bool created = false;

	vfs_lock();
	error = vfs_namei(path, (flags & O_CREAT) != 0 ? NAMEI_PARENT |
	    ((flags & O_EXCL) == 0 ? NAMEI_FOLLOW : 0) : NAMEI_FOLLOW,
	    curcred(), &nd);
	if (error != 0)
		goto out;
	if (nd.ni_vp.vn_data == NULL) {
		/* O_CREAT of a missing name. */
		ops = nd.ni_dvp.vn_mount->mnt_op;
		if (nd.ni_slash)
			error = EISDIR;
		else if (ops->vop_create == NULL)
			error = EROFS;
		else {
			vfs_getattr(nd.ni_dvp, &sb);
			error = vfs_access_stat(&sb, curcred(), VWRITE | VEXEC);
		}
		if (error == 0)
			error = ops->vop_create(nd.ni_dvp.vn_data, nd.ni_name,
			    S_IFREG, (mode & 07777) &
			    ~curthread->td_proc->p_umask, curcred(), &node);
		if (error != 0)
			goto out;
		nd.ni_vp.vn_data = node;
		created = true;
	} else if ((flags & (O_CREAT | O_EXCL)) == (O_CREAT | O_EXCL)) {
		error = EEXIST;
		goto out;
	}
	vfs_getattr(nd.ni_vp, &sb);
	error = vfs_open_node(nd.ni_vp, &sb, flags, created, fpp);
out:
	vfs_unlock();
	return (error);
}

/* vfs_stat: see file.h. */
int
vfs_stat(const char *path, bool nofollow, struct stat *sb)
{
	struct nameidata nd;
	int error;

	vfs_lock();
	error = vfs_namei(path, nofollow ? 0 : NAMEI_FOLLOW, curcred(), &nd);
	if (error == 0)
		vfs_getattr(nd.ni_vp, sb);
	vfs_unlock();
	return (error);
}
