/*
 * devpager_test.c - device memory mapped through the device pager's
 * fake pages (issue 7, SEMANTICS 2.K: R59-R64, I-P4, I-P5, I-O1): the
 * first touch makes one fake page and later touches reuse it (R59);
 * mlock of a device mapping wires the PTEs and no page (R60); munlock
 * never goes through the physical address, so the ordinary RAM page
 * behind /dev/devtest keeps its wire count (R61, PR kern/29915); a fake
 * page's wire count stays 1 through any number of mlock/munlock cycles
 * (R62 decision); open/mmap/mlock/fork/exit/munmap/close cycles give
 * every page back (R63); MAP_PRIVATE is EINVAL and a write mapping of a
 * read-only descriptor EACCES (R64); /dev/fb0's geometry and mapping.
 *
 * Counters: fake pages are vm.stats.vm.v_wire_device (alive), never in
 * vm.stats.vm.v_wire_count, which counts RAM (I-P4).  /dev/devtest's
 * ioctl DEVTEST_GETINFO shows its object's fake pages and their wire
 * counts and the wire counts of the RAM pages behind it (sys/devtest.h).
 *
 * Runs as root (both devices are mode 0600).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/devtest.h>
#include <sys/fbio.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/sysctl.h>
#include <sys/wait.h>
#include <sys/_kinfo_proc.h>
#include <sys/_kinfo_vmentry.h>
#include <time.h>
#include <unistd.h>

#include "lib/utest.h"

#define PAGE	4096UL
#define NPAGES	DEVTEST_PAGES
#define CYCLES	1000		/* R63 */
#define NCOUNTERS (sizeof(counter_names) / sizeof(counter_names[0]))

static unsigned long
fake_pages(void)
{
	return (sysctl_ulong("vm.stats.vm.v_wire_device"));
}

/* I-P4: v_wire_count is the RAM reasons' sum, without the fake pages. */
static int
wire_count_is_ram_only(void)
{
	return (sysctl_ulong("vm.stats.vm.v_wire_count") ==
	    sysctl_ulong("vm.stats.vm.v_wire_kmem") +
	    sysctl_ulong("vm.stats.vm.v_wire_pagetable") +
	    sysctl_ulong("vm.stats.vm.v_wire_kstack") +
	    sysctl_ulong("vm.stats.vm.v_wire_user") +
	    sysctl_ulong("vm.stats.vm.v_wire_system"));
}

/* The pmap's wired PTEs of this process (kern.proc.all ki_wired). */
static long
pmap_wired(void)
{
	static struct kinfo_proc kp[64];
	size_t len = sizeof(kp), i;
	pid_t me = getpid();

	if (sysctlbyname("kern.proc.all", kp, &len, NULL, 0) != 0)
		return (-1);
	for (i = 0; i < len / sizeof(kp[0]); i++)
		if (kp[i].ki_pid == me)
			return ((long)kp[i].ki_pmap_wired);
	return (-1);
}

/* This process's map entry holding `a` (kern.proc.vmmap); 0 if none. */
static int
vmentry(const volatile void *a, struct kinfo_vmentry *out)
{
	static struct kinfo_vmentry kve[128];
	size_t len = sizeof(kve), i;
	unsigned long va = (unsigned long)a;

	if (sysctlbyname("kern.proc.vmmap", kve, &len, NULL, 0) != 0)
		return (0);
	for (i = 0; i < len / sizeof(kve[0]); i++)
		if (kve[i].kve_start <= va && va < kve[i].kve_end) {
			*out = kve[i];
			return (1);
		}
	return (0);
}

static struct devtest_info
info(int fd)
{
	struct devtest_info di;

	memset(&di, 0xff, sizeof(di));
	CHECK(ioctl(fd, DEVTEST_GETINFO, &di) == 0);
	return (di);
}

/* Every RAM page behind /dev/devtest is wired once (kernel memory). */
static int
ram_wired_once(const struct devtest_info *di)
{
	int i;

	for (i = 0; i < NPAGES; i++)
		if (di->di_ram_wire[i] != 1)
			return (0);
	return (1);
}

static int
devtest_open(int flags)
{
	int fd = open("/dev/devtest", flags);

	CHECK(fd >= 0);
	return (fd);
}

static volatile char *
devtest_map(int fd, int prot)
{
	void *p = mmap(NULL, NPAGES * PAGE, prot, MAP_SHARED, fd, 0);

	CHECK(p != MAP_FAILED);
	return (p == MAP_FAILED ? NULL : p);
}

/* R59: one fake page per page touched, reused by later touches. */
static void
r59_first_fault_makes_one_fake_page(void)
{
	unsigned long fake0 = fake_pages();
	struct devtest_info di;
	volatile char *p;
	char c;
	int fd;

	fd = devtest_open(O_RDWR);
	di = info(fd);
	CHECK(di.di_mapped == 0);
	if ((p = devtest_map(fd, PROT_READ | PROT_WRITE)) == NULL)
		return;
	di = info(fd);
	CHECK(di.di_mapped == 1 && di.di_ref_count == 1 &&
	    di.di_fake_pages == 0 && di.di_resident == 0);
	c = p[0];
	(void)c;
	di = info(fd);
	CHECK(di.di_fake_pages == 1 && di.di_resident == 1);
	CHECK(di.di_fake_wire_min == 1 && di.di_fake_wire_max == 1);
	CHECK(fake_pages() == fake0 + 1);
	p[0] = 'x';
	p[100] = 'y';
	c = p[PAGE - 1];
	di = info(fd);
	CHECK(di.di_fake_pages == 1 && di.di_resident == 1);
	CHECK(fake_pages() == fake0 + 1);
	p[2 * PAGE] = 'z';
	di = info(fd);
	CHECK(di.di_fake_pages == 2 && di.di_resident == 2);
	CHECK(fake_pages() == fake0 + 2);
	CHECK(wire_count_is_ram_only());
	CHECK(ram_wired_once(&di));
	CHECK(munmap((void *)p, NPAGES * PAGE) == 0);
	di = info(fd);
	CHECK(di.di_mapped == 0 && fake_pages() == fake0);
	CHECK(close(fd) == 0);
}

/* R59: the mapping shows the device's memory (here, its RAM buffer). */
static void
r59_stores_reach_the_device(void)
{
	volatile char *p;
	char buf[8];
	int fd;

	fd = devtest_open(O_RDWR);
	if ((p = devtest_map(fd, PROT_READ | PROT_WRITE)) == NULL)
		return;
	memcpy((char *)p + PAGE + 8, "fakepg", 7);
	CHECK(lseek(fd, PAGE + 8, SEEK_SET) == (off_t)(PAGE + 8));
	CHECK(read(fd, buf, 7) == 7 && strcmp(buf, "fakepg") == 0);
	memset((char *)p + PAGE + 8, 0, 7);
	CHECK(munmap((void *)p, NPAGES * PAGE) == 0);
	CHECK(close(fd) == 0);
}

/* R59 I-P4: two mappings, two processes: the same fake pages. */
static void
r59_mappings_share_the_fake_pages(void)
{
	volatile char *p, *q;
	struct devtest_info di;
	int fd, status;
	pid_t pid;

	fd = devtest_open(O_RDWR);
	if ((p = devtest_map(fd, PROT_READ | PROT_WRITE)) == NULL ||
	    (q = devtest_map(fd, PROT_READ)) == NULL)
		return;
	p[3 * PAGE] = 'S';
	CHECK(q[3 * PAGE] == 'S');
	di = info(fd);
	CHECK(di.di_ref_count == 2 && di.di_fake_pages == 1);
	if ((pid = fork()) == 0)
		_exit(p[3 * PAGE] == 'S' && q[3 * PAGE] == 'S' ? 0 : 1);
	CHECK(pid > 0 && waitpid(pid, &status, 0) == pid &&
	    WIFEXITED(status) && WEXITSTATUS(status) == 0);
	di = info(fd);
	CHECK(di.di_ref_count == 2 && di.di_fake_pages == 1);
	p[3 * PAGE] = 0;
	CHECK(munmap((void *)p, NPAGES * PAGE) == 0);
	CHECK(munmap((void *)q, NPAGES * PAGE) == 0);
	CHECK(close(fd) == 0);
}

/* R60: mlock wires the PTEs, no page; v_wire_count does not move. */
static void
r60_mlock_wires_ptes_not_pages(void)
{
	unsigned long wired0, user0, uwc0, fake0;
	struct kinfo_vmentry kve;
	struct devtest_info di;
	volatile char *p;
	long pw0;
	int fd, i;

	fd = devtest_open(O_RDWR);
	if ((p = devtest_map(fd, PROT_READ | PROT_WRITE)) == NULL)
		return;
	for (i = 0; i < NPAGES; i++)
		(void)p[i * PAGE];
	wired0 = sysctl_ulong("vm.stats.vm.v_wire_count");
	user0 = sysctl_ulong("vm.stats.vm.v_wire_user");
	uwc0 = sysctl_ulong("vm.stats.vm.v_user_wire_count");
	fake0 = fake_pages();
	pw0 = pmap_wired();
	CHECK(mlock((void *)p, NPAGES * PAGE) == 0);
	CHECK(pmap_wired() == pw0 + NPAGES);
	CHECK(sysctl_ulong("vm.stats.vm.v_wire_count") == wired0);
	CHECK(sysctl_ulong("vm.stats.vm.v_wire_user") == user0);
	CHECK(sysctl_ulong("vm.stats.vm.v_user_wire_count") ==
	    uwc0 + NPAGES);
	CHECK(fake_pages() == fake0);
	di = info(fd);
	CHECK(di.di_fake_pages == NPAGES && di.di_fake_wire_min == 1 &&
	    di.di_fake_wire_max == 1);
	CHECK(vmentry(p, &kve) && kve.kve_type == KVME_TYPE_DEVICE &&
	    kve.kve_wired_count == 1 &&
	    (kve.kve_flags & KVME_FLAG_USER_WIRED) != 0 &&
	    kve.kve_resident == NPAGES);
	p[5] = 'w';				/* no fault needed: wired */
	CHECK(munlock((void *)p, NPAGES * PAGE) == 0);
	CHECK(pmap_wired() == pw0);
	CHECK(sysctl_ulong("vm.stats.vm.v_wire_count") == wired0);
	CHECK(sysctl_ulong("vm.stats.vm.v_user_wire_count") == uwc0);
	p[5] = 0;
	CHECK(munmap((void *)p, NPAGES * PAGE) == 0);
	CHECK(close(fd) == 0);
}

/* R60: mlock of a device mapping never touched faults every page in. */
static void
r60_mlock_faults_the_device_in(void)
{
	unsigned long fake0 = fake_pages();
	struct devtest_info di;
	volatile char *p;
	int fd;

	fd = devtest_open(O_RDWR);
	if ((p = devtest_map(fd, PROT_READ | PROT_WRITE)) == NULL)
		return;
	CHECK(mlock((void *)p, NPAGES * PAGE) == 0);
	di = info(fd);
	CHECK(di.di_fake_pages == NPAGES && di.di_fake_wire_max == 1);
	CHECK(fake_pages() == fake0 + NPAGES);
	CHECK(wire_count_is_ram_only());
	/* munmap of a wired device mapping unwires it first (R45, R63). */
	CHECK(munmap((void *)p, NPAGES * PAGE) == 0);
	CHECK(fake_pages() == fake0);
	CHECK(close(fd) == 0);
}

/* R60: mlockall and munlockall over a device mapping. */
static void
r60_mlockall_covers_device_mappings(void)
{
	unsigned long user0;
	struct devtest_info di;
	volatile char *p;
	int fd;

	fd = devtest_open(O_RDWR);
	if ((p = devtest_map(fd, PROT_READ | PROT_WRITE)) == NULL)
		return;
	user0 = sysctl_ulong("vm.stats.vm.v_wire_user");
	CHECK(mlockall(MCL_CURRENT) == 0);
	di = info(fd);
	CHECK(di.di_fake_pages == NPAGES && di.di_fake_wire_min == 1 &&
	    di.di_fake_wire_max == 1 && ram_wired_once(&di));
	CHECK(munlockall() == 0);
	di = info(fd);
	CHECK(di.di_fake_wire_min == 1 && di.di_fake_wire_max == 1 &&
	    ram_wired_once(&di));
	CHECK(sysctl_ulong("vm.stats.vm.v_wire_user") == user0);
	CHECK(munmap((void *)p, NPAGES * PAGE) == 0);
	CHECK(close(fd) == 0);
}

/*
 * R61 (PR kern/29915): the device's pages are ordinary RAM, wired once
 * as kernel memory.  Unwiring through the physical address would find
 * those vm_pages and drop their wiring (a panic under INVARIANTS);
 * unwiring through the objects leaves them at 1.
 */
static void
r61_munlock_leaves_the_ram_page_alone(void)
{
	struct devtest_info di;
	volatile char *p;
	int fd, i;

	fd = devtest_open(O_RDWR);
	di = info(fd);
	CHECK(ram_wired_once(&di));
	if ((p = devtest_map(fd, PROT_READ | PROT_WRITE)) == NULL)
		return;
	CHECK(mlock((void *)p, NPAGES * PAGE) == 0);
	di = info(fd);
	CHECK(ram_wired_once(&di));
	CHECK(munlock((void *)p, NPAGES * PAGE) == 0);
	di = info(fd);
	CHECK(ram_wired_once(&di));
	for (i = 0; i < 10; i++) {
		CHECK(mlock((void *)(p + PAGE), PAGE) == 0);
		CHECK(munlock((void *)(p + PAGE), PAGE) == 0);
	}
	CHECK(mlock((void *)p, NPAGES * PAGE) == 0);
	CHECK(munmap((void *)p, NPAGES * PAGE) == 0);
	di = info(fd);
	CHECK(ram_wired_once(&di) && di.di_mapped == 0);
	CHECK(close(fd) == 0);
}

/* R62: wire count 1 however many times the mapping is (un)wired. */
static void
r62_fake_page_wire_count_stays_1(void)
{
	unsigned long fake0 = fake_pages();
	struct devtest_info di;
	volatile char *p;
	int fd, i, bad = 0;

	fd = devtest_open(O_RDWR);
	if ((p = devtest_map(fd, PROT_READ | PROT_WRITE)) == NULL)
		return;
	for (i = 0; i < 100; i++) {
		if (mlock((void *)p, NPAGES * PAGE) != 0)
			bad++;
		di = info(fd);
		if (di.di_fake_wire_min != 1 || di.di_fake_wire_max != 1)
			bad++;
		if (munlock((void *)p, NPAGES * PAGE) != 0)
			bad++;
		di = info(fd);
		if (di.di_fake_pages != NPAGES || di.di_fake_wire_min != 1 ||
		    di.di_fake_wire_max != 1)
			bad++;
	}
	CHECK(bad == 0);
	CHECK(fake_pages() == fake0 + NPAGES);
	CHECK(munmap((void *)p, NPAGES * PAGE) == 0);
	CHECK(close(fd) == 0);
}

/* Every counter the runner checks, the caches set apart as it does. */
struct counters {
	unsigned long	v[8];
};

static const char *const counter_names[] = {
	"vm.stats.vm.v_free_count", "vm.stats.vm.v_wire_kmem",
	"vm.stats.vm.v_wire_pagetable", "vm.stats.vm.v_wire_kstack",
	"vm.stats.vm.v_wire_user", "vm.stats.vm.v_wire_system",
	"vm.stats.vm.v_wire_device", "vm.stats.vm.v_user_wire_count",
};

static struct counters
counters(void)
{
	unsigned long cache = sysctl_ulong("vm.stats.vm.v_cache_kmem");
	struct counters c;
	size_t i;

	for (i = 0; i < NCOUNTERS; i++)
		c.v[i] = sysctl_ulong(counter_names[i]);
	c.v[0] += cache;
	c.v[1] -= cache;
	return (c);
}

static int
counters_equal(const struct counters *a, const struct counters *b)
{
	size_t i;
	int same = 1;

	for (i = 0; i < NCOUNTERS; i++)
		if (a->v[i] != b->v[i]) {
			fprintf(stderr, "%s: %lu, was %lu\n", counter_names[i],
			    b->v[i], a->v[i]);
			same = 0;
		}
	return (same);
}

/*
 * R63: CYCLES rounds of open, mmap, touch, mlock, fork (the child sees
 * the same page, then exits), munmap of the wired mapping, close.  The
 * object dies each round with its fake pages; every counter is back.
 */
static void
r63_cycles_give_everything_back(void)
{
	struct counters before, after;
	struct devtest_info di;
	struct timespec t0, t1;
	volatile char *p;
	int fd, i, status, bad = 0;
	pid_t pid;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	/* One round first: uma's slabs for what a round uses exist. */
	before = counters();
	for (i = 0; i <= CYCLES; i++) {
		if (i == 1)
			before = counters();
		if ((fd = open("/dev/devtest", O_RDWR)) < 0) {
			bad++;
			break;
		}
		p = mmap(NULL, NPAGES * PAGE, PROT_READ | PROT_WRITE,
		    MAP_SHARED, fd, 0);
		if (p == MAP_FAILED) {
			bad++;
			close(fd);
			break;
		}
		p[0] = (char)i;
		if (mlock((void *)p, NPAGES * PAGE) != 0)
			bad++;
		if ((pid = fork()) == 0)
			_exit(p[0] == (char)i && p[PAGE] == 0 ? 0 : 1);
		if (pid < 0 || waitpid(pid, &status, 0) != pid ||
		    !WIFEXITED(status) || WEXITSTATUS(status) != 0)
			bad++;
		p[0] = 0;
		if (munmap((void *)p, NPAGES * PAGE) != 0 || close(fd) != 0)
			bad++;
	}
	CHECK(bad == 0);
	after = counters();
	CHECK(counters_equal(&before, &after));
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("# R63: %d cycles in %ld ms of guest time\n", CYCLES,
	    (long)(t1.tv_sec - t0.tv_sec) * 1000 +
	    (t1.tv_nsec - t0.tv_nsec) / 1000000);
	fd = devtest_open(O_RDONLY);
	di = info(fd);
	CHECK(di.di_mapped == 0 && ram_wired_once(&di));
	close(fd);
}

/* R64: shared only; a write mapping needs a descriptor open to write. */
static void
r64_devtest_errors(void)
{
	void *p;
	int fd;

	fd = devtest_open(O_RDWR);
	CHECK_ERR(mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, fd, 0), EINVAL);
	CHECK_ERR(mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd,
	    0), EINVAL);
	CHECK_ERR(mmap(NULL, (NPAGES + 1) * PAGE, PROT_READ, MAP_SHARED, fd,
	    0), ENXIO);
	CHECK_ERR(mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, NPAGES * PAGE),
	    ENXIO);
	/* Nor may fork copy it on write. */
	p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	CHECK(p != MAP_FAILED);
	CHECK_ERR(minherit(p, PAGE, INHERIT_COPY), EINVAL);
	CHECK(minherit(p, PAGE, INHERIT_NONE) == 0);
	CHECK(munmap(p, PAGE) == 0);
	close(fd);
	fd = devtest_open(O_RDONLY);
	CHECK_ERR(mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0),
	    EACCES);
	CHECK_ERR(mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, fd, 0), EINVAL);
	p = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, 0);
	CHECK(p != MAP_FAILED);
	CHECK_ERR(mprotect(p, PAGE, PROT_READ | PROT_WRITE), EACCES);
	CHECK(munmap(p, PAGE) == 0);
	close(fd);
}

/* /dev/fb0: the geometry the boot loader gave, and its errors. */
static void
fb0_geometry(void)
{
	struct devtest_info di;
	struct fbtype ft;
	unsigned int pitch = 0;
	int fd;

	CHECK((fd = open("/dev/fb0", O_RDWR)) >= 0);
	memset(&ft, 0, sizeof(ft));
	CHECK(ioctl(fd, FBIOGTYPE, &ft) == 0);
	CHECK(ioctl(fd, FBIO_GETLINEWIDTH, &pitch) == 0);
	printf("# /dev/fb0: type %d, %dx%d, depth %d, pitch %u, %d bytes\n",
	    ft.fb_type, ft.fb_width, ft.fb_height, ft.fb_depth, pitch,
	    ft.fb_size);
	CHECK(ft.fb_type == FBTYPE_VISE_LINEAR ||
	    ft.fb_type == FBTYPE_VISE_EGA_TEXT);
	CHECK(ft.fb_width > 0 && ft.fb_height > 0 && ft.fb_depth > 0);
	CHECK(pitch >= (unsigned int)ft.fb_width * (unsigned int)ft.fb_depth /
	    8);
	CHECK(ft.fb_size == (int)pitch * ft.fb_height);
	if (ft.fb_type == FBTYPE_VISE_EGA_TEXT)
		CHECK(ft.fb_depth == 16 && pitch == 2U * ft.fb_width);
	CHECK_ERR(ioctl(fd, DEVTEST_GETINFO, &di), ENOTTY);
	close(fd);
}

/*
 * /dev/fb0 mapped (R59 on real device memory, not RAM): a store is
 * read back, mlock moves no counter of RAM (R60), and the fake pages go
 * with the mapping (R63).  R64's errors.
 */
static void
fb0_map(void)
{
	unsigned long fake0 = fake_pages(), wired0;
	volatile unsigned char *p;
	long pw0;
	struct fbtype ft;
	size_t size, off;
	unsigned char old;
	int fd;

	CHECK((fd = open("/dev/fb0", O_RDWR)) >= 0);
	memset(&ft, 0, sizeof(ft));
	CHECK(ioctl(fd, FBIOGTYPE, &ft) == 0);
	size = ((size_t)ft.fb_size + PAGE - 1) & ~(PAGE - 1);
	CHECK_ERR(mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0), EINVAL);
	CHECK_ERR(mmap(NULL, size + PAGE, PROT_READ, MAP_SHARED, fd, 0),
	    ENXIO);
	p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	CHECK(p != MAP_FAILED);
	if (p == MAP_FAILED)
		return;
	/* The last byte: a text cell's attribute, or a pixel's. */
	off = (size_t)ft.fb_size - 1;
	old = p[off];
	p[off] = (unsigned char)(old ^ 0x07);
	CHECK(p[off] == (unsigned char)(old ^ 0x07));
	p[off] = old;
	CHECK(fake_pages() == fake0 + 1);
	/*
	 * Locking part of a large mapping clips its entry (kernel memory
	 * may grow): no page is wired for the user, and the PTE is.
	 */
	wired0 = sysctl_ulong("vm.stats.vm.v_wire_user");
	pw0 = pmap_wired();
	CHECK(mlock((void *)p, PAGE) == 0);
	CHECK(sysctl_ulong("vm.stats.vm.v_wire_user") == wired0);
	CHECK(pmap_wired() == pw0 + 1);
	CHECK(wire_count_is_ram_only());
	CHECK(munlock((void *)p, PAGE) == 0);
	CHECK(pmap_wired() == pw0);
	CHECK(wire_count_is_ram_only());
	CHECK(munmap((void *)p, size) == 0);
	CHECK(fake_pages() == fake0);
	close(fd);
	CHECK((fd = open("/dev/fb0", O_RDONLY)) >= 0);
	CHECK_ERR(mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0),
	    EACCES);
	close(fd);
}

int
main(void)
{
	run_in_child("devpager", "R59 the first touch of a device page makes "
	    "one fake page, later touches reuse it",
	    r59_first_fault_makes_one_fake_page);
	run_in_child("devpager", "R59 stores through the mapping reach the "
	    "device's memory", r59_stores_reach_the_device);
	run_in_child("devpager", "R59 I-P4 mappings in two processes share "
	    "the device's fake pages", r59_mappings_share_the_fake_pages);
	run_in_child("devpager", "R60 I-P4 mlock of a device mapping: "
	    "pmap-wired +n, v_wire_count unchanged",
	    r60_mlock_wires_ptes_not_pages);
	run_in_child("devpager", "R60 R63 mlock faults a device mapping in; "
	    "munmap of it frees the fake pages",
	    r60_mlock_faults_the_device_in);
	run_in_child("devpager", "R60 R62 mlockall and munlockall over a "
	    "device mapping", r60_mlockall_covers_device_mappings);
	run_in_child("devpager", "R61 I-O1 I-P5 munlock of a device mapping over "
	    "wired RAM leaves the RAM page's wire count (kern/29915)",
	    r61_munlock_leaves_the_ram_page_alone);
	run_in_child("devpager", "R62 100 mlock/munlock cycles: every fake "
	    "page's wire count is still 1", r62_fake_page_wire_count_stays_1);
	run_in_child("devpager", "R63 1000 open/mmap/mlock/fork/exit/munmap/"
	    "close cycles: every counter back", r63_cycles_give_everything_back);
	run_in_child("devpager", "R64 /dev/devtest: MAP_PRIVATE EINVAL, "
	    "write mapping of a read-only descriptor EACCES, past the end "
	    "ENXIO, minherit(INHERIT_COPY) EINVAL", r64_devtest_errors);
	run_in_child("devpager", "/dev/fb0 geometry: FBIOGTYPE and "
	    "FBIO_GETLINEWIDTH", fb0_geometry);
	run_in_child("devpager", "R59 R60 R64 /dev/fb0 mapped: store read "
	    "back, mlock, errors", fb0_map);
	return (done_testing());
}
