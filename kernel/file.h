/*
 * file.h - open files and descriptor tables (kernel/kern_descrip.c).
 *
 * A struct file is one open of something: an initrd or tmpfs file or
 * directory, a device, a shm object, a pipe end.  Its operations (struct fileops) do the reading
 * and writing; the file keeps the offset and the open flags.  A process
 * has a table of descriptors (struct filedesc) pointing at files; dup
 * and fork make several descriptors share one file (and its offset).
 *
 * Locking: one CPU.  A table is shared by the threads of its process
 * and changes under its spin mutex fd_mtx (a leaf: nothing else is
 * taken under it but a file reference, which is interrupts off); a
 * file's reference count changes with interrupts disabled.  A thread
 * that uses a file holds a reference (fget ... fdrop), so another
 * thread's close cannot free it meanwhile; the last fdrop runs the
 * close outside the table's lock.  Operations may sleep (a pipe waits
 * for data or room).
 */
#ifndef _KERNEL_FILE_H_
#define _KERNEL_FILE_H_

#include <kernel/systm.h>
#include <kernel/malloc.h>
#include <kernel/mutex.h>
#include <kernel/mount.h>
#include <sys/_stat.h>

MALLOC_DECLARE(M_FILE);

struct file;
struct thread;

/*
 * The operations of one kind of file.  read/write move up to `len`
 * bytes between the file and the user buffer `ubuf` (copyout/copyin:
 * EFAULT on a bad buffer) at the file's offset, advance it, and set
 * *done; 0 or an errno value (a short count is no error).  stat fills
 * *sb.  getdents: directory records (struct dirent) into `ubuf`.  close:
 * the last reference went.  A NULL operation is EBADF (read, write;
 * EISDIR for read on a directory: a file with getdents) or ENOTDIR
 * (getdents); seekable says whether lseek works (else ESPIPE).
 *
 * mmap: the VM object that maps `size` bytes of the file from `offset`
 * (page-aligned) for mmap(prot, flags: MAP_SHARED or MAP_PRIVATE), with
 * a reference for the caller, in *objp; *maxprotp gets the most the
 * mapping may ever allow (no VM_PROT_WRITE for a MAP_SHARED mapping of
 * a descriptor not open for writing).  0, or EACCES (prot beyond what
 * the descriptor allows), EINVAL (flags the file cannot map, e.g.
 * MAP_PRIVATE of a device), ENXIO/EOVERFLOW (a range the file cannot
 * have).  A NULL fo_mmap is ENODEV (pipes, the console).  Called
 * without the map locked; may sleep.
 */
struct vm_object;
struct fileops {
	int	(*fo_read)(struct file *fp, void *ubuf, size_t len,
		    size_t *done);
	int	(*fo_write)(struct file *fp, const void *ubuf, size_t len,
		    size_t *done);
	int	(*fo_stat)(struct file *fp, struct stat *sb);
	int	(*fo_getdents)(struct file *fp, void *ubuf, size_t len,
		    size_t *done);
	int	(*fo_ioctl)(struct file *fp, u_long cmd, void *data);
	void	(*fo_close)(struct file *fp);
	int	(*fo_mmap)(struct file *fp, vm_size_t size,
		    vm_ooffset_t offset, vm_prot_t prot, int flags,
		    vm_prot_t *maxprotp, struct vm_object **objp);
	bool	fo_seekable;
};

struct file {
	const struct fileops *f_ops;
	int		f_count;	/* descriptors and operations using it */
	int		f_flag;		/* O_ACCMODE + O_APPEND | O_NONBLOCK */
	__off_t		f_offset;
	void		*f_data;	/* the kind's own: node, device, pipe */
	struct vfsnode	f_vnode;	/* what a path or shm_open opened
					   (vn_mount NULL for a pipe) */
};

#define NDFILE		64	/* descriptors per process */

struct filedesc {
	struct mtx	fd_mtx;			/* the table ("filedesc") */
	struct file	*fd_files[NDFILE];
	uint8_t		fd_flags[NDFILE];	/* FD_CLOEXEC */
};

/*
 * falloc: a new file with one reference, of kind `ops` with `data`,
 * open for `flag`.  NULL if there is no memory.  fhold / fdrop: take and
 * drop a reference; the last fdrop closes it (fo_close) and frees it.
 */
struct file *falloc(const struct fileops *ops, void *data, int flag);
void	fhold(struct file *fp);
void	fdrop(struct file *fp);

/*
 * fdalloc: put `fp` (its reference moves to the table) at the lowest
 * free descriptor >= `min` of `fdp` and below curthread's RLIMIT_NOFILE
 * (kernel/kern_resource.c); EMFILE if none.  fget: the file
 * at descriptor `fd` of curthread's process, with a reference the
 * caller drops; EBADF if none.
 */
int	fdalloc(struct filedesc *fdp, struct file *fp, int min, int *fdp_out);
int	fget(struct thread *td, int fd, struct file **fpp);

/*
 * fdalloc_flags: fdalloc, with the descriptor's flags (FD_CLOEXEC) set
 * in the same step (so a fork or exec in another thread never sees the
 * descriptor without them).  fdunalloc: undo an fdalloc whose system
 * call fails later: descriptor `fd` is freed if it still holds `fp`,
 * and then (true) the table's reference is the caller's; false if
 * another thread closed it meanwhile (that close dropped it).  Thread
 * context; no sleep.
 */
int	fdalloc_flags(struct filedesc *fdp, struct file *fp, int min,
	    int flags, int *fdp_out);
bool	fdunalloc(struct filedesc *fdp, int fd, struct file *fp);

/*
 * fdinit: an empty table; fdcopy: fork's copy (the same files, one
 * more reference each); fdfree: exit's end (every descriptor closed);
 * fdcloseexec: exec closes the FD_CLOEXEC ones.  fdinit/fdcopy return
 * NULL if there is no memory.  Thread context.
 */
struct filedesc *fdinit(void);
struct filedesc *fdcopy(struct filedesc *fdp);
void	fdfree(struct filedesc *fdp);
void	fdcloseexec(struct filedesc *fdp);

/*
 * vfs_open: open `path` (a kernel string; relative paths start at the
 * root until there is a current directory) with O_* `flags` into a new
 * file, for curthread's process (its credentials check the permissions;
 * O_CREAT makes a regular file with permission bits `mode` & ~umask).
 * O_CREAT|O_EXCL of an existing name is EEXIST; writing or creating on
 * a read-only file system (the initrd, /dev) EROFS; EACCES, EISDIR,
 * ENOENT, ENOTDIR, ELOOP, ENAMETOOLONG, ENOSPC as POSIX says.  Takes
 * vfs_lock (kernel/mount.h); may sleep.  vfs_stat: stat of `path`
 * (NOFOLLOW: lstat).
 */
int	vfs_open(const char *path, int flags, int mode, struct file **fpp);
int	vfs_stat(const char *path, bool nofollow, struct stat *sb);

/*
 * dirent_copyout: append one struct dirent record (fileno, the offset
 * of the next record, DT_* type, name) to the user buffer `ubuf` of
 * `len` bytes, `*done` of which are used, and advance *done.  Returns
 * 0, EFAULT, or ENOSPC when the record does not fit (nothing written).
 */
int	dirent_copyout(void *ubuf, size_t len, size_t *done, uint64_t fileno,
	    __off_t next, int type, const char *name);

/*
 * initrd files (kernel/vfs_initrd.c): open a node; fill a stat.
 * `node` is a const struct initrd_node *.
 */
int	initrd_file_open(const void *node, int flags, struct file **fpp);
void	initrd_node_stat(const void *node, struct stat *sb);

#endif /* !_KERNEL_FILE_H_ */
