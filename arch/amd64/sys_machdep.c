/*
 * sys_machdep.c - amd64's thread-local storage pointer: the %fs base
 * of each user thread (libc finds its thread control block at %fs:0),
 * set by thr_new's tls_base or sysarch(AMD64_SET_FSBASE), kept in the
 * thread's mdthread and written to MSR_FSBASE at every switch to a user
 * thread.  The kernel never uses %fs, and user code cannot change the
 * base itself (CR4.FSGSBASE is off), so nothing is saved on entry.
 */
#include <sys/errno.h>
#include <sys/_sysarch.h>
#include <kernel/systm.h>
#include <kernel/machdep.h>
#include <kernel/proc.h>
#include <kernel/syscallvar.h>
#include <machine/vmparam.h>
#include <x86/cpufunc.h>
#include <x86/x86_var.h>

/* cpu_load_user_tls: see x86/x86_var.h. */
void
cpu_load_user_tls(struct thread *td)
{
	wrmsr(MSR_FSBASE, td->td_md.md_tlsbase);
}

/* cpu_set_user_tls: see kernel/proc.h. */
int
cpu_set_user_tls(struct thread *td, vm_offset_t base)
{
	unsigned long s;

	/* A user (so canonical) address: wrmsr faults on others. */
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
 * sys_sysarch: sysarch(op, parms): AMD64_GET_FSBASE and
 * AMD64_SET_FSBASE (sys/_sysarch.h).  EINVAL for other ops or a base
 * outside user space, EFAULT.
 */
int
sys_sysarch(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	uint64_t base;
	int error;

	(void)retval;
	switch ((int)args[0]) {
	case AMD64_GET_FSBASE:
		base = cpu_get_user_tls(td);
		return (copyout(&base, (void *)args[1], sizeof(base)));
	case AMD64_SET_FSBASE:
		if ((error = copyin((void *)args[1], &base, sizeof(base))) != 0)
			return (error);
		return (cpu_set_user_tls(td, base));
	default:
		return (EINVAL);
	}
}
