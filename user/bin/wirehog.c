/*
 * wirehog - lock memory until something says no, and say what did:
 *
 *	wirehog [-m mlock|mlockall|touch|fill] [-c chunk] [-s size] [-H] [-S]
 *
 * Each round maps `chunk` bytes of anonymous memory (default 1M) and
 * locks them: with mlock (-m mlock, the default), or under
 * mlockall(MCL_CURRENT|MCL_FUTURE), called once first, so that every
 * new mapping is locked as it is made (-m mlockall; each chunk is also
 * mlocked, which changes nothing if MCL_FUTURE locked it already).  It
 * stops when `size` bytes are locked (-s; 0, the default, means no
 * size: go until refused) or at the first refusal, and prints how much
 * it locked, what stopped it and the counters:
 *
 *	wirehog: locked 4096 KiB (1024 pages) in 4 chunks
 *	wirehog: stopped by RLIMIT_MEMLOCK (mlock: Cannot allocate memory)
 *	wirehog: v_user_wire_count 1024 v_wire_user 1030 ...
 *
 * What stopped it is "size" (the -s size was reached), "RLIMIT_MEMLOCK"
 * (the process's limit would be passed), "vm.max_user_wired" (the
 * system's cap on user-wired pages would be passed), "out of memory"
 * (ENOMEM or EAGAIN with both limits clear: no page, or no address
 * space for the chunk) or "error" (anything else).  The kernel gives
 * the first three the same errno (ENOMEM, SEMANTICS R77), so wirehog
 * tells them apart by looking at the limits itself.
 *
 * -H holds what it locked: it prints "wirehog: holding" and sleeps
 * until a signal ends it (the hog of an OOM scenario).  -S stops the
 * process (SIGSTOP) before it starts, so that a test can set
 * fault-injection knobs for its pid and then SIGCONT it.  Sizes take a
 * K, M or G suffix.  Exit status 0 if it stopped by size or by a
 * limit, 1 after another error, 2 for a bad argument.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/_kinfo_vmentry.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/sysctl.h>
#include <sys/_wiretest.h>
#include <unistd.h>

#define PAGE	4096UL
#define USAGE	"usage: wirehog [-m mlock|mlockall|touch|fill] [-c chunk] " \
		"[-s size] [-H] [-S]\n"

static unsigned long
counter(const char *name)
{
	unsigned long v = 0;
	size_t len = sizeof(v);

	if (sysctlbyname(name, &v, &len, NULL, 0) != 0)
		return (0);
	return (v);
}

/* "16", "64K", "1M", "2G" -> bytes, rounded up to pages; 0 if bad. */
static unsigned long
parse_size(const char *s, int *bad)
{
	unsigned long v;
	char *end;

	errno = 0;
	v = strtoul(s, &end, 10);
	if (end == s || errno != 0) {
		*bad = 1;
		return (0);
	}
	switch (*end) {
	case 'k': case 'K':
		v <<= 10, end++;
		break;
	case 'm': case 'M':
		v <<= 20, end++;
		break;
	case 'g': case 'G':
		v <<= 30, end++;
		break;
	}
	if (*end != '\0')
		*bad = 1;
	return ((v + PAGE - 1) & ~(PAGE - 1));
}

/*
 * Bytes of this process's wired mappings (what RLIMIT_MEMLOCK is
 * checked against), from kern.proc.vmmap; with `all`, every mapped
 * byte instead (what mlockall(MCL_CURRENT) is checked against).
 */
static unsigned long long
mapped_bytes(int all)
{
	struct kinfo_vmentry *kve;
	unsigned long long sum = 0;
	size_t len, i;

	if (sysctlbyname("kern.proc.vmmap", NULL, &len, NULL, 0) != 0 ||
	    (kve = malloc(len + 16 * sizeof(*kve))) == NULL)
		return (0);
	len += 16 * sizeof(*kve);
	if (sysctlbyname("kern.proc.vmmap", kve, &len, NULL, 0) == 0)
		for (i = 0; i < len / sizeof(*kve); i++)
			if (all || kve[i].kve_wired_count > 0)
				sum += kve[i].kve_end - kve[i].kve_start;
	free(kve);
	return (sum);
}

/*
 * Which limit refused `more` bytes more (errno `err` from mlock, mmap,
 * or with `current` from mlockall(MCL_CURRENT), which asks for all).
 */
static const char *
diagnose(int err, unsigned long more, int current)
{
	struct rlimit rl;

	if (err != ENOMEM && err != EAGAIN)
		return ("error");
	if (getrlimit(RLIMIT_MEMLOCK, &rl) == 0 &&
	    rl.rlim_cur != RLIM_INFINITY &&
	    mapped_bytes(current) + (current ? 0 : more) >
	    (unsigned long long)rl.rlim_cur)
		return ("RLIMIT_MEMLOCK");
	if (counter("vm.stats.vm.v_user_wire_count") + more / PAGE >
	    counter("vm.max_user_wired"))
		return ("vm.max_user_wired");
	return ("out of memory");
}

static void
print_counters(void)
{
	struct rlimit rl;

	printf("wirehog: v_user_wire_count %lu v_wire_user %lu "
	    "max_user_wired %lu v_free_count %lu",
	    counter("vm.stats.vm.v_user_wire_count"),
	    counter("vm.stats.vm.v_wire_user"), counter("vm.max_user_wired"),
	    counter("vm.stats.vm.v_free_count"));
	if (getrlimit(RLIMIT_MEMLOCK, &rl) == 0 &&
	    rl.rlim_cur != RLIM_INFINITY)
		printf(" RLIMIT_MEMLOCK %llu\n",
		    (unsigned long long)rl.rlim_cur);
	else
		printf(" RLIMIT_MEMLOCK infinity\n");
}

/* -m fill: see above.  Returns only after the hold ended. */
static int
fill(unsigned long size)
{
	struct wiretest_hold wh;
	char *p;
	int fd;

	if (size == 0)
		size = counter("vm.stats.vm.v_page_count") * PAGE;
	if ((fd = open("/dev/wiretest", O_RDWR)) < 0) {
		perror("wirehog: /dev/wiretest");
		return (1);
	}
	p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_ANON | MAP_PRIVATE,
	    -1, 0);
	if (p == MAP_FAILED) {
		perror("wirehog: mmap");
		return (1);
	}
	memset(&wh, 0, sizeof(wh));
	wh.wh_addr = (unsigned long)p;
	wh.wh_len = size;
	wh.wh_flags = WIRETEST_F_FILL;
	printf("wirehog: filling; a signal ends it\n");
	fflush(stdout);
	if (ioctl(fd, WIRETEST_HOLD, &wh) != 0 && errno != EINTR) {
		perror("wirehog: WIRETEST_HOLD");
		return (1);
	}
	return (0);
}

/* -m touch: write every page of `n` new bytes; 0 or an errno. */
static int
touch_chunk(unsigned long n)
{
	unsigned long off;
	char *p;

	p = mmap(NULL, n, PROT_READ | PROT_WRITE, MAP_ANON | MAP_PRIVATE,
	    -1, 0);
	if (p == MAP_FAILED)
		return (errno);
	for (off = 0; off < n; off += PAGE)
		p[off] = 1;
	return (0);
}

int
main(int argc, char *argv[])
{
	unsigned long chunk = 1UL << 20, size = 0, locked = 0, n;
	const char *why = "size", *what = "";
	int i, all = 0, touch = 0, hold = 0, stop = 0, bad = 0, err = 0, nchunks = 0;
	sigset_t none;
	char *p;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-H") == 0)
			hold = 1;
		else if (strcmp(argv[i], "-S") == 0)
			stop = 1;
		else if (strcmp(argv[i], "-m") == 0 && i + 1 < argc) {
			i++;
			if (strcmp(argv[i], "mlockall") == 0)
				all = 1;
			else if (strcmp(argv[i], "touch") == 0)
				touch = 1;
			else if (strcmp(argv[i], "fill") == 0)
				touch = 2;
			else if (strcmp(argv[i], "mlock") != 0)
				bad = 1;
		} else if (strcmp(argv[i], "-c") == 0 && i + 1 < argc)
			chunk = parse_size(argv[++i], &bad);
		else if (strcmp(argv[i], "-s") == 0 && i + 1 < argc)
			size = parse_size(argv[++i], &bad);
		else
			bad = 1;
	}
	if (bad || chunk == 0) {
		fprintf(stderr, USAGE);
		return (2);
	}
	printf("wirehog: pid %d, mode %s, chunk %lu KiB, size ", getpid(),
	    touch == 2 ? "fill" : touch ? "touch" : all ? "mlockall" : "mlock",
	    chunk >> 10);
	if (size != 0)
		printf("%lu KiB\n", size >> 10);
	else
		printf("none (until refused)\n");
	fflush(stdout);
	/* After the first output: from here on only the chunks take pages. */
	if (stop)
		raise(SIGSTOP);
	if (touch == 2)
		return (fill(size));
	if (all && mlockall(MCL_CURRENT | MCL_FUTURE) != 0) {
		err = errno;
		what = "mlockall";
		why = diagnose(err, 0, 1);
	}
	while (err == 0 && (size == 0 || locked < size)) {
		n = size != 0 && size - locked < chunk ? size - locked : chunk;
		if (touch) {
			if ((err = touch_chunk(n)) != 0) {
				what = "mmap";
				why = "out of memory";
				break;
			}
			locked += n;
			nchunks++;
			continue;
		}
		p = mmap(NULL, n, PROT_READ | PROT_WRITE,
		    MAP_ANON | MAP_PRIVATE, -1, 0);
		if (p == MAP_FAILED) {
			err = errno;
			what = "mmap";
		} else if (mlock(p, n) != 0) {
			err = errno;
			what = "mlock";
			munmap(p, n);
		}
		if (err != 0) {
			why = diagnose(err, n, 0);
			break;
		}
		locked += n;
		nchunks++;
	}
	printf("wirehog: %s %lu KiB (%lu pages) in %d chunks\n",
	    touch ? "touched" : "locked", locked >> 10, locked / PAGE, nchunks);
	if (err != 0)
		printf("wirehog: stopped by %s (%s: %s)\n", why, what,
		    strerror(err));
	else
		printf("wirehog: stopped by size\n");
	print_counters();
	if (hold) {
		printf("wirehog: holding; a signal ends it\n");
		fflush(stdout);
		sigemptyset(&none);
		for (;;)
			sigsuspend(&none);
	}
	return (strcmp(why, "error") == 0 ? 1 : 0);
}
