/*
 * mmap_test.c - mmap(2) and munmap(2), run inside Vise: anonymous
 * memory private and shared across fork, MAP_FIXED replacing what was
 * there, hints, MAP_EXCL, MAP_GUARD, the argument checks with POSIX's
 * errnos, mappings of /dev/zero and of initrd files (/ktest/mmap.dat:
 * 6000 bytes, byte i = 'a' + i % 26), and SIGBUS/BUS_OBJERR past the
 * end of a file (R66).  One TAP line per behaviour; the choices behind
 * each errno are in vm/vm_mmap.c.
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

#define PG		4096UL
#define DAT		"/ktest/mmap.dat"
#define DAT_SIZE	6000
#define RW		(PROT_READ | PROT_WRITE)
#define ANON		(MAP_PRIVATE | MAP_ANON)

static char *
anon(size_t len)
{
	char *p = mmap(NULL, len, RW, ANON, -1, 0);

	return (p == MAP_FAILED ? NULL : p);
}

/* Fork; the child runs fn and exits with its result; true if 0. */
static bool
in_child(int (*fn)(void *), void *arg)
{
	int status;
	pid_t pid;

	if ((pid = fork()) == 0)
		_exit(fn(arg));
	return (pid > 0 && waitpid(pid, &status, 0) == pid &&
	    WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

static bool
dat_byte_ok(const char *p, size_t off)
{
	return (p[off] == (char)('a' + off % 26));
}

/* ---- anonymous memory ---- */

static void
t_anon(void)
{
	char *p = anon(3 * PG);
	size_t i;

	CHECK(p != NULL && ((unsigned long)p & (PG - 1)) == 0);
	if (p == NULL)
		return;
	for (i = 0; i < 3 * PG; i++)
		if (p[i] != 0)
			break;
	CHECK(i == 3 * PG);
	p[0] = 'x';
	p[3 * PG - 1] = 'y';
	CHECK(p[0] == 'x' && p[3 * PG - 1] == 'y');
	CHECK(munmap(p, 3 * PG) == 0);
	p = mmap(NULL, PG, RW, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(p != MAP_FAILED && p[0] == 0);
	CHECK(munmap(p, PG) == 0);
}

static void
t_bad_args(void)
{
	char *p = anon(PG);
	int fd = open(DAT, O_RDONLY);

	CHECK_ERR(mmap(NULL, 0, RW, ANON, -1, 0), EINVAL);
	CHECK_ERR(mmap(NULL, PG, RW, MAP_ANON, -1, 0), EINVAL);
	CHECK_ERR(mmap(NULL, PG, RW, MAP_SHARED | MAP_PRIVATE | MAP_ANON, -1, 0),
	    EINVAL);
	CHECK_ERR(mmap(NULL, PG, RW, ANON | 0x100000, -1, 0), EINVAL);
	CHECK_ERR(mmap(NULL, PG, RW | 0x40, ANON, -1, 0), EINVAL);
	CHECK_ERR(mmap(NULL, PG, RW, ANON, 0, 0), EINVAL);
	CHECK_ERR(mmap(NULL, PG, RW, ANON, -1, PG), EINVAL);
	CHECK_ERR(mmap(NULL, PG, PROT_READ, MAP_PRIVATE, fd, 100), EINVAL);
	CHECK_ERR(mmap(NULL, PG, PROT_READ, MAP_PRIVATE, fd, (off_t)-4096), EINVAL);
	CHECK_ERR(mmap(p + 1, PG, RW, ANON | MAP_FIXED, -1, 0), EINVAL);
	CHECK_ERR(mmap(NULL, PG, RW, ANON | MAP_EXCL, -1, 0), EINVAL);
	close(fd);
	munmap(p, PG);
}

static void
t_no_room(void)
{
	CHECK_ERR(mmap(NULL, (size_t)-1 & ~(PG - 1), RW, ANON, -1, 0), ENOMEM);
	CHECK_ERR(mmap(NULL, (size_t)-1, RW, ANON, -1, 0), ENOMEM);
	/* POSIX: MAP_FIXED outside the address space is ENOMEM. */
	CHECK_ERR(mmap((void *)0, PG, RW, ANON | MAP_FIXED, -1, 0), ENOMEM);
	CHECK_ERR(mmap((void *)(0 - 2 * PG), PG, RW, ANON | MAP_FIXED, -1, 0),
	    ENOMEM);
}

static void
t_fixed_replaces(void)
{
	char *p = anon(3 * PG), *q;

	if (p == NULL) {
		CHECK(!"mmap");
		return;
	}
	memset(p, 'a', 3 * PG);
	q = mmap(p + PG, PG, RW, ANON | MAP_FIXED, -1, 0);
	CHECK(q == p + PG);
	CHECK(p[0] == 'a' && p[PG] == 0 && p[2 * PG] == 'a');
	/* MAP_EXCL refuses a range in use and leaves it alone. */
	p[PG] = 'b';
	CHECK_ERR(mmap(p, PG, RW, ANON | MAP_FIXED | MAP_EXCL, -1, 0), ENOMEM);
	CHECK(p[0] == 'a' && p[PG] == 'b');
	CHECK(munmap(p + PG, PG) == 0);
	CHECK(mmap(p + PG, PG, RW, ANON | MAP_FIXED | MAP_EXCL, -1, 0) ==
	    p + PG && p[PG] == 0);
	munmap(p, 3 * PG);
}

static void
t_hint(void)
{
	char *p = anon(4 * PG), *q;

	if (p == NULL) {
		CHECK(!"mmap");
		return;
	}
	munmap(p + 2 * PG, 2 * PG);
	/* A free hint is taken as it is. */
	q = mmap(p + 2 * PG, PG, RW, ANON, -1, 0);
	CHECK(q == p + 2 * PG);
	/* A hint in use gives other space, and leaves the mapping. */
	p[0] = 'k';
	q = mmap(p, PG, RW, ANON, -1, 0);
	CHECK(q != MAP_FAILED && q != p && (q >= p + 3 * PG || q + PG <= p));
	CHECK(p[0] == 'k');
	munmap(q, PG);
	munmap(p, 3 * PG);
}

static int
child_writes(void *arg)
{
	((char *)arg)[0] = 'c';
	return (0);
}

static void
t_shared_private_fork(void)
{
	char *s = mmap(NULL, PG, RW, MAP_SHARED | MAP_ANON, -1, 0);
	char *p = anon(PG);

	CHECK(s != MAP_FAILED && p != NULL);
	if (s == MAP_FAILED || p == NULL)
		return;
	s[0] = p[0] = 'p';
	CHECK(in_child(child_writes, s) && s[0] == 'c');
	CHECK(in_child(child_writes, p) && p[0] == 'p');
	munmap(s, PG);
	munmap(p, PG);
}

static void
t_protection_faults(void)
{
	char *p = mmap(NULL, PG, PROT_NONE, ANON, -1, 0);
	char *r = mmap(NULL, PG, PROT_READ, ANON, -1, 0);

	CHECK(p != MAP_FAILED && r != MAP_FAILED);
	CHECK(faults(p, false, SIGSEGV, SEGV_ACCERR));
	CHECK(touch(r, false, NULL) == 0 && r[0] == 0);
	CHECK(faults(r, true, SIGSEGV, SEGV_ACCERR));
	munmap(p, PG);
	munmap(r, PG);
}

static void
t_guard(void)
{
	char *g = mmap(NULL, 2 * PG, PROT_NONE, MAP_GUARD, -1, 0);

	CHECK(g != MAP_FAILED);
	CHECK(faults(g, false, SIGSEGV, SEGV_ACCERR));
	CHECK_ERR(mmap(NULL, PG, PROT_READ, MAP_GUARD, -1, 0), EINVAL);
	CHECK_ERR(mmap(NULL, PG, PROT_NONE, MAP_GUARD | MAP_PRIVATE, -1, 0),
	    EINVAL);
	/* The range is taken: a hint there goes elsewhere. */
	CHECK(mmap(g, PG, RW, ANON, -1, 0) != g);
	CHECK(munmap(g, 2 * PG) == 0);
}

static void
t_munmap(void)
{
	char *p = anon(2 * PG);

	CHECK_ERR(munmap(p + 1, PG), EINVAL);
	CHECK_ERR(munmap(p, 0), EINVAL);
	CHECK_ERR(munmap((void *)(0 - PG), 2 * PG), EINVAL);
	CHECK(munmap(p, 2 * PG) == 0);
	/* POSIX: nothing mapped there is no error. */
	CHECK(munmap(p, 2 * PG) == 0);
	CHECK(faults(p, false, SIGSEGV, SEGV_MAPERR));
}

/* ---- descriptors ---- */

static void
t_fd_errors(void)
{
	int fds[2], fd, dir;

	CHECK_ERR(mmap(NULL, PG, PROT_READ, MAP_SHARED, 99, 0), EBADF);
	CHECK_ERR(mmap(NULL, PG, PROT_READ, MAP_SHARED, -1, 0), EBADF);
	CHECK(pipe(fds) == 0);
	CHECK_ERR(mmap(NULL, PG, PROT_READ, MAP_SHARED, fds[0], 0), ENODEV);
	close(fds[0]);
	close(fds[1]);
	dir = open("/ktest", O_RDONLY);
	CHECK_ERR(mmap(NULL, PG, PROT_READ, MAP_SHARED, dir, 0), ENODEV);
	close(dir);
	fd = open("/dev/null", O_RDWR);
	CHECK_ERR(mmap(NULL, PG, PROT_READ, MAP_SHARED, fd, 0), ENODEV);
	close(fd);
	/* Not open for reading: EACCES whatever the protection. */
	fd = open("/dev/zero", O_WRONLY);
	CHECK_ERR(mmap(NULL, PG, PROT_NONE, MAP_SHARED, fd, 0), EACCES);
	close(fd);
	fd = open(DAT, O_RDONLY);
	CHECK_ERR(mmap(NULL, PG, RW, MAP_SHARED, fd, 0), EACCES);
	/* off + len beyond the largest off_t. */
	CHECK_ERR(mmap(NULL, 2 * PG, PROT_READ, MAP_SHARED, fd,
	    (off_t)(0x7fffffffffffffffLL & ~(long long)(PG - 1))), EOVERFLOW);
	close(fd);
}

static void
t_dev_zero(void)
{
	int fd = open("/dev/zero", O_RDWR);
	char *p, *s;

	p = mmap(NULL, 2 * PG, RW, MAP_PRIVATE, fd, 0);
	s = mmap(NULL, 2 * PG, RW, MAP_SHARED, fd, 5 * PG);
	close(fd);
	CHECK(p != MAP_FAILED && s != MAP_FAILED);
	if (p == MAP_FAILED || s == MAP_FAILED)
		return;
	CHECK(p[0] == 0 && p[2 * PG - 1] == 0 && s[PG] == 0);
	p[0] = s[0] = 'z';
	CHECK(in_child(child_writes, p) && p[0] == 'z');
	CHECK(in_child(child_writes, s) && s[0] == 'c');
	munmap(p, 2 * PG);
	munmap(s, 2 * PG);
}

static void
t_file_contents(void)
{
	char buf[DAT_SIZE], *p, *q;
	size_t i;
	int fd = open(DAT, O_RDONLY);

	CHECK(fd >= 0 && read(fd, buf, sizeof(buf)) == DAT_SIZE);
	p = mmap(NULL, 2 * PG, PROT_READ, MAP_SHARED, fd, 0);
	q = mmap(NULL, PG, PROT_READ, MAP_PRIVATE, fd, PG);
	close(fd);
	CHECK(p != MAP_FAILED && q != MAP_FAILED);
	if (p == MAP_FAILED || q == MAP_FAILED)
		return;
	CHECK(memcmp(p, buf, DAT_SIZE) == 0 && dat_byte_ok(p, 4095));
	/* The rest of the last page reads as zeros. */
	for (i = DAT_SIZE; i < 2 * PG; i++)
		if (p[i] != 0)
			break;
	CHECK(i == 2 * PG);
	/* An offset maps the bytes from there. */
	CHECK(memcmp(q, buf + PG, DAT_SIZE - PG) == 0);
	/* The descriptor's closing does not end the mapping. */
	CHECK(dat_byte_ok(p, 100));
	munmap(p, 2 * PG);
	munmap(q, PG);
}

static void
t_file_private_write(void)
{
	char buf[16], *p;
	int fd = open(DAT, O_RDONLY);

	p = mmap(NULL, 2 * PG, RW, MAP_PRIVATE, fd, 0);
	CHECK(p != MAP_FAILED);
	if (p == MAP_FAILED)
		return;
	CHECK(dat_byte_ok(p, 10));
	p[10] = '!';
	p[PG + 10] = '?';
	CHECK(p[10] == '!' && dat_byte_ok(p, 11) && p[PG + 10] == '?');
	/* The file is as it was, and so is a new mapping of it. */
	CHECK(lseek(fd, 10, SEEK_SET) == 10 && read(fd, buf, 1) == 1 &&
	    buf[0] == 'a' + 10);
	CHECK(in_child(child_writes, p) && p[0] == 'a');
	munmap(p, 2 * PG);
	p = mmap(NULL, PG, PROT_READ, MAP_SHARED, fd, 0);
	CHECK(p != MAP_FAILED && dat_byte_ok(p, 10));
	munmap(p, PG);
	close(fd);
}

static void
t_file_past_end(void)
{
	int fd = open(DAT, O_RDONLY);
	char *p, *q;

	p = mmap(NULL, 4 * PG, PROT_READ, MAP_SHARED, fd, 0);
	q = mmap(NULL, 2 * PG, RW, MAP_PRIVATE, fd, PG);
	close(fd);
	CHECK(p != MAP_FAILED && q != MAP_FAILED);
	if (p == MAP_FAILED || q == MAP_FAILED)
		return;
	CHECK(touch(p + PG + 10, false, NULL) == 0);
	CHECK(faults(p + 2 * PG, false, SIGBUS, BUS_OBJERR));
	CHECK(faults(p + 4 * PG - 1, false, SIGBUS, BUS_OBJERR));
	/* Copy on write does not make the missing page exist. */
	q[0] = 'w';
	CHECK(faults(q + PG, false, SIGBUS, BUS_OBJERR));
	CHECK(faults(q + PG, true, SIGBUS, BUS_OBJERR));
	munmap(p, 4 * PG);
	munmap(q, 2 * PG);
}

/* ---- MAP_STACK ---- */

static void
t_map_stack(void)
{
	char *s;

	CHECK_ERR(mmap(NULL, 16 * PG, PROT_READ, MAP_STACK | MAP_PRIVATE, -1, 0),
	    EINVAL);
	CHECK_ERR(mmap(NULL, 16 * PG, RW, MAP_STACK | MAP_PRIVATE, 0, 0), EINVAL);
	CHECK_ERR(mmap(NULL, PG, RW, MAP_STACK | MAP_PRIVATE, -1, 0), EINVAL);
	s = mmap(NULL, 64 * PG, RW, MAP_STACK | MAP_PRIVATE, -1, 0);
	CHECK(s != MAP_FAILED);
	if (s == MAP_FAILED)
		return;
	/* The top is there; below, the stack grows down to one page of
	   guard above the bottom. */
	CHECK(touch(s + 64 * PG - 1, true, NULL) == 0);
	CHECK(touch(s + PG, true, NULL) == 0 && s[PG] == 0);
	CHECK(faults(s, false, SIGSEGV, SEGV_MAPERR));
	CHECK(munmap(s, 64 * PG) == 0);
}

int
main(void)
{
	run_here("mmap", "MAP_ANON|MAP_PRIVATE is zero-filled, page-aligned, "
	    "writable; MAP_ANONYMOUS too", t_anon);
	run_here("mmap", "EINVAL: len 0, no or both sharing flags, unknown "
	    "flag or prot, MAP_ANON with fd or offset, unaligned or negative "
	    "offset, unaligned MAP_FIXED, MAP_EXCL without MAP_FIXED", t_bad_args);
	run_here("mmap", "ENOMEM: no room for len, MAP_FIXED outside the "
	    "address space", t_no_room);
	run_here("mmap", "MAP_FIXED replaces what was there; "
	    "MAP_EXCL ENOMEM over a mapping, which stays", t_fixed_replaces);
	run_here("mmap", "a free hint is used as it is, a hint in use gives "
	    "other space", t_hint);
	run_here("mmap", "MAP_SHARED anonymous memory is "
	    "shared with a child, MAP_PRIVATE is copied", t_shared_private_fork);
	run_here("mmap", "PROT_NONE and PROT_READ: SIGSEGV/"
	    "SEGV_ACCERR on the access they forbid", t_protection_faults);
	run_here("mmap", "MAP_GUARD reserves a range no access may use; "
	    "EINVAL with a protection or sharing flag", t_guard);
	run_here("mmap", "munmap: EINVAL unaligned, len 0, outside; an "
	    "unmapped range is fine; then SIGSEGV/SEGV_MAPERR", t_munmap);
	run_here("mmap", "fd: EBADF, ENODEV (pipe, directory, /dev/null), "
	    "EACCES (write-only fd, shared write of a read-only fd), "
	    "EOVERFLOW", t_fd_errors);
	run_here("mmap", "/dev/zero: MAP_PRIVATE zeros copied at fork, "
	    "MAP_SHARED zeros shared, any offset", t_dev_zero);
	run_here("mmap", "initrd file: the bytes of the file from the "
	    "offset, zeros after its end in the last page", t_file_contents);
	run_here("mmap", "initrd file MAP_PRIVATE|PROT_WRITE: "
	    "writes are private, the file unchanged", t_file_private_write);
	run_here("mmap", "R66 a page wholly past the end of the file: "
	    "SIGBUS/BUS_OBJERR, also through a private copy", t_file_past_end);
	run_here("mmap", "MAP_STACK: EINVAL without PROT_READ|PROT_WRITE, "
	    "with an fd, of one page; grows down to a guard page", t_map_stack);
	return (done_testing());
}
