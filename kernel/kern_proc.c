/*
 * kern_proc.c - processes: the list of all of them, process ids, and
 * making a process that starts in user mode (proc_spawn; fork comes
 * later), and freeing a zombie.
 *
 * Locking: allproc, process states and the parent links change with
 * interrupts disabled (the scheduler's lock on one CPU).
 */
#include <sys/errno.h>
#include <kernel/systm.h>
#include <kernel/machdep.h>
#include <kernel/malloc.h>
#include <kernel/kthread.h>
#include <kernel/proc.h>
#include <vm/vm_map.h>

MALLOC_DEFINE(M_PROC, "proc", "processes");

struct proclist allproc = TAILQ_HEAD_INITIALIZER(allproc);
static int pid_last;

#define PID_MAX		99999

/* The next free process id after the last one given.  Interrupts off. */
static int
pid_alloc(void)
{
	struct proc *p;
	bool taken;

	do {
		if (++pid_last > PID_MAX)
			pid_last = 1;
		taken = false;
		TAILQ_FOREACH(p, &allproc, p_list)
			if (p->p_pid == pid_last) {
				taken = true;
				break;
			}
	} while (taken);
	return (pid_last);
}

/* proc_spawn: see proc.h. */
int
proc_spawn(struct vmspace *vm, vm_offset_t entry, vm_offset_t sp,
    const char *name, struct proc **pp)
{
	struct proc *p;
	struct thread *td;
	unsigned long s;

	p = malloc(sizeof(*p), M_PROC, M_NOWAIT | M_ZERO);
	if (p == NULL)
		return (ENOMEM);
	TAILQ_INIT(&p->p_threads);
	p->p_state = PRS_NEW;
	strlcpy(p->p_comm, name, sizeof(p->p_comm));
	td = thread_alloc(p, name);
	if (td == NULL) {
		free(p, M_PROC);
		return (ENOMEM);
	}
	cpu_thread_set_user(td, entry, sp);
	p->p_vmspace = vm;
	s = intr_disable();
	p->p_pid = pid_alloc();
	p->p_pptr = curthread->td_proc;
	p->p_state = PRS_NORMAL;
	TAILQ_INSERT_TAIL(&allproc, p, p_list);
	intr_restore(s);
	*pp = p;
	thread_run(td);
	return (0);
}

/* proc_reap: see proc.h. */
void
proc_reap(struct proc *p)
{
	unsigned long s;

	KASSERT(p->p_state == PRS_ZOMBIE && TAILQ_EMPTY(&p->p_threads),
	    ("proc_reap: pid %d is not a zombie", p->p_pid));
	s = intr_disable();
	TAILQ_REMOVE(&allproc, p, p_list);
	intr_restore(s);
	free(p, M_PROC);
}
