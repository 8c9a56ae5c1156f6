/*
 * kern_thread.c - threads: proc0 and thread0 (the code that booted),
 * kernel threads, and the end of a thread.
 *
 * A thread cannot free the stack it is running on, so an exiting thread
 * only marks itself TDS_DEAD, goes on the dead queue and switches away;
 * thread_reap(), run by the scheduler right after every switch on the
 * next thread's stack, frees what the dead left.
 */
#include <kernel/systm.h>
#include <kernel/machdep.h>
#include <kernel/malloc.h>
#include <kernel/kthread.h>
#include <kernel/proc.h>
#include <kernel/sched.h>
#include <sys/errno.h>
#include <vm/vm_glue.h>

MALLOC_DEFINE(M_THREAD, "thread", "threads");

struct proc proc0 = {
	.p_threads = TAILQ_HEAD_INITIALIZER(proc0.p_threads),
	.p_pid = 0,
	.p_comm = "kernel",
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
	td->td_tid = thread_next_tid++;
	TAILQ_INSERT_TAIL(&td->td_proc->p_threads, td, td_plist);
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
	/* A first thing to do in the kernel (start_init's exec). */
	if ((func = td->td_func) != NULL) {
		td->td_func = NULL;
		cpu_enable_intr();
		func(td->td_arg);
		cpu_disable_intr();
	}
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

	KASSERT(td != &thread0, ("thread_exit: thread0 cannot exit"));
	(void)intr_disable();
	TAILQ_REMOVE(&td->td_proc->p_threads, td, td_plist);
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
