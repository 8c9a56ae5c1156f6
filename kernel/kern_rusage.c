/*
 * kern_rusage.c - resource usage: getrusage(2), and what wait4(2)
 * reports and adds up when it reaps a child.
 *
 * What is kept (struct rucounts, kernel/proc.h), per thread and added
 * to the process when the thread exits:
 *   - ru_utime, ru_stime: clock ticks (HZ a second) that found the
 *     thread running in user mode or in the kernel (sched_clock), so
 *     each is a multiple of 10 ms and approximate: a thread that
 *     sleeps just before every tick is never counted.
 *   - ru_minflt: page faults vm_fault resolved (arch/x86/trap.c, user
 *     faults and those inside copyin/copyout).  Every fault in Vise is
 *     resolved without I/O today (anonymous memory, the initrd in RAM).
 *   - ru_majflt: faults that waited for I/O: 0 until a pager does I/O.
 *   - ru_nvcsw, ru_nivcsw: switches away to sleep or stop, and
 *     preemptions (mi_switch); ru_nsignals: signals delivered.
 *   - ru_maxrss: the most resident pages the address space had when
 *     sampled (after each fault, at getrusage and at exit), in KiB.
 * RUSAGE_CHILDREN is the sum over the reaped children (and theirs),
 * with the largest of their ru_maxrss.  The other fields are 0.
 *
 * Locking: interrupts disabled (the counters are changed by their
 * thread, the clock interrupt and exit, under the scheduler's lock).
 */
#include <sys/errno.h>
#include <sys/_rusage.h>
#include <kernel/systm.h>
#include <kernel/clock.h>
#include <kernel/machdep.h>
#include <kernel/proc.h>
#include <kernel/resourcevar.h>
#include <kernel/syscallvar.h>
#include <vm/vm_map.h>
#include <vm/pmap.h>

/* Ticks as a struct timeval. */
static void
ticks_to_timeval(uint64_t n, struct timeval *tv)
{
	tv->tv_sec = (__time_t)(n / HZ);
	tv->tv_usec = (long)(n % HZ * (1000000 / HZ));
}

/* *rup from counts and a page count. */
static void
rusage_fill(struct rusage *rup, const struct rucounts *rc, vm_size_t rss)
{
	memset(rup, 0, sizeof(*rup));
	ticks_to_timeval(rc->ru_uticks, &rup->ru_utime);
	ticks_to_timeval(rc->ru_sticks, &rup->ru_stime);
	rup->ru_maxrss = (long)(rss * (PAGE_SIZE / 1024));
	rup->ru_minflt = (long)rc->ru_minflt;
	rup->ru_majflt = (long)rc->ru_majflt;
	rup->ru_nvcsw = (long)rc->ru_nvcsw;
	rup->ru_nivcsw = (long)rc->ru_nivcsw;
	rup->ru_nsignals = (long)rc->ru_nsignals;
}

/* rusage_sample_rss: see resourcevar.h. */
void
rusage_sample_rss(struct proc *p)
{
	vm_size_t rss;

	if (p->p_vmspace == NULL)
		return;
	rss = vmspace_pmap(p->p_vmspace)->pm_stats.resident_count;
	if (rss > p->p_maxrss)
		p->p_maxrss = rss;
}

/* rusage_reap: see resourcevar.h. */
void
rusage_reap(struct proc *parent, struct proc *child)
{
	rucounts_add(&parent->p_cru, &child->p_ru);
	rucounts_add(&parent->p_cru, &child->p_cru);
	parent->p_cmaxrss = MAX(parent->p_cmaxrss,
	    MAX(child->p_maxrss, child->p_cmaxrss));
}

/* rusage_of_zombie: see resourcevar.h. */
void
rusage_of_zombie(struct proc *p, struct rusage *rup)
{
	rusage_fill(rup, &p->p_ru, p->p_maxrss);
}

/*
 * sys_getrusage: getrusage(who, rusage): RUSAGE_SELF (the process: its
 * exited threads and the live ones), RUSAGE_THREAD (the caller),
 * RUSAGE_CHILDREN (its reaped children).  EINVAL, EFAULT.
 */
int
sys_getrusage(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	struct proc *p = td->td_proc;
	struct rucounts rc;
	struct rusage ru;
	struct thread *td2;
	unsigned long s;
	vm_size_t rss;

	(void)retval;
	s = intr_disable();
	switch ((int)args[0]) {
	case RUSAGE_SELF:
		rusage_sample_rss(p);
		rc = p->p_ru;
		TAILQ_FOREACH(td2, &p->p_threads, td_plist)
			rucounts_add(&rc, &td2->td_ru);
		rss = p->p_maxrss;
		break;
	case RUSAGE_THREAD:
		rusage_sample_rss(p);
		rc = td->td_ru;
		rss = p->p_maxrss;
		break;
	case RUSAGE_CHILDREN:
		rc = p->p_cru;
		rss = p->p_cmaxrss;
		break;
	default:
		intr_restore(s);
		return (EINVAL);
	}
	intr_restore(s);
	rusage_fill(&ru, &rc, rss);
	return (copyout(&ru, (void *)args[1], sizeof(ru)));
}
