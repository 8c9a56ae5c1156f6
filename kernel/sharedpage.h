/*
 * sharedpage.h - the shared page (kernel/kern_sharedpage.c): one page
 * of kernel memory that exec maps read-only at the top of every user
 * address space, holding the clock's record (sys/_timekeep.h) for
 * libc's clock_gettime.
 */
#ifndef _KERNEL_SHAREDPAGE_H_
#define _KERNEL_SHAREDPAGE_H_

#include <vm/vm.h>
#include <machine/vmparam.h>

struct vmspace;
struct vm_object;

/* Where it is in user space: the last page; the stack is right below. */
#define SHAREDPAGE	(VM_MAX_USER_ADDRESS - PAGE_SIZE)
#define SHAREDPAGE_TIMEKEEP	SHAREDPAGE	/* struct vdso_timekeep */

/*
 * shared_page_init: allocate the page (kernel memory, zeroed, once for
 * good) and its device object, and put the page in the object, so that
 * mapping it never allocates.  Once, at boot, after vm_mem_init and
 * before the first exec; panics if there is no memory.
 */
void	shared_page_init(void);

/*
 * shared_page_map: map the page at SHAREDPAGE into `vm`, read-only
 * (maximum protection read: mprotect cannot make it writable or
 * executable), shared with the children a fork makes.  For exec, with
 * the new address space's map write-locked.  A vm_map_insert result
 * (KERN_SUCCESS, KERN_NO_SPACE if something is there).  Never sleeps.
 */
int	shared_page_map(struct vmspace *vm);

/*
 * shared_page_object_is: whether `obj` is the shared page's object
 * (for kern.proc.vmmap's entry type).  Any context.
 */
bool	shared_page_object_is(const struct vm_object *obj);

/*
 * timekeep_push_vdso: write the clock's record anew (tc_fill_vdso_
 * timehands and kern.timecounter.fast_gettime) under the generation
 * protocol of sys/_timekeep.h.  Called when the time base changes (at
 * calibration) and when the sysctl is set.  Interrupts are disabled
 * while it writes; never sleeps.
 */
void	timekeep_push_vdso(void);

#endif /* !_KERNEL_SHAREDPAGE_H_ */
