/*
 * utest.c - the shared part of the test programs (see utest.h).
 */
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/sysctl.h>
#include <sys/_kinfo_proc.h>
#include <sys/wait.h>
#include <unistd.h>

#include "utest.h"

int results, failures, child_failures;
void *volatile unmapped = (void *)16;

void
ok(int cond, const char *name)
{
	printf("%sok %d - %s\n", cond ? "" : "not ", ++results, name);
	if (!cond)
		failures++;
}

void
fails(long ret, int want, const char *name)
{
	int error = errno;

	ok(ret == -1 && error == want, name);
	if (ret != -1 || error != want)
		printf("# returned %ld, errno %d (%s); want -1, %s\n", ret,
		    error, strerror(error), strerror(want));
}

void *
kernel_addr(void)
{
	return ((void *)(unsigned long)(sizeof(void *) == 8 ?
	    (unsigned long)0xffffffff80000000ULL : 0xc0000000UL));
}

void
check_at(int ok, const char *file, int line, const char *what)
{
	if (!ok) {
		fprintf(stderr, "%s:%d: failed: %s (errno %d: %s)\n", file,
		    line, what, errno, strerror(errno));
		child_failures++;
	}
}

void
run_in_child(const char *topic, const char *name, void (*fn)(void))
{
	char line[256];
	int status, passed;
	pid_t pid;

	fflush(stdout);
	fflush(stderr);
	if ((pid = fork()) == 0) {
		child_failures = 0;
		fn();
		_exit(child_failures == 0 ? 0 : 1);
	}
	passed = pid > 0 && waitpid(pid, &status, 0) == pid &&
	    WIFEXITED(status) && WEXITSTATUS(status) == 0;
	snprintf(line, sizeof(line), "%s: %s", topic, name);
	ok(passed, line);
}

void
run_here(const char *topic, const char *name, void (*fn)(void))
{
	char line[256];

	child_failures = 0;
	fn();
	fflush(stderr);
	snprintf(line, sizeof(line), "%s: %s", topic, name);
	ok(child_failures == 0, line);
}

static sigjmp_buf touch_env;
static volatile int touch_sig, touch_code;

static void
touch_caught(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	touch_sig = sig;
	touch_code = si->si_code;
	siglongjmp(touch_env, 1);
}

int
touch(volatile char *p, int write, int *code)
{
	struct sigaction sa, osegv, obus;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = touch_caught;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGSEGV, &sa, &osegv);
	sigaction(SIGBUS, &sa, &obus);
	touch_sig = touch_code = 0;
	if (sigsetjmp(touch_env, 1) == 0) {
		if (write)
			*p = *p;
		else
			(void)*p;
	}
	sigaction(SIGSEGV, &osegv, NULL);
	sigaction(SIGBUS, &obus, NULL);
	if (code != NULL)
		*code = touch_code;
	return (touch_sig);
}

int
faults(volatile char *p, int write, int sig, int code)
{
	int got;

	return (touch(p, write, &got) == sig && got == code);
}

unsigned long
sysctl_ulong(const char *name)
{
	unsigned long v = 0;
	size_t len = sizeof(v);

	if (sysctlbyname(name, &v, &len, NULL, 0) != 0) {
		printf("# sysctl %s failed: errno %d\n", name, errno);
		return (~0UL);
	}
	return (v);
}

int
sysctl_int(const char *name)
{
	size_t len = sizeof(int);
	int v;

	if (sysctlbyname(name, &v, &len, NULL, 0) != 0) {
		printf("# sysctl %s failed: errno %d\n", name, errno);
		return (-1);
	}
	return (v);
}

int
sysctl_int_set(const char *name, int v)
{
	return (sysctlbyname(name, NULL, NULL, &v, sizeof(v)));
}

long
read_at(int fd, void *buf, unsigned long len, long off)
{
	if (lseek(fd, off, SEEK_SET) != off)
		return (-1);
	return (read(fd, buf, len));
}

int
reap(int pid)
{
	int status;

	if (waitpid(pid, &status, 0) != pid)
		return (-1);
	return (WIFEXITED(status) ? WEXITSTATUS(status) :
	    128 + WTERMSIG(status));
}

int
kinfo(int pid, struct kinfo_proc *ki)
{
	char name[64];
	size_t len = sizeof(*ki);

	snprintf(name, sizeof(name), "kern.proc.pid.%d", pid);
	if (sysctlbyname(name, ki, &len, NULL, 0) != 0 ||
	    len != sizeof(*ki)) {
		printf("# %s: errno %d, length %zu\n", name, errno, len);
		return (-1);
	}
	return (0);
}

unsigned long
uwire(void)
{
	return (sysctl_ulong("vm.stats.vm.v_user_wire_count"));
}

unsigned long
pwire(void)
{
	return (sysctl_ulong("vm.stats.vm.v_wire_user"));
}

long
minflt(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return (ru.ru_minflt);
}

int
done_testing(void)
{
	printf("1..%d\n", results);
	return (failures == 0 ? 0 : 1);
}
