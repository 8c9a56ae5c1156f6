/*
 * proc_test.c - processes from a program's side (issue 5): fork, exit,
 * wait4 and execve round trips with their status macros, and their
 * errors (wait4: EINVAL, ECHILD, EFAULT; execve: ENOENT, ENOTDIR,
 * EACCES, ENOEXEC, EFAULT for each pointer, E2BIG, ENAMETOOLONG); the
 * ids and limits calls with kernel pointers (EFAULT; cred_test.c and
 * rlimit_test.c have the rest of them); and ENOSYS for system call
 * numbers that are not in the table.
 *
 * Run as "proc_test" it runs the tests and prints TAP (exit 0 only if
 * every result passed); run as "proc_test check-args" (by its own
 * execve) it checks the argv and envp it was given (exit 0 if exact).
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lib/utest.h"

#define SELF		"/ktest/tests/proc_test"
#define PATH_LIMIT	1024	/* the kernel's EXEC_PATH_MAX, with the NUL */
#define ARG_LIMIT	(64 * 1024)	/* the kernel's ARG_MAX */

/* Fork a child that exits with `code`; its pid. */
static pid_t
child_exiting(int code)
{
	pid_t pid;

	fflush(stdout);
	if ((pid = fork()) == 0)
		_exit(code);
	return (pid);
}

/* Fork a child that waits until a signal ends it; its pid. */
static pid_t
child_waiting(void)
{
	sigset_t none;
	pid_t pid;

	fflush(stdout);
	if ((pid = fork()) == 0) {
		sigemptyset(&none);
		for (;;)
			sigsuspend(&none);
	}
	return (pid);
}

/* fork: 0 in the child, its pid in the parent; getpid/getppid agree. */
static void
t_fork(void)
{
	pid_t ids[2] = { -1, -1 }, pid;
	int p[2], status = -1;

	if (pipe(p) != 0) {
		ok(0, "fork: pipe");
		return;
	}
	fflush(stdout);
	if ((pid = fork()) == 0) {
		ids[0] = getpid();
		ids[1] = getppid();
		(void)write(p[1], ids, sizeof(ids));
		_exit(0);
	}
	close(p[1]);
	ok(pid > 0 && read(p[0], ids, sizeof(ids)) == sizeof(ids) &&
	    ids[0] == pid && ids[1] == getpid(),
	    "fork: the child's getpid is fork's result, its getppid our pid");
	close(p[0]);
	ok(waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	    WEXITSTATUS(status) == 0, "wait4: the child's exit(0)");
}

/* exit's status reaches wait4: its low 8 bits. */
static void
t_exit_status(void)
{
	int status = -1;
	pid_t pid;

	pid = child_exiting(7);
	ok(wait4(pid, &status, 0, NULL) == pid && WIFEXITED(status) &&
	    !WIFSIGNALED(status) && WEXITSTATUS(status) == 7,
	    "wait4: WIFEXITED and WEXITSTATUS of exit(7)");
	pid = child_exiting(300);
	ok(wait4(pid, &status, 0, NULL) == pid && WIFEXITED(status) &&
	    WEXITSTATUS(status) == (300 & 0xff),
	    "exit: only the low 8 bits reach wait4 (exit(300) is 44)");
	pid = child_exiting(1);
	ok(wait4(pid, NULL, 0, NULL) == pid,
	    "wait4: a NULL status is fine");
}

/* A signal's default action: WIFSIGNALED and WTERMSIG. */
static void
t_killed_status(void)
{
	int status = -1;
	pid_t pid;

	pid = child_waiting();
	kill(pid, SIGTERM);
	ok(wait4(pid, &status, 0, NULL) == pid && WIFSIGNALED(status) &&
	    !WIFEXITED(status) && WTERMSIG(status) == SIGTERM,
	    "wait4: WIFSIGNALED and WTERMSIG of a child killed by SIGTERM");
	pid = child_waiting();
	kill(pid, SIGKILL);
	ok(wait4(pid, &status, 0, NULL) == pid && WIFSIGNALED(status) &&
	    WTERMSIG(status) == SIGKILL,
	    "wait4: WTERMSIG of a child killed by SIGKILL");
}

/* WNOHANG: 0 while the child runs; pid -1 takes any child. */
static void
t_wnohang(void)
{
	int status = -1;
	pid_t pid;

	pid = child_waiting();
	ok(wait4(pid, &status, WNOHANG, NULL) == 0,
	    "wait4: WNOHANG on a running child returns 0");
	ok(wait4(-1, &status, WNOHANG, NULL) == 0,
	    "wait4: WNOHANG for any child, none ended, returns 0");
	kill(pid, SIGKILL);
	ok(wait4(-1, &status, 0, NULL) == pid && WIFSIGNALED(status),
	    "wait4: pid -1 waits for any child");
}

static void
t_wait_errors(void)
{
	int status;
	pid_t pid;

	fails(wait4(-1, &status, 0, NULL), ECHILD,
	    "wait4: ECHILD with no children");
	fails(wait4(getppid(), &status, 0, NULL), ECHILD,
	    "wait4: ECHILD on a process that is not our child");
	pid = child_exiting(0);
	fails(wait4(pid, &status, 0x1000, NULL), EINVAL,
	    "wait4: EINVAL on an unknown option");
	fails(wait4(pid, unmapped, 0, NULL), EFAULT,
	    "wait4: EFAULT on an unmapped status");
	(void)wait4(-1, NULL, WNOHANG, NULL);	/* if it was not reaped */
	pid = child_exiting(0);
	fails(wait4(pid, kernel_addr(), 0, NULL), EFAULT,
	    "wait4: EFAULT on a kernel status");
	(void)wait4(-1, NULL, WNOHANG, NULL);
	pid = child_exiting(0);
	fails(wait4(pid, &status, 0, unmapped), EFAULT,
	    "wait4: EFAULT on an unmapped rusage");
	(void)wait4(-1, NULL, WNOHANG, NULL);
	pid = child_exiting(0);
	fails(wait4(pid, &status, 0, kernel_addr()), EFAULT,
	    "wait4: EFAULT on a kernel rusage");
	(void)wait4(-1, NULL, WNOHANG, NULL);
	fails(wait4(-1, &status, WNOHANG, NULL), ECHILD,
	    "wait4: no child is left after the EFAULTs");
}

/* What the execve round trip passes, and check-args compares. */
static char long_arg[2000];
static char *exec_argv[] = { "proc_test", "check-args", "", "two words",
	long_arg, NULL };
static char *exec_envp[] = { "A=1", "EMPTY=", "B=x y", NULL };

static void
fill_long_arg(void)
{
	memset(long_arg, 'a', sizeof(long_arg) - 1);
}

/* check-args: argv and envp as the parent passed them? */
static int
check_args(int argc, char *argv[])
{
	extern char **environ;
	int i;

	fill_long_arg();
	if (argc != 5)
		return (1);
	for (i = 0; i < argc; i++)
		if (strcmp(argv[i], exec_argv[i]) != 0)
			return (2);
	if (argv[argc] != NULL)
		return (3);
	for (i = 0; exec_envp[i] != NULL; i++)
		if (environ[i] == NULL || strcmp(environ[i], exec_envp[i]) != 0)
			return (4);
	return (environ[i] == NULL ? 0 : 5);
}

/* execve in a child: what it exited with (errno if execve failed). */
static int
exec_status(const char *path, char *const argv[], char *const envp[])
{
	int status = -1;
	pid_t pid;

	fflush(stdout);
	if ((pid = fork()) == 0) {
		execve(path, argv, envp);
		_exit(errno);
	}
	waitpid(pid, &status, 0);
	return (status);
}

/* The child's exec failed with `want`. */
static void
exec_fails(const char *path, char *const argv[], char *const envp[],
    int want, const char *name)
{
	int status = exec_status(path, argv, envp);

	ok(WIFEXITED(status) && WEXITSTATUS(status) == want, name);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != want)
		printf("# wait status %#x; want exit status %d (%s)\n", status,
		    want, strerror(want));
}

/* argv and envp arrive exactly, empty and long strings included. */
static void
t_exec_round_trip(void)
{
	char *no_env[] = { NULL }, *true_argv[] = { "true", NULL };
	int status;

	status = exec_status(SELF, exec_argv, exec_envp);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	    "execve: argv and envp arrive exactly");
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		printf("# check-args: wait status %#x\n", status);
	status = exec_status("/bin/false", true_argv, no_env);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 1,
	    "execve: the new program's exit status reaches wait4");
}

static void
t_exec_errors(void)
{
	static char path[PATH_LIMIT + 16];
	char *argv[] = { "x", NULL }, *envp[] = { NULL };
	char *bad_argv[] = { "x", NULL, NULL };
	char **big;
	int i, n = ARG_LIMIT / 1000 + 4;

	exec_fails("/ktest/nothere", argv, envp, ENOENT,
	    "execve: ENOENT on a missing file");
	exec_fails("/ktest/motd/x", argv, envp, ENOTDIR,
	    "execve: ENOTDIR on a file used as a directory");
	exec_fails("/ktest/noexec", argv, envp, EACCES,
	    "execve: EACCES on a file without an execute bit");
	exec_fails("/ktest", argv, envp, EACCES,
	    "execve: EACCES on a directory");
	exec_fails("/ktest/bin/notelf", argv, envp, ENOEXEC,
	    "execve: ENOEXEC on a file that is not ELF");
	exec_fails(unmapped, argv, envp, EFAULT,
	    "execve: EFAULT on an unmapped path");
	exec_fails(kernel_addr(), argv, envp, EFAULT,
	    "execve: EFAULT on a path at a kernel address");
	exec_fails("/bin/true", unmapped, envp, EFAULT,
	    "execve: EFAULT on an unmapped argv");
	exec_fails("/bin/true", kernel_addr(), envp, EFAULT,
	    "execve: EFAULT on an argv at a kernel address");
	bad_argv[1] = unmapped;
	exec_fails("/bin/true", bad_argv, envp, EFAULT,
	    "execve: EFAULT on an unmapped argv string");
	bad_argv[1] = kernel_addr();
	exec_fails("/bin/true", bad_argv, envp, EFAULT,
	    "execve: EFAULT on an argv string at a kernel address");
	exec_fails("/bin/true", argv, unmapped, EFAULT,
	    "execve: EFAULT on an unmapped envp");
	exec_fails("/bin/true", argv, kernel_addr(), EFAULT,
	    "execve: EFAULT on an envp at a kernel address");
	/* More than ARG_MAX bytes of strings. */
	big = calloc(n + 1, sizeof(*big));
	for (i = 0; big != NULL && i < n; i++)
		big[i] = long_arg + sizeof(long_arg) - 1 - 999;
	exec_fails("/bin/true", big, envp, E2BIG,
	    "execve: E2BIG on more than ARG_MAX bytes of arguments");
	free(big);
	/* "/bin/././ ... /true", EXEC_PATH_MAX bytes without its NUL. */
	strcpy(path, "/bin");
	while (strlen(path) < PATH_LIMIT - 5)
		strcat(path, "/.");
	strcat(path, "/true");
	path[PATH_LIMIT] = '\0';
	exec_fails(path, argv, envp, ENAMETOOLONG,
	    "execve: ENAMETOOLONG on a path of EXEC_PATH_MAX bytes");
}

/*
 * The ids and limits calls copy in and out too: a kernel pointer is
 * EFAULT.  Groups are set first (we run as root) so that getgroups has
 * something to copy.
 */
static void
t_cred_pointers(void)
{
	gid_t groups[2] = { 5, 6 };

	if (setgroups(2, groups) == 0)
		fails(getgroups(16, kernel_addr()), EFAULT,
		    "getgroups: EFAULT on a kernel buffer");
	else
		ok(1, "getgroups: EFAULT on a kernel buffer # SKIP not root");
	fails(setgroups(2, kernel_addr()), EFAULT,
	    "setgroups: EFAULT on a kernel buffer");
	fails(getresuid(kernel_addr(), NULL, NULL), EFAULT,
	    "getresuid: EFAULT on a kernel pointer");
	fails(getresgid(NULL, NULL, kernel_addr()), EFAULT,
	    "getresgid: EFAULT on a kernel pointer");
	fails(getrlimit(RLIMIT_NOFILE, unmapped), EFAULT,
	    "getrlimit: EFAULT on an unmapped buffer");
	fails(getrlimit(RLIMIT_NOFILE, kernel_addr()), EFAULT,
	    "getrlimit: EFAULT on a kernel buffer");
	fails(setrlimit(RLIMIT_NOFILE, unmapped), EFAULT,
	    "setrlimit: EFAULT on an unmapped buffer");
	fails(setrlimit(RLIMIT_NOFILE, kernel_addr()), EFAULT,
	    "setrlimit: EFAULT on a kernel buffer");
}

/*
 * A system call by number, with no arguments: the result, or minus the
 * errno the kernel gave (the carry flag says which).
 */
static long
raw_syscall(long number)
{
	unsigned char carry;
	long ret;

#ifdef __x86_64__
	__asm__ volatile("syscall; setc %1" : "=a" (ret), "=&q" (carry) :
	    "a" (number) : "rcx", "r11", "rdx", "memory", "cc");
#else
	__asm__ volatile("int $0x80; setc %1" : "=a" (ret), "=&q" (carry) :
	    "a" (number) : "edx", "memory", "cc");
#endif
	return (carry ? -ret : ret);
}

/* Numbers not in sys/syscalls.def are ENOSYS, and nothing else. */
static void
t_enosys(void)
{
	ok(raw_syscall(20) == getpid(),
	    "syscall: number 20 by hand is getpid");
	ok(raw_syscall(0) == -ENOSYS, "syscall: ENOSYS on number 0");
	ok(raw_syscall(8) == -ENOSYS,
	    "syscall: ENOSYS on a hole in the table (8)");
	ok(raw_syscall(899) == -ENOSYS,
	    "syscall: ENOSYS on 899, between FreeBSD's and Vise's own");
	ok(raw_syscall(100000) == -ENOSYS,
	    "syscall: ENOSYS on a number past the table");
	ok(raw_syscall(-1) == -ENOSYS, "syscall: ENOSYS on number -1");
}

int
main(int argc, char *argv[])
{
	if (argc > 1 && strcmp(argv[1], "check-args") == 0)
		return (check_args(argc, argv));
	fill_long_arg();
	t_fork();
	t_exit_status();
	t_killed_status();
	t_wnohang();
	t_wait_errors();
	t_exec_round_trip();
	t_exec_errors();
	t_cred_pointers();
	t_enosys();
	return (done_testing());
}
