/*
 * tmpfs.h - a file system in memory, mounted at /tmp
 * (kernel/tmpfs_subr.c: nodes, directories, file data;
 * kernel/tmpfs_vnops.c: the VFS's node operations and the open files).
 * shm_open's objects (kernel/uipc_shm.c) are tmpfs regular files that
 * are in no directory.
 *
 * As in FreeBSD, a regular file's data is a VM object (OBJT_SWAP, with
 * no swap device yet: a page it does not hold reads as zeros) that the
 * node holds a reference on.  read and write copy through the same
 * pages a MAP_SHARED mapping maps (fo_mmap hands the object out with a
 * reference), so each sees the other's changes at once.  The object is
 * not OBJ_ANON (a shadow never collapses into it, copy-on-write always
 * shadows it) and not OBJ_ONEMAPPING (unmapping part of one mapping
 * frees nothing).  The object's size is the file's size in pages,
 * rounded up: a fault beyond it is out of bounds.  Its pages are
 * ordinary managed pages, not wired: memory in use, which is why a file
 * left in /tmp keeps memory until it is removed.
 *
 * A node lives while it has links (names; a directory's "." is not
 * counted as a link here, the stat st_nlink is computed) or
 * references (open files, processes' current directories, an exec
 * reading it).  Unlinking an open or mapped file removes
 * its name; the node goes with its last open file and the object with
 * its last mapping.
 *
 * Locking: every field of every node is under vfs_lock
 * (kernel/mount.h), which is held across copyin/copyout; the object's
 * pages are under the object's lock, taken inside for each page.
 */
#ifndef _KERNEL_TMPFS_H_
#define _KERNEL_TMPFS_H_

#include <sys/queue.h>
#include <sys/_stat.h>
#include <sys/_timespec.h>
#include <kernel/systm.h>
#include <vm/vm.h>

struct file;
struct ucred;
struct vnops;

/* The largest file: 1 TiB (sparse files are fine). */
#define TMPFS_MAXFILESIZE	((__off_t)1 << 40)

struct tmpfs_node;

/* A directory entry: one name of a node. */
struct tmpfs_dirent {
	TAILQ_ENTRY(tmpfs_dirent) td_entries;
	struct tmpfs_node *td_node;
	__off_t		td_cookie;	/* its getdirentries offset */
	char		td_name[];	/* NUL-terminated */
};

struct tmpfs_node {
	int		tn_type;	/* S_IFREG or S_IFDIR */
	__UINT32_TYPE__	tn_mode;	/* permission bits, 07777 */
	__UINT32_TYPE__	tn_uid;
	__UINT32_TYPE__	tn_gid;
	__UINT32_TYPE__	tn_links;	/* names (directory entries, shm) */
	int		tn_refs;	/* open files, vop_ref's */
	__UINT64_TYPE__	tn_ino;
	__off_t		tn_size;	/* bytes; a directory's: its entries */
	struct timespec	tn_atime, tn_mtime, tn_ctime;
	union {
		struct {
			TAILQ_HEAD(, tmpfs_dirent) tn_entries;
			struct tmpfs_node *tn_parent;	/* NULL: removed */
			__off_t	tn_next_cookie;
			int	tn_subdirs;	/* entries that are dirs */
		} tn_dir;
		struct {
			vm_object_t tn_aobj;	/* the data */
		} tn_reg;
	};
};

/*
 * tmpfs_mount: a new, empty tmpfs: its root directory (mode 01777,
 * root's), or NULL without memory.  Boot (vfs_mountroot).
 */
struct tmpfs_node *tmpfs_mount(void);

/* The VFS operations (kernel/tmpfs_vnops.c). */
extern const struct vnops tmpfs_vnops;

/*
 * tmpfs_alloc_node: a new node of `type` (S_IFREG or S_IFDIR) with
 * permission bits `mode`, owned by `cred`'s effective uid and gid, no
 * links and no references; a regular file gets its empty object, a
 * directory `parent` (itself if NULL: a root).  NULL without memory.
 * tmpfs_free_node_if_unused: free `n` if it has neither links nor
 * references (its object loses the node's reference: mappings keep it).
 * vfs_lock held; never sleep.
 */
struct tmpfs_node *tmpfs_alloc_node(int type, __mode_t mode,
	    const struct ucred *cred, struct tmpfs_node *parent);
void	tmpfs_free_node_if_unused(struct tmpfs_node *n);

/*
 * Directories.  tmpfs_dir_lookup: the entry called `name`, or NULL.
 * tmpfs_dir_attach: add an entry `name` for `n` (one more link; ENOMEM,
 * ENAMETOOLONG).  tmpfs_dir_detach: remove entry `de` (one link less;
 * the node is not freed here).  vfs_lock held; never sleep.
 */
struct tmpfs_dirent *tmpfs_dir_lookup(struct tmpfs_node *dir,
	    const char *name);
int	tmpfs_dir_attach(struct tmpfs_node *dir, const char *name,
	    struct tmpfs_node *n);
void	tmpfs_dir_detach(struct tmpfs_node *dir, struct tmpfs_dirent *de);

/*
 * Regular files.  tmpfs_reg_resize: make the file `newsize` bytes.
 * Shrinking removes the pages past the end from the object and from
 * every mapping (a wired page stays, unmapped and zeroed: SEMANTICS
 * I-P1, R58) and zeroes the rest of the last page; growing reads back
 * zeros.  0, EFBIG (past TMPFS_MAXFILESIZE), EINVAL (negative).
 * tmpfs_read / tmpfs_write: move bytes between the file at `offset`
 * and the user buffer `ubuf` through the object's pages; *done gets
 * the count.  A write past the end grows the file; 0, EFAULT, ENOSPC
 * (no page), EFBIG.  vfs_lock held; may sleep (copyin/copyout).
 * tmpfs_read_kernel: the same as tmpfs_read into the kernel buffer
 * `buf` (exec); 0.  vfs_lock held; never sleeps.
 */
int	tmpfs_reg_resize(struct tmpfs_node *n, __off_t newsize);
int	tmpfs_read(struct tmpfs_node *n, __off_t offset, void *ubuf,
	    size_t len, size_t *done);
int	tmpfs_write(struct tmpfs_node *n, __off_t offset, const void *ubuf,
	    size_t len, size_t *done);
int	tmpfs_read_kernel(struct tmpfs_node *n, __off_t offset, void *buf,
	    size_t len, size_t *done);

/*
 * tmpfs_getattr: the node's stat (st_dev left 0).  tmpfs_touch: set
 * the times named by TMPFS_[AMC]TIME to now.  vfs_lock held.
 */
void	tmpfs_getattr(struct tmpfs_node *n, struct stat *sb);
#define TMPFS_ATIME	0x1
#define TMPFS_MTIME	0x2
#define TMPFS_CTIME	0x4
void	tmpfs_touch(struct tmpfs_node *n, int which);

/*
 * tmpfs_open_node: a struct file on `n` for `flags` (one more
 * reference on n).  tmpfs_file_node: the node of a file tmpfs or shm
 * opened, NULL for any other file.  vfs_lock held.
 */
int	tmpfs_open_node(struct tmpfs_node *n, int flags, struct file **fpp);
struct tmpfs_node *tmpfs_file_node(struct file *fp);

#endif /* !_KERNEL_TMPFS_H_ */
