/*
 * sysctl_test.c - the sysctl system calls, __sysctlbyname,
 * __sysctl_next and __sysctl_type, done right and done wrong (issue
 * 5): ENOENT for names that do not exist, EPERM for setting a value
 * that is not settable (or, for one that is, by a user other than
 * root), EINVAL for a new value not the size of an int, ENOMEM for a buffer too small, EINVAL without a
 * length, ENAMETOOLONG for a name of 128 bytes or more, and EFAULT for
 * every pointer argument (unmapped, and in the kernel's part of the
 * address space).  The bad names go to the system call stubs directly:
 * libc's wrappers take the name's strlen first.
 *
 * Prints TAP; exits 0 only if every result passed.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/sysctl.h>
#include <unistd.h>

#include "lib/utest.h"

#define NAMELEN		128	/* the kernel's limit, with the NUL */

int	__sys___sysctlbyname(const char *name, size_t namelen, void *old,
	    size_t *oldlenp, const void *new, size_t newlen);
int	__sys___sysctl_next(const char *name, size_t namelen, char *buf,
	    size_t buflen);
int	__sys___sysctl_type(const char *name, size_t namelen);

static void
t_sysctlbyname(void)
{
	char buf[32], long_name[NAMELEN + 8];
	size_t len = sizeof(buf);
	int v = 0;

	ok(sysctlbyname("kern.ostype", buf, &len, NULL, 0) == 0 &&
	    len == 5 && strcmp(buf, "Vise") == 0,
	    "sysctlbyname: kern.ostype is \"Vise\", 5 bytes");
	len = 0;
	ok(sysctlbyname("hw.machine", NULL, &len, NULL, 0) == 0 &&
	    len == strlen(sizeof(void *) == 8 ? "amd64" : "i386") + 1,
	    "sysctlbyname: without a buffer, the size of the value");
	len = sizeof(v);
	ok(sysctlbyname("hw.pagesize", &v, &len, NULL, 0) == 0 &&
	    len == sizeof(int) && v == 4096, "sysctlbyname: hw.pagesize");
	len = sizeof(buf);
	fails(sysctlbyname("kern.nothere", buf, &len, NULL, 0), ENOENT,
	    "sysctlbyname: ENOENT on a name that does not exist");
	fails(sysctlbyname("kern.ostype", NULL, NULL, "Unix", 5), EPERM,
	    "sysctlbyname: EPERM on setting a value");
	fails(sysctlbyname("kern.nothere", NULL, NULL, "x", 2), ENOENT,
	    "sysctlbyname: ENOENT on setting a name that does not exist");
	len = 2;
	fails(sysctlbyname("kern.ostype", buf, &len, NULL, 0), ENOMEM,
	    "sysctlbyname: ENOMEM on a buffer too small");
	fails(sysctlbyname("kern.ostype", buf, NULL, NULL, 0), EINVAL,
	    "sysctlbyname: EINVAL without a length");
	memset(long_name, 'k', NAMELEN);
	long_name[NAMELEN] = '\0';
	len = sizeof(buf);
	fails(sysctlbyname(long_name, buf, &len, NULL, 0), ENAMETOOLONG,
	    "sysctlbyname: ENAMETOOLONG on a name of 128 bytes");
	fails(__sys___sysctlbyname(unmapped, 11, buf, &len, NULL, 0), EFAULT,
	    "sysctlbyname: EFAULT on an unmapped name");
	fails(__sys___sysctlbyname(kernel_addr(), 11, buf, &len, NULL, 0),
	    EFAULT, "sysctlbyname: EFAULT on a name at a kernel address");
	len = sizeof(buf);
	fails(sysctlbyname("kern.ostype", unmapped, &len, NULL, 0), EFAULT,
	    "sysctlbyname: EFAULT on an unmapped buffer");
	fails(sysctlbyname("kern.ostype", kernel_addr(), &len, NULL, 0),
	    EFAULT, "sysctlbyname: EFAULT on a kernel buffer");
	fails(sysctlbyname("kern.ostype", buf, unmapped, NULL, 0), EFAULT,
	    "sysctlbyname: EFAULT on an unmapped length");
	fails(sysctlbyname("kern.ostype", buf, kernel_addr(), NULL, 0),
	    EFAULT, "sysctlbyname: EFAULT on a kernel length");
}

static void
t_sysctl_next(void)
{
	char buf[NAMELEN], prev[NAMELEN];
	int n = 0, sorted = 1;

	/* Walk them all: sorted, and ENOENT after the last. */
	prev[0] = '\0';
	while (sysctl_next(prev, buf, sizeof(buf)) == 0 && n < 10000) {
		sorted &= strcmp(prev, buf) < 0;
		strcpy(prev, buf);
		n++;
	}
	ok(n > 5 && sorted && errno == ENOENT,
	    "sysctl_next: walks every name in order, then ENOENT");
	fails(sysctl_next(prev, buf, sizeof(buf)), ENOENT,
	    "sysctl_next: ENOENT after the last name");
	fails(sysctl_next("", buf, 2), ENOMEM,
	    "sysctl_next: ENOMEM on a buffer too small");
	fails(sysctl_next("", unmapped, sizeof(buf)), EFAULT,
	    "sysctl_next: EFAULT on an unmapped buffer");
	fails(sysctl_next("", kernel_addr(), sizeof(buf)), EFAULT,
	    "sysctl_next: EFAULT on a kernel buffer");
	fails(__sys___sysctl_next(unmapped, 4, buf, sizeof(buf)), EFAULT,
	    "sysctl_next: EFAULT on an unmapped name");
	fails(__sys___sysctl_next(kernel_addr(), 4, buf, sizeof(buf)), EFAULT,
	    "sysctl_next: EFAULT on a name at a kernel address");
	fails(__sys___sysctl_next("kern", NAMELEN, buf, sizeof(buf)),
	    ENAMETOOLONG, "sysctl_next: ENAMETOOLONG on a name of 128 bytes");
}

static void
t_sysctl_type(void)
{
	ok(sysctl_type("kern.ostype") == SYSCTL_STRING &&
	    sysctl_type("kern.hz") == SYSCTL_INT &&
	    sysctl_type("vm.stats.vm.v_free_count") == SYSCTL_ULONG,
	    "sysctl_type: a string, an int and an unsigned long");
	fails(sysctl_type("kern.nothere"), ENOENT,
	    "sysctl_type: ENOENT on a name that does not exist");
	fails(__sys___sysctl_type(unmapped, 4), EFAULT,
	    "sysctl_type: EFAULT on an unmapped name");
	fails(__sys___sysctl_type(kernel_addr(), 4), EFAULT,
	    "sysctl_type: EFAULT on a name at a kernel address");
	fails(__sys___sysctl_type("kern.ostype", NAMELEN), ENAMETOOLONG,
	    "sysctl_type: ENAMETOOLONG on a name of 128 bytes");
}

#define ON_PANIC	"debug.debugger_on_panic"

/* Root sets a settable int; the old value comes back; then restored. */
static void
set_as_root(void)
{
	int old, v, one = 1;
	size_t len = sizeof(old);

	CHECK(sysctlbyname(ON_PANIC, &old, &len, NULL, 0) == 0);
	len = sizeof(v);
	CHECK(sysctlbyname(ON_PANIC, &v, &len, &one, sizeof(one)) == 0 &&
	    v == old);
	len = sizeof(v);
	CHECK(sysctlbyname(ON_PANIC, &v, &len, NULL, 0) == 0 && v == 1);
	CHECK(sysctlbyname(ON_PANIC, NULL, NULL, &old, sizeof(old)) == 0);
	len = sizeof(v);
	CHECK(sysctlbyname(ON_PANIC, &v, &len, NULL, 0) == 0 && v == old);
	CHECK_ERR(sysctlbyname(ON_PANIC, NULL, NULL, &one, 2), EINVAL);
	CHECK_ERR(sysctlbyname("kern.hz", NULL, NULL, &one, sizeof(one)),
	    EPERM);
}

/* A user other than root may not set it. */
static void
set_as_user(void)
{
	int one = 1;

	CHECK(setuid(1000) == 0);
	CHECK_ERR(sysctlbyname(ON_PANIC, NULL, NULL, &one, sizeof(one)),
	    EPERM);
}

int
main(void)
{
	t_sysctlbyname();
	run_here("sysctlbyname", "root sets " ON_PANIC ", reads back the "
	    "old and new values, restores it; EINVAL for a new value of 2 "
	    "bytes, EPERM for kern.hz", set_as_root);
	run_in_child("sysctlbyname", "EPERM setting " ON_PANIC " as uid "
	    "1000", set_as_user);
	t_sysctl_next();
	t_sysctl_type();
	return (done_testing());
}
