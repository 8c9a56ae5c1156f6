/*
 * test_initrd.c - the initrd's ustar parser and file tree
 * (kernel/initrd.c) on the host: archives made by scripts/mkinitrd with
 * the real tar at test time (run from the top of the tree, as make
 * test-host does), and hand-built headers for what tar would never
 * write (bad checksums, truncation, "..", conflicts, other formats).
 *
 * Every image is copied into a buffer of exactly its length, so under
 * ASan a read past the end fails the run.  Allocations go through a
 * shim that counts them and can fail the n-th one.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sys/errno.h>

#include "tap.h"
#include "vmhost/kmalloc.h"
#include <kernel/initrd.h>

#define ELOOP_VALUE	62	/* FreeBSD's, what initrd.c returns */

/* kern_malloc / kern_free: initrd.c's malloc and free (initrd.mk). */
static long alloc_outstanding;	/* allocations not yet freed */
static long alloc_fail_in = -1;	/* fail the allocation this many from now */

void *
kern_malloc(size_t size, struct malloc_type *type, int flags)
{
	void *p;

	(void)type;
	if (alloc_fail_in == 0) {
		alloc_fail_in = -1;
		return (NULL);
	}
	if (alloc_fail_in > 0)
		alloc_fail_in--;
	p = (flags & M_ZERO) != 0 ? calloc(1, size) : malloc(size);
	if (p != NULL)
		alloc_outstanding++;
	return (p);
}

void
kern_free(void *addr, struct malloc_type *type)
{
	(void)type;
	if (addr != NULL)
		alloc_outstanding--;
	free(addr);
}

/* initrd.c's printf: keep the last line, for the checks on messages. */
static char last_message[512];

int
initrd_test_printf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(last_message, sizeof(last_message), fmt, ap);
	va_end(ap);
	return (n);
}

void
kassert_panic(const char *file, int line, const char *expr, const char *fmt,
    ...)
{
	va_list ap;

	printf("# panic: assertion \"%s\" failed at %s:%d: ", expr, file, line);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	abort();
}

/*
 * initrd_init on an exact-size copy of buf.  The attached tree points
 * into its image, so the image lives as long as the tree.
 */
static void *attached_image;

static int
load(const void *buf, size_t len)
{
	void *copy = malloc(len > 0 ? len : 1);
	int error;

	memcpy(copy, buf, len);
	last_message[0] = '\0';
	error = initrd_init(copy, len);
	if (error == 0) {
		free(attached_image);
		attached_image = copy;
	} else
		free(copy);
	return (error);
}

/* Hand-built archives. */
struct archive {
	uint8_t	buf[64 * 512];
	size_t	len;
};

static void
octal(char *field, size_t size, unsigned long long v)
{
	snprintf(field, size, "%0*llo", (int)size - 1, v);
}

/*
 * Append one member: its name (and ustar prefix, may be NULL), type,
 * mode, link target (may be NULL) and data.  Returns the header, so a
 * test can spoil it (then call fix_checksum, or not).
 */
static uint8_t *
add(struct archive *a, const char *prefix, const char *name, char type,
    unsigned mode, const char *linkname, const char *data)
{
	uint8_t *h = a->buf + a->len;
	size_t size = data != NULL ? strlen(data) : 0;
	unsigned sum = 0;
	size_t i;

	memset(h, 0, 512);
	memcpy(h, name, strnlen(name, 100));
	octal((char *)h + 100, 8, mode);
	octal((char *)h + 108, 8, 0);
	octal((char *)h + 116, 8, 0);
	octal((char *)h + 124, 12, size);
	octal((char *)h + 136, 12, 0);
	h[156] = (uint8_t)type;
	if (linkname != NULL)
		memcpy(h + 157, linkname, strnlen(linkname, 100));
	memcpy(h + 257, "ustar", 6);
	memcpy(h + 263, "00", 2);
	if (prefix != NULL)
		memcpy(h + 345, prefix, strnlen(prefix, 155));
	memset(h + 148, ' ', 8);
	for (i = 0; i < 512; i++)
		sum += h[i];
	snprintf((char *)h + 148, 8, "%06o", sum);
	a->len += 512;
	if (size > 0) {
		memset(a->buf + a->len, 0, (size + 511) / 512 * 512);
		memcpy(a->buf + a->len, data, size);
		a->len += (size + 511) / 512 * 512;
	}
	return (h);
}

static void
fix_checksum(uint8_t *h)
{
	unsigned sum = 0;
	size_t i;

	memset(h + 148, ' ', 8);
	for (i = 0; i < 512; i++)
		sum += h[i];
	snprintf((char *)h + 148, 8, "%06o", sum);
}

static void
finish(struct archive *a)
{
	memset(a->buf + a->len, 0, 1024);
	a->len += 1024;
}

/* The content of the regular file at path is text. */
static bool
holds(const char *path, const char *text)
{
	const struct initrd_node *n = initrd_lookup(path);

	return (n != NULL && initrd_is_reg(n) &&
	    initrd_size(n) == strlen(text) &&
	    memcmp(initrd_data(n), text, strlen(text)) == 0);
}

static int
namei(const char *path, int flags, const struct initrd_node **np)
{
	return (initrd_namei(NULL, path, flags, np));
}

/* Real tar: stage files in a temporary directory, run scripts/mkinitrd. */
static char stage_top[64];

static bool
stage_init(void)
{
	char cmd[128];

	snprintf(stage_top, sizeof(stage_top), "/tmp/vise-initrd.XXXXXX");
	if (mkdtemp(stage_top) == NULL)
		return (false);
	snprintf(cmd, sizeof(cmd), "mkdir %s/s", stage_top);
	return (system(cmd) == 0);
}

static void
stage_cleanup(void)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf %s", stage_top);
	if (system(cmd) != 0)
		printf("# could not remove %s\n", stage_top);
}

/* Run a shell command in the staging directory. */
static bool
stage_sh(const char *fmt, ...)
{
	char cmd[4096];
	va_list ap;
	int n;

	n = snprintf(cmd, sizeof(cmd), "cd %s/s && ", stage_top);
	va_start(ap, fmt);
	vsnprintf(cmd + n, sizeof(cmd) - (size_t)n, fmt, ap);
	va_end(ap);
	return (system(cmd) == 0);
}

/* mkinitrd the staging directory and read the archive; NULL on failure. */
static uint8_t *
stage_archive(size_t *lenp)
{
	char cmd[256], path[128];
	uint8_t *buf;
	FILE *f;
	long len;

	snprintf(path, sizeof(path), "%s/out.tar", stage_top);
	snprintf(cmd, sizeof(cmd), "sh scripts/mkinitrd %s/s %s", stage_top,
	    path);
	if (system(cmd) != 0 || (f = fopen(path, "rb")) == NULL)
		return (NULL);
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	rewind(f);
	buf = malloc((size_t)len);
	if (fread(buf, 1, (size_t)len, f) != (size_t)len) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	*lenp = (size_t)len;
	return (buf);
}

#define LONG60_D "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
#define LONG60_F "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"

static void
tree_from_real_tar(void)
{
	const struct initrd_node *root, *prog, *prog2, *n;
	struct initrd_stats st;
	uint8_t *image, *again;
	size_t len, len2;
	static const char *const root_order[] = { "bin", LONG60_D, "empty",
	    "etc", "link" };
	unsigned i;

	REQUIRE(stage_sh("mkdir -p bin etc empty " LONG60_D " && "
	    "printf 'hello\\n' > etc/motd && chmod 0644 etc/motd && "
	    "head -c 3000 /dev/zero | tr '\\000' x > bin/prog && "
	    "chmod 4755 bin/prog && ln bin/prog bin/prog2 && "
	    "ln -s etc/motd link && printf 'long\\n' > " LONG60_D "/"
	    LONG60_F), "staging failed");
	image = stage_archive(&len);
	REQUIRE(image != NULL, "mkinitrd failed");
	again = stage_archive(&len2);
	CHECK(again != NULL && len2 == len && memcmp(image, again, len) == 0,
	    "mkinitrd is not deterministic");
	free(again);
	REQUIRE(load(image, len) == 0, "initrd_init: %s", last_message);
	free(image);

	initrd_get_stats(&st);
	CHECK(st.files == 4 && st.directories == 5 && st.symlinks == 1,
	    "%u files, %u directories, %u symlinks", st.files,
	    st.directories, st.symlinks);
	CHECK(st.file_bytes == 6 + 3000 + 3000 + 5, "%llu bytes",
	    (unsigned long long)st.file_bytes);
	root = initrd_root();
	REQUIRE(root != NULL && initrd_nchildren(root) == 5);
	for (i = 0; i < 5; i++)
		CHECK(strcmp(initrd_name(initrd_child(root, i)),
		    root_order[i]) == 0, "entry %u is %s", i,
		    initrd_name(initrd_child(root, i)));
	CHECK(holds("/etc/motd", "hello\n"));
	CHECK(holds("/link", "hello\n"));
	CHECK(holds("/" LONG60_D "/" LONG60_F, "long\n"));
	prog = initrd_lookup("/bin/prog");
	prog2 = initrd_lookup("/bin/prog2");
	REQUIRE(prog != NULL && prog2 != NULL);
	CHECK(initrd_size(prog) == 3000 && initrd_size(prog2) == 3000);
	CHECK(initrd_data(prog) == initrd_data(prog2),
	    "a hard link does not share the bytes");
	CHECK((const uint8_t *)initrd_data(prog) >=
	    (const uint8_t *)attached_image && (const uint8_t *)
	    initrd_data(prog) + 3000 <= (const uint8_t *)attached_image + len,
	    "file bytes not inside the image");
	CHECK(initrd_mode(prog) == 04755, "mode %o", initrd_mode(prog));
	CHECK(initrd_uid(prog) == 0 && initrd_gid(prog) == 0 &&
	    initrd_mtime(prog) == 0);
	CHECK(initrd_ino(prog) != initrd_ino(prog2) &&
	    initrd_ino(root) == 2);
	n = initrd_lookup("/empty");
	CHECK(n != NULL && initrd_is_dir(n) && initrd_nchildren(n) == 0 &&
	    initrd_child(n, 0) == NULL && initrd_size(n) == 0);
	CHECK(namei("/link", INITRD_NOFOLLOW, &n) == 0 &&
	    initrd_is_symlink(n) && initrd_size(n) == 8 &&
	    strcmp(initrd_link_target(n), "etc/motd") == 0);
}

static void
thousand_files(void)
{
	const struct initrd_node *dir, *n;
	struct initrd_stats st;
	char path[64], name[16];
	uint8_t *image;
	size_t len;
	unsigned i;

	REQUIRE(stage_sh("mkdir many && cd many && i=0; while [ $i -lt 1000 ]; "
	    "do printf 'file %%d\\n' $i > f$(printf %%04d $i); i=$((i+1)); "
	    "done"), "staging failed");
	image = stage_archive(&len);
	REQUIRE(image != NULL, "mkinitrd failed");
	REQUIRE(load(image, len) == 0, "initrd_init: %s", last_message);
	free(image);
	initrd_get_stats(&st);
	CHECK(st.files == 1000 && st.directories == 2, "%u files, %u dirs",
	    st.files, st.directories);
	dir = initrd_lookup("/many");
	REQUIRE(dir != NULL && initrd_nchildren(dir) == 1000);
	for (i = 0; i < 1000; i++) {
		char text[16];

		snprintf(name, sizeof(name), "f%04u", i);
		snprintf(path, sizeof(path), "/many/%s", name);
		snprintf(text, sizeof(text), "file %u\n", i);
		n = initrd_child(dir, i);
		if (!CHECK(n != NULL && strcmp(initrd_name(n), name) == 0 &&
		    initrd_lookup(path) == n && holds(path, text),
		    "%s", path))
			break;
	}
	CHECK(initrd_child(dir, 1000) == NULL);
}

/* The tests with a staging directory, removed whatever they do. */
static void
with_stage(void (*test)(void))
{
	if (!CHECK(stage_init(), "no staging directory"))
		return;
	test();
	stage_cleanup();
}

static void
mkinitrd_tree_from_real_tar(void)
{
	with_stage(tree_from_real_tar);
}

static void
a_thousand_files(void)
{
	with_stage(thousand_files);
}

static void
prefix_field_and_implied_directories(void)
{
	static struct archive a;
	const struct initrd_node *n;

	a.len = 0;
	add(&a, "a/b", "c.txt", '0', 0600, NULL, "abc");
	finish(&a);
	REQUIRE(load(a.buf, a.len) == 0, "initrd_init: %s", last_message);
	CHECK(holds("/a/b/c.txt", "abc"));
	n = initrd_lookup("/a/b");
	CHECK(n != NULL && initrd_is_dir(n) && initrd_mode(n) == 0755 &&
	    initrd_uid(n) == 0 && initrd_mtime(n) == 0,
	    "implied directory attributes");
	CHECK(n != NULL && initrd_parent(n) == initrd_lookup("/a"));
	CHECK(initrd_mode(initrd_lookup("/a/b/c.txt")) == 0600);

	/* A directory's own entry after its contents sets its attributes. */
	a.len = 0;
	add(&a, NULL, "x/y/file", '0', 0644, NULL, "1");
	add(&a, NULL, "./x/", '5', 0700, NULL, NULL);
	add(&a, NULL, "./", '5', 0711, NULL, NULL);
	finish(&a);
	REQUIRE(load(a.buf, a.len) == 0, "initrd_init: %s", last_message);
	n = initrd_lookup("/x");
	CHECK(n != NULL && initrd_mode(n) == 0700 && initrd_nchildren(n) == 1);
	CHECK(initrd_mode(initrd_root()) == 0711);
	CHECK(holds("/x/y/file", "1"));
}

/* /a/b/c.txt, /a/e/, /f: the tree for the lookup tests. */
static void
load_small_tree(void)
{
	static struct archive a;

	a.len = 0;
	add(&a, NULL, "a/b/c.txt", '0', 0644, NULL, "c");
	add(&a, NULL, "a/e/", '5', 0755, NULL, NULL);
	add(&a, NULL, "f", '0', 0644, NULL, "f");
	finish(&a);
	if (load(a.buf, a.len) != 0)
		printf("# initrd_init: %s", last_message);
}

static void
lookup_dot_dotdot_and_slashes(void)
{
	const struct initrd_node *c, *b, *n;

	load_small_tree();
	c = initrd_lookup("/a/b/c.txt");
	b = initrd_lookup("/a/b");
	REQUIRE(c != NULL && b != NULL);
	CHECK(initrd_lookup("//a///b/./c.txt") == c);
	CHECK(initrd_lookup("/a/e/../b/c.txt") == c);
	CHECK(initrd_lookup("/../../a/b/c.txt") == c, "\"..\" of the root");
	CHECK(initrd_lookup("a/b/c.txt") == c, "relative from the root");
	CHECK(initrd_lookup("/a/b/") == b && initrd_lookup("/a/b/.") == b);
	CHECK(initrd_lookup("/") == initrd_root() &&
	    initrd_lookup("/.") == initrd_root() &&
	    initrd_lookup("/a/..") == initrd_root());
	CHECK(initrd_namei(b, "c.txt", 0, &n) == 0 && n == c);
	CHECK(initrd_namei(b, "../b/c.txt", 0, &n) == 0 && n == c);
	CHECK(initrd_namei(b, "/f", 0, &n) == 0 &&
	    n == initrd_lookup("/f"), "absolute path ignores dir");
	CHECK(initrd_lookup_at(b, "c.txt") == c);
	CHECK(initrd_lookup_at(b, ".") == b);
	CHECK(initrd_lookup_at(b, "..") == initrd_lookup("/a"));
	CHECK(initrd_parent(initrd_root()) == initrd_root());
	CHECK(strcmp(initrd_name(initrd_root()), "") == 0);
}

static void
lookup_missing_names(void)
{
	const struct initrd_node *n, *f;
	char longname[300];

	load_small_tree();
	f = initrd_lookup("/f");
	REQUIRE(f != NULL);
	CHECK(namei("/nope", 0, &n) == ENOENT);
	CHECK(namei("/a/nope/c.txt", 0, &n) == ENOENT);
	CHECK(namei("/a/b/c.tx", 0, &n) == ENOENT);
	CHECK(namei("/a/b/c.txtx", 0, &n) == ENOENT);
	CHECK(namei("", 0, &n) == ENOENT);
	CHECK(namei("/f/x", 0, &n) == ENOTDIR);
	CHECK(namei("/f/", 0, &n) == ENOTDIR);
	CHECK(namei("/f/.", 0, &n) == ENOTDIR);
	CHECK(initrd_namei(f, "x", 0, &n) == ENOTDIR);
	memset(longname, 'n', sizeof(longname));
	longname[0] = '/';
	longname[257] = '\0';
	CHECK(namei(longname, 0, &n) == ENAMETOOLONG);
	CHECK(initrd_lookup("/nope") == NULL);
	CHECK(initrd_lookup_at(initrd_root(), "nope") == NULL);
	CHECK(initrd_lookup_at(f, "x") == NULL && initrd_child(f, 0) == NULL &&
	    initrd_nchildren(f) == 0);
}

static void
getdents_order_is_byte_order(void)
{
	static struct archive a;
	static const char *const order[] = { "B", "a", "a.b", "ab", "b",
	    "\xe9t\xe9" };
	const struct initrd_node *root;
	unsigned i;

	a.len = 0;
	add(&a, NULL, "b", '0', 0644, NULL, "");
	add(&a, NULL, "\xe9t\xe9", '0', 0644, NULL, "");
	add(&a, NULL, "ab", '5', 0755, NULL, NULL);
	add(&a, NULL, "a", '0', 0644, NULL, "");
	add(&a, NULL, "a.b", '2', 0777, "a", NULL);
	add(&a, NULL, "B", '0', 0644, NULL, "");
	finish(&a);
	REQUIRE(load(a.buf, a.len) == 0, "initrd_init: %s", last_message);
	root = initrd_root();
	REQUIRE(initrd_nchildren(root) == 6);
	for (i = 0; i < 6; i++)
		CHECK(strcmp(initrd_name(initrd_child(root, i)), order[i]) == 0,
		    "entry %u is \"%s\"", i, initrd_name(initrd_child(root, i)));
	CHECK(initrd_child(root, 6) == NULL && initrd_child(root, ~0u) == NULL);
}

static void
symlinks_are_followed(void)
{
	static struct archive a;
	const struct initrd_node *t, *n;
	char name[16], target[16];
	int i;

	a.len = 0;
	add(&a, NULL, "dir/target", '0', 0644, NULL, "t");
	add(&a, NULL, "dir/rel", '2', 0777, "target", NULL);
	add(&a, NULL, "abs", '2', 0777, "/dir/target", NULL);
	add(&a, NULL, "chain", '2', 0777, "dir/rel", NULL);
	add(&a, NULL, "dirlink", '2', 0777, "dir/", NULL);
	add(&a, NULL, "up", '2', 0777, "..", NULL);
	add(&a, NULL, "loop1", '2', 0777, "loop2", NULL);
	add(&a, NULL, "loop2", '2', 0777, "loop1", NULL);
	add(&a, NULL, "dangling", '2', 0777, "nowhere", NULL);
	/* l0 -> l1 -> ... -> l32 -> dir/target: 33 links from l0. */
	for (i = 0; i <= 32; i++) {
		snprintf(name, sizeof(name), "l%d", i);
		snprintf(target, sizeof(target), "l%d", i + 1);
		add(&a, NULL, name, '2', 0777, i < 32 ? target : "dir/target",
		    NULL);
	}
	finish(&a);
	REQUIRE(load(a.buf, a.len) == 0, "initrd_init: %s", last_message);
	t = initrd_lookup("/dir/target");
	REQUIRE(t != NULL);
	CHECK(initrd_lookup("/dir/rel") == t, "relative to the link's dir");
	CHECK(initrd_lookup("/abs") == t);
	CHECK(initrd_lookup("/chain") == t);
	CHECK(initrd_lookup("/dirlink/target") == t);
	CHECK(initrd_lookup("/dirlink/rel") == t);
	CHECK(initrd_lookup("/dirlink/../abs") == t, "\"..\" of the target");
	CHECK(initrd_lookup("/dirlink") == initrd_lookup("/dir"));
	CHECK(initrd_lookup("/up/up/dir/target") == t);
	CHECK(namei("/dirlink", INITRD_NOFOLLOW, &n) == 0 &&
	    initrd_is_symlink(n));
	CHECK(namei("/dirlink/", INITRD_NOFOLLOW, &n) == 0 &&
	    n == initrd_lookup("/dir"), "a trailing slash follows");
	CHECK(namei("/abs/", 0, &n) == ENOTDIR);
	CHECK(namei("/loop1", 0, &n) == ELOOP_VALUE);
	CHECK(namei("/loop1", INITRD_NOFOLLOW, &n) == 0 &&
	    initrd_is_symlink(n));
	CHECK(namei("/dangling", 0, &n) == ENOENT);
	CHECK(namei("/l1", 0, &n) == 0 && n == t, "32 links are allowed");
	CHECK(namei("/l0", 0, &n) == ELOOP_VALUE, "33 are too many");
}

static void
later_member_replaces_earlier(void)
{
	static struct archive a;
	struct initrd_stats st;

	a.len = 0;
	add(&a, NULL, "f", '0', 0644, NULL, "one");
	add(&a, NULL, "g", '0', 0644, NULL, "gg");
	add(&a, NULL, "f", '0', 0600, NULL, "two!");
	add(&a, NULL, "h", '1', 0644, "g", NULL);
	finish(&a);
	REQUIRE(load(a.buf, a.len) == 0, "initrd_init: %s", last_message);
	CHECK(holds("/f", "two!") && initrd_mode(initrd_lookup("/f")) == 0600);
	CHECK(holds("/h", "gg"), "hard link");
	initrd_get_stats(&st);
	CHECK(st.files == 3 && st.file_bytes == 8, "%u files, %llu bytes",
	    st.files, (unsigned long long)st.file_bytes);
	CHECK(initrd_nchildren(initrd_root()) == 3);
}

/* load() fails with EINVAL, the old tree stays, and the message has `what`. */
static bool
refused(const struct archive *a, const char *what)
{
	const struct initrd_node *old = initrd_lookup("/f");
	int error = load(a->buf, a->len);

	if (error != EINVAL || strstr(last_message, what) == NULL) {
		printf("# error %d, message \"%s\"; expected \"%s\"\n", error,
		    last_message, what);
		return (false);
	}
	return (initrd_lookup("/f") == old);
}

static void
malformed_archives_are_refused(void)
{
	static struct archive a;
	uint8_t *h;

	load_small_tree();

	a.len = 0;
	add(&a, NULL, "ok", '0', 0644, NULL, "x");
	h = add(&a, NULL, "spoilt", '0', 0644, NULL, "y");
	finish(&a);
	h[0] ^= 1;
	CHECK(refused(&a, "header 1 at offset 0x400: bad checksum"));

	a.len = 0;
	add(&a, NULL, "big", '0', 0644, NULL, NULL);
	octal((char *)a.buf + 124, 12, 4096);
	fix_checksum(a.buf);
	finish(&a);
	CHECK(refused(&a, "(\"big\"): its 4096 bytes run past the end of the "
	    "image (1024 bytes left)"));

	a.len = 0;
	add(&a, NULL, "f", '0', 0644, NULL, "x");
	CHECK(refused(&a, "before the archive's end marker"),
	    "no end marker");
	finish(&a);
	a.len -= 1024 + 100;
	CHECK(refused(&a, "before the archive's end marker"), "cut short");
	CHECK(refused(&(struct archive){ .len = 0 }, "end marker"), "empty");

	a.len = 0;
	h = add(&a, NULL, "gnu", '0', 0644, NULL, NULL);
	memcpy(h + 257, "ustar  ", 8);
	fix_checksum(h);
	finish(&a);
	CHECK(refused(&a, "tar --format=ustar"), "GNU magic");

	a.len = 0;
	add(&a, NULL, "x/../f", '0', 0644, NULL, NULL);
	finish(&a);
	CHECK(refused(&a, "\"..\" in an archive name"));

	a.len = 0;
	add(&a, NULL, "f", '0', 0644, NULL, NULL);
	add(&a, NULL, "f/g", '0', 0644, NULL, NULL);
	finish(&a);
	CHECK(refused(&a, "\"f\" on the way is not a directory"));

	a.len = 0;
	add(&a, NULL, "f", '0', 0644, NULL, NULL);
	add(&a, NULL, "f", '5', 0755, NULL, NULL);
	finish(&a);
	CHECK(refused(&a, "conflicts with an earlier entry"));

	a.len = 0;
	add(&a, NULL, "./", '0', 0644, NULL, NULL);
	finish(&a);
	CHECK(refused(&a, "names the root"));

	a.len = 0;
	add(&a, NULL, "h", '1', 0644, "missing", NULL);
	finish(&a);
	CHECK(refused(&a, "hard link to \"missing\""));

	a.len = 0;
	add(&a, NULL, "fifo", '6', 0644, NULL, NULL);
	finish(&a);
	CHECK(refused(&a, "type '6' is not supported"));

	a.len = 0;
	add(&a, NULL, "PaxHeader", 'x', 0644, NULL, "12 path=abc\n");
	finish(&a);
	CHECK(refused(&a, "pax extended header"));

	a.len = 0;
	h = add(&a, NULL, "huge", '0', 0644, NULL, NULL);
	h[124] = (char)0x80;
	fix_checksum(h);
	finish(&a);
	CHECK(refused(&a, "size field is not an octal number"), "base-256");

	a.len = 0;
	h = add(&a, NULL, "badmode", '0', 0644, NULL, NULL);
	memcpy(h + 100, "0644x  ", 8);
	fix_checksum(h);
	finish(&a);
	CHECK(refused(&a, "not an octal number"), "mode");
}

static void
empty_archive_is_a_root(void)
{
	static struct archive a;
	struct initrd_stats st;

	a.len = 0;
	finish(&a);
	REQUIRE(load(a.buf, a.len) == 0, "initrd_init: %s", last_message);
	initrd_get_stats(&st);
	CHECK(st.files == 0 && st.directories == 1 && st.symlinks == 0 &&
	    st.image_bytes == 1024);
	CHECK(initrd_nchildren(initrd_root()) == 0);
}

/* Fail each allocation in turn: ENOMEM, nothing kept, the old tree stays. */
static void
allocation_failure_leaks_nothing(void)
{
	static struct archive a;
	const struct initrd_node *old;
	long before, k;
	int error;

	load_small_tree();
	old = initrd_lookup("/a/b/c.txt");
	REQUIRE(old != NULL);
	a.len = 0;
	add(&a, NULL, "p/q/r", '0', 0644, NULL, "r");
	add(&a, NULL, "p/s", '2', 0777, "q/r", NULL);
	add(&a, NULL, "t", '0', 0644, NULL, "t");
	finish(&a);
	before = alloc_outstanding;
	for (k = 0;; k++) {
		alloc_fail_in = k;
		error = load(a.buf, a.len);
		if (error == 0)
			break;
		CHECK(error == ENOMEM, "allocation %ld: error %d", k, error);
		CHECK(alloc_outstanding == before, "allocation %ld: %ld kept",
		    k, alloc_outstanding - before);
		CHECK(initrd_lookup("/a/b/c.txt") == old);
		if (k > 100)
			break;
	}
	alloc_fail_in = -1;
	CHECK(error == 0 && k > 5, "succeeded after %ld failures", k);
	CHECK(holds("/p/s", "r") && holds("/t", "t"));
}

/* Replacing a tree frees the old one. */
static void
replacing_frees_the_old_tree(void)
{
	long after_first;

	load_small_tree();
	after_first = alloc_outstanding;
	load_small_tree();
	CHECK(alloc_outstanding == after_first, "%ld allocations more",
	    alloc_outstanding - after_first);
}

int
main(void)
{
	TAP_RUN(mkinitrd_tree_from_real_tar);
	TAP_RUN(a_thousand_files);
	TAP_RUN(prefix_field_and_implied_directories);
	TAP_RUN(lookup_dot_dotdot_and_slashes);
	TAP_RUN(lookup_missing_names);
	TAP_RUN(getdents_order_is_byte_order);
	TAP_RUN(symlinks_are_followed);
	TAP_RUN(later_member_replaces_earlier);
	TAP_RUN(malformed_archives_are_refused);
	TAP_RUN(empty_archive_is_a_root);
	TAP_RUN(allocation_failure_leaks_nothing);
	TAP_RUN(replacing_frees_the_old_tree);
	return (tap_exit_status());
}
