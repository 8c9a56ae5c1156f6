/*
 * sig_machdep.c - amd64 signal frames: what a handler is started with,
 * and sigreturn's way back (see kernel/signalvar.h).
 *
 * The frame goes below the interrupted stack pointer and its 128-byte
 * red zone: the saved registers (the whole trapframe), the x87/SSE
 * state, the signal mask to restore, then the siginfo.  The handler is
 * called as handler(sig, &siginfo, &ucontext) with libc's trampoline
 * as its return address; the trampoline passes the ucontext to
 * sigreturn.  sigreturn takes back only what user code may change:
 * the code and stack selectors stay the user's, the flags only the
 * arithmetic and direction bits and the like.
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

#define REDZONE		128
/* The flags a program may set: C PF AF ZF SF TF DF OF AC ID. */
#define PSL_USERCHANGE	0x00240dd5

struct sigucontext {
	__sigset_t	uc_sigmask;
	uint32_t	uc_pad;
	struct trapframe uc_mcontext;
	struct savefpu	uc_fpu;
};

struct sigframe {
	struct sigucontext sf_uc;	/* first: the trampoline's argument */
	struct __siginfo sf_si;
};

/* cpu_sendsig: see kernel/signalvar.h. */
int
cpu_sendsig(struct thread *td, int sig, const struct __sigaction *act,
    const struct __siginfo *si, __sigset_t mask)
{
	struct trapframe *tf = td->td_frame;
	uint64_t tramp = td->td_proc->p_sigtramp;
	struct sigframe sf;
	uintptr_t sp;

	if (tf->tf_rsp < VM_MIN_USER_ADDRESS + sizeof(sf) + REDZONE + 64 ||
	    tf->tf_rsp > VM_MAX_USER_ADDRESS)
		return (EFAULT);
	memset(&sf, 0, sizeof(sf));
	sf.sf_uc.uc_sigmask = mask;
	sf.sf_uc.uc_mcontext = *tf;
	fpu_save(&sf.sf_uc.uc_fpu);
	sf.sf_si = *si;
	sp = (tf->tf_rsp - REDZONE - sizeof(sf)) & ~(uintptr_t)15;
	if (copyout(&sf, (void *)sp, sizeof(sf)) != 0 ||
	    copyout(&tramp, (void *)(sp - 8), sizeof(tramp)) != 0)
		return (EFAULT);
	tf->tf_rip = (uintptr_t)act->sa_handler;
	tf->tf_rsp = sp - 8;		/* as after a call: 8 mod 16 */
	tf->tf_rdi = sig;
	tf->tf_rsi = sp + offsetof(struct sigframe, sf_si);
	tf->tf_rdx = sp;
	tf->tf_rax = 0;
	tf->tf_rflags &= ~(PSL_T | PSL_D);
	return (0);
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
	/* MXCSR bits the CPU does not have would make fxrstor fault. */
	fpu_save(&cur);
	mxcsr_mask = cur.sv_mxcsr_mask != 0 ? cur.sv_mxcsr_mask : 0xffbf;
	uc.uc_fpu.sv_mxcsr &= mxcsr_mask;
	uc.uc_mcontext.tf_rflags = (tf->tf_rflags & ~PSL_USERCHANGE) |
	    (uc.uc_mcontext.tf_rflags & PSL_USERCHANGE);
	uc.uc_mcontext.tf_cs = GSEL_UCODE | SEL_UPL;
	uc.uc_mcontext.tf_ss = GSEL_UDATA | SEL_UPL;
	uc.uc_mcontext.tf_trapno = tf->tf_trapno;
	uc.uc_mcontext.tf_err = tf->tf_err;
	*tf = uc.uc_mcontext;
	fpu_load(&uc.uc_fpu);
	*maskp = uc.uc_sigmask;
	return (0);
}

/* cpu_syscall_restart: see kernel/signalvar.h.  syscall is 2 bytes. */
void
cpu_syscall_restart(struct trapframe *tf)
{
	tf->tf_rip -= 2;
}
