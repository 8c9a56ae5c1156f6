/*
 * tmpfs_mmap_test.c - mappings of tmpfs files and shm objects (issue
 * 6's acceptance test): a temporary file mapped MAP_SHARED by two
 * processes, written through one mapping and read with read() in the
 * other; write() seen through a mapping; truncation and re-growth read
 * back zeros through read() and through the mapping; a touch past the
 * end is SIGBUS; an unlinked file stays mapped; a descriptor open only
 * for reading maps MAP_SHARED read-only (EACCES for PROT_WRITE) and
 * MAP_PRIVATE writable (the writes stay private); the same for an shm
 * object.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define PAGE	4096

static int ntests, nfailed;
static int child_failures;

static void
check(int ok, int line, const char *what)
{
	if (!ok) {
		fprintf(stderr, "tmpfs_mmap_test.c:%d: failed: %s (errno %d: "
		    "%s)\n", line, what, errno, strerror(errno));
		child_failures++;
	}
}

#define CHECK(cond)	check((cond), __LINE__, #cond)
#define CHECK_ERR(call, e)	do {					\
	errno = 0;							\
	check((long)(call) == -1 && errno == (e), __LINE__,		\
	    #call " fails with " #e);					\
} while (0)

static void
run(const char *name, void (*fn)(void))
{
	int status, ok;
	pid_t pid;

	fflush(stdout);
	fflush(stderr);
	if ((pid = fork()) == 0) {
		child_failures = 0;
		fn();
		_exit(child_failures == 0 ? 0 : 1);
	}
	ok = pid > 0 && waitpid(pid, &status, 0) == pid &&
	    WIFEXITED(status) && WEXITSTATUS(status) == 0;
	ntests++;
	if (!ok)
		nfailed++;
	printf("%sok %d - tmpfs mmap: %s\n", ok ? "" : "not ", ntests, name);
}

/* Whether `len` bytes at `off` of fd, read with read(), are all `c`. */
static int
read_is(int fd, off_t off, int c, size_t len)
{
	char buf[PAGE];
	size_t i;

	if (len > sizeof(buf) || lseek(fd, off, SEEK_SET) != off ||
	    read(fd, buf, len) != (ssize_t)len)
		return (0);
	for (i = 0; i < len; i++)
		if (buf[i] != (char)c)
			return (0);
	return (1);
}

static int
mem_is(const volatile char *p, int c, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (p[i] != (char)c)
			return (0);
	return (1);
}

/* Wait for child `pid`; whether it exited 0. */
static int
child_ok(pid_t pid)
{
	int status;

	return (pid > 0 && waitpid(pid, &status, 0) == pid &&
	    WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

/*
 * The acceptance test: two processes map a temporary file shared; one
 * writes through its mapping, the other reads with read().
 */
static void
t_two_processes(void)
{
	char path[] = "/tmp/t_mmapXXXXXX";
	char *p;
	pid_t pid;
	int fd;

	fd = mkstemp(path);
	CHECK(fd >= 0 && ftruncate(fd, 2 * PAGE) == 0);
	if ((pid = fork()) == 0) {
		/* A mapping of its own, not one inherited from the parent. */
		p = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED,
		    fd, 0);
		if (p == MAP_FAILED)
			_exit(1);
		memset(p + 100, 'c', PAGE);
		_exit(0);
	}
	CHECK(child_ok(pid));
	CHECK(read_is(fd, 0, 0, 100) && read_is(fd, 100, 'c', PAGE) &&
	    read_is(fd, 100 + PAGE, 0, PAGE - 100));
	/* And the other way: write() in this one, the mapping in a child. */
	CHECK(lseek(fd, PAGE + 10, SEEK_SET) == PAGE + 10 &&
	    write(fd, "written", 7) == 7);
	if ((pid = fork()) == 0) {
		p = mmap(NULL, 2 * PAGE, PROT_READ, MAP_SHARED, fd, 0);
		_exit(p != MAP_FAILED && memcmp(p + PAGE + 10, "written", 7)
		    == 0 ? 0 : 1);
	}
	CHECK(child_ok(pid));
	CHECK(close(fd) == 0 && unlink(path) == 0);
}

/* Truncation and re-growth read back zeros, through read() and the map. */
static void
t_truncate_zeros(void)
{
	char path[] = "/tmp/t_mmapXXXXXX";
	volatile char *p;
	int fd;

	fd = mkstemp(path);
	CHECK(fd >= 0 && ftruncate(fd, 3 * PAGE) == 0);
	p = mmap(NULL, 3 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	CHECK(p != MAP_FAILED);
	if (p == MAP_FAILED) {
		close(fd);
		unlink(path);
		return;
	}
	memset((char *)p, 'a', 3 * PAGE);
	CHECK(read_is(fd, 0, 'a', PAGE) && read_is(fd, 2 * PAGE, 'a', PAGE));
	CHECK(ftruncate(fd, 100) == 0);
	CHECK(ftruncate(fd, 3 * PAGE) == 0);
	CHECK(read_is(fd, 0, 'a', 100) && read_is(fd, 100, 0, PAGE - 100) &&
	    read_is(fd, PAGE, 0, PAGE) && read_is(fd, 2 * PAGE, 0, PAGE));
	CHECK(mem_is(p, 'a', 100) && mem_is(p + 100, 0, 3 * PAGE - 100));
	CHECK(munmap((void *)p, 3 * PAGE) == 0);
	CHECK(close(fd) == 0 && unlink(path) == 0);
}

/* A touch of a page wholly past the end is SIGBUS. */
static void
t_past_end(void)
{
	char path[] = "/tmp/t_mmapXXXXXX";
	volatile char *p;
	int fd, status;
	pid_t pid;

	fd = mkstemp(path);
	CHECK(fd >= 0 && ftruncate(fd, PAGE) == 0);
	p = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	CHECK(p != MAP_FAILED);
	if (p == MAP_FAILED) {
		close(fd);
		unlink(path);
		return;
	}
	p[PAGE - 1] = 'e';
	fflush(stderr);
	if ((pid = fork()) == 0) {
		p[PAGE] = 'x';
		_exit(0);
	}
	CHECK(pid > 0 && waitpid(pid, &status, 0) == pid &&
	    WIFSIGNALED(status) && WTERMSIG(status) == SIGBUS);
	CHECK(read_is(fd, PAGE - 1, 'e', 1));
	CHECK(munmap((void *)p, 2 * PAGE) == 0);
	CHECK(close(fd) == 0 && unlink(path) == 0);
}

/* Unlinked and closed, the file lives on in its mapping. */
static void
t_unlinked_mapped(void)
{
	char path[] = "/tmp/t_mmapXXXXXX";
	char *p;
	int fd;

	fd = mkstemp(path);
	CHECK(fd >= 0 && write(fd, "still here", 10) == 10);
	p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	CHECK(p != MAP_FAILED);
	CHECK(unlink(path) == 0 && close(fd) == 0);
	if (p == MAP_FAILED)
		return;
	CHECK(memcmp(p, "still here", 10) == 0);
	p[0] = 'S';
	CHECK(munmap(p, PAGE) == 0);
}

/* What a read-only descriptor may map. */
static void
t_protections(void)
{
	char path[] = "/tmp/t_mmapXXXXXX";
	char *p;
	int fd, ro;

	fd = mkstemp(path);
	CHECK(fd >= 0 && write(fd, "original", 8) == 8);
	ro = open(path, O_RDONLY);
	CHECK(ro >= 0);
	CHECK_ERR(mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, ro, 0),
	    EACCES);
	p = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, ro, 0);
	CHECK(p != MAP_FAILED && memcmp(p, "original", 8) == 0);
	if (p != MAP_FAILED)
		CHECK(munmap(p, PAGE) == 0);
	/* Private: writable, and the file never sees the writes. */
	p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, ro, 0);
	CHECK(p != MAP_FAILED);
	if (p != MAP_FAILED) {
		memcpy(p, "PRIVATE!", 8);
		CHECK(lseek(ro, 0, SEEK_SET) == 0);
		CHECK(read_is(ro, 0, 'o', 1));
		CHECK(munmap(p, PAGE) == 0);
	}
	/* A write-only descriptor cannot be mapped at all. */
	close(ro);
	ro = open(path, O_WRONLY);
	CHECK_ERR(mmap(NULL, PAGE, PROT_WRITE, MAP_SHARED, ro, 0), EACCES);
	CHECK(close(ro) == 0 && close(fd) == 0 && unlink(path) == 0);
}

/* An shm object mapped by two processes. */
static void
t_shm(void)
{
	char *p;
	pid_t pid;
	int fd;

	fd = shm_open("/vise_mmap_shm", O_RDWR | O_CREAT | O_EXCL, 0600);
	CHECK(fd >= 0 && ftruncate(fd, PAGE) == 0);
	p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	CHECK(p != MAP_FAILED);
	/* Unlinked while mapped: the object stays. */
	CHECK(shm_unlink("/vise_mmap_shm") == 0);
	if (p == MAP_FAILED) {
		close(fd);
		return;
	}
	if ((pid = fork()) == 0) {
		char *q = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED,
		    fd, 0);

		if (q == MAP_FAILED)
			_exit(1);
		memcpy(q + 8, "from the child", 14);
		_exit(0);
	}
	CHECK(child_ok(pid));
	CHECK(memcmp(p + 8, "from the child", 14) == 0);
	CHECK(read_is(fd, 8, 'f', 1));
	CHECK(munmap(p, PAGE) == 0 && close(fd) == 0);
	/* SHM_ANON, shared with a child through fork. */
	fd = shm_open(SHM_ANON, O_RDWR, 0600);
	CHECK(fd >= 0 && ftruncate(fd, PAGE) == 0);
	p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	CHECK(close(fd) == 0 && p != MAP_FAILED);
	if (p == MAP_FAILED)
		return;
	if ((pid = fork()) == 0) {
		p[0] = 'k';
		_exit(0);
	}
	CHECK(child_ok(pid) && p[0] == 'k');
	CHECK(munmap(p, PAGE) == 0);
}

int
main(void)
{
	run("a temp file mapped shared by two processes: written through one mapping, read() in the other, and back",
	    t_two_processes);
	run("truncation and re-growth read back zeros through read() and the mapping",
	    t_truncate_zeros);
	run("a touch past the end of the file is SIGBUS", t_past_end);
	run("an unlinked, closed file lives on in its mapping",
	    t_unlinked_mapped);
	run("a read-only descriptor: MAP_SHARED PROT_WRITE EACCES, MAP_PRIVATE writes stay private; write-only EACCES",
	    t_protections);
	run("shm: an object mapped by two processes, unlinked while mapped; SHM_ANON through fork",
	    t_shm);
	printf("1..%d\n", ntests);
	return (nfailed == 0 ? 0 : 1);
}
