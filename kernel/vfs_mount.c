/*
 * vfs_mount.c - the mount table (see kernel/mount.h): the initrd at /,
 * devfs at /dev, tmpfs at /tmp; crossing between them; the VFS lock;
 * the permission check every file system shares.
 */
#include <sys/errno.h>
#include <kernel/systm.h>
#include <kernel/mount.h>
#include <kernel/priv.h>
#include <kernel/sx.h>
#include <kernel/ucred.h>
#include <kernel/initrd.h>
#include <kernel/tmpfs.h>

/* st_dev of each: the initrd and devfs keep their old numbers. */
#define INITRD_DEV	1
#define DEVFS_DEV	2
#define TMPFS_DEV	4

static struct mount mounts[3];
static int nmounts;
static struct sx vfs_sx;

/* vfs_mountroot: see mount.h. */
void
vfs_mountroot(void)
{
	struct mount *root = &mounts[0], *mp;

	KASSERT(nmounts == 0, ("vfs_mountroot: twice"));
	sx_init(&vfs_sx, "vfs");
	root->mnt_path = "/";
	root->mnt_op = &initrd_vnops;
	/* No initrd: NULL, an empty directory (kernel/vfs_initrd.c). */
	root->mnt_root = (void *)(uintptr_t)initrd_root();
	root->mnt_dev = INITRD_DEV;
	nmounts = 1;

	mp = &mounts[nmounts++];
	mp->mnt_path = "/dev";
	mp->mnt_op = &devfs_vnops;
	mp->mnt_root = devfs_root();
	mp->mnt_dev = DEVFS_DEV;
	mp->mnt_dirname = "dev";

	mp = &mounts[nmounts++];
	mp->mnt_path = "/tmp";
	mp->mnt_op = &tmpfs_vnops;
	mp->mnt_root = tmpfs_mount();
	if (mp->mnt_root == NULL)
		panic("vfs_mountroot: no memory for /tmp");
	mp->mnt_dev = TMPFS_DEV;
	mp->mnt_dirname = "tmp";

	/* Both sit in the root directory of /. */
	for (mp = &mounts[1]; mp < &mounts[nmounts]; mp++) {
		mp->mnt_parent = root;
		mp->mnt_dir = root->mnt_root;
	}
}

/* vfs_root: see mount.h. */
struct vfsnode
vfs_root(void)
{
	return ((struct vfsnode){ &mounts[0], mounts[0].mnt_root });
}

/* vfs_covering: see mount.h. */
struct mount *
vfs_covering(struct vfsnode dir, const char *name)
{
	int i;

	for (i = 1; i < nmounts; i++)
		if (mounts[i].mnt_parent == dir.vn_mount &&
		    mounts[i].mnt_dir == dir.vn_data &&
		    strcmp(mounts[i].mnt_dirname, name) == 0)
			return (&mounts[i]);
	return (NULL);
}

/* vfs_dotdot: see mount.h. */
struct vfsnode
vfs_dotdot(struct vfsnode dir)
{
	struct mount *mp = dir.vn_mount;

	if (dir.vn_data == mp->mnt_root) {
		if (mp->mnt_parent == NULL)
			return (dir);
		return ((struct vfsnode){ mp->mnt_parent, mp->mnt_dir });
	}
	return ((struct vfsnode){ mp, mp->mnt_op->vop_parent(dir.vn_data) });
}

/* vfs_getattr: see mount.h. */
void
vfs_getattr(struct vfsnode vn, struct stat *sb)
{
	memset(sb, 0, sizeof(*sb));
	vn.vn_mount->mnt_op->vop_getattr(vn.vn_data, sb);
	sb->st_dev = vn.vn_mount->mnt_dev;
}

/* vfs_ref, vfs_rele: see mount.h. */
void
vfs_ref(struct vfsnode vn)
{
	vfs_assert_locked();
	if (vn.vn_mount != NULL && vn.vn_mount->mnt_op->vop_ref != NULL)
		vn.vn_mount->mnt_op->vop_ref(vn.vn_data);
}

void
vfs_rele(struct vfsnode vn)
{
	vfs_assert_locked();
	if (vn.vn_mount != NULL && vn.vn_mount->mnt_op->vop_rele != NULL)
		vn.vn_mount->mnt_op->vop_rele(vn.vn_data);
}

/* vfs_lock, vfs_unlock, vfs_assert_locked: see mount.h. */
void
vfs_lock(void)
{
	sx_xlock(&vfs_sx);
}

void
vfs_unlock(void)
{
	sx_xunlock(&vfs_sx);
}

void
vfs_assert_locked(void)
{
	sx_assert(&vfs_sx, SA_XLOCKED);
}

/* vfs_groupmember: see mount.h. */
bool
vfs_groupmember(uint32_t gid, const struct ucred *cred)
{
	int i;

	if (cred->cr_gid == gid)
		return (true);
	for (i = 0; i < cred->cr_ngroups; i++)
		if (cred->cr_groups[i] == gid)
			return (true);
	return (false);
}

/* vfs_access_stat: see mount.h. */
int
vfs_access_stat(const struct stat *sb, const struct ucred *cred, int want)
{
	int granted, missing;

	if (cred->cr_uid == sb->st_uid)
		granted = (sb->st_mode >> 6) & 7;
	else if (vfs_groupmember(sb->st_gid, cred))
		granted = (sb->st_mode >> 3) & 7;
	else
		granted = sb->st_mode & 7;
	if ((missing = want & ~granted) == 0)
		return (0);
	/* The superuser's overrides, one privilege per kind of access. */
	if ((missing & VEXEC) != 0) {
		if (!S_ISDIR(sb->st_mode) && (sb->st_mode & 0111) == 0)
			return (EACCES);
		if (priv_check_cred(cred, S_ISDIR(sb->st_mode) ?
		    PRIV_VFS_LOOKUP : PRIV_VFS_EXEC) != 0)
			return (EACCES);
	}
	if ((missing & VREAD) != 0 &&
	    priv_check_cred(cred, PRIV_VFS_READ) != 0)
		return (EACCES);
	if ((missing & VWRITE) != 0 &&
	    priv_check_cred(cred, PRIV_VFS_WRITE) != 0)
		return (EACCES);
	return (0);
}
