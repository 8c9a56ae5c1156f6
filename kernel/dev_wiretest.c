/*
 * dev_wiretest.c - /dev/wiretest, the test hook for system wirings
 * (sys/_wiretest.h): WIRETEST_HOLD vslocks a buffer of the caller and
 * keeps it wired while the caller's thread sleeps in the kernel, so that
 * a test's other threads can watch the wiring (kern.proc.vmmap), mlock
 * and munlock over it (R30, R34) and munmap it (R36: munmap waits, and
 * SIGKILL ends the wait); WIRETEST_RELEASE ends the holds.
 *
 * The hold is an interruptible sleep: a signal ends it, and so does the
 * single-threading of exit, so a process being killed never waits for
 * its own hold; WIRETEST_F_NOSIG makes it a bounded uninterruptible one
 * instead (a kernel transfer that takes its time), so a test can see
 * that SIGKILL ends munmap's wait on its own and that exit then waits
 * for the holder to finish.  The buffer is vsunlocked before the ioctl returns
 * (R31).
 *
 * WIRETEST_F_FILL is the all-wired test hook (docs/exhaustion.md): the
 * hold wires the buffer a few pages at a time while the free count stays
 * above free_severe + WIRETEST_FILL_LEFT, so the machine ends just above
 * severe with nearly all memory system-wired on behalf of the caller;
 * the next ordinary process that needs pages waits at the severe gate.
 * It is wired with vm_map_wire directly (not vslock: no cap, and
 * v_vslock_bytes does not count it) and unwired before the ioctl
 * returns, as any hold.
 *
 * Locking: the release generation is read and bumped with interrupts
 * off; tsleep_gen makes the check and the sleep one step.
 */
#include <sys/errno.h>
#include <sys/_wiretest.h>
#include <kernel/systm.h>
#include <kernel/clock.h>
#include <kernel/devsw.h>
#include <kernel/file.h>
#include <kernel/machdep.h>
#include <kernel/priv.h>
#include <kernel/proc.h>
#include <kernel/sleep.h>
#include <vm/vm.h>
#include <vm/vm_glue.h>
#include <vm/vm_map.h>
#include <vm/vm_page.h>
#include <vm/vmmeter.h>

#define WIRETEST_NOSIG_MAX_MS	60000	/* the longest hold no signal ends */
#define WIRETEST_FILL_LEFT	4	/* pages F_FILL leaves above severe */
#define WIRETEST_FILL_SLACK	4	/* pages a step keeps for its own needs */

static volatile unsigned int wiretest_gen;	/* bumped by RELEASE */
static int wiretest_chan;			/* what holds sleep on */

/*
 * Sleep until a RELEASE, `ms` milliseconds (0: no limit) or, if `sig`,
 * a signal.
 */
static int
wiretest_wait(int ms, bool sig)
{
	uint64_t end, now;
	unsigned int gen;
	unsigned long s;
	int error;

	s = intr_disable();
	gen = wiretest_gen;
	intr_restore(s);
	end = ticks + ((uint64_t)ms * HZ + 999) / 1000;
	for (;;) {
		now = ticks;
		if (ms > 0 && now >= end)
			return (0);
		error = tsleep_gen(&wiretest_chan, &wiretest_gen, gen,
		    sig ? PCATCH : 0, "wirehold", ms > 0 ? (int)(end - now) : 0);
		if (error != 0 && error != EWOULDBLOCK)
			return (EINTR);
		if (wiretest_gen != gen)
			return (0);
	}
}

/*
 * F_FILL: system-wire [start, end) from its start while the free count
 * allows; *wiredp is where the wired part ends.  ENOMEM if nothing
 * could be wired, EFAULT if the wiring failed (a gap; no page: a wiring
 * fault does not wait, so the steps stay clear of the mark).  May
 * sleep.
 */
static int
wiretest_fill(vm_offset_t start, vm_offset_t end, vm_offset_t *wiredp)
{
	vm_map_t map = &curthread->td_proc->p_vmspace->vm_map;
	vm_offset_t va;
	u_long avail, n;
	int error = 0;

	for (va = start; va < end; va += ptoa(n)) {
		/*
		 * Half of what may be taken, less a margin for the
		 * page-table pages and map entries the step itself needs: a
		 * dozen steps or so, ending within a few pages of the mark.
		 */
		avail = vm_cnt.v_free_count;
		if (avail <= vm_cnt.v_thresh.free_severe + WIRETEST_FILL_LEFT)
			break;
		n = avail - vm_cnt.v_thresh.free_severe - WIRETEST_FILL_LEFT;
		n = n > WIRETEST_FILL_SLACK ? (n - WIRETEST_FILL_SLACK) / 2 : 0;
		if (n == 0)
			break;
		n = MIN(n, atop(end - va));
		if (vm_map_wire(map, va, va + ptoa(n), VM_MAP_WIRE_SYSTEM |
		    VM_MAP_WIRE_NOHOLES) != KERN_SUCCESS) {
			error = EFAULT;
			break;
		}
	}
	*wiredp = va;
	if (error == 0 && va == start)
		error = ENOMEM;
	if (error != 0 && va > start)
		(void)vm_map_unwire(map, start, va, VM_MAP_WIRE_SYSTEM |
		    VM_MAP_WIRE_NOHOLES);
	return (error);
}

/* wiretest_ioctl: see devsw.h. */
int
wiretest_ioctl(struct file *fp, u_long cmd, void *data)
{
	struct wiretest_hold *wh = data;
	vm_offset_t start, wired;
	unsigned long s;
	void *addr;
	size_t len;
	int error;

	(void)fp;
	switch (cmd) {
	case WIRETEST_HOLD:
		/* Root only: a hold pins memory past RLIMIT_MEMLOCK. */
		if ((error = priv_check(curthread, PRIV_DRIVER)) != 0)
			return (error);
		if (wh->wh_ms < 0 ||
		    (wh->wh_flags & ~(WIRETEST_F_NOSIG | WIRETEST_F_FILL)) != 0 ||
		    ((wh->wh_flags & WIRETEST_F_NOSIG) != 0 &&
		    (wh->wh_ms == 0 || wh->wh_ms > WIRETEST_NOSIG_MAX_MS)))
			return (EINVAL);
		addr = (void *)(uintptr_t)wh->wh_addr;
		len = (size_t)wh->wh_len;
		if ((uint64_t)len != wh->wh_len)
			return (EINVAL);
		if ((uint64_t)(uintptr_t)addr != wh->wh_addr)
			return (EFAULT);	/* beyond a 32-bit space */
		if ((wh->wh_flags & WIRETEST_F_FILL) != 0) {
			start = trunc_page((vm_offset_t)addr);
			if ((vm_offset_t)addr + len < (vm_offset_t)addr)
				return (EINVAL);
			if ((error = wiretest_fill(start,
			    round_page((vm_offset_t)addr + len), &wired)) != 0)
				return (error);
			printf("wiretest: pid %d holds %lu pages system-wired; "
			    "free %lu, severe %lu\n", curthread->td_proc->p_pid,
			    (u_long)atop(wired - start),
			    (u_long)vm_cnt.v_free_count,
			    (u_long)vm_cnt.v_thresh.free_severe);
			error = wiretest_wait(wh->wh_ms,
			    (wh->wh_flags & WIRETEST_F_NOSIG) == 0);
			(void)vm_map_unwire(&curthread->td_proc->p_vmspace->vm_map,
			    start, wired, VM_MAP_WIRE_SYSTEM |
			    VM_MAP_WIRE_NOHOLES);
			return (error);
		}
		if ((error = vslock(addr, len)) != 0)
			return (error);
		error = wiretest_wait(wh->wh_ms,
		    (wh->wh_flags & WIRETEST_F_NOSIG) == 0);
		vsunlock(addr, len);
		return (error);
	case WIRETEST_RELEASE:
		s = intr_disable();
		wiretest_gen++;
		intr_restore(s);
		wakeup(&wiretest_chan);
		return (0);
	default:
		return (ENOTTY);
	}
}
