/*
 * _kinfo_proc.h - one process as the kern.proc.all sysctl reports it
 * (an array of these) and kern.proc.pid.<pid> (one), for ps.  Shared
 * by the kernel and libc.
 *
 * The memory figures are in pages (4 KiB) and exact for a process that
 * is not changing its map meanwhile (kernel/kern_proc.c says how each
 * is found).  What they add up to, system-wide (docs/wiring.md,
 * "Counting wired memory"):
 *	Σ ki_user_wired	= vm.stats.vm.v_user_wire_count (virtual pages)
 *	Σ ki_pgtable	= vm.stats.vm.v_wire_pagetable minus the kernel's
 *	Σ ki_kstack	= vm.stats.vm.v_wire_kstack minus kernel threads'
 */
#ifndef _SYS__KINFO_PROC_H_
#define _SYS__KINFO_PROC_H_

#define KI_STATE_NEW	0
#define KI_STATE_RUN	1	/* running, runnable or sleeping */
#define KI_STATE_ZOMBIE	2
#define KI_STATE_STOP	3	/* stopped (SIGSTOP, SIGTSTP, ...) */

/* ki_flag bits (FreeBSD's P_* values). */
#define KI_P_SYSTEM	0x00200		/* a kernel process */
#define KI_P_PROTECTED	0x100000	/* madvise(MADV_PROTECT): the OOM
					   killer leaves it alone */

struct kinfo_proc {
	__INT32_TYPE__	ki_pid;
	__INT32_TYPE__	ki_ppid;
	__INT32_TYPE__	ki_state;	/* KI_STATE_* */
	__UINT32_TYPE__	ki_uid;		/* effective user id */
	__INT32_TYPE__	ki_pgid;	/* process group */
	__INT32_TYPE__	ki_sid;		/* session */
	__UINT64_TYPE__	ki_rss;		/* resident pages (mapped PTEs) */
	__UINT64_TYPE__	ki_pmap_wired;	/* PTEs with the wired bit: pages of
					   wired entries that are mapped */
	__UINT64_TYPE__	ki_user_wired;	/* virtual pages in user-wired
					   entries (mlock, mlockall; R14) */
	__UINT64_TYPE__	ki_system_wired; /* virtual pages in entries with a
					   system wiring (vslock) */
	__UINT64_TYPE__	ki_device_wired; /* wired PTEs of device mappings */
	__UINT64_TYPE__	ki_pgtable;	/* page-table pages of its pmap */
	__UINT64_TYPE__	ki_kstack;	/* kernel-stack pages of its threads */
	char		ki_wmesg[16];	/* what it sleeps on, or "" */
	char		ki_comm[20];
	__INT32_TYPE__	ki_numthreads;	/* threads */
	__INT32_TYPE__	ki_flag;	/* KI_P_* */
};

#endif /* !_SYS__KINFO_PROC_H_ */
