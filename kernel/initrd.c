/*
 * initrd.c - the initrd's file tree: parsing a ustar archive into
 * nodes, path lookup, and the accessors the file layer and exec use.
 * The format rules are in initrd.h.
 *
 * Parsing builds each directory's entries in a red-black tree (any
 * archive order costs O(log n) per entry), then turns them into one
 * sorted array per directory: lookups binary-search it and getdents
 * walks it by index, with no pointer to chase and nothing to lock.
 *
 * Machine-independent and pure (no boot information, no pmap): also
 * built and tested on the host (tests/host/test_initrd.c).  Attaching
 * the boot module is initrd_attach.c's job.
 */
#include <sys/errno.h>
#include <sys/queue.h>
#include <sys/tree.h>
#include <kernel/systm.h>
#include <kernel/malloc.h>
#include <kernel/initrd.h>

MALLOC_DEFINE(M_INITRD, "initrd", "initrd file tree");

#define USTAR_BLOCK	512
#define USTAR_PATH_MAX	(155 + 1 + 100)		/* prefix "/" name */

/* The POSIX ustar header; every number is octal text. */
struct ustar_header {
	char	name[100];
	char	mode[8];
	char	uid[8];
	char	gid[8];
	char	size[12];
	char	mtime[12];
	char	chksum[8];
	char	typeflag;
	char	linkname[100];
	char	magic[6];	/* "ustar\0" */
	char	version[2];	/* "00" */
	char	uname[32];
	char	gname[32];
	char	devmajor[8];
	char	devminor[8];
	char	prefix[155];
	char	pad[12];
};
CTASSERT(sizeof(struct ustar_header) == USTAR_BLOCK);

enum initrd_type { INITRD_REG, INITRD_DIR, INITRD_LNK };

RB_HEAD(initrd_entries, initrd_node);
LIST_HEAD(initrd_nodes, initrd_node);

/*
 * A file, directory or symlink.  (b): used while the tree is built;
 * everything else is constant afterwards (c).  The name, and a
 * symlink's target, live in the same allocation after the structure.
 */
struct initrd_node {
	RB_ENTRY(initrd_node)	in_link;	/* (b) in parent's in_entries */
	struct initrd_entries	in_entries;	/* (b) directory: by name */
	LIST_ENTRY(initrd_node)	in_all;		/* every node, for freeing */
	struct initrd_node	**in_children;	/* directory: sorted by name */
	unsigned		in_nchildren;
	struct initrd_node	*in_parent;	/* the root's is the root */
	const char		*in_name;	/* NUL-terminated */
	size_t			in_namelen;
	const void		*in_data;	/* file: in the image; link: target */
	size_t			in_size;
	int64_t			in_mtime;
	uint32_t		in_uid;
	uint32_t		in_gid;
	uint32_t		in_ino;
	uint16_t		in_mode;	/* permission bits */
	uint8_t			in_type;	/* enum initrd_type */
};

/* A tree and what it counts. */
struct initrd_tree {
	struct initrd_node	*root;
	struct initrd_nodes	all;
	uint32_t		next_ino;
	struct initrd_stats	stats;
};

/* The parser's position, for building and for error messages. */
struct ustar_parse {
	const uint8_t		*image;
	size_t			len;
	size_t			off;		/* of the current header */
	unsigned		index;		/* its number, from 0 */
	char			path[USTAR_PATH_MAX + 1];
	struct initrd_tree	*tree;
};

/* The attached tree, NULL until there is one (c after initrd_init). */
static struct initrd_tree *initrd;

static int
entry_cmp(struct initrd_node *a, struct initrd_node *b)
{
	int c;

	c = memcmp(a->in_name, b->in_name, MIN(a->in_namelen, b->in_namelen));
	if (c != 0)
		return (c);
	return ((a->in_namelen > b->in_namelen) -
	    (a->in_namelen < b->in_namelen));
}
RB_GENERATE_STATIC(initrd_entries, initrd_node, in_link, entry_cmp)

/*
 * Report what is wrong with the current header and return EINVAL.  The
 * name is shown once it is known (the header's checksum was right).
 */
static int __printflike(2, 3)
ustar_bad(struct ustar_parse *up, const char *fmt, ...)
{
	char why[160];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof(why), fmt, ap);
	va_end(ap);
	printf("initrd: header %u at offset %#zx%s%s%s: %s\n", up->index,
	    up->off, up->path[0] != '\0' ? " (\"" : "", up->path,
	    up->path[0] != '\0' ? "\")" : "", why);
	return (EINVAL);
}

/*
 * An octal field: optional leading spaces, digits, then NUL or space
 * or the field's end.  All NULs is 0.  GNU's base-256 form (high bit
 * of the first byte) is not ustar and is refused.
 */
static bool
ustar_number(const char *field, size_t size, uint64_t *value)
{
	uint64_t v = 0;
	size_t i = 0;

	if (size > 0 && (field[0] & 0x80) != 0)
		return (false);
	while (i < size && field[i] == ' ')
		i++;
	for (; i < size && field[i] >= '0' && field[i] <= '7'; i++)
		v = v * 8 + (uint64_t)(field[i] - '0');
	if (i < size && field[i] != '\0' && field[i] != ' ')
		return (false);
	*value = v;
	return (true);
}

/* The header's checksum: all bytes, the checksum field counted as spaces. */
static uint64_t
ustar_checksum(const uint8_t *block)
{
	uint64_t sum = 0;
	size_t i;

	for (i = 0; i < USTAR_BLOCK; i++)
		sum += i >= offsetof(struct ustar_header, chksum) &&
		    i < offsetof(struct ustar_header, typeflag) ? ' ' : block[i];
	return (sum);
}

static bool
block_is_zero(const uint8_t *block)
{
	size_t i;

	for (i = 0; i < USTAR_BLOCK; i++)
		if (block[i] != 0)
			return (false);
	return (true);
}

static struct initrd_node *
node_alloc(struct initrd_tree *t, const char *name, size_t namelen,
    const char *target, size_t targetlen)
{
	struct initrd_node *n;
	char *p;

	n = malloc(sizeof(*n) + namelen + 1 + targetlen + 1, M_INITRD,
	    M_NOWAIT | M_ZERO);
	if (n == NULL)
		return (NULL);
	p = (char *)(n + 1);
	memcpy(p, name, namelen);
	n->in_name = p;
	n->in_namelen = namelen;
	p += namelen + 1;
	if (targetlen > 0) {
		memcpy(p, target, targetlen);
		n->in_data = p;
	}
	RB_INIT(&n->in_entries);
	n->in_ino = t->next_ino++;
	LIST_INSERT_HEAD(&t->all, n, in_all);
	return (n);
}

static void
node_free(struct initrd_node *n)
{
	LIST_REMOVE(n, in_all);
	free(n->in_children, M_INITRD);
	free(n, M_INITRD);
}

static void
tree_free(struct initrd_tree *t)
{
	if (t == NULL)
		return;
	while (!LIST_EMPTY(&t->all))
		node_free(LIST_FIRST(&t->all));
	free(t, M_INITRD);
}

static struct initrd_node *
dir_find(struct initrd_node *dir, const char *name, size_t namelen)
{
	struct initrd_node key;

	key.in_name = name;
	key.in_namelen = namelen;
	return (RB_FIND(initrd_entries, &dir->in_entries, &key));
}

static void
dir_insert(struct initrd_node *dir, struct initrd_node *n)
{
	n->in_parent = dir;
	RB_INSERT(initrd_entries, &dir->in_entries, n);
	dir->in_nchildren++;
}

/* The next component of *pathp (which is advanced past it), or length 0. */
static size_t
next_component(const char **pathp, const char **comp)
{
	const char *p = *pathp;
	size_t len = 0;

	while (*p == '/')
		p++;
	*comp = p;
	while (p[len] != '\0' && p[len] != '/')
		len++;
	*pathp = p + len;
	return (len);
}

static bool
is_dot(const char *comp, size_t len)
{
	return (len == 1 && comp[0] == '.');
}

static bool
is_dotdot(const char *comp, size_t len)
{
	return (len == 2 && comp[0] == '.' && comp[1] == '.');
}

/*
 * Walk the archive path up->path: *dirp gets the directory that holds
 * its last component, *lastp and *lenp that component (length 0: the
 * path names the root).  With `create`, missing directories on the way
 * are made (implied directories); otherwise a missing one is ENOENT.
 */
static int
ustar_walk(struct ustar_parse *up, const char *path, bool create,
    struct initrd_node **dirp, const char **lastp, size_t *lenp)
{
	struct initrd_node *dir = up->tree->root, *n;
	const char *comp, *next;
	size_t len, nextlen;

	len = next_component(&path, &comp);
	while (is_dot(comp, len))
		len = next_component(&path, &comp);
	while (len > 0) {
		if (is_dotdot(comp, len))
			return (ustar_bad(up, "\"..\" in an archive name"));
		/* Skip "." so that it is never taken as the last component. */
		nextlen = next_component(&path, &next);
		while (is_dot(next, nextlen))
			nextlen = next_component(&path, &next);
		if (nextlen == 0)
			break;
		n = dir_find(dir, comp, len);
		if (n == NULL && !create)
			return (ENOENT);
		if (n == NULL) {
			n = node_alloc(up->tree, comp, len, NULL, 0);
			if (n == NULL)
				return (ENOMEM);
			n->in_type = INITRD_DIR;
			n->in_mode = 0755;
			dir_insert(dir, n);
		} else if (n->in_type != INITRD_DIR)
			return (ustar_bad(up, "\"%.*s\" on the way is not a "
			    "directory", (int)len, comp));
		dir = n;
		comp = next;
		len = nextlen;
	}
	*dirp = dir;
	*lastp = comp;
	*lenp = len;
	return (0);
}

/* The attributes every entry has. */
static void
node_set_attrs(struct initrd_node *n, uint64_t mode, uint64_t uid,
    uint64_t gid, uint64_t mtime)
{
	n->in_mode = (uint16_t)(mode & 07777);
	n->in_uid = (uint32_t)uid;
	n->in_gid = (uint32_t)gid;
	n->in_mtime = (int64_t)mtime;
}

/*
 * Enter one archive member of type `type` at up->path.  data/size: a
 * regular file's bytes; target: a symlink's (NUL-terminated).
 */
static int
ustar_enter(struct ustar_parse *up, enum initrd_type type,
    const struct ustar_header *h, const void *data, size_t size,
    const char *target)
{
	struct initrd_node *dir, *old, *n;
	uint64_t mode, uid, gid, mtime;
	const char *last;
	size_t len;
	int error;

	if (!ustar_number(h->mode, sizeof(h->mode), &mode) ||
	    !ustar_number(h->uid, sizeof(h->uid), &uid) ||
	    !ustar_number(h->gid, sizeof(h->gid), &gid) ||
	    !ustar_number(h->mtime, sizeof(h->mtime), &mtime))
		return (ustar_bad(up, "a mode, uid, gid or mtime field is "
		    "not an octal number"));
	if ((error = ustar_walk(up, up->path, true, &dir, &last, &len)) != 0)
		return (error);
	if (len == 0) {
		if (type != INITRD_DIR)
			return (ustar_bad(up, "names the root, but is not a "
			    "directory"));
		node_set_attrs(up->tree->root, mode, uid, gid, mtime);
		return (0);
	}
	old = dir_find(dir, last, len);
	if (old != NULL && old->in_type != type)
		return (ustar_bad(up, "conflicts with an earlier entry of "
		    "another type"));
	if (old != NULL && type == INITRD_DIR) {
		/* A directory's own entry after files inside it. */
		node_set_attrs(old, mode, uid, gid, mtime);
		return (0);
	}
	n = node_alloc(up->tree, last, len, target,
	    target != NULL ? strlen(target) : 0);
	if (n == NULL)
		return (ENOMEM);
	n->in_type = type;
	node_set_attrs(n, mode, uid, gid, mtime);
	if (type == INITRD_REG) {
		n->in_data = data;
		n->in_size = size;
	} else if (type == INITRD_LNK)
		n->in_size = strlen(target);
	if (old != NULL) {
		/* tar's rule: the later member wins. */
		RB_REMOVE(initrd_entries, &dir->in_entries, old);
		dir->in_nchildren--;
		node_free(old);
	}
	dir_insert(dir, n);
	return (0);
}

/* A hard link: a new regular file sharing an earlier one's bytes. */
static int
ustar_hardlink(struct ustar_parse *up, const struct ustar_header *h,
    const char *target)
{
	struct initrd_node *dir, *file;
	const char *last;
	size_t len;
	int error;

	error = ustar_walk(up, target, false, &dir, &last, &len);
	if (error == EINVAL || error == ENOMEM)
		return (error);
	file = error == 0 && len > 0 ? dir_find(dir, last, len) : NULL;
	if (file == NULL || file->in_type != INITRD_REG)
		return (ustar_bad(up, "hard link to \"%s\", which is not an "
		    "earlier regular file", target));
	return (ustar_enter(up, INITRD_REG, h, file->in_data, file->in_size,
	    NULL));
}

/* A header field that need not end in NUL, as a C string in buf. */
static void
field_string(char *buf, const char *field, size_t size)
{
	size_t n = strnlen(field, size);

	memcpy(buf, field, n);
	buf[n] = '\0';
}

/* One member: its header is at up->off.  *nextp: the next header. */
static int
ustar_member(struct ustar_parse *up, size_t *nextp)
{
	const struct ustar_header *h;
	char target[sizeof(h->linkname) + 1];
	uint64_t stored, size;
	size_t plen, datoff;

	h = (const struct ustar_header *)(up->image + up->off);
	if (!ustar_number(h->chksum, sizeof(h->chksum), &stored))
		return (ustar_bad(up, "checksum field is not a number"));
	if (stored != ustar_checksum(up->image + up->off))
		return (ustar_bad(up, "bad checksum (header says %#llo, "
		    "bytes sum to %#llo)", (unsigned long long)stored,
		    (unsigned long long)ustar_checksum(up->image + up->off)));
	if (memcmp(h->magic, "ustar", 6) != 0 ||
	    memcmp(h->version, "00", 2) != 0)
		return (ustar_bad(up, "not a POSIX ustar header%s",
		    memcmp(h->magic, "ustar ", 6) == 0 ?
		    " (GNU format: make it with tar --format=ustar)" : ""));
	plen = strnlen(h->prefix, sizeof(h->prefix));
	memcpy(up->path, h->prefix, plen);
	if (plen > 0)
		up->path[plen++] = '/';
	field_string(up->path + plen, h->name, sizeof(h->name));

	if (!ustar_number(h->size, sizeof(h->size), &size))
		return (ustar_bad(up, "size field is not an octal number"));
	datoff = up->off + USTAR_BLOCK;
	if (size > up->len - datoff)
		return (ustar_bad(up, "its %llu bytes run past the end of the "
		    "image (%zu bytes left)", (unsigned long long)size,
		    up->len - datoff));
	*nextp = datoff + (size_t)roundup(size, USTAR_BLOCK);
	if (*nextp > up->len)
		*nextp = up->len;

	field_string(target, h->linkname, sizeof(h->linkname));
	switch (h->typeflag) {
	case '0':
	case '\0':
	case '7':		/* contiguous file: POSIX says a regular one */
		return (ustar_enter(up, INITRD_REG, h, up->image + datoff,
		    (size_t)size, NULL));
	case '5':
		return (ustar_enter(up, INITRD_DIR, h, NULL, 0, NULL));
	case '2':
		if (target[0] == '\0')
			return (ustar_bad(up, "symbolic link with no target"));
		return (ustar_enter(up, INITRD_LNK, h, NULL, 0, target));
	case '1':
		return (ustar_hardlink(up, h, target));
	case 'x':
	case 'g':
		return (ustar_bad(up, "pax extended header: make the archive "
		    "with tar --format=ustar"));
	default:
		return (ustar_bad(up, "type '%c' is not supported (only files, "
		    "directories and links)", h->typeflag));
	}
}

/* Give each directory its sorted array of entries, and count. */
static int
tree_finish(struct initrd_tree *t, size_t image_bytes)
{
	struct initrd_node *n, *child;
	unsigned i;

	LIST_FOREACH(n, &t->all, in_all) {
		switch (n->in_type) {
		case INITRD_REG:
			t->stats.files++;
			t->stats.file_bytes += n->in_size;
			continue;
		case INITRD_LNK:
			t->stats.symlinks++;
			continue;
		}
		t->stats.directories++;
		if (n->in_nchildren == 0)
			continue;
		n->in_children = malloc(n->in_nchildren * sizeof(child),
		    M_INITRD, M_NOWAIT);
		if (n->in_children == NULL)
			return (ENOMEM);
		i = 0;
		RB_FOREACH(child, initrd_entries, &n->in_entries)
			n->in_children[i++] = child;
		KASSERT(i == n->in_nchildren, ("initrd: directory \"%s\" has "
		    "%u entries, counted %u", n->in_name, i, n->in_nchildren));
	}
	t->stats.image_bytes = image_bytes;
	return (0);
}

static int
ustar_parse(struct initrd_tree *t, const void *image, size_t len)
{
	struct ustar_parse up;
	size_t next;
	int error;

	memset(&up, 0, sizeof(up));
	up.image = image;
	up.len = len;
	up.tree = t;
	for (;;) {
		up.path[0] = '\0';
		if (len - up.off < USTAR_BLOCK)
			return (ustar_bad(&up, "the image ends (%zu bytes) "
			    "before the archive's end marker", len));
		/* The first zero block ends the archive; tar pads after it. */
		if (block_is_zero(up.image + up.off))
			return (tree_finish(t, MIN(up.off + 2 * USTAR_BLOCK,
			    len)));
		next = 0;
		if ((error = ustar_member(&up, &next)) != 0)
			return (error);
		up.off = next;
		up.index++;
	}
}

int
initrd_init(const void *image, size_t len)
{
	struct initrd_tree *t;
	int error;

	t = malloc(sizeof(*t), M_INITRD, M_NOWAIT | M_ZERO);
	if (t == NULL)
		return (ENOMEM);
	LIST_INIT(&t->all);
	t->next_ino = 2;
	t->root = node_alloc(t, "", 0, NULL, 0);
	if (t->root == NULL) {
		tree_free(t);
		return (ENOMEM);
	}
	t->root->in_type = INITRD_DIR;
	t->root->in_mode = 0755;
	t->root->in_parent = t->root;
	error = ustar_parse(t, image, len);
	if (error != 0) {
		tree_free(t);
		return (error);
	}
	tree_free(initrd);
	initrd = t;
	return (0);
}

const struct initrd_node *
initrd_root(void)
{
	return (initrd != NULL ? initrd->root : NULL);
}

void
initrd_get_stats(struct initrd_stats *st)
{
	if (initrd != NULL)
		*st = initrd->stats;
	else
		memset(st, 0, sizeof(*st));
}

/* Binary search of a directory's sorted entries. */
static const struct initrd_node *
dir_search(const struct initrd_node *dir, const char *name, size_t len)
{
	struct initrd_node *const *v = dir->in_children;
	unsigned lo = 0, hi = dir->in_nchildren, mid;
	const struct initrd_node *n;
	int c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		n = v[mid];
		c = memcmp(name, n->in_name, MIN(len, n->in_namelen));
		if (c == 0)
			c = (len > n->in_namelen) - (len < n->in_namelen);
		if (c == 0)
			return (n);
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return (NULL);
}

static bool
only_slashes(const char *s)
{
	while (*s == '/')
		s++;
	return (*s == '\0');
}

/* No component left in s, nor in the suspended rests of the path? */
static bool
path_done(const char *s, const char *const *rests, int nrests)
{
	int i;

	if (!only_slashes(s))
		return (false);
	for (i = 0; i < nrests; i++)
		if (!only_slashes(rests[i]))
			return (false);
	return (true);
}

/* A "/" after the last component, in s or in a suspended rest? */
static bool
path_has_slash(const char *s, const char *const *rests, int nrests)
{
	int i;

	if (*s == '/')
		return (true);
	for (i = 0; i < nrests; i++)
		if (rests[i][0] == '/')
			return (true);
	return (false);
}

int
initrd_namei(const struct initrd_node *dir, const char *path, int flags,
    const struct initrd_node **result)
{
	/* Following a link suspends the rest of the path that led to it. */
	const char *rests[INITRD_MAXSYMLINKS];
	const struct initrd_node *n, *child;
	const char *comp;
	int nrests = 0, links = 0;
	bool last, slash;
	size_t len;

	if (initrd == NULL || path[0] == '\0')
		return (ENOENT);
	n = path[0] == '/' || dir == NULL ? initrd->root : dir;
	for (;;) {
		len = next_component(&path, &comp);
		if (len == 0) {
			if (nrests == 0)
				break;
			path = rests[--nrests];
			continue;
		}
		if (n->in_type != INITRD_DIR)
			return (ENOTDIR);
		if (len > INITRD_NAME_MAX)
			return (ENAMETOOLONG);
		last = path_done(path, rests, nrests);
		slash = last && path_has_slash(path, rests, nrests);
		if (is_dot(comp, len))
			continue;
		if (is_dotdot(comp, len)) {
			n = n->in_parent;
			continue;
		}
		if ((child = dir_search(n, comp, len)) == NULL)
			return (ENOENT);
		if (child->in_type == INITRD_LNK &&
		    (!last || slash || (flags & INITRD_NOFOLLOW) == 0)) {
			if (links++ == INITRD_MAXSYMLINKS)
				return (ELOOP);
			rests[nrests++] = path;
			path = child->in_data;
			if (path[0] == '/')
				n = initrd->root;
			continue;
		}
		if (slash && child->in_type != INITRD_DIR)
			return (ENOTDIR);
		n = child;
	}
	*result = n;
	return (0);
}

const struct initrd_node *
initrd_lookup(const char *path)
{
	const struct initrd_node *n;

	return (initrd_namei(NULL, path, 0, &n) == 0 ? n : NULL);
}

const struct initrd_node *
initrd_lookup_at(const struct initrd_node *dir, const char *name)
{
	size_t len = strlen(name);

	if (dir->in_type != INITRD_DIR)
		return (NULL);
	if (is_dot(name, len))
		return (dir);
	if (is_dotdot(name, len))
		return (dir->in_parent);
	return (dir_search(dir, name, len));
}

const struct initrd_node *
initrd_child(const struct initrd_node *dir, unsigned i)
{
	if (dir->in_type != INITRD_DIR || i >= dir->in_nchildren)
		return (NULL);
	return (dir->in_children[i]);
}

unsigned
initrd_nchildren(const struct initrd_node *dir)
{
	return (dir->in_type == INITRD_DIR ? dir->in_nchildren : 0);
}

const char *
initrd_name(const struct initrd_node *n)
{
	return (n->in_name);
}

const struct initrd_node *
initrd_parent(const struct initrd_node *n)
{
	return (n->in_parent);
}

bool
initrd_is_dir(const struct initrd_node *n)
{
	return (n->in_type == INITRD_DIR);
}

bool
initrd_is_reg(const struct initrd_node *n)
{
	return (n->in_type == INITRD_REG);
}

bool
initrd_is_symlink(const struct initrd_node *n)
{
	return (n->in_type == INITRD_LNK);
}

size_t
initrd_size(const struct initrd_node *n)
{
	return (n->in_size);
}

const void *
initrd_data(const struct initrd_node *n)
{
	return (n->in_type == INITRD_REG ? n->in_data : NULL);
}

const char *
initrd_link_target(const struct initrd_node *n)
{
	return (n->in_type == INITRD_LNK ? n->in_data : NULL);
}

unsigned
initrd_mode(const struct initrd_node *n)
{
	return (n->in_mode);
}

uint32_t
initrd_uid(const struct initrd_node *n)
{
	return (n->in_uid);
}

uint32_t
initrd_gid(const struct initrd_node *n)
{
	return (n->in_gid);
}

int64_t
initrd_mtime(const struct initrd_node *n)
{
	return (n->in_mtime);
}

uint32_t
initrd_ino(const struct initrd_node *n)
{
	return (n->in_ino);
}
