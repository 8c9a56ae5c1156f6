/*
 * mlock_test.c - memory locking (issue 7): mlock, munlock, mlockall and
 * munlockall against SEMANTICS.md: the check order and errnos (R10,
 * R12, R18, R25, R77), all-or-nothing (R3, R37), holes and protections
 * (R6), pager errors (R7, R39), clipping (R13), nesting (R5, R11),
 * RLIMIT_MEMLOCK for root and a user (R78, decision: a re-lock is not
 * counted twice), fork (R26, R48), munmap and exit (R45, R46), and the
 * counters: vm.stats.vm.v_user_wire_count (virtual pages, per mapping:
 * R14, R35) and vm.stats.vm.v_wire_user (physical pages).
 *
 * Runs as a child of the runner (or of init: it forks first), as root.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/sysctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lib/utest.h"

#define PAGE	4096UL

static char *
anon(size_t pages, int prot)
{
	char *p;

	p = mmap(NULL, pages * PAGE, prot, MAP_ANON | MAP_PRIVATE, -1, 0);
	return (p == MAP_FAILED ? NULL : p);
}

static int
set_memlock(rlim_t bytes)
{
	struct rlimit rl;

	getrlimit(RLIMIT_MEMLOCK, &rl);
	rl.rlim_cur = bytes;
	return (setrlimit(RLIMIT_MEMLOCK, &rl));
}

/* Run fn in a child; its exit status (0: passed). */
static int
in_child(int (*fn)(void))
{
	int status;
	pid_t pid;

	fflush(stdout);
	if ((pid = fork()) < 0)
		return (-1);
	if (pid == 0)
		_exit(fn());
	if (waitpid(pid, &status, 0) != pid)
		return (-1);
	return (WIFEXITED(status) ? WEXITSTATUS(status) : 128);
}

static void
t_errors(void)
{
	unsigned long max = sysctl_ulong("vm.max_user_wired");
	unsigned long u0 = uwire();
	char *p;

	fails(mlock((void *)(0UL - PAGE), 2 * PAGE), EINVAL,
	    "R10 mlock of a range that wraps: EINVAL");
	fails(mlock((void *)(0UL - PAGE), (max + 2) * PAGE), EINVAL,
	    "R10 order: a wrapping range is EINVAL before the size check");
	fails(munlock((void *)(0UL - PAGE), 2 * PAGE), EINVAL,
	    "R12 munlock of a range that wraps: EINVAL");
	fails(mlock(unmapped, (max + 1) * PAGE), ENOMEM,
	    "R10 step 3 more pages than vm.max_user_wired: ENOMEM");
	ok(mlock((void *)(16 * PAGE), 0) == 0,
	    "R1 R16 mlock of an aligned address, length 0: 0");
	p = anon(1, PROT_NONE);
	fails(mlock(p, PAGE), ENOMEM, "R6 mlock of a PROT_NONE page: ENOMEM");
	ok(uwire() == u0, "R6 nothing user-wired after it");
	munmap(p, PAGE);
	fails(mlock(unmapped, PAGE), ENOMEM,
	    "R37 mlock of an unmapped page: ENOMEM");
	fails(munlock(unmapped, PAGE), ENOMEM,
	    "R12 munlock of an unmapped page: ENOMEM");
	fails(mlockall(0), EINVAL, "R18 mlockall(0): EINVAL");
	fails(mlockall(0x100), EINVAL, "R18 mlockall(unknown bit): EINVAL");
	fails(mlockall(MCL_CURRENT | 0x100), EINVAL,
	    "R18 mlockall(MCL_CURRENT|unknown bit): EINVAL");
}

static void
t_lock_unlock(void)
{
	unsigned long u0 = uwire(), w0 = pwire();
	long f0;
	char *p;
	int i;
	unsigned char vec[16];

	p = anon(16, PROT_READ | PROT_WRITE);
	ok(p != NULL && mlock(p, 16 * PAGE) == 0, "R4 mlock 16 anon pages: 0");
	ok(uwire() == u0 + 16 && pwire() == w0 + 16,
	    "R4 R35 16 pages user-wired (v_user_wire_count, v_wire_user)");
	if (uwire() != u0 + 16 || pwire() != w0 + 16)
		printf("# uwire %lu (base %lu), v_wire_user %lu (base %lu)\n",
		    uwire(), u0, pwire(), w0);
	f0 = minflt();
	for (i = 0; i < 16; i++)
		p[i * PAGE] = (char)i;
	ok(minflt() == f0, "R4 writing locked pages takes no page fault");
	ok(mincore(p, 16 * PAGE, (char *)vec) == 0 &&
	    memchr(vec, 0, 16) == NULL, "R4 mincore: all resident");
	ok(mlock(p, 16 * PAGE) == 0 && mlock(p + 1, PAGE) == 0 &&
	    uwire() == u0 + 16 && pwire() == w0 + 16,
	    "R5 R11 locking again changes nothing");
	ok(munlock(p, 16 * PAGE) == 0 && uwire() == u0 && pwire() == w0,
	    "R11 one munlock undoes three mlocks");
	ok(munlock(p, 16 * PAGE) == 0,
	    "R9 R12 munlock of mapped, unlocked memory: 0");
	ok(mlock(p + 2 * PAGE, 4 * PAGE) == 0 && uwire() == u0 + 4 &&
	    pwire() == w0 + 4, "R13 mlock of pages 2..5 wires 4 pages");
	ok(munlock(p + 3 * PAGE, PAGE) == 0 && uwire() == u0 + 3,
	    "R13 munlock of page 3 alone unlocks one page");
	ok(munlock(p, 16 * PAGE) == 0 && uwire() == u0 && pwire() == w0,
	    "R13 munlock of all: back to the base");
	ok(mlock(p + PAGE + 1, 0) == 0 && uwire() == u0 + 1,
	    "R16 mlock(unaligned, 0) locks the page holding the address");
	munlock(p, 16 * PAGE);
	ok(mlock(p, 16 * PAGE) == 0 && munmap(p, 16 * PAGE) == 0 &&
	    uwire() == u0 && pwire() == w0,
	    "R45 munmap of locked memory unlocks it: counters back");
}

static void
t_holes(void)
{
	unsigned long u0 = uwire(), w0 = pwire();
	char *p;

	p = anon(3, PROT_READ | PROT_WRITE);
	munmap(p + PAGE, PAGE);
	fails(mlock(p, 3 * PAGE), ENOMEM,
	    "R3 R37 mlock of [mapped][hole][mapped]: ENOMEM");
	ok(uwire() == u0 && pwire() == w0,
	    "R3 all or nothing: the first page is not locked");
	ok(mlock(p, PAGE) == 0 && uwire() == u0 + 1, "mlock of page 0: 0");
	fails(munlock(p, 3 * PAGE), ENOMEM,
	    "R12 R37 munlock across the hole: ENOMEM");
	ok(uwire() == u0 + 1 && pwire() == w0 + 1,
	    "R12 the lock on page 0 is intact");
	munlock(p, PAGE);
	munmap(p, 3 * PAGE);
	ok(uwire() == u0 && pwire() == w0, "counters back after munmap");
}

static void
t_beyond_eof(void)
{
	char path[] = "/tmp/t_mlockXXXXXX";
	unsigned long u0 = uwire(), w0 = pwire();
	char *p;
	int fd;

	fd = mkstemp(path);
	if (fd < 0 || ftruncate(fd, PAGE) != 0) {
		ok(0, "R39 a one-page file");
		return;
	}
	unlink(path);
	p = mmap(NULL, 4 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	ok(p != MAP_FAILED, "R39 a one-page file mapped as four pages");
	fails(mlock(p, 4 * PAGE), ENOMEM,
	    "R7 R39 mlock past the end of the file: ENOMEM");
	ok(uwire() == u0 && pwire() == w0,
	    "R7 rolled back: the file's first page is not locked");
	fails(mlockall(MCL_CURRENT), EAGAIN,
	    "R39 mlockall(MCL_CURRENT) with a mapping past EOF: EAGAIN");
	ok(uwire() == u0 && pwire() == w0,
	    "R3 the failed mlockall locked nothing");
	ok(mlock(p, PAGE) == 0 && uwire() == u0 + 1 && pwire() == w0 + 1,
	    "mlock of the file's page: 0");
	ok(munmap(p, 4 * PAGE) == 0 && uwire() == u0 && pwire() == w0,
	    "R45 munmap: counters back");
	close(fd);
}

/*
 * I-E7: a read-only private file mapping, locked, then made writable
 * (also after a fork): no panic, the write lands in the process's own
 * copy, the file keeps its data, the counters come back.
 */
static void
t_private_made_writable(void)
{
	char path[] = "/tmp/t_mlockXXXXXX";
	unsigned long u0 = uwire(), w0 = pwire();
	char *p, buf[4];
	int fd, status;
	pid_t pid;

	fd = mkstemp(path);
	if (fd < 0 || write(fd, "abcd", 4) != 4 || ftruncate(fd, 2 * PAGE)) {
		ok(0, "I-E7 a two-page file");
		return;
	}
	unlink(path);
	p = mmap(NULL, 2 * PAGE, PROT_READ, MAP_PRIVATE, fd, 0);
	ok(p != MAP_FAILED && mlock(p, 2 * PAGE) == 0 && p[0] == 'a',
	    "I-E7 mlock of a read-only private file mapping");
	fflush(stdout);
	if ((pid = fork()) == 0)
		_exit(p[1] == 'b' ? 0 : 1);
	waitpid(pid, &status, 0);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	    "R49 a child reads the locked read-only mapping");
	ok(mprotect(p, 2 * PAGE, PROT_READ | PROT_WRITE) == 0,
	    "I-E7 mprotect adds write to the locked private mapping");
	p[0] = 'X';
	p[PAGE] = 'Y';
	ok(lseek(fd, 0, SEEK_SET) == 0 && read(fd, buf, 4) == 4 &&
	    memcmp(buf, "abcd", 4) == 0 &&
	    p[0] == 'X' && p[1] == 'b', "I-E7 the write is private");
	ok(munmap(p, 2 * PAGE) == 0 && uwire() == u0 && pwire() == w0,
	    "R45 counters back");
	close(fd);
}

static void
t_shared_twice(void)
{
	unsigned long u0 = uwire(), w0 = pwire();
	char *a, *b;
	int fd;

	fd = shm_open(SHM_ANON, O_RDWR, 0600);
	if (fd < 0 || ftruncate(fd, PAGE) != 0) {
		ok(0, "R14 an shm object");
		return;
	}
	a = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	b = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	ok(a != MAP_FAILED && b != MAP_FAILED && mlock(a, PAGE) == 0 &&
	    mlock(b, PAGE) == 0, "R14 one page mapped twice, both locked");
	ok(uwire() == u0 + 2 && pwire() == w0 + 1,
	    "R14 v_user_wire_count +2 (per mapping), v_wire_user +1");
	ok(munlock(a, PAGE) == 0 && uwire() == u0 + 1 && pwire() == w0 + 1,
	    "R12 munlock of one mapping: the page stays wired by the other");
	munmap(a, PAGE);
	munmap(b, PAGE);
	close(fd);
	ok(uwire() == u0 && pwire() == w0, "R45 counters back");
}

static int
c_limits(void)
{
	unsigned long u;
	char *p;
	int bad = 0;

	p = anon(4, PROT_READ | PROT_WRITE);
	if (set_memlock(2 * PAGE) != 0)
		return (1);
	bad |= mlock(p, 2 * PAGE) != 0;
	/* decision R15: re-locking is not counted twice */
	bad |= (mlock(p, 2 * PAGE) != 0) << 1;
	bad |= !(mlock(p + 2 * PAGE, PAGE) == -1 && errno == ENOMEM) << 2;
	/* R78: lowering the limit unlocks nothing */
	u = uwire();
	set_memlock(PAGE);
	bad |= (uwire() != u) << 3;
	bad |= !(mlock(p + 3 * PAGE, PAGE) == -1 && errno == ENOMEM) << 5;
	bad |= !(mlockall(MCL_CURRENT) == -1 && errno == ENOMEM) << 4;
	return (bad);
}

static int
c_student(void)
{
	char *p;

	p = anon(2, PROT_READ | PROT_WRITE);
	if (setuid(1001) != 0 || set_memlock(PAGE) != 0)
		return (1);
	if (mlock(p, PAGE) != 0)
		return (2);	/* unprivileged mlock is allowed */
	if (!(mlock(p, 2 * PAGE) == -1 && errno == ENOMEM))
		return (3);
	if (munlock(p, 2 * PAGE) != 0)
		return (4);
	return (0);
}

static int
c_student_eperm(void)
{
	char *p;

	p = anon(1, PROT_READ | PROT_WRITE);
	if (setuid(1001) != 0)
		return (1);
	if (!(mlock((void *)(0UL - PAGE), 2 * PAGE) == -1 && errno == EPERM))
		return (2);	/* R10: EPERM before EINVAL */
	if (!(munlock(p, PAGE) == -1 && errno == EPERM))
		return (3);
	if (!(mlockall(0) == -1 && errno == EPERM))
		return (4);
	if (!(munlockall() == -1 && errno == EPERM))
		return (5);
	return (0);
}

static void
t_limits(void)
{
	unsigned long u0 = uwire(), w0 = pwire();
	size_t len = sizeof(int);
	int st, unpriv = 1;

	st = in_child(c_limits);
	ok(st == 0, "R10 R15 R78 RLIMIT_MEMLOCK 2 pages (root): 2 locked, "
	    "a re-lock is not counted twice, a third page ENOMEM, a lower "
	    "limit keeps the locks, mlockall over it ENOMEM");
	if (st != 0)
		printf("# child status %#x\n", st);
	ok(uwire() == u0 && pwire() == w0, "R46 counters back after exit");
	sysctlbyname("security.bsd.unprivileged_mlock", &unpriv, &len, NULL,
	    0);
	if (unpriv) {
		st = in_child(c_student);
		ok(st == 0, "R78 a user (uid 1001) may lock within "
		    "RLIMIT_MEMLOCK, ENOMEM beyond it");
		if (st != 0)
			printf("# child status %d\n", st);
	} else
		printf("ok %d - R78 a user may lock within RLIMIT_MEMLOCK "
		    "# SKIP security.bsd.unprivileged_mlock is 0\n",
		    ++results);
	ok(uwire() == u0 && pwire() == w0, "R46 counters back after exit");
	if (unpriv)
		printf("ok %d - R10 R12 R18 R25 R77 EPERM for a user "
		    "# SKIP security.bsd.unprivileged_mlock is 1\n",
		    ++results);
	else
		ok(in_child(c_student_eperm) == 0, "R10 R12 R18 R25 R77 "
		    "EPERM for a user, before any argument check");
}

static int
c_fork_child(void)
{
	return (0);
}

static char forkpage[PAGE] __attribute__((aligned(4096)));

static void
t_fork(void)
{
	unsigned long u0, w0;
	volatile char *p = forkpage;
	int status;
	long f0;
	pid_t pid;

	(void)c_fork_child;
	p[0] = (char)0xAA;
	ok(mlock(forkpage, PAGE) == 0, "R48 parent locks a written page");
	u0 = uwire();
	w0 = pwire();
	fflush(stdout);
	if ((pid = fork()) == 0) {
		/* R26: the child has no locks: its counters add nothing */
		if (uwire() != u0 || pwire() != w0)
			_exit(1);
		p[0] = (char)0xBB;
		if (uwire() != u0 || pwire() != w0)
			_exit(2);
		_exit(p[0] == (char)0xBB ? 0 : 3);
	}
	waitpid(pid, &status, 0);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	    "R26 R48 the child inherits no lock and writes its own copy");
	f0 = minflt();
	ok(p[0] == (char)0xAA && minflt() == f0,
	    "R48 the parent still reads 0xAA without a fault");
	ok(munlock(forkpage, PAGE) == 0, "R48 parent munlock: 0");
}

static int
c_mlockall(void)
{
	char *p;
	int i;

	if (mlockall(MCL_CURRENT) != 0)
		return (1);
	p = anon(64, PROT_READ | PROT_WRITE);
	if (p == NULL || mlock(p, 64 * PAGE) != 0)
		return (2);
	for (i = 0; i < 64; i++)
		p[i * PAGE] = 1;
	return (0);	/* exit with everything locked */
}

static void
t_mlockall(void)
{
	unsigned long u0 = uwire(), w0 = pwire();
	unsigned long u1;
	int st;

	st = mlockall(MCL_CURRENT);
	ok(st == 0, "R18 R19 mlockall(MCL_CURRENT): 0");
	if (st != 0)
		printf("# errno %d\n", errno);
	u1 = uwire();
	ok(u1 > u0 && pwire() > w0, "R19 the process's mappings are locked");
	ok(mlockall(MCL_CURRENT) == 0 && uwire() == u1,
	    "R5 mlockall again changes nothing");
	ok(munlockall() == 0 && uwire() == u0 && pwire() == w0,
	    "R25 munlockall: counters back to the base");
	ok(mlockall(MCL_CURRENT | MCL_FUTURE) == 0 && munlockall() == 0 &&
	    uwire() == u0, "R25 mlockall(MCL_CURRENT|MCL_FUTURE), munlockall");
	st = in_child(c_mlockall);
	ok(st == 0, "R46 a child mlockall(MCL_CURRENT)s and exits locked");
	ok(uwire() == u0 && pwire() == w0,
	    "R46 after its exit the counters are back");
}

static int
run(void)
{
	t_errors();
	t_lock_unlock();
	t_holes();
	t_beyond_eof();
	t_private_made_writable();
	t_shared_twice();
	t_limits();
	t_fork();
	t_mlockall();
	return (done_testing());
}

int
main(void)
{
	int status;
	pid_t pid;

	if (getpid() != 1)
		return (run());
	/* As init: do the work in a child (normal process semantics). */
	if ((pid = fork()) == 0)
		_exit(run());
	waitpid(pid, &status, 0);
	return (WIFEXITED(status) ? WEXITSTATUS(status) : 1);
}
