/*
 * cwd_test.c - the current directory (issue 6): chdir, fchdir and
 * getcwd on the initrd, devfs and tmpfs; relative open, stat, mkdir,
 * unlink, rename and rmdir in /tmp; ".." across a mount; fork
 * inherits it and exec keeps it; a removed current directory (its
 * operations give ENOENT, getcwd too); the errors (ENOENT, ENOTDIR,
 * EACCES without search permission as uid 1001, EFAULT, EBADF,
 * ERANGE and EINVAL for getcwd).
 *
 * Each test runs in a child of its own (a chdir there changes nothing
 * for the next test) and removes what it made in /tmp.  Prints TAP;
 * exits 0 if every test passed.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lib/utest.h"

/* Below every mapping: EFAULT.  Volatile, so gcc cannot see through it. */
static void *volatile badptr = (void *)8;

/* getcwd must give `want`. */
#define CHECK_CWD(want)	do {						\
	char cwd_[PATH_MAX];						\
	check_at(getcwd(cwd_, sizeof(cwd_)) == cwd_ &&			\
	    strcmp(cwd_, (want)) == 0, __FILE__, __LINE__,		\
	    "getcwd is " want);						\
} while (0)

/* The exit status of `argv` run in a child (-1 if it did not exit). */
static int
run_prog(char *const argv[])
{
	int status;
	pid_t pid;

	if ((pid = fork()) == 0) {
		execve(argv[0], argv, NULL);
		_exit(99);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return (-1);
	return (WEXITSTATUS(status));
}

static void
t_start_at_root(void)
{
	CHECK_CWD("/");
	CHECK(chdir("/bin") == 0);
	CHECK_CWD("/bin");
}

static void
t_chdir_across_mounts(void)
{
	struct stat sb;

	CHECK(chdir("/tmp") == 0);
	CHECK_CWD("/tmp");
	CHECK(chdir("..") == 0);
	CHECK_CWD("/");
	CHECK(chdir("dev") == 0);
	CHECK_CWD("/dev");
	CHECK(stat("null", &sb) == 0 && S_ISCHR(sb.st_mode));
	CHECK(chdir("../ktest") == 0);
	CHECK_CWD("/ktest");
	CHECK(stat("motd", &sb) == 0 && S_ISREG(sb.st_mode));
	CHECK(chdir(".") == 0);
	CHECK_CWD("/ktest");
	CHECK(chdir("/") == 0);
	CHECK(chdir("..") == 0);
	CHECK_CWD("/");
}

static void
t_relative_files(void)
{
	struct stat sb;
	char buf[8];
	int fd;

	CHECK(mkdir("/tmp/cwd_a", 0755) == 0);
	CHECK(chdir("/tmp/cwd_a") == 0);
	CHECK_CWD("/tmp/cwd_a");
	fd = open("f", O_RDWR | O_CREAT | O_EXCL, 0644);
	CHECK(fd >= 0);
	CHECK(write(fd, "abc", 3) == 3);
	CHECK(close(fd) == 0);
	CHECK(stat("/tmp/cwd_a/f", &sb) == 0 && sb.st_size == 3);
	CHECK(stat("./f", &sb) == 0 && sb.st_size == 3);
	CHECK(mkdir("sub", 0755) == 0);
	CHECK(rename("f", "sub/g") == 0);
	CHECK_ERR(stat("f", &sb), ENOENT);
	CHECK(chdir("sub") == 0);
	CHECK_CWD("/tmp/cwd_a/sub");
	fd = open("g", O_RDONLY);
	CHECK(fd >= 0 && read(fd, buf, sizeof(buf)) == 3 &&
	    memcmp(buf, "abc", 3) == 0);
	CHECK(close(fd) == 0);
	CHECK(rename("g", "../h") == 0);
	CHECK(unlink("../h") == 0);
	CHECK(chdir("..") == 0);
	CHECK(rmdir("sub") == 0);
	CHECK(chdir("/tmp") == 0);
	CHECK(rmdir("cwd_a") == 0);
	CHECK_ERR(chdir("cwd_a"), ENOENT);
}

static void
t_fchdir(void)
{
	int fd, pfd[2];

	fd = open("/ktest", O_RDONLY);
	CHECK(fd >= 0);
	CHECK(fchdir(fd) == 0);
	CHECK_CWD("/ktest");
	CHECK(close(fd) == 0);
	fd = open("/tmp", O_RDONLY);
	CHECK(fchdir(fd) == 0);
	CHECK_CWD("/tmp");
	CHECK(close(fd) == 0);
	fd = open("/ktest/motd", O_RDONLY);
	CHECK_ERR(fchdir(fd), ENOTDIR);
	CHECK(close(fd) == 0);
	CHECK(pipe(pfd) == 0);
	CHECK_ERR(fchdir(pfd[0]), ENOTDIR);
	CHECK_ERR(fchdir(-1), EBADF);
	CHECK_ERR(fchdir(63), EBADF);
	CHECK_CWD("/tmp");
}

static void
t_fork_and_exec(void)
{
	char *sh[] = { "/bin/sh", "-c", "test -f motd", NULL };
	char *sh2[] = { "/bin/sh", "-c", "test -f motd", NULL };
	int status;
	pid_t pid;

	CHECK(chdir("/ktest") == 0);
	if ((pid = fork()) == 0) {
		char buf[PATH_MAX];

		_exit(getcwd(buf, sizeof(buf)) != NULL &&
		    strcmp(buf, "/ktest") == 0 ? 0 : 1);
	}
	CHECK(pid > 0 && waitpid(pid, &status, 0) == pid &&
	    WIFEXITED(status) && WEXITSTATUS(status) == 0);
	/* The program runs where this one is: motd is /ktest/motd. */
	CHECK(run_prog(sh) == 0);
	CHECK(chdir("/") == 0);
	CHECK(run_prog(sh2) == 1);
}

static void
t_removed_cwd(void)
{
	char buf[PATH_MAX];
	struct stat sb;
	int fd;

	CHECK(mkdir("/tmp/cwd_gone", 0755) == 0);
	CHECK(chdir("/tmp/cwd_gone") == 0);
	CHECK(rmdir("/tmp/cwd_gone") == 0);
	errno = 0;
	CHECK(getcwd(buf, sizeof(buf)) == NULL && errno == ENOENT);
	CHECK(stat(".", &sb) == 0 && S_ISDIR(sb.st_mode) && sb.st_nlink == 0);
	CHECK_ERR(stat("..", &sb), ENOENT);
	CHECK_ERR(open("new", O_RDWR | O_CREAT, 0644), ENOENT);
	CHECK_ERR(mkdir("d", 0755), ENOENT);
	CHECK_ERR(stat("x", &sb), ENOENT);
	fd = open("/tmp/cwd_other", O_RDWR | O_CREAT | O_EXCL, 0644);
	CHECK(fd >= 0);
	CHECK(close(fd) == 0);
	CHECK_ERR(rename("/tmp/cwd_other", "moved"), ENOENT);
	CHECK(unlink("/tmp/cwd_other") == 0);
	/* Leaving it lets the directory go. */
	CHECK(chdir("/tmp") == 0);
	CHECK_CWD("/tmp");
}

static void
t_errors(void)
{
	char buf[PATH_MAX];

	CHECK_ERR(chdir("/no/such"), ENOENT);
	CHECK_ERR(chdir(""), ENOENT);
	CHECK_ERR(chdir("/ktest/motd"), ENOTDIR);
	CHECK_ERR(chdir("/ktest/motd/x"), ENOTDIR);
	CHECK_ERR(chdir(badptr), EFAULT);
	CHECK(chdir("/bin") == 0);
	errno = 0;
	CHECK(getcwd(buf, 4) == NULL && errno == ERANGE);
	errno = 0;
	CHECK(getcwd(buf, 5) == buf && strcmp(buf, "/bin") == 0);
	errno = 0;
	CHECK(getcwd(buf, 0) == NULL && errno == EINVAL);
	errno = 0;
	CHECK(getcwd(badptr, 64) == NULL && errno == EFAULT);
	CHECK(chdir("/") == 0);
	errno = 0;
	CHECK(getcwd(buf, 1) == NULL && errno == ERANGE);
	CHECK(getcwd(buf, 2) == buf && strcmp(buf, "/") == 0);
}

static void
t_getcwd_malloc(void)
{
	char *p;

	CHECK(chdir("/tmp") == 0);
	p = getcwd(NULL, 0);
	CHECK(p != NULL && strcmp(p, "/tmp") == 0);
	free(p);
	errno = 0;
	p = getcwd(NULL, 3);
	CHECK(p == NULL && errno == ERANGE);
}

static void
t_search_permission(void)
{
	struct stat sb;

	CHECK(mkdir("/tmp/cwd_closed", 0700) == 0);
	CHECK(mkdir("/tmp/cwd_closed/in", 0777) == 0);
	CHECK(mkdir("/tmp/cwd_noexec", 0666) == 0);
	if (fork() == 0) {
		child_failures = 0;
		if (setuid(1001) != 0)
			_exit(1);
		CHECK_ERR(chdir("/tmp/cwd_closed"), EACCES);
		CHECK_ERR(chdir("/tmp/cwd_closed/in"), EACCES);
		CHECK_ERR(chdir("/tmp/cwd_noexec"), EACCES);
		CHECK(chdir("/tmp") == 0);
		CHECK_ERR(stat("cwd_closed/in", &sb), EACCES);
		_exit(child_failures == 0 ? 0 : 1);
	} else {
		int status;

		CHECK(wait(&status) > 0 && WIFEXITED(status) &&
		    WEXITSTATUS(status) == 0);
	}
	/* Root may search anything. */
	CHECK(chdir("/tmp/cwd_noexec") == 0);
	CHECK(chdir("/tmp") == 0);
	CHECK(rmdir("cwd_closed/in") == 0);
	CHECK(rmdir("cwd_closed") == 0);
	CHECK(rmdir("cwd_noexec") == 0);
}

int
main(void)
{
	run_in_child("cwd",
	    "a process starts at /, chdir to an initrd directory",
	    t_start_at_root);
	run_in_child("cwd", "chdir and .. across the mounts, getcwd names each",
	    t_chdir_across_mounts);
	run_in_child("cwd",
	    "relative open, stat, mkdir, rename, unlink, rmdir in /tmp",
	    t_relative_files);
	run_in_child("cwd",
	    "fchdir: a directory, not a file or a pipe (ENOTDIR), EBADF",
	    t_fchdir);
	run_in_child("cwd", "fork inherits it, exec keeps it", t_fork_and_exec);
	run_in_child("cwd", "a removed current directory: ENOENT, stat . works",
	    t_removed_cwd);
	run_in_child("cwd",
	    "ENOENT, ENOTDIR, EFAULT; getcwd ERANGE, EINVAL, EFAULT",
	    t_errors);
	run_in_child("cwd", "getcwd(NULL, size) mallocs", t_getcwd_malloc);
	run_in_child("cwd", "EACCES without search permission as uid 1001",
	    t_search_permission);
	return (done_testing());
}
