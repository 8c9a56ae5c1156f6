/*
 * fd_test.c - the file-descriptor layer as a program sees it, run
 * inside Vise by the user test runner (/tests/fd_test, also reached as
 * /ktest/tests/fd_test; the known files under /ktest are staged by
 * scripts/stage-ktest): open, read, lseek,
 * close, stat, the errors a bad path, mode or descriptor gives, dup,
 * fcntl and close-on-exec, directories, /dev/null and /dev/zero,
 * pipes within one process and between a parent and its child.
 *
 * One process (and the children it makes); every failed check is
 * printed to stderr as file:line and what was wrong, and the exit
 * status is 1 if any failed, else 0.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define MOTD		"/ktest/motd"
#define MOTD_TEXT	"Vise initrd self test\n"
#define MOTD_LEN	22
#define SELF		"/ktest/tests/fd_test"

static int checks, failures;

static void
check(int ok, int line, const char *what)
{
	checks++;
	if (ok)
		return;
	failures++;
	fprintf(stderr, "%s:%d: failed: %s\n", __FILE__, line, what);
}

/* ret must be -1 with errno want. */
static void
check_error(long ret, int want, int line, const char *what)
{
	int error = errno;

	checks++;
	if (ret == -1 && error == want)
		return;
	failures++;
	fprintf(stderr, "%s:%d: failed: %s: returned %ld, errno %d (%s), "
	    "want -1 and %s\n", __FILE__, line, what, ret, error,
	    strerror(error), strerror(want));
}

#define CHECK(cond)		check((cond), __LINE__, #cond)
#define FAILS(call, err)	check_error((long)(call), (err), __LINE__, \
				    #call " fails with " #err)

/* Open MOTD for reading; the checks go on without it if it fails. */
static int
open_motd(int line)
{
	int fd = open(MOTD, O_RDONLY);

	check(fd >= 0, line, "open(" MOTD ", O_RDONLY)");
	return (fd);
}

static void
open_read_close(void)
{
	char buf[64];
	int fd;

	fd = open_motd(__LINE__);
	CHECK(fd == 3);		/* the lowest free: 0-2 are the console */
	CHECK(read(fd, buf, sizeof(buf)) == MOTD_LEN);
	CHECK(memcmp(buf, MOTD_TEXT, MOTD_LEN) == 0);
	CHECK(read(fd, buf, sizeof(buf)) == 0);		/* end of file */
	CHECK(close(fd) == 0);
	FAILS(close(fd), EBADF);
	/* A short read, then the rest. */
	fd = open_motd(__LINE__);
	CHECK(read(fd, buf, 4) == 4 && memcmp(buf, "Vise", 4) == 0);
	CHECK(read(fd, buf, sizeof(buf)) == MOTD_LEN - 4);
	CHECK(read(fd, buf, 0) == 0);
	close(fd);
}

static void
seeking(void)
{
	char buf[16];
	int fd, p[2];

	fd = open_motd(__LINE__);
	CHECK(lseek(fd, 5, SEEK_SET) == 5);
	CHECK(read(fd, buf, 6) == 6 && memcmp(buf, "initrd", 6) == 0);
	CHECK(lseek(fd, 0, SEEK_CUR) == 11);
	CHECK(lseek(fd, -2, SEEK_CUR) == 9);
	CHECK(lseek(fd, -3, SEEK_END) == MOTD_LEN - 3);
	CHECK(read(fd, buf, sizeof(buf)) == 3 && memcmp(buf, "st\n", 3) == 0);
	CHECK(lseek(fd, 100, SEEK_SET) == 100);	/* past the end is allowed */
	CHECK(read(fd, buf, sizeof(buf)) == 0);
	FAILS(lseek(fd, -1, SEEK_SET), EINVAL);
	FAILS(lseek(fd, 0, 3), EINVAL);
	CHECK(lseek(fd, 0, SEEK_CUR) == 100);	/* the failures moved nothing */
	close(fd);
	FAILS(lseek(fd, 0, SEEK_SET), EBADF);
	if (pipe(p) == 0) {
		FAILS(lseek(p[0], 0, SEEK_CUR), ESPIPE);
		FAILS(lseek(p[1], 0, SEEK_SET), ESPIPE);
		close(p[0]);
		close(p[1]);
	} else
		CHECK(!"pipe");
}

static void
stat_calls(void)
{
	struct stat sb, lsb;
	int fd;

	fd = open_motd(__LINE__);
	CHECK(fstat(fd, &sb) == 0);
	CHECK(S_ISREG(sb.st_mode));
	CHECK(sb.st_size == MOTD_LEN);
	CHECK((sb.st_mode & 07777) == (S_IRUSR | S_IWUSR | S_IRGRP));
	CHECK(sb.st_nlink >= 1);
	close(fd);
	CHECK(stat(MOTD, &lsb) == 0);
	CHECK(lsb.st_ino == sb.st_ino && lsb.st_dev == sb.st_dev &&
	    lsb.st_mode == sb.st_mode && lsb.st_size == MOTD_LEN);
	/* stat follows the link; lstat describes it. */
	CHECK(stat("/ktest/motd.link", &lsb) == 0);
	CHECK(S_ISREG(lsb.st_mode) && lsb.st_ino == sb.st_ino);
	CHECK(lstat("/ktest/motd.link", &lsb) == 0);
	CHECK(S_ISLNK(lsb.st_mode));
	CHECK(lstat(MOTD, &lsb) == 0 && S_ISREG(lsb.st_mode));
	CHECK(stat("/ktest", &sb) == 0 && S_ISDIR(sb.st_mode));
	CHECK(stat("/ktest/bin/", &sb) == 0 && S_ISDIR(sb.st_mode));
	CHECK(stat("ktest/motd", &sb) == 0 && S_ISREG(sb.st_mode));
	CHECK(stat("/dev/null", &sb) == 0 && S_ISCHR(sb.st_mode));
	CHECK(stat("/dev", &sb) == 0 && S_ISDIR(sb.st_mode));
	CHECK(fstat(0, &sb) == 0 && S_ISCHR(sb.st_mode));
	FAILS(stat("/ktest/nothere", &sb), ENOENT);
	FAILS(stat("/ktest/motd/x", &sb), ENOTDIR);
	FAILS(stat("", &sb), ENOENT);
	FAILS(fstat(-1, &sb), EBADF);
}

static void
path_errors(void)
{
	FAILS(open("/ktest/nothere", O_RDONLY), ENOENT);
	FAILS(open("/nothere/motd", O_RDONLY), ENOENT);
	FAILS(open("", O_RDONLY), ENOENT);
	FAILS(open("/dev/nothere", O_RDONLY), ENOENT);
	FAILS(open("/ktest/motd/x", O_RDONLY), ENOTDIR);
	FAILS(open("/ktest", O_WRONLY), EISDIR);
	FAILS(open("/ktest", O_RDWR), EISDIR);
	FAILS(open(MOTD, O_WRONLY), EROFS);
	FAILS(open(MOTD, O_RDWR), EROFS);
	FAILS(open(MOTD, O_RDONLY | O_TRUNC), EROFS);
	FAILS(open("/ktest/new", O_WRONLY | O_CREAT, 0644), EROFS);
	FAILS(open(MOTD, O_WRONLY | O_CREAT | O_EXCL, 0644), EEXIST);
	FAILS(open("/ktest", O_RDONLY | O_CREAT | O_EXCL, 0644), EEXIST);
	FAILS(open(MOTD, O_ACCMODE), EINVAL);
}

static void
descriptor_errors(void)
{
	char buf[8];
	int fd, nfd;

	FAILS(read(-1, buf, 1), EBADF);
	FAILS(read(64, buf, 1), EBADF);
	FAILS(read(100000, buf, 1), EBADF);
	FAILS(write(-1, buf, 1), EBADF);
	FAILS(close(-1), EBADF);
	FAILS(dup(-1), EBADF);
	FAILS(dup(40), EBADF);
	FAILS(fcntl(40, F_GETFD), EBADF);
	fd = open_motd(__LINE__);
	FAILS(write(fd, "x", 1), EBADF);	/* open for reading only */
	close(fd);
	FAILS(read(fd, buf, 1), EBADF);		/* closed */
	nfd = open("/dev/null", O_WRONLY);
	CHECK(nfd >= 0);
	FAILS(read(nfd, buf, 1), EBADF);	/* open for writing only */
	close(nfd);
}

/*
 * An address nothing is mapped at; volatile so that the compiler does
 * not see (and warn about) what the calls are given.
 */
static void *volatile bad = (void *)1;

/* A bad buffer is EFAULT, consumes nothing, and the kernel carries on. */
static void
bad_buffers(void)
{
	struct stat sb;
	char buf[8];
	int fd;

	fd = open_motd(__LINE__);
	FAILS(read(fd, bad, 10), EFAULT);
	FAILS(fstat(fd, bad), EFAULT);
	CHECK(read(fd, buf, 4) == 4 && memcmp(buf, "Vise", 4) == 0);
	close(fd);
	FAILS(open(bad, O_RDONLY), EFAULT);
	FAILS(stat(bad, &sb), EFAULT);
	FAILS(stat(MOTD, bad), EFAULT);
	FAILS(write(1, bad, 10), EFAULT);
	FAILS(pipe(bad), EFAULT);
}

/* dup and dup2 give descriptors that share the file and its offset. */
static void
duplicates(void)
{
	char buf[8];
	int fd, d, other;

	fd = open_motd(__LINE__);
	d = dup(fd);
	CHECK(d == fd + 1);
	CHECK(read(fd, buf, 4) == 4);
	CHECK(read(d, buf, 4) == 4 && memcmp(buf, " ini", 4) == 0);
	CHECK(lseek(fd, 0, SEEK_CUR) == 8);
	CHECK(dup2(fd, 20) == 20);
	CHECK(read(20, buf, 6) == 6 && memcmp(buf, "trd se", 6) == 0);
	CHECK(dup2(fd, fd) == fd);
	/* dup2 onto an open descriptor closes that first. */
	other = open("/dev/zero", O_RDONLY);
	CHECK(other >= 0 && dup2(fd, other) == other);
	CHECK(read(other, buf, 4) == 4 && memcmp(buf, "lf t", 4) == 0);
	FAILS(dup2(fd, 64), EBADF);
	FAILS(dup2(fd, -1), EBADF);
	FAILS(dup2(-1, 20), EBADF);
	/* Closing one leaves the others working. */
	close(fd);
	CHECK(read(d, buf, 4) == 4 && memcmp(buf, "est\n", 4) == 0);
	close(d);
	close(20);
	close(other);
}

static void
fcntl_flags(void)
{
	int fd, d, nfd;

	fd = open_motd(__LINE__);
	CHECK(fcntl(fd, F_GETFD) == 0);
	CHECK(fcntl(fd, F_SETFD, FD_CLOEXEC) == 0);
	CHECK(fcntl(fd, F_GETFD) == FD_CLOEXEC);
	d = dup(fd);
	CHECK(fcntl(d, F_GETFD) == 0);		/* not inherited by dup */
	CHECK(fcntl(fd, F_SETFD, 0) == 0 && fcntl(fd, F_GETFD) == 0);
	close(d);
	CHECK(fcntl(fd, F_GETFL) == O_RDONLY);
	d = fcntl(fd, F_DUPFD, 30);
	CHECK(d == 30);
	CHECK(fcntl(fd, F_DUPFD, 30) == 31);
	FAILS(fcntl(fd, 99), EINVAL);
	close(30);
	close(31);
	close(fd);
	fd = open(MOTD, O_RDONLY | O_CLOEXEC);
	CHECK(fd >= 0 && fcntl(fd, F_GETFD) == FD_CLOEXEC);
	close(fd);
	nfd = open("/dev/null", O_WRONLY | O_APPEND);
	CHECK(fcntl(nfd, F_GETFL) == (O_WRONLY | O_APPEND));
	/* F_SETFL changes O_NONBLOCK and O_APPEND, never the access mode. */
	CHECK(fcntl(nfd, F_SETFL, O_NONBLOCK | O_RDWR) == 0);
	CHECK(fcntl(nfd, F_GETFL) == (O_WRONLY | O_NONBLOCK));
	close(nfd);
}

/*
 * exec closes the FD_CLOEXEC descriptors and keeps the others: a child
 * execs this program, which checks both (see main).
 */
static void
close_on_exec(void)
{
	char cloexec_fd[12], kept_fd[12];
	int a, b, status;
	pid_t pid;

	a = open(MOTD, O_RDONLY | O_CLOEXEC);
	b = open(MOTD, O_RDONLY);
	CHECK(a >= 0 && b >= 0);
	snprintf(cloexec_fd, sizeof(cloexec_fd), "%d", a);
	snprintf(kept_fd, sizeof(kept_fd), "%d", b);
	if ((pid = fork()) == 0) {
		char *argv[] = { "fd_test", "exec-check", cloexec_fd, kept_fd,
		    NULL };

		execv(SELF, argv);
		_exit(127);
	}
	CHECK(pid > 0);
	CHECK(waitpid(pid, &status, 0) == pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	close(a);
	close(b);
}

/* What close_on_exec's child runs after the exec. */
static int
exec_check(const char *cloexec_fd, const char *kept_fd)
{
	int a = atoi(cloexec_fd), b = atoi(kept_fd);
	char buf[4];

	FAILS(fcntl(a, F_GETFD), EBADF);
	CHECK(fcntl(b, F_GETFD) == 0);
	CHECK(read(b, buf, 4) == 4 && memcmp(buf, "Vise", 4) == 0);
	return (failures == 0 ? 0 : 1);
}

/* getdirentries itself: where it starts, and a buffer that is too small. */
static void
getdirentries_calls(void)
{
	static char records[4096] __attribute__((__aligned__(8)));
	off_t base = -1;
	ssize_t n;
	int fd;

	fd = open("/ktest", O_RDONLY);
	CHECK(fd >= 0);
	/* POSIX: EISDIR when directories cannot be read with read(). */
	FAILS(read(fd, records, 1), EISDIR);
	FAILS(getdirentries(fd, records, 8, NULL), EINVAL);
	n = getdirentries(fd, records, sizeof(records), &base);
	CHECK(n > 0 && base == 0);
	CHECK(((struct dirent *)records)->d_reclen % 8 == 0 &&
	    strcmp(((struct dirent *)records)->d_name, ".") == 0);
	CHECK(lseek(fd, 0, SEEK_SET) == 0);
	CHECK(getdirentries(fd, records, sizeof(records), NULL) == n);
	close(fd);
}

/* The names fd_test expects in /ktest (scripts/test-all stages them). */
static const char *const ktest_names[] = { ".", "..", "abs.link", "bin",
	"empty", "motd", "motd.link", "noexec", "tests" };

static void
directories(void)
{
	unsigned found = 0, i, n = 0;
	struct dirent *dp;
	char buf[8], prev[256] = "";
	DIR *dirp;
	int fd;

	if ((dirp = opendir("/ktest")) == NULL) {
		CHECK(!"opendir(\"/ktest\")");
		return;
	}
	for (errno = 0; (dp = readdir(dirp)) != NULL; n++) {
		for (i = 0; i < sizeof(ktest_names) / sizeof(ktest_names[0]);
		    i++)
			if (strcmp(dp->d_name, ktest_names[i]) == 0)
				found |= 1u << i;
		/* "." and ".." first, then the names in byte order. */
		if (n == 0)
			CHECK(strcmp(dp->d_name, ".") == 0);
		else if (n == 1)
			CHECK(strcmp(dp->d_name, "..") == 0);
		else
			CHECK(strcmp(prev, dp->d_name) < 0);
		CHECK(dp->d_namlen == strlen(dp->d_name));
		if (strcmp(dp->d_name, "motd") == 0)
			CHECK(dp->d_type == DT_REG);
		if (strcmp(dp->d_name, "bin") == 0)
			CHECK(dp->d_type == DT_DIR);
		if (strcmp(dp->d_name, "motd.link") == 0)
			CHECK(dp->d_type == DT_LNK);
		if (n >= 2)
			strlcpy(prev, dp->d_name, sizeof(prev));
	}
	CHECK(errno == 0);
	CHECK(found == (1u << (sizeof(ktest_names) /
	    sizeof(ktest_names[0]))) - 1);
	rewinddir(dirp);
	dp = readdir(dirp);
	CHECK(dp != NULL && strcmp(dp->d_name, ".") == 0);
	fd = dirfd(dirp);
	CHECK(closedir(dirp) == 0);
	FAILS(close(fd), EBADF);
	getdirentries_calls();

	/* /dev lists its devices. */
	found = 0;
	if ((dirp = opendir("/dev")) != NULL) {
		while ((dp = readdir(dirp)) != NULL) {
			if (strcmp(dp->d_name, "console") == 0 ||
			    strcmp(dp->d_name, "null") == 0 ||
			    strcmp(dp->d_name, "zero") == 0)
				found++;
			if (dp->d_name[0] != '.')
				CHECK(dp->d_type == DT_CHR);
		}
		closedir(dirp);
	}
	CHECK(found == 3);
	CHECK(opendir(MOTD) == NULL && errno == ENOTDIR);
	CHECK(opendir("/ktest/nothere") == NULL && errno == ENOENT);
	fd = open_motd(__LINE__);
	FAILS(getdirentries(fd, buf, sizeof(buf), NULL), ENOTDIR);
	close(fd);
}

static void
devices(void)
{
	char buf[32];
	int fd, i, zeros = 0;

	fd = open("/dev/null", O_RDWR);
	CHECK(fd >= 0);
	CHECK(write(fd, "discarded", 9) == 9);
	CHECK(read(fd, buf, sizeof(buf)) == 0);
	close(fd);
	fd = open("/dev/zero", O_RDONLY);
	CHECK(fd >= 0);
	memset(buf, 0xa5, sizeof(buf));
	CHECK(read(fd, buf, sizeof(buf)) == sizeof(buf));
	for (i = 0; i < (int)sizeof(buf); i++)
		zeros += buf[i] == 0;
	CHECK(zeros == (int)sizeof(buf));
	close(fd);
	FAILS(open("/dev/null", O_RDONLY | O_CREAT | O_EXCL, 0644), EEXIST);
	FAILS(open("/dev/new", O_WRONLY | O_CREAT, 0644), EROFS);
	FAILS(open("/dev", O_WRONLY), EISDIR);
	FAILS(open("/dev/null/x", O_RDONLY), ENOTDIR);
}

static void
pipes(void)
{
	struct stat sb;
	char buf[8], big[1024];
	int p[2], n;

	CHECK(pipe(p) == 0);
	CHECK(write(p[1], "abc", 3) == 3);
	CHECK(fstat(p[0], &sb) == 0 && S_ISFIFO(sb.st_mode) &&
	    sb.st_size == 3);
	CHECK(read(p[0], buf, sizeof(buf)) == 3 && memcmp(buf, "abc", 3) == 0);
	CHECK(fcntl(p[0], F_GETFL) == O_RDONLY);
	CHECK(fcntl(p[1], F_GETFL) == O_WRONLY);
	FAILS(write(p[0], "x", 1), EBADF);
	FAILS(read(p[1], buf, 1), EBADF);
	/* With no writer left, a reader gets what is there, then EOF. */
	CHECK(write(p[1], "de", 2) == 2);
	close(p[1]);
	CHECK(read(p[0], buf, sizeof(buf)) == 2);
	CHECK(read(p[0], buf, sizeof(buf)) == 0);
	close(p[0]);

	/* With no reader left, a writer gets EPIPE (and SIGPIPE, ignored). */
	CHECK(signal(SIGPIPE, SIG_IGN) != SIG_ERR);
	CHECK(pipe(p) == 0);
	close(p[0]);
	FAILS(write(p[1], "x", 1), EPIPE);
	close(p[1]);
	CHECK(signal(SIGPIPE, SIG_DFL) == SIG_IGN);

	/* O_NONBLOCK: no waiting for data, nor for room. */
	CHECK(pipe2(p, O_NONBLOCK) == 0);
	FAILS(read(p[0], buf, sizeof(buf)), EAGAIN);
	CHECK((fcntl(p[0], F_GETFL) & O_NONBLOCK) != 0);
	memset(big, 'x', sizeof(big));
	for (n = 0; n < 64 && write(p[1], big, sizeof(big)) > 0; n++)
		continue;
	CHECK(n > 0 && n < 64);
	FAILS(write(p[1], big, sizeof(big)), EAGAIN);
	close(p[0]);
	close(p[1]);

	CHECK(pipe2(p, O_CLOEXEC) == 0);
	CHECK(fcntl(p[0], F_GETFD) == FD_CLOEXEC &&
	    fcntl(p[1], F_GETFD) == FD_CLOEXEC);
	close(p[0]);
	close(p[1]);
	FAILS(pipe2(p, O_APPEND), EINVAL);
}

/*
 * A child writes more than a pipe holds; the parent reads it all, then
 * end of file once the child has exited.  Both sides have to wait for
 * each other on the way.
 */
static void
pipe_between_processes(void)
{
	unsigned char buf[512];
	long total = 0, bad = 0;
	int p[2], status, i;
	ssize_t n;
	pid_t pid;

	if (pipe(p) != 0) {
		CHECK(!"pipe");
		return;
	}
	if ((pid = fork()) == 0) {
		close(p[0]);
		for (i = 0; i < 40; i++) {
			memset(buf, i, sizeof(buf));
			if (write(p[1], buf, sizeof(buf)) != sizeof(buf))
				_exit(1);
		}
		_exit(0);
	}
	CHECK(pid > 0);
	close(p[1]);
	while ((n = read(p[0], buf, sizeof(buf))) > 0) {
		for (i = 0; i < n; i++)
			bad += buf[i] != (unsigned char)((total + i) / 512);
		total += n;
	}
	CHECK(n == 0);
	CHECK(total == 40 * 512);
	CHECK(bad == 0);
	close(p[0]);
	CHECK(waitpid(pid, &status, 0) == pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

/*
 * Descriptors survive exec: a child execs cat with the motd as its
 * standard input and a pipe as its standard output.
 */
static void
exec_keeps_descriptors(void)
{
	char buf[64];
	int p[2], fd, status;
	ssize_t n, total = 0;
	pid_t pid;

	if (pipe(p) != 0) {
		CHECK(!"pipe");
		return;
	}
	if ((pid = fork()) == 0) {
		char *argv[] = { "cat", NULL };

		fd = open(MOTD, O_RDONLY | O_CLOEXEC);
		/* dup2 clears FD_CLOEXEC on the copy. */
		if (fd < 0 || dup2(fd, 0) != 0 || dup2(p[1], 1) != 1)
			_exit(126);
		execv("/ktest/bin/cat", argv);
		_exit(127);
	}
	CHECK(pid > 0);
	close(p[1]);
	while (total < (ssize_t)sizeof(buf) &&
	    (n = read(p[0], buf + total, sizeof(buf) - total)) > 0)
		total += n;
	CHECK(total == MOTD_LEN && memcmp(buf, MOTD_TEXT, MOTD_LEN) == 0);
	close(p[0]);
	CHECK(waitpid(pid, &status, 0) == pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

int
main(int argc, char *argv[])
{
	if (argc == 4 && strcmp(argv[1], "exec-check") == 0)
		return (exec_check(argv[2], argv[3]));
	open_read_close();
	seeking();
	stat_calls();
	path_errors();
	descriptor_errors();
	bad_buffers();
	duplicates();
	fcntl_flags();
	close_on_exec();
	directories();
	devices();
	pipes();
	pipe_between_processes();
	exec_keeps_descriptors();
	if (failures != 0) {
		fprintf(stderr, "fd_test: %d of %d checks failed\n", failures,
		    checks);
		return (1);
	}
	printf("fd_test: all %d checks passed\n", checks);
	return (0);
}
