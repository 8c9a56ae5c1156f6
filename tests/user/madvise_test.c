/*
 * madvise_test.c - madvise(2), posix_madvise(3) and mincore(2), run
 * inside Vise: the advice that keeps data (everything but MADV_FREE,
 * as POSIX wants of posix_madvise), MADV_FREE discarding the pages only
 * this process can see, MADV_WILLNEED reading a file's pages in
 * without making anonymous ones, and mincore's bytes (resident,
 * referenced, modified) with its errors.  One TAP line per behaviour.
 * (R57, advice over locked pages, needs mlock: the wiring issue.)
 */
#include <errno.h>
#include <fcntl.h>
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

/* mincore's byte for the page at p, or -1. */
static int
core(const void *p)
{
	char vec;

	return (mincore(p, 1, &vec) == 0 ? (unsigned char)vec : -1);
}

static bool
filled(const char *p, size_t len, char c)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (p[i] != c)
			return (false);
	return (true);
}

/* ---- madvise ---- */

static void
t_madvise_args(void)
{
	char *p = anon(3 * PG);

	CHECK_ERR(madvise(p, PG, 42), EINVAL);
	CHECK_ERR(madvise(p, PG, -1), EINVAL);
	CHECK_ERR(madvise(p + 1, PG, MADV_NORMAL), EINVAL);
	CHECK_ERR(madvise((void *)(0 - PG), 2 * PG, MADV_NORMAL), ENOMEM);
	CHECK(madvise(p, 0, MADV_FREE) == 0);
	/* Holes are skipped. */
	munmap(p + PG, PG);
	CHECK(madvise(p, 3 * PG, MADV_DONTNEED) == 0);
	CHECK(posix_madvise(p, PG, 42) == EINVAL);
	CHECK(posix_madvise(p, PG, POSIX_MADV_SEQUENTIAL) == 0);
	munmap(p, 3 * PG);
}

static void
t_madvise_keeps(void)
{
	static const int advice[] = { MADV_NORMAL, MADV_RANDOM,
	    MADV_SEQUENTIAL, MADV_WILLNEED, MADV_DONTNEED, MADV_NOSYNC,
	    MADV_AUTOSYNC, MADV_NOCORE, MADV_CORE };
	char *p = anon(2 * PG);
	size_t i;

	memset(p, 'k', 2 * PG);
	for (i = 0; i < sizeof(advice) / sizeof(advice[0]); i++) {
		CHECK(madvise(p, 2 * PG, advice[i]) == 0);
		CHECK(filled(p, 2 * PG, 'k'));
	}
	CHECK(posix_madvise(p, 2 * PG, POSIX_MADV_DONTNEED) == 0 &&
	    filled(p, 2 * PG, 'k'));
	/* DONTNEED leaves the pages in memory, only unmapped. */
	CHECK(madvise(p, 2 * PG, MADV_DONTNEED) == 0);
	CHECK(core(p) == (MINCORE_INCORE | MINCORE_MODIFIED_OTHER));
	munmap(p, 2 * PG);
}

static void
t_madvise_free(void)
{
	char *p = anon(2 * PG);

	memset(p, 'f', 2 * PG);
	CHECK(madvise(p, PG, MADV_FREE) == 0);
	CHECK(core(p) == 0 && (core(p + PG) & MINCORE_INCORE) != 0);
	CHECK(filled(p, PG, 0) && filled(p + PG, PG, 'f'));
	munmap(p, 2 * PG);
}

static void
t_madvise_free_shared(void)
{
	char *p = anon(PG), *s;
	int status;
	pid_t pid;

	s = mmap(NULL, PG, RW, MAP_SHARED | MAP_ANON, -1, 0);
	memset(p, 'p', PG);
	memset(s, 's', PG);
	if ((pid = fork()) == 0) {
		/* Both are seen by the parent too: nothing is freed. */
		if (madvise(p, PG, MADV_FREE) != 0 ||
		    madvise(s, PG, MADV_FREE) != 0)
			_exit(1);
		_exit(filled(p, PG, 'p') && filled(s, PG, 's') ? 0 : 2);
	}
	CHECK(pid > 0 && waitpid(pid, &status, 0) == pid &&
	    WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CHECK(filled(p, PG, 'p') && filled(s, PG, 's'));
	munmap(p, PG);
	munmap(s, PG);
}

static void
t_madvise_willneed(void)
{
	int fd = open(DAT, O_RDONLY);
	char *f, *p = anon(2 * PG);

	f = mmap(NULL, 3 * PG, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	CHECK(f != MAP_FAILED && core(f) == 0);
	/* The file's two pages are read in; past its end nothing. */
	CHECK(madvise(f, 3 * PG, MADV_WILLNEED) == 0);
	CHECK((core(f) & MINCORE_INCORE) && (core(f + PG) & MINCORE_INCORE) &&
	    core(f + 2 * PG) == 0);
	/* Anonymous memory nobody touched is not made. */
	p[PG] = 1;
	CHECK(madvise(p, 2 * PG, MADV_WILLNEED) == 0);
	CHECK(core(p) == 0 && (core(p + PG) & MINCORE_INCORE));
	munmap(f, 3 * PG);
	munmap(p, 2 * PG);
}

/* ---- mincore ---- */

static void
t_mincore_bits(void)
{
	char *p = anon(3 * PG), vec[3];
	volatile char c;

	CHECK(mincore(p, 3 * PG, vec) == 0 && vec[0] == 0 && vec[1] == 0 &&
	    vec[2] == 0);
	c = p[0];
	p[PG] = 1;
	(void)c;
	CHECK(mincore(p, 3 * PG, vec) == 0);
	CHECK(vec[0] == (MINCORE_INCORE | MINCORE_REFERENCED));
	CHECK(vec[1] == (MINCORE_INCORE | MINCORE_REFERENCED |
	    MINCORE_MODIFIED | MINCORE_MODIFIED_OTHER));
	CHECK(vec[2] == 0);
	munmap(p, 3 * PG);
}

static void
t_mincore_errors(void)
{
	char *p = anon(3 * PG), vec[3];

	p[0] = 1;
	/* The address is rounded down, as FreeBSD does. */
	CHECK(mincore(p + 10, 1, vec) == 0 && (vec[0] & MINCORE_INCORE));
	CHECK(mincore(p, 0, vec) == 0);
	CHECK_ERR(mincore(p, PG, (char *)16), EFAULT);
	CHECK_ERR(mincore((void *)(0 - PG), 2 * PG, vec), ENOMEM);
	munmap(p + PG, PG);
	CHECK_ERR(mincore(p, 3 * PG, vec), ENOMEM);
	CHECK_ERR(mincore(p + PG, PG, vec), ENOMEM);
	munmap(p, 3 * PG);
}

static void
t_mincore_many(void)
{
	static char vec[1000];
	char *p = anon(1000 * PG);
	size_t i, bad = 0;

	/* More than one chunk of the kernel's buffer. */
	for (i = 0; i < 1000; i += 3)
		p[i * PG] = 1;
	CHECK(mincore(p, 1000 * PG, vec) == 0);
	for (i = 0; i < 1000; i++)
		if (((vec[i] & MINCORE_INCORE) != 0) != (i % 3 == 0))
			bad++;
	CHECK(bad == 0);
	munmap(p, 1000 * PG);
}

int
main(void)
{
	run_here("madvise", "EINVAL unknown advice or "
	    "unaligned, ENOMEM outside; len 0 and holes fine; posix_madvise "
	    "returns the error", t_madvise_args);
	run_here("madvise", "every advice but MADV_FREE "
	    "keeps the data; DONTNEED leaves the pages resident", t_madvise_keeps);
	run_here("madvise", "MADV_FREE frees private pages: "
	    "not resident, zeros at the next read", t_madvise_free);
	run_here("madvise", "MADV_FREE keeps pages "
	    "another process can see (shared, copy-on-write)", t_madvise_free_shared);
	run_here("madvise", "MADV_WILLNEED reads a file's "
	    "pages in, never makes zero pages", t_madvise_willneed);
	run_here("mincore", "0 untouched, INCORE|REFERENCED "
	    "read, INCORE|REFERENCED|MODIFIED|MODIFIED_OTHER written", t_mincore_bits);
	run_here("mincore", "rounds the address; ENOMEM "
	    "unmapped or outside, EFAULT for a bad vector", t_mincore_errors);
	run_here("mincore", "1000 pages: one byte each, "
	    "resident exactly where touched", t_mincore_many);
	return (done_testing());
}
