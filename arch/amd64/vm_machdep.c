/*
 * vm_machdep.c - amd64 thread and system call pieces: the first frame on
 * a new kernel or user thread's stack (see cpu_switch in swtch.asm),
 * the kernel stack for entries from user mode, the x87/SSE registers
 * of user threads (arch/x86/fpu.c), and where system call arguments
 * and results are in a trapframe.
 */
#include <sys/errno.h>
#include <kernel/systm.h>
#include <kernel/kthread.h>
#include <kernel/proc.h>
#include <kernel/syscallvar.h>
#include <kernel/exec.h>
#include <machine/frame.h>
#include <machine/segments.h>
#include <x86/cpufunc.h>
#include <x86/fpu.h>
#include <x86/x86_var.h>

/*
 * The frame cpu_switch pops for a thread that never ran: six callee-
 * saved registers (zero: rbp = 0 ends backtraces), then the return
 * address thread_start, then a zero that is thread_start's own
 * (never used) return address.  At thread_start's first instruction
 * rsp is 8 more than a multiple of 16, as the ABI wants after a call.
 */
struct switchframe {
	uint64_t	sf_r15, sf_r14, sf_r13, sf_r12, sf_rbx, sf_rbp;
	uint64_t	sf_rip;
	uint64_t	sf_zero;
};

/* cpu_thread_setup: see kernel/kthread.h. */
void
cpu_thread_setup(struct thread *td)
{
	struct switchframe *sf;
	uintptr_t top;

	top = (td->td_kstack + td->td_kstack_size) & ~(uintptr_t)15;
	sf = (struct switchframe *)(top - sizeof(*sf));
	memset(sf, 0, sizeof(*sf));
	sf->sf_rip = (uintptr_t)thread_start;
	td->td_sp = (uintptr_t)sf;
}

/*
 * A new user thread's stack: its struct trapframe at the top (what
 * doreti pops to enter user mode), and below it the frame cpu_switch
 * pops, returning into fork_trampoline with rsp at the trapframe.
 */
struct userswitchframe {
	uint64_t	sf_r15, sf_r14, sf_r13, sf_r12, sf_rbx, sf_rbp;
	uint64_t	sf_rip;
};

/*
 * The user registers of a program about to start: everything zero but
 * the program counter, the stack pointer, the user selectors and the
 * flags (interrupts on).
 */
static void
user_frame_init(struct trapframe *tf, vm_offset_t entry, vm_offset_t sp)
{
	memset(tf, 0, sizeof(*tf));
	tf->tf_rip = entry;
	tf->tf_cs = GSEL_UCODE | SEL_UPL;
	tf->tf_rflags = PSL_USER_SET | PSL_I;
	tf->tf_rsp = sp;
	tf->tf_ss = GSEL_UDATA | SEL_UPL;
}

/* cpu_thread_set_user: see kernel/proc.h. */
void
cpu_thread_set_user(struct thread *td, vm_offset_t entry, vm_offset_t sp)
{
	struct userswitchframe *sf;
	struct trapframe *tf;
	uintptr_t top;

	top = (td->td_kstack + td->td_kstack_size) & ~(uintptr_t)15;
	tf = (struct trapframe *)(top - sizeof(*tf));
	user_frame_init(tf, entry, sp);
	td->td_frame = tf;
	sf = (struct userswitchframe *)((uintptr_t)tf - sizeof(*sf));
	memset(sf, 0, sizeof(*sf));
	sf->sf_rip = (uintptr_t)fork_trampoline;
	td->td_sp = (uintptr_t)sf;
	fpu_thread_init(td);
}

/*
 * cpu_fork: see kernel/proc.h.  The child's frame is the parent's, so
 * it resumes after the same system call, with the result 0 and the
 * parent's x87/SSE registers.
 */
void
cpu_fork(struct thread *td, const struct trapframe *tf)
{
	cpu_thread_set_user(td, 0, 0);
	*td->td_frame = *tf;
	td->td_frame->tf_rax = 0;
	td->td_frame->tf_rflags &= ~PSL_C;
	td->td_md.md_tlsbase = curthread->td_md.md_tlsbase;
	fpu_fork(td);
}

/*
 * cpu_set_upcall: see kernel/proc.h.  At func's first instruction rsp
 * is 8 more than a multiple of 16 and points at a 0 return address;
 * arg is in rdi.
 */
int
cpu_set_upcall(struct thread *td, vm_offset_t func, vm_offset_t arg,
    vm_offset_t stack_base, vm_size_t stack_size)
{
	struct trapframe *tf = td->td_frame;
	uint64_t ret = 0;
	vm_offset_t sp;

	sp = ((stack_base + stack_size) & ~(vm_offset_t)15) - sizeof(ret);
	if (copyout(&ret, (void *)sp, sizeof(ret)) != 0)
		return (EFAULT);
	tf->tf_rip = func;
	tf->tf_rsp = sp;
	tf->tf_rdi = arg;
	return (0);
}

/*
 * cpu_switchin: see kernel/proc.h; also the x87/SSE registers and, for
 * a user thread, its TLS base.
 */
void
cpu_switchin(struct thread *td)
{
	x86_set_kstack((td->td_kstack + td->td_kstack_size) & ~(uintptr_t)15);
	fpu_switch(td);
	if ((td->td_md.md_flags & MDTD_USERFPU) != 0)
		cpu_load_user_tls(td);
}

/*
 * cpu_exec_setregs: see kernel/exec.h.  Called from execve, whose
 * frame this is: it stays a system call's frame (the way back is the
 * system call's), only the registers change; the x87/SSE ones
 * become fninit's.
 */
void
cpu_exec_setregs(struct thread *td, vm_offset_t entry, vm_offset_t sp)
{
	struct trapframe *tf = td->td_frame;

	user_frame_init(tf, entry, sp);
	tf->tf_trapno = T_SYSCALL;
	fpu_exec(td);
	(void)cpu_set_user_tls(td, 0);
}

/* cpu_syscall_fetch: see kernel/syscallvar.h.  rcx is syscall's: r10. */
int
cpu_syscall_fetch(struct trapframe *tf, syscallarg_t *args)
{
	args[0] = tf->tf_rdi;
	args[1] = tf->tf_rsi;
	args[2] = tf->tf_rdx;
	args[3] = tf->tf_r10;
	args[4] = tf->tf_r8;
	args[5] = tf->tf_r9;
	return ((int)tf->tf_rax);
}

/* cpu_syscall_return: see kernel/syscallvar.h. */
void
cpu_syscall_return(struct trapframe *tf, int error, syscallarg_t *rv)
{
	if (error == 0) {
		tf->tf_rax = rv[0];
		tf->tf_rdx = rv[1];
		tf->tf_rflags &= ~PSL_C;
	} else {
		tf->tf_rax = error;
		tf->tf_rflags |= PSL_C;
	}
}
