/*
 * kern_mutex.c - spin mutexes for a single CPU (see mutex.h).
 */
#include <kernel/mutex.h>
#include <kernel/machdep.h>

/* Spin mutexes held now (one CPU: one count; per CPU when SMP comes). */
static int mtx_nheld;

/* mtx_held_count: see mutex.h. */
int
mtx_held_count(void)
{
	return (mtx_nheld);
}

void
mtx_init(struct mtx *m, const char *name)
{
	m->mtx_name = name;
	m->mtx_owned = 0;
	m->mtx_saved_intr = 0;
	m->mtx_file = NULL;
	m->mtx_line = 0;
}

void
_mtx_lock(struct mtx *m, const char *file, int line)
{
	unsigned long saved;

	saved = intr_disable();
	KASSERT(!m->mtx_owned, ("recursing on mutex %s at %s:%d (held since "
	    "%s:%d)", m->mtx_name, file, line, m->mtx_file, m->mtx_line));
	m->mtx_owned = 1;
	mtx_nheld++;
	m->mtx_saved_intr = saved;
	m->mtx_file = file;
	m->mtx_line = line;
}

void
_mtx_unlock(struct mtx *m, const char *file, int line)
{
	unsigned long saved;

	KASSERT(m->mtx_owned, ("unlocking unowned mutex %s at %s:%d",
	    m->mtx_name, file, line));
	saved = m->mtx_saved_intr;
	m->mtx_owned = 0;
	mtx_nheld--;
	m->mtx_file = NULL;
	intr_restore(saved);
}
