/*
 * mount.h - the VFS switch: a table of mounted file systems and the
 * operations each one gives on its nodes (kernel/vfs_mount.c,
 * kernel/vfs_lookup.c, kernel/vfs_syscalls.c).
 *
 * Three file systems are mounted at boot (vfs_mountroot): the initrd
 * at / (read-only), devfs at /dev and tmpfs at /tmp.  A mount sits on a
 * name in a directory of its parent (mnt_dir, mnt_dirname): a lookup of
 * that name there goes to the mount's root instead, whether or not the
 * parent has a node of that name, and ".." of the root goes back to
 * mnt_dir.  The system's initrd has empty /dev and /tmp directories, so
 * that listing / shows them.
 *
 * A node is named by a struct vfsnode: its mount and the file system's
 * own pointer.  What a file system can do is its struct vnops; an open
 * node is a struct file whose fileops (kernel/file.h) read, write,
 * list and map it.  Permissions are checked here, in the VFS, from what
 * vop_getattr says (vfs_access), so every file system follows the same
 * rules.
 *
 * Locking: one sleepable lock, vfs_lock (an sx held exclusively), over
 * every namespace change and every node of tmpfs and the shm objects:
 * taken by the path system calls around a whole lookup and operation,
 * and by tmpfs's file operations.  It may be held across copyin and
 * copyout (a page fault never takes it), so it comes before the map
 * lock and object locks.  The initrd and devfs never change and need
 * nothing.
 */
#ifndef _KERNEL_MOUNT_H_
#define _KERNEL_MOUNT_H_

#include <kernel/systm.h>
#include <sys/_stat.h>
#include <kernel/vfsnode.h>

struct file;
struct ucred;
struct mount;

#define VFS_NAME_MAX	255	/* longest name component */
#define VFS_PATH_MAX	1024	/* longest path, with its NUL */
#define VFS_MAXSYMLINKS	32	/* links one lookup follows */

/* A node of a mounted file system: struct vfsnode (kernel/vfsnode.h). */

/* setattr: what to change (one request may carry both). */
struct vattr {
	int		va_mask;	/* VA_* */
	__mode_t	va_mode;	/* permission bits (07777) */
	__off_t		va_size;	/* a regular file's new size */
};
#define VA_MODE		0x1
#define VA_SIZE		0x2

/*
 * The operations of one file system.  `dir`, `node` are its own nodes.
 * All are called with vfs_lock held and may sleep unless said.
 *
 * vop_lookup: the entry `name` (one component, never "." or "..") of
 *	directory `dir` into *nodep: 0 or ENOENT.
 * vop_parent: the directory holding directory `dir` (the root's is
 *	itself).
 * vop_getattr: fill *sb (st_dev is the VFS's: it sets it after).
 * vop_readlink: a symbolic link's target (NUL-terminated).
 * vop_open: a new struct file for `node` opened with `flags`; the VFS
 *	has checked the permissions and the type (no writing a
 *	directory).  0, ENOMEM.
 * The rest are NULL on a read-only file system (the VFS says EROFS):
 * vop_create: a new node of type S_IFREG or S_IFDIR with permission
 *	bits `mode`, owned by `cred`'s effective ids, as `name` in `dir`
 *	(which has no such entry): 0, ENOSPC, ENOMEM.
 * vop_remove / vop_rmdir: remove entry `name` of `dir`, whose node is
 *	`node` (a non-directory / an empty directory: ENOTEMPTY).
 * vop_rename: move fnode, entry `fname` of `fdir`, to `tname` in `tdir`
 *	replacing `tnode` if not NULL (the VFS has checked that the types
 *	agree and that tnode, a directory, is empty: ENOTEMPTY otherwise;
 *	and that fnode is not an ancestor of tdir).
 * vop_setattr: change the mode and/or the size (a regular file: EISDIR
 *	otherwise) of `node`; the VFS has checked who may.  ENOSPC, EFBIG.
 * Optional on any file system:
 * vop_ref / vop_rele: take / drop a reference that keeps `node` (a
 *	current directory, a program being exec'd) from being freed when
 *	its last name goes; NULL where nodes never go away (initrd,
 *	devfs).  Never sleep.
 * vop_name: the name of entry `node` in directory `dir`, valid while
 *	vfs_lock is held, or NULL if there is none (getcwd's step up).
 *	NULL where every directory is a mount root (devfs).
 * vop_read: copy up to `len` bytes of regular file `node` from `offset`
 *	into the kernel buffer `buf`; *done gets the count (0 at or past
 *	the end).  0 or ENOMEM.  What exec reads a program with.
 */
struct vnops {
	int	(*vop_lookup)(void *dir, const char *name, void **nodep);
	void	*(*vop_parent)(void *dir);
	void	(*vop_getattr)(void *node, struct stat *sb);
	const char *(*vop_readlink)(void *node);
	int	(*vop_open)(void *node, int flags, struct file **fpp);
	int	(*vop_create)(void *dir, const char *name, int type,
		    __mode_t mode, const struct ucred *cred, void **nodep);
	int	(*vop_remove)(void *dir, const char *name, void *node);
	int	(*vop_rmdir)(void *dir, const char *name, void *node);
	int	(*vop_rename)(void *fdir, const char *fname, void *fnode,
		    void *tdir, const char *tname, void *tnode);
	int	(*vop_setattr)(void *node, const struct vattr *va);
	void	(*vop_ref)(void *node);
	void	(*vop_rele)(void *node);
	const char *(*vop_name)(void *dir, void *node);
	int	(*vop_read)(void *node, __off_t offset, void *buf, size_t len,
		    size_t *done);
};

/* A mounted file system (constant once vfs_mountroot has returned). */
struct mount {
	const char	*mnt_path;	/* where, for messages: "/dev" */
	const struct vnops *mnt_op;
	void		*mnt_root;	/* its root directory */
	struct mount	*mnt_parent;	/* the file system it sits in */
	void		*mnt_dir;	/* the directory of the parent ... */
	const char	*mnt_dirname;	/* ... and the name it covers */
	__UINT64_TYPE__	mnt_dev;	/* st_dev of its nodes */
};

/*
 * The file systems' operations and roots: the initrd
 * (kernel/vfs_initrd.c, its root is initrd_root()), devfs
 * (kernel/devfs.c), tmpfs (kernel/tmpfs.h: tmpfs_vnops, tmpfs_mount).
 */
extern const struct vnops initrd_vnops, devfs_vnops;
void	*devfs_root(void);

/*
 * vfs_mountroot: mount the initrd at /, devfs at /dev and tmpfs at
 * /tmp.  Once, at boot, after initrd_attach; panics without memory.
 */
void	vfs_mountroot(void);

/*
 * vfs_root: the root of the whole tree.  vfs_covering: the mount that
 * sits on `name` in directory `dir`, or NULL.  vfs_dotdot: the node
 * ".." of directory `dir` names, across a mount's root.  Any context.
 */
struct vfsnode vfs_root(void);
struct mount *vfs_covering(struct vfsnode dir, const char *name);
struct vfsnode vfs_dotdot(struct vfsnode dir);

/* vfs_getattr: stat of `vn`, st_dev included. */
void	vfs_getattr(struct vfsnode vn, struct stat *sb);

/*
 * vfs_ref / vfs_rele: a reference on `vn` (vop_ref, vop_rele; nothing
 * for file systems whose nodes never go away, or vn_mount NULL).
 * vfs_lock held; never sleep.
 */
void	vfs_ref(struct vfsnode vn);
void	vfs_rele(struct vfsnode vn);

/*
 * The current directory of a process (p_cwd, kernel/proc.h): a node
 * with a reference (vfs_ref), or vn_mount NULL for the root (proc0 and
 * the processes the kernel starts).  Read and changed under vfs_lock.
 * vfs_cwd: curthread's process's, the root for NULL.  vfs_cwd_fork:
 * copy the parent's into the child (one more reference).
 * vfs_cwd_exit: drop it (exit).  vfs_cwd_set: make `vn` (a directory
 * the caller may search) curthread's process's, dropping the old one.
 * vfs_getcwd: the absolute path of curthread's process's current
 * directory in `buf` (`len` bytes with the NUL): 0, ENOENT (it was
 * removed), ERANGE (does not fit), ENAMETOOLONG (longer than
 * VFS_PATH_MAX).  vfs_cwd_fork and vfs_cwd_exit take vfs_lock and may
 * sleep; the others need it held.
 */
struct proc;
struct vfsnode vfs_cwd(void);
void	vfs_cwd_fork(struct proc *child, struct proc *parent);
void	vfs_cwd_exit(struct proc *p);
void	vfs_cwd_set(struct vfsnode vn);
int	vfs_getcwd(char *buf, size_t len);

/*
 * The one VFS lock (see above): vfs_lock / vfs_unlock take and release
 * it, exclusively; thread context, may sleep.  vfs_assert_locked: a
 * KASSERT that curthread holds it.
 */
void	vfs_lock(void);
void	vfs_unlock(void);
void	vfs_assert_locked(void);

/* access modes for vfs_access */
#define VEXEC	0x1	/* execute a file, search a directory */
#define VWRITE	0x2
#define VREAD	0x4

/*
 * vfs_access_stat: may `cred` have access `want` (VREAD | VWRITE |
 * VEXEC) to a file described by *sb?  The owner's bits if the effective
 * uid owns it, else the group's if its group is the effective gid or a
 * supplementary one, else the others'.  The superuser (priv_check_cred
 * PRIV_VFS_*) may do anything except execute a regular file that has
 * no execute bit at all.  0 or EACCES.  Any context.
 * vfs_groupmember: whether `gid` is `cred`'s effective or supplementary
 * group.
 */
int	vfs_access_stat(const struct stat *sb, const struct ucred *cred,
	    int want);
bool	vfs_groupmember(__UINT32_TYPE__ gid, const struct ucred *cred);

/* namei flags */
#define NAMEI_FOLLOW	0x1	/* follow a symbolic link at the end */
#define NAMEI_PARENT	0x2	/* a missing last component is no error */

/*
 * What a lookup found: the last component's directory and name, and its
 * node (vn_data NULL when NAMEI_PARENT was given and there is none).
 * For "/" the node and directory are the root and the name is "".
 */
struct nameidata {
	struct vfsnode	ni_dvp;
	struct vfsnode	ni_vp;
	char		ni_name[VFS_NAME_MAX + 1];
	bool		ni_slash;	/* the path ended in "/" */
};

/*
 * vfs_namei: look `path` (a kernel string) up for `cred`: an absolute
 * path from the root, a relative one from the current directory
 * (vfs_cwd; a removed one has no entries: ENOENT),
 * crossing mounts, following symbolic links in the middle and, with
 * NAMEI_FOLLOW, at the end.  Every directory passed through needs
 * search permission.  0, or ENOENT (a missing component, an empty
 * path), ENOTDIR, EACCES, ENAMETOOLONG, ELOOP, ENOMEM.  vfs_lock held;
 * never sleeps itself.
 */
int	vfs_namei(const char *path, int flags, const struct ucred *cred,
	    struct nameidata *nd);

#endif /* !_KERNEL_MOUNT_H_ */
