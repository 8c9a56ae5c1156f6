/*
 * tmpfs_test.c - tmpfs at /tmp and the VFS switch as a program sees
 * them (issue 6): /tmp exists and is writable; open with O_CREAT,
 * O_EXCL, O_TRUNC, O_APPEND; read, write, lseek and holes; unlink of an
 * open file; ftruncate and truncate that shrink and grow (zeros come
 * back); directories (mkdir, rmdir, getdirentries); rename's cases;
 * stat's fields; chmod, fchmod and umask; the permission checks as uid
 * 1001 (EACCES, EPERM, the sticky bit); mkstemp, mkdtemp, tmpfile and
 * remove; the errors between file systems (EXDEV, EROFS, EBUSY).
 *
 * Each test runs in a child of its own and removes what it made: a
 * file left in /tmp is memory in use, and the runner's leak check
 * would report it.  Prints TAP; exits 0 if every test passed.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "lib/utest.h"

/* Below every mapping: EFAULT.  Volatile, so gcc cannot see through it. */
static void *volatile badptr = (void *)8;


/* Make `path` with `len` bytes of `c`; the descriptor (O_RDWR). */
static int
make_file(const char *path, int c, size_t len)
{
	char buf[512];
	size_t n;
	int fd;

	fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
	CHECK(fd >= 0);
	memset(buf, c, sizeof(buf));
	for (; len > 0; len -= n) {
		n = len < sizeof(buf) ? len : sizeof(buf);
		CHECK(write(fd, buf, n) == (ssize_t)n);
	}
	return (fd);
}

/* Whether `len` bytes at `off` of fd are all `c`. */
static int
bytes_are(int fd, off_t off, int c, size_t len)
{
	char buf[512];
	size_t n, i;

	if (lseek(fd, off, SEEK_SET) != off)
		return (0);
	for (; len > 0; len -= n) {
		n = len < sizeof(buf) ? len : sizeof(buf);
		if (read(fd, buf, n) != (ssize_t)n)
			return (0);
		for (i = 0; i < n; i++)
			if (buf[i] != (char)c)
				return (0);
	}
	return (1);
}

/* Whether directory `dir` lists `name`. */
static int
dir_has(const char *dir, const char *name)
{
	struct dirent *de;
	DIR *d;
	int found = 0;

	if ((d = opendir(dir)) == NULL)
		return (0);
	while ((de = readdir(d)) != NULL)
		if (strcmp(de->d_name, name) == 0)
			found = 1;
	closedir(d);
	return (found);
}

/* How many entries (other than . and ..) directory `dir` lists. */
static int
dir_count(const char *dir)
{
	struct dirent *de;
	DIR *d;
	int n = 0;

	if ((d = opendir(dir)) == NULL)
		return (-1);
	while ((de = readdir(d)) != NULL)
		if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0)
			n++;
	closedir(d);
	return (n);
}

static void
t_tmp_exists(void)
{
	struct stat sb, root;
	int fd;

	CHECK(stat("/tmp", &sb) == 0 && S_ISDIR(sb.st_mode) &&
	    (sb.st_mode & 07777) == 01777 && sb.st_uid == 0);
	CHECK(stat("/", &root) == 0 && root.st_dev != sb.st_dev);
	CHECK(stat("/tmp/.", &root) == 0 && root.st_ino == sb.st_ino);
	CHECK(stat("/tmp/..", &root) == 0 && root.st_ino == 2 &&
	    root.st_dev != sb.st_dev);
	CHECK(dir_has("/", "tmp") && dir_has("/", "dev"));
	CHECK((fd = open("/tmp/t_exists", O_WRONLY | O_CREAT, 0644)) >= 0);
	CHECK(close(fd) == 0);
	CHECK(dir_has("/tmp", "t_exists"));
	CHECK(unlink("/tmp/t_exists") == 0);
	CHECK(!dir_has("/tmp", "t_exists"));
}

static void
t_create_write_read(void)
{
	char buf[16];
	struct stat sb;
	int fd;

	fd = open("/tmp/t_rw", O_RDWR | O_CREAT, 0666);
	CHECK(fd >= 0);
	CHECK(write(fd, "hello, tmpfs", 12) == 12);
	CHECK(lseek(fd, 0, SEEK_CUR) == 12);
	CHECK(lseek(fd, 7, SEEK_SET) == 7);
	memset(buf, 0, sizeof(buf));
	CHECK(read(fd, buf, sizeof(buf)) == 5 && memcmp(buf, "tmpfs", 5) == 0);
	CHECK(read(fd, buf, sizeof(buf)) == 0);
	CHECK(lseek(fd, 0, SEEK_END) == 12);
	CHECK(fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) &&
	    (sb.st_mode & 07777) == 0644 && sb.st_size == 12 &&
	    sb.st_nlink == 1);
	CHECK(close(fd) == 0);
	fd = open("/tmp/t_rw", O_RDONLY);
	CHECK(fd >= 0 && read(fd, buf, 5) == 5 && memcmp(buf, "hello", 5) == 0);
	CHECK_ERR(write(fd, "x", 1), EBADF);
	CHECK(close(fd) == 0);
	/* A bad buffer: EFAULT, and nothing is read or written. */
	fd = open("/tmp/t_rw", O_RDWR);
	CHECK_ERR(write(fd, badptr, 4), EFAULT);
	CHECK_ERR(read(fd, badptr, 4), EFAULT);
	CHECK(fstat(fd, &sb) == 0 && sb.st_size == 12);
	CHECK(close(fd) == 0);
	CHECK_ERR(open(badptr, O_RDONLY), EFAULT);
	CHECK(unlink("/tmp/t_rw") == 0);
	CHECK_ERR(open("/tmp/t_rw", O_RDONLY), ENOENT);
	CHECK_ERR(unlink("/tmp/t_rw"), ENOENT);
}

static void
t_open_flags(void)
{
	struct stat sb;
	char buf[32];
	int fd, fd2;

	fd = make_file("/tmp/t_flags", 'a', 10);
	CHECK(close(fd) == 0);
	CHECK_ERR(open("/tmp/t_flags", O_RDWR | O_CREAT | O_EXCL, 0644),
	    EEXIST);
	fd = open("/tmp/t_flags", O_RDWR | O_CREAT, 0644);
	CHECK(fd >= 0 && fstat(fd, &sb) == 0 && sb.st_size == 10);
	CHECK(close(fd) == 0);
	/* O_TRUNC empties it. */
	fd = open("/tmp/t_flags", O_WRONLY | O_TRUNC);
	CHECK(fd >= 0 && fstat(fd, &sb) == 0 && sb.st_size == 0);
	CHECK(close(fd) == 0);
	/* O_APPEND: every write goes to the end, whatever the offset. */
	fd = open("/tmp/t_flags", O_WRONLY | O_APPEND);
	fd2 = open("/tmp/t_flags", O_WRONLY | O_APPEND);
	CHECK(fd >= 0 && fd2 >= 0);
	CHECK(write(fd, "one", 3) == 3);
	CHECK(write(fd2, "two", 3) == 3);
	CHECK(lseek(fd, 0, SEEK_SET) == 0);
	CHECK(write(fd, "three", 5) == 5);
	CHECK(lseek(fd, 0, SEEK_CUR) == 11);
	CHECK(close(fd) == 0 && close(fd2) == 0);
	fd = open("/tmp/t_flags", O_RDONLY);
	memset(buf, 0, sizeof(buf));
	CHECK(read(fd, buf, sizeof(buf)) == 11 &&
	    strcmp(buf, "onetwothree") == 0);
	CHECK(close(fd) == 0);
	/* O_CREAT|O_EXCL makes it; the trailing slash asks for a directory. */
	CHECK_ERR(open("/tmp/t_flags2/", O_RDWR | O_CREAT, 0644), EISDIR);
	CHECK_ERR(open("/tmp/t_flags/", O_RDONLY), ENOTDIR);
	CHECK_ERR(open("/tmp/t_flags/x", O_RDONLY | O_CREAT, 0644), ENOTDIR);
	CHECK_ERR(open("/tmp", O_WRONLY), EISDIR);
	CHECK_ERR(open("/tmp", O_RDONLY | O_CREAT, 0644), EISDIR);
	CHECK(unlink("/tmp/t_flags") == 0);
}

static void
t_holes(void)
{
	struct stat sb;
	int fd;

	fd = open("/tmp/t_hole", O_RDWR | O_CREAT | O_EXCL, 0644);
	CHECK(fd >= 0);
	/* Past the end: the gap reads as zeros. */
	CHECK(lseek(fd, 20000, SEEK_SET) == 20000);
	CHECK(write(fd, "z", 1) == 1);
	CHECK(fstat(fd, &sb) == 0 && sb.st_size == 20001);
	CHECK(bytes_are(fd, 0, 0, 20000));
	CHECK(bytes_are(fd, 20000, 'z', 1));
	/* Several pages, crossing page boundaries. */
	CHECK(close(fd) == 0);
	fd = make_file("/tmp/t_hole", 'p', 3 * 4096 + 100);
	CHECK(bytes_are(fd, 0, 'p', 3 * 4096 + 100));
	CHECK(lseek(fd, 4090, SEEK_SET) == 4090 && write(fd, "XXXXXXXXXXXX", 12)
	    == 12);
	CHECK(bytes_are(fd, 4090, 'X', 12) && bytes_are(fd, 4102, 'p', 100));
	CHECK(close(fd) == 0);
	CHECK(unlink("/tmp/t_hole") == 0);
}

static void
t_unlink_open(void)
{
	struct stat sb;
	char buf[8];
	int fd, fd2;

	fd = make_file("/tmp/t_gone", 'g', 5000);
	fd2 = open("/tmp/t_gone", O_RDONLY);
	CHECK(fd2 >= 0);
	CHECK(unlink("/tmp/t_gone") == 0);
	CHECK_ERR(stat("/tmp/t_gone", &sb), ENOENT);
	CHECK(fstat(fd, &sb) == 0 && sb.st_nlink == 0 && sb.st_size == 5000);
	/* Still readable and writable through both descriptors. */
	CHECK(bytes_are(fd2, 0, 'g', 5000));
	CHECK(lseek(fd, 0, SEEK_SET) == 0 && write(fd, "new", 3) == 3);
	CHECK(lseek(fd2, 0, SEEK_SET) == 0 && read(fd2, buf, 3) == 3 &&
	    memcmp(buf, "new", 3) == 0);
	/* A new file of the same name is another file. */
	CHECK(close(make_file("/tmp/t_gone", 'n', 1)) == 0);
	CHECK(bytes_are(fd2, 3, 'g', 4997));
	CHECK(close(fd) == 0 && close(fd2) == 0);
	CHECK(unlink("/tmp/t_gone") == 0);
}

static void
t_truncate(void)
{
	struct stat sb;
	int fd, ro, p[2];

	fd = make_file("/tmp/t_trunc", 'a', 3 * 4096);
	CHECK(ftruncate(fd, 5000) == 0);
	CHECK(fstat(fd, &sb) == 0 && sb.st_size == 5000);
	CHECK(bytes_are(fd, 0, 'a', 5000));
	CHECK(read(fd, &sb, 1) == 0);
	/* Growing again: what was cut off comes back as zeros. */
	CHECK(ftruncate(fd, 3 * 4096) == 0);
	CHECK(bytes_are(fd, 0, 'a', 5000) && bytes_are(fd, 5000, 0,
	    3 * 4096 - 5000));
	CHECK(ftruncate(fd, 0) == 0 && fstat(fd, &sb) == 0 && sb.st_size == 0);
	CHECK(ftruncate(fd, 100) == 0 && bytes_are(fd, 0, 0, 100));
	CHECK(truncate("/tmp/t_trunc", 10) == 0 && fstat(fd, &sb) == 0 &&
	    sb.st_size == 10);
	CHECK_ERR(ftruncate(fd, -1), EINVAL);
	CHECK_ERR(truncate("/tmp/t_trunc", -1), EINVAL);
	ro = open("/tmp/t_trunc", O_RDONLY);
	CHECK_ERR(ftruncate(ro, 0), EINVAL);
	CHECK(close(ro) == 0);
	CHECK_ERR(truncate("/tmp", 0), EISDIR);
	CHECK_ERR(truncate("/ktest/motd", 0), EROFS);
	CHECK(pipe(p) == 0);
	CHECK_ERR(ftruncate(p[1], 0), EINVAL);
	CHECK(close(p[0]) == 0 && close(p[1]) == 0);
	CHECK_ERR(ftruncate(99, 0), EBADF);
	CHECK(close(fd) == 0);
	CHECK(unlink("/tmp/t_trunc") == 0);
}

static void
t_directories(void)
{
	struct stat sb;
	int fd;

	CHECK(mkdir("/tmp/t_d", 0755) == 0);
	CHECK_ERR(mkdir("/tmp/t_d", 0755), EEXIST);
	CHECK_ERR(mkdir("/tmp/nothere/t_d", 0755), ENOENT);
	CHECK(mkdir("/tmp/t_d/sub/", 0700) == 0);
	CHECK(stat("/tmp/t_d", &sb) == 0 && S_ISDIR(sb.st_mode) &&
	    (sb.st_mode & 07777) == 0755 && sb.st_nlink == 3);
	CHECK(stat("/tmp/t_d/sub", &sb) == 0 && (sb.st_mode & 07777) == 0700 &&
	    sb.st_nlink == 2);
	CHECK(close(make_file("/tmp/t_d/sub/f", 'f', 1)) == 0);
	CHECK(stat("/tmp/t_d/sub/../sub/./f", &sb) == 0 && sb.st_size == 1);
	CHECK(stat("/tmp/t_d/sub/../../../tmp/t_d", &sb) == 0);
	CHECK(dir_has("/tmp/t_d/sub", "f") && dir_count("/tmp/t_d/sub") == 1);
	CHECK_ERR(rmdir("/tmp/t_d/sub"), ENOTEMPTY);
	CHECK_ERR(rmdir("/tmp/t_d/sub/f"), ENOTDIR);
	CHECK_ERR(unlink("/tmp/t_d/sub"), EPERM);
	CHECK_ERR(rmdir("/tmp/t_d/sub/."), EINVAL);
	CHECK_ERR(rmdir("/tmp/t_d/sub/.."), ENOTEMPTY);
	CHECK_ERR(rmdir("/tmp"), EBUSY);
	CHECK_ERR(rmdir("/"), EBUSY);
	CHECK_ERR(open("/tmp/t_d/sub/f/x", O_RDONLY), ENOTDIR);
	CHECK_ERR(mkdir("/tmp/t_d/sub/f/x", 0755), ENOTDIR);
	CHECK(unlink("/tmp/t_d/sub/f") == 0);
	/* A directory open while it is removed lists nothing more. */
	fd = open("/tmp/t_d/sub", O_RDONLY);
	CHECK(fd >= 0);
	CHECK(rmdir("/tmp/t_d/sub") == 0);
	CHECK(fstat(fd, &sb) == 0 && sb.st_nlink == 0);
	CHECK_ERR(open("/tmp/t_d/sub", O_RDONLY), ENOENT);
	CHECK(close(fd) == 0);
	CHECK(stat("/tmp/t_d", &sb) == 0 && sb.st_nlink == 2);
	CHECK(rmdir("/tmp/t_d/") == 0);
	CHECK_ERR(rmdir("/tmp/t_d"), ENOENT);
	/* The read-only file systems. */
	CHECK_ERR(mkdir("/ktest/t_d", 0755), EROFS);
	CHECK_ERR(mkdir("/dev/t_d", 0755), EROFS);
	CHECK_ERR(mkdir("/ktest", 0755), EEXIST);
	CHECK_ERR(rmdir("/ktest/empty"), EROFS);
	CHECK_ERR(unlink("/ktest/motd"), EROFS);
	CHECK_ERR(unlink("/dev/null"), EROFS);
}

static void
t_rename(void)
{
	struct stat sb, sb2;
	int fd;

	CHECK(close(make_file("/tmp/t_r1", '1', 1)) == 0);
	CHECK(stat("/tmp/t_r1", &sb) == 0);
	CHECK(rename("/tmp/t_r1", "/tmp/t_r2") == 0);
	CHECK_ERR(stat("/tmp/t_r1", &sb2), ENOENT);
	CHECK(stat("/tmp/t_r2", &sb2) == 0 && sb2.st_ino == sb.st_ino);
	/* Replacing a file: the old one's open descriptor keeps it. */
	fd = make_file("/tmp/t_r3", '3', 2);
	CHECK(rename("/tmp/t_r2", "/tmp/t_r3") == 0);
	CHECK(stat("/tmp/t_r3", &sb2) == 0 && sb2.st_ino == sb.st_ino &&
	    sb2.st_size == 1);
	CHECK(fstat(fd, &sb2) == 0 && sb2.st_nlink == 0 && sb2.st_size == 2);
	CHECK(close(fd) == 0);
	CHECK(rename("/tmp/t_r3", "/tmp/t_r3") == 0);
	CHECK_ERR(rename("/tmp/t_nothere", "/tmp/t_r4"), ENOENT);
	/* Directories. */
	CHECK(mkdir("/tmp/t_rd", 0755) == 0 && mkdir("/tmp/t_rd/a", 0755) == 0);
	CHECK(mkdir("/tmp/t_re", 0755) == 0);
	CHECK_ERR(rename("/tmp/t_rd", "/tmp/t_r3"), ENOTDIR);
	CHECK_ERR(rename("/tmp/t_r3", "/tmp/t_re"), EISDIR);
	CHECK_ERR(rename("/tmp/t_re", "/tmp/t_rd"), ENOTEMPTY);
	CHECK_ERR(rename("/tmp/t_rd", "/tmp/t_rd/a/b"), EINVAL);
	CHECK_ERR(rename("/tmp/t_rd", "/tmp/t_rd/b"), EINVAL);
	CHECK_ERR(rename("/tmp/t_rd/.", "/tmp/t_x"), EINVAL);
	CHECK_ERR(rename("/tmp/t_r3", "/tmp/t_x/"), ENOTDIR);
	/* An empty directory is replaced; ".." follows the move. */
	CHECK(rename("/tmp/t_rd", "/tmp/t_re") == 0);
	CHECK(stat("/tmp/t_re/a/..", &sb) == 0 &&
	    stat("/tmp/t_re", &sb2) == 0 && sb.st_ino == sb2.st_ino);
	CHECK(rename("/tmp/t_re/a", "/tmp/t_ra") == 0);
	CHECK(stat("/tmp/t_ra/..", &sb) == 0 && stat("/tmp", &sb2) == 0 &&
	    sb.st_ino == sb2.st_ino);
	CHECK(stat("/tmp/t_re", &sb) == 0 && sb.st_nlink == 2);
	/* Between file systems, and on the read-only ones. */
	CHECK_ERR(rename("/tmp/t_r3", "/ktest/t_r3"), EXDEV);
	CHECK_ERR(rename("/ktest/motd", "/tmp/t_motd"), EXDEV);
	CHECK_ERR(rename("/ktest/motd", "/ktest/motd2"), EROFS);
	CHECK_ERR(rename("/tmp", "/tmp2"), EBUSY);
	CHECK(rmdir("/tmp/t_ra") == 0 && rmdir("/tmp/t_re") == 0);
	CHECK(unlink("/tmp/t_r3") == 0);
	CHECK(dir_count("/tmp") == 0);
}

static void
t_stat_fields(void)
{
	struct stat a, b, root;
	struct timespec before;
	int fd;

	clock_gettime(CLOCK_REALTIME, &before);
	fd = make_file("/tmp/t_st", 's', 100);
	CHECK(fstat(fd, &a) == 0);
	CHECK(a.st_uid == geteuid() && a.st_gid == getegid());
	CHECK(a.st_nlink == 1 && a.st_size == 100 && a.st_blksize == 4096);
	CHECK(a.st_blocks == 8);		/* one page */
	CHECK(a.st_mtim.tv_sec >= before.tv_sec &&
	    a.st_mtim.tv_sec <= before.tv_sec + 5);
	CHECK(stat("/tmp", &root) == 0 && a.st_dev == root.st_dev &&
	    a.st_ino != root.st_ino);
	CHECK(stat("/tmp/t_st", &b) == 0 && b.st_ino == a.st_ino &&
	    b.st_size == 100);
	/* Writing moves mtime and ctime, reading atime; none goes back. */
	nanosleep(&(struct timespec){ 0, 20000000 }, NULL);
	CHECK(write(fd, "x", 1) == 1 && fstat(fd, &b) == 0);
	CHECK(b.st_mtim.tv_sec * 1000000000LL + b.st_mtim.tv_nsec >
	    a.st_mtim.tv_sec * 1000000000LL + a.st_mtim.tv_nsec);
	CHECK(b.st_ctim.tv_sec * 1000000000LL + b.st_ctim.tv_nsec >=
	    b.st_mtim.tv_sec * 1000000000LL + b.st_mtim.tv_nsec);
	CHECK(close(fd) == 0);
	CHECK(unlink("/tmp/t_st") == 0);
}

static void
t_chmod_umask(void)
{
	struct stat sb;
	int fd;

	fd = make_file("/tmp/t_mode", 'm', 1);
	CHECK(chmod("/tmp/t_mode", 0600) == 0);
	CHECK(stat("/tmp/t_mode", &sb) == 0 && (sb.st_mode & 07777) == 0600 &&
	    S_ISREG(sb.st_mode));
	CHECK(fchmod(fd, 0444) == 0 && fstat(fd, &sb) == 0 &&
	    (sb.st_mode & 07777) == 0444);
	CHECK(close(fd) == 0);
	CHECK(unlink("/tmp/t_mode") == 0);
	CHECK_ERR(chmod("/ktest/motd", 0644), EROFS);
	CHECK_ERR(chmod("/dev/null", 0644), EROFS);
	CHECK_ERR(chmod("/tmp/t_nothere", 0644), ENOENT);
	/* umask: the old one back, the new one applied to new files. */
	CHECK(umask(077) == 022);
	fd = open("/tmp/t_mask", O_RDWR | O_CREAT, 0666);
	CHECK(fd >= 0 && fstat(fd, &sb) == 0 && (sb.st_mode & 07777) == 0600);
	CHECK(close(fd) == 0);
	CHECK(mkdir("/tmp/t_maskd", 0777) == 0 && stat("/tmp/t_maskd", &sb) ==
	    0 && (sb.st_mode & 07777) == 0700);
	CHECK(umask(022) == 077);
	CHECK(unlink("/tmp/t_mask") == 0 && rmdir("/tmp/t_maskd") == 0);
}

/* Root's files for the unprivileged test. */
#define SECRET		"/tmp/t_secret"
#define SHARED		"/tmp/t_shared"
#define PRIVDIR		"/tmp/t_privdir"
#define OPENDIR		"/tmp/t_opendir"
#define GROUPFILE	"/tmp/t_group"

static void
as_user_1001(void)
{
	const gid_t wheel = 0;
	struct stat sb;
	char buf[4];
	int fd;

	/* uid 1001, gid 1001, and group 0 (wheel) as a supplementary one. */
	if (setgroups(1, &wheel) != 0 || setgid(1001) != 0 ||
	    setuid(1001) != 0) {
		CHECK(0);
		return;
	}
	/* Root's 0600 file: no reading, no writing, no changing. */
	CHECK_ERR(open(SECRET, O_RDONLY), EACCES);
	CHECK_ERR(open(SECRET, O_WRONLY), EACCES);
	CHECK_ERR(open(SECRET, O_RDWR | O_TRUNC), EACCES);
	CHECK_ERR(open(SECRET, O_RDWR | O_CREAT, 0644), EACCES);
	CHECK_ERR(open(SECRET, O_RDWR | O_CREAT | O_EXCL, 0644), EEXIST);
	CHECK_ERR(truncate(SECRET, 0), EACCES);
	CHECK_ERR(chmod(SECRET, 0666), EPERM);
	CHECK(stat(SECRET, &sb) == 0 && sb.st_size == 6 && sb.st_uid == 0);
	/* /tmp is sticky: another's file cannot be removed or renamed. */
	CHECK_ERR(unlink(SECRET), EPERM);
	CHECK_ERR(rename(SECRET, "/tmp/t_mine"), EPERM);
	/* 0644: readable, not writable. */
	fd = open(SHARED, O_RDONLY);
	CHECK(fd >= 0 && read(fd, buf, 4) == 4 && memcmp(buf, "open", 4) == 0);
	CHECK_ERR(fchmod(fd, 0666), EPERM);
	CHECK(close(fd) == 0);
	CHECK_ERR(open(SHARED, O_WRONLY), EACCES);
	/* A directory without search permission hides what is in it. */
	CHECK_ERR(stat(PRIVDIR "/f", &sb), EACCES);
	CHECK_ERR(open(PRIVDIR "/f", O_RDONLY), EACCES);
	CHECK_ERR(open(PRIVDIR, O_RDONLY), EACCES);
	/* A 0755 directory of root's: no new entries. */
	CHECK_ERR(open(OPENDIR "/mine", O_RDWR | O_CREAT, 0644), EACCES);
	CHECK_ERR(mkdir(OPENDIR "/mine", 0755), EACCES);
	CHECK_ERR(unlink(OPENDIR "/f"), EACCES);
	CHECK_ERR(rmdir(OPENDIR), EPERM);	/* sticky /tmp again */
	/* The group's bits, not the others', apply to a member. */
	fd = open("/ktest/motd", O_RDONLY);	/* 0640 root:wheel */
	CHECK(fd >= 0 && close(fd) == 0);
	CHECK_ERR(open(GROUPFILE, O_RDONLY), EACCES);	/* 0604 root:wheel */
	/* Our own file in /tmp: ours, with our ids, and we may remove it. */
	fd = open("/tmp/t_mine", O_RDWR | O_CREAT | O_EXCL, 0600);
	CHECK(fd >= 0 && fstat(fd, &sb) == 0 && sb.st_uid == 1001 &&
	    sb.st_gid == 1001);
	CHECK(write(fd, "mine", 4) == 4 && fchmod(fd, 0) == 0);
	CHECK(close(fd) == 0);
	CHECK_ERR(open("/tmp/t_mine", O_RDONLY), EACCES);
	CHECK(chmod("/tmp/t_mine", 0600) == 0);
	CHECK(unlink("/tmp/t_mine") == 0);
}

static void
t_permissions(void)
{
	int fd, status;
	pid_t pid;

	fd = open(SECRET, O_RDWR | O_CREAT | O_EXCL, 0600);
	CHECK(fd >= 0 && write(fd, "secret", 6) == 6 && close(fd) == 0);
	fd = open(SHARED, O_RDWR | O_CREAT | O_EXCL, 0644);
	CHECK(fd >= 0 && write(fd, "open", 4) == 4 && close(fd) == 0);
	fd = open(GROUPFILE, O_RDWR | O_CREAT | O_EXCL, 0600);
	CHECK(fd >= 0 && fchmod(fd, 0604) == 0 && close(fd) == 0);
	CHECK(mkdir(PRIVDIR, 0700) == 0);
	CHECK(close(make_file(PRIVDIR "/f", 'f', 1)) == 0);
	CHECK(mkdir(OPENDIR, 0755) == 0);
	CHECK(close(make_file(OPENDIR "/f", 'f', 1)) == 0);
	fflush(stderr);
	if ((pid = fork()) == 0) {
		child_failures = 0;
		as_user_1001();
		_exit(child_failures == 0 ? 0 : 1);
	}
	CHECK(pid > 0 && waitpid(pid, &status, 0) == pid &&
	    WIFEXITED(status) && WEXITSTATUS(status) == 0);
	/* Root may do all of it. */
	fd = open(SECRET, O_RDWR);
	CHECK(fd >= 0 && close(fd) == 0);
	CHECK(unlink(SECRET) == 0 && unlink(SHARED) == 0);
	CHECK(unlink(GROUPFILE) == 0);
	CHECK(unlink(PRIVDIR "/f") == 0 && rmdir(PRIVDIR) == 0);
	CHECK(unlink(OPENDIR "/f") == 0 && rmdir(OPENDIR) == 0);
}

static void
t_temp_files(void)
{
	char t1[] = "/tmp/t_stXXXXXX", t2[] = "/tmp/t_stXXXXXX";
	char d[] = "/tmp/t_dtXXXXXX", bad[] = "/tmp/t_XXXXX";
	char s[] = "/tmp/t_sXXXXXX.txt", buf[8];
	struct stat sb;
	FILE *fp;
	int fd1, fd2, fd3, before;

	before = dir_count("/tmp");
	fd1 = mkstemp(t1);
	fd2 = mkstemp(t2);
	CHECK(fd1 >= 0 && fd2 >= 0 && strcmp(t1, t2) != 0);
	/* The X's are replaced (the new characters may include an 'X'). */
	CHECK(strncmp(t1, "/tmp/t_st", 9) == 0 && strlen(t1) == 15 &&
	    strcmp(t1, "/tmp/t_stXXXXXX") != 0);
	CHECK(fstat(fd1, &sb) == 0 && (sb.st_mode & 07777) == 0600 &&
	    S_ISREG(sb.st_mode));
	CHECK(write(fd1, "temp", 4) == 4);
	CHECK(close(fd1) == 0 && close(fd2) == 0);
	CHECK_ERR(mkstemp(bad), EINVAL);
	fd3 = mkstemps(s, 4);
	CHECK(fd3 >= 0 && strcmp(s + strlen(s) - 4, ".txt") == 0);
	CHECK(close(fd3) == 0);
	CHECK(mkdtemp(d) == d && stat(d, &sb) == 0 && S_ISDIR(sb.st_mode) &&
	    (sb.st_mode & 07777) == 0700);
	CHECK(remove(t1) == 0 && remove(t2) == 0 && remove(s) == 0);
	CHECK(remove(d) == 0);
	CHECK_ERR(remove(d), ENOENT);
	/* tmpfile: a stream on a file with no name. */
	fp = tmpfile();
	CHECK(fp != NULL && dir_count("/tmp") == before);
	CHECK(fputs("tmpfile", fp) >= 0 && fflush(fp) == 0);
	rewind(fp);
	CHECK(fread(buf, 1, 7, fp) == 7 && memcmp(buf, "tmpfile", 7) == 0);
	CHECK(fclose(fp) == 0);
	CHECK(dir_count("/tmp") == before);
}

/* Many files made and removed: the runner's leak check must stay exact. */
static void
t_many_files(void)
{
	struct dirent *de;
	char path[300];
	int i, fd, seen;
	DIR *d;

	CHECK(mkdir("/tmp/t_many", 0755) == 0);
	for (i = 0; i < 100; i++) {
		snprintf(path, sizeof(path), "/tmp/t_many/f%d", i);
		fd = make_file(path, 'a' + i % 26, (size_t)(i * 97));
		CHECK(close(fd) == 0);
	}
	CHECK(dir_count("/tmp/t_many") == 100);
	for (i = 0; i < 100; i += 2) {
		snprintf(path, sizeof(path), "/tmp/t_many/f%d", i);
		CHECK(unlink(path) == 0);
	}
	/* Removing each entry as it is read skips none of the others. */
	CHECK((d = opendir("/tmp/t_many")) != NULL);
	seen = 0;
	while (d != NULL && (de = readdir(d)) != NULL) {
		if (de->d_name[0] != 'f')
			continue;
		snprintf(path, sizeof(path), "/tmp/t_many/%s", de->d_name);
		CHECK(unlink(path) == 0);
		seen++;
	}
	if (d != NULL)
		closedir(d);
	CHECK(seen == 50 && dir_count("/tmp/t_many") == 0);
	CHECK(rmdir("/tmp/t_many") == 0);
}

int
main(void)
{
	run_in_child("tmpfs",
	    "/tmp exists, is a sticky 01777 directory of its own file system, and is writable",
	    t_tmp_exists);
	run_in_child("tmpfs",
	    "create, write, read, lseek, EBADF, EFAULT, unlink",
	    t_create_write_read);
	run_in_child("tmpfs",
	    "O_CREAT, O_EXCL (EEXIST), O_TRUNC, O_APPEND, EISDIR, ENOTDIR",
	    t_open_flags);
	run_in_child("tmpfs",
	    "writing past the end leaves a hole of zeros; page boundaries",
	    t_holes);
	run_in_child("tmpfs",
	    "an unlinked open file lives on until its last descriptor",
	    t_unlink_open);
	run_in_child("tmpfs",
	    "ftruncate/truncate shrink, and growing reads back zeros; EINVAL, EISDIR, EROFS",
	    t_truncate);
	run_in_child("tmpfs",
	    "mkdir, rmdir, ENOTEMPTY, EBUSY, EPERM, EROFS, st_nlink",
	    t_directories);
	run_in_child("tmpfs",
	    "rename: replace, directories, EINVAL, ENOTDIR, EISDIR, EXDEV, EROFS",
	    t_rename);
	run_in_child("tmpfs", "stat: ids, size, blocks, times", t_stat_fields);
	run_in_child("tmpfs", "chmod, fchmod, umask", t_chmod_umask);
	run_in_child("tmpfs",
	    "as uid 1001: root's 0600 file EACCES, chmod EPERM, sticky /tmp EPERM, group bits",
	    t_permissions);
	run_in_child("tmpfs",
	    "mkstemp, mkstemps, mkdtemp, tmpfile, remove", t_temp_files);
	run_in_child("tmpfs", "100 files made and removed", t_many_files);
	return (done_testing());
}
