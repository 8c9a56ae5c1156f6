/*
 * kern_switch.c - the scheduler (see sched.h): one run queue, round
 * robin, a time slice, preemption on the way out of an interrupt, and
 * the idle thread.
 *
 * Locking: one CPU, so "interrupts disabled" is the scheduler's lock:
 * the run queue, thread states and curthread change only with
 * interrupts off.  A spin mutex disables interrupts too, so no thread
 * is ever switched out holding one (mi_switch asserts it).
 *
 * A switch saves the old thread's callee-saved registers on its own
 * stack and its stack pointer in td_sp (cpu_switch, per ARCH); the
 * thread resumes inside mi_switch when it is chosen again.  Before it,
 * the CPU learns the new thread's kernel stack (cpu_switchin) and, if
 * the process changes, its address space (pmap_activate; kernel
 * threads run on the kernel pmap).  Each thread
 * keeps its own interrupt state across a switch: mi_switch runs with
 * interrupts off and returns with them off, and its caller restores
 * what it had.
 */
#include <kernel/systm.h>
#include <kernel/machdep.h>
#include <kernel/mutex.h>
#include <kernel/kthread.h>
#include <kernel/sched.h>
#include <vm/vm_map.h>
#include <vm/pmap.h>
#include <machine/frame.h>

static TAILQ_HEAD(, thread) runq = TAILQ_HEAD_INITIALIZER(runq);
static struct thread *idlethread;
static bool sched_running;	/* sched_init done */

static void
sched_idle_loop(void *arg __unused)
{
	for (;;) {
		cpu_disable_intr();
		if (!TAILQ_EMPTY(&runq)) {
			curthread->td_state = TDS_RUNQ;
			mi_switch();
		}
		/* Enable and halt in one step: no wakeup slips between. */
		cpu_idle();
	}
}

/* sched_init: see sched.h. */
void
sched_init(void)
{
	KASSERT(!sched_running, ("sched_init: twice"));
	TAILQ_INSERT_TAIL(&proc0.p_threads, &thread0, td_plist);
	proc0.p_numthreads++;
	thread0.td_kstack = (vm_offset_t)boot_kstack;
	thread0.td_kstack_size = boot_kstack_top - boot_kstack;
	thread0.td_slice = SCHED_SLICE;
	if (kthread_add(sched_idle_loop, NULL, "idle", &idlethread) != 0)
		panic("sched_init: no memory for the idle thread");
	cpu_disable_intr();
	/* The idle thread runs only when nothing else can. */
	TAILQ_REMOVE(&runq, idlethread, td_runq);
	idlethread->td_state = TDS_INACTIVE;
	idlethread->td_flags |= TDF_IDLE;
	sched_running = true;
	cpu_enable_intr();
}

/* sched_add: see sched.h. */
void
sched_add(struct thread *td)
{
	KASSERT(td->td_state != TDS_RUNQ && td->td_state != TDS_DEAD,
	    ("sched_add: thread %s in state %d", td->td_name, td->td_state));
	td->td_state = TDS_RUNQ;
	if ((td->td_flags & TDF_IDLE) != 0)
		return;
	TAILQ_INSERT_TAIL(&runq, td, td_runq);
	/* The idle thread gives way at once. */
	if (curthread == idlethread)
		curthread->td_flags |= TDF_NEEDRESCHED;
}

/* mi_switch: see sched.h. */
void
mi_switch(void)
{
	struct thread *old = curthread, *new;

	KASSERT(mtx_held_count() == 0, ("mi_switch: thread %s holds %d spin "
	    "mutexes", old->td_name, mtx_held_count()));
	KASSERT(old->td_state != TDS_RUNNING,
	    ("mi_switch: thread %s did not say why it stops", old->td_name));
	if (old->td_state == TDS_RUNQ && (old->td_flags & TDF_IDLE) == 0)
		TAILQ_INSERT_TAIL(&runq, old, td_runq);
	new = TAILQ_FIRST(&runq);
	if (new != NULL)
		TAILQ_REMOVE(&runq, new, td_runq);
	else {
		KASSERT(idlethread != NULL, ("mi_switch: %s stops before the "
		    "scheduler runs", old->td_name));
		new = idlethread;
	}
	old->td_flags &= ~TDF_NEEDRESCHED;
	if (old->td_state == TDS_RUNQ)
		old->td_ru.ru_nivcsw++;
	else if (old->td_state != TDS_DEAD)
		old->td_ru.ru_nvcsw++;
	new->td_state = TDS_RUNNING;
	new->td_slice = SCHED_SLICE;
	if (new == old)
		return;
	curthread = new;
	cpu_switchin(new);
	if (new->td_proc->p_vmspace != old->td_proc->p_vmspace)
		pmap_activate(new->td_proc->p_vmspace != NULL ?
		    vmspace_pmap(new->td_proc->p_vmspace) : kernel_pmap);
	cpu_switch(&old->td_sp, new->td_sp);
	/* Running as `old` again, on its own stack. */
	thread_reap();
}

/* sched_yield: see sched.h. */
void
sched_yield(void)
{
	unsigned long s;

	s = intr_disable();
	curthread->td_state = TDS_RUNQ;
	mi_switch();
	intr_restore(s);
}

/*
 * sched_clock: see sched.h.  The tick is charged to a user thread, to
 * user or system time by where the interrupt found it (getrusage,
 * kern_rusage.c).
 */
void
sched_clock(void)
{
	struct thread *td = curthread;

	if (!sched_running)
		return;
	if (td->td_proc != &proc0) {
		if (td->td_intr_frame != NULL && TF_USERMODE(td->td_intr_frame))
			td->td_ru.ru_uticks++;
		else
			td->td_ru.ru_sticks++;
	}
	if ((td->td_flags & TDF_IDLE) != 0) {
		if (!TAILQ_EMPTY(&runq))
			td->td_flags |= TDF_NEEDRESCHED;
		return;
	}
	if (--td->td_slice <= 0 && !TAILQ_EMPTY(&runq))
		td->td_flags |= TDF_NEEDRESCHED;
}

/* sched_preempt: see sched.h. */
void
sched_preempt(void)
{
	struct thread *td = curthread;

	if (!sched_running || (td->td_flags & TDF_NEEDRESCHED) == 0)
		return;
	td->td_state = TDS_RUNQ;
	mi_switch();
}

/*
 * sched_others: see sched.h.  Kernel threads are proc0's; user threads
 * are those of the processes in allproc.
 */
bool
sched_others(void)
{
	struct thread *td;
	struct proc *p;

	if (!sched_running)
		return (false);
	TAILQ_FOREACH(td, &proc0.p_threads, td_plist)
		if (td != curthread && td != idlethread)
			return (true);
	TAILQ_FOREACH(p, &allproc, p_list)
		TAILQ_FOREACH(td, &p->p_threads, td_plist)
			if (td != curthread)
				return (true);
	return (false);
}
