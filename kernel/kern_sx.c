/*
 * kern_sx.c - shared/exclusive locks (see sx.h) for a kernel with one
 * thread and no scheduler.
 *
 * With one thread, a lock that is held when it is asked for again can
 * never be released: the holder is the thread that is asking.  So every
 * contended request (exclusive while held in any mode, shared while held
 * exclusively) is a deadlock and panics, naming the lock, where it is
 * asked for and where it was last taken.  A shared lock may be taken
 * again while it is shared (readers count); that cannot deadlock by
 * itself.  The scheduler issue turns the panics into waits; callers do
 * not change.
 *
 * No spin mutex may be held while taking an sx lock (that rule matters
 * once taking one can sleep).
 */
#include <kernel/systm.h>
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
	sx->sx_file = NULL;
	sx->sx_line = 0;
}

static void
sx_deadlock(struct sx *sx, const char *how, const char *file, int line)
{
	panic("sx %s: %s at %s:%d, but it is held %s (last taken at %s:%d): "
	    "with one thread it can never be released (deadlock)",
	    sx->sx_name, how, file, line,
	    sx->sx_xlocked ? "exclusively" : "shared",
	    sx->sx_file != NULL ? sx->sx_file : "?", sx->sx_line);
}

/*
 * _sx_xlock (sx_xlock): take `sx` exclusively.  Panics if it is held in
 * any mode (see the top of this file).  Would sleep with a scheduler.
 */
void
_sx_xlock(struct sx *sx, const char *file, int line)
{
	if (sx->sx_xlocked || sx->sx_readers > 0)
		sx_deadlock(sx, "exclusive lock wanted", file, line);
	sx->sx_xlocked = true;
	sx->sx_file = file;
	sx->sx_line = line;
}

/*
 * _sx_slock (sx_slock): take `sx` shared.  Panics if it is held
 * exclusively.  Would sleep with a scheduler.
 */
void
_sx_slock(struct sx *sx, const char *file, int line)
{
	if (sx->sx_xlocked)
		sx_deadlock(sx, "shared lock wanted", file, line);
	sx->sx_readers++;
	sx->sx_file = file;
	sx->sx_line = line;
}

/* sx_xunlock: release an exclusive hold.  Never sleeps. */
void
sx_xunlock(struct sx *sx)
{
	KASSERT(sx->sx_xlocked, ("sx_xunlock: sx %s not held exclusively",
	    sx->sx_name));
	sx->sx_xlocked = false;
}

/* sx_sunlock: release one shared hold.  Never sleeps. */
void
sx_sunlock(struct sx *sx)
{
	KASSERT(!sx->sx_xlocked && sx->sx_readers > 0,
	    ("sx_sunlock: sx %s not held shared", sx->sx_name));
	sx->sx_readers--;
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
	return (true);
}

/* sx_downgrade: turn an exclusive hold into a shared one.  Never sleeps. */
void
sx_downgrade(struct sx *sx)
{
	KASSERT(sx->sx_xlocked, ("sx_downgrade: sx %s not held exclusively",
	    sx->sx_name));
	sx->sx_xlocked = false;
	sx->sx_readers = 1;
}

/* sx_xlocked: whether `sx` is held exclusively (by us: the one thread). */
bool
sx_xlocked(const struct sx *sx)
{
	return (sx->sx_xlocked);
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
		KASSERT(sx->sx_xlocked, ("sx %s not held exclusively",
		    sx->sx_name));
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
