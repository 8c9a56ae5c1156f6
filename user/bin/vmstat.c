/*
 * vmstat.c - the page counts (vm.stats.vm.* through sysctl):
 *
 *	vmstat		managed, free and wired pages, wired pages by the
 *			reason they are wired, and the user wirings in
 *			virtual pages with their cap, in pages and KiB
 *	vmstat -w	the wired pages by reason again, each beside the
 *			part the processes account for (the sums of ps -w's
 *			columns, kern.proc.all) and the rest: the kernel's
 *			own page tables and kernel threads' stacks
 *
 * docs/wiring.md ("Counting wired memory") explains each line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sysctl.h>
#include <sys/_kinfo_proc.h>
#include <unistd.h>

static const char *const counters[][2] = {
	{ "vm.stats.vm.v_page_count", "managed" },
	{ "vm.stats.vm.v_free_count", "free" },
	{ "vm.stats.vm.v_wire_count", "wired" },
	{ "vm.stats.vm.v_wire_kmem", "  kernel memory" },
	{ "vm.stats.vm.v_wire_pagetable", "  page tables" },
	{ "vm.stats.vm.v_wire_kstack", "  kernel stacks" },
	{ "vm.stats.vm.v_wire_user", "  user (mlock)" },
	{ "vm.stats.vm.v_wire_system", "  system (vslock)" },
	/* Not RAM, not in "wired": device memory mapped (fake pages). */
	{ "vm.stats.vm.v_wire_device", "device (fake)" },
	{ "vm.stats.vm.v_user_wire_count", "user-wired virtual" },
	{ "vm.max_user_wired", "  cap" },
};

static int status;

/* The value of an unsigned long sysctl; 0 (and status 1) on an error. */
static unsigned long
counter(const char *name)
{
	unsigned long v = 0;
	size_t len = sizeof(v);

	if (sysctlbyname(name, &v, &len, NULL, 0) != 0) {
		perror(name);
		status = 1;
		return (0);
	}
	return (v);
}

static void
print_counts(void)
{
	unsigned long v, kib = (unsigned long)getpagesize() / 1024;
	unsigned i;

	printf("%-20s %10s %12s\n", "pages", "count", "KiB");
	for (i = 0; i < sizeof(counters) / sizeof(counters[0]); i++) {
		v = counter(counters[i][0]);
		printf("%-20s %10lu %12lu\n", counters[i][1], v, v * kib);
	}
}

/* The sums of the processes' figures (kern.proc.all) into *sum. */
static int
proc_sums(struct kinfo_proc *sum)
{
	struct kinfo_proc *kp = NULL;
	size_t len = 0, i;
	int tries;

	memset(sum, 0, sizeof(*sum));
	for (tries = 0; tries < 5; tries++) {
		if (sysctlbyname("kern.proc.all", NULL, &len, NULL, 0) != 0)
			break;
		len += 4 * sizeof(*kp);
		free(kp);
		if ((kp = malloc(len)) == NULL)
			break;
		if (sysctlbyname("kern.proc.all", kp, &len, NULL, 0) == 0) {
			for (i = 0; i < len / sizeof(*kp); i++) {
				sum->ki_user_wired += kp[i].ki_user_wired;
				sum->ki_system_wired += kp[i].ki_system_wired;
				sum->ki_device_wired += kp[i].ki_device_wired;
				sum->ki_pgtable += kp[i].ki_pgtable;
				sum->ki_kstack += kp[i].ki_kstack;
			}
			free(kp);
			return (0);
		}
	}
	free(kp);
	perror("vmstat: kern.proc.all");
	status = 1;
	return (-1);
}

/* One line of the -w table: the system's count, the processes' part. */
static void
wired_line(const char *what, unsigned long sys, unsigned long long procs,
    const char *rest)
{
	printf("%-20s %10lu %10llu  %s\n", what, sys, procs, rest);
}

static void
print_wired(void)
{
	struct kinfo_proc sum;
	unsigned long pt, ks;
	char buf[64];

	if (proc_sums(&sum) != 0)
		return;
	printf("%-20s %10s %10s  %s\n", "wired pages", "system", "processes",
	    "the rest");
	printf("%-20s %10lu %10s  %s\n", "kernel memory",
	    counter("vm.stats.vm.v_wire_kmem"), "-", "all the kernel's");
	pt = counter("vm.stats.vm.v_wire_pagetable");
	snprintf(buf, sizeof(buf), "%lld the kernel's own tables",
	    (long long)pt - (long long)sum.ki_pgtable);
	wired_line("page tables", pt, sum.ki_pgtable, buf);
	ks = counter("vm.stats.vm.v_wire_kstack");
	snprintf(buf, sizeof(buf), "%lld kernel threads'",
	    (long long)ks - (long long)sum.ki_kstack);
	wired_line("kernel stacks", ks, sum.ki_kstack, buf);
	wired_line("user (mlock)", counter("vm.stats.vm.v_wire_user"),
	    sum.ki_user_wired, "physical vs per mapping (virtual)");
	wired_line("user-wired virtual",
	    counter("vm.stats.vm.v_user_wire_count"), sum.ki_user_wired,
	    "equal when nothing is being locked");
	wired_line("system (vslock)", counter("vm.stats.vm.v_wire_system"),
	    sum.ki_system_wired, "physical vs per mapping (virtual)");
	wired_line("device", counter("vm.stats.vm.v_wire_device"),
	    sum.ki_device_wired, "pages vs wired PTEs");
}

int
main(int argc, char **argv)
{
	if (argc > 2 || (argc == 2 && strcmp(argv[1], "-w") != 0)) {
		fprintf(stderr, "usage: vmstat [-w]\n");
		return (2);
	}
	if (argc == 2)
		print_wired();
	else
		print_counts();
	return (status);
}
