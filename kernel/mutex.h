/*
 * mutex.h - spin mutexes.
 *
 * Vise runs on one CPU, so a spin mutex is "interrupts off, and
 * remember who holds it": taking it masks interrupts (so neither an
 * interrupt handler nor a preempting thread can enter the same data)
 * and records the holder, so that recursion and a missing lock are caught
 * by mtx_assert() under INVARIANTS.  When SMP comes, the spin loop goes
 * here and nowhere else.  Locks never sleep; code holding one must not
 * sleep either.
 */
#ifndef _KERNEL_MUTEX_H_
#define _KERNEL_MUTEX_H_

#include <kernel/systm.h>

struct mtx {
	const char	*mtx_name;	/* (c) for messages */
	int		mtx_owned;	/* nonzero while held */
	unsigned long	mtx_saved_intr;	/* interrupt state to restore */
	const char	*mtx_file;	/* where it was taken, for KASSERTs */
	int		mtx_line;
};

#define MTX_INITIALIZER(name)	{ (name), 0, 0, NULL, 0 }

#define MA_OWNED	1
#define MA_NOTOWNED	2

/* mtx_init: set up an unowned mutex named `name`.  Any context. */
void	mtx_init(struct mtx *m, const char *name);

/*
 * mtx_lock / mtx_unlock: take and release `m`, masking interrupts in
 * between.  Not recursive: taking a mutex this CPU already holds panics
 * under INVARIANTS.  Any context; never sleeps.
 */
#define mtx_lock(m)	_mtx_lock((m), __FILE__, __LINE__)
#define mtx_unlock(m)	_mtx_unlock((m), __FILE__, __LINE__)
void	_mtx_lock(struct mtx *m, const char *file, int line);
void	_mtx_unlock(struct mtx *m, const char *file, int line);

/*
 * mtx_held_count: how many spin mutexes this CPU holds now; a thread
 * may not sleep or be switched out holding any.
 */
int	mtx_held_count(void);

/* mtx_owned: whether `m` is held (on this CPU: the only one). */
static inline int
mtx_owned(const struct mtx *m)
{
	return (m->mtx_owned);
}

#ifdef INVARIANTS
#define mtx_assert(m, what) do {					\
	if ((what) == MA_OWNED)						\
		KASSERT(mtx_owned(m), ("mutex %s not owned",		\
		    (m)->mtx_name));					\
	else								\
		KASSERT(!mtx_owned(m), ("mutex %s owned at %s:%d",	\
		    (m)->mtx_name, (m)->mtx_file, (m)->mtx_line));	\
} while (0)
#else
#define mtx_assert(m, what) do { } while (0)
#endif

#endif /* !_KERNEL_MUTEX_H_ */
