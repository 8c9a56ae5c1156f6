/*
 * wired_cow_test.c - a debugger's write into locked memory (SEMANTICS
 * R52) through debug.proc_poke (root's stand-in for ptrace(PT_WRITE_D),
 * kernel/sys_process.c).  FreeBSD's mlock__copy_on_write_anon and
 * mlock__copy_on_write_vnode in spirit: a child locks a read-only page
 * (anonymous memory; its own text) and waits; the parent writes the
 * same bytes into it; the child's munlock must return 0 and every
 * counter come back, with no panic.  Then what Vise adds: a different
 * value into a locked read-only private file mapping (the child sees
 * it, the file does not change, the entry stays wired with its PTE
 * wired), and the hook's errors (EPERM for a user, ESRCH, EFAULT,
 * EINVAL).  The R47 wire audit runs while the poked child is alive
 * and at the end.
 *
 * In Vise the copy the write needs was already made by mlock (I-E7);
 * the wiring's move to a copy made by the write itself is checked by
 * the kernel test r52_debugger_write_moves_the_wiring.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/sysctl.h>
#include <sys/wait.h>
#include <sys/_kinfo_vmentry.h>
#include <sys/_proc_poke.h>
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

/* Write `len` bytes into process `pid` at `addr`: 0 or -1 (errno). */
static int
poke(int pid, const void *addr, const void *data, size_t len)
{
	struct proc_poke *pp;
	int rv;

	if ((pp = malloc(sizeof(*pp) + len)) == NULL)
		return (-1);
	pp->pp_pid = pid;
	pp->pp_len = (unsigned)len;
	pp->pp_addr = (unsigned long)addr;
	memcpy(pp->pp_data, data, len);
	rv = sysctlbyname("debug.proc_poke", NULL, NULL, pp,
	    sizeof(*pp) + len);
	free(pp);
	return (rv);
}

/* Process `pid`'s entry at `addr`: wired count and wired PTEs. */
static int
wiring_is(int pid, const void *addr, int wc, int wired)
{
	struct kinfo_vmentry *all;
	unsigned long va = (unsigned long)addr;
	char name[64];
	size_t len, i;
	int match = 0;

	snprintf(name, sizeof(name), "kern.proc.vmmap.%d", pid);
	if (sysctlbyname(name, NULL, &len, NULL, 0) != 0)
		return (0);
	len += 8 * sizeof(*all);
	if ((all = malloc(len)) == NULL)
		return (0);
	if (sysctlbyname(name, all, &len, NULL, 0) == 0)
		for (i = 0; i < len / sizeof(*all); i++)
			if (all[i].kve_start <= va && va < all[i].kve_end) {
				match = all[i].kve_wired_count == wc &&
				    all[i].kve_wired == wired;
				if (!match)
					printf("# %p: wired count %d, wired "
					    "PTEs %d\n", addr,
					    all[i].kve_wired_count,
					    all[i].kve_wired);
				break;
			}
	free(all);
	return (match);
}

/*
 * The child locks [addr, addr + len), says so, waits for the parent's
 * word, checks that addr holds `expect` (the parent's poke) and
 * unlocks.  Its exit status: 0, or which step failed.
 */
static int
child_locks(int tochild, int toparent, char *addr, size_t len,
    unsigned char expect)
{
	char c;

	if (mlock(addr, len) != 0)
		return (1);
	if (write(toparent, "1", 1) != 1 || read(tochild, &c, 1) != 1)
		return (2);
	if ((unsigned char)addr[0] != expect)
		return (3);
	if (munlock(addr, len) != 0)
		return (4);
	return (0);
}

/*
 * One round: fork a child that locks the page at `addr`, poke `value`
 * into it (the child expects `value`), let it go.  `what` names it.
 */
static void
wired_copy_on_write(const char *what, char *addr, unsigned char value,
    const char *file, int fd)
{
	unsigned long u0 = uwire(), w0 = pwire();
	int tochild[2], toparent[2], st;
	char name[160], c, buf[4];
	pid_t pid;

	if (pipe(tochild) != 0 || pipe(toparent) != 0) {
		ok(0, "R52 pipes");
		return;
	}
	fflush(stdout);
	if ((pid = fork()) == 0)
		_exit(child_locks(tochild[0], toparent[1], addr, PAGE, value));
	if (read(toparent[0], &c, 1) != 1) {
		ok(0, "R52 the child locked the page");
		reap(pid);
		return;
	}
	snprintf(name, sizeof(name), "R52 %s: the child's page is locked "
	    "(wired count 1, PTE wired)", what);
	ok(wiring_is(pid, addr, 1, 1) && uwire() == u0 + 1 &&
	    pwire() == w0 + 1, name);
	snprintf(name, sizeof(name), "R52 %s: debug.proc_poke writes %#x "
	    "into it: 0", what, value);
	ok(poke(pid, addr, &value, 1) == 0, name);
	snprintf(name, sizeof(name), "R52 %s: after the write the entry and "
	    "its PTE are still wired, counters unchanged", what);
	ok(wiring_is(pid, addr, 1, 1) && uwire() == u0 + 1 &&
	    pwire() == w0 + 1, name);
	snprintf(name, sizeof(name), "R47 %s: wire audit with the poked "
	    "child alive: 0", what);
	ok(wire_audit() == 0, name);
	write(tochild[1], "1", 1);
	st = reap(pid);
	snprintf(name, sizeof(name), "R52 %s: the child reads the value and "
	    "its munlock returns 0 (status %d)", what, st);
	ok(st == 0, name);
	snprintf(name, sizeof(name), "R52 %s: counters back", what);
	ok(uwire() == u0 && pwire() == w0, name);
	if (file != NULL) {
		snprintf(name, sizeof(name), "R52 %s: the file is unchanged",
		    what);
		ok(read_at(fd, buf, 4, 0) == 4 && memcmp(buf, file, 4) == 0,
		    name);
	}
	close(tochild[0]), close(tochild[1]);
	close(toparent[0]), close(toparent[1]);
}

/* mlock__copy_on_write_anon: a read-only anonymous page. */
static void
t_anon(void)
{
	char *p;

	p = mmap(NULL, PAGE, PROT_READ, MAP_ANON | MAP_PRIVATE, -1, 0);
	if (p == MAP_FAILED) {
		ok(0, "R52 anon: mmap");
		return;
	}
	wired_copy_on_write("anon", p, (unsigned char)p[0], NULL, -1);
	munmap(p, PAGE);
}

/* mlock__copy_on_write_vnode: a page of this program's text. */
static void
t_text(void)
{
	char *p = (char *)((unsigned long)wired_copy_on_write & ~(PAGE - 1));

	wired_copy_on_write("text", p, (unsigned char)p[0], NULL, -1);
}

/* Vise: a different value into a read-only private tmpfs mapping. */
static void
t_private_file(void)
{
	char path[] = "/tmp/wired_cowXXXXXX";
	char *p;
	int fd;

	fd = mkstemp(path);
	if (fd < 0 || write(fd, "abcd", 4) != 4 || ftruncate(fd, PAGE) != 0) {
		ok(0, "R52 a tmpfs file");
		return;
	}
	unlink(path);
	p = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, fd, 0);
	if (p == MAP_FAILED) {
		ok(0, "R52 mmap the file");
		close(fd);
		return;
	}
	wired_copy_on_write("private file", p, 'Z', "abcd", fd);
	ok(p[0] == 'a', "R52 private file: the parent's mapping still reads "
	    "the file");
	munmap(p, PAGE);
	close(fd);
}

/* The hook's errors. */
static void
t_errors(void)
{
	struct proc_poke pp;
	char *p, *s, v = 1;
	pid_t pid;
	int fd, st;

	p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_ANON | MAP_PRIVATE,
	    -1, 0);
	munmap(p, PAGE);
	fails(poke(getpid(), p, &v, 1), EFAULT,
	    "proc_poke at an unmapped address: EFAULT");
	fd = open("/bin/sh", O_RDONLY);
	s = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, 0);
	fails(poke(getpid(), s, &v, 1), EFAULT,
	    "proc_poke into a shared mapping that can never be written: "
	    "EFAULT");
	ok(s != MAP_FAILED && s[1] == 'E', "proc_poke: the file is unchanged");
	munmap(s, PAGE);
	close(fd);
	fails(poke(getpid(), kernel_addr(), &v, 1), EFAULT,
	    "proc_poke at a kernel address: EFAULT");
	fails(poke(99998, &v, &v, 1), ESRCH,
	    "proc_poke of a process that does not exist: ESRCH");
	memset(&pp, 0, sizeof(pp));
	pp.pp_pid = getpid();
	pp.pp_len = 4;
	pp.pp_addr = (unsigned long)&v;
	fails(sysctlbyname("debug.proc_poke", NULL, NULL, &pp, sizeof(pp)),
	    EINVAL, "proc_poke with fewer bytes than pp_len: EINVAL");
	ok(poke(getpid(), &v, "\x2a", 1) == 0 && v == 0x2a,
	    "proc_poke into the caller itself: 0, the byte is there");
	fflush(stdout);
	if ((pid = fork()) == 0) {
		if (setuid(1001) != 0)
			_exit(1);
		errno = 0;
		_exit(poke(getpid(), &v, &v, 1) == -1 && errno == EPERM ?
		    0 : 2);
	}
	st = reap(pid);
	ok(st == 0, "proc_poke as a user (uid 1001): EPERM");
}

int
main(void)
{
	t_anon();
	t_text();
	t_private_file();
	t_errors();
	ok(wire_audit() == 0, "R47 wire audit (debug.vm_wire_audit): 0 "
	    "violations");
	return (done_testing());
}
