/*
 * kern_resource.c - resource limits (resourcevar.h): getrlimit,
 * setrlimit, and what the rest of the kernel asks of them.
 *
 * What is enforced, and where:
 *	RLIMIT_NOFILE	descriptor allocation (kern_descrip.c: getmaxfd):
 *			open, pipe, dup, F_DUPFD give EMFILE at the limit,
 *			dup2 to a descriptor at or past it EBADF, F_DUPFD
 *			with a minimum at or past it EINVAL.  At most
 *			NDFILE (64), the size of the table: a larger value
 *			is lowered to it, as FreeBSD lowers it to
 *			maxfilesperproc.
 *	RLIMIT_NPROC	fork (lim_nproc_check): EAGAIN when the real user
 *			already has that many processes, zombies
 *			included; root is not limited.
 *	RLIMIT_STACK	the main stack grows on faults below it while it
 *			stays within the soft limit of that moment
 *			(vm_map_growstack); a program that goes past it
 *			gets SIGSEGV.  At most MAXSSIZ (8 MiB), what exec
 *			reserves below the top of user space; exec maps
 *			SGROWSIZ (128 KiB, more if the arguments need it)
 *			whatever the limit.
 *	RLIMIT_DATA	brk: ENOMEM when the data segment (data, bss and
 *			heap) would grow past it.
 *	RLIMIT_VMEM/AS	mmap: ENOMEM when the address space would grow
 *			past it (FreeBSD's check: the map's size plus the
 *			new length, whatever MAP_FIXED replaces), brk and
 *			stack growth too.
 *	RLIMIT_MEMLOCK	kept for issue 7 (mlock, lim_cur); unlimited by
 *			default, root's default in SEMANTICS "Privilege".
 * The others (CPU, FSIZE, CORE, RSS, SBSIZE, NPTS, SWAP, KQUEUES,
 * UMTXP, PIPEBUF) are kept and inherited, not enforced: there is no CPU
 * accounting, writable file, core dump, socket, pty or swap yet.
 *
 * Defaults (PLIMIT_INITIALIZER, proc0's, so every process's until it
 * changes them): NOFILE 64/64, STACK 8 MiB/8 MiB, NPROC 512/512 (a
 * fork bomb of one non-root user stops there, at about 20 MiB of
 * kernel stacks and page tables), everything else RLIM_INFINITY.
 */
#include <sys/errno.h>
#include <kernel/systm.h>
#include <kernel/exec.h>
#include <kernel/file.h>
#include <kernel/machdep.h>
#include <kernel/priv.h>
#include <kernel/proc.h>
#include <kernel/resourcevar.h>
#include <kernel/syscallvar.h>

CTASSERT(LIM_NOFILE_DEFAULT == NDFILE);
CTASSERT(LIM_STACK_DEFAULT == MAXSSIZ);
CTASSERT(sizeof(struct rlimit) == 16);

static bool
lim_valid(int which)
{
	return (which >= 0 && which < RLIM_NLIMITS);
}

/* lim_cur: see resourcevar.h. */
rlim_t
lim_cur(struct proc *p, int which)
{
	unsigned long s;
	rlim_t v;

	KASSERT(lim_valid(which), ("lim_cur: resource %d", which));
	s = intr_disable();	/* whole, on i386 too (see resourcevar.h) */
	v = p->p_limit.pl_rlimit[which].rlim_cur;
	intr_restore(s);
	return (v);
}

/* lim_max: see resourcevar.h. */
rlim_t
lim_max(struct proc *p, int which)
{
	unsigned long s;
	rlim_t v;

	KASSERT(lim_valid(which), ("lim_max: resource %d", which));
	s = intr_disable();
	v = p->p_limit.pl_rlimit[which].rlim_max;
	intr_restore(s);
	return (v);
}

/* lim_rlimit: see resourcevar.h. */
void
lim_rlimit(struct proc *p, int which, struct rlimit *rlp)
{
	unsigned long s;

	KASSERT(lim_valid(which), ("lim_rlimit: resource %d", which));
	s = intr_disable();
	*rlp = p->p_limit.pl_rlimit[which];
	intr_restore(s);
}

/* lim_nproc_check: see resourcevar.h. */
int
lim_nproc_check(struct thread *td)
{
	struct proc *p = td->td_proc, *q;
	rlim_t limit = lim_cur(p, RLIMIT_NPROC), n = 0;
	unsigned long s;
	__uid_t ruid;

	if (priv_check(td, PRIV_PROC_LIMIT) == 0)
		return (0);
	/*
	 * Counted afresh: there are few processes, and no per-user
	 * table to keep right.  Two processes of one user forking at the
	 * same moment may both pass (neither child is in allproc before
	 * fork1 ends), so the limit can be passed by the number of such
	 * processes.
	 */
	s = intr_disable();
	ruid = p->p_ucred.cr_ruid;
	TAILQ_FOREACH(q, &allproc, p_list)
		if (q->p_ucred.cr_ruid == ruid)
			n++;
	intr_restore(s);
	return (n >= limit ? EAGAIN : 0);
}

/*
 * sys_getrlimit: getrlimit(which, rlp): the soft and hard limit of
 * resource `which` into *rlp.  EINVAL for an unknown resource, EFAULT.
 */
int
sys_getrlimit(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	struct rlimit rl;
	int which = (int)args[0];

	(void)retval;
	if (!lim_valid(which))
		return (EINVAL);
	lim_rlimit(td->td_proc, which, &rl);
	return (copyout(&rl, (void *)args[1], sizeof(rl)));
}

/*
 * sys_setrlimit: setrlimit(which, rlp): resource `which` gets the
 * limits in *rlp (a negative value means RLIM_INFINITY, as in FreeBSD).
 * EINVAL for an unknown resource or a soft limit above the hard one,
 * EFAULT, EPERM for raising the hard limit without privilege
 * (PRIV_PROC_SETRLIMIT).  Then NOFILE is lowered to NDFILE and STACK to
 * MAXSSIZ (see above).
 */
int
sys_setrlimit(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	struct proc *p = td->td_proc;
	struct rlimit rl;
	rlim_t bound;
	unsigned long s;
	int which = (int)args[0], error;

	(void)retval;
	if (!lim_valid(which))
		return (EINVAL);
	if ((error = copyin((const void *)args[1], &rl, sizeof(rl))) != 0)
		return (error);
	if (rl.rlim_cur < 0)
		rl.rlim_cur = RLIM_INFINITY;
	if (rl.rlim_max < 0)
		rl.rlim_max = RLIM_INFINITY;
	if (rl.rlim_cur > rl.rlim_max)
		return (EINVAL);
	if (rl.rlim_max > lim_max(p, which) &&
	    (error = priv_check(td, PRIV_PROC_SETRLIMIT)) != 0)
		return (error);
	bound = which == RLIMIT_NOFILE ? NDFILE :
	    which == RLIMIT_STACK ? (rlim_t)MAXSSIZ : RLIM_INFINITY;
	rl.rlim_cur = MIN(rl.rlim_cur, bound);
	rl.rlim_max = MIN(rl.rlim_max, bound);
	s = intr_disable();
	p->p_limit.pl_rlimit[which] = rl;
	intr_restore(s);
	return (0);
}
