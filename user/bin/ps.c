/*
 * ps.c - list the processes (kern.proc.all through sysctl):
 *
 *	ps	effective user id, pid, parent, process group, session,
 *		state, resident and wired pages, what it waits on, name
 *	ps -w	the wired memory of each process, in pages:
 *		RSS resident, PWIRE wired PTEs of its pmap, UWIRE pages of
 *		its user-wired entries (mlock, mlockall: a page mapped
 *		twice counts twice), SWIRE pages of entries with a system
 *		wiring (vslock), DWIRE wired PTEs of device mappings, PTP
 *		its page-table pages, KSTK its threads' kernel-stack
 *		pages (THR threads); a last line sums each column
 *		(FreeBSD's -w widens the output instead: Vise's ps has
 *		nothing to widen)
 *
 * States: R running or runnable, S sleeping, T stopped, Z zombie.
 * docs/wiring.md ("Counting wired memory") says how the figures relate
 * to vmstat's system-wide ones.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sysctl.h>
#include <sys/_kinfo_proc.h>

/* The state letter of process kp. */
static const char *
state(const struct kinfo_proc *kp)
{
	if (kp->ki_state == KI_STATE_ZOMBIE)
		return ("Z");
	if (kp->ki_state == KI_STATE_STOP)
		return ("T");
	return (kp->ki_wmesg[0] != '\0' ? "S" : "R");
}

static void
usage(void)
{
	fprintf(stderr, "usage: ps [-w]\n");
	exit(2);
}

/* The process table into *kpp; the number of records, or -1. */
static long
proc_table(struct kinfo_proc **kpp)
{
	struct kinfo_proc *kp = NULL;
	size_t len = 0;
	int tries;

	/* The table may grow between asking its size and reading it. */
	for (tries = 0; tries < 5; tries++) {
		if (sysctlbyname("kern.proc.all", NULL, &len, NULL, 0) != 0)
			break;
		len += 4 * sizeof(*kp);
		free(kp);
		if ((kp = malloc(len)) == NULL)
			break;
		if (sysctlbyname("kern.proc.all", kp, &len, NULL, 0) == 0) {
			*kpp = kp;
			return ((long)(len / sizeof(*kp)));
		}
	}
	free(kp);
	return (-1);
}

static void
print_default(const struct kinfo_proc *kp, long n)
{
	long i;

	printf("%5s %5s %5s %5s %5s %-4s %6s %6s %-8s %s\n", "UID", "PID",
	    "PPID", "PGID", "SID", "STAT", "RSS", "WIRED", "WCHAN", "COMMAND");
	for (i = 0; i < n; i++)
		printf("%5u %5d %5d %5d %5d %-4s %6llu %6llu %-8s %s\n",
		    kp[i].ki_uid, kp[i].ki_pid, kp[i].ki_ppid, kp[i].ki_pgid,
		    kp[i].ki_sid, state(&kp[i]),
		    (unsigned long long)kp[i].ki_rss,
		    (unsigned long long)kp[i].ki_pmap_wired,
		    kp[i].ki_wmesg[0] != '\0' ? kp[i].ki_wmesg : "-",
		    kp[i].ki_comm);
}

/* The wired-memory columns of one record, or of the sums (pid < 0). */
static void
print_wired_line(const struct kinfo_proc *k, const char *stat,
    const char *comm)
{
	if (k->ki_pid >= 0)
		printf("%5d ", k->ki_pid);
	else
		printf("%5s ", "-");
	printf("%-4s %3d %6llu %6llu %6llu %6llu %6llu %5llu %5llu %s\n",
	    stat, k->ki_numthreads, (unsigned long long)k->ki_rss,
	    (unsigned long long)k->ki_pmap_wired,
	    (unsigned long long)k->ki_user_wired,
	    (unsigned long long)k->ki_system_wired,
	    (unsigned long long)k->ki_device_wired,
	    (unsigned long long)k->ki_pgtable,
	    (unsigned long long)k->ki_kstack, comm);
}

static void
print_wired(const struct kinfo_proc *kp, long n)
{
	struct kinfo_proc sum;
	long i;

	memset(&sum, 0, sizeof(sum));
	sum.ki_pid = -1;
	printf("%5s %-4s %3s %6s %6s %6s %6s %6s %5s %5s %s\n", "PID", "STAT",
	    "THR", "RSS", "PWIRE", "UWIRE", "SWIRE", "DWIRE", "PTP", "KSTK",
	    "COMMAND");
	for (i = 0; i < n; i++) {
		print_wired_line(&kp[i], state(&kp[i]), kp[i].ki_comm);
		sum.ki_numthreads += kp[i].ki_numthreads;
		sum.ki_rss += kp[i].ki_rss;
		sum.ki_pmap_wired += kp[i].ki_pmap_wired;
		sum.ki_user_wired += kp[i].ki_user_wired;
		sum.ki_system_wired += kp[i].ki_system_wired;
		sum.ki_device_wired += kp[i].ki_device_wired;
		sum.ki_pgtable += kp[i].ki_pgtable;
		sum.ki_kstack += kp[i].ki_kstack;
	}
	print_wired_line(&sum, "", "(total)");
}

int
main(int argc, char **argv)
{
	struct kinfo_proc *kp;
	int wired = 0;
	long n;

	if (argc > 2)
		usage();
	if (argc == 2) {
		if (strcmp(argv[1], "-w") != 0)
			usage();
		wired = 1;
	}
	if ((n = proc_table(&kp)) < 0) {
		perror("ps: kern.proc.all");
		return (1);
	}
	if (wired)
		print_wired(kp, n);
	else
		print_default(kp, n);
	free(kp);
	return (0);
}
