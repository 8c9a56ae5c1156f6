/*
 * vm_inject.h - fault injection for the wiring tests (vm/vm_inject.c):
 * root sets knobs with sysctl (debug.inject.*, all 0 = off at boot) to
 * make page allocations or pager reads fail, or to slow the wiring
 * fault loop down so that another thread can act on the map while a
 * wiring is in progress (SEMANTICS R40-R44, Appendix A).
 *
 * The checks are one-line calls at the places they act on: vm_page.c
 * (vm_page_alloc), vm_pager.h (vm_pager_get_pages) and vm_fault.c
 * (vm_fault_wire).  Each costs one load of a zero word when the knob
 * is off.  docs/wiring.md ("Fault injection") says what each does.
 */
#ifndef _VM_VM_INJECT_H_
#define _VM_VM_INJECT_H_

#include <vm/vm.h>

/*
 * The knobs (vm_inject.c lists their sysctl names).  The kernel's
 * users set them with sysctl; host tests, which have no sysctl, set
 * them directly.
 */
extern int	vm_inject_pid;
extern int	vm_inject_page_alloc_skip, vm_inject_page_alloc_fail;
extern int	vm_inject_pager_error_skip, vm_inject_pager_error_fail;
extern int	vm_inject_wire_delay_ms;

/*
 * vm_inject_page_alloc: whether this page allocation (class
 * VM_ALLOC_NORMAL, into an object) must fail: debug.inject.page_alloc_
 * skip allocations succeed first, then debug.inject.page_alloc_fail
 * fail; both count down.  Any context (spin mutex); does not sleep.
 */
bool	vm_inject_page_alloc(void);

/*
 * vm_inject_page_alloc_pending: whether page_alloc_fail would still
 * make a page allocation of curthread fail (vm_waitpfault then waits
 * its whole timeout: no free brings the pages back).  Any context; a
 * racy read.
 */
bool	vm_inject_page_alloc_pending(void);

/*
 * vm_inject_pager_error: whether this getpages call must fail with
 * VM_PAGER_ERROR (debug.inject.pager_error_skip, .pager_error, counted
 * down as above).  Any context; does not sleep.
 */
bool	vm_inject_pager_error(void);

/*
 * vm_inject_wire_delay: sleep debug.inject.wire_delay_ms (rounded up
 * to clock ticks) before the wiring fault loop faults its next page.
 * Called with no lock held (the map is busy and unlocked); sleeps; a
 * signal ends the sleep early.
 */
void	vm_inject_wire_delay(void);

#endif /* !_VM_VM_INJECT_H_ */
