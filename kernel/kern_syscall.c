/*
 * kern_syscall.c - system call dispatch: from the trap frame to the
 * handler in sysent[] and back.
 *
 * The handler runs with interrupts on (it may sleep).  ERESTART backs
 * the frame up to run the call again (a signal with SA_RESTART
 * interrupted it); EJUSTRETURN leaves the registers as the handler set
 * them (sigreturn).  On the way back, userret() delivers signals and
 * makes sure the frame returns to a user address: a frame a system
 * call rewrote (exec, sigreturn) could otherwise make amd64's sysret
 * fault in ring 0 on a non-canonical address.
 */
#include <sys/errno.h>
#include <sys/signal.h>
#include <kernel/systm.h>
#include <kernel/machdep.h>
#include <kernel/proc.h>
#include <kernel/signalvar.h>
#include <kernel/syscallvar.h>
#include <machine/frame.h>
#include <machine/vmparam.h>

/* syscall: see syscallvar.h. */
int
syscall(struct trapframe *tf)
{
	struct thread *td = curthread;
	syscallarg_t args[SYS_MAXARGS], rv[2];
	const struct sysent *se;
	int code, error;

	td->td_frame = tf;
	cpu_enable_intr();
	code = cpu_syscall_fetch(tf, args);
	rv[0] = 0;
	rv[1] = 0;
	se = code >= 0 && code < nsysent ? &sysent[code] : NULL;
	if (se == NULL || se->sy_call == NULL)
		error = ENOSYS;
	else
		error = se->sy_call(td, args, rv);
	if (error == ERESTART)
		cpu_syscall_restart(tf);
	else if (error != EJUSTRETURN)
		cpu_syscall_return(tf, error, rv);
	userret(td, tf);
	cpu_disable_intr();
	return (error == EJUSTRETURN);
}
