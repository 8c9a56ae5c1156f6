/*
 * kern_sx.c - shared/exclusive locks (see sx.h).
 *
 * A thread that cannot have the lock sleeps on it (tsleep on the lock's
 * address, wmesg its name) and tries again when a holder lets go; the
 * release wakes the sleepers when there are any.  The test and the sleep
 * happen with interrupts disabled, so a release cannot slip in between
 * (one CPU: that is the scheduler's lock).  Readers do not wait for
 * waiting writers, so a thread may take a shared hold twice.
 *
 * Two waits could never end, and panic instead, naming the lock, where
 * it is asked for and where it was last taken: asking again for a lock
 * curthread holds exclusively (recursion), and waiting when there is no
 * other thread to release it (sched_others(): before the scheduler
 * starts, and always in the host build, which has one thread).  Holding
 * a shared lock and asking for it exclusively is a deadlock this code
 * cannot see (readers are counted, not named).
 *
 * No spin mutex may be held while taking an sx lock: it may sleep.
 */
#include <kernel/systm.h>
#include <kernel/machdep.h>
#include <kernel/proc.h>
#include <kernel/sched.h>
#include <kernel/sleep.h>
#include <kernel/sx.h>

/*
 * sx_init: an unlocked lock named `name` (kept, not copied).  Any
 * context.
 */
void
sx_init(struct sx *sx, const char *name)
{
	sx->sx_name = name;
	sx->sx_readers = 0;
	sx->sx_xlocked = false;
	sx->sx_owner = NULL;
	sx->sx_waiters = 0;
	sx->sx_file = NULL;
	sx->sx_line = 0;
}

static void
sx_deadlock(struct sx *sx, const char *how, const char *file, int line)
{
	panic("sx %s: %s at %s:%d, but it is held %s (last taken at %s:%d): "
	    "%s (deadlock)", sx->sx_name, how, file, line,
	    sx->sx_xlocked ? "exclusively" : "shared",
	    sx->sx_file != NULL ? sx->sx_file : "?", sx->sx_line,
	    sx->sx_owner == curthread ? "by this thread" :
	    "no other thread could ever release it");
}

/*
 * Sleep until the lock may be free, or panic if nothing could free it.
 * Interrupts disabled.
 */
static void
sx_wait(struct sx *sx, const char *how, const char *file, int line)
{
	if (sx->sx_owner == curthread || !sched_others())
		sx_deadlock(sx, how, file, line);
	sx->sx_waiters++;
	(void)tsleep(sx, 0, sx->sx_name, 0);
	sx->sx_waiters--;
}

/* Let the sleepers try again. */
static void
sx_wakeup(struct sx *sx)
{
	if (sx->sx_waiters > 0)
		wakeup(sx);
}

/* _sx_xlock (sx_xlock): take `sx` exclusively, sleeping while it is held. */
void
_sx_xlock(struct sx *sx, const char *file, int line)
{
	unsigned long s;

	s = intr_disable();
	while (sx->sx_xlocked || sx->sx_readers > 0)
		sx_wait(sx, "exclusive lock wanted", file, line);
	sx->sx_xlocked = true;
	sx->sx_owner = curthread;
	sx->sx_file = file;
	sx->sx_line = line;
	intr_restore(s);
}

/*
 * _sx_slock (sx_slock): take `sx` shared, sleeping while it is held
 * exclusively.
 */
void
_sx_slock(struct sx *sx, const char *file, int line)
{
	unsigned long s;

	s = intr_disable();
	while (sx->sx_xlocked)
		sx_wait(sx, "shared lock wanted", file, line);
	sx->sx_readers++;
	sx->sx_file = file;
	sx->sx_line = line;
	intr_restore(s);
}

/* sx_xunlock: release an exclusive hold.  Never sleeps. */
void
sx_xunlock(struct sx *sx)
{
	unsigned long s;

	KASSERT(sx->sx_xlocked && sx->sx_owner == curthread,
	    ("sx_xunlock: sx %s not held exclusively by this thread",
	    sx->sx_name));
	s = intr_disable();
	sx->sx_xlocked = false;
	sx->sx_owner = NULL;
	sx_wakeup(sx);
	intr_restore(s);
}

/* sx_sunlock: release one shared hold.  Never sleeps. */
void
sx_sunlock(struct sx *sx)
{
	unsigned long s;

	KASSERT(!sx->sx_xlocked && sx->sx_readers > 0,
	    ("sx_sunlock: sx %s not held shared", sx->sx_name));
	s = intr_disable();
	if (--sx->sx_readers == 0)
		sx_wakeup(sx);
	intr_restore(s);
}

/*
 * sx_try_upgrade: turn our shared hold into an exclusive one if we are
 * the only reader; false (still shared) otherwise.  Never sleeps.
 */
bool
sx_try_upgrade(struct sx *sx)
{
	KASSERT(!sx->sx_xlocked && sx->sx_readers > 0,
	    ("sx_try_upgrade: sx %s not held shared", sx->sx_name));
	if (sx->sx_readers != 1)
		return (false);
	sx->sx_readers = 0;
	sx->sx_xlocked = true;
	sx->sx_owner = curthread;
	return (true);
}

/* sx_downgrade: turn an exclusive hold into a shared one.  Never sleeps. */
void
sx_downgrade(struct sx *sx)
{
	unsigned long s;

	KASSERT(sx->sx_xlocked && sx->sx_owner == curthread,
	    ("sx_downgrade: sx %s not held exclusively", sx->sx_name));
	s = intr_disable();
	sx->sx_xlocked = false;
	sx->sx_owner = NULL;
	sx->sx_readers = 1;
	/* Waiting readers may share now. */
	sx_wakeup(sx);
	intr_restore(s);
}

/* sx_xlocked: see sx.h. */
bool
sx_xlocked(const struct sx *sx)
{
	return (sx->sx_xlocked && sx->sx_owner == curthread);
}

/*
 * sx_assert: KASSERT that `sx` is held as `what` says (SA_XLOCKED,
 * SA_SLOCKED, SA_LOCKED: either, SA_UNLOCKED: not at all).  Nothing
 * without INVARIANTS.
 */
void
sx_assert(const struct sx *sx, int what)
{
	switch (what) {
	case SA_XLOCKED:
		KASSERT(sx_xlocked(sx), ("sx %s not held exclusively by this "
		    "thread", sx->sx_name));
		break;
	case SA_SLOCKED:
		KASSERT(!sx->sx_xlocked && sx->sx_readers > 0,
		    ("sx %s not held shared", sx->sx_name));
		break;
	case SA_LOCKED:
		KASSERT(sx->sx_xlocked || sx->sx_readers > 0,
		    ("sx %s not held", sx->sx_name));
		break;
	case SA_UNLOCKED:
		KASSERT(!sx->sx_xlocked && sx->sx_readers == 0,
		    ("sx %s held (last taken at %s:%d)", sx->sx_name,
		    sx->sx_file != NULL ? sx->sx_file : "?", sx->sx_line));
		break;
	default:
		KASSERT(0, ("sx_assert: bad what %d", what));
	}
}
