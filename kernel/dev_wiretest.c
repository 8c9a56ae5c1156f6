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
#include <vm/vm_glue.h>

#define WIRETEST_NOSIG_MAX_MS	60000	/* the longest hold no signal ends */

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

/* wiretest_ioctl: see devsw.h. */
int
wiretest_ioctl(struct file *fp, u_long cmd, void *data)
{
	struct wiretest_hold *wh = data;
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
		if (wh->wh_ms < 0 || (wh->wh_flags & ~WIRETEST_F_NOSIG) != 0 ||
		    ((wh->wh_flags & WIRETEST_F_NOSIG) != 0 &&
		    (wh->wh_ms == 0 || wh->wh_ms > WIRETEST_NOSIG_MAX_MS)))
			return (EINVAL);
		addr = (void *)(uintptr_t)wh->wh_addr;
		len = (size_t)wh->wh_len;
		if ((uint64_t)len != wh->wh_len)
			return (EINVAL);
		if ((uint64_t)(uintptr_t)addr != wh->wh_addr)
			return (EFAULT);	/* beyond a 32-bit space */
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
