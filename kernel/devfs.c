/*
 * devfs.c - the devices under /dev: console, null and zero, fb0 (the
 * screen, kernel/dev_fb.c) and devtest (kernel/dev_devtest.c), and
 * /dev itself as a directory that lists them.  Mounted at /dev by
 * vfs_mountroot (kernel/vfs_mount.c), read-only: its nodes are
 * constant, so nothing here takes a lock.
 *
 * console writes to every console (kernel/kern_cons.c) and reads what
 * is typed, a line at a time (kernel/tty.c), which also answers its
 * ioctls and makes it a controlling terminal on open; null reads as end of file
 * and swallows writes; zero reads as zeros, and mmap of it is anonymous
 * memory.  initrd (dev_initrd.c) reads the boot archive raw, through
 * a wired user buffer; wiretest (dev_wiretest.c) is the test hook for
 * system wirings.
 */
#include <sys/errno.h>
#include <sys/fcntl.h>
#include <kernel/systm.h>
#include <kernel/cons.h>
#include <kernel/devsw.h>
#include <kernel/file.h>
#include <kernel/mount.h>
#include <kernel/devfs.h>
#include <kernel/tty.h>
#include <vm/vm.h>
#include <vm/vm_object.h>

#define DEVFS_DEV	2	/* st_dev of devfs nodes */
#define DEVFS_ROOT_INO	2

struct devnode {
	const char	*dn_name;
	uint64_t	dn_rdev;
	const struct fileops *dn_ops;
	int		dn_mode;	/* permission bits */
};

static int
null_read(struct file *fp, void *ubuf, size_t len, size_t *done)
{
	(void)fp, (void)ubuf, (void)len;
	*done = 0;
	return (0);
}

static int
null_write(struct file *fp, const void *ubuf, size_t len, size_t *done)
{
	(void)fp, (void)ubuf;
	*done = len;
	return (0);
}

static int
zero_read(struct file *fp, void *ubuf, size_t len, size_t *done)
{
	static const char zeros[256];
	size_t n;
	int error;

	(void)fp;
	for (*done = 0; *done < len; *done += n) {
		n = MIN(len - *done, sizeof(zeros));
		if ((error = copyout(zeros, (char *)ubuf + *done, n)) != 0)
			return (error);
	}
	return (0);
}

/*
 * fo_mmap of /dev/zero (see file.h): a new anonymous object, zero-filled
 * on demand, as MAP_ANON would give; mmap shares it (MAP_SHARED: with
 * the children a fork makes) or copies it on write (MAP_PRIVATE).  It
 * is as large as the mapping's end, `offset` + `size`, so the mapping
 * can sit at `offset` in it; only the pages touched exist.
 */
static int
zero_mmap(struct file *fp, vm_size_t size, vm_ooffset_t offset,
    vm_prot_t prot, int flags, vm_prot_t *maxprotp, struct vm_object **objp)
{
	vm_object_t object;

	(void)fp, (void)prot, (void)flags;
	object = vm_object_allocate(OBJT_DEFAULT, atop(offset + size));
	if (object == NULL)
		return (ENOMEM);
	*maxprotp = VM_PROT_ALL;
	*objp = object;
	return (0);
}

static int
console_write(struct file *fp, const void *ubuf, size_t len, size_t *done)
{
	char buf[128];
	size_t n, i;
	int error;

	(void)fp;
	for (*done = 0; *done < len; *done += n) {
		n = MIN(len - *done, sizeof(buf));
		if ((error = copyin((const char *)ubuf + *done, buf, n)) != 0)
			return (error);
		for (i = 0; i < n; i++)
			cnputc(buf[i]);
	}
	return (0);
}

static int
console_read(struct file *fp, void *ubuf, size_t len, size_t *done)
{
	return (tty_read(ubuf, len, (fp->f_flag & O_NONBLOCK) != 0, done));
}

static int
console_ioctl(struct file *fp, u_long cmd, void *data)
{
	(void)fp;
	return (tty_ioctl(cmd, data));
}


static const struct fileops console_ops = {
	.fo_read = console_read,
	.fo_write = console_write,
	.fo_stat = devfs_stat,
	.fo_ioctl = console_ioctl,
};
static const struct fileops null_ops = {
	.fo_read = null_read,
	.fo_write = null_write,
	.fo_stat = devfs_stat,
	.fo_seekable = true,
};
static const struct fileops zero_ops = {
	.fo_read = zero_read,
	.fo_write = null_write,
	.fo_stat = devfs_stat,
	.fo_mmap = zero_mmap,
	.fo_seekable = true,
};

static const struct fileops initrd_ops = {
	.fo_read = devinitrd_read,
	.fo_stat = devfs_stat,
	.fo_seekable = true,
};
static const struct fileops wiretest_ops = {
	.fo_stat = devfs_stat,
	.fo_ioctl = wiretest_ioctl,
};

/* In name order, as getdirentries lists them; ino = index + 3. */
static const struct devnode devnodes[] = {
	{ "console", 0x0500, &console_ops, 0666 },
	{ "devtest", 0x0e01, &devtest_ops, 0600 },
	{ "fb0", 0x1d00, &fb_ops, 0600 },
	{ "initrd", 0x0201, &initrd_ops, 0444 },
	{ "null", 0x0103, &null_ops, 0666 },
	{ "wiretest", 0x0202, &wiretest_ops, 0600 },
	{ "zero", 0x0105, &zero_ops, 0666 },
};

/* /dev itself: the node whose name is "". */
static const struct devnode devroot = { "", 0, NULL, 0555 };

static void
devnode_fill(const struct devnode *dn, struct stat *sb)
{
	memset(sb, 0, sizeof(*sb));
	sb->st_dev = DEVFS_DEV;
	sb->st_blksize = 4096;
	sb->st_nlink = 1;
	if (dn == &devroot) {
		sb->st_ino = DEVFS_ROOT_INO;
		sb->st_mode = S_IFDIR | 0555;
		sb->st_nlink = 2;
		return;
	}
	sb->st_ino = (uint64_t)(dn - devnodes) + 3;
	sb->st_mode = S_IFCHR | dn->dn_mode;
	sb->st_rdev = dn->dn_rdev;
}

int
devfs_stat(struct file *fp, struct stat *sb)
{
	devnode_fill(fp->f_data, sb);
	return (0);
}

/* /dev's records: ".", "..", then the devices; the offset counts them. */
static int
devdir_getdents(struct file *fp, void *ubuf, size_t len, size_t *done)
{
	const char *name;
	int error, i;

	*done = 0;
	for (;; fp->f_offset++) {
		i = (int)fp->f_offset - 2;
		if (i >= (int)nitems(devnodes))
			return (0);
		name = fp->f_offset == 0 ? "." : fp->f_offset == 1 ? ".." :
		    devnodes[i].dn_name;
		error = dirent_copyout(ubuf, len, done, i >= 0 ?
		    (uint64_t)i + 3 : DEVFS_ROOT_INO, fp->f_offset + 1,
		    i >= 0 ? DT_CHR : DT_DIR, name);
		if (error == ENOSPC)	/* full; EINVAL if not even one fits */
			return (*done == 0 ? EINVAL : 0);
		if (error != 0)
			return (error);
	}
}

static const struct fileops devdir_ops = {
	.fo_stat = devfs_stat,
	.fo_getdents = devdir_getdents,
	.fo_seekable = true,
};

/* The VFS's view (kernel/mount.h): one directory of devices. */
static int
devfs_lookup(void *dir, const char *name, void **nodep)
{
	unsigned i;

	(void)dir;
	for (i = 0; i < nitems(devnodes); i++)
		if (strcmp(devnodes[i].dn_name, name) == 0) {
			*nodep = (void *)(uintptr_t)&devnodes[i];
			return (0);
		}
	return (ENOENT);
}

static void *
devfs_parent(void *dir)
{
	return (dir);
}

static void
devfs_getattr(void *node, struct stat *sb)
{
	devnode_fill(node, sb);
}

static int
devfs_vop_open(void *node, int flags, struct file **fpp)
{
	const struct devnode *dn = node;
	struct file *fp;

	fp = falloc(dn != &devroot ? dn->dn_ops : &devdir_ops, node,
	    flags & (O_ACCMODE | O_APPEND | O_NONBLOCK));
	if (fp == NULL)
		return (ENOMEM);
	/* A session leader may get the console as its terminal. */
	if (dn->dn_ops == &console_ops)
		tty_open(flags);
	*fpp = fp;
	return (0);
}

const struct vnops devfs_vnops = {
	.vop_lookup = devfs_lookup,
	.vop_parent = devfs_parent,
	.vop_getattr = devfs_getattr,
	.vop_open = devfs_vop_open,
};

/*
 * devfs_root: /dev, for the mount table (kernel/vfs_mount.c), which
 * mounts it once, at boot: the devices that need memory get it now,
 * before anything measures the free and wired pages.
 */
void *
devfs_root(void)
{
	devtest_attach();
	return ((void *)(uintptr_t)&devroot);
}
