/*
 * wired_ops_test.c - what the other memory calls do to wired memory
 * (issue 7, SEMANTICS 2.I and 2.J): fork of locked mappings (R49 a
 * read-only private file mapping, R50 MAP_SHARED, R51 INHERIT_ZERO and
 * INHERIT_NONE), mprotect (R53 never changes wiring, R54 adding write
 * copies at once, R55 errors), msync (R56 MS_INVALIDATE is EBUSY),
 * madvise (R57 leaves wired pages alone) and truncation under a wired
 * MAP_SHARED mapping of a tmpfs file or a shm object (R58, FreeBSD's
 * mlock__truncate_and_unlock, mlock__truncate_and_resize and the part
 * of mlock__superpage_fault that applies without superpages).  R52
 * (COW of a wired page by a debugger's write) is wired_cow_test.
 *
 * Observables: kern.proc.vmmap (an entry's wired count, its wired
 * PTEs, resident pages), the counters vm.stats.vm.v_user_wire_count
 * (virtual pages) and v_wire_user (physical pages), ru_minflt, mincore,
 * and at the end the R47 wire audit (debug.vm_wire_audit).
 *
 * Runs as root, as a child of the runner.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/sysctl.h>
#include <sys/wait.h>
#include <sys/_kinfo_vmentry.h>
#include <unistd.h>

#include "lib/utest.h"

#define PAGE	4096UL

/* The R47 audit's violations (-1: could not read it). */
static int
wire_audit(void)
{
	size_t len = sizeof(int);
	int bad;

	if (sysctlbyname("debug.vm_wire_audit", &bad, &len, NULL, 0) != 0)
		return (-1);
	return (bad);
}

/*
 * The map entry of process `pid` (0: this one) holding `addr`, into
 * *kve; 0, or -1 if the address is not mapped or the map unreadable.
 */
static int
entry_of(int pid, const void *addr, struct kinfo_vmentry *kve)
{
	struct kinfo_vmentry *all;
	unsigned long va = (unsigned long)addr;
	char name[64];
	size_t len, i;
	int found = -1;

	if (pid == 0)
		snprintf(name, sizeof(name), "kern.proc.vmmap");
	else
		snprintf(name, sizeof(name), "kern.proc.vmmap.%d", pid);
	if (sysctlbyname(name, NULL, &len, NULL, 0) != 0)
		return (-1);
	len += 8 * sizeof(*all);
	if ((all = malloc(len)) == NULL)
		return (-1);
	if (sysctlbyname(name, all, &len, NULL, 0) == 0)
		for (i = 0; i < len / sizeof(*all); i++)
			if (all[i].kve_start <= va && va < all[i].kve_end) {
				*kve = all[i];
				found = 0;
				break;
			}
	free(all);
	return (found);
}

/* The entry's wired count and wired PTEs are `wc` and `wired`. */
static int
wiring_is(int pid, const void *addr, int wc, int wired)
{
	struct kinfo_vmentry kve;

	if (entry_of(pid, addr, &kve) != 0)
		return (0);
	if (kve.kve_wired_count != wc || kve.kve_wired != wired)
		printf("# %p: wired count %d, wired PTEs %d (want %d, %d)\n",
		    addr, kve.kve_wired_count, kve.kve_wired, wc, wired);
	return (kve.kve_wired_count == wc && kve.kve_wired == wired);
}

static char *
anon(size_t pages, int prot, int flags)
{
	char *p;

	p = mmap(NULL, pages * PAGE, prot, MAP_ANON | flags, -1, 0);
	return (p == MAP_FAILED ? NULL : p);
}

/* A tmpfs file of `pages` pages whose first bytes are "abcd"; -1. */
static int
tmpfile_of(size_t pages)
{
	char path[] = "/tmp/wired_opsXXXXXX";
	int fd;

	if ((fd = mkstemp(path)) < 0)
		return (-1);
	unlink(path);
	if (write(fd, "abcd", 4) != 4 || ftruncate(fd, pages * PAGE) != 0) {
		close(fd);
		return (-1);
	}
	return (fd);
}

/*
 * R49: the parent locks a read-only private file mapping, a child
 * reads it and exits; the parent's munlock then succeeds and every
 * counter comes back.  Once for tmpfs, once for an initrd file.
 */
static void
r49_one(const char *what, int fd, size_t pages, char first)
{
	unsigned long u0 = uwire(), w0 = pwire();
	char name[128];
	char *p;
	pid_t pid;

	p = mmap(NULL, pages * PAGE, PROT_READ, MAP_PRIVATE, fd, 0);
	snprintf(name, sizeof(name), "R49 %s: mlock of a read-only private "
	    "file mapping", what);
	ok(p != MAP_FAILED && mlock(p, pages * PAGE) == 0 && p[0] == first &&
	    uwire() == u0 + pages, name);
	if (p == MAP_FAILED)
		return;
	fflush(stdout);
	if ((pid = fork()) == 0)
		_exit(p[0] == first && wiring_is(0, p, 0, 0) ? 0 : 1);
	snprintf(name, sizeof(name), "R49 %s: the child reads it, unwired",
	    what);
	ok(reap(pid) == 0, name);
	snprintf(name, sizeof(name), "R49 %s: after the child exits the "
	    "parent is still wired", what);
	ok(wiring_is(0, p, 1, (int)pages), name);
	snprintf(name, sizeof(name), "R49 %s: parent munlock after the "
	    "child exits: 0, counters back", what);
	ok(munlock(p, pages * PAGE) == 0 && uwire() == u0 && pwire() == w0 &&
	    wiring_is(0, p, 0, 0), name);
	munmap(p, pages * PAGE);
}

static void
t_r49(void)
{
	int fd;

	if ((fd = tmpfile_of(2)) < 0) {
		ok(0, "R49 a tmpfs file");
		return;
	}
	r49_one("tmpfs", fd, 2, 'a');
	close(fd);
	if ((fd = open("/bin/sh", O_RDONLY)) < 0) {
		ok(0, "R49 open /bin/sh");
		return;
	}
	r49_one("initrd", fd, 1, 0x7f);		/* "\177ELF" */
	close(fd);
}

/*
 * R50: MAP_SHARED anonymous memory locked in the parent: the child's
 * entry has wired count 0 and no wired PTE, though it maps the same
 * (wired) pages; the parent's munlock leaves the child's data alone.
 */
static void
t_r50(void)
{
	unsigned long u0 = uwire(), w0 = pwire();
	int tochild[2], toparent[2];
	char *p, c = 0;
	pid_t pid;

	p = anon(2, PROT_READ | PROT_WRITE, MAP_SHARED);
	if (p == NULL || pipe(tochild) != 0 || pipe(toparent) != 0) {
		ok(0, "R50 a shared mapping and pipes");
		return;
	}
	memset(p, 0x5a, 2 * PAGE);
	ok(mlock(p, 2 * PAGE) == 0 && pwire() == w0 + 2 &&
	    wiring_is(0, p, 1, 2), "R50 parent locks 2 shared pages");
	fflush(stdout);
	if ((pid = fork()) == 0) {
		int bad = 0;

		/* Touch both pages: mapped in the child, not wired. */
		bad |= p[0] != 0x5a || p[PAGE] != 0x5a;
		bad |= !wiring_is(0, p, 0, 0);
		write(toparent[1], "1", 1);
		read(tochild[0], &c, 1);	/* parent unlocked */
		bad |= p[0] != 0x5a || p[PAGE + 7] != 0x5a;
		bad |= !wiring_is(0, p, 0, 0);
		p[1] = 0x6b;			/* shared: the parent sees it */
		_exit(bad ? 1 : 0);
	}
	read(toparent[0], &c, 1);
	ok(wiring_is(pid, p, 0, 0), "R50 the child's entry: wired count 0, "
	    "no wired PTE (kern.proc.vmmap of the child)");
	ok(wiring_is(0, p, 1, 2) && pwire() == w0 + 2,
	    "R50 the pages stay wired once, through the parent's entry");
	ok(munlock(p, 2 * PAGE) == 0 && uwire() == u0 && pwire() == w0,
	    "R50 parent munlock: 0, counters back");
	write(tochild[1], "1", 1);
	ok(reap(pid) == 0, "R50 the child's data survives the parent's "
	    "munlock, still unwired");
	ok(p[1] == 0x6b, "R50 the child's write shows in the parent");
	munmap(p, 2 * PAGE);
	close(tochild[0]), close(tochild[1]);
	close(toparent[0]), close(toparent[1]);
}

/*
 * R51: minherit(INHERIT_ZERO) on a locked range gives the child zeros,
 * unwired; INHERIT_NONE leaves the range out of the child.
 */
static void
t_r51(void)
{
	unsigned long u0 = uwire(), w0 = pwire();
	char *z, *n;
	pid_t pid;

	z = anon(2, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	n = anon(1, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	if (z == NULL || n == NULL) {
		ok(0, "R51 two mappings");
		return;
	}
	memset(z, 0x11, 2 * PAGE);
	memset(n, 0x22, PAGE);
	ok(mlock(z, 2 * PAGE) == 0 && mlock(n, PAGE) == 0 &&
	    minherit(z, 2 * PAGE, INHERIT_ZERO) == 0 &&
	    minherit(n, PAGE, INHERIT_NONE) == 0,
	    "R51 lock both, minherit ZERO and NONE");
	fflush(stdout);
	if ((pid = fork()) == 0) {
		struct kinfo_vmentry kve;
		unsigned char v;
		int bad = 0;

		bad |= z[0] != 0 || z[PAGE + 100] != 0;
		bad |= !wiring_is(0, z, 0, 0);
		bad |= entry_of(0, n, &kve) == 0;
		bad |= mincore(n, PAGE, (char *)&v) != -1 || errno != ENOMEM;
		_exit(bad ? 1 : 0);
	}
	ok(reap(pid) == 0, "R51 child: INHERIT_ZERO reads 0 with wired "
	    "count 0, INHERIT_NONE is not mapped");
	ok(z[0] == 0x11 && n[0] == 0x22 && wiring_is(0, z, 1, 2) &&
	    wiring_is(0, n, 1, 1), "R51 the parent keeps its data and wiring");
	ok(munlock(z, 2 * PAGE) == 0 && munlock(n, PAGE) == 0 &&
	    uwire() == u0 && pwire() == w0, "R51 munlock: 0, counters back");
	munmap(z, 2 * PAGE);
	munmap(n, PAGE);
}

/*
 * R53: mprotect never changes wiring: NONE removes the PTEs (the wired
 * PTE count drops) but the entry and the pages stay wired; RW again
 * re-enters wired PTEs at the next touch; munlock puts all back.
 */
static void
t_r53(void)
{
	unsigned long u0 = uwire(), w0 = pwire();
	char *p;

	if ((p = anon(2, PROT_READ | PROT_WRITE, MAP_PRIVATE)) == NULL) {
		ok(0, "R53 a mapping");
		return;
	}
	memset(p, 0x33, 2 * PAGE);
	ok(mlock(p, 2 * PAGE) == 0 && wiring_is(0, p, 1, 2),
	    "R53 mlock of 2 RW pages");
	ok(mprotect(p, 2 * PAGE, PROT_NONE) == 0 && wiring_is(0, p, 1, 0) &&
	    uwire() == u0 + 2 && pwire() == w0 + 2,
	    "R53 mprotect NONE: still wired (count 1, pages wired), no PTE");
	ok(mprotect(p, 2 * PAGE, PROT_READ | PROT_WRITE) == 0 &&
	    p[0] == 0x33 && p[PAGE] == 0x33 && wiring_is(0, p, 1, 2),
	    "R53 mprotect RW: data intact, PTEs re-entered wired");
	p[1] = 0x44;
	ok(mprotect(p, PAGE, PROT_READ) == 0 && wiring_is(0, p, 1, 1) &&
	    wiring_is(0, p + PAGE, 1, 1) && uwire() == u0 + 2,
	    "R53 mprotect READ of one page clips, both halves wired");
	ok(munlock(p, 2 * PAGE) == 0 && uwire() == u0 && pwire() == w0 &&
	    wiring_is(0, p, 0, 0) && wiring_is(0, p + PAGE, 0, 0) &&
	    p[1] == 0x44, "R53 munlock: 0, counters and PTEs back");
	munmap(p, 2 * PAGE);
}

/*
 * R54: adding write to a user-wired private file mapping resolves the
 * copy at once: the writes after mprotect take no fault, the file does
 * not change.  (Vise copies already at wiring time, I-E7.)
 */
static void
t_r54(void)
{
	unsigned long u0 = uwire(), w0 = pwire();
	char buf[4], *p;
	long f0;
	int fd;

	if ((fd = tmpfile_of(2)) < 0) {
		ok(0, "R54 a tmpfs file");
		return;
	}
	p = mmap(NULL, 2 * PAGE, PROT_READ, MAP_PRIVATE, fd, 0);
	ok(p != MAP_FAILED && mlock(p, 2 * PAGE) == 0 &&
	    mprotect(p, 2 * PAGE, PROT_READ | PROT_WRITE) == 0,
	    "R54 mlock a read-only private file mapping, mprotect RW");
	if (p == MAP_FAILED) {
		close(fd);
		return;
	}
	f0 = minflt();
	p[0] = 'X';
	p[PAGE] = 'Y';
	ok(minflt() == f0, "R54 writes after mprotect take no fault");
	ok(wiring_is(0, p, 1, 2), "R54 the entry is still wired, 2 wired "
	    "PTEs");
	ok(read_at(fd, buf, 4, 0) == 4 && memcmp(buf, "abcd", 4) == 0 &&
	    p[1] == 'b', "R54 the file is unchanged, the write private");
	ok(munlock(p, 2 * PAGE) == 0 && uwire() == u0 && pwire() == w0,
	    "R54 munlock: 0, counters back");
	munmap(p, 2 * PAGE);
	close(fd);
}

/* R55: mprotect's errors leave a wired mapping as it was. */
static void
t_r55(void)
{
	unsigned long u0 = uwire();
	char *p, *q;
	int fd;

	/* A shared mapping of the initrd can never be writable. */
	fd = open("/bin/sh", O_RDONLY);
	p = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, 0);
	ok(p != MAP_FAILED && mlock(p, PAGE) == 0,
	    "R55 mlock a read-only shared mapping");
	if (p == MAP_FAILED) {
		close(fd);
		return;
	}
	fails(mprotect(p, PAGE, PROT_READ | PROT_WRITE), EACCES,
	    "R55 mprotect beyond the maximum protection: EACCES");
	ok(wiring_is(0, p, 1, 1) && uwire() == u0 + 1,
	    "R55 after EACCES: still wired, counters unchanged");
	fails(mprotect(p + 1, PAGE, PROT_READ), EINVAL,
	    "R55 mprotect of an unaligned address: EINVAL");
	q = anon(1, PROT_READ, MAP_PRIVATE);
	munmap(q, PAGE);
	fails(mprotect(q, PAGE, PROT_NONE), ENOMEM,
	    "R55 mprotect of an unmapped range: ENOMEM");
	ok(munlock(p, PAGE) == 0 && uwire() == u0, "R55 munlock: 0");
	munmap(p, PAGE);
	close(fd);
}

/* R56: msync(MS_INVALIDATE) of locked memory is EBUSY, the rest 0. */
static void
t_r56(void)
{
	unsigned long u0 = uwire();
	char *p, *f;
	int fd;

	p = anon(2, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	fd = tmpfile_of(1);
	f = fd < 0 ? MAP_FAILED : mmap(NULL, PAGE, PROT_READ | PROT_WRITE,
	    MAP_SHARED, fd, 0);
	if (p == NULL || f == MAP_FAILED) {
		ok(0, "R56 two mappings");
		return;
	}
	memset(p, 0x56, 2 * PAGE);
	f[10] = 'z';
	ok(mlock(p, 2 * PAGE) == 0 && mlock(f, PAGE) == 0,
	    "R56 mlock anonymous and shared file memory");
	fails(msync(p, 2 * PAGE, MS_INVALIDATE), EBUSY,
	    "R56 msync(MS_INVALIDATE) of locked anonymous memory: EBUSY");
	fails(msync(f, PAGE, MS_INVALIDATE), EBUSY,
	    "R56 msync(MS_INVALIDATE) of a locked file mapping: EBUSY");
	fails(msync(p + PAGE, PAGE, MS_SYNC | MS_INVALIDATE), EBUSY,
	    "R56 MS_SYNC|MS_INVALIDATE of one locked page: EBUSY");
	ok(msync(p, 2 * PAGE, MS_SYNC) == 0 &&
	    msync(p, 2 * PAGE, MS_ASYNC) == 0 && msync(f, PAGE, MS_SYNC) == 0,
	    "R56 MS_SYNC and MS_ASYNC of locked memory: 0");
	ok(p[0] == 0x56 && f[10] == 'z' && wiring_is(0, p, 1, 2) &&
	    wiring_is(0, f, 1, 1), "R56 data and wiring unchanged");
	ok(munlock(p, 2 * PAGE) == 0 && munlock(f, PAGE) == 0 &&
	    msync(p, 2 * PAGE, MS_INVALIDATE) == 0 &&
	    msync(f, PAGE, MS_INVALIDATE) == 0,
	    "R56 after munlock msync(MS_INVALIDATE): 0");
	ok(p[0] == 0x56 && f[10] == 'z' && uwire() == u0,
	    "R56 data intact, counters back");
	munmap(p, 2 * PAGE);
	munmap(f, PAGE);
	close(fd);
}

/* All `n` pages at p are resident (mincore). */
static int
resident(const char *p, size_t n)
{
	char vec[16];
	size_t i;

	if (n > sizeof(vec) || mincore((void *)p, n * PAGE, vec) != 0)
		return (0);
	for (i = 0; i < n; i++)
		if ((vec[i] & MINCORE_INCORE) == 0)
			return (0);
	return (1);
}

/*
 * R57: madvise DONTNEED, FREE and WILLNEED over locked memory: the
 * data stay, the pages stay resident, mapped and wired (no fault).
 */
static void
t_r57(void)
{
	static const struct {
		int advice;
		const char *name;
	} adv[] = {
		{ MADV_DONTNEED, "DONTNEED" },
		{ MADV_FREE, "FREE" },
		{ MADV_WILLNEED, "WILLNEED" },
	};
	unsigned long u0 = uwire(), w0 = pwire();
	char name[128], *p;
	long f0;
	size_t i;

	if ((p = anon(4, PROT_READ | PROT_WRITE, MAP_PRIVATE)) == NULL) {
		ok(0, "R57 a mapping");
		return;
	}
	memset(p, 0x57, 4 * PAGE);
	ok(mlock(p, 4 * PAGE) == 0, "R57 mlock 4 pages");
	for (i = 0; i < sizeof(adv) / sizeof(adv[0]); i++) {
		snprintf(name, sizeof(name), "R57 madvise(%s) of locked "
		    "memory: 0", adv[i].name);
		ok(madvise(p, 4 * PAGE, adv[i].advice) == 0, name);
		f0 = minflt();
		snprintf(name, sizeof(name), "R57 after %s: data intact, "
		    "resident, still wired, no fault", adv[i].name);
		ok(p[0] == 0x57 && p[3 * PAGE + 9] == 0x57 &&
		    resident(p, 4) && wiring_is(0, p, 1, 4) &&
		    pwire() == w0 + 4 && minflt() == f0, name);
	}
	ok(munlock(p, 4 * PAGE) == 0 && uwire() == u0 && pwire() == w0,
	    "R57 munlock: 0, counters back");
	munmap(p, 4 * PAGE);
}

/* A descriptor of `pages` pages: a tmpfs file (shm false) or SHM_ANON. */
static int
object_of(bool shm, size_t pages)
{
	int fd;

	if (!shm)
		return (tmpfile_of(pages));
	if ((fd = shm_open(SHM_ANON, O_RDWR, 0600)) < 0)
		return (-1);
	if (ftruncate(fd, pages * PAGE) != 0) {
		close(fd);
		return (-1);
	}
	return (fd);
}

/*
 * R58 (FreeBSD mlock__truncate_and_unlock): truncate the object under
 * a wired MAP_SHARED mapping, then munlock: 0, counters back.
 */
static void
r58_unlock(bool shm)
{
	const char *what = shm ? "shm" : "tmpfs";
	unsigned long u0 = uwire(), w0 = pwire();
	char name[128], *p;
	int fd;

	if ((fd = object_of(shm, 2)) < 0) {
		ok(0, "R58 an object");
		return;
	}
	p = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	snprintf(name, sizeof(name), "R58 %s: mlock a 2-page shared "
	    "mapping, truncate to 0: the pages leave the PTEs, stay wired",
	    what);
	ok(p != MAP_FAILED && mlock(p, 2 * PAGE) == 0 &&
	    ftruncate(fd, 0) == 0 && wiring_is(0, p, 1, 0) &&
	    pwire() == w0 + 2, name);
	snprintf(name, sizeof(name), "R58 %s: munlock after truncation: 0, "
	    "counters back", what);
	ok(p != MAP_FAILED && munlock(p, 2 * PAGE) == 0 && uwire() == u0 &&
	    pwire() == w0, name);
	if (p != MAP_FAILED)
		munmap(p, 2 * PAGE);
	close(fd);
}

/*
 * R58 (FreeBSD mlock__truncate_and_resize): fill the wired mapping,
 * truncate to 0 and back: the mapping reads zeros; munlock: 0.
 */
static void
r58_resize(bool shm)
{
	const char *what = shm ? "shm" : "tmpfs";
	unsigned long u0 = uwire(), w0 = pwire();
	char name[128], buf[8], *p;
	size_t i;
	int fd, zeros = 1;

	if ((fd = object_of(shm, 1)) < 0) {
		ok(0, "R58 an object");
		return;
	}
	p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (p == MAP_FAILED || mlock(p, PAGE) != 0) {
		ok(0, "R58 mlock a shared mapping");
		close(fd);
		return;
	}
	memset(p, 1, PAGE);
	snprintf(name, sizeof(name), "R58 %s: truncate to 0 and back to a "
	    "page under a wired mapping", what);
	ok(ftruncate(fd, 0) == 0 && ftruncate(fd, PAGE) == 0, name);
	for (i = 0; i < PAGE; i++)
		zeros &= p[i] == 0;
	snprintf(name, sizeof(name), "R58 %s: the wired mapping reads "
	    "zeros, and so does read(2)", what);
	ok(zeros && read_at(fd, buf, sizeof(buf), 100) == sizeof(buf) &&
	    memcmp(buf, "\0\0\0\0\0\0\0\0", 8) == 0, name);
	/*
	 * FreeBSD's mlock__superpage_fault checks that this fault may
	 * map a wired superpage; Vise has 4 KiB pages only, so what is
	 * left is that the fault maps the old wired page, wired.
	 */
	snprintf(name, sizeof(name), "R58 %s: the fault after re-extending "
	    "maps the page with a wired PTE (no superpages in Vise)", what);
	ok(wiring_is(0, p, 1, 1) && pwire() == w0 + 1, name);
	p[5] = 'w';
	snprintf(name, sizeof(name), "R58 %s: a write shows in the file; "
	    "munlock: 0, counters back", what);
	ok(read_at(fd, buf, 1, 5) == 1 && buf[0] == 'w' &&
	    munlock(p, PAGE) == 0 && uwire() == u0 && pwire() == w0, name);
	munmap(p, PAGE);
	close(fd);
}

/*
 * R58: a touch of a wired mapping past the end of its truncated object
 * is SIGBUS, and leaves the wiring as it was.
 */
static void
r58_sigbus(void)
{
	unsigned long u0 = uwire(), w0 = pwire();
	char *p;
	pid_t pid;
	int fd, st;

	if ((fd = object_of(false, 1)) < 0) {
		ok(0, "R58 an object");
		return;
	}
	p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	fflush(stdout);
	if ((pid = fork()) == 0) {
		if (p == MAP_FAILED || mlock(p, PAGE) != 0 ||
		    ftruncate(fd, 0) != 0)
			_exit(1);
		*(volatile char *)p = 1;
		_exit(2);
	}
	st = reap(pid);
	ok(st == 128 + SIGBUS, "R58 a touch past the truncated end of a "
	    "wired mapping: SIGBUS");
	ok(uwire() == u0 && pwire() == w0, "R58 the killed process's wiring "
	    "is gone");
	if (p != MAP_FAILED)
		munmap(p, PAGE);
	close(fd);
}

int
main(void)
{
	t_r49();
	t_r50();
	t_r51();
	t_r53();
	t_r54();
	t_r55();
	t_r56();
	t_r57();
	r58_unlock(false);
	r58_unlock(true);
	r58_resize(false);
	r58_resize(true);
	r58_sigbus();
	ok(wire_audit() == 0, "R47 wire audit (debug.vm_wire_audit): 0 "
	    "violations");
	return (done_testing());
}
