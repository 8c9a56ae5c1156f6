/*
 * vm_pageout.h - the OOM killer (SEMANTICS R73-R76) and the page
 * daemon that decides when memory has run out (vm/vm_pageout.c), and
 * its victim choice (vm/vm_oom_select.c, pure, host-tested).
 *
 * There is no swap and no pageout: nothing a process has resident can
 * be reclaimed except by ending the process.  So "memory ran out" is:
 *  - VM_OOM_MEM: the page daemon found the free count below free_min
 *    at vm.pageout_oom_seq consecutive checks, one every
 *    VM_PAGEOUT_PERIOD ticks of guest time (FreeBSD's
 *    vm_pageout_mightbe_oom votes, one domain);
 *  - VM_OOM_MEM_PF: the fault path waited vm.pfault_oom_attempts x
 *    vm.pfault_oom_wait for a page (vm/vm_fault.c, R67).
 * Sysctls: vm.panic_on_oom, vm.pageout_oom_seq, vm.stats.vm.v_oom_kills,
 * vm.stats.vm.v_oom_rounds, vm.oom_last_{pid,reason,memory},
 * debug.oom_kill_now (a test hook).
 */
#ifndef _VM_VM_PAGEOUT_H_
#define _VM_VM_PAGEOUT_H_

#include <stdbool.h>

#define VM_OOM_MEM	1	/* sustained shortage, nothing reclaimable */
#define VM_OOM_MEM_PF	2	/* a fault waited too long for a page */

/* Page daemon checks: every 10 ticks (100 ms of guest time at HZ 100). */
#define VM_PAGEOUT_PERIOD	10

/*
 * vm_pageout_oom: one OOM round for `shortage` (VM_OOM_MEM or
 * VM_OOM_MEM_PF): choose the largest eligible process (R74, R75) and
 * send it SIGKILL, with a console message naming it, its size, the
 * trigger and which memory ran out; with vm.panic_on_oom set, panic
 * instead.  No eligible process: say so on the console, do nothing.
 * Allocates nothing and takes no sleep lock (it may be called by a
 * thread that has been failing to get a page); call it with no locks
 * held.  Thread context; does not sleep.
 */
void	vm_pageout_oom(int shortage);

/*
 * vm.pageout_oom_seq (root may set it; tests do) and
 * vm.stats.vm.v_oom_rounds (rounds run, with or without a victim).
 */
extern int vm_pageout_oom_seq;
extern unsigned long vm_oom_rounds;

/*
 * vm_pageout_init: start the page daemon (a kernel thread).  Once, at
 * boot, after sched_init.
 */
void	vm_pageout_init(void);

/*
 * Victim choice, apart from the process list so that the host can test
 * it with a table (vm/vm_oom_select.c).  One candidate per process, in
 * allproc order (oldest first): vm_oom_consider() keeps in *best the
 * eligible candidate with the most resident pages; a later one wins a
 * tie (the newest process, as FreeBSD's allproc order gives).  A
 * candidate with no resident pages is never chosen (its end frees
 * nothing).  Pure; no locks.
 */
#define VM_OOM_C_INIT		0x01	/* pid 1 */
#define VM_OOM_C_SYSTEM		0x02	/* P_SYSTEM: a kernel process */
#define VM_OOM_C_PROTECTED	0x04	/* P_PROTECTED (MADV_PROTECT) */
#define VM_OOM_C_KILLED		0x08	/* SIGKILL already pending */
#define VM_OOM_C_EXITING	0x10	/* exiting or exec'ing: not PRS_NORMAL,
					   single-threading, or no vmspace */

struct vm_oom_cand {
	int	pid;
	int	flags;			/* VM_OOM_C_* */
	unsigned long	resident;	/* mapped pages, wired ones included */
	unsigned long	wired;		/* of those, wired (pmap-wired) */
};

struct vm_oom_best {
	struct vm_oom_cand best;	/* valid if found */
	bool	found;
};

/* vm_oom_eligible: whether the OOM killer may choose `c` (R74). */
bool	vm_oom_eligible(const struct vm_oom_cand *c);
/* vm_oom_consider: see above.  Start with *best zeroed. */
void	vm_oom_consider(struct vm_oom_best *best, const struct vm_oom_cand *c);

/*
 * Which memory ran out (R75, R76), from the counters in pages: the
 * biggest of pageable (neither wired nor free), user-wired (mlock,
 * mlockall) and system/kernel-wired (kmem, page tables, kernel stacks,
 * vslock).  Pure.
 */
enum vm_oom_memory {
	VM_OOM_PAGEABLE,
	VM_OOM_USER_WIRED,
	VM_OOM_KERNEL_WIRED,
};
extern const char *const vm_oom_memory_names[3];
enum vm_oom_memory vm_oom_memory_kind(unsigned long pageable,
	    unsigned long user_wired, unsigned long kernel_wired);

#endif /* !_VM_VM_PAGEOUT_H_ */
