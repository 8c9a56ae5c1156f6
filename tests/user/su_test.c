/*
 * su_test.c - su (user/bin/su.c) and the login path's default limits
 * (issue 6): "su -c command student" runs the command as uid and gid
 * 1001 with the groups of /etc/group, RLIMIT_MEMLOCK 64 KiB soft and
 * hard, which it cannot raise (EPERM), and it cannot open root's 0600
 * file (EACCES); "su -c command" (root) gets RLIMIT_MEMLOCK infinite;
 * a process that calls setuid itself keeps its limits; su run by
 * anyone but root fails (status 1); an unknown user fails.
 *
 * The checks as the user are this program run again by su with the
 * argument "as-user EXPECTED-UID FILE": it exits with a bit set for
 * each check that failed, and the parent reports them.  Prints TAP;
 * exits 0 if every test passed.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#define SELF		"/tests/su_test"
#define SECRET		"/tmp/su_test_secret"
#define MEMLOCK_USER	(64 * 1024)

static int ntests, nfailed;

static void
report(int ok, const char *name)
{
	ntests++;
	if (!ok)
		nfailed++;
	printf("%sok %d - su: %s\n", ok ? "" : "not ", ntests, name);
	fflush(stdout);
}

/*
 * The user's side: bit 0 the ids, 1 the soft and hard MEMLOCK, 2
 * raising the hard limit is EPERM (lowering works), 3 root's 0600 file
 * is EACCES, 4 the environment, 5 the groups.
 */
static int
as_user(uid_t uid, const char *file)
{
	struct rlimit rl;
	gid_t groups[16];
	const char *home;
	int bits = 0, fd, n;

	if (getuid() != uid || geteuid() != uid || getgid() != uid ||
	    getegid() != uid)
		bits |= 1;
	if (getrlimit(RLIMIT_MEMLOCK, &rl) != 0 ||
	    rl.rlim_cur != (uid == 0 ? RLIM_INFINITY : MEMLOCK_USER) ||
	    rl.rlim_max != (uid == 0 ? RLIM_INFINITY : MEMLOCK_USER))
		bits |= 2;
	if (uid != 0) {
		rl.rlim_cur = MEMLOCK_USER;
		rl.rlim_max = 2 * MEMLOCK_USER;
		errno = 0;
		if (setrlimit(RLIMIT_MEMLOCK, &rl) != -1 || errno != EPERM)
			bits |= 4;
		rl.rlim_max = RLIM_INFINITY;
		errno = 0;
		if (setrlimit(RLIMIT_MEMLOCK, &rl) != -1 || errno != EPERM)
			bits |= 4;
		rl.rlim_cur = rl.rlim_max = MEMLOCK_USER / 2;
		if (setrlimit(RLIMIT_MEMLOCK, &rl) != 0)
			bits |= 4;
		errno = 0;
		fd = open(file, O_RDONLY);
		if (fd != -1 || errno != EACCES)
			bits |= 8;
		errno = 0;
		fd = open(file, O_WRONLY);
		if (fd != -1 || errno != EACCES)
			bits |= 8;
	}
	home = getenv("HOME");
	if (home == NULL || strcmp(home, "/") != 0 || getenv("USER") == NULL ||
	    strcmp(getenv("USER"), uid == 0 ? "root" : "student") != 0)
		bits |= 16;
	/* student's groups: its own (1001) from /etc/group. */
	n = getgroups(16, groups);
	if (n < 1 || groups[0] != (gid_t)uid)
		bits |= 32;
	return (bits);
}

/* The exit status of argv run in a child, as `uid` if not 0; -1: none. */
static int
run_prog(char *const argv[], uid_t uid, int quiet)
{
	int status, fd;
	pid_t pid;

	fflush(stdout);
	if ((pid = fork()) == 0) {
		if (quiet && (fd = open("/dev/null", O_WRONLY)) >= 0)
			dup2(fd, 2);
		if (uid != 0 && setuid(uid) != 0)
			_exit(98);
		execve(argv[0], argv, NULL);
		_exit(99);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return (-1);
	return (WEXITSTATUS(status));
}

int
main(int argc, char **argv)
{
	char *student[] = { "/bin/su", "-c",
	    SELF " as-user 1001 " SECRET, "student", NULL };
	char *order[] = { "/bin/su", "student", "-c", "exit 7", NULL };
	char *root[] = { "/bin/su", "-c", SELF " as-user 0 " SECRET, NULL };
	char *user_su[] = { "/bin/su", "-c", "exit 0", "root", NULL };
	char *unknown[] = { "/bin/su", "-c", "exit 0", "nosuchuser", NULL };
	char *bad[] = { "/bin/su", "-x", NULL };
	char *self_setuid[] = { SELF, "setuid", NULL };
	struct rlimit rl;
	int fd, st;

	if (argc == 4 && strcmp(argv[1], "as-user") == 0)
		return (as_user((uid_t)atoi(argv[2]), argv[3]));
	if (argc == 2 && strcmp(argv[1], "setuid") == 0) {
		/* A process that sets its uid itself keeps its limits. */
		if (setgid(1001) != 0 || setuid(1001) != 0)
			return (1);
		return (getrlimit(RLIMIT_MEMLOCK, &rl) == 0 &&
		    rl.rlim_cur == RLIM_INFINITY &&
		    rl.rlim_max == RLIM_INFINITY ? 0 : 1);
	}

	fd = open(SECRET, O_WRONLY | O_CREAT | O_EXCL, 0600);
	if (fd < 0 || write(fd, "secret\n", 7) != 7 || close(fd) != 0)
		report(0, "root's 0600 file in /tmp");
	st = run_prog(student, 0, 0);
	report(st == 0, "su -c cmd student: uid and gid 1001, HOME, USER, "
	    "groups, MEMLOCK 64 KiB soft and hard");
	if (st != 0)
		printf("# status %d: failed checks (bits): %#x\n", st, st);
	report(st >= 0 && (st & 4) == 0, "as student: raising the hard "
	    "RLIMIT_MEMLOCK is EPERM, lowering works");
	report(st >= 0 && (st & 8) == 0, "as student: root's 0600 file is "
	    "EACCES for reading and writing");
	report(run_prog(order, 0, 0) == 7, "su user -c cmd: the operands in "
	    "the other order; the command's status");
	st = run_prog(root, 0, 0);
	report(st == 0, "su -c cmd (root): RLIMIT_MEMLOCK infinite");
	report(run_prog(self_setuid, 0, 0) == 0, "setuid by the process "
	    "itself keeps its limits (infinite MEMLOCK)");
	report(run_prog(user_su, 1001, 1) == 1, "su run by uid 1001: EPERM, "
	    "status 1");
	report(run_prog(unknown, 0, 1) == 1, "su of an unknown user: "
	    "status 1");
	report(run_prog(bad, 0, 1) == 2, "su with a bad option: status 2");
	unlink(SECRET);
	printf("1..%d\n", ntests);
	return (nfailed == 0 ? 0 : 1);
}
