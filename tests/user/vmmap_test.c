/*
 * vmmap_test.c - kern.proc.vmmap (issue 7, deliverable 5): a process
 * reads its own map and checks each field of the entries it made
 * (protection, max protection, inheritance, wiring, flags, type,
 * resident pages, references); reads a forked child's map (copy on
 * write, SHARE shared, ZERO kept, NONE left out); ESRCH for a zombie
 * and for a reaped pid, ENOENT for a name that is not a pid, EPERM
 * for root's process read as a user (uid 1001), while the user may
 * read its own.  Prints TAP; exits 0 if every test passed.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/sysctl.h>
#include <sys/wait.h>
#include <sys/_kinfo_vmentry.h>
#include <unistd.h>
#include "lib/utest.h"

#define PG	4096UL

/* The map of `pid` (0: "kern.proc.vmmap", the caller): entries or -1. */
static long
vmmap(int pid, struct kinfo_vmentry **kvep)
{
	struct kinfo_vmentry *kve;
	char name[64];
	size_t len;

	if (pid == 0)
		snprintf(name, sizeof(name), "kern.proc.vmmap");
	else
		snprintf(name, sizeof(name), "kern.proc.vmmap.%d", pid);
	if (sysctlbyname(name, NULL, &len, NULL, 0) != 0)
		return (-1);
	len += 8 * sizeof(*kve);
	if ((kve = malloc(len)) == NULL)
		return (-1);
	if (sysctlbyname(name, kve, &len, NULL, 0) != 0) {
		free(kve);
		return (-1);
	}
	*kvep = kve;
	return ((long)(len / sizeof(*kve)));
}

/* The entry holding address `a`, or NULL. */
static struct kinfo_vmentry *
lookup(struct kinfo_vmentry *kve, long n, const void *a)
{
	unsigned long va = (unsigned long)a;
	long i;

	for (i = 0; i < n; i++)
		if (kve[i].kve_start <= va && va < kve[i].kve_end)
			return (&kve[i]);
	return (NULL);
}

/* Entries in address order, each non-empty and page-aligned. */
static int
sorted(struct kinfo_vmentry *kve, long n)
{
	long i;

	for (i = 0; i < n; i++) {
		if (kve[i].kve_start >= kve[i].kve_end ||
		    (kve[i].kve_start & (PG - 1)) != 0 ||
		    (kve[i].kve_end & (PG - 1)) != 0)
			return (0);
		if (i > 0 && kve[i - 1].kve_end > kve[i].kve_start)
			return (0);
	}
	return (1);
}

/* The error reading `pid`'s map gives (0 if it worked). */
static int
vmmap_error(int pid)
{
	struct kinfo_vmentry *kve;

	if (vmmap(pid, &kve) < 0)
		return (errno);
	free(kve);
	return (0);
}

static int
exact(const struct kinfo_vmentry *e, const void *a, unsigned long len)
{
	return (e != NULL && e->kve_start == (unsigned long)a &&
	    e->kve_end == (unsigned long)a + len);
}

int
main(void)
{
	struct kinfo_vmentry *kve, *ckve, *e;
	char *a, *b, *c, *d;
	int p[2], status, local = 0;
	long n, n2, cn;
	pid_t pid;

	/* a: 3 pages rw, 2 touched; b: 2 pages r, SHARE; c: ---, ZERO;
	 * d: rw, NONE.  Different attributes keep them apart. */
	a = mmap(NULL, 3 * PG, PROT_READ | PROT_WRITE, MAP_ANON | MAP_PRIVATE,
	    -1, 0);
	b = mmap(NULL, 2 * PG, PROT_READ | PROT_WRITE, MAP_ANON | MAP_PRIVATE,
	    -1, 0);
	c = mmap(NULL, PG, PROT_NONE, MAP_ANON | MAP_PRIVATE, -1, 0);
	d = mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_ANON | MAP_PRIVATE,
	    -1, 0);
	if (a == MAP_FAILED || b == MAP_FAILED || c == MAP_FAILED ||
	    d == MAP_FAILED) {
		ok(0, "vmmap: mmap");
		return (done_testing());
	}
	a[0] = 1;
	a[2 * PG] = 1;
	b[0] = 2;
	d[0] = 3;
	ok(mprotect(b, 2 * PG, PROT_READ) == 0 &&
	    minherit(b, 2 * PG, INHERIT_SHARE) == 0 &&
	    minherit(c, PG, INHERIT_ZERO) == 0 &&
	    minherit(d, PG, INHERIT_NONE) == 0,
	    "vmmap: mprotect and minherit set up the regions");

	ok(sysctl_type("kern.proc.vmmap.1") == SYSCTL_OPAQUE,
	    "vmmap: kern.proc.vmmap.<pid> is a table");
	n = vmmap(0, &kve);
	ok(n > 0, "vmmap: kern.proc.vmmap reads the caller's map");
	if (n <= 0)
		return (done_testing());
	n2 = vmmap(getpid(), &ckve);
	ok(n2 == n && memcmp(kve, ckve, n * sizeof(*kve)) == 0,
	    "vmmap: kern.proc.vmmap.<own pid> is the same");
	if (n2 > 0)
		free(ckve);
	ok(sorted(kve, n), "vmmap: entries in address order, page-aligned, "
	    "apart");

	e = lookup(kve, n, a);
	ok(exact(e, a, 3 * PG), "vmmap: the rw region is one entry");
	ok(e != NULL && e->kve_protection == (KVME_PROT_READ |
	    KVME_PROT_WRITE) && (e->kve_max_protection & KVME_PROT_WRITE) &&
	    e->kve_inheritance == KVME_INHERIT_COPY,
	    "vmmap: rw region: protection rw, inheritance copy");
	/* Neighbouring anonymous mappings may share one object (its
	 * references are theirs), so only ref_count >= 1 is certain. */
	ok(e != NULL && e->kve_resident == 2 && e->kve_type ==
	    KVME_TYPE_DEFAULT && e->kve_ref_count >= 1 &&
	    e->kve_shadow_depth == 0,
	    "vmmap: rw region: 2 resident pages of an anonymous object");
	ok(e != NULL && e->kve_wired_count == 0 && (e->kve_flags &
	    (KVME_FLAG_USER_WIRED | KVME_FLAG_IN_TRANSITION |
	    KVME_FLAG_GUARD | KVME_FLAG_GROWS_DOWN)) == 0,
	    "vmmap: rw region: not wired, not in transition, no guard");

	e = lookup(kve, n, b);
	ok(exact(e, b, 2 * PG) && e->kve_protection == KVME_PROT_READ &&
	    e->kve_inheritance == KVME_INHERIT_SHARE && e->kve_resident == 1,
	    "vmmap: r region: protection r, inheritance share, 1 resident");
	e = lookup(kve, n, c);
	ok(exact(e, c, PG) && e->kve_protection == 0 &&
	    e->kve_inheritance == KVME_INHERIT_ZERO && e->kve_resident == 0,
	    "vmmap: PROT_NONE region: no protection, inheritance zero, "
	    "nothing resident");
	e = lookup(kve, n, d);
	ok(exact(e, d, PG) && e->kve_inheritance == KVME_INHERIT_NONE,
	    "vmmap: NONE region: inheritance none");
	e = lookup(kve, n, (void *)main);
	ok(e != NULL && (e->kve_protection & KVME_PROT_EXEC) &&
	    !(e->kve_protection & KVME_PROT_WRITE) && e->kve_resident > 0,
	    "vmmap: program text: r-x, resident");
	e = lookup(kve, n, &local);
	ok(e != NULL && (e->kve_flags & KVME_FLAG_GROWS_DOWN) &&
	    e->kve_protection == (KVME_PROT_READ | KVME_PROT_WRITE),
	    "vmmap: the stack: rw, grows down");

	/* A child's map, read while it waits on a pipe. */
	if (pipe(p) != 0 || (pid = fork()) < 0) {
		ok(0, "vmmap: pipe, fork");
		return (done_testing());
	}
	if (pid == 0) {
		char ch;

		close(p[1]);
		(void)read(p[0], &ch, 1);
		_exit(0);
	}
	close(p[0]);
	cn = vmmap(pid, &ckve);
	ok(cn > 0 && sorted(ckve, cn), "vmmap: a child's map");
	if (cn > 0) {
		e = lookup(ckve, cn, a);
		ok(exact(e, a, 3 * PG) && (e->kve_flags & KVME_FLAG_COW) &&
		    e->kve_inheritance == KVME_INHERIT_COPY,
		    "vmmap: child: the rw region is copy on write");
		e = lookup(ckve, cn, b);
		ok(exact(e, b, 2 * PG) && e->kve_ref_count >= 2 &&
		    e->kve_inheritance == KVME_INHERIT_SHARE,
		    "vmmap: child: the SHARE region's object is shared");
		e = lookup(ckve, cn, c);
		ok(exact(e, c, PG) && e->kve_resident == 0,
		    "vmmap: child: the ZERO region is there, empty");
		ok(lookup(ckve, cn, d) == NULL,
		    "vmmap: child: the NONE region is left out");
		free(ckve);
	}
	free(kve);
	n = vmmap(0, &kve);
	e = n > 0 ? lookup(kve, n, a) : NULL;
	ok(e != NULL && (e->kve_flags & KVME_FLAG_COW),
	    "vmmap: parent: the rw region is copy on write after fork");
	if (n > 0)
		free(kve);

	/* A zombie, then a reaped pid: ESRCH. */
	close(p[1]);
	while (vmmap_error(pid) == 0)
		usleep(10000);
	ok(vmmap_error(pid) == ESRCH, "vmmap: a zombie is ESRCH");
	ok(waitpid(pid, &status, 0) == pid, "vmmap: reap the child");
	ok(vmmap_error(pid) == ESRCH, "vmmap: a reaped pid is ESRCH");
	ok(vmmap_error(99999) == ESRCH, "vmmap: no such pid is ESRCH");
	errno = 0;
	ok(sysctlbyname("kern.proc.vmmap.x1", NULL, &(size_t){0}, NULL, 0)
	    == -1 && errno == ENOENT, "vmmap: a name that is no pid: ENOENT");

	/* As a user: root's process is EPERM, its own is readable; root
	 * reads the user's. */
	if (getuid() != 0) {
		printf("# not root: skipping the EPERM checks\n");
	} else if (pipe(p) != 0 || (pid = fork()) < 0) {
		ok(0, "vmmap: pipe, fork");
	} else if (pid == 0) {
		char bits = 0;

		close(p[0]);
		if (setuid(1001) != 0)
			bits |= 1;
		if (vmmap_error(getppid()) != EPERM)
			bits |= 2;
		if (vmmap_error(getpid()) != 0 || vmmap_error(0) != 0)
			bits |= 4;
		(void)write(p[1], &bits, 1);
		/* Stay until the parent has read this map. */
		for (;;)
			usleep(100000);
		_exit(0);
	} else {
		char bits = 7;

		close(p[1]);
		(void)read(p[0], &bits, 1);
		close(p[0]);
		ok((bits & 3) == 0, "vmmap: as uid 1001: root's process is "
		    "EPERM");
		ok((bits & 4) == 0, "vmmap: as uid 1001: its own map is "
		    "readable");
		ok(vmmap_error(pid) == 0,
		    "vmmap: root reads a process of uid 1001");
		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
	}
	munmap(a, 3 * PG);
	munmap(b, 2 * PG);
	munmap(c, PG);
	munmap(d, PG);
	return (done_testing());
}
