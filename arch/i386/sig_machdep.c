/*
 * sig_machdep.c - i386 signal frames: what a handler is started with,
 * and sigreturn's way back (see kernel/signalvar.h).
 *
 * The frame goes below the interrupted stack pointer: the saved
 * registers (the whole trapframe), the x87/SSE state, the signal mask
 * to restore, then the siginfo.  Below it the handler's arguments
 * (sig, &siginfo, &ucontext) and libc's trampoline as its return
 * address; the trampoline passes the ucontext to sigreturn.  sigreturn
 * takes back only what user code may change: every segment register
 * must be the user's (a kernel selector would fault as doreti loads
 * it), the flags only the arithmetic and direction bits and the like.
 */
#include <sys/errno.h>
#include <kernel/systm.h>
#include <kernel/proc.h>
#include <kernel/signalvar.h>
#include <machine/frame.h>
#include <machine/segments.h>
#include <machine/vmparam.h>
#include <x86/cpufunc.h>
#include <x86/fpu.h>

/* The flags a program may set: C PF AF ZF SF TF DF OF AC ID. */
#define PSL_USERCHANGE	0x00240dd5

struct sigucontext {
	__sigset_t	uc_sigmask;
	uint32_t	uc_pad[3];
	struct trapframe uc_mcontext;
	struct savefpu	uc_fpu;
};

struct sigframe {
	struct sigucontext sf_uc;
	struct __siginfo sf_si;
};

/* The handler's arguments, at its stack pointer. */
struct sigargs {
	uint32_t	sa_ret;		/* the trampoline */
	uint32_t	sa_sig;
	uint32_t	sa_si;
	uint32_t	sa_uc;
	uint32_t	sa_pad;		/* esp + 4 is 16-byte aligned */
};

/* cpu_sendsig: see kernel/signalvar.h. */
int
cpu_sendsig(struct thread *td, int sig, const struct __sigaction *act,
    const struct __siginfo *si, __sigset_t mask)
{
	struct trapframe *tf = td->td_frame;
	struct sigframe sf;
	struct sigargs args;
	uintptr_t sp;

	if (tf->tf_esp < VM_MIN_USER_ADDRESS + sizeof(sf) + 64 ||
	    tf->tf_esp > VM_MAX_USER_ADDRESS)
		return (EFAULT);
	memset(&sf, 0, sizeof(sf));
	sf.sf_uc.uc_sigmask = mask;
	sf.sf_uc.uc_mcontext = *tf;
	fpu_save(&sf.sf_uc.uc_fpu);
	sf.sf_si = *si;
	sp = (tf->tf_esp - sizeof(sf)) & ~(uintptr_t)15;
	args.sa_ret = td->td_proc->p_sigtramp;
	args.sa_sig = sig;
	args.sa_si = sp + offsetof(struct sigframe, sf_si);
	args.sa_uc = sp;
	args.sa_pad = 0;
	if (copyout(&sf, (void *)sp, sizeof(sf)) != 0 ||
	    copyout(&args, (void *)(sp - sizeof(args)), sizeof(args)) != 0)
		return (EFAULT);
	tf->tf_eip = (uintptr_t)act->sa_handler;
	tf->tf_esp = sp - sizeof(args);
	tf->tf_eax = 0;
	tf->tf_eflags &= ~(PSL_T | PSL_D);
	return (0);
}

static bool
user_data_sel(uint32_t sel)
{
	return ((sel & 0xffff) == (GSEL_UDATA | SEL_UPL) ||
	    (sel & 0xffff) == (GSEL_UGS | SEL_UPL) || (sel & 0xffff) == 0);
}

/* cpu_sigreturn: see kernel/signalvar.h. */
int
cpu_sigreturn(struct thread *td, const void *uctx, __sigset_t *maskp)
{
	struct trapframe *tf = td->td_frame;
	struct sigucontext uc;
	struct savefpu cur;
	uint32_t mxcsr_mask;
	int error;

	if ((error = copyin(uctx, &uc, sizeof(uc))) != 0)
		return (error);
	if (!user_data_sel(uc.uc_mcontext.tf_ds) ||
	    !user_data_sel(uc.uc_mcontext.tf_es) ||
	    !user_data_sel(uc.uc_mcontext.tf_fs) ||
	    !user_data_sel(uc.uc_mcontext.tf_gs))
		return (EINVAL);
	fpu_save(&cur);
	mxcsr_mask = cur.sv_mxcsr_mask != 0 ? cur.sv_mxcsr_mask : 0xffbf;
	uc.uc_fpu.sv_mxcsr &= mxcsr_mask;
	uc.uc_mcontext.tf_eflags = (tf->tf_eflags & ~PSL_USERCHANGE) |
	    (uc.uc_mcontext.tf_eflags & PSL_USERCHANGE);
	uc.uc_mcontext.tf_cs = GSEL_UCODE | SEL_UPL;
	uc.uc_mcontext.tf_ss = GSEL_UDATA | SEL_UPL;
	uc.uc_mcontext.tf_trapno = tf->tf_trapno;
	uc.uc_mcontext.tf_err = tf->tf_err;
	*tf = uc.uc_mcontext;
	fpu_load(&uc.uc_fpu);
	*maskp = uc.uc_sigmask;
	return (0);
}

/* cpu_syscall_restart: see kernel/signalvar.h.  int $0x80 is 2 bytes. */
void
cpu_syscall_restart(struct trapframe *tf)
{
	tf->tf_eip -= 2;
}
