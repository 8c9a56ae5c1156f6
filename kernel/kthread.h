/*
 * kthread.h - kernel threads (kernel/kern_thread.c).
 */
#ifndef _KERNEL_KTHREAD_H_
#define _KERNEL_KTHREAD_H_

#include <kernel/proc.h>

/*
 * kthread_add: a new thread of proc0 named `name` that runs func(arg)
 * on its own kernel stack (KSTACK_SIZE, wired as VM_WIRE_KSTACK, with an
 * unmapped guard page below it) and exits when func returns.  It is
 * runnable at once; *tdp (if not NULL) gets it.  Returns 0 or ENOMEM.
 * Any thread context; does not sleep.
 */
int	kthread_add(void (*func)(void *), void *arg, const char *name,
	    struct thread **tdp);

/*
 * thread_alloc: a thread of `p` named `name` with a kernel stack, not
 * yet runnable (the caller sets up its first frame); NULL if there is
 * no memory.  thread_free: undo it (never ran, or reaped).
 * thread_run: number it, link it into its process and make it
 * runnable.  Thread context; none sleeps.
 */
struct thread *thread_alloc(struct proc *p, const char *name);
void	thread_free(struct thread *td);
void	thread_run(struct thread *td);

/*
 * thread_exit: end curthread (any kind); kthread_exit: the same, for
 * a kernel thread.  Its stack is freed by the next thread
 * that runs (a thread cannot free the stack it runs on).  Never returns.
 */
void	kthread_exit(void) __attribute__((__noreturn__));
void	thread_exit(void) __attribute__((__noreturn__));

/*
 * thread_reap: free the stacks of threads that exited.  Called by the
 * scheduler after each switch; interrupts disabled.
 */
void	thread_reap(void);

/*
 * cpu_thread_setup (arch): prepare the stack of new thread `td` so that
 * the first switch to it calls thread_start().  cpu_switch (arch):
 * save the callee-saved registers on the current stack, store the stack
 * pointer in *old_sp, load new_sp, restore and return there.
 */
void	cpu_thread_setup(struct thread *td);
void	cpu_switch(uintptr_t *old_sp, uintptr_t new_sp);
/* thread_start: where a new thread begins (called from arch code). */
void	thread_start(void) __attribute__((__noreturn__));

#endif /* !_KERNEL_KTHREAD_H_ */
