/*
 * mprotect_test.c - mprotect(2), msync(2) and minherit(2), run inside
 * Vise: protections that change what an access may do and keep the
 * data, EACCES beyond what a mapping may ever allow, ENOMEM for
 * unmapped pages (SEMANTICS "Decisions"), msync's flag checks and
 * MS_INVALIDATE of a file's pages, and what each inheritance gives the
 * child of a fork.  One TAP line per behaviour.  (R56, msync's EBUSY
 * over locked pages, needs mlock: the wiring issue tests it.)
 */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lib/utest.h"

#define PG	4096UL
#define DAT	"/ktest/mmap.dat"
#define RW	(PROT_READ | PROT_WRITE)
#define ANON	(MAP_PRIVATE | MAP_ANON)

static char *
anon(size_t len)
{
	char *p = mmap(NULL, len, RW, ANON, -1, 0);

	return (p == MAP_FAILED ? NULL : p);
}

/* ---- mprotect ---- */

static void
t_mprotect_args(void)
{
	char *p = anon(2 * PG);

	CHECK_ERR(mprotect(p + 1, PG, PROT_READ), EINVAL);
	CHECK_ERR(mprotect(p, PG, 0x40), EINVAL);
	CHECK(mprotect(p, 0, PROT_NONE) == 0);
	CHECK(touch(p, true, NULL) == 0);
	CHECK_ERR(mprotect((void *)(0 - PG), 2 * PG, PROT_READ), ENOMEM);
	munmap(p, 2 * PG);
}

static void
t_mprotect_unmapped(void)
{
	char *p = anon(3 * PG);

	p[0] = 'a';
	munmap(p + PG, PG);
	CHECK_ERR(mprotect(p + PG, PG, PROT_READ), ENOMEM);
	/* Part of the range unmapped: ENOMEM, and nothing changed. */
	CHECK_ERR(mprotect(p, 3 * PG, PROT_READ), ENOMEM);
	CHECK(touch(p, true, NULL) == 0 && touch(p + 2 * PG, true, NULL) == 0);
	munmap(p, 3 * PG);
}

static void
t_mprotect_changes(void)
{
	char *p = anon(3 * PG);

	memset(p, 'd', 3 * PG);
	CHECK(mprotect(p + PG, PG, PROT_READ) == 0);
	CHECK(faults(p + PG, true, SIGSEGV, SEGV_ACCERR));
	CHECK(p[PG] == 'd' && touch(p, true, NULL) == 0 &&
	    touch(p + 2 * PG, true, NULL) == 0);
	CHECK(mprotect(p, 3 * PG, PROT_NONE) == 0);
	CHECK(faults(p + 2 * PG, false, SIGSEGV, SEGV_ACCERR));
	CHECK(mprotect(p, 3 * PG, RW) == 0);
	CHECK(p[0] == 'd' && p[PG] == 'd' && p[2 * PG] == 'd');
	p[PG] = 'e';
	CHECK(p[PG] == 'e');
	munmap(p, 3 * PG);
}

static void
t_mprotect_maxprot(void)
{
	int fd = open(DAT, O_RDONLY);
	char *s, *p;

	s = mmap(NULL, PG, PROT_READ, MAP_SHARED, fd, 0);
	p = mmap(NULL, PG, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	CHECK(s != MAP_FAILED && p != MAP_FAILED);
	/* A read-only descriptor's shared mapping can never be written. */
	CHECK_ERR(mprotect(s, PG, RW), EACCES);
	CHECK(faults(s, true, SIGSEGV, SEGV_ACCERR));
	/* A private one can: its writes are copies. */
	CHECK(mprotect(p, PG, RW) == 0);
	p[0] = 'P';
	CHECK(p[0] == 'P' && s[0] == 'a');
	munmap(s, PG);
	munmap(p, PG);
}

/* ---- msync ---- */

static void
t_msync_args(void)
{
	char *p = anon(2 * PG);

	CHECK_ERR(msync(p + 1, PG, MS_SYNC), EINVAL);
	CHECK_ERR(msync(p, PG, MS_SYNC | MS_ASYNC), EINVAL);
	CHECK_ERR(msync(p, PG, 0x100), EINVAL);
	munmap(p + PG, PG);
	CHECK_ERR(msync(p, 2 * PG, MS_SYNC), ENOMEM);
	CHECK_ERR(msync(p + PG, PG, MS_ASYNC), ENOMEM);
	CHECK_ERR(msync((void *)(0 - PG), 2 * PG, MS_SYNC), ENOMEM);
	CHECK(msync(p, 0, MS_SYNC) == 0);
	munmap(p, PG);
}

static void
t_msync_anon(void)
{
	char *p = anon(2 * PG);

	memset(p, 's', 2 * PG);
	CHECK(msync(p, 2 * PG, MS_SYNC) == 0);
	CHECK(msync(p, 2 * PG, MS_ASYNC) == 0);
	CHECK(msync(p, 2 * PG, 0) == 0);
	CHECK(msync(p, 2 * PG, MS_INVALIDATE) == 0);
	CHECK(msync(p, 2 * PG, MS_INVALIDATE | MS_ASYNC) == 0);
	/* Anonymous memory has no other copy: invalidating keeps it. */
	CHECK(p[0] == 's' && p[2 * PG - 1] == 's');
	munmap(p, 2 * PG);
}

static void
t_msync_file(void)
{
	int fd = open(DAT, O_RDONLY);
	char *p, vec[2];

	p = mmap(NULL, 2 * PG, PROT_READ, MAP_SHARED, fd, 0);
	close(fd);
	CHECK(p != MAP_FAILED);
	if (p == MAP_FAILED)
		return;
	CHECK(p[0] == 'a' && p[PG] == 'a' + PG % 26);
	CHECK(mincore(p, 2 * PG, vec) == 0 && (vec[0] & MINCORE_INCORE));
	CHECK(msync(p, 2 * PG, MS_SYNC | MS_INVALIDATE) == 0);
	/* The cached copy is gone, and comes back the same. */
	CHECK(mincore(p, 2 * PG, vec) == 0 &&
	    (vec[0] & MINCORE_INCORE) == 0 && (vec[1] & MINCORE_INCORE) == 0);
	CHECK(p[0] == 'a' && p[PG + 1] == 'a' + (PG + 1) % 26);
	munmap(p, 2 * PG);
}

/* ---- minherit ---- */

/* The child's view of *p after fork: the byte, or -SIGNAL on a fault. */
static int
child_sees(char *p, bool write)
{
	int status, sig;
	pid_t pid;

	if ((pid = fork()) == 0) {
		if ((sig = touch(p, write, NULL)) != 0)
			_exit(100 + sig);
		if (write)
			p[0] = 'c';
		_exit(p[0] == 'c' ? 1 : p[0] == 0 ? 2 : p[0] == 'p' ? 3 : 4);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return (-1);
	return (WEXITSTATUS(status) >= 100 ? -(WEXITSTATUS(status) - 100) :
	    WEXITSTATUS(status));
}

static void
t_minherit(void)
{
	char *p = anon(PG), *s;

	s = mmap(NULL, PG, RW, MAP_SHARED | MAP_ANON, -1, 0);
	CHECK_ERR(minherit(p, PG, 7), EINVAL);
	CHECK_ERR(minherit((void *)(0 - PG), 2 * PG, INHERIT_NONE), EINVAL);
	p[0] = s[0] = 'p';
	CHECK(minherit(p, PG, INHERIT_NONE) == 0);
	CHECK(child_sees(p, false) == -SIGSEGV);
	CHECK(minherit(p, PG, INHERIT_ZERO) == 0);
	CHECK(child_sees(p, false) == 2 && p[0] == 'p');
	CHECK(minherit(p + 1, 1, INHERIT_SHARE) == 0);	/* rounds */
	CHECK(child_sees(p, true) == 1 && p[0] == 'c');
	CHECK(minherit(s, PG, INHERIT_COPY) == 0);
	CHECK(child_sees(s, true) == 1 && s[0] == 'p');
	/* Unmapped parts of the range are skipped. */
	munmap(s, PG);
	CHECK(minherit(s, PG, INHERIT_NONE) == 0);
	munmap(p, PG);
}

int
main(void)
{
	run_here("mprotect", "EINVAL unaligned or unknown "
	    "prot; len 0 does nothing; ENOMEM outside the address space", t_mprotect_args);
	run_here("mprotect", "ENOMEM over unmapped pages, "
	    "nothing changed", t_mprotect_unmapped);
	run_here("mprotect", "read-only and PROT_NONE "
	    "forbid writes/reads (SEGV_ACCERR), the data stays, RW again", t_mprotect_changes);
	run_here("mprotect", "EACCES beyond the maximum "
	    "(a shared mapping of a read-only fd); private: copy on write", t_mprotect_maxprot);
	run_here("msync", "EINVAL unaligned, MS_SYNC|MS_ASYNC, "
	    "unknown flag; ENOMEM unmapped or outside; len 0 is fine", t_msync_args);
	run_here("msync", "MS_SYNC, MS_ASYNC, 0, MS_INVALIDATE "
	    "on anonymous memory succeed and keep the data", t_msync_anon);
	run_here("msync", "MS_INVALIDATE drops a file's cached "
	    "pages, which come back the same", t_msync_file);
	run_here("minherit", "NONE: a hole in the child, ZERO: "
	    "zeros, SHARE: shared, COPY: copied; EINVAL for a bad value", t_minherit);
	return (done_testing());
}
