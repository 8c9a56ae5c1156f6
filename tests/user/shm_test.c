/*
 * shm_test.c - POSIX shared memory as a program sees it (issue 6):
 * shm_open with and without a leading slash (one namespace), O_CREAT,
 * O_EXCL, O_TRUNC, O_RDONLY/O_RDWR, SHM_ANON; ftruncate, fstat, read
 * and write on the descriptor; shm_unlink of an open object; the
 * permission checks as uid 1001; close-on-exec; a child sees what its
 * parent wrote.
 *
 * Each test runs in a child of its own and unlinks what it made (an
 * object left behind is memory in use: the runner's leak check would
 * report it).  Prints TAP; exits 0 if every test passed.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lib/utest.h"

static void *volatile badptr = (void *)8;


static void
t_open_names(void)
{
	struct stat a, b;
	char buf[8];
	int fd, fd2;

	fd = shm_open("/vise_shm_a", O_RDWR | O_CREAT | O_EXCL, 0666);
	CHECK(fd >= 0);
	CHECK(fstat(fd, &a) == 0 && S_ISREG(a.st_mode) &&
	    (a.st_mode & 07777) == 0644 && a.st_size == 0 &&
	    a.st_uid == geteuid() && a.st_nlink == 1);
	CHECK(fcntl(fd, F_GETFD) == FD_CLOEXEC);
	/* Without the slash: the same object. */
	fd2 = shm_open("vise_shm_a", O_RDWR, 0);
	CHECK(fd2 >= 0 && fstat(fd2, &b) == 0 && b.st_ino == a.st_ino &&
	    b.st_dev == a.st_dev);
	CHECK(write(fd, "shared", 6) == 6);
	CHECK(read(fd2, buf, 6) == 6 && memcmp(buf, "shared", 6) == 0);
	CHECK_ERR(shm_open("/vise_shm_a", O_RDWR | O_CREAT | O_EXCL, 0600),
	    EEXIST);
	CHECK(close(fd2) == 0);
	/* O_TRUNC empties it (opened O_RDWR). */
	fd2 = shm_open("/vise_shm_a", O_RDWR | O_TRUNC, 0);
	CHECK(fd2 >= 0 && fstat(fd, &a) == 0 && a.st_size == 0);
	CHECK(close(fd2) == 0 && close(fd) == 0);
	CHECK(shm_unlink("vise_shm_a") == 0);
	CHECK_ERR(shm_unlink("/vise_shm_a"), ENOENT);
	CHECK_ERR(shm_open("/vise_shm_a", O_RDWR, 0), ENOENT);
	/* Not files: /tmp knows nothing of them. */
	CHECK(shm_open("/tmp/vise_shm_b", O_RDWR | O_CREAT, 0600) >= 0);
	CHECK_ERR(stat("/tmp/vise_shm_b", &a), ENOENT);
	CHECK(shm_unlink("/tmp/vise_shm_b") == 0);
}

static void
t_errors(void)
{
	CHECK_ERR(shm_open("/vise_shm_c", O_WRONLY | O_CREAT, 0600), EINVAL);
	CHECK_ERR(shm_open("/vise_shm_c", O_RDWR | O_CREAT | O_APPEND, 0600),
	    EINVAL);
	CHECK_ERR(shm_open("/", O_RDWR | O_CREAT, 0600), EINVAL);
	CHECK_ERR(shm_open("", O_RDWR | O_CREAT, 0600), EINVAL);
	CHECK_ERR(shm_open(badptr, O_RDWR | O_CREAT, 0600), EFAULT);
	CHECK_ERR(shm_open(SHM_ANON, O_RDONLY, 0600), EINVAL);
	CHECK_ERR(shm_unlink("/vise_shm_nothere"), ENOENT);
	CHECK_ERR(shm_unlink(badptr), EFAULT);
}

static void
t_size(void)
{
	struct stat sb;
	char buf[16];
	int fd, ro, i;

	fd = shm_open("/vise_shm_d", O_RDWR | O_CREAT | O_EXCL, 0600);
	CHECK(fd >= 0);
	CHECK(ftruncate(fd, 3 * 4096) == 0);
	CHECK(fstat(fd, &sb) == 0 && sb.st_size == 3 * 4096);
	CHECK(lseek(fd, 8000, SEEK_SET) == 8000 && write(fd, "xyz", 3) == 3);
	CHECK(ftruncate(fd, 8001) == 0 && ftruncate(fd, 9000) == 0);
	CHECK(lseek(fd, 7998, SEEK_SET) == 7998 &&
	    read(fd, buf, 16) == 16);
	CHECK(buf[0] == 0 && buf[1] == 0 && buf[2] == 'x');
	for (i = 3; i < 16; i++)
		CHECK(buf[i] == 0);
	ro = shm_open("/vise_shm_d", O_RDONLY, 0);
	CHECK(ro >= 0);
	CHECK_ERR(ftruncate(ro, 0), EINVAL);
	CHECK_ERR(write(ro, "x", 1), EBADF);
	CHECK(fchmod(fd, 0640) == 0 && fstat(ro, &sb) == 0 &&
	    (sb.st_mode & 07777) == 0640);
	CHECK(close(ro) == 0 && close(fd) == 0);
	CHECK(shm_unlink("/vise_shm_d") == 0);
}

static void
t_anon(void)
{
	struct stat a, b;
	int fd, fd2;

	fd = shm_open(SHM_ANON, O_RDWR, 0600);
	fd2 = shm_open(SHM_ANON, O_RDWR, 0600);
	CHECK(fd >= 0 && fd2 >= 0);
	CHECK(fstat(fd, &a) == 0 && fstat(fd2, &b) == 0 &&
	    a.st_ino != b.st_ino && a.st_size == 0 && a.st_nlink == 0);
	CHECK(ftruncate(fd, 10000) == 0 && fstat(fd, &a) == 0 &&
	    a.st_size == 10000);
	CHECK(close(fd) == 0 && close(fd2) == 0);
}

static void
t_unlink_open(void)
{
	struct stat a, b;
	char buf[4];
	int fd, fd2;

	fd = shm_open("/vise_shm_e", O_RDWR | O_CREAT | O_EXCL, 0600);
	CHECK(fd >= 0 && write(fd, "keep", 4) == 4);
	CHECK(shm_unlink("/vise_shm_e") == 0);
	CHECK(fstat(fd, &a) == 0 && a.st_nlink == 0 && a.st_size == 4);
	CHECK(lseek(fd, 0, SEEK_SET) == 0 && read(fd, buf, 4) == 4 &&
	    memcmp(buf, "keep", 4) == 0);
	/* The name is free again: a new, empty object. */
	fd2 = shm_open("/vise_shm_e", O_RDWR | O_CREAT | O_EXCL, 0600);
	CHECK(fd2 >= 0 && fstat(fd2, &b) == 0 && b.st_ino != a.st_ino &&
	    b.st_size == 0);
	CHECK(close(fd2) == 0 && shm_unlink("/vise_shm_e") == 0);
	CHECK(close(fd) == 0);
}

static void
as_user_1001(void)
{
	char buf[4];
	int fd;

	if (setuid(1001) != 0) {
		CHECK(0);
		return;
	}
	CHECK_ERR(shm_open("/vise_shm_root", O_RDONLY, 0), EACCES);
	CHECK_ERR(shm_open("/vise_shm_root", O_RDWR, 0), EACCES);
	CHECK_ERR(shm_open("/vise_shm_root", O_RDWR | O_CREAT, 0666), EACCES);
	CHECK_ERR(shm_unlink("/vise_shm_root"), EACCES);
	fd = shm_open("/vise_shm_read", O_RDONLY, 0);
	CHECK(fd >= 0 && read(fd, buf, 4) == 4 && memcmp(buf, "read", 4) == 0);
	CHECK_ERR(fchmod(fd, 0666), EPERM);
	CHECK(close(fd) == 0);
	CHECK_ERR(shm_open("/vise_shm_read", O_RDWR, 0), EACCES);
	CHECK_ERR(shm_unlink("/vise_shm_read"), EACCES);
}

static void
t_permissions(void)
{
	int fd, status;
	pid_t pid;

	fd = shm_open("/vise_shm_root", O_RDWR | O_CREAT | O_EXCL, 0600);
	CHECK(fd >= 0 && close(fd) == 0);
	fd = shm_open("/vise_shm_read", O_RDWR | O_CREAT | O_EXCL, 0644);
	CHECK(fd >= 0 && write(fd, "read", 4) == 4 && close(fd) == 0);
	fflush(stderr);
	if ((pid = fork()) == 0) {
		child_failures = 0;
		as_user_1001();
		_exit(child_failures == 0 ? 0 : 1);
	}
	CHECK(pid > 0 && waitpid(pid, &status, 0) == pid &&
	    WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CHECK(shm_unlink("/vise_shm_root") == 0);
	CHECK(shm_unlink("/vise_shm_read") == 0);
}

static void
t_fork_shares(void)
{
	char buf[8];
	int fd, status;
	pid_t pid;

	fd = shm_open(SHM_ANON, O_RDWR, 0600);
	CHECK(fd >= 0 && ftruncate(fd, 4096) == 0);
	if ((pid = fork()) == 0) {
		_exit(lseek(fd, 100, SEEK_SET) == 100 &&
		    write(fd, "child", 5) == 5 ? 0 : 1);
	}
	CHECK(pid > 0 && waitpid(pid, &status, 0) == pid &&
	    WIFEXITED(status) && WEXITSTATUS(status) == 0);
	/* The offset is shared too (one open file). */
	CHECK(lseek(fd, 0, SEEK_CUR) == 105);
	CHECK(lseek(fd, 100, SEEK_SET) == 100 && read(fd, buf, 5) == 5 &&
	    memcmp(buf, "child", 5) == 0);
	CHECK(close(fd) == 0);
}

int
main(void)
{
	run_in_child("shm",
	    "shm_open with and without a leading slash names one object; O_EXCL, O_TRUNC; shm_unlink",
	    t_open_names);
	run_in_child("shm",
	    "EINVAL for O_WRONLY, other flags, empty names, SHM_ANON read-only; ENOENT; EFAULT",
	    t_errors);
	run_in_child("shm",
	    "ftruncate and fstat on the descriptor; shrinking and growing read back zeros",
	    t_size);
	run_in_child("shm", "SHM_ANON makes a new object each time", t_anon);
	run_in_child("shm",
	    "shm_unlink of an open object keeps it for its descriptors",
	    t_unlink_open);
	run_in_child("shm",
	    "as uid 1001: root's 0600 object EACCES, 0644 read-only",
	    t_permissions);
	run_in_child("shm", "a child writes, its parent reads", t_fork_shares);
	return (done_testing());
}
