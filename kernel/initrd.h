/*
 * initrd.h - the initial ramdisk: a POSIX ustar archive that GRUB loads
 * as a multiboot2 module (command line "initrd"), seen by the kernel as
 * a read-only file tree rooted at /.
 *
 * The archive stays where the loader put it; the tree indexes it.  A
 * regular file's bytes are read in place (initrd_data), so the module's
 * pages are never given to the page allocator (vm_phys excludes them).
 *
 * The format, as scripts/mkinitrd writes it (docs/architecture.md, "The
 * initrd"):
 *	- 512-byte ustar headers, magic "ustar\0" version "00", checksum
 *	  verified; the archive ends at the first all-zero header, which
 *	  must be there (a missing one means a truncated image);
 *	- names are prefix "/" name (up to 255 bytes); leading "/", "./"
 *	  and empty or "." components are dropped, ".." is refused;
 *	- types: regular ('0', NUL, '7'), directory ('5'), symbolic link
 *	  ('2', followed by lookups) and hard link ('1', to an earlier
 *	  regular file: a second node sharing its bytes); others refused;
 *	- directories that only appear inside other names exist too, with
 *	  mode 0755, owner 0:0 and mtime 0;
 *	- a later entry of the same type replaces an earlier one (tar's
 *	  rule); one of another type is refused.
 *
 * Nodes are constant once initrd_init has returned (c): every function
 * here except initrd_init may be called from any context, takes no lock
 * and never sleeps.
 */
#ifndef _KERNEL_INITRD_H_
#define _KERNEL_INITRD_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct initrd_node;

/* Longest name component, and symbolic links followed by one lookup. */
#define INITRD_NAME_MAX		255
#define INITRD_MAXSYMLINKS	32

/* initrd_namei flags */
#define INITRD_NOFOLLOW		0x1	/* a symlink as last component is the result */

/* What the tree holds (regular-file bytes count hard links once each). */
struct initrd_stats {
	unsigned	files;		/* regular files, hard links included */
	unsigned	directories;	/* the root included */
	unsigned	symlinks;
	uint64_t	file_bytes;	/* sum of regular files' sizes */
	size_t		image_bytes;	/* the archive, up to its end marker */
};

/*
 * initrd_init: parse the ustar archive of `len` bytes at `image` and
 * index it.  The image must stay mapped and unchanged while the tree is
 * in use.  Returns 0; EINVAL for a malformed archive, after printing
 * one line naming the header (its number, offset and name) and what is
 * wrong with it; ENOMEM if node memory ran out.  On an error nothing is
 * kept and any earlier tree stays; on success an earlier tree (host
 * tests make several) is freed.  Boot only (one thread, no lookups
 * running); allocates with M_NOWAIT, never sleeps.
 */
int	initrd_init(const void *image, size_t len);

/*
 * initrd_attach: find the boot module whose command line is "initrd",
 * map it and initrd_init it, printing one line with what it holds (or
 * that there is none, which is no error).  Called once by mi_startup
 * after the VM is up.  Never sleeps.
 */
void	initrd_attach(void);
/*
 * initrd_image: the attached archive's bytes in kernel VA (constant
 * after boot) and, in *lenp, their number; NULL and 0 if none.  Kernel
 * only (initrd_attach.c); any context.
 */
const void *initrd_image(size_t *lenp);

/* initrd_root: the root directory, or NULL if no initrd is attached. */
const struct initrd_node *initrd_root(void);

/* initrd_get_stats: counts of the attached tree (zeros if none). */
void	initrd_get_stats(struct initrd_stats *st);

/*
 * initrd_namei: look up `path`.  An absolute path starts at the root, a
 * relative one at `dir` (NULL: the root).  Repeated slashes, "." and
 * ".." are handled (".." of the root is the root); symbolic links are
 * followed, the last component's too unless INITRD_NOFOLLOW is given
 * and the path does not end in "/".  Returns 0 with *result set, or
 * ENOENT (a component is missing, the path or a link's target is
 * empty, or there is no initrd), ENOTDIR (a component other than the
 * last, or a last one followed by "/", is not a directory),
 * ENAMETOOLONG (a component longer than INITRD_NAME_MAX) or ELOOP (more
 * than INITRD_MAXSYMLINKS links).
 */
int	initrd_namei(const struct initrd_node *dir, const char *path,
	    int flags, const struct initrd_node **result);

/* initrd_lookup: initrd_namei from the root, following links; NULL on any error. */
const struct initrd_node *initrd_lookup(const char *path);

/*
 * initrd_lookup_at: the entry `name` (one component, no "/") of
 * directory `dir`; "." is dir and ".." its parent.  Links are not
 * followed.  NULL if absent or if dir is not a directory.
 */
const struct initrd_node *initrd_lookup_at(const struct initrd_node *dir,
	    const char *name);

/*
 * initrd_child: the i-th entry of directory `dir` in byte order of the
 * names ("." and ".." are not entries), for getdents; NULL past the
 * last or if dir is not a directory.  initrd_nchildren: how many.
 */
const struct initrd_node *initrd_child(const struct initrd_node *dir,
	    unsigned i);
unsigned initrd_nchildren(const struct initrd_node *dir);

/*
 * Accessors.  initrd_name: the last component ("" for the root);
 * initrd_parent: the directory holding the node (the root's is the
 * root).  initrd_size: bytes of a regular file, length of a link's
 * target, 0 for a directory.  initrd_data: a regular file's bytes,
 * inside the image (NULL for other types).  initrd_link_target: a
 * symlink's target, NUL-terminated (NULL for other types).
 * initrd_mode: permission bits only (07777); the type is given by the
 * initrd_is_* predicates.  initrd_ino: a number unique in the tree
 * (the root's is 2), for st_ino and d_fileno.
 */
const char *initrd_name(const struct initrd_node *n);
const struct initrd_node *initrd_parent(const struct initrd_node *n);
bool	initrd_is_dir(const struct initrd_node *n);
bool	initrd_is_reg(const struct initrd_node *n);
bool	initrd_is_symlink(const struct initrd_node *n);
size_t	initrd_size(const struct initrd_node *n);
const void *initrd_data(const struct initrd_node *n);
const char *initrd_link_target(const struct initrd_node *n);
unsigned initrd_mode(const struct initrd_node *n);
uint32_t initrd_uid(const struct initrd_node *n);
uint32_t initrd_gid(const struct initrd_node *n);
int64_t	initrd_mtime(const struct initrd_node *n);
uint32_t initrd_ino(const struct initrd_node *n);

#endif /* !_KERNEL_INITRD_H_ */
