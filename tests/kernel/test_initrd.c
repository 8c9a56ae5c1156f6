/*
 * test_initrd.c - the initrd GRUB loaded, as the kernel sees it.
 *
 * Any initrd: the tree is consistent (every entry's parent is its
 * directory, entries sorted and found by name, the counts match the
 * summary).  The self-test boots of scripts/test-all add known files
 * under /ktest (see initrd_stage there), which are checked by content;
 * without an initrd the tests have nothing to look at and say so.
 */
#include <kernel/systm.h>
#include <kernel/initrd.h>
#include <kernel/ktest.h>

#define KT_INITRD_DEPTH	32	/* deeper directories are not walked */

static bool
initrd_present(void)
{
	if (initrd_root() != NULL)
		return (true);
	printf("# no initrd attached: nothing to check\n");
	return (false);
}

/* Walk dir's subtree, checking each entry and counting by type. */
static void
initrd_walk(const struct initrd_node *dir, int depth,
    struct initrd_stats *counted)
{
	const struct initrd_node *n, *prev = NULL;
	unsigned i, count = initrd_nchildren(dir);

	counted->directories++;
	for (i = 0; i < count; i++, prev = n) {
		n = initrd_child(dir, i);
		KT_CHECK(n != NULL, "entry %u of %u missing", i, count);
		if (n == NULL)
			return;
		KT_CHECK(initrd_parent(n) == dir, "\"%s\": wrong parent",
		    initrd_name(n));
		KT_CHECK(initrd_lookup_at(dir, initrd_name(n)) == n,
		    "\"%s\" not found by name", initrd_name(n));
		KT_CHECK(prev == NULL ||
		    strcmp(initrd_name(prev), initrd_name(n)) < 0,
		    "\"%s\" after \"%s\"", initrd_name(n), initrd_name(prev));
		KT_CHECK(initrd_is_dir(n) + initrd_is_reg(n) +
		    initrd_is_symlink(n) == 1, "\"%s\": not one type",
		    initrd_name(n));
		if (initrd_is_reg(n)) {
			counted->files++;
			counted->file_bytes += initrd_size(n);
		} else if (initrd_is_symlink(n))
			counted->symlinks++;
		else if (depth < KT_INITRD_DEPTH)
			initrd_walk(n, depth + 1, counted);
	}
	KT_CHECK(initrd_child(dir, count) == NULL, "an entry past the last");
}

KTEST(initrd_tree_is_consistent)
{
	const struct initrd_node *root;
	struct initrd_stats st, counted;

	if (!initrd_present())
		return;
	root = initrd_root();
	KT_CHECK(initrd_is_dir(root));
	KT_CHECK(initrd_parent(root) == root);
	KT_CHECK(initrd_lookup("/") == root);
	KT_CHECK(initrd_lookup_at(root, "..") == root);
	memset(&counted, 0, sizeof(counted));
	initrd_walk(root, 0, &counted);
	initrd_get_stats(&st);
	KT_CHECK(counted.files == st.files && counted.directories ==
	    st.directories && counted.symlinks == st.symlinks &&
	    counted.file_bytes == st.file_bytes,
	    "walked %u files, %u directories, %u symlinks, %llu bytes; "
	    "summary %u, %u, %u, %llu", counted.files, counted.directories,
	    counted.symlinks, (unsigned long long)counted.file_bytes,
	    st.files, st.directories, st.symlinks,
	    (unsigned long long)st.file_bytes);
}

/* The file at path holds exactly `text`. */
static bool
initrd_holds(const char *path, const char *text)
{
	const struct initrd_node *n = initrd_lookup(path);

	if (n == NULL || !initrd_is_reg(n)) {
		printf("# %s: not a regular file\n", path);
		return (false);
	}
	if (initrd_size(n) != strlen(text) ||
	    memcmp(initrd_data(n), text, initrd_size(n)) != 0) {
		printf("# %s: %zu bytes, not the %zu expected\n", path,
		    initrd_size(n), strlen(text));
		return (false);
	}
	return (true);
}

KTEST(initrd_test_files_by_content)
{
	const struct initrd_node *motd, *link, *dir;

	if (!initrd_present())
		return;
	if ((dir = initrd_lookup("/ktest")) == NULL) {
		printf("# no /ktest in this initrd: content not checked\n");
		return;
	}
	KT_CHECK(initrd_is_dir(dir));
	KT_CHECK(initrd_holds("/ktest/motd", "Vise initrd self test\n"));
	motd = initrd_lookup("/ktest/motd");
	KT_REQUIRE(motd != NULL);
	/* scripts/mkinitrd: modes as staged, owner 0:0, mtime 0. */
	KT_CHECK(initrd_mode(motd) == 0640, "mode %o", initrd_mode(motd));
	KT_CHECK(initrd_uid(motd) == 0 && initrd_gid(motd) == 0);
	KT_CHECK(initrd_mtime(motd) == 0);
	/* Links: followed by lookups, themselves with INITRD_NOFOLLOW. */
	KT_CHECK(initrd_lookup("/ktest/motd.link") == motd);
	KT_CHECK(initrd_lookup("/ktest/abs.link") == motd);
	KT_CHECK(initrd_namei(NULL, "/ktest/motd.link", INITRD_NOFOLLOW,
	    &link) == 0 && initrd_is_symlink(link) &&
	    strcmp(initrd_link_target(link), "motd") == 0);
	/* Past the 100 bytes of a ustar name: the prefix field. */
	KT_CHECK(initrd_holds("/ktest/"
	    "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd/"
	    "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
	    "long name\n"));
	KT_CHECK(initrd_lookup("/ktest/empty") != NULL &&
	    initrd_nchildren(initrd_lookup("/ktest/empty")) == 0);
	KT_CHECK(initrd_lookup("//ktest/./empty/../motd") == motd);
	KT_CHECK(initrd_lookup("/ktest/none") == NULL);
}
