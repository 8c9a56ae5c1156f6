/*
 * ls - list directory contents.
 *
 * ls [-1al] [file ...]: for each operand that is a directory, the names
 * in it, sorted by their bytes, one per line; other operands are listed
 * by name, first.  No operand: ".", which is the root while there is
 * no current directory.  With several operands each directory's list is
 * headed by its name.
 *
 *	-a	include names beginning with a dot ("." and ".." too)
 *	-l	long format: type and permissions, links, user and group
 *		ids, size in bytes, name; a directory's list starts with
 *		"total" and its 512-byte blocks.  Operands that are
 *		symbolic links are described, not followed.
 *	-1	one name per line (always so here)
 *
 * Left out for now: names instead of ids (there is no user database),
 * dates (the initrd has none), a link's target (no readlink(2)),
 * columns, and the other options.  Errors are reported on standard
 * error and listing goes on; the exit status is then 1.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct entry {
	char		*name;
	struct stat	sb;		/* filled with -l only */
};

static int aflag, lflag;
static int status;			/* the exit status */

/* Report an error about name and remember to fail at the end. */
static void
warn_errno(const char *name, int error)
{
	fprintf(stderr, "ls: %s: %s\n", name, strerror(error));
	status = 1;
}

/* Report running out of memory and stop: nothing useful is left to do. */
static void
out_of_memory(void)
{
	fprintf(stderr, "ls: %s\n", strerror(ENOMEM));
	exit(1);
}

static int
entry_cmp(const void *a, const void *b)
{
	return (strcmp(((const struct entry *)a)->name,
	    ((const struct entry *)b)->name));
}

/* "drwxr-xr-x": the type letter and the permission bits of mode. */
static void
mode_string(unsigned mode, char *buf)
{
	static const char rwx[] = "rwxrwxrwx";
	int i;

	switch (mode & S_IFMT) {
	case S_IFDIR:	buf[0] = 'd'; break;
	case S_IFLNK:	buf[0] = 'l'; break;
	case S_IFCHR:	buf[0] = 'c'; break;
	case S_IFIFO:	buf[0] = 'p'; break;
	case S_IFREG:	buf[0] = '-'; break;
	default:	buf[0] = '?'; break;
	}
	for (i = 0; i < 9; i++)
		buf[1 + i] = (mode & (0400 >> i)) != 0 ? rwx[i] : '-';
	/* Set-id and sticky bits show in the execute places. */
	if ((mode & S_ISUID) != 0)
		buf[3] = (mode & S_IXUSR) != 0 ? 's' : 'S';
	if ((mode & S_ISGID) != 0)
		buf[6] = (mode & S_IXGRP) != 0 ? 's' : 'S';
	if ((mode & S_ISVTX) != 0)
		buf[9] = (mode & S_IXOTH) != 0 ? 't' : 'T';
	buf[10] = '\0';
}

/* width, or the number of decimal digits of v if that is more. */
static int
widest(int width, unsigned long long v)
{
	int n = 1;

	while (v >= 10) {
		v /= 10;
		n++;
	}
	return (n > width ? n : width);
}

/* Print the n entries of v, sorted, in the chosen format. */
static void
print_entries(struct entry *v, size_t n)
{
	int wlink = 1, wuid = 1, wgid = 1, wsize = 1;
	char mode[11];
	size_t i;

	if (n == 0)
		return;
	qsort(v, n, sizeof(*v), entry_cmp);
	if (!lflag) {
		for (i = 0; i < n; i++)
			printf("%s\n", v[i].name);
		return;
	}
	/* Right-aligned columns, as wide as their widest value. */
	for (i = 0; i < n; i++) {
		wlink = widest(wlink, v[i].sb.st_nlink);
		wuid = widest(wuid, v[i].sb.st_uid);
		wgid = widest(wgid, v[i].sb.st_gid);
		wsize = widest(wsize, (unsigned long long)v[i].sb.st_size);
	}
	for (i = 0; i < n; i++) {
		mode_string(v[i].sb.st_mode, mode);
		printf("%s %*u %*u %*u %*lld %s\n", mode, wlink,
		    (unsigned)v[i].sb.st_nlink, wuid, (unsigned)v[i].sb.st_uid,
		    wgid, (unsigned)v[i].sb.st_gid, wsize,
		    (long long)v[i].sb.st_size, v[i].name);
	}
}

/* Append a copy of name (and its stat) to *vp, which holds *np. */
static void
add_entry(struct entry **vp, size_t *np, size_t *capp, const char *name,
    const struct stat *sb)
{
	if (*np == *capp) {
		*capp = *capp == 0 ? 32 : *capp * 2;
		if ((*vp = realloc(*vp, *capp * sizeof(**vp))) == NULL)
			out_of_memory();
	}
	if (((*vp)[*np].name = strdup(name)) == NULL)
		out_of_memory();
	if (sb != NULL)
		(*vp)[*np].sb = *sb;
	(*np)++;
}

static void
free_entries(struct entry *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i].name);
	free(v);
}

/*
 * lstat dir/name into *sb; 0, or an errno value.  (dir is one of ls's
 * operands and name one of its entries, so the path fits PATH_MAX
 * unless the operand was already almost that long.)
 */
static int
stat_entry(const char *dir, const char *name, struct stat *sb)
{
	char path[1024];
	size_t len = strlen(dir);

	/* "/" and "a/" need no second slash. */
	if (snprintf(path, sizeof(path), "%s%s%s", dir,
	    len > 0 && dir[len - 1] == '/' ? "" : "/", name) >=
	    (int)sizeof(path))
		return (ENAMETOOLONG);
	return (lstat(path, sb) == 0 ? 0 : errno);
}

/* List the names in directory path. */
static void
list_dir(const char *path)
{
	struct entry *v = NULL;
	size_t n = 0, cap = 0, i;
	long long blocks = 0;
	struct dirent *dp;
	struct stat sb;
	DIR *dirp;
	int error;

	if ((dirp = opendir(path)) == NULL) {
		warn_errno(path, errno);
		return;
	}
	for (errno = 0; (dp = readdir(dirp)) != NULL; errno = 0) {
		if (dp->d_name[0] == '.' && !aflag)
			continue;
		if (lflag && (error = stat_entry(path, dp->d_name, &sb)) != 0) {
			warn_errno(dp->d_name, error);
			continue;
		}
		add_entry(&v, &n, &cap, dp->d_name, lflag ? &sb : NULL);
	}
	if (errno != 0)
		warn_errno(path, errno);
	(void)closedir(dirp);
	if (lflag) {
		for (i = 0; i < n; i++)
			blocks += v[i].sb.st_blocks;
		printf("total %lld\n", blocks);
	}
	print_entries(v, n);
	free_entries(v, n);
}

int
main(int argc, char *argv[])
{
	struct entry *files = NULL, *dirs = NULL;
	size_t nfiles = 0, ndirs = 0, capf = 0, capd = 0, i;
	struct stat sb;
	const char *p;
	int ret, argi, several;

	for (argi = 1; argi < argc && argv[argi][0] == '-' &&
	    argv[argi][1] != '\0'; argi++) {
		if (strcmp(argv[argi], "--") == 0) {
			argi++;
			break;
		}
		for (p = argv[argi] + 1; *p != '\0'; p++) {
			if (*p == 'a')
				aflag = 1;
			else if (*p == 'l')
				lflag = 1;
			else if (*p != '1') {
				fprintf(stderr, "ls: unknown option -%c\n"
				    "usage: ls [-1al] [file ...]\n", *p);
				return (1);
			}
		}
	}
	if (argi == argc) {
		list_dir(".");
		return (status);
	}
	several = argc - argi > 1;
	for (; argi < argc; argi++) {
		/* -l describes a link operand; otherwise it is followed. */
		ret = lflag ? lstat(argv[argi], &sb) : stat(argv[argi], &sb);
		if (ret != 0)
			warn_errno(argv[argi], errno);
		else if (S_ISDIR(sb.st_mode))
			add_entry(&dirs, &ndirs, &capd, argv[argi], NULL);
		else
			add_entry(&files, &nfiles, &capf, argv[argi], &sb);
	}
	print_entries(files, nfiles);
	if (ndirs > 0)
		qsort(dirs, ndirs, sizeof(*dirs), entry_cmp);
	for (i = 0; i < ndirs; i++) {
		/* A blank line between lists, a heading if there are several. */
		if (i > 0 || nfiles > 0)
			printf("\n");
		if (several)
			printf("%s:\n", dirs[i].name);
		list_dir(dirs[i].name);
	}
	free_entries(files, nfiles);
	free_entries(dirs, ndirs);
	return (status);
}
