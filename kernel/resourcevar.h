/*
 * resourcevar.h - a process's resource limits (kernel/kern_resource.c).
 *
 * Each process has its own table (struct plimit, inside struct proc):
 * fork copies the parent's, exec keeps it.  FreeBSD shares one
 * reference-counted table between parent and child until one of them
 * changes it; a copy of 256 bytes per fork is simpler and cannot fail.
 *
 * Locking: only the process's own threads read or change its limits
 * (getrlimit/setrlimit act on the caller; fork copies the caller's).
 * A limit is read and written whole with interrupts disabled, so a
 * thread never sees half of one another thread is setting (a 64-bit
 * value is two words on i386).  Two setrlimit calls of one process at
 * once: the last one wins, as with any order.
 */
#ifndef _KERNEL_RESOURCEVAR_H_
#define _KERNEL_RESOURCEVAR_H_

#include <sys/_resource.h>

struct proc;
struct thread;

typedef __INT64_TYPE__	rlim_t;		/* as struct rlimit has it */

struct plimit {
	struct rlimit	pl_rlimit[RLIM_NLIMITS];
};

/*
 * The defaults proc0 has and so every process inherits (see
 * kern_resource.c for why): descriptors as many as the table holds
 * (NDFILE), the stack as large as exec reserves (MAXSSIZ), a bound on
 * one user's processes, and everything else unlimited (locked memory
 * too: SEMANTICS "Privilege", root's default limit is infinite).
 * kern_resource.c checks the two numbers against NDFILE and MAXSSIZ.
 */
#define LIM_NOFILE_DEFAULT	64
#define LIM_STACK_DEFAULT	(8L * 1024 * 1024)
#define LIM_NPROC_DEFAULT	512

#define LIM_UNLIMITED	{ RLIM_INFINITY, RLIM_INFINITY }
#define PLIMIT_INITIALIZER { .pl_rlimit = {				\
	[RLIMIT_CPU] = LIM_UNLIMITED,					\
	[RLIMIT_FSIZE] = LIM_UNLIMITED,					\
	[RLIMIT_DATA] = LIM_UNLIMITED,					\
	[RLIMIT_STACK] = { LIM_STACK_DEFAULT, LIM_STACK_DEFAULT },	\
	[RLIMIT_CORE] = LIM_UNLIMITED,					\
	[RLIMIT_RSS] = LIM_UNLIMITED,					\
	[RLIMIT_MEMLOCK] = LIM_UNLIMITED,				\
	[RLIMIT_NPROC] = { LIM_NPROC_DEFAULT, LIM_NPROC_DEFAULT },	\
	[RLIMIT_NOFILE] = { LIM_NOFILE_DEFAULT, LIM_NOFILE_DEFAULT },	\
	[RLIMIT_SBSIZE] = LIM_UNLIMITED,				\
	[RLIMIT_VMEM] = LIM_UNLIMITED,					\
	[RLIMIT_NPTS] = LIM_UNLIMITED,					\
	[RLIMIT_SWAP] = LIM_UNLIMITED,					\
	[RLIMIT_KQUEUES] = LIM_UNLIMITED,				\
	[RLIMIT_UMTXP] = LIM_UNLIMITED,					\
	[RLIMIT_PIPEBUF] = LIM_UNLIMITED,				\
} }

/*
 * lim_cur, lim_max: the soft and hard limit `which` (RLIMIT_*) of `p`,
 * which is curthread's process (or one not running yet).
 * lim_rlimit: both into *rlp.  Any context; no lock, no sleep.
 */
rlim_t	lim_cur(struct proc *p, int which);
rlim_t	lim_max(struct proc *p, int which);
void	lim_rlimit(struct proc *p, int which, struct rlimit *rlp);

/*
 * lim_nproc_check: whether curthread `td` may make one more process:
 * 0, or EAGAIN when its real user already has RLIMIT_NPROC (soft)
 * processes, zombies included, and it lacks PRIV_PROC_LIMIT (root is
 * not limited).  Thread context; does not sleep.
 */
int	lim_nproc_check(struct thread *td);

/*
 * Resource usage (kernel/kern_rusage.c; struct rucounts is in proc.h).
 *
 * rusage_sample_rss: note p's resident page count in p_maxrss (the
 * fault path and exit call it).  rusage_reap: add zombie `child`'s
 * usage and its children's to `parent`'s RUSAGE_CHILDREN.  Both with
 * interrupts disabled.  rusage_of_zombie: *rup = zombie p's own usage.
 */
struct rusage;
void	rusage_sample_rss(struct proc *p);
void	rusage_reap(struct proc *parent, struct proc *child);
void	rusage_of_zombie(struct proc *p, struct rusage *rup);

#endif /* !_KERNEL_RESOURCEVAR_H_ */
