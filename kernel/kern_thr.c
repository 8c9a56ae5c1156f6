/*
 * kern_thr.c - threads of user processes: thr_new, thr_self, thr_exit,
 * thr_kill (FreeBSD's calls and numbers; libc's pthreads sit on them).
 *
 * A thread made by thr_new shares everything of its process (address
 * space, descriptors, credentials, handlers) and has its own kernel
 * stack, registers (x87/SSE state fresh, as exec leaves it), TLS base,
 * signal mask (the creator's) and pending thread signals (none).  It
 * starts in user mode at the given function on the given user stack
 * (cpu_set_upcall).  thr_exit ends the calling thread; the last thread
 * of a process to call it ends the process with status 0.  Exit and
 * exec end all the other threads first (thread_single, kern_thread.c);
 * fork copies only the calling thread.
 *
 * Locking: the thread list and counts change with interrupts disabled
 * (thread_run, thread_exit); the rest is the calling thread's own.
 */
#include <sys/errno.h>
#include <sys/signal.h>
#include <sys/_thr.h>
#include <sys/_wait.h>
#include <kernel/systm.h>
#include <kernel/kthread.h>
#include <kernel/machdep.h>
#include <kernel/proc.h>
#include <kernel/sched.h>
#include <kernel/signalvar.h>
#include <kernel/syscallvar.h>
#include <kernel/umtx.h>
#include <machine/vmparam.h>

/* Whether [addr, addr + len) is user memory (len may be 0). */
static bool
thr_user_range(vm_offset_t addr, vm_size_t len)
{
	return (addr >= VM_MIN_USER_ADDRESS && addr <= VM_MAX_USER_ADDRESS &&
	    len <= VM_MAX_USER_ADDRESS - addr);
}

/* Store thread id `tid` as a long at user address `uaddr` (if not 0). */
static int
thr_store_tid(long *uaddr, long tid)
{
	if (uaddr == NULL)
		return (0);
	return (copyout(&tid, uaddr, sizeof(tid)));
}

/*
 * kern_thr_new: a new thread of td's process as `param` says (see
 * sys/_thr.h).  0, EINVAL (flags, rtp, a stack or function outside user
 * space), EFAULT (the tid pointers, or on i386 the stack), EPROCLIM
 * (MAXTHREADS_PER_PROC), ENOMEM, EINTR (the process is being ended or
 * exec'd by another thread).
 */
static int
kern_thr_new(struct thread *td, const struct thr_param *param)
{
	struct proc *p = td->td_proc;
	struct thread *ntd;
	unsigned long s;
	int error;

	if ((param->flags & ~THR_SYSTEM_SCOPE) != 0 || param->rtp != NULL)
		return (EINVAL);
	if (param->stack_size == 0 ||
	    !thr_user_range((vm_offset_t)param->stack_base,
	    param->stack_size) ||
	    (vm_offset_t)param->start_func < VM_MIN_USER_ADDRESS ||
	    (vm_offset_t)param->start_func >= VM_MAX_USER_ADDRESS ||
	    (vm_offset_t)param->tls_base >= VM_MAX_USER_ADDRESS)
		return (EINVAL);
	s = intr_disable();
	error = p->p_singlethread != NULL ? EINTR :
	    p->p_numthreads >= MAXTHREADS_PER_PROC ? EPROCLIM : 0;
	intr_restore(s);
	if (error != 0)
		return (error);
	if ((ntd = thread_alloc(p, p->p_comm)) == NULL)
		return (ENOMEM);
	cpu_thread_set_user(ntd, 0, 0);
	error = cpu_set_upcall(ntd, (vm_offset_t)param->start_func,
	    (vm_offset_t)param->arg, (vm_offset_t)param->stack_base,
	    param->stack_size);
	if (error == 0 && param->tls_base != NULL)
		error = cpu_set_user_tls(ntd, (vm_offset_t)param->tls_base);
	if (error == 0)
		error = thr_store_tid(param->child_tid, ntd->td_tid);
	if (error == 0)
		error = thr_store_tid(param->parent_tid, ntd->td_tid);
	if (error != 0) {
		thread_free(ntd);
		return (error);
	}
	ntd->td_sigmask = td->td_sigmask;
	thread_run(ntd);
	return (0);
}

/*
 * sys_thr_new: thr_new(param, param_size): param_size bytes of a
 * struct thr_param (at most its size; the rest is taken as 0).
 */
int
sys_thr_new(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	struct thr_param param;
	size_t size = (size_t)args[1];
	int error;

	(void)retval;
	if ((long)args[1] <= 0 || size > sizeof(param))
		return (EINVAL);
	memset(&param, 0, sizeof(param));
	if ((error = copyin((const void *)args[0], &param, size)) != 0)
		return (error);
	return (kern_thr_new(td, &param));
}

/*
 * sys_sched_yield: sched_yield(): let the other runnable threads run
 * before the caller goes on (it goes to the end of the run queue).
 */
int
sys_sched_yield(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	(void)td, (void)args, (void)retval;
	sched_yield();
	return (0);
}

/* sys_thr_self: thr_self(id): the calling thread's id, as a long. */
int
sys_thr_self(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	(void)retval;
	return (thr_store_tid((long *)args[0], td->td_tid));
}

/*
 * sys_thr_exit: thr_exit(state): if state is not NULL, store 0 (a long)
 * there and wake the threads waiting on it (_umtx_op UMTX_OP_WAIT: a
 * joiner); then the thread ends.  When it is the process's last thread
 * the process exits with status 0.  A bad state is ignored.  Never
 * returns.
 */
int
sys_thr_exit(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	struct proc *p = td->td_proc;
	unsigned long s;
	long zero = 0;

	(void)retval;
	if (args[0] != 0) {
		(void)copyout(&zero, (void *)args[0], sizeof(zero));
		(void)kern_umtx_wake(td, (void *)args[0], INT32_MAX);
	}
	/*
	 * Not the last: end it with interrupts still off, so the count
	 * cannot change in between.  The last: nobody else can make a
	 * thread of this process any more.
	 */
	s = intr_disable();
	if (p->p_numthreads > 1)
		thread_exit();
	intr_restore(s);
	exit1(td, W_EXITCODE(0, 0));
}

/*
 * sys_thr_kill: thr_kill(id, sig): send `sig` to thread `id` of the
 * calling process (-1: to every thread of it); signal 0 only checks
 * that it exists.  Stop signals, SIGCONT and SIGKILL act on the whole
 * process (tdsignal).  EINVAL for a bad signal, ESRCH for no such
 * thread.
 */
int
sys_thr_kill(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	struct proc *p = td->td_proc;
	struct thread *td2, *next;
	long id = (long)args[0];
	int sig = (int)args[1], error = ESRCH;
	unsigned long s;

	(void)retval;
	if (sig < 0 || sig >= NSIG)
		return (EINVAL);
	s = intr_disable();
	TAILQ_FOREACH_SAFE(td2, &p->p_threads, td_plist, next) {
		if (id != -1 && td2->td_tid != id)
			continue;
		error = 0;
		if (sig != 0)
			tdsignal(td2, sig, SI_LWP, p->p_pid, 0);
		if (id != -1)
			break;
	}
	intr_restore(s);
	return (error);
}
