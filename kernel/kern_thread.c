/*
 * kern_thread.c - threads: proc0 and thread0 (the code that booted),
 * kernel threads, the end of a thread, and single-threading a process.
 *
 * A thread cannot free the stack it is running on, so an exiting thread
 * only marks itself TDS_DEAD, goes on the dead queue and switches away;
 * thread_reap(), run by the scheduler right after every switch on the
 * next thread's stack, frees what the dead left.
 *
 * Single-threading (FreeBSD's thread_single, simplified): exit and exec
 * need the calling thread to be its process's only one.  The caller
 * becomes p_singlethread; every other thread of the process then exits
 * at its next return to user mode (userret, also on a new thread's way
 * out of fork_exit) or at its next interruptible sleep (tsleep's
 * signal check says EINTR, and the system call returns).  Threads
 * asleep interruptibly are woken, stopped ones continued.  The caller
 * sleeps until p_numthreads is 1; the last thread to go wakes it.  A
 * thread in an uninterruptible sleep ends that sleep first, as it
 * would have anyway: nothing the caller holds is needed for that,
 * since it holds nothing while it waits.  There is no suspension
 * (FreeBSD's SINGLE_BOUNDARY): exec kills the others as exit does.
 *
 * Locking: the lists, counts and p_singlethread change with interrupts
 * disabled (the scheduler's lock).
 */
#include <kernel/systm.h>
#include <kernel/machdep.h>
#include <kernel/malloc.h>
#include <kernel/kthread.h>
#include <kernel/proc.h>
#include <kernel/sched.h>
#include <kernel/signalvar.h>
#include <kernel/sleep.h>
#include <sys/errno.h>
#include <vm/vm_glue.h>

MALLOC_DEFINE(M_THREAD, "thread", "threads");

struct proc proc0 = {
	.p_threads = TAILQ_HEAD_INITIALIZER(proc0.p_threads),
	.p_pid = 0,
	.p_comm = "kernel",
	.p_flag = P_SYSTEM,
	.p_limit = PLIMIT_INITIALIZER,		/* ids: all 0, root */
	.p_umask = 022,
};
struct thread thread0 = {
	.td_proc = &proc0,
	.td_state = TDS_RUNNING,
	.td_tid = 0,
	.td_name = "thread0",
};
struct thread *curthread = &thread0;

static TAILQ_HEAD(, thread) thread_dead = TAILQ_HEAD_INITIALIZER(thread_dead);
static int thread_next_tid = 1;

/* thread_alloc: see kthread.h. */
struct thread *
thread_alloc(struct proc *p, const char *name)
{
	struct thread *td;
	unsigned long s;

	td = malloc(sizeof(*td), M_THREAD, M_NOWAIT | M_ZERO);
	if (td == NULL)
		return (NULL);
	td->td_kstack = vm_thread_stack_alloc();
	if (td->td_kstack == 0) {
		free(td, M_THREAD);
		return (NULL);
	}
	td->td_kstack_size = KSTACK_SIZE;
	td->td_proc = p;
	td->td_state = TDS_INACTIVE;
	strlcpy(td->td_name, name, sizeof(td->td_name));
	s = intr_disable();
	td->td_tid = thread_next_tid++;
	intr_restore(s);
	return (td);
}

/* thread_free: see kthread.h. */
void
thread_free(struct thread *td)
{
	vm_thread_stack_free(td->td_kstack);
	free(td, M_THREAD);
}

/* thread_run: see kthread.h. */
void
thread_run(struct thread *td)
{
	unsigned long s;

	s = intr_disable();
	TAILQ_INSERT_TAIL(&td->td_proc->p_threads, td, td_plist);
	td->td_proc->p_numthreads++;
	sched_add(td);
	intr_restore(s);
}

/* kthread_add: see kthread.h. */
int
kthread_add(void (*func)(void *), void *arg, const char *name,
    struct thread **tdp)
{
	struct thread *td;

	if ((td = thread_alloc(&proc0, name)) == NULL)
		return (ENOMEM);
	td->td_func = func;
	td->td_arg = arg;
	cpu_thread_setup(td);
	if (tdp != NULL)
		*tdp = td;
	thread_run(td);
	return (0);
}

/*
 * thread_start: see kthread.h.  The first switch to a new thread lands
 * here with interrupts disabled (they were, in mi_switch); the dead are
 * reaped as after any switch, then the thread's body runs with
 * interrupts on.
 */
void
thread_start(void)
{
	struct thread *td = curthread;

	thread_reap();
	cpu_enable_intr();
	td->td_func(td->td_arg);
	kthread_exit();
}

/*
 * fork_exit: see proc.h.  Called from fork_trampoline on the new
 * thread's stack, interrupts off; the return to user mode (doreti)
 * turns them on.  A user thread with a td_func runs it first, with
 * interrupts on (the first process execs init this way).
 */
void
fork_exit(void)
{
	struct thread *td = curthread;
	void (*func)(void *);

	thread_reap();
	cpu_enable_intr();
	/* A first thing to do in the kernel (start_init's exec). */
	if ((func = td->td_func) != NULL) {
		td->td_func = NULL;
		func(td->td_arg);
	}
	/* Signals, stops, and exit if its process is single-threaded. */
	userret(td, td->td_frame);
	cpu_disable_intr();
}

/* kthread_exit: see kthread.h. */
void
kthread_exit(void)
{
	thread_exit();
}

/* thread_exit: see kthread.h. */
void
thread_exit(void)
{
	struct thread *td = curthread;
	struct proc *p = td->td_proc;

	KASSERT(td != &thread0, ("thread_exit: thread0 cannot exit"));
	(void)intr_disable();
	TAILQ_REMOVE(&p->p_threads, td, td_plist);
	rucounts_add(&p->p_ru, &td->td_ru);
	/* The last of the others: the single-threading thread goes on. */
	if (--p->p_numthreads == 1 && p->p_singlethread != NULL)
		wakeup(&p->p_singlethread);
	td->td_state = TDS_DEAD;
	TAILQ_INSERT_TAIL(&thread_dead, td, td_runq);
	mi_switch();
	panic("thread_exit: thread %s ran again", td->td_name);
}

/* thread_reap: see kthread.h. */
void
thread_reap(void)
{
	struct thread *td;

	while ((td = TAILQ_FIRST(&thread_dead)) != NULL) {
		KASSERT(td != curthread, ("thread_reap: reaping curthread"));
		TAILQ_REMOVE(&thread_dead, td, td_runq);
		thread_free(td);
	}
}

/*
 * Make `td`, another thread of a process being single-threaded, run
 * to where it exits: continue it if it is stopped, end its sleep if it
 * is interruptible (PCATCH or PKILL).  Interrupts disabled.
 */
static void
thread_single_kick(struct thread *td)
{
	if (td->td_state == TDS_STOPPED)
		sched_add(td);
	else if (td->td_state == TDS_SLEEPING &&
	    (td->td_flags & (TDF_SINTR | TDF_SKILL)) != 0)
		sleepq_abort(td, EINTR);
}

/* thread_single: see proc.h. */
int
thread_single(struct thread *td)
{
	struct proc *p = td->td_proc;
	struct thread *td2;
	unsigned long s;

	KASSERT(td == curthread, ("thread_single: %s is not curthread",
	    td->td_name));
	s = intr_disable();
	if (p->p_singlethread != NULL && p->p_singlethread != td) {
		intr_restore(s);
		return (EINTR);
	}
	p->p_singlethread = td;
	TAILQ_FOREACH(td2, &p->p_threads, td_plist)
		if (td2 != td)
			thread_single_kick(td2);
	while (p->p_numthreads > 1)
		(void)tsleep(&p->p_singlethread, 0, "single", 0);
	intr_restore(s);
	return (0);
}

/* thread_single_end: see proc.h. */
void
thread_single_end(struct thread *td)
{
	unsigned long s;

	s = intr_disable();
	KASSERT(td->td_proc->p_singlethread == td,
	    ("thread_single_end: %s is not single-threading", td->td_name));
	td->td_proc->p_singlethread = NULL;
	intr_restore(s);
}

/* thread_suicide: see proc.h. */
void
thread_suicide(struct thread *td)
{
	KASSERT(td == curthread && thread_must_exit(td),
	    ("thread_suicide: %s has no reason to", td->td_name));
	thread_exit();
}

/* rucounts_add: see proc.h. */
void
rucounts_add(struct rucounts *to, const struct rucounts *from)
{
	to->ru_uticks += from->ru_uticks;
	to->ru_sticks += from->ru_sticks;
	to->ru_minflt += from->ru_minflt;
	to->ru_majflt += from->ru_majflt;
	to->ru_nvcsw += from->ru_nvcsw;
	to->ru_nivcsw += from->ru_nivcsw;
	to->ru_nsignals += from->ru_nsignals;
}
