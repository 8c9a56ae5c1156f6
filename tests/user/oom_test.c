/*
 * oom_test.c - the OOM killer's choice (issue 8, item 3; SEMANTICS
 * R74, R75) driven through its test hook debug.oom_kill_now, and the
 * mark that protects a process from it (madvise(MADV_PROTECT)).
 *
 *  - R74: MADV_PROTECT is root's (EPERM otherwise); a protected process
 *    shows KI_P_PROTECTED in kern.proc.pid.<pid>; its fork children do
 *    not inherit it (FreeBSD's PPROT_SET without PPROT_INHERIT);
 *  - R74 R75: with three children - A mlocked and the largest, B small
 *    and unlocked, C protected and larger than A - one OOM round kills
 *    A (SIGKILL), the wired counters fall by A's locked pages, and
 *    vm.oom_last_pid/_reason and vm.stats.vm.v_oom_kills say so; the
 *    next round (VM_OOM_MEM_PF) kills B; the third finds no victim
 *    (init, C and this program are left) and changes nothing;
 *  - R80: init (pid 1) has locked itself: every page it maps is wired.
 *
 * The console message is not read here (the host scenarios of issue 8
 * do); the sysctls carry the same facts.  Runs as root.  This program
 * protects itself first, so that it is never the victim (the runner's
 * own processes are protected too, user/sbin/init_test.c), and so the
 * third round has nothing it may kill.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/_kinfo_proc.h>
#include <sys/mman.h>
#include <sys/sysctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lib/utest.h"

#define PAGE	4096UL
#define A_PAGES	256		/* 1 MiB, mlocked */
#define B_PAGES	64		/* 256 KiB */
#define C_PAGES	512		/* 2 MiB, protected */

static int
protected(pid_t pid)
{
	struct kinfo_proc ki;

	return (kinfo(pid, &ki) == 0 && (ki.ki_flag & KI_P_PROTECTED) != 0);
}

/* R74: an unprivileged madvise(MADV_PROTECT) is EPERM, and marks nothing. */
static void
t_protect_needs_root(void)
{
	CHECK(setuid(1001) == 0);
	CHECK_ERR(madvise(NULL, 0, MADV_PROTECT), EPERM);
	CHECK(!protected(getpid()));
}

/* R74: root's marks the caller; a fork child is not marked. */
static void
t_protect_root(void)
{
	pid_t pid;
	int status;

	CHECK(!protected(getpid()));
	CHECK(madvise(NULL, 0, MADV_PROTECT) == 0);
	CHECK(protected(getpid()));
	if ((pid = fork()) == 0)
		_exit(protected(getpid()) ? 1 : 0);
	CHECK(pid > 0 && waitpid(pid, &status, 0) == pid &&
	    WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

/*
 * A child that touches `pages` pages (mlocks them first if `lock`,
 * protects itself if `protect`), writes one byte to `fd` and waits to
 * be killed.
 */
static pid_t
child(int fd, unsigned long pages, int lock, int protect)
{
	char *p;
	pid_t pid;
	unsigned long i;

	fflush(stdout);
	if ((pid = fork()) != 0)
		return (pid);
	p = mmap(NULL, pages * PAGE, PROT_READ | PROT_WRITE,
	    MAP_ANON | MAP_PRIVATE, -1, 0);
	if (p == MAP_FAILED)
		_exit(2);
	if (protect && madvise(NULL, 0, MADV_PROTECT) != 0)
		_exit(3);
	if (lock && mlock(p, pages * PAGE) != 0)
		_exit(4);
	for (i = 0; i < pages; i++)
		p[i * PAGE] = 1;
	if (write(fd, "r", 1) != 1)
		_exit(5);
	for (;;)
		sleep(1000);
}

static int
killed_by(pid_t pid, int sig)
{
	int status;

	return (waitpid(pid, &status, 0) == pid && WIFSIGNALED(status) &&
	    WTERMSIG(status) == sig);
}

static int
alive(pid_t pid)
{
	return (kill(pid, 0) == 0 && waitpid(pid, NULL, WNOHANG) == 0);
}

/* R74 R75: the largest eligible process goes, mlocked pages and all. */
static void
t_victims(void)
{
	unsigned long kills, uw0, pw0;
	int fds[2], last;
	pid_t a, b, c;
	char buf[3];

	CHECK(madvise(NULL, 0, MADV_PROTECT) == 0);
	CHECK(pipe(fds) == 0);
	uw0 = uwire();
	pw0 = pwire();
	a = child(fds[1], A_PAGES, 1, 0);
	b = child(fds[1], B_PAGES, 0, 0);
	c = child(fds[1], C_PAGES, 0, 1);
	CHECK(a > 0 && b > 0 && c > 0);
	CHECK(read(fds[0], buf, 3) == 3);	/* each writes one byte */
	CHECK(uwire() == uw0 + A_PAGES && pwire() == pw0 + A_PAGES);
	CHECK(protected(c) && !protected(a) && !protected(b));

	/* Round 1 (VM_OOM_MEM): A, the largest C does not hide. */
	kills = sysctl_ulong("vm.stats.vm.v_oom_kills");
	CHECK(sysctl_int_set("debug.oom_kill_now", 1) == 0);
	CHECK(sysctl_ulong("vm.stats.vm.v_oom_kills") == kills + 1);
	CHECK(sysctl_int("vm.oom_last_pid") == a);
	CHECK(sysctl_int("vm.oom_last_reason") == 1);
	CHECK(killed_by(a, SIGKILL));
	CHECK(uwire() == uw0 && pwire() == pw0);
	CHECK(alive(b) && alive(c));

	/* Round 2 (VM_OOM_MEM_PF): B. */
	CHECK(sysctl_int_set("debug.oom_kill_now", 2) == 0);
	CHECK(sysctl_ulong("vm.stats.vm.v_oom_kills") == kills + 2);
	CHECK(sysctl_int("vm.oom_last_pid") == b);
	CHECK(sysctl_int("vm.oom_last_reason") == 2);
	CHECK(killed_by(b, SIGKILL));
	CHECK(alive(c));

	/* Round 3: init, C and this program are all that is left. */
	last = sysctl_int("vm.oom_last_pid");
	CHECK(sysctl_int_set("debug.oom_kill_now", 1) == 0);
	CHECK(sysctl_ulong("vm.stats.vm.v_oom_kills") == kills + 2);
	CHECK(sysctl_int("vm.oom_last_pid") == last);
	CHECK(alive(c) && kill(1, 0) == 0);

	CHECK(kill(c, SIGKILL) == 0 && killed_by(c, SIGKILL));
	close(fds[0]);
	close(fds[1]);
}

/*
 * R80: init locked itself at start (mlockall(MCL_CURRENT|MCL_FUTURE)):
 * every page it has mapped is wired, and it has user-wired entries.
 */
static void
t_init_locked(void)
{
	struct kinfo_proc ki;

	CHECK(kinfo(1, &ki) == 0);
	printf("init: %llu resident, %llu pmap-wired, %llu user-wired\n",
	    (unsigned long long)ki.ki_rss,
	    (unsigned long long)ki.ki_pmap_wired,
	    (unsigned long long)ki.ki_user_wired);
	CHECK(ki.ki_user_wired > 0 && ki.ki_pmap_wired > 0);
	CHECK(ki.ki_pmap_wired == ki.ki_rss);
}

/* The hook takes 1 and 2 only, and only from root. */
static void
t_hook_args(void)
{
	unsigned long kills = sysctl_ulong("vm.stats.vm.v_oom_kills");
	int v = 3;

	CHECK_ERR(sysctlbyname("debug.oom_kill_now", NULL, NULL, &v,
	    sizeof(v)), EINVAL);
	CHECK(setuid(1001) == 0);
	CHECK_ERR(sysctl_int_set("debug.oom_kill_now", 1), EPERM);
	CHECK(sysctl_ulong("vm.stats.vm.v_oom_kills") == kills);
}

int
main(void)
{
	/* Never the victim itself; its children are not protected. */
	ok(madvise(NULL, 0, MADV_PROTECT) == 0, "oom: the test program "
	    "protects itself (root)");
	run_in_child("oom", "R74 madvise(MADV_PROTECT) needs root: EPERM, "
	    "not marked", t_protect_needs_root);
	run_in_child("oom", "R74 root's MADV_PROTECT shows KI_P_PROTECTED; "
	    "a fork child is not protected", t_protect_root);
	run_in_child("oom", "R74 R75 OOM rounds kill the largest eligible "
	    "(mlocked A, wired counters fall by its pages), then B; never "
	    "init or protected C; no victim: nothing done", t_victims);
	run_in_child("oom", "debug.oom_kill_now takes 1 or 2 (EINVAL), "
	    "root only (EPERM)", t_hook_args);
	run_here("oom", "R80 init (pid 1) is locked in memory: every page "
	    "it maps is wired", t_init_locked);
	ok(sysctl_int("vm.panic_on_oom") == 0, "oom: vm.panic_on_oom is 0 "
	    "by default");
	return (done_testing());
}
