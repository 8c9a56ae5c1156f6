/*
 * kern_syscall.c - system call dispatch: from the trap frame to the
 * handler in sysent[] and back.
 *
 * The handler runs with interrupts on (it may sleep).  On the way back,
 * userret() makes sure the frame returns to a user address: a frame a
 * system call rewrote (exec, later sigreturn) could otherwise make
 * amd64's sysret fault in ring 0 on a non-canonical address.
 */
#include <sys/errno.h>
#include <sys/signal.h>
#include <kernel/systm.h>
#include <kernel/machdep.h>
#include <kernel/proc.h>
#include <kernel/syscallvar.h>
#include <machine/frame.h>
#include <machine/vmparam.h>

/*
 * userret: the last look at a thread before it returns to user mode.
 * Interrupts on.
 */
static void
userret(struct thread *td, struct trapframe *tf)
{
	if (TF_PC(tf) >= VM_MAX_USER_ADDRESS)
		trapsignal(td, SIGSEGV, SEGV_MAPERR, TF_PC(tf));
}

/* syscall: see syscallvar.h. */
void
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
	cpu_syscall_return(tf, error, rv);
	userret(td, tf);
	cpu_disable_intr();
}
