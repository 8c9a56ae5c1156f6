/*
 * vfs_lookup.c - from a path to something to open or stat: names under
 * /dev go to devfs (kernel/devfs.c), all others to the initrd, mounted
 * read-only at /.  There is no current directory yet: a relative path
 * starts at the root.
 */
#include <sys/errno.h>
#include <sys/fcntl.h>
#include <kernel/systm.h>
#include <kernel/file.h>
#include <kernel/initrd.h>

/*
 * The devfs name of `path` ("" for /dev itself), or NULL if the path is
 * not under /dev.  Repeated slashes are allowed.
 */
static const char *
vfs_devname(const char *path)
{
	while (*path == '/')
		path++;
	if (strncmp(path, "dev", 3) != 0 || (path[3] != '/' && path[3] != '\0'))
		return (NULL);
	path += 3;
	while (*path == '/')
		path++;
	return (path);
}

/* vfs_open: see file.h. */
int
vfs_open(const char *path, int flags, struct file **fpp)
{
	const struct initrd_node *n;
	const char *dev;
	int error;

	if (*path == '\0')
		return (ENOENT);
	if ((dev = vfs_devname(path)) != NULL)
		return (devfs_open(dev, flags, fpp));
	error = initrd_namei(NULL, path, 0, &n);
	if (error == ENOENT && (flags & O_CREAT) != 0)
		return (EROFS);		/* nothing can be created there */
	if (error != 0)
		return (error);
	if ((flags & (O_CREAT | O_EXCL)) == (O_CREAT | O_EXCL))
		return (EEXIST);
	return (initrd_file_open(n, flags, fpp));
}

/* vfs_stat: see file.h. */
int
vfs_stat(const char *path, bool nofollow, struct stat *sb)
{
	const struct initrd_node *n;
	const char *dev;
	int error;

	if (*path == '\0')
		return (ENOENT);
	if ((dev = vfs_devname(path)) != NULL)
		return (devfs_stat(dev, sb));
	error = initrd_namei(NULL, path, nofollow ? INITRD_NOFOLLOW : 0, &n);
	if (error == 0)
		initrd_node_stat(n, sb);
	return (error);
}
