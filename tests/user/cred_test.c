/*
 * cred_test.c - credentials, run inside Vise (issue 5): every id starts
 * at 0; fork copies the ids and groups, exec keeps them (the saved ids
 * become the effective ones); POSIX's rules for setuid, seteuid,
 * setgid, setegid, setresuid and setgroups as root and as another
 * user; the errors (EPERM, EINVAL, EFAULT); kill of another user's
 * process is EPERM; ps's kern.proc.all shows the effective uid.
 *
 * Each test runs in a child of its own, so the ids it changes go with
 * it.  Prints TAP through tests/user/lib/utest.c; exits 0 if every test
 * passed.
 *
 * Run as "cred_test ids R E S RG EG SG NG" (what the exec test does),
 * it checks that its own ids are those and that it has NG
 * supplementary groups, and exits 0 if so.
 */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sysctl.h>
#include <sys/wait.h>
#include <sys/_kinfo_proc.h>
#include <unistd.h>

#include "lib/utest.h"


static const char *self;

/* Whether the ids are r, e, s (user) and rg, eg, sg (group). */
static int
ids_are(uid_t r, uid_t e, uid_t s, gid_t rg, gid_t eg, gid_t sg)
{
	uid_t ur, ue, us;
	gid_t gr, ge, gs;

	if (getresuid(&ur, &ue, &us) != 0 || getresgid(&gr, &ge, &gs) != 0)
		return (0);
	if (getuid() != ur || geteuid() != ue || getgid() != gr ||
	    getegid() != ge)
		return (0);
	if (ur != r || ue != e || us != s || gr != rg || ge != eg || gs != sg) {
		fprintf(stderr, "ids: %u %u %u / %u %u %u\n", ur, ue, us, gr,
		    ge, gs);
		return (0);
	}
	return (1);
}

static void
t_start_root(void)
{
	CHECK(ids_are(0, 0, 0, 0, 0, 0));
	CHECK(getgroups(0, NULL) == 0);
}

static void
t_root_drops(void)
{
	/* Root's setuid sets all three: no way back. */
	CHECK(setuid(1001) == 0);
	CHECK(ids_are(1001, 1001, 1001, 0, 0, 0));
	CHECK_ERR(setuid(0), EPERM);
	CHECK_ERR(seteuid(0), EPERM);
	CHECK_ERR(setresuid(0, -1, -1), EPERM);
	CHECK(setuid(1001) == 0);		/* its own id: fine */
	CHECK(seteuid(1001) == 0);
	/* The group ids: only among the ones it has. */
	CHECK(setgid(0) == 0);
	CHECK_ERR(setgid(5), EPERM);
	CHECK_ERR(setegid(5), EPERM);
	CHECK(ids_are(1001, 1001, 1001, 0, 0, 0));
}

static void
t_seteuid_saved(void)
{
	/* seteuid keeps the real and saved ids: the way back stays. */
	CHECK(seteuid(1001) == 0);
	CHECK(ids_are(0, 1001, 0, 0, 0, 0));
	CHECK_ERR(seteuid(1002), EPERM);
	CHECK_ERR(setgroups(0, NULL), EPERM);	/* not root now */
	CHECK(seteuid(0) == 0);			/* back to the saved id */
	CHECK(ids_are(0, 0, 0, 0, 0, 0));
	CHECK(seteuid(1001) == 0);
	/* Unprivileged setuid to the real id changes the effective only. */
	CHECK(setuid(0) == 0);
	CHECK(ids_are(0, 0, 0, 0, 0, 0));
	/* The same for groups. */
	CHECK(setegid(20) == 0);
	CHECK(ids_are(0, 0, 0, 0, 20, 0));
	CHECK(setegid(0) == 0);
}

static void
t_setresuid(void)
{
	CHECK(setresuid(1001, 1002, 1003) == 0);
	CHECK(ids_are(1001, 1002, 1003, 0, 0, 0));
	CHECK(seteuid(1003) == 0);		/* the saved id */
	CHECK(seteuid(1001) == 0);		/* the real id */
	CHECK_ERR(seteuid(1002), EPERM);	/* gone */
	CHECK(setresuid(1003, -1, -1) == 0);	/* one it has */
	CHECK(ids_are(1003, 1001, 1003, 0, 0, 0));
	CHECK_ERR(setresuid(-1, -1, 1002), EPERM);
	CHECK_ERR(setresgid(-1, 7, -1), EPERM);
	CHECK(ids_are(1003, 1001, 1003, 0, 0, 0));
}

static void
t_setresgid_root(void)
{
	CHECK(setresgid(10, 11, 12) == 0);
	CHECK(ids_are(0, 0, 0, 10, 11, 12));
	CHECK(setgid(7) == 0);			/* root: all three */
	CHECK(ids_are(0, 0, 0, 7, 7, 7));
}

static void
t_groups(void)
{
	gid_t set[NGROUPS_MAX + 1], got[NGROUPS_MAX];
	int i;

	for (i = 0; i <= NGROUPS_MAX; i++)
		set[i] = 100 + i;
	CHECK(setgroups(3, set) == 0);
	CHECK(getgroups(0, NULL) == 3);
	CHECK(getgroups(NGROUPS_MAX, got) == 3);
	CHECK(got[0] == 100 && got[1] == 101 && got[2] == 102);
	CHECK_ERR(getgroups(2, got), EINVAL);
	CHECK_ERR(getgroups(3, unmapped), EFAULT);
	CHECK(setgroups(NGROUPS_MAX, set) == 0);
	CHECK(getgroups(0, NULL) == NGROUPS_MAX);
	CHECK_ERR(setgroups(NGROUPS_MAX + 1, set), EINVAL);
	CHECK_ERR(setgroups(-1, set), EINVAL);
	CHECK_ERR(setgroups(2, unmapped), EFAULT);
	CHECK(setgroups(0, NULL) == 0);
	CHECK(getgroups(0, NULL) == 0);
	CHECK(sysconf(_SC_NGROUPS_MAX) == NGROUPS_MAX);
	/* As another user: EPERM, and the groups stay. */
	CHECK(setgroups(1, set) == 0);
	CHECK(setuid(1001) == 0);
	CHECK_ERR(setgroups(0, NULL), EPERM);
	CHECK(getgroups(NGROUPS_MAX, got) == 1 && got[0] == 100);
}

static void
t_errors(void)
{
	uid_t u;

	CHECK_ERR(setuid((uid_t)-1), EINVAL);
	CHECK_ERR(seteuid((uid_t)-1), EINVAL);
	CHECK_ERR(setgid((gid_t)-1), EINVAL);
	CHECK_ERR(setegid((gid_t)-1), EINVAL);
	CHECK_ERR(getresuid(unmapped, &u, &u), EFAULT);
	CHECK_ERR(getresgid(&u, &u, unmapped), EFAULT);
	CHECK(getresuid(NULL, &u, NULL) == 0 && u == 0);
	CHECK(ids_are(0, 0, 0, 0, 0, 0));
}

/* Set up ids and groups that differ from each other. */
static void
mixed_ids(void)
{
	gid_t groups[2] = { 5, 6 };

	CHECK(setgroups(2, groups) == 0);
	CHECK(setresgid(7, 8, 9) == 0);
	CHECK(setresuid(1001, 1002, 0) == 0);
}

static void
t_fork_inherits(void)
{
	gid_t got[NGROUPS_MAX];
	int status;
	pid_t pid;

	mixed_ids();
	if ((pid = fork()) == 0) {
		_exit(ids_are(1001, 1002, 0, 7, 8, 9) &&
		    getgroups(NGROUPS_MAX, got) == 2 && got[0] == 5 &&
		    got[1] == 6 ? 0 : 1);
	}
	CHECK(pid > 0);
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	    WEXITSTATUS(status) == 0);
	/* And the parent's own did not move. */
	CHECK(ids_are(1001, 1002, 0, 7, 8, 9));
}

static void
t_exec_keeps(void)
{
	char *argv[] = { (char *)self, "ids", "1001", "1002", "1002", "7",
	    "8", "8", "2", NULL };

	mixed_ids();
	execv(self, argv);
	CHECK(!"exec of self");
}

/* A root process that waits for its pipe to close, then exits 0. */
static pid_t
waiter(int *wfd)
{
	int fds[2];
	pid_t pid;
	char c;

	if (pipe(fds) != 0)
		return (-1);
	if ((pid = fork()) == 0) {
		close(fds[1]);
		while (read(fds[0], &c, 1) > 0)
			;
		_exit(0);
	}
	close(fds[0]);
	*wfd = fds[1];
	return (pid);
}

static void
t_kill(void)
{
	pid_t root_pid, mine;
	int rfd, mfd, status;

	root_pid = waiter(&rfd);
	CHECK(root_pid > 0);
	CHECK(setuid(1001) == 0);
	CHECK_ERR(kill(root_pid, SIGTERM), EPERM);
	CHECK_ERR(kill(root_pid, SIGKILL), EPERM);
	CHECK_ERR(kill(root_pid, 0), EPERM);	/* even the probe */
	CHECK(kill(getpid(), 0) == 0);
	/* No other process of uid 1001 but this one: nobody for -1. */
	CHECK_ERR(kill(-1, 0), ESRCH);
	/* One of its own uid: fine. */
	mine = waiter(&mfd);
	CHECK(mine > 0);
	CHECK(kill(mine, SIGKILL) == 0);
	CHECK(waitpid(mine, &status, 0) == mine && WIFSIGNALED(status) &&
	    WTERMSIG(status) == SIGKILL);
	close(mfd);
	/* The root process was not touched: it exits 0 when told. */
	close(rfd);
	CHECK(waitpid(root_pid, &status, 0) == root_pid &&
	    WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

static void
t_root_kills(void)
{
	pid_t pid;
	int fds[2], status;
	char c;

	/* A uid-1001 process, killed by root. */
	CHECK(pipe(fds) == 0);
	if ((pid = fork()) == 0) {
		if (setuid(1001) != 0)
			_exit(2);
		close(fds[1]);
		(void)read(fds[0], &c, 1);
		_exit(3);
	}
	close(fds[0]);
	CHECK(pid > 0);
	CHECK(kill(pid, SIGKILL) == 0);
	CHECK(waitpid(pid, &status, 0) == pid && WIFSIGNALED(status) &&
	    WTERMSIG(status) == SIGKILL);
	close(fds[1]);
}

static void
t_ps_uid(void)
{
	struct kinfo_proc *kp;
	size_t len = 0, i;
	int fds[2], ready[2], found = 0;
	pid_t pid;
	char c;

	CHECK(pipe(fds) == 0 && pipe(ready) == 0);
	if ((pid = fork()) == 0) {
		if (setuid(4321) != 0)
			_exit(2);
		close(fds[1]);
		(void)write(ready[1], "r", 1);
		(void)read(fds[0], &c, 1);
		_exit(0);
	}
	CHECK(pid > 0);
	CHECK(read(ready[0], &c, 1) == 1);	/* it has its uid now */
	CHECK(sysctlbyname("kern.proc.all", NULL, &len, NULL, 0) == 0);
	len += 4 * sizeof(*kp);
	kp = malloc(len);
	CHECK(kp != NULL);
	if (kp != NULL &&
	    sysctlbyname("kern.proc.all", kp, &len, NULL, 0) == 0)
		for (i = 0; i < len / sizeof(*kp); i++)
			if (kp[i].ki_pid == pid)
				found = kp[i].ki_uid == 4321 ? 1 : -1;
	free(kp);
	CHECK(found == 1);
	close(fds[1]);
	CHECK(waitpid(pid, NULL, 0) == pid);
}

/* The exec test's other half: "ids R E S RG EG SG NG". */
static int
check_ids(char **argv)
{
	uid_t v[7];
	int i;

	for (i = 0; i < 7; i++)
		v[i] = (uid_t)strtoul(argv[i], NULL, 10);
	if (!ids_are(v[0], v[1], v[2], v[3], v[4], v[5]) ||
	    getgroups(0, NULL) != (int)v[6]) {
		fprintf(stderr, "cred_test: ids after exec are wrong\n");
		return (1);
	}
	return (0);
}

int
main(int argc, char **argv)
{
	self = argc > 0 && strchr(argv[0], '/') != NULL ? argv[0] :
	    "/tests/cred_test";
	if (argc == 9 && strcmp(argv[1], "ids") == 0)
		return (check_ids(argv + 2));

	run_in_child("cred", "ids start at 0 (root), no groups", t_start_root);
	run_in_child("cred", "root setuid(1001) sets all three; "
	    "setuid(0), seteuid(0) then EPERM", t_root_drops);
	run_in_child("cred", "seteuid(1001) keeps the saved id; "
	    "seteuid(0) back works; setgroups EPERM meanwhile", t_seteuid_saved);
	run_in_child("cred", "setresuid: unprivileged only among "
	    "its own ids", t_setresuid);
	run_in_child("cred", "setresgid and setgid as root", t_setresgid_root);
	run_in_child("cred", "setgroups/getgroups, NGROUPS_MAX EINVAL, "
	    "EFAULT, EPERM as non-root", t_groups);
	run_in_child("cred", "(uid_t)-1 EINVAL, bad pointers EFAULT", t_errors);
	run_in_child("cred", "fork copies ids and groups", t_fork_inherits);
	run_in_child("cred", "exec keeps ids and groups, saved ids "
	    "become the effective ones", t_exec_keeps);
	run_in_child("cred", "kill of a root process by uid 1001 is "
	    "EPERM; of its own uid works", t_kill);
	run_in_child("cred", "root kills a uid 1001 process", t_root_kills);
	run_in_child("cred", "kern.proc.all shows the uid", t_ps_uid);
	return (done_testing());
}
