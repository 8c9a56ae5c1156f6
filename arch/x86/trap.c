/*
 * trap.c - the C side of every interrupt and exception, shared by i386
 * and amd64 (the trap frame layouts differ, the logic does not).
 *
 * IRQs go to the handler that intr_establish() registered.
 *
 * From user mode: a page fault goes to vm_fault() on the process's map
 * (a kernel address never does: SIGSEGV, SEMANTICS R65); what vm_fault
 * cannot resolve, and every other exception, becomes a signal with the
 * si_code of R66 (trapsignal).  i386's int $0x80 is a system call.
 *
 * In kernel mode, a page fault on a user address is resolved by
 * vm_fault() only inside copyin/copyout (td_onfault set), and resumes
 * at td_onfault when it cannot be; any other exception is either
 * expected (a trap_catch is armed for it) or fatal: the trap is named,
 * the registers and a symbolized backtrace printed, and the kernel
 * panics.
 */
#include <sys/signal.h>
#include <kernel/systm.h>
#include <kernel/machdep.h>
#include <kernel/proc.h>
#include <kernel/resourcevar.h>
#include <kernel/sched.h>
#include <kernel/signalvar.h>
#include <kernel/syscallvar.h>
#include <vm/vm.h>
#include <vm/vm_map.h>
#include <machine/vmparam.h>
#include <kernel/ksyms.h>
#include <machine/frame.h>
#include <x86/cpufunc.h>
#include <x86/trap_catch.h>
#include <x86/x86_var.h>

static const char *const trap_names[T_NEXCEPTIONS] = {
	[T_DIVIDE] = "divide error",
	[T_DEBUG] = "debug exception",
	[T_NMI] = "non-maskable interrupt",
	[T_BPTFLT] = "breakpoint",
	[T_OFLOW] = "overflow",
	[T_BOUND] = "bound range exceeded",
	[T_PRIVINFLT] = "invalid opcode",
	[T_DNA] = "device not available",
	[T_DOUBLEFLT] = "double fault",
	[T_FPOPFLT] = "coprocessor segment overrun",
	[T_TSSFLT] = "invalid TSS",
	[T_SEGNPFLT] = "segment not present",
	[T_STKFLT] = "stack fault",
	[T_PROTFLT] = "general protection fault",
	[T_PAGEFLT] = "page fault",
	[T_ARITHTRAP] = "x87 floating point error",
	[T_ALIGNFLT] = "alignment check",
	[T_MCHK] = "machine check",
	[T_XMMFLT] = "SIMD floating point error",
	[T_VIRTFLT] = "virtualization exception",
	[T_CPFLT] = "control protection exception",
};

static struct {
	void	(*handler)(void *);
	void	*arg;
} intr_handlers[NIRQ];

static struct trap_catch *trap_catch_armed;

const char *
trap_name(unsigned trapno)
{
	if (trapno < T_NEXCEPTIONS && trap_names[trapno] != NULL)
		return (trap_names[trapno]);
	return ("reserved exception");
}

void
intr_establish(int irq, void (*handler)(void *), void *arg)
{
	KASSERT(irq >= 0 && irq < NIRQ, ("intr_establish: irq %d", irq));
	KASSERT(intr_handlers[irq].handler == NULL,
	    ("intr_establish: irq %d taken", irq));
	intr_handlers[irq].handler = handler;
	intr_handlers[irq].arg = arg;
	i8259_unmask(irq);
}

void
trap_catch_arm(struct trap_catch *tc)
{
	KASSERT(trap_catch_armed == NULL, ("trap_catch_arm: already armed"));
	trap_catch_armed = tc;
}

void
trap_catch_disarm(void)
{
	trap_catch_armed = NULL;
}

static void
intr_dispatch(int irq)
{
	if (i8259_spurious(irq))
		return;
	if (intr_handlers[irq].handler != NULL)
		intr_handlers[irq].handler(intr_handlers[irq].arg);
	else
		printf("stray irq %d\n", irq);
	i8259_eoi(irq);
}

/* An armed catch for this exception: resume as it says (one shot). */
static int
trap_caught(struct trapframe *tf)
{
	struct trap_catch *tc = trap_catch_armed;

	if (tc == NULL || (unsigned)tc->tc_trapno != tf->tf_trapno)
		return (0);
	tc->tc_count++;
	tc->tc_pc = TF_PC(tf);
	tc->tc_err = tf->tf_err;
	if (tc->tc_resume != 0)
		TF_PC(tf) = tc->tc_resume;
	trap_catch_armed = NULL;
	return (1);
}

static void __dead2
trap_fatal(struct trapframe *tf)
{
	unsigned trapno = tf->tf_trapno;
	unsigned long err = tf->tf_err;

	printf("\nfatal trap %u: %s while in %s mode\n", trapno,
	    trap_name(trapno), TF_USERMODE(tf) ? "user" : "kernel");
	if (trapno == T_PAGEFLT)
		printf("fault virtual address %#lx: %s, %s, %s%s\n", rcr2(),
		    err & 1 ? "protection violation" : "page not present",
		    err & 2 ? "write" : "read", err & 4 ? "user" : "kernel",
		    err & 16 ? ", instruction fetch" : "");
	trapframe_print(tf);
	panic_frame(TF_PC(tf), TF_FP(tf), "%s", trap_name(trapno));
}

/* The access a page fault's error code describes. */
static vm_prot_t
trap_pfault_type(unsigned long err)
{
	if ((err & PGEX_I) != 0)
		return (VM_PROT_EXECUTE);
	return ((err & PGEX_W) != 0 ? VM_PROT_WRITE : VM_PROT_READ);
}

/*
 * vm_fault() for a fault at user address `va` of curthread's process;
 * KERN_INVALID_ADDRESS for a kernel thread.  A resolved fault is
 * counted for getrusage (ru_minflt, ru_maxrss: kern_rusage.c).
 * Interrupts on.
 */
static int
trap_pfault(struct thread *td, vm_offset_t va, unsigned long err)
{
	struct vmspace *vm = td->td_proc->p_vmspace;

	unsigned long s;
	int rv;

	if (vm == NULL || va < VM_MIN_USER_ADDRESS ||
	    va >= VM_MAX_USER_ADDRESS)
		return (KERN_INVALID_ADDRESS);
	rv = vm_fault(&vm->vm_map, trunc_page(va), trap_pfault_type(err),
	    VM_FAULT_NORMAL);
	if (rv == KERN_SUCCESS) {
		/* getrusage: no fault does I/O yet, so each is minor. */
		s = intr_disable();
		td->td_ru.ru_minflt++;
		rusage_sample_rss(td->td_proc);
		intr_restore(s);
	}
	return (rv);
}

/* R66: the signal and si_code for what vm_fault() said. */
static void
trap_pfault_signal(int rv, int *sig, int *code)
{
	switch (rv) {
	case KERN_PROTECTION_FAILURE:
		*sig = SIGSEGV;
		*code = SEGV_ACCERR;
		break;
	case KERN_RESOURCE_SHORTAGE:
		*sig = SIGBUS;
		*code = BUS_OOMERR;
		break;
	case KERN_OUT_OF_BOUNDS:
		*sig = SIGBUS;
		*code = BUS_OBJERR;
		break;
	default:
		*sig = SIGSEGV;
		*code = SEGV_MAPERR;
	}
}

/* The signal for an exception from user mode other than a page fault. */
static void
trap_user_signal(unsigned trapno, int *sig, int *code)
{
	switch (trapno) {
	case T_DIVIDE:
		*sig = SIGFPE;
		*code = FPE_INTDIV;
		break;
	case T_OFLOW:
		*sig = SIGFPE;
		*code = FPE_INTOVF;
		break;
	case T_ARITHTRAP:
	case T_XMMFLT:
		*sig = SIGFPE;
		*code = 0;
		break;
	case T_BPTFLT:
		*sig = SIGTRAP;
		*code = TRAP_BRKPT;
		break;
	case T_DEBUG:
		*sig = SIGTRAP;
		*code = TRAP_TRACE;
		break;
	case T_ALIGNFLT:
		*sig = SIGBUS;
		*code = BUS_ADRALN;
		break;
	case T_PROTFLT:
	case T_SEGNPFLT:
	case T_STKFLT:
	case T_TSSFLT:
		*sig = SIGBUS;		/* FreeBSD's choice for #GP */
		*code = BUS_OBJERR;
		break;
	case T_PRIVINFLT:
		*sig = SIGILL;
		*code = ILL_ILLOPC;
		break;
	default:
		*sig = SIGILL;
		*code = ILL_PRVOPC;
	}
}

/* An exception from user mode.  Interrupts off on entry and return. */
static void
trap_user(struct trapframe *tf)
{
	struct thread *td = curthread;
	unsigned trapno = tf->tf_trapno;
	vm_offset_t va = 0;
	int rv, sig, code;

	td->td_frame = tf;
	if (trapno == T_PAGEFLT)
		va = rcr2();		/* before anything can fault again */
	cpu_enable_intr();
	if (trapno == T_PAGEFLT) {
		rv = trap_pfault(td, va, tf->tf_err);
		/*
		 * R68: a killed thread may give its fault up; it dies in
		 * userret (SIGKILL), not by the fault's signal.
		 */
		if (rv != KERN_SUCCESS && !thread_killed(td)) {
			trap_pfault_signal(rv, &sig, &code);
			trapsignal(td, sig, code, va);
		}
	} else {
		trap_user_signal(trapno, &sig, &code);
		trapsignal(td, sig, code, TF_PC(tf));
	}
	userret(td, tf);
	cpu_disable_intr();
}

/*
 * A page fault in kernel mode: inside copyin/copyout (td_onfault) on a
 * user address, vm_fault() gets a chance, then the copy fails with
 * EFAULT.  Returns whether the fault was dealt with.
 */
static bool
trap_pfault_kernel(struct trapframe *tf)
{
	struct thread *td = curthread;
	vm_offset_t va = rcr2();
	int rv;

	if (td->td_onfault == 0)
		return (false);
	if ((TF_FLAGS(tf) & PSL_I) != 0)
		cpu_enable_intr();
	rv = trap_pfault(td, va, tf->tf_err);
	cpu_disable_intr();
	if (rv != KERN_SUCCESS)
		TF_PC(tf) = td->td_onfault;
	return (true);
}

void
trap(struct trapframe *tf)
{
	unsigned trapno = tf->tf_trapno;

	if (TF_USERMODE(tf) && trapno == T_SYSCALL) {
		(void)syscall(tf);	/* iret restores every register */
		return;
	}
	if (TF_USERMODE(tf) && trapno < T_NEXCEPTIONS) {
		trap_user(tf);
		return;
	}
	if (trapno == T_PAGEFLT && trap_pfault_kernel(tf))
		return;

	if (trapno >= IRQ_BASE && trapno < IRQ_BASE + NIRQ) {
		/* For hardclock: was the thread in user mode? */
		curthread->td_intr_frame = tf;
		intr_dispatch(trapno - IRQ_BASE);
		curthread->td_intr_frame = NULL;
		/*
		 * Preempt only code that ran with interrupts on: it holds
		 * no spin mutex and is not inside the scheduler.  The
		 * interrupt has been acknowledged, so the next one can come
		 * while another thread runs.
		 */
		if ((TF_FLAGS(tf) & PSL_I) != 0)
			sched_preempt();
		/* Back to user mode: signals first (a kill while it ran). */
		if (TF_USERMODE(tf)) {
			curthread->td_frame = tf;
			cpu_enable_intr();
			userret(curthread, tf);
			cpu_disable_intr();
		}
		return;
	}
	if (trapno < T_NEXCEPTIONS) {
		if (trap_caught(tf))
			return;
		trap_fatal(tf);
	}
	printf("stray interrupt, vector %u\n", trapno);
}
