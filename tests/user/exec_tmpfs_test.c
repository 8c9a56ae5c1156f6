/*
 * exec_tmpfs_test.c - execve from any file system (issue 6): a copy of
 * /bin/echo made in /tmp with read and write, chmod 0755, runs and
 * prints; by a relative path from the current directory; the
 * permission rules (no execute bit: EACCES, root too; root with one x
 * bit runs it; uid 1001 needs its own class's bit); what is not a
 * program: ENOEXEC (a script, a cut ELF file, an empty file), EACCES
 * (a directory, a device).  Every file is removed at the end.
 *
 * Each test runs in a child of its own.  Prints TAP; exits 0 if every
 * test passed.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static int ntests, nfailed;
static int child_failures;

static void
check(int ok, int line, const char *what)
{
	if (!ok) {
		fprintf(stderr, "exec_tmpfs_test.c:%d: failed: %s (errno %d: "
		    "%s)\n", line, what, errno, strerror(errno));
		child_failures++;
	}
}

#define CHECK(cond)	check((cond), __LINE__, #cond)

/* Run fn in a child and print its TAP line. */
static void
run(const char *name, void (*fn)(void))
{
	int status, ok;
	pid_t pid;

	fflush(stdout);
	if ((pid = fork()) == 0) {
		child_failures = 0;
		fn();
		_exit(child_failures == 0 ? 0 : 1);
	}
	ok = pid > 0 && waitpid(pid, &status, 0) == pid &&
	    WIFEXITED(status) && WEXITSTATUS(status) == 0;
	ntests++;
	if (!ok)
		nfailed++;
	printf("%sok %d - exec: %s\n", ok ? "" : "not ", ntests, name);
}

/* Copy `from` to a new file `to` with mode 0600, `limit` bytes at most. */
static int
copy_file(const char *from, const char *to, size_t limit)
{
	char buf[1024];
	size_t total = 0;
	ssize_t n;
	int in, out, error = 0;

	if ((in = open(from, O_RDONLY)) < 0)
		return (-1);
	if ((out = open(to, O_WRONLY | O_CREAT | O_EXCL, 0600)) < 0) {
		close(in);
		return (-1);
	}
	while (total < limit && (n = read(in, buf, sizeof(buf))) > 0) {
		if ((size_t)n > limit - total)
			n = (ssize_t)(limit - total);
		if (write(out, buf, (size_t)n) != n) {
			error = -1;
			break;
		}
		total += (size_t)n;
	}
	close(in);
	close(out);
	return (error);
}

/*
 * Run `path` with argv {path, arg} in a child, as uid `uid` if not 0,
 * its output into `out` (up to len - 1 bytes, a string); the errno of
 * a failed exec in *errp (0 if the exec worked).  Returns the exit
 * status.
 */
static int
try_exec(const char *path, const char *arg, uid_t uid, char *out, size_t len,
    int *errp)
{
	char *argv[] = { (char *)path, (char *)arg, NULL };
	int p[2], e[2], status, err = 0;
	size_t used = 0;
	ssize_t n;
	pid_t pid;

	if (pipe(p) != 0 || pipe(e) != 0)
		return (-1);
	if ((pid = fork()) == 0) {
		dup2(p[1], 1);
		close(p[0]);
		close(e[0]);
		if (uid != 0 && setuid(uid) != 0)
			_exit(98);
		execve(path, argv, NULL);
		err = errno;
		write(e[1], &err, sizeof(err));
		_exit(99);
	}
	close(p[1]);
	close(e[1]);
	while (used + 1 < len && (n = read(p[0], out + used,
	    len - 1 - used)) > 0)
		used += (size_t)n;
	out[used] = '\0';
	if (read(e[0], &err, sizeof(err)) != sizeof(err))
		err = 0;
	close(p[0]);
	close(e[0]);
	*errp = err;
	if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return (-1);
	return (WEXITSTATUS(status));
}

/* Whether running `path` as `uid` fails with errno `want`. */
static int
exec_fails(const char *path, uid_t uid, int want)
{
	char out[64];
	int err;

	return (try_exec(path, "x", uid, out, sizeof(out), &err) == 99 &&
	    err == want);
}

/* Whether running `path` as `uid` prints "hi\n" and exits 0. */
static int
exec_echoes(const char *path, uid_t uid)
{
	char out[64];
	int err;

	return (try_exec(path, "hi", uid, out, sizeof(out), &err) == 0 &&
	    err == 0 && strcmp(out, "hi\n") == 0);
}

static void
t_copy_runs(void)
{
	CHECK(copy_file("/bin/echo", "/tmp/exec_x", (size_t)-1) == 0);
	CHECK(chmod("/tmp/exec_x", 0755) == 0);
	CHECK(exec_echoes("/tmp/exec_x", 0));
	CHECK(chdir("/tmp") == 0);
	CHECK(exec_echoes("exec_x", 0));
	CHECK(exec_echoes("./exec_x", 0));
	CHECK(exec_echoes("/tmp/../tmp/exec_x", 0));
	CHECK(unlink("/tmp/exec_x") == 0);
	CHECK(exec_fails("/tmp/exec_x", 0, ENOENT));
}

static void
t_permissions(void)
{
	CHECK(copy_file("/bin/echo", "/tmp/exec_p", (size_t)-1) == 0);
	/* No execute bit at all: not even root. */
	CHECK(chmod("/tmp/exec_p", 0644) == 0);
	CHECK(exec_fails("/tmp/exec_p", 0, EACCES));
	CHECK(exec_fails("/tmp/exec_p", 1001, EACCES));
	/* One bit is enough for root, not for others. */
	CHECK(chmod("/tmp/exec_p", 0100) == 0);
	CHECK(exec_echoes("/tmp/exec_p", 0));
	CHECK(exec_fails("/tmp/exec_p", 1001, EACCES));
	CHECK(chmod("/tmp/exec_p", 0745) == 0);
	CHECK(exec_fails("/tmp/exec_p", 1001, EACCES));
	CHECK(chmod("/tmp/exec_p", 0711) == 0);
	CHECK(exec_echoes("/tmp/exec_p", 1001));
	/* Search permission on the way. */
	CHECK(mkdir("/tmp/exec_d", 0700) == 0);
	CHECK(rename("/tmp/exec_p", "/tmp/exec_d/p") == 0);
	CHECK(exec_echoes("/tmp/exec_d/p", 0));
	CHECK(exec_fails("/tmp/exec_d/p", 1001, EACCES));
	CHECK(unlink("/tmp/exec_d/p") == 0);
	CHECK(rmdir("/tmp/exec_d") == 0);
}

static void
t_not_programs(void)
{
	int fd;

	fd = open("/tmp/exec_s", O_WRONLY | O_CREAT | O_EXCL, 0755);
	CHECK(fd >= 0 && write(fd, "#!/bin/sh\necho hi\n", 18) == 18);
	CHECK(close(fd) == 0);
	CHECK(exec_fails("/tmp/exec_s", 0, ENOEXEC));
	CHECK(unlink("/tmp/exec_s") == 0);
	fd = open("/tmp/exec_e", O_WRONLY | O_CREAT | O_EXCL, 0755);
	CHECK(fd >= 0 && close(fd) == 0);
	CHECK(exec_fails("/tmp/exec_e", 0, ENOEXEC));
	CHECK(unlink("/tmp/exec_e") == 0);
	/* The ELF header and program headers, but not the segments. */
	CHECK(copy_file("/bin/echo", "/tmp/exec_c", 512) == 0);
	CHECK(chmod("/tmp/exec_c", 0755) == 0);
	CHECK(exec_fails("/tmp/exec_c", 0, ENOEXEC));
	CHECK(unlink("/tmp/exec_c") == 0);
	CHECK(mkdir("/tmp/exec_dir", 0755) == 0);
	CHECK(exec_fails("/tmp/exec_dir", 0, EACCES));
	CHECK(rmdir("/tmp/exec_dir") == 0);
	CHECK(exec_fails("/dev/null", 0, EACCES));
	CHECK(exec_fails("/tmp", 0, EACCES));
	CHECK(exec_fails("/tmp/no_such", 0, ENOENT));
	CHECK(exec_fails("/ktest/motd/x", 0, ENOTDIR));
}

static void
t_open_while_running(void)
{
	char *argv[] = { "/tmp/exec_w", "0.1", NULL };
	int status;
	pid_t pid;

	/* sleep's copy runs while its file is removed under it. */
	CHECK(copy_file("/bin/sleep", "/tmp/exec_w", (size_t)-1) == 0);
	CHECK(chmod("/tmp/exec_w", 0755) == 0);
	if ((pid = fork()) == 0) {
		execve(argv[0], argv, NULL);
		_exit(99);
	}
	/* The child has exec'd when the parent runs again (or not yet). */
	CHECK(pid > 0 && waitpid(pid, &status, 0) == pid &&
	    WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CHECK(unlink("/tmp/exec_w") == 0);
}

int
main(void)
{
	run("a copy of /bin/echo in /tmp runs, by absolute and relative "
	    "paths", t_copy_runs);
	run("execute permission: root needs one x bit, uid 1001 its own",
	    t_permissions);
	run("ENOEXEC for a script, an empty and a cut file; EACCES for a "
	    "directory and a device", t_not_programs);
	run("a program copied to /tmp runs to its end", t_open_while_running);
	printf("1..%d\n", ntests);
	return (nfailed == 0 ? 0 : 1);
}
