/*
 * sx.h - shared/exclusive locks that may be held across a sleep (the
 * vm_map lock).  Readers share, a writer excludes everyone; a thread
 * that cannot have the lock sleeps until it is released.
 *
 * A wait that nothing could ever end panics instead, naming the lock
 * and both places: asking again for a lock this thread holds
 * exclusively, or waiting when no other thread exists (see kern_sx.c).
 */
#ifndef _KERNEL_SX_H_
#define _KERNEL_SX_H_

#include <kernel/systm.h>

struct thread;

struct sx {
	const char	*sx_name;
	int		sx_readers;	/* shared holders */
	bool		sx_xlocked;	/* held exclusively */
	struct thread	*sx_owner;	/* by this thread */
	int		sx_waiters;	/* threads asleep on it */
	const char	*sx_file;	/* last taken at, for messages */
	int		sx_line;
};

#define SA_XLOCKED	1
#define SA_SLOCKED	2
#define SA_LOCKED	3
#define SA_UNLOCKED	4

void	sx_init(struct sx *sx, const char *name);
#define sx_xlock(sx)	_sx_xlock((sx), __FILE__, __LINE__)
#define sx_slock(sx)	_sx_slock((sx), __FILE__, __LINE__)
void	_sx_xlock(struct sx *sx, const char *file, int line);
void	_sx_slock(struct sx *sx, const char *file, int line);
void	sx_xunlock(struct sx *sx);
void	sx_sunlock(struct sx *sx);
/* sx_try_upgrade: shared -> exclusive if we are the only reader. */
bool	sx_try_upgrade(struct sx *sx);
void	sx_downgrade(struct sx *sx);
/* sx_xlocked: whether curthread holds `sx` exclusively. */
bool	sx_xlocked(const struct sx *sx);
void	sx_assert(const struct sx *sx, int what);

#endif /* !_KERNEL_SX_H_ */
