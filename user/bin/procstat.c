/*
 * procstat.c - a process's address map, FreeBSD's procstat -v:
 *
 *	procstat -v pid...
 *
 * one line per map entry (kern.proc.vmmap.<pid> through sysctl): the
 * pid, start and end addresses, protection (PRT) and the most it may
 * get (MAX), inheritance at fork (INH: sh, cp, no, zr), resident pages
 * (RES), the object's references (REF) and shadows (SHD), how many
 * objects are behind it (DEP), flags (FLAG: C copy on write, N needs a
 * copy, D grows down, W wired by mlock, T being wired or unwired), the
 * type of what it maps (TP: df anonymous, sw tmpfs or shm, kb program
 * image, dv device, ph physical, sp the shared page, dd dead, gd
 * guard, -- nothing yet), its wiring count (WIRED: the user's mlock,
 * 0 or 1, plus the system's wirings) and its pages mapped by wired PTEs
 * (WPG).  Exits 1 if a pid could not be read.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sysctl.h>
#include <sys/_kinfo_vmentry.h>

/* The entries of process `pid` into *kvep; their number, or -1. */
static long
vmmap(const char *pid, struct kinfo_vmentry **kvep)
{
	struct kinfo_vmentry *kve = NULL;
	char name[64];
	size_t len;
	int tries;

	snprintf(name, sizeof(name), "kern.proc.vmmap.%s", pid);
	/* The map may grow between asking its size and reading it. */
	for (tries = 0; tries < 5; tries++) {
		if (sysctlbyname(name, NULL, &len, NULL, 0) != 0)
			break;
		len += 8 * sizeof(*kve);
		free(kve);
		if ((kve = malloc(len)) == NULL)
			break;
		if (sysctlbyname(name, kve, &len, NULL, 0) == 0) {
			*kvep = kve;
			return ((long)(len / sizeof(*kve)));
		}
		if (errno != ENOMEM)
			break;
	}
	free(kve);
	return (-1);
}

static const char *
prot(int p, char *buf)
{
	buf[0] = (p & KVME_PROT_READ) ? 'r' : '-';
	buf[1] = (p & KVME_PROT_WRITE) ? 'w' : '-';
	buf[2] = (p & KVME_PROT_EXEC) ? 'x' : '-';
	buf[3] = '\0';
	return (buf);
}

static const char *
inherit(int i)
{
	switch (i) {
	case KVME_INHERIT_SHARE:
		return ("sh");
	case KVME_INHERIT_COPY:
		return ("cp");
	case KVME_INHERIT_NONE:
		return ("no");
	case KVME_INHERIT_ZERO:
		return ("zr");
	}
	return ("??");
}

static const char *
type(int t)
{
	switch (t) {
	case KVME_TYPE_NONE:
		return ("--");
	case KVME_TYPE_DEFAULT:
		return ("df");
	case KVME_TYPE_SWAP:
		return ("sw");
	case KVME_TYPE_DEVICE:
		return ("dv");
	case KVME_TYPE_PHYS:
		return ("ph");
	case KVME_TYPE_DEAD:
		return ("dd");
	case KVME_TYPE_GUARD:
		return ("gd");
	case KVME_TYPE_KBUF:
		return ("kb");
	case KVME_TYPE_SHPAGE:
		return ("sp");
	}
	return ("??");
}

static const char *
flags(int f, char *buf)
{
	buf[0] = (f & KVME_FLAG_COW) ? 'C' : '-';
	buf[1] = (f & KVME_FLAG_NEEDS_COPY) ? 'N' : '-';
	buf[2] = (f & KVME_FLAG_GROWS_DOWN) ? 'D' : '-';
	buf[3] = (f & KVME_FLAG_USER_WIRED) ? 'W' : '-';
	buf[4] = (f & KVME_FLAG_IN_TRANSITION) ? 'T' : '-';
	buf[5] = '\0';
	return (buf);
}

int
main(int argc, char *argv[])
{
	struct kinfo_vmentry *kve;
	char b1[4], b2[4], b3[6];
	int i, status = 0;
	long j, n;

	if (argc < 3 || strcmp(argv[1], "-v") != 0) {
		fprintf(stderr, "usage: procstat -v pid...\n");
		return (2);
	}
	printf("%5s %18s %18s %3s %3s %3s %5s %3s %3s %3s %5s %2s %5s %5s\n",
	    "PID", "START", "END", "PRT", "MAX", "INH", "RES", "REF", "SHD",
	    "DEP", "FLAG", "TP", "WIRED", "WPG");
	for (i = 2; i < argc; i++) {
		if ((n = vmmap(argv[i], &kve)) < 0) {
			fprintf(stderr, "procstat: %s: %s\n", argv[i],
			    strerror(errno));
			status = 1;
			continue;
		}
		for (j = 0; j < n; j++)
			printf("%5s %#18llx %#18llx %3s %3s %3s %5llu %3d %3d "
			    "%3d %5s %2s %5d %5d\n", argv[i],
			    (unsigned long long)kve[j].kve_start,
			    (unsigned long long)kve[j].kve_end,
			    prot(kve[j].kve_protection, b1),
			    prot(kve[j].kve_max_protection, b2),
			    inherit(kve[j].kve_inheritance),
			    (unsigned long long)kve[j].kve_resident,
			    kve[j].kve_ref_count, kve[j].kve_shadow_count,
			    kve[j].kve_shadow_depth, flags(kve[j].kve_flags, b3),
			    type(kve[j].kve_type), kve[j].kve_wired_count,
			    kve[j].kve_wired);
		free(kve);
	}
	return (status);
}
