/*
 * ps.c - list the processes: effective user id, pid, parent, process
 * group, session, state, resident and wired pages, what it waits on,
 * and its name (kern.proc.all through sysctl).  States: R running or
 * runnable, S sleeping, T stopped, Z zombie.
 */
#include <stdio.h>
#include <stdlib.h>
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

int
main(void)
{
	struct kinfo_proc *kp = NULL;
	size_t len = 0, i;
	int tries;

	/* The table may grow between asking its size and reading it. */
	for (tries = 0; tries < 5; tries++) {
		if (sysctlbyname("kern.proc.all", NULL, &len, NULL, 0) != 0) {
			perror("ps: kern.proc.all");
			return (1);
		}
		len += 4 * sizeof(*kp);
		free(kp);
		if ((kp = malloc(len)) == NULL) {
			perror("ps");
			return (1);
		}
		if (sysctlbyname("kern.proc.all", kp, &len, NULL, 0) == 0)
			break;
	}
	if (tries == 5) {
		perror("ps: kern.proc.all");
		return (1);
	}
	printf("%5s %5s %5s %5s %5s %-4s %6s %6s %-8s %s\n", "UID", "PID",
	    "PPID", "PGID", "SID", "STAT", "RSS", "WIRED", "WCHAN", "COMMAND");
	for (i = 0; i < len / sizeof(*kp); i++)
		printf("%5u %5d %5d %5d %5d %-4s %6llu %6llu %-8s %s\n",
		    kp[i].ki_uid, kp[i].ki_pid, kp[i].ki_ppid, kp[i].ki_pgid,
		    kp[i].ki_sid, state(&kp[i]), (unsigned long long)kp[i].ki_rss,
		    (unsigned long long)kp[i].ki_wired,
		    kp[i].ki_wmesg[0] != '\0' ? kp[i].ki_wmesg : "-",
		    kp[i].ki_comm);
	free(kp);
	return (0);
}
