/*
 * _kinfo_proc.h - one process as the kern.proc.all sysctl reports it
 * (an array of these), for ps.  Shared by the kernel and libc.
 */
#ifndef _SYS__KINFO_PROC_H_
#define _SYS__KINFO_PROC_H_

#define KI_STATE_NEW	0
#define KI_STATE_RUN	1	/* running, runnable or sleeping */
#define KI_STATE_ZOMBIE	2
#define KI_STATE_STOP	3	/* stopped (SIGSTOP, SIGTSTP, ...) */

struct kinfo_proc {
	__INT32_TYPE__	ki_pid;
	__INT32_TYPE__	ki_ppid;
	__INT32_TYPE__	ki_state;	/* KI_STATE_* */
	__UINT32_TYPE__	ki_uid;		/* effective user id */
	__INT32_TYPE__	ki_pgid;	/* process group */
	__INT32_TYPE__	ki_sid;		/* session */
	__UINT64_TYPE__	ki_rss;		/* resident pages */
	__UINT64_TYPE__	ki_wired;	/* wired PTEs */
	char		ki_wmesg[16];	/* what it sleeps on, or "" */
	char		ki_comm[20];
	char		ki_pad[4];
};

#endif /* !_SYS__KINFO_PROC_H_ */
