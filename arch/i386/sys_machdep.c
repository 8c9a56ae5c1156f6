/*
 * sys_machdep.c - i386's thread-local storage pointer: the %gs base of
 * each user thread (libc finds its thread control block at %gs:0), set
 * by thr_new's tls_base or sysarch(I386_SET_GSBASE) and kept in the
 * thread's mdthread.  Every user thread runs with %gs = GSEL_UGS (the
 * frame says so, machine/segments.h); at every switch to a user thread
 * that descriptor's base becomes the thread's, and the %gs popped on
 * the way back to user mode loads it.  The kernel never uses %gs.
 */
#include <sys/errno.h>
#include <sys/_sysarch.h>
#include <kernel/systm.h>
#include <kernel/machdep.h>
#include <kernel/proc.h>
#include <kernel/syscallvar.h>
#include <machine/segments.h>
#include <machine/vmparam.h>
#include <x86/x86_var.h>

/* cpu_load_user_tls: see x86/x86_var.h. */
void
cpu_load_user_tls(struct thread *td)
{
	i386_set_ugs_base((unsigned int)td->td_md.md_tlsbase);
}

/* cpu_set_user_tls: see kernel/proc.h. */
int
cpu_set_user_tls(struct thread *td, vm_offset_t base)
{
	unsigned long s;

	if (base >= VM_MAX_USER_ADDRESS)
		return (EINVAL);
	s = intr_disable();
	td->td_md.md_tlsbase = base;
	if (td == curthread)
		cpu_load_user_tls(td);
	intr_restore(s);
	return (0);
}

/* cpu_get_user_tls: see kernel/proc.h. */
vm_offset_t
cpu_get_user_tls(struct thread *td)
{
	return (td->td_md.md_tlsbase);
}

/*
 * sys_sysarch: sysarch(op, parms): I386_GET_GSBASE and I386_SET_GSBASE
 * (sys/_sysarch.h).  EINVAL for other ops or a base outside user
 * space, EFAULT.
 */
int
sys_sysarch(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	uint32_t base;
	int error;

	(void)retval;
	switch ((int)args[0]) {
	case I386_GET_GSBASE:
		base = (uint32_t)cpu_get_user_tls(td);
		return (copyout(&base, (void *)args[1], sizeof(base)));
	case I386_SET_GSBASE:
		if ((error = copyin((void *)args[1], &base, sizeof(base))) != 0)
			return (error);
		return (cpu_set_user_tls(td, base));
	default:
		return (EINVAL);
	}
}
