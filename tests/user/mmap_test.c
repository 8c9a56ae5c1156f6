/*
 * mmap_test.c - mmap and munmap of anonymous memory, done right and
 * done wrong (issue 5): what private and shared memory look like across
 * a fork, MAP_FIXED, rounding, and the errors: EINVAL for a zero
 * length, bad sharing, protection and flag bits, an offset or a
 * MAP_FIXED address that is not page aligned or not in user space;
 * EBADF and ENODEV for file mappings (there are none yet); ENOMEM for
 * what cannot fit; munmap's EINVAL.
 *
 * Prints TAP; exits 0 only if every result passed.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define PAGE	4096
#define RW	(PROT_READ | PROT_WRITE)
#define ANON	(MAP_PRIVATE | MAP_ANON)

static int results, failures;

/* Print one TAP result. */
static void
ok(int cond, const char *name)
{
	printf("%sok %d - %s\n", cond ? "" : "not ", ++results, name);
	if (!cond)
		failures++;
}

/*
 * A result that is known not to hold yet (todo: why): a failure is
 * printed with TAP's "# TODO" directive and is not counted.
 */
static void
ok_todo(int cond, const char *name, const char *todo)
{
	if (cond)
		ok(cond, name);
	else
		printf("not ok %d - %s # TODO %s\n", ++results, name, todo);
}

/* mmap must have failed with errno `want`. */
static void
map_fails(void *ret, int want, const char *name)
{
	int error = errno;

	ok(ret == MAP_FAILED && error == want, name);
	if (ret != MAP_FAILED)
		munmap(ret, PAGE);
	if (ret != MAP_FAILED || error != want)
		printf("# returned %p, errno %d (%s); want MAP_FAILED, %s\n",
		    ret, error, strerror(error), strerror(want));
}

/* A result that must be -1 with errno `want`. */
static void
fails(long ret, int want, const char *name)
{
	int error = errno;

	ok(ret == -1 && error == want, name);
	if (ret != -1 || error != want)
		printf("# returned %ld, errno %d (%s); want -1, %s\n", ret,
		    error, strerror(error), strerror(want));
}

/* An address in the kernel's part of the address space. */
static void *
kernel_addr(void)
{
	return ((void *)(unsigned long)(sizeof(void *) == 8 ?
	    (unsigned long)0xffffffff80000000ULL : 0xc0000000UL));
}

/* Whether every byte of [p, p + len) is zero. */
static int
all_zero(const char *p, size_t len)
{
	while (len-- > 0)
		if (*p++ != 0)
			return (0);
	return (1);
}

/* Fresh anonymous memory is zero and keeps what is written. */
static void
t_private(void)
{
	char *p = mmap(NULL, 2 * PAGE, RW, ANON, -1, 0);

	ok(p != MAP_FAILED && ((unsigned long)p & (PAGE - 1)) == 0 &&
	    all_zero(p, 2 * PAGE), "mmap: anonymous memory, page aligned, "
	    "all zero");
	if (p == MAP_FAILED)
		return;
	memset(p, 'x', 2 * PAGE);
	ok(p[0] == 'x' && p[2 * PAGE - 1] == 'x',
	    "mmap: anonymous memory keeps what is written");
	ok(munmap(p, 2 * PAGE) == 0, "munmap: a whole mapping");
}

/* A length that is not a page multiple maps whole pages. */
static void
t_rounding(void)
{
	char *p = mmap(NULL, 10, RW, ANON, -1, 0);

	ok(p != MAP_FAILED && all_zero(p, PAGE),
	    "mmap: a 10-byte length maps the whole page");
	if (p != MAP_FAILED) {
		p[PAGE - 1] = 1;
		ok(munmap(p, 10) == 0, "munmap: a 10-byte length unmaps the "
		    "page");
	}
}

/* MAP_FIXED: exactly there, replacing what was. */
static void
t_fixed(void)
{
	char *p = mmap(NULL, 3 * PAGE, RW, ANON, -1, 0), *q;

	if (p == MAP_FAILED) {
		ok(0, "mmap: MAP_FIXED: a first mapping");
		return;
	}
	memset(p, 'x', 3 * PAGE);
	q = mmap(p + PAGE, PAGE, RW, ANON | MAP_FIXED, -1, 0);
	ok(q == p + PAGE && all_zero(q, PAGE) && p[0] == 'x' &&
	    p[2 * PAGE] == 'x',
	    "mmap: MAP_FIXED replaces one page, exactly there, with zeros");
	munmap(p, 3 * PAGE);
}

/* Without MAP_FIXED the address is a hint; one in the kernel is moved. */
static void
t_hint(void)
{
	char *p = mmap(kernel_addr(), PAGE, RW, ANON, -1, 0);

	ok(p != MAP_FAILED && (unsigned long)p < (unsigned long)kernel_addr(),
	    "mmap: a kernel address as a hint gets user memory");
	if (p != MAP_FAILED) {
		p[0] = 1;
		munmap(p, PAGE);
	}
}

/*
 * After a fork, MAP_SHARED memory is the same for both processes and
 * MAP_PRIVATE memory is each one's own: the child writes to both.
 */
static void
t_fork_sharing(void)
{
	char *s = mmap(NULL, PAGE, RW, MAP_SHARED | MAP_ANON, -1, 0);
	char *p = mmap(NULL, PAGE, RW, ANON, -1, 0);
	int status = -1;
	pid_t pid;

	if (s == MAP_FAILED || p == MAP_FAILED) {
		ok(0, "mmap: shared and private memory for a fork");
		return;
	}
	s[0] = p[0] = 'p';
	fflush(stdout);
	if ((pid = fork()) == 0) {
		s[0] = p[0] = 'c';
		_exit(0);
	}
	waitpid(pid, &status, 0);
	ok(WIFEXITED(status) && s[0] == 'c',
	    "mmap: MAP_SHARED: the child's write shows in the parent");
	ok(p[0] == 'p', "mmap: MAP_PRIVATE: the child's write is its own");
	munmap(s, PAGE);
	munmap(p, PAGE);
}

/* After munmap, touching the page is SIGSEGV (in a child). */
static void
t_gone(void)
{
	char *volatile p = mmap(NULL, PAGE, RW, ANON, -1, 0);
	int status = -1;
	pid_t pid;

	if (p == MAP_FAILED || munmap(p, PAGE) != 0) {
		ok(0, "munmap: the page is gone");
		return;
	}
	fflush(stdout);
	if ((pid = fork()) == 0) {
		p[0] = 1;
		_exit(0);
	}
	waitpid(pid, &status, 0);
	ok(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV,
	    "munmap: touching the page afterwards is SIGSEGV");
	ok(munmap(p, PAGE) == 0,
	    "munmap: a range with nothing mapped in it is fine");
}

static void
t_mmap_einval(void)
{
	char *volatile p;

	map_fails(mmap(NULL, 0, RW, ANON, -1, 0), EINVAL,
	    "mmap: EINVAL on a zero length");
	map_fails(mmap(NULL, PAGE, RW, MAP_ANON, -1, 0), EINVAL,
	    "mmap: EINVAL on neither MAP_SHARED nor MAP_PRIVATE");
	map_fails(mmap(NULL, PAGE, RW, MAP_SHARED | ANON, -1, 0), EINVAL,
	    "mmap: EINVAL on both MAP_SHARED and MAP_PRIVATE");
	map_fails(mmap(NULL, PAGE, RW | 0x8, ANON, -1, 0), EINVAL,
	    "mmap: EINVAL on an unknown protection bit");
	map_fails(mmap(NULL, PAGE, RW, ANON | 0x20000, -1, 0), EINVAL,
	    "mmap: EINVAL on an unknown flag");
	map_fails(mmap(NULL, PAGE, RW, ANON, -1, 100), EINVAL,
	    "mmap: EINVAL on an offset that is not page aligned");
	map_fails(mmap(NULL, PAGE, RW, ANON, 0, 0), EINVAL,
	    "mmap: EINVAL on MAP_ANON with a descriptor other than -1");
	map_fails(mmap(NULL, PAGE, RW, ANON, -1, PAGE), EINVAL,
	    "mmap: EINVAL on MAP_ANON with an offset");
	p = mmap(NULL, 2 * PAGE, RW, ANON, -1, 0);
	map_fails(mmap(p + 100, PAGE, RW, ANON | MAP_FIXED, -1, 0), EINVAL,
	    "mmap: EINVAL on a MAP_FIXED address that is not page aligned");
	if (p != MAP_FAILED)
		munmap(p, 2 * PAGE);
	map_fails(mmap(kernel_addr(), PAGE, RW, ANON | MAP_FIXED, -1, 0),
	    EINVAL, "mmap: EINVAL on MAP_FIXED at a kernel address");
	map_fails(mmap(NULL, PAGE, RW, ANON | MAP_FIXED, -1, 0), EINVAL,
	    "mmap: EINVAL on MAP_FIXED at page 0");
}

/* Files cannot be mapped yet: EBADF for no descriptor, else ENODEV. */
static void
t_mmap_files(void)
{
	int fd = open("/ktest/motd", O_RDONLY);

	map_fails(mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, -1, 0), EBADF,
	    "mmap: EBADF on a file mapping of fd -1");
	map_fails(mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, fd, 0), ENODEV,
	    "mmap: ENODEV on a file (no file mappings yet)");
	close(fd);
	errno = 0;
	ok_todo(mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, fd, 0) ==
	    MAP_FAILED && errno == EBADF,
	    "mmap: EBADF on a file mapping of a closed descriptor",
	    "sys_mmap answers ENODEV for any fd >= 0");
}

static void
t_mmap_enomem(void)
{
	map_fails(mmap(NULL, (size_t)-1, RW, ANON, -1, 0), ENOMEM,
	    "mmap: ENOMEM on a length that rounds past the end");
	map_fails(mmap(NULL, (size_t)-2 * PAGE, RW, ANON, -1, 0), ENOMEM,
	    "mmap: ENOMEM on a length larger than the address space");
}

static void
t_munmap_einval(void)
{
	char *p = mmap(NULL, PAGE, RW, ANON, -1, 0);

	fails(munmap(p + 1, PAGE), EINVAL,
	    "munmap: EINVAL on an address that is not page aligned");
	fails(munmap(p, 0), EINVAL, "munmap: EINVAL on a zero length");
	fails(munmap(kernel_addr(), PAGE), EINVAL,
	    "munmap: EINVAL on a kernel address");
	fails(munmap(NULL, PAGE), EINVAL, "munmap: EINVAL on page 0");
	fails(munmap(p, (size_t)-2 * PAGE), EINVAL,
	    "munmap: EINVAL on a range past the end of user space");
	p[0] = 1;
	ok(p[0] == 1, "munmap: the failed calls left the mapping alone");
	munmap(p, PAGE);
}

int
main(void)
{
	t_private();
	t_rounding();
	t_fixed();
	t_hint();
	t_fork_sharing();
	t_gone();
	t_mmap_einval();
	t_mmap_files();
	t_mmap_enomem();
	t_munmap_einval();
	printf("1..%d\n", results);
	return (failures == 0 ? 0 : 1);
}
