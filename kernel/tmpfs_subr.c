/*
 * tmpfs_subr.c - tmpfs's nodes, directories and file data (see
 * kernel/tmpfs.h).  Every function runs with vfs_lock held.
 *
 * File data moves between the user and the object's pages through a
 * one-page bounce buffer: the page is looked up (or made) and copied
 * with the object locked, the user side is copied with nothing but
 * vfs_lock held.  So a copyin or copyout that faults, maybe on a
 * mapping of this very file, never waits for the object lock we hold.
 */
#include <sys/errno.h>
#include <kernel/systm.h>
#include <kernel/malloc.h>
#include <kernel/mount.h>
#include <kernel/time.h>
#include <kernel/tmpfs.h>
#include <kernel/ucred.h>
#include <vm/vm.h>
#include <vm/vm_object.h>
#include <vm/vm_page.h>
#include <vm/pmap.h>

MALLOC_DEFINE(M_TMPFS, "tmpfs", "tmpfs nodes and directory entries");

static __UINT64_TYPE__ tmpfs_next_ino = 2;	/* the first root's is 2 */

/* tmpfs_touch: see tmpfs.h. */
void
tmpfs_touch(struct tmpfs_node *n, int which)
{
	struct timespec now;

	nanotime(&now);
	if ((which & TMPFS_ATIME) != 0)
		n->tn_atime = now;
	if ((which & TMPFS_MTIME) != 0)
		n->tn_mtime = now;
	if ((which & TMPFS_CTIME) != 0)
		n->tn_ctime = now;
}

/* tmpfs_alloc_node: see tmpfs.h. */
struct tmpfs_node *
tmpfs_alloc_node(int type, __mode_t mode, const struct ucred *cred,
    struct tmpfs_node *parent)
{
	struct tmpfs_node *n;
	vm_object_t obj;

	KASSERT(type == S_IFREG || type == S_IFDIR, ("tmpfs: type %#o",
	    type));
	n = malloc(sizeof(*n), M_TMPFS, M_NOWAIT | M_ZERO);
	if (n == NULL)
		return (NULL);
	n->tn_type = type;
	n->tn_mode = mode & 07777;
	n->tn_uid = cred->cr_uid;
	n->tn_gid = cred->cr_gid;
	n->tn_ino = tmpfs_next_ino++;
	tmpfs_touch(n, TMPFS_ATIME | TMPFS_MTIME | TMPFS_CTIME);
	if (type == S_IFDIR) {
		TAILQ_INIT(&n->tn_dir.tn_entries);
		n->tn_dir.tn_parent = parent != NULL ? parent : n;
		n->tn_dir.tn_next_cookie = 2;	/* after "." and ".." */
		return (n);
	}
	/* Shared memory, not anonymous: see tmpfs.h. */
	if ((obj = vm_object_allocate(OBJT_SWAP, 0)) == NULL) {
		free(n, M_TMPFS);
		return (NULL);
	}
	VM_OBJECT_WLOCK(obj);
	obj->flags &= ~(OBJ_ANON | OBJ_ONEMAPPING);
	VM_OBJECT_WUNLOCK(obj);
	n->tn_reg.tn_aobj = obj;
	return (n);
}

/* tmpfs_free_node_if_unused: see tmpfs.h. */
void
tmpfs_free_node_if_unused(struct tmpfs_node *n)
{
	vfs_assert_locked();
	if (n->tn_links > 0 || n->tn_refs > 0)
		return;
	if (n->tn_type == S_IFDIR)
		KASSERT(TAILQ_EMPTY(&n->tn_dir.tn_entries),
		    ("tmpfs: freeing directory %p with entries", n));
	else
		vm_object_deallocate(n->tn_reg.tn_aobj);
	free(n, M_TMPFS);
}

/* tmpfs_mount: see tmpfs.h. */
struct tmpfs_node *
tmpfs_mount(void)
{
	static const struct ucred root;
	struct tmpfs_node *n;

	n = tmpfs_alloc_node(S_IFDIR, 01777, &root, NULL);
	if (n != NULL)
		n->tn_links = 1;	/* the mount holds it */
	return (n);
}

/* tmpfs_dir_lookup: see tmpfs.h. */
struct tmpfs_dirent *
tmpfs_dir_lookup(struct tmpfs_node *dir, const char *name)
{
	struct tmpfs_dirent *de;

	TAILQ_FOREACH(de, &dir->tn_dir.tn_entries, td_entries)
		if (strcmp(de->td_name, name) == 0)
			return (de);
	return (NULL);
}

/* tmpfs_dir_attach: see tmpfs.h. */
int
tmpfs_dir_attach(struct tmpfs_node *dir, const char *name,
    struct tmpfs_node *n)
{
	struct tmpfs_dirent *de;
	size_t len = strlen(name);

	if (len > VFS_NAME_MAX)
		return (ENAMETOOLONG);
	de = malloc(sizeof(*de) + len + 1, M_TMPFS, M_NOWAIT);
	if (de == NULL)
		return (ENOMEM);
	memcpy(de->td_name, name, len + 1);
	de->td_node = n;
	de->td_cookie = dir->tn_dir.tn_next_cookie++;
	TAILQ_INSERT_TAIL(&dir->tn_dir.tn_entries, de, td_entries);
	n->tn_links++;
	if (n->tn_type == S_IFDIR) {
		n->tn_dir.tn_parent = dir;
		dir->tn_dir.tn_subdirs++;
	}
	dir->tn_size++;
	tmpfs_touch(dir, TMPFS_MTIME | TMPFS_CTIME);
	tmpfs_touch(n, TMPFS_CTIME);
	return (0);
}

/* tmpfs_dir_detach: see tmpfs.h. */
void
tmpfs_dir_detach(struct tmpfs_node *dir, struct tmpfs_dirent *de)
{
	struct tmpfs_node *n = de->td_node;

	TAILQ_REMOVE(&dir->tn_dir.tn_entries, de, td_entries);
	free(de, M_TMPFS);
	KASSERT(n->tn_links > 0, ("tmpfs: node %p has no links", n));
	n->tn_links--;
	if (n->tn_type == S_IFDIR) {
		dir->tn_dir.tn_subdirs--;
		if (n->tn_links == 0)
			n->tn_dir.tn_parent = NULL;
	}
	dir->tn_size--;
	tmpfs_touch(dir, TMPFS_MTIME | TMPFS_CTIME);
	tmpfs_touch(n, TMPFS_CTIME);
}

/* tmpfs_getattr: see tmpfs.h. */
void
tmpfs_getattr(struct tmpfs_node *n, struct stat *sb)
{
	memset(sb, 0, sizeof(*sb));
	sb->st_ino = n->tn_ino;
	sb->st_mode = (__UINT32_TYPE__)n->tn_type | n->tn_mode;
	sb->st_uid = n->tn_uid;
	sb->st_gid = n->tn_gid;
	if (n->tn_type == S_IFDIR) {
		/* Its name (none once removed), ".", and each subdirectory's "..". */
		sb->st_nlink = (n->tn_links > 0 ? 2 : 0) +
		    (__UINT32_TYPE__)n->tn_dir.tn_subdirs;
		sb->st_size = (n->tn_size + 2) * 32;
	} else {
		sb->st_nlink = n->tn_links;
		sb->st_size = n->tn_size;
		sb->st_blocks = (__INT64_TYPE__)
		    n->tn_reg.tn_aobj->resident_page_count * (PAGE_SIZE / 512);
	}
	sb->st_blksize = PAGE_SIZE;
	sb->st_atim.tv_sec = n->tn_atime.tv_sec;
	sb->st_atim.tv_nsec = n->tn_atime.tv_nsec;
	sb->st_mtim.tv_sec = n->tn_mtime.tv_sec;
	sb->st_mtim.tv_nsec = n->tn_mtime.tv_nsec;
	sb->st_ctim.tv_sec = n->tn_ctime.tv_sec;
	sb->st_ctim.tv_nsec = n->tn_ctime.tv_nsec;
}

/*
 * Zero bytes [from, PAGE_SIZE) of page `pindex` of `obj` (locked), if
 * the object holds that page.
 */
static void
tmpfs_zero_tail(vm_object_t obj, vm_pindex_t pindex, size_t from)
{
	vm_offset_t va;
	vm_page_t m;

	if ((m = vm_page_lookup(obj, pindex)) == NULL)
		return;
	va = pmap_quick_enter_page(m);
	memset((char *)va + from, 0, PAGE_SIZE - from);
	pmap_quick_remove_page(va);
}

/* tmpfs_reg_resize: see tmpfs.h. */
int
tmpfs_reg_resize(struct tmpfs_node *n, __off_t newsize)
{
	vm_object_t obj = n->tn_reg.tn_aobj;
	vm_pindex_t newpages = (vm_pindex_t)howmany(newsize, PAGE_SIZE);
	__off_t oldsize = n->tn_size;
	vm_page_t m;

	KASSERT(n->tn_type == S_IFREG, ("tmpfs_reg_resize: type %#o",
	    n->tn_type));
	if (newsize < 0)
		return (EINVAL);
	if (newsize > TMPFS_MAXFILESIZE)
		return (EFBIG);
	VM_OBJECT_WLOCK(obj);
	if (newsize < oldsize) {
		/*
		 * Pages past the end leave the object and every mapping;
		 * wired ones stay, unmapped and invalid (I-P1): empty them
		 * so that growing the file again shows zeros (R58).
		 */
		vm_object_page_remove(obj, newpages, 0, 0);
		for (m = vm_page_find_least(obj, newpages); m != NULL;
		    m = vm_page_find_least(obj, m->pindex + 1))
			pmap_zero_page(m);
		if ((newsize & PAGE_MASK) != 0)
			tmpfs_zero_tail(obj, newpages - 1,
			    (size_t)(newsize & PAGE_MASK));
	} else if ((oldsize & PAGE_MASK) != 0) {
		/* A MAP_SHARED store past the old end must not show. */
		tmpfs_zero_tail(obj, (vm_pindex_t)(oldsize / PAGE_SIZE),
		    (size_t)(oldsize & PAGE_MASK));
	}
	obj->size = newpages;
	VM_OBJECT_WUNLOCK(obj);
	n->tn_size = newsize;
	return (0);
}

/*
 * Copy `len` bytes between the bounce buffer `buf` and page `pindex` of
 * `obj` at `off`: out of the file (zeros if it has no such page) when
 * `towrite` is false, into it (making the page) when true.  ENOSPC if
 * there is no page to be had.
 */
static int
tmpfs_copy_page(vm_object_t obj, vm_pindex_t pindex, size_t off, char *buf,
    size_t len, bool towrite)
{
	vm_offset_t va;
	vm_page_t m;

	VM_OBJECT_WLOCK(obj);
	m = vm_page_lookup(obj, pindex);
	if (m == NULL && towrite) {
		m = vm_page_alloc(obj, pindex, VM_ALLOC_NORMAL |
		    (len < PAGE_SIZE ? VM_ALLOC_ZERO : 0));
		if (m == NULL) {
			VM_OBJECT_WUNLOCK(obj);
			return (ENOSPC);
		}
	}
	if (m == NULL) {
		memset(buf, 0, len);
	} else {
		va = pmap_quick_enter_page(m);
		if (towrite)
			memcpy((char *)va + off, buf, len);
		else
			memcpy(buf, (char *)va + off, len);
		pmap_quick_remove_page(va);
		if (towrite) {
			m->valid = VM_PAGE_BITS_ALL;
			m->dirty = VM_PAGE_BITS_ALL;
		}
	}
	VM_OBJECT_WUNLOCK(obj);
	return (0);
}

/* tmpfs_read: see tmpfs.h. */
int
tmpfs_read(struct tmpfs_node *n, __off_t offset, void *ubuf, size_t len,
    size_t *done)
{
	size_t off, count;
	char *buf;
	int error = 0;

	*done = 0;
	if (offset >= n->tn_size || len == 0)
		return (0);
	len = (size_t)MIN((__off_t)len, n->tn_size - offset);
	if ((buf = malloc(PAGE_SIZE, M_TEMP, M_NOWAIT)) == NULL)
		return (ENOMEM);
	while (*done < len) {
		off = (size_t)(offset & PAGE_MASK);
		count = MIN(len - *done, PAGE_SIZE - off);
		error = tmpfs_copy_page(n->tn_reg.tn_aobj,
		    (vm_pindex_t)(offset / PAGE_SIZE), off, buf, count, false);
		if (error == 0)
			error = copyout(buf, (char *)ubuf + *done, count);
		if (error != 0)
			break;
		*done += count;
		offset += (__off_t)count;
	}
	free(buf, M_TEMP);
	tmpfs_touch(n, TMPFS_ATIME);
	return (error);
}

/* tmpfs_read_kernel: see tmpfs.h. */
int
tmpfs_read_kernel(struct tmpfs_node *n, __off_t offset, void *buf,
    size_t len, size_t *done)
{
	size_t off, count;
	int error = 0;

	KASSERT(n->tn_type == S_IFREG, ("tmpfs_read_kernel: type %#o",
	    n->tn_type));
	*done = 0;
	if (offset < 0 || offset >= n->tn_size || len == 0)
		return (0);
	len = (size_t)MIN((__off_t)len, n->tn_size - offset);
	while (*done < len) {
		off = (size_t)(offset & PAGE_MASK);
		count = MIN(len - *done, PAGE_SIZE - off);
		/* Reading makes no page, so it cannot fail. */
		error = tmpfs_copy_page(n->tn_reg.tn_aobj,
		    (vm_pindex_t)(offset / PAGE_SIZE), off, (char *)buf + *done,
		    count, false);
		if (error != 0)
			break;
		*done += count;
		offset += (__off_t)count;
	}
	return (error);
}

/* tmpfs_write: see tmpfs.h. */
int
tmpfs_write(struct tmpfs_node *n, __off_t offset, const void *ubuf,
    size_t len, size_t *done)
{
	__off_t oldsize;
	size_t off, count;
	char *buf;
	int error = 0;

	*done = 0;
	if (len == 0)
		return (0);
	if (offset > TMPFS_MAXFILESIZE ||
	    (__off_t)len > TMPFS_MAXFILESIZE - offset)
		return (EFBIG);
	if ((buf = malloc(PAGE_SIZE, M_TEMP, M_NOWAIT)) == NULL)
		return (ENOMEM);
	while (*done < len) {
		off = (size_t)(offset & PAGE_MASK);
		count = MIN(len - *done, PAGE_SIZE - off);
		error = copyin((const char *)ubuf + *done, buf, count);
		if (error != 0)
			break;
		/* Grow first: the object's size covers every page it has. */
		oldsize = n->tn_size;
		if (offset + (__off_t)count > oldsize &&
		    (error = tmpfs_reg_resize(n, offset + (__off_t)count)) != 0)
			break;
		error = tmpfs_copy_page(n->tn_reg.tn_aobj,
		    (vm_pindex_t)(offset / PAGE_SIZE), off, buf, count, true);
		if (error != 0) {
			if (n->tn_size != oldsize)
				(void)tmpfs_reg_resize(n, oldsize);
			break;
		}
		*done += count;
		offset += (__off_t)count;
	}
	free(buf, M_TEMP);
	if (*done > 0)
		tmpfs_touch(n, TMPFS_MTIME | TMPFS_CTIME);
	return (error);
}
