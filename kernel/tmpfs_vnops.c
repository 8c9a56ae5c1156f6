/*
 * tmpfs_vnops.c - tmpfs as the VFS sees it (struct vnops, kernel/mount.h)
 * and its open files (struct fileops, kernel/file.h): read, write,
 * getdirentries, stat and mmap.  The VFS has checked permissions and
 * types before a vop is called; the file operations take vfs_lock
 * themselves.
 */
#include <sys/errno.h>
#include <sys/fcntl.h>
#include <sys/_mman.h>
#include <kernel/systm.h>
#include <kernel/file.h>
#include <kernel/mount.h>
#include <kernel/tmpfs.h>
#include <vm/vm.h>
#include <vm/vm_object.h>

static int
tmpfs_lookup(void *dir, const char *name, void **nodep)
{
	struct tmpfs_dirent *de;

	if ((de = tmpfs_dir_lookup(dir, name)) == NULL)
		return (ENOENT);
	*nodep = de->td_node;
	return (0);
}

/* A removed directory has no parent left: ".." stays where it is. */
static void *
tmpfs_parent(void *dir)
{
	struct tmpfs_node *d = dir;

	return (d->tn_dir.tn_parent != NULL ? d->tn_dir.tn_parent : d);
}

static void
tmpfs_vop_getattr(void *node, struct stat *sb)
{
	tmpfs_getattr(node, sb);
}

static int
tmpfs_vop_open(void *node, int flags, struct file **fpp)
{
	return (tmpfs_open_node(node, flags, fpp));
}

static int
tmpfs_create(void *dir, const char *name, int type, __mode_t mode,
    const struct ucred *cred, void **nodep)
{
	struct tmpfs_node *d = dir, *n;
	int error;

	/* A directory that was removed takes no new entries. */
	if (d->tn_links == 0)
		return (ENOENT);
	if ((n = tmpfs_alloc_node(type, mode, cred, d)) == NULL)
		return (ENOSPC);
	if ((error = tmpfs_dir_attach(d, name, n)) != 0) {
		tmpfs_free_node_if_unused(n);
		return (error);
	}
	*nodep = n;
	return (0);
}

static int
tmpfs_remove(void *dir, const char *name, void *node)
{
	struct tmpfs_dirent *de;

	de = tmpfs_dir_lookup(dir, name);
	KASSERT(de != NULL && de->td_node == node, ("tmpfs_remove: %s",
	    name));
	tmpfs_dir_detach(dir, de);
	tmpfs_free_node_if_unused(node);
	return (0);
}

static int
tmpfs_rmdir(void *dir, const char *name, void *node)
{
	struct tmpfs_node *n = node;

	if (!TAILQ_EMPTY(&n->tn_dir.tn_entries))
		return (ENOTEMPTY);
	return (tmpfs_remove(dir, name, node));
}

/*
 * The new name is added before the old ones go, so running out of
 * memory changes nothing.
 */
static int
tmpfs_rename(void *fdir, const char *fname, void *fnode, void *tdir,
    const char *tname, void *tnode)
{
	struct tmpfs_dirent *fde, *tde = NULL;
	struct tmpfs_node *t = tnode;
	int error;

	if (t != NULL && t->tn_type == S_IFDIR &&
	    !TAILQ_EMPTY(&t->tn_dir.tn_entries))
		return (ENOTEMPTY);
	if (((struct tmpfs_node *)tdir)->tn_links == 0)
		return (ENOENT);
	fde = tmpfs_dir_lookup(fdir, fname);
	if (t != NULL)
		tde = tmpfs_dir_lookup(tdir, tname);
	KASSERT(fde != NULL && fde->td_node == fnode && (t == NULL ||
	    (tde != NULL && tde->td_node == t)), ("tmpfs_rename"));
	if ((error = tmpfs_dir_attach(tdir, tname, fnode)) != 0)
		return (error);
	if (tde != NULL) {
		tmpfs_dir_detach(tdir, tde);
		tmpfs_free_node_if_unused(t);
	}
	tmpfs_dir_detach(fdir, fde);
	return (0);
}

static int
tmpfs_setattr(void *node, const struct vattr *va)
{
	struct tmpfs_node *n = node;
	int error;

	if ((va->va_mask & VA_SIZE) != 0) {
		if (n->tn_type != S_IFREG)
			return (EISDIR);
		if ((error = tmpfs_reg_resize(n, va->va_size)) != 0)
			return (error);
		tmpfs_touch(n, TMPFS_MTIME | TMPFS_CTIME);
	}
	if ((va->va_mask & VA_MODE) != 0) {
		n->tn_mode = va->va_mode & 07777;
		tmpfs_touch(n, TMPFS_CTIME);
	}
	return (0);
}

/* A reference that is not an open file: a current directory, exec. */
static void
tmpfs_ref(void *node)
{
	((struct tmpfs_node *)node)->tn_refs++;
}

static void
tmpfs_rele(void *node)
{
	struct tmpfs_node *n = node;

	KASSERT(n->tn_refs > 0, ("tmpfs_rele: node %p", n));
	n->tn_refs--;
	tmpfs_free_node_if_unused(n);
}

/* The name of `node` in `dir`: a walk of dir's entries. */
static const char *
tmpfs_name(void *dir, void *node)
{
	struct tmpfs_node *d = dir;
	struct tmpfs_dirent *de;

	if (d->tn_type != S_IFDIR)
		return (NULL);
	TAILQ_FOREACH(de, &d->tn_dir.tn_entries, td_entries)
		if (de->td_node == node)
			return (de->td_name);
	return (NULL);
}

/* exec's read: the file's pages into a kernel buffer. */
static int
tmpfs_vop_read(void *node, __off_t offset, void *buf, size_t len,
    size_t *done)
{
	return (tmpfs_read_kernel(node, offset, buf, len, done));
}

const struct vnops tmpfs_vnops = {
	.vop_lookup = tmpfs_lookup,
	.vop_parent = tmpfs_parent,
	.vop_getattr = tmpfs_vop_getattr,
	.vop_open = tmpfs_vop_open,
	.vop_create = tmpfs_create,
	.vop_remove = tmpfs_remove,
	.vop_rmdir = tmpfs_rmdir,
	.vop_rename = tmpfs_rename,
	.vop_setattr = tmpfs_setattr,
	.vop_ref = tmpfs_ref,
	.vop_rele = tmpfs_rele,
	.vop_name = tmpfs_name,
	.vop_read = tmpfs_vop_read,
};

/* Open files. */

static int
tmpfs_file_read(struct file *fp, void *ubuf, size_t len, size_t *done)
{
	int error;

	vfs_lock();
	error = tmpfs_read(fp->f_data, fp->f_offset, ubuf, len, done);
	fp->f_offset += (__off_t)*done;
	vfs_unlock();
	return (error);
}

static int
tmpfs_file_write(struct file *fp, const void *ubuf, size_t len,
    size_t *done)
{
	struct tmpfs_node *n = fp->f_data;
	int error;

	vfs_lock();
	if ((fp->f_flag & O_APPEND) != 0)
		fp->f_offset = n->tn_size;
	error = tmpfs_write(n, fp->f_offset, ubuf, len, done);
	fp->f_offset += (__off_t)*done;
	vfs_unlock();
	return (error);
}

static int
tmpfs_file_stat(struct file *fp, struct stat *sb)
{
	vfs_lock();
	if (fp->f_vnode.vn_mount != NULL)
		vfs_getattr(fp->f_vnode, sb);
	else
		tmpfs_getattr(fp->f_data, sb);
	vfs_unlock();
	return (0);
}

static void
tmpfs_file_close(struct file *fp)
{
	struct tmpfs_node *n = fp->f_data;

	vfs_lock();
	KASSERT(n->tn_refs > 0, ("tmpfs_file_close: node %p", n));
	n->tn_refs--;
	tmpfs_free_node_if_unused(n);
	vfs_unlock();
}

/*
 * fo_mmap (file.h): the file's object, with a reference.  A descriptor
 * must be open for reading; a MAP_SHARED mapping may write only through
 * a descriptor open for writing, a MAP_PRIVATE one always (its writes
 * are copies).  Mapping past the end is allowed: a touch there faults
 * out of bounds.
 */
static int
tmpfs_file_mmap(struct file *fp, vm_size_t size, vm_ooffset_t offset,
    vm_prot_t prot, int flags, vm_prot_t *maxprotp, struct vm_object **objp)
{
	struct tmpfs_node *n = fp->f_data;
	vm_prot_t maxprot = VM_PROT_READ | VM_PROT_EXECUTE;

	if ((fp->f_flag & O_ACCMODE) == O_WRONLY)
		return (EACCES);
	if ((flags & MAP_PRIVATE) != 0 || (fp->f_flag & O_ACCMODE) == O_RDWR)
		maxprot |= VM_PROT_WRITE;
	if ((prot & ~maxprot) != 0)
		return (EACCES);
	if (offset > (vm_ooffset_t)TMPFS_MAXFILESIZE ||
	    size > (vm_ooffset_t)TMPFS_MAXFILESIZE - offset)
		return (EOVERFLOW);
	vfs_lock();
	vm_object_reference(n->tn_reg.tn_aobj);
	*objp = n->tn_reg.tn_aobj;
	vfs_unlock();
	*maxprotp = maxprot;
	return (0);
}

/*
 * A directory's records: "." and "..", then the entries in the order
 * they were made.  The offset is a cookie: 0 ".", 1 "..", then the
 * cookie of the next entry to show, so entries removed meanwhile do not
 * make a reader skip others.
 */
static int
tmpfs_dir_getdents(struct file *fp, void *ubuf, size_t len, size_t *done)
{
	struct tmpfs_node *d = fp->f_data, *p;
	struct tmpfs_dirent *de;
	int error = 0;

	*done = 0;
	vfs_lock();
	while (fp->f_offset < 2) {
		p = fp->f_offset == 0 ? d : tmpfs_parent(d);
		error = dirent_copyout(ubuf, len, done, p->tn_ino,
		    fp->f_offset + 1, DT_DIR, fp->f_offset == 0 ? "." : "..");
		if (error != 0)
			goto out;
		fp->f_offset++;
	}
	TAILQ_FOREACH(de, &d->tn_dir.tn_entries, td_entries) {
		if (de->td_cookie < fp->f_offset)
			continue;
		error = dirent_copyout(ubuf, len, done, de->td_node->tn_ino,
		    de->td_cookie + 1, de->td_node->tn_type == S_IFDIR ?
		    DT_DIR : DT_REG, de->td_name);
		if (error != 0)
			goto out;
		fp->f_offset = de->td_cookie + 1;
	}
out:
	tmpfs_touch(d, TMPFS_ATIME);
	vfs_unlock();
	if (error == ENOSPC)	/* full; EINVAL if not even one fits */
		return (*done == 0 ? EINVAL : 0);
	return (error);
}

static const struct fileops tmpfs_regops = {
	.fo_read = tmpfs_file_read,
	.fo_write = tmpfs_file_write,
	.fo_stat = tmpfs_file_stat,
	.fo_close = tmpfs_file_close,
	.fo_mmap = tmpfs_file_mmap,
	.fo_seekable = true,
};

static const struct fileops tmpfs_dirops = {
	.fo_stat = tmpfs_file_stat,
	.fo_getdents = tmpfs_dir_getdents,
	.fo_close = tmpfs_file_close,
	.fo_seekable = true,
};

/* tmpfs_open_node: see tmpfs.h. */
int
tmpfs_open_node(struct tmpfs_node *n, int flags, struct file **fpp)
{
	struct file *fp;

	vfs_assert_locked();
	fp = falloc(n->tn_type == S_IFDIR ? &tmpfs_dirops : &tmpfs_regops, n,
	    flags & (O_ACCMODE | O_APPEND | O_NONBLOCK));
	if (fp == NULL)
		return (ENOMEM);
	n->tn_refs++;
	*fpp = fp;
	return (0);
}

/* tmpfs_file_node: see tmpfs.h. */
struct tmpfs_node *
tmpfs_file_node(struct file *fp)
{
	if (fp->f_ops == &tmpfs_regops || fp->f_ops == &tmpfs_dirops)
		return (fp->f_data);
	return (NULL);
}
