/*
 * kern_proc.c - processes: the list of all of them, process ids, making
 * one (proc_spawn for the first, fork for the others), and freeing a
 * zombie.
 *
 * Locking: allproc, process states and the parent links change with
 * interrupts disabled (the scheduler's lock on one CPU).
 */
#include <sys/errno.h>
#include <sys/fcntl.h>
#include <kernel/systm.h>
#include <kernel/machdep.h>
#include <kernel/malloc.h>
#include <kernel/kthread.h>
#include <kernel/file.h>
#include <kernel/pgrp.h>
#include <kernel/mount.h>
#include <kernel/proc.h>
#include <kernel/signalvar.h>
#include <kernel/syscallvar.h>
#include <vm/vm_map.h>
#include <vm/vm_page.h>
#include <machine/vmparam.h>

MALLOC_DEFINE(M_PROC, "proc", "processes");

struct proclist allproc = TAILQ_HEAD_INITIALIZER(allproc);
struct proc *initproc;
static int pid_last;

#define PID_MAX		99999

/*
 * The next free process id after the last one given, which is not the
 * id of a process group or session either.  Interrupts off.
 */
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
	} while (taken || pgrp_id_busy(pid_last));
	return (pid_last);
}

/*
 * proc_alloc: a process named `name` with one thread (not yet runnable:
 * the caller sets up its first frame), child of curthread's process,
 * whose credentials and resource limits it gets.  Not in allproc yet.
 * NULL if there is no memory.
 */
static struct proc *
proc_alloc(const char *name, struct thread **tdp)
{
	struct proc *p;

	p = malloc(sizeof(*p), M_PROC, M_NOWAIT | M_ZERO);
	if (p == NULL)
		return (NULL);
	TAILQ_INIT(&p->p_threads);
	LIST_INIT(&p->p_children);
	p->p_state = PRS_NEW;
	strlcpy(p->p_comm, name, sizeof(p->p_comm));
	p->p_ucred = curthread->td_proc->p_ucred;
	sx_init(&p->p_credlock, "cred");
	p->p_limit = curthread->td_proc->p_limit;
	p->p_umask = curthread->td_proc->p_umask;
	*tdp = thread_alloc(p, name);
	if (*tdp == NULL) {
		free(p, M_PROC);
		return (NULL);
	}
	return (p);
}

/*
 * Give `p` a pid, a parent, a process group (the parent's, or with
 * `fresh` a new session and group, pgrp_start) and a place in allproc;
 * start its thread.
 */
static void
proc_start(struct proc *p, struct thread *td, struct pgrp *fresh)
{
	struct proc *parent = curthread->td_proc;
	unsigned long s;

	s = intr_disable();
	p->p_pid = pid_alloc();
	p->p_pptr = parent;
	LIST_INSERT_HEAD(&parent->p_children, p, p_sibling);
	pgrp_start(p, fresh);
	p->p_state = PRS_NORMAL;
	TAILQ_INSERT_TAIL(&allproc, p, p_list);
	intr_restore(s);
	thread_run(td);
}

/*
 * The first process's descriptors: 0, 1 and 2 on /dev/console, as init
 * and a shell expect them.
 */
static int
proc_console_fds(struct proc *p)
{
	struct file *fp;
	int error, fd, got;

	if ((p->p_fd = fdinit()) == NULL)
		return (ENOMEM);
	if ((error = vfs_open("/dev/console", O_RDWR, 0, &fp)) != 0) {
		fdfree(p->p_fd);
		return (error);
	}
	for (fd = 0; fd < 3; fd++) {
		if (fd > 0)
			fhold(fp);
		(void)fdalloc(p->p_fd, fp, fd, &got);
	}
	return (0);
}

/*
 * A new process with address space `vm` whose thread starts in user
 * mode at entry/sp, after running func(arg) in the kernel if func is
 * not NULL.
 */
static int
proc_create(struct vmspace *vm, vm_offset_t entry, vm_offset_t sp,
    const char *name, void (*func)(void *), void *arg, struct proc **pp)
{
	struct pgrp *fresh;
	struct proc *p;
	struct thread *td;
	int error;

	/* A process the kernel starts leads a session of its own. */
	if ((fresh = pgrp_alloc(true)) == NULL)
		return (ENOMEM);
	if ((p = proc_alloc(name, &td)) == NULL) {
		pgrp_free_unused(fresh);
		return (ENOMEM);
	}
	if ((error = proc_console_fds(p)) != 0) {
		thread_free(td);
		free(p, M_PROC);
		pgrp_free_unused(fresh);
		return (error);
	}
	cpu_thread_set_user(td, entry, sp);
	td->td_func = func;
	td->td_arg = arg;
	p->p_vmspace = vm;
	*pp = p;
	proc_start(p, td, fresh);
	return (0);
}

/* proc_spawn: see proc.h. */
int
proc_spawn(struct vmspace *vm, vm_offset_t entry, vm_offset_t sp,
    const char *name, struct proc **pp)
{
	return (proc_create(vm, entry, sp, name, NULL, NULL, pp));
}

/* proc_spawn_kernel: see proc.h. */
int
proc_spawn_kernel(void (*func)(void *), void *arg, const char *name,
    struct proc **pp)
{
	struct vmspace *vm;
	int error;

	vm = vmspace_alloc(VM_MIN_USER_ADDRESS, VM_MAX_USER_ADDRESS);
	if (vm == NULL)
		return (ENOMEM);
	if ((error = proc_create(vm, 0, 0, name, func, arg, pp)) != 0)
		vmspace_free(vm);
	return (error);
}

/* fork1: see proc.h. */
int
fork1(struct thread *td, int *pidp)
{
	struct proc *parent = td->td_proc, *p;
	struct thread *ntd;
	int error;

	if ((error = lim_nproc_check(td)) != 0)
		return (error);
	/* R69, R80: below severe, wait (init and the kernel do not). */
	if ((error = vm_wait_severe(td)) != 0)
		return (error);
	if ((p = proc_alloc(parent->p_comm, &ntd)) == NULL)
		return (ENOMEM);
	p->p_vmspace = vmspace_fork(parent->p_vmspace);
	if (parent->p_fd != NULL && p->p_vmspace != NULL &&
	    (p->p_fd = fdcopy(parent->p_fd)) == NULL) {
		vmspace_free(p->p_vmspace);
		p->p_vmspace = NULL;
	}
	if (p->p_vmspace == NULL) {
		thread_free(ntd);
		free(p, M_PROC);
		return (ENOMEM);
	}
	cpu_fork(ntd, td->td_frame);
	sigacts_fork(p, parent);
	vfs_cwd_fork(p, parent);
	ntd->td_sigmask = td->td_sigmask;
	proc_start(p, ntd, NULL);
	*pidp = p->p_pid;
	return (0);
}

/* sys_fork: fork(2).  The parent gets the child's pid, the child 0. */
int
sys_fork(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	int error, pid;

	(void)args;
	if ((error = fork1(td, &pid)) == 0)
		retval[0] = pid;
	return (error);
}

/* proc_reap: see proc.h.  The zombie leaves its process group here. */
void
proc_reap(struct proc *p)
{
	struct pgrp_garbage g;
	unsigned long s;

	KASSERT(p->p_state == PRS_ZOMBIE && TAILQ_EMPTY(&p->p_threads),
	    ("proc_reap: pid %d is not a zombie", p->p_pid));
	s = intr_disable();
	TAILQ_REMOVE(&allproc, p, p_list);
	pgrp_leave(p, &g);
	intr_restore(s);
	pgrp_garbage_free(&g);
	free(p, M_PROC);
}
