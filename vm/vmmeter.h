/*
 * vmmeter.h - the system-wide page counters and free-page thresholds.
 *
 * Thresholds (SEMANTICS 1.6), all in pages, computed once from the
 * number of managed pages by vm_thresholds_compute():
 *
 *	interrupt_free_min (2) < free_reserved < free_severe < free_min
 *	    < free_target
 *
 * Allocation classes (R70): a NORMAL allocation must leave at least
 * free_reserved pages free, SYSTEM at least interrupt_free_min, and
 * INTERRUPT may take the last page.  Falling below free_min or
 * free_severe sets the "min" or "severe" state; climbing back above
 * clears it (the waits that state wakes come with the scheduler).
 *
 * Lock keys: (c) constant after vm_page_startup(); (w) vm_free_mtx;
 * (a) atomic operations only.
 */
#ifndef _VM_VMMETER_H_
#define _VM_VMMETER_H_

#include <vm/vm.h>
#include <vm/vm_page.h>

struct vm_thresholds {
	u_long	interrupt_free_min;
	u_long	free_reserved;
	u_long	free_severe;
	u_long	free_min;
	u_long	free_target;
};

struct vmmeter {
	u_long	v_page_count;		/* (c) managed pages */
	u_long	v_free_count;		/* (w) pages in the buddy allocator */
	u_long	v_wire_count;		/* (w) pages with wire_count > 0 */
	u_long	v_wire_by_reason[VM_WIRE_NREASONS]; /* (w) by wire_reason */
	u_long	v_cache_kmem;		/* (a) kmem pages caches hold for
					   reuse: uma's empty slabs */
	struct vm_thresholds v_thresh;	/* (c) */
	bool	v_min;			/* (w) free count below free_min */
	bool	v_severe;		/* (w) free count below free_severe */
};

extern struct vmmeter vm_cnt;

/*
 * vm_thresholds_compute: the thresholds for a machine with
 * `page_count` managed pages.  Pure arithmetic; host-testable.
 */
void	vm_thresholds_compute(u_long page_count, struct vm_thresholds *t);

/*
 * vm_alloc_allowed: may a request of class `req` take `npages` pages
 * when `free_count` are free?  Pure arithmetic (R70); host-testable.
 */
bool	vm_alloc_allowed(const struct vm_thresholds *t, u_long free_count,
	    int req, u_long npages);

/* Below free_severe / free_min?  Unlocked reads: a snapshot. */
static inline bool
vm_page_count_severe(void)
{
	return (vm_cnt.v_free_count < vm_cnt.v_thresh.free_severe);
}

static inline bool
vm_page_count_min(void)
{
	return (vm_cnt.v_free_count < vm_cnt.v_thresh.free_min);
}

#endif /* !_VM_VMMETER_H_ */
