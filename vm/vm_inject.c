/*
 * vm_inject.c - the fault-injection knobs (see vm_inject.h), sysctls
 * that root may set and that are 0 (off) at boot:
 *
 *  debug.inject.pid		0: the knobs act on every process; else
 *				only on threads of this process (a test
 *				sets its own pid so that the runner and
 *				other processes are left alone)
 *  debug.inject.page_alloc_skip,
 *  debug.inject.page_alloc_fail
 *				let `skip` page allocations through, then
 *				fail the next `fail` (the fault path's,
 *				copy-on-write's, tmpfs's: class NORMAL,
 *				into an object); both count down to 0
 *  debug.inject.pager_error_skip,
 *  debug.inject.pager_error	the same for pager reads (getpages), which
 *				then return VM_PAGER_ERROR: the fault is
 *				KERN_FAILURE
 *  debug.inject.wire_delay_ms	sleep this long before each page the
 *				wiring fault loop faults in (the map is
 *				unlocked then): a race window
 *
 * Locking: the counters count down under a spin mutex, so that two
 * threads never both take the last one; a knob that is 0 is read
 * without it (a knob set meanwhile acts from the next call on).
 */
#include <kernel/systm.h>
#include <kernel/clock.h>
#include <kernel/mutex.h>
#include <kernel/proc.h>
#include <kernel/sleep.h>
#include <kernel/sysctl.h>
#include <vm/vm_inject.h>

int	vm_inject_pid;
int	vm_inject_page_alloc_skip, vm_inject_page_alloc_fail;
int	vm_inject_pager_error_skip, vm_inject_pager_error_fail;
int	vm_inject_wire_delay_ms;
static struct mtx inject_mtx = MTX_INITIALIZER("vm inject");
static int	inject_chan;		/* nobody wakes it: a timed sleep */

SYSCTL_INT_RW(debug_inject_pid, "debug.inject.pid", &vm_inject_pid,
    "fault injection: only in this process (0: in every one)");
SYSCTL_INT_RW(debug_inject_page_alloc_skip, "debug.inject.page_alloc_skip",
    &vm_inject_page_alloc_skip, "fault injection: page allocations let "
    "through before page_alloc_fail acts");
SYSCTL_INT_RW(debug_inject_page_alloc_fail, "debug.inject.page_alloc_fail",
    &vm_inject_page_alloc_fail, "fault injection: page allocations to "
    "fail");
SYSCTL_INT_RW(debug_inject_pager_error_skip,
    "debug.inject.pager_error_skip", &vm_inject_pager_error_skip,
    "fault injection: pager reads let through before pager_error acts");
SYSCTL_INT_RW(debug_inject_pager_error, "debug.inject.pager_error",
    &vm_inject_pager_error_fail, "fault injection: pager reads to fail "
    "(I/O error)");
SYSCTL_INT_RW(debug_inject_wire_delay_ms, "debug.inject.wire_delay_ms",
    &vm_inject_wire_delay_ms, "fault injection: sleep per page of a wiring");

/* Does the pid knob let the knobs act on curthread? */
static bool
inject_here(void)
{
	struct proc *p = curthread != NULL ? curthread->td_proc : NULL;
	int pid = *(volatile int *)&vm_inject_pid;

	return (pid == 0 || (p != NULL && p->p_pid == pid));
}

/* Count one event against (skip, fail): true if it must fail. */
static bool
inject_count(int *skip, int *fail)
{
	bool hit = false;

	if (*(volatile int *)fail <= 0 || !inject_here())
		return (false);
	mtx_lock(&inject_mtx);
	if (*skip > 0)
		(*skip)--;
	else if (*fail > 0) {
		(*fail)--;
		hit = true;
	}
	mtx_unlock(&inject_mtx);
	return (hit);
}

/* vm_inject_page_alloc: see vm_inject.h. */
bool
vm_inject_page_alloc(void)
{
	return (inject_count(&vm_inject_page_alloc_skip,
	    &vm_inject_page_alloc_fail));
}

/* vm_inject_pager_error: see vm_inject.h. */
bool
vm_inject_pager_error(void)
{
	return (inject_count(&vm_inject_pager_error_skip,
	    &vm_inject_pager_error_fail));
}

/* vm_inject_page_alloc_pending: see vm_inject.h. */
bool
vm_inject_page_alloc_pending(void)
{
	return (*(volatile int *)&vm_inject_page_alloc_fail > 0 &&
	    inject_here());
}

/* vm_inject_wire_delay: see vm_inject.h. */
void
vm_inject_wire_delay(void)
{
	int ms = *(volatile int *)&vm_inject_wire_delay_ms;

	if (ms <= 0 || !inject_here())
		return;
	if (ms > 10000)
		ms = 10000;
	(void)tsleep(&inject_chan, PCATCH, "wiredly",
	    (ms * HZ + 999) / 1000);
}
