/*
 * kern_prot.c - process identity system calls: getpid, getppid (and,
 * with credentials, the uid and gid calls).
 */
#include <kernel/systm.h>
#include <kernel/proc.h>
#include <kernel/syscallvar.h>

/* sys_getpid: getpid(2).  Never fails. */
int
sys_getpid(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	(void)args;
	retval[0] = td->td_proc->p_pid;
	return (0);
}

/* sys_getppid: getppid(2).  Never fails. */
int
sys_getppid(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	(void)args;
	retval[0] = td->td_proc->p_pptr->p_pid;
	return (0);
}
