/*
 * file_errors_test.c - every system call on descriptors and paths
 * (read, write, open, close, dup, dup2, fcntl, lseek, pipe2, fstat,
 * fstatat, getdirentries, ioctl) once done right and then once for each
 * way to get it wrong (issue 5): EFAULT for every pointer argument,
 * both unmapped (address 16) and in the kernel's part of the address
 * space; EBADF for every descriptor argument, both -1 and one just
 * closed; EINVAL for bad flags, commands, whence values and lengths;
 * ENAMETOOLONG at the kernel's path limits.  fd_test.c has the rest of
 * the file layer (what the calls do when they work).
 *
 * Prints TAP; exits 0 only if every result passed.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lib/utest.h"

#define MOTD		"/ktest/motd"
#define MOTD_LEN	22
#define PATH_LIMIT	1024	/* the kernel's PATH_MAX, with the NUL */
#define NAME_LIMIT	255	/* the initrd's longest name */
#define NOFILE		64	/* the default RLIMIT_NOFILE */

/* A descriptor number that was open a moment ago and is not now. */
static int
closed_fd(void)
{
	int fd = open(MOTD, O_RDONLY);

	close(fd);
	return (fd);
}

static int
open_motd(void)
{
	return (open(MOTD, O_RDONLY));
}

static void
t_read(void)
{
	char buf[32];
	int fd = open_motd(), w, p[2];

	ok(read(fd, buf, sizeof(buf)) == MOTD_LEN && memcmp(buf, "Vise", 4) ==
	    0, "read: a file's bytes");
	fails(read(-1, buf, 1), EBADF, "read: EBADF on fd -1");
	fails(read(closed_fd(), buf, 1), EBADF,
	    "read: EBADF on a closed descriptor");
	w = open("/dev/null", O_WRONLY);
	fails(read(w, buf, 1), EBADF,
	    "read: EBADF on a descriptor open for writing only");
	close(w);
	lseek(fd, 0, SEEK_SET);
	fails(read(fd, unmapped, 8), EFAULT, "read: EFAULT on an unmapped "
	    "buffer");
	fails(read(fd, kernel_addr(), 8), EFAULT,
	    "read: EFAULT on a kernel buffer");
	fails(read(fd, buf, (size_t)-1), EINVAL,
	    "read: EINVAL on a length above SSIZE_MAX");
	ok(read(fd, buf, 4) == 4 && memcmp(buf, "Vise", 4) == 0,
	    "read: the failed reads consumed nothing");
	close(fd);
	fd = open("/ktest", O_RDONLY);
	fails(read(fd, buf, 1), EISDIR, "read: EISDIR on a directory");
	close(fd);
	if (pipe(p) != 0) {
		ok(0, "read: pipe");
		return;
	}
	(void)write(p[1], "abc", 3);
	fails(read(p[0], kernel_addr(), 3), EFAULT,
	    "read: EFAULT on a pipe with data");
	ok(read(p[0], buf, sizeof(buf)) == 3 && memcmp(buf, "abc", 3) == 0,
	    "read: that EFAULT left the pipe's data there");
	close(p[0]);
	close(p[1]);
}

static void
t_write(void)
{
	char buf[8];
	int p[2], r;

	if (pipe(p) != 0) {
		ok(0, "write: pipe");
		return;
	}
	ok(write(p[1], "hello", 5) == 5 && read(p[0], buf, 8) == 5,
	    "write: into a pipe");
	fails(write(-1, "x", 1), EBADF, "write: EBADF on fd -1");
	fails(write(closed_fd(), "x", 1), EBADF,
	    "write: EBADF on a closed descriptor");
	r = open_motd();
	fails(write(r, "x", 1), EBADF,
	    "write: EBADF on a descriptor open for reading only");
	close(r);
	fails(write(p[1], unmapped, 8), EFAULT,
	    "write: EFAULT on an unmapped buffer");
	fails(write(p[1], kernel_addr(), 8), EFAULT,
	    "write: EFAULT on a kernel buffer");
	fails(write(p[1], "x", (size_t)-1), EINVAL,
	    "write: EINVAL on a length above SSIZE_MAX");
	close(p[1]);
	ok(read(p[0], buf, 8) == 0, "write: the failed writes wrote nothing");
	close(p[0]);
}

static void
t_open(void)
{
	static char path[PATH_LIMIT + 16], name[NAME_LIMIT + 16];
	int fd;

	fd = open_motd();
	ok(fd >= 0, "open: a file");
	close(fd);
	fails(open("/ktest/nothere", O_RDONLY), ENOENT,
	    "open: ENOENT on a missing file");
	fails(open(unmapped, O_RDONLY), EFAULT, "open: EFAULT on an unmapped "
	    "path");
	fails(open(kernel_addr(), O_RDONLY), EFAULT,
	    "open: EFAULT on a path at a kernel address");
	fails(open(MOTD, O_ACCMODE), EINVAL,
	    "open: EINVAL on the access mode O_RDWR|O_WRONLY");
	fails(open("/ktest/motd/x", O_RDONLY), ENOTDIR,
	    "open: ENOTDIR on a file used as a directory");
	fails(open("/ktest", O_WRONLY), EISDIR,
	    "open: EISDIR on a directory for writing");
	/* "/ktest/././ ... /motd", PATH_LIMIT bytes without its NUL. */
	strcpy(path, "/ktest");
	while (strlen(path) < PATH_LIMIT - 5)
		strcat(path, "/.");
	strcat(path, "/motd");
	path[PATH_LIMIT] = '\0';
	fails(open(path, O_RDONLY), ENAMETOOLONG,
	    "open: ENAMETOOLONG on a path of PATH_MAX bytes");
	path[PATH_LIMIT - 6] = '\0';	/* shorter, still valid: works */
	strcat(path, "/motd");
	fd = open(path, O_RDONLY);
	ok(fd >= 0, "open: a path just below PATH_MAX works");
	close(fd);
	memset(name, 'n', NAME_LIMIT + 1);
	snprintf(path, sizeof(path), "/ktest/%s", name);
	fails(open(path, O_RDONLY), ENAMETOOLONG,
	    "open: ENAMETOOLONG on a name of NAME_MAX + 1 bytes");
}

static void
t_close(void)
{
	int fd = open_motd();

	ok(close(fd) == 0, "close: an open descriptor");
	fails(close(fd), EBADF, "close: EBADF on a closed descriptor");
	fails(close(-1), EBADF, "close: EBADF on fd -1");
	fails(close(NOFILE), EBADF, "close: EBADF past the table");
}

static void
t_dup(void)
{
	int fd = open_motd(), d;

	d = dup(fd);
	ok(d > fd && fcntl(d, F_GETFL) == O_RDONLY, "dup: a new descriptor");
	close(d);
	fails(dup(-1), EBADF, "dup: EBADF on fd -1");
	fails(dup(closed_fd()), EBADF, "dup: EBADF on a closed descriptor");
	ok(dup2(fd, 40) == 40 && close(40) == 0, "dup2: onto a free number");
	fails(dup2(-1, 40), EBADF, "dup2: EBADF on a from of -1");
	fails(dup2(closed_fd(), 40), EBADF,
	    "dup2: EBADF on a closed from descriptor");
	fails(dup2(fd, -1), EBADF, "dup2: EBADF on a to of -1");
	fails(dup2(fd, NOFILE), EBADF,
	    "dup2: EBADF on a to at RLIMIT_NOFILE");
	close(fd);
}

static void
t_fcntl(void)
{
	int fd = open_motd();

	ok(fcntl(fd, F_GETFL) == O_RDONLY && fcntl(fd, F_GETFD) == 0,
	    "fcntl: F_GETFL and F_GETFD");
	fails(fcntl(-1, F_GETFD), EBADF, "fcntl: EBADF on fd -1");
	fails(fcntl(closed_fd(), F_GETFD), EBADF,
	    "fcntl: EBADF on a closed descriptor");
	fails(fcntl(fd, 1000), EINVAL, "fcntl: EINVAL on an unknown command");
	fails(fcntl(fd, F_DUPFD, -1), EINVAL,
	    "fcntl: EINVAL on F_DUPFD from -1");
	fails(fcntl(fd, F_DUPFD, NOFILE), EINVAL,
	    "fcntl: EINVAL on F_DUPFD from RLIMIT_NOFILE");
	close(fd);
}

static void
t_lseek(void)
{
	int fd = open_motd(), p[2];

	ok(lseek(fd, -2, SEEK_END) == MOTD_LEN - 2, "lseek: SEEK_END");
	fails(lseek(-1, 0, SEEK_SET), EBADF, "lseek: EBADF on fd -1");
	fails(lseek(closed_fd(), 0, SEEK_SET), EBADF,
	    "lseek: EBADF on a closed descriptor");
	fails(lseek(fd, 0, 3), EINVAL, "lseek: EINVAL on a whence of 3");
	fails(lseek(fd, -1, SEEK_SET), EINVAL,
	    "lseek: EINVAL on an offset before the start");
	ok(lseek(fd, 0, SEEK_CUR) == MOTD_LEN - 2,
	    "lseek: the failures moved nothing");
	close(fd);
	if (pipe(p) == 0) {
		fails(lseek(p[0], 0, SEEK_CUR), ESPIPE,
		    "lseek: ESPIPE on a pipe");
		close(p[0]);
		close(p[1]);
	}
}

static void
t_pipe2(void)
{
	int p[2], next;

	ok(pipe2(p, O_CLOEXEC | O_NONBLOCK) == 0 &&
	    fcntl(p[0], F_GETFD) == FD_CLOEXEC, "pipe2: with flags");
	close(p[0]);
	close(p[1]);
	next = closed_fd();
	fails(pipe2(unmapped, 0), EFAULT, "pipe2: EFAULT on an unmapped "
	    "array");
	fails(pipe2(kernel_addr(), 0), EFAULT,
	    "pipe2: EFAULT on a kernel address");
	ok(closed_fd() == next, "pipe2: the EFAULTs left no descriptors open");
	fails(pipe2(p, O_APPEND), EINVAL, "pipe2: EINVAL on a bad flag");
}

static void
t_fstat(void)
{
	struct stat sb;
	int fd = open_motd();

	ok(fstat(fd, &sb) == 0 && sb.st_size == MOTD_LEN,
	    "fstat: a file's size");
	fails(fstat(-1, &sb), EBADF, "fstat: EBADF on fd -1");
	fails(fstat(closed_fd(), &sb), EBADF,
	    "fstat: EBADF on a closed descriptor");
	fails(fstat(fd, unmapped), EFAULT, "fstat: EFAULT on an unmapped "
	    "buffer");
	fails(fstat(fd, kernel_addr()), EFAULT,
	    "fstat: EFAULT on a kernel buffer");
	close(fd);
}

static void
t_fstatat(void)
{
	struct stat sb;

	ok(fstatat(AT_FDCWD, "/ktest/motd.link", &sb, AT_SYMLINK_NOFOLLOW) ==
	    0 && S_ISLNK(sb.st_mode), "fstatat: AT_SYMLINK_NOFOLLOW");
	ok(fstatat(-1, MOTD, &sb, 0) == 0,
	    "fstatat: an absolute path needs no directory descriptor");
	fails(fstatat(-1, "ktest/motd", &sb, 0), EBADF,
	    "fstatat: EBADF on a relative path from fd -1");
	fails(fstatat(AT_FDCWD, MOTD, &sb, 0x1000), EINVAL,
	    "fstatat: EINVAL on an unknown flag");
	fails(fstatat(AT_FDCWD, "/ktest/nothere", &sb, 0), ENOENT,
	    "fstatat: ENOENT on a missing file");
	fails(fstatat(AT_FDCWD, unmapped, &sb, 0), EFAULT,
	    "fstatat: EFAULT on an unmapped path");
	fails(fstatat(AT_FDCWD, kernel_addr(), &sb, 0), EFAULT,
	    "fstatat: EFAULT on a path at a kernel address");
	fails(fstatat(AT_FDCWD, MOTD, unmapped, 0), EFAULT,
	    "fstatat: EFAULT on an unmapped buffer");
	fails(fstatat(AT_FDCWD, MOTD, kernel_addr(), 0), EFAULT,
	    "fstatat: EFAULT on a kernel buffer");
}

static void
t_getdirentries(void)
{
	static char buf[4096] __attribute__((__aligned__(8)));
	off_t base;
	int fd = open("/ktest", O_RDONLY), f;

	ok(getdirentries(fd, buf, sizeof(buf), &base) > 0 && base == 0,
	    "getdirentries: a directory's records");
	fails(getdirentries(-1, buf, sizeof(buf), NULL), EBADF,
	    "getdirentries: EBADF on fd -1");
	fails(getdirentries(closed_fd(), buf, sizeof(buf), NULL), EBADF,
	    "getdirentries: EBADF on a closed descriptor");
	f = open_motd();
	fails(getdirentries(f, buf, sizeof(buf), NULL), ENOTDIR,
	    "getdirentries: ENOTDIR on a file");
	close(f);
	lseek(fd, 0, SEEK_SET);
	fails(getdirentries(fd, buf, 8, NULL), EINVAL,
	    "getdirentries: EINVAL on a buffer too small for a record");
	fails(getdirentries(fd, buf, (size_t)-1, NULL), EINVAL,
	    "getdirentries: EINVAL on a length above SSIZE_MAX");
	fails(getdirentries(fd, unmapped, sizeof(buf), NULL), EFAULT,
	    "getdirentries: EFAULT on an unmapped buffer");
	fails(getdirentries(fd, kernel_addr(), sizeof(buf), NULL), EFAULT,
	    "getdirentries: EFAULT on a kernel buffer");
	lseek(fd, 0, SEEK_SET);
	fails(getdirentries(fd, buf, sizeof(buf), unmapped), EFAULT,
	    "getdirentries: EFAULT on an unmapped basep");
	lseek(fd, 0, SEEK_SET);
	fails(getdirentries(fd, buf, sizeof(buf), kernel_addr()), EFAULT,
	    "getdirentries: EFAULT on a kernel basep");
	close(fd);
}

/*
 * ioctl: the console takes the terminal requests; other files none.
 * A request's argument is copied in before the terminal sees it (and
 * out after), so a bad pointer is EFAULT.
 */
static void
t_ioctl(void)
{
	int fd = open("/dev/console", O_RDWR), n = open("/dev/null", O_RDWR);
	int sid, p[2];

	fails(ioctl(-1, TIOCGSID, &sid), EBADF, "ioctl: EBADF on fd -1");
	fails(ioctl(closed_fd(), TIOCGSID, &sid), EBADF,
	    "ioctl: EBADF on a closed descriptor");
	fails(ioctl(n, TIOCGSID, &sid), ENOTTY,
	    "ioctl: ENOTTY on /dev/null");
	if (pipe(p) == 0) {
		fails(ioctl(p[0], TIOCGPGRP, &sid), ENOTTY,
		    "ioctl: ENOTTY on a pipe");
		close(p[0]);
		close(p[1]);
	}
	fails(ioctl(fd, _IOR('t', 1, int), &sid), ENOTTY,
	    "ioctl: ENOTTY on a request the console does not know");
	fails(ioctl(fd, TIOCSPGRP, unmapped), EFAULT,
	    "ioctl: EFAULT on TIOCSPGRP from an unmapped address");
	fails(ioctl(fd, TIOCSPGRP, kernel_addr()), EFAULT,
	    "ioctl: EFAULT on TIOCSPGRP from a kernel address");
	close(fd);
	close(n);
}

/*
 * The requests that answer need a controlling terminal: a child leads
 * a session of its own and opens the console, which becomes its
 * terminal if no other session has it (the runner's case; under a
 * shell, the shell's session has it: then these are skipped).  The
 * child's exit status has one bit per check that held; 0x80 means the
 * console was not to be had.
 */
static int
ioctl_ctty_child(void)
{
	int fd, sid = -1, pgid = -1, bits = 0;

	if (setsid() < 0 || (fd = open("/dev/console", O_RDWR)) < 0 ||
	    ioctl(fd, TIOCGSID, &sid) != 0)
		return (0x80);
	if (sid == getpid())
		bits |= 1;
	if (ioctl(fd, TIOCGPGRP, &pgid) == 0 && pgid == getpid())
		bits |= 2;
	errno = 0;
	if (ioctl(fd, TIOCGSID, unmapped) == -1 && errno == EFAULT)
		bits |= 4;
	errno = 0;
	if (ioctl(fd, TIOCGSID, kernel_addr()) == -1 && errno == EFAULT)
		bits |= 8;
	return (bits);
}

static void
t_ioctl_ctty(void)
{
	static const char *const names[] = {
		"ioctl: TIOCGSID on the controlling terminal",
		"ioctl: TIOCGPGRP on the controlling terminal",
		"ioctl: EFAULT on TIOCGSID into an unmapped address",
		"ioctl: EFAULT on TIOCGSID into a kernel address",
	};
	char name[128];
	int i, status = -1;
	pid_t pid;

	fflush(stdout);
	if ((pid = fork()) == 0)
		_exit(ioctl_ctty_child());
	waitpid(pid, &status, 0);
	for (i = 0; i < 4; i++) {
		if (WIFEXITED(status) && WEXITSTATUS(status) == 0x80) {
			snprintf(name, sizeof(name), "%s # SKIP the console "
			    "has another session", names[i]);
			ok(1, name);
		} else
			ok(WIFEXITED(status) &&
			    (WEXITSTATUS(status) & (1 << i)) != 0, names[i]);
	}
}

int
main(void)
{
	t_read();
	t_write();
	t_open();
	t_close();
	t_dup();
	t_fcntl();
	t_lseek();
	t_pipe2();
	t_fstat();
	t_fstatat();
	t_getdirentries();
	t_ioctl();
	t_ioctl_ctty();
	return (done_testing());
}
