/*
 * vfs_initrd.c - the initrd as a file system mounted at / (read-only):
 * its node operations for the VFS (kernel/mount.h), and its open files:
 * reading a regular file at its offset, listing a directory with
 * getdirentries, stat, mmap.  The bytes are read in place
 * (kernel/initrd.h).
 */
#include <sys/errno.h>
#include <sys/fcntl.h>
#include <kernel/systm.h>
#include <kernel/file.h>
#include <kernel/initrd.h>
#include <sys/_mman.h>
#include <vm/vm.h>
#include <vm/vm_object.h>
#include <vm/vm_pager.h>
#include <kernel/mount.h>

#define INITRD_DEV	1	/* st_dev of initrd files */

/* initrd_node_stat: see file.h. */
void
initrd_node_stat(const void *node, struct stat *sb)
{
	const struct initrd_node *n = node;
	unsigned type;

	if (initrd_is_dir(n))
		type = S_IFDIR;
	else if (initrd_is_symlink(n))
		type = S_IFLNK;
	else
		type = S_IFREG;
	memset(sb, 0, sizeof(*sb));
	sb->st_dev = INITRD_DEV;
	sb->st_ino = initrd_ino(n);
	sb->st_mode = type | initrd_mode(n);
	sb->st_nlink = initrd_is_dir(n) ? 2 : 1;
	sb->st_uid = initrd_uid(n);
	sb->st_gid = initrd_gid(n);
	sb->st_size = (__off_t)initrd_size(n);
	sb->st_blocks = (sb->st_size + 511) / 512;
	sb->st_blksize = 4096;
	sb->st_atim.tv_sec = sb->st_mtim.tv_sec = sb->st_ctim.tv_sec =
	    initrd_mtime(n);
}

static int
initrd_file_read(struct file *fp, void *ubuf, size_t len, size_t *done)
{
	const struct initrd_node *n = fp->f_data;
	uint64_t size = initrd_size(n);
	size_t count;
	int error;

	*done = 0;
	if ((uint64_t)fp->f_offset >= size)
		return (0);
	count = MIN(len, (size_t)(size - (uint64_t)fp->f_offset));
	error = copyout((const char *)initrd_data(n) + fp->f_offset, ubuf,
	    count);
	if (error == 0) {
		fp->f_offset += count;
		*done = count;
	}
	return (error);
}

static int
initrd_file_stat(struct file *fp, struct stat *sb)
{
	initrd_node_stat(fp->f_data, sb);
	return (0);
}

/*
 * A directory's records, from entry f_offset on ("." and ".." first,
 * then the entries in name order); the offset counts entries.
 */
static int
initrd_dir_getdents(struct file *fp, void *ubuf, size_t len, size_t *done)
{
	const struct initrd_node *dir = fp->f_data, *n;
	const char *name;
	int error;

	*done = 0;
	for (;; fp->f_offset++) {
		if (fp->f_offset == 0)
			n = dir, name = ".";
		else if (fp->f_offset == 1)
			n = initrd_parent(dir), name = "..";
		else {
			n = initrd_child(dir, (unsigned)(fp->f_offset - 2));
			if (n == NULL)
				return (0);
			name = initrd_name(n);
		}
		error = dirent_copyout(ubuf, len, done, initrd_ino(n),
		    fp->f_offset + 1, initrd_is_dir(n) ? DT_DIR :
		    initrd_is_symlink(n) ? DT_LNK : DT_REG, name);
		if (error == ENOSPC)	/* full; EINVAL if not even one fits */
			return (*done == 0 ? EINVAL : 0);
		if (error != 0)
			return (error);
	}
}

/*
 * fo_mmap of a regular file (see file.h): an OBJT_KBUF object over the
 * file's bytes (vm/kbuf_pager.c), one per mmap call: its pages are
 * copies made at the first fault, so two mappings of one file share
 * nothing but what they cannot change.  The file is read-only: a
 * MAP_SHARED mapping may never be writable (EACCES if it asks);
 * MAP_PRIVATE may, its writes are copied.  Past the end of the file
 * the object has no pages: a touch there is SIGBUS.
 */
static int
initrd_file_mmap(struct file *fp, vm_size_t size, vm_ooffset_t offset,
    vm_prot_t prot, int flags, vm_prot_t *maxprotp, struct vm_object **objp)
{
	const struct initrd_node *n = fp->f_data;
	vm_prot_t maxprot = VM_PROT_READ | VM_PROT_EXECUTE;
	vm_object_t object;

	(void)size, (void)offset;
	if ((flags & MAP_PRIVATE) != 0)
		maxprot |= VM_PROT_WRITE;
	if ((prot & ~maxprot) != 0)
		return (EACCES);
	object = kbuf_pager_alloc(initrd_data(n), initrd_size(n));
	if (object == NULL)
		return (ENOMEM);
	*maxprotp = maxprot;
	*objp = object;
	return (0);
}

static const struct fileops initrd_fileops = {
	.fo_read = initrd_file_read,
	.fo_stat = initrd_file_stat,
	.fo_mmap = initrd_file_mmap,
	.fo_seekable = true,
};

static const struct fileops initrd_dirops = {
	.fo_stat = initrd_file_stat,
	.fo_getdents = initrd_dir_getdents,
	.fo_seekable = true,
};

/* initrd_file_open: see file.h. */
int
initrd_file_open(const void *node, int flags, struct file **fpp)
{
	const struct initrd_node *n = node;
	struct file *fp;

	if ((flags & O_ACCMODE) != O_RDONLY || (flags & O_TRUNC) != 0)
		return (initrd_is_dir(n) ? EISDIR : EROFS);
	fp = falloc(initrd_is_dir(n) ? &initrd_dirops : &initrd_fileops,
	    (void *)(uintptr_t)n, flags & (O_ACCMODE | O_APPEND | O_NONBLOCK));
	if (fp == NULL)
		return (ENOMEM);
	*fpp = fp;
	return (0);
}

/*
 * The VFS's view of the initrd (kernel/mount.h): read-only, so no
 * create, remove, rename or setattr.  Without an initrd the root is
 * NULL, an empty directory.
 */
static int
initrd_vop_lookup(void *dir, const char *name, void **nodep)
{
	const struct initrd_node *n;

	if (dir == NULL || (n = initrd_lookup_at(dir, name)) == NULL)
		return (ENOENT);
	*nodep = (void *)(uintptr_t)n;
	return (0);
}

static void *
initrd_vop_parent(void *dir)
{
	return (dir == NULL ? NULL : (void *)(uintptr_t)initrd_parent(dir));
}

static void
initrd_vop_getattr(void *node, struct stat *sb)
{
	if (node != NULL) {
		initrd_node_stat(node, sb);
		return;
	}
	memset(sb, 0, sizeof(*sb));
	sb->st_ino = 2;
	sb->st_mode = S_IFDIR | 0755;
	sb->st_nlink = 2;
	sb->st_blksize = 4096;
}

static const char *
initrd_vop_readlink(void *node)
{
	return (initrd_link_target(node));
}

static int
initrd_vop_open(void *node, int flags, struct file **fpp)
{
	if (node == NULL)
		return (ENOENT);
	return (initrd_file_open(node, flags, fpp));
}

/* A directory's name is in its node. */
static const char *
initrd_vop_name(void *dir, void *node)
{
	(void)dir;
	return (node == NULL ? NULL : initrd_name(node));
}

/* exec's read: the bytes in place. */
static int
initrd_vop_read(void *node, __off_t offset, void *buf, size_t len,
    size_t *done)
{
	uint64_t size = initrd_size(node);

	*done = 0;
	if (offset < 0 || (uint64_t)offset >= size)
		return (0);
	*done = (size_t)MIN((uint64_t)len, size - (uint64_t)offset);
	memcpy(buf, (const char *)initrd_data(node) + offset, *done);
	return (0);
}

const struct vnops initrd_vnops = {
	.vop_lookup = initrd_vop_lookup,
	.vop_parent = initrd_vop_parent,
	.vop_getattr = initrd_vop_getattr,
	.vop_readlink = initrd_vop_readlink,
	.vop_open = initrd_vop_open,
	.vop_name = initrd_vop_name,
	.vop_read = initrd_vop_read,
};
