/*
 * timekeep_test.c - the shared page and clock_gettime's fast path
 * (kernel/kern_sharedpage.c, libc/sys/__vdso_gettime.c): exec maps the
 * page read-only at the top of user space and says where its clock
 * record is (AT_TIMEKEEP); libc computes CLOCK_MONOTONIC and
 * CLOCK_REALTIME from it and the TSC with the kernel's formula, and
 * makes the system call when the kernel says no
 * (kern.timecounter.fast_gettime=0) or for a clock it does not cover.
 *
 * Which path clock_gettime took shows in what a bad pointer does: the
 * fast path stores in user space (SIGSEGV), the system call returns
 * EFAULT.
 *
 * Prints TAP; exits 0 only if every result passed.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/sysctl.h>
#include <sys/wait.h>
#include <sys/_kinfo_vmentry.h>
#include <sys/_timekeep.h>
#include <time.h>
#include <unistd.h>

#include "lib/utest.h"

#define PG		4096UL
#define NSEC		1000000000LL
#define ROUNDS		1000
#define TICK_NSEC	(NSEC / 100)	/* the clock interrupt (HZ 100) */

/* clock_gettime's system call itself. */
int	__sys_clock_gettime(long id, void *ts);

static const struct vdso_timekeep *tk;	/* from the auxiliary vector */

static long long
ts_nsec(const struct timespec *ts)
{
	return (ts->tv_sec * NSEC + ts->tv_nsec);
}

static unsigned long long
rdtsc(void)
{
	unsigned int lo, hi;

	__asm__ __volatile__("rdtsc" : "=a" (lo), "=d" (hi));
	return ((unsigned long long)hi << 32 | lo);
}

/* kern.timecounter.fast_gettime: set it to v; the old value, or -1. */
static int
set_fast(int v)
{
	size_t len = sizeof(int);
	int old;

	if (sysctlbyname("kern.timecounter.fast_gettime", &old, &len, &v,
	    sizeof(v)) != 0)
		return (-1);
	return (old);
}

/* This process's map: entries, or -1. */
static long
vmmap(struct kinfo_vmentry **kvep)
{
	struct kinfo_vmentry *kve;
	size_t len;

	if (sysctlbyname("kern.proc.vmmap", NULL, &len, NULL, 0) != 0)
		return (-1);
	len += 8 * sizeof(*kve);
	if ((kve = malloc(len)) == NULL)
		return (-1);
	if (sysctlbyname("kern.proc.vmmap", kve, &len, NULL, 0) != 0) {
		free(kve);
		return (-1);
	}
	*kvep = kve;
	return ((long)(len / sizeof(*kve)));
}

/* The map has one shared-page entry, the last, read-only, shared. */
static void
t_mapped(void)
{
	struct kinfo_vmentry *kve, *sp = NULL;
	unsigned long va = (unsigned long)tk;
	long i, n, found = 0;

	CHECK(tk != NULL);
	CHECK((n = vmmap(&kve)) > 0);
	if (n <= 0)
		return;
	for (i = 0; i < n; i++)
		if (kve[i].kve_type == KVME_TYPE_SHPAGE) {
			sp = &kve[i];
			found++;
		}
	CHECK(found == 1 && sp == &kve[n - 1]);
	if (sp != NULL) {
		CHECK(sp->kve_end - sp->kve_start == PG);
		CHECK(sp->kve_start <= va && va < sp->kve_end);
		CHECK(sp->kve_protection == KVME_PROT_READ);
		CHECK(sp->kve_max_protection == KVME_PROT_READ);
		CHECK(sp->kve_inheritance == KVME_INHERIT_SHARE);
		CHECK(sp->kve_shadow_depth == 0);
	}
	free(kve);
}

/* No store, no execution: its maximum protection is read. */
static void
t_readonly(void)
{
	void *page = (void *)((unsigned long)tk & ~(PG - 1));

	CHECK(faults((volatile char *)tk, 1, SIGSEGV, SEGV_ACCERR));
	CHECK_ERR(mprotect(page, PG, PROT_READ | PROT_WRITE), EACCES);
	CHECK_ERR(mprotect(page, PG, PROT_READ | PROT_EXEC), EACCES);
	CHECK(!faults((volatile char *)tk, 0, SIGSEGV, SEGV_ACCERR));
}

#define EXEC_SEGV	42	/* the child's status: SIGSEGV/ACCERR there */

static void
exec_segv(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	_exit(sig == SIGSEGV && si->si_code == SEGV_ACCERR &&
	    si->si_addr == (void *)tk ? EXEC_SEGV : 1);
}

/* Not executable: a call into it is SIGSEGV/SEGV_ACCERR at its address. */
static void
t_noexec(void)
{
	struct sigaction sa;
	int status;
	pid_t pid;

	if ((pid = fork()) == 0) {
		memset(&sa, 0, sizeof(sa));
		sa.sa_sigaction = exec_segv;
		sa.sa_flags = SA_SIGINFO;
		sigaction(SIGSEGV, &sa, NULL);
		((void (*)(void))(unsigned long)tk)();
		_exit(2);
	}
	CHECK(pid > 0 && waitpid(pid, &status, 0) == pid &&
	    WIFEXITED(status) && WEXITSTATUS(status) == EXEC_SEGV);
}

/* The kernel's record: this layout, calibrated, usable. */
static void
t_record(void)
{
	CHECK(tk->tk_ver == VDSO_TK_VER_CURR);
	CHECK(tk->tk_gen != 0 && tk->tk_enabled == 1);
	CHECK(tk->tk_tsc_freq != 0);
	CHECK(tk->tk_boottime >= 1704067200);	/* run-qemu's RTC base */
}

/*
 * CLOCK_MONOTONIC: the system call, libc, the system call again, round
 * after round: never backwards, and libc's is exactly the formula of
 * the record at a TSC read between the two rdtsc around it.
 */
static void
t_monotonic(void)
{
	struct timespec s1, f, s2, lo, hi;
	unsigned long long t0, t1;
	int i, back = 0, range = 0, outside = 0;

	for (i = 0; i < ROUNDS; i++) {
		__sys_clock_gettime(CLOCK_MONOTONIC, &s1);
		t0 = rdtsc();
		clock_gettime(CLOCK_MONOTONIC, &f);
		t1 = rdtsc();
		__sys_clock_gettime(CLOCK_MONOTONIC, &s2);
		if (ts_nsec(&s1) > ts_nsec(&f) || ts_nsec(&f) > ts_nsec(&s2))
			back++;
		if (f.tv_nsec < 0 || f.tv_nsec >= NSEC)
			range++;
		__timekeep_uptime(t0, tk->tk_tsc_base, tk->tk_tsc_freq, &lo);
		__timekeep_uptime(t1, tk->tk_tsc_base, tk->tk_tsc_freq, &hi);
		if (ts_nsec(&lo) > ts_nsec(&f) || ts_nsec(&f) > ts_nsec(&hi))
			outside++;
	}
	CHECK(back == 0);
	CHECK(range == 0);
	CHECK(outside == 0);
}

/*
 * CLOCK_REALTIME: between the system call's before and after (there is
 * no clock_settime), within a tick of them, and the boot time apart
 * from CLOCK_MONOTONIC, as the kernel's nanotime is.
 */
static void
t_realtime(void)
{
	struct timespec s1, f, s2, m;
	long long d;
	int i, bad = 0, apart = 0;

	for (i = 0; i < ROUNDS; i++) {
		__sys_clock_gettime(CLOCK_REALTIME, &s1);
		clock_gettime(CLOCK_REALTIME, &f);
		__sys_clock_gettime(CLOCK_REALTIME, &s2);
		if (ts_nsec(&s1) > ts_nsec(&f) || ts_nsec(&f) > ts_nsec(&s2) ||
		    ts_nsec(&s2) - ts_nsec(&s1) >= TICK_NSEC)
			bad++;
		clock_gettime(CLOCK_MONOTONIC, &m);
		clock_gettime(CLOCK_REALTIME, &f);
		d = ts_nsec(&f) - ts_nsec(&m) - tk->tk_boottime * NSEC;
		if (d < 0 || d >= TICK_NSEC)
			apart++;
	}
	CHECK(bad == 0);
	CHECK(apart == 0);
}

/* Exits 0 if clock_gettime(id, bad) returned -1/EFAULT (the syscall). */
static int
bad_pointer_status(clockid_t id)
{
	int status;
	pid_t pid;

	if ((pid = fork()) == 0)
		_exit(clock_gettime(id, unmapped) == -1 && errno == EFAULT ?
		    0 : 1);
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return (-1);
	return (status);
}

/* The fast path stores in user space: a bad pointer is a SIGSEGV. */
static void
t_fast_segv(void)
{
	int status = bad_pointer_status(CLOCK_MONOTONIC);

	CHECK(status != -1 && WIFSIGNALED(status) &&
	    WTERMSIG(status) == SIGSEGV);
	status = bad_pointer_status(CLOCK_REALTIME);
	CHECK(status != -1 && WIFSIGNALED(status) &&
	    WTERMSIG(status) == SIGSEGV);
}

/*
 * kern.timecounter.fast_gettime=0: libc makes the system call (EFAULT
 * for a bad pointer) and its times are still right; =1 again: the fast
 * path again.
 */
static void
t_knob(void)
{
	struct timespec s1, f, s2;
	unsigned int gen = tk->tk_gen;
	int status;

	CHECK(set_fast(0) == 1);
	CHECK(tk->tk_enabled == 0 && tk->tk_gen != 0 && tk->tk_gen != gen);
	status = bad_pointer_status(CLOCK_MONOTONIC);
	CHECK(status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0);
	__sys_clock_gettime(CLOCK_MONOTONIC, &s1);
	CHECK(clock_gettime(CLOCK_MONOTONIC, &f) == 0);
	__sys_clock_gettime(CLOCK_MONOTONIC, &s2);
	CHECK(ts_nsec(&s1) <= ts_nsec(&f) && ts_nsec(&f) <= ts_nsec(&s2));
	CHECK(set_fast(1) == 0);
	CHECK(tk->tk_enabled == 1);
	status = bad_pointer_status(CLOCK_MONOTONIC);
	CHECK(status != -1 && WIFSIGNALED(status) &&
	    WTERMSIG(status) == SIGSEGV);
}

/* A clock libc does not cover goes to the kernel: EINVAL, not SIGSEGV. */
static void
t_other_clock(void)
{
	int status = bad_pointer_status(99);

	/* The kernel checks the id before the pointer. */
	CHECK(status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 1);
	CHECK_ERR(clock_gettime(99, unmapped), EINVAL);
}

/* mlockall wires the page's entry like a device's (R62); no leak. */
static void
t_mlockall(void)
{
	struct timespec f;

	CHECK(mlockall(MCL_CURRENT) == 0);
	CHECK(clock_gettime(CLOCK_MONOTONIC, &f) == 0);
	CHECK(munlockall() == 0);
	t_mapped();
}

/* A child of fork shares the page; exec maps it again (this program). */
static void
t_fork(void)
{
	struct timespec f;

	t_mapped();
	CHECK(clock_gettime(CLOCK_MONOTONIC, &f) == 0);
}

int
main(int argc, char **argv, char **envp)
{
	unsigned long *av;

	(void)argc, (void)argv;
	while (*envp != NULL)
		envp++;
	for (av = (unsigned long *)(envp + 1); av[0] != 0; av += 2)
		if (av[0] == AT_TIMEKEEP)
			tk = (const struct vdso_timekeep *)av[1];
	ok(tk != NULL, "exec gives AT_TIMEKEEP in the auxiliary vector");
	if (tk == NULL)
		return (done_testing());
	run_here("shared page", "mapped once, last, one page, read-only, "
	    "shared at fork (kern.proc.vmmap type SHPAGE)", t_mapped);
	run_here("shared page", "a store faults (SIGSEGV/SEGV_ACCERR); "
	    "mprotect to write or execute: EACCES", t_readonly);
	run_here("shared page", "not executable: a call into it is "
	    "SIGSEGV/SEGV_ACCERR at its address (NX)", t_noexec);
	run_here("shared page", "the clock record: version, generation, "
	    "usable, calibrated", t_record);
	run_here("clock_gettime", "CLOCK_MONOTONIC from libc lies between "
	    "two system calls and is the record's formula", t_monotonic);
	run_here("clock_gettime", "CLOCK_REALTIME from libc lies between "
	    "two system calls, within a tick, boot time from MONOTONIC",
	    t_realtime);
	run_here("clock_gettime", "the fast path: a bad pointer is SIGSEGV, "
	    "not EFAULT", t_fast_segv);
	run_here("clock_gettime", "kern.timecounter.fast_gettime=0: the "
	    "system call (EFAULT), right times; =1: the fast path again",
	    t_knob);
	run_here("clock_gettime", "a clock libc does not cover: the system "
	    "call's EINVAL", t_other_clock);
	run_here("shared page", "mlockall/munlockall with it mapped: the "
	    "clock works, the entry stays", t_mlockall);
	run_in_child("shared page", "a forked child has it and reads the "
	    "clock", t_fork);
	return (done_testing());
}
