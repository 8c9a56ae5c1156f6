/*
 * trap.c - the C side of every interrupt and exception, shared by i386
 * and amd64 (the trap frame layouts differ, the logic does not).
 *
 * IRQs go to the handler that intr_establish() registered.  An
 * exception in kernel mode is either expected (a trap_catch is armed
 * for it) or fatal: the trap is named, the registers and a symbolized
 * backtrace printed, and the kernel panics.  User mode comes later.
 */
#include <kernel/systm.h>
#include <kernel/sched.h>
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

void
trap(struct trapframe *tf)
{
	unsigned trapno = tf->tf_trapno;

	if (trapno >= IRQ_BASE && trapno < IRQ_BASE + NIRQ) {
		intr_dispatch(trapno - IRQ_BASE);
		/*
		 * Preempt only code that ran with interrupts on: it holds
		 * no spin mutex and is not inside the scheduler.  The
		 * interrupt has been acknowledged, so the next one can come
		 * while another thread runs.
		 */
		if ((TF_FLAGS(tf) & PSL_I) != 0)
			sched_preempt();
		return;
	}
	if (trapno < T_NEXCEPTIONS) {
		if (trap_caught(tf))
			return;
		trap_fatal(tf);
	}
	printf("stray interrupt, vector %u\n", trapno);
}
