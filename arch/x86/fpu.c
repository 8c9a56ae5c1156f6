/*
 * fpu.c - x87 and SSE registers for user threads, shared by i386 and
 * amd64 (see x86/fpu.h).
 *
 * Eager switching: cpu_switchin saves the registers of the user thread
 * that ran last (fxsave) and loads those of the next user thread
 * (fxrstor).  Kernel threads are skipped both ways: the kernel is
 * built with -mno-80387 -mno-sse, so nothing of theirs is in those
 * registers, and a user thread that runs again after only kernel
 * threads finds its state untouched in its mdthread.  Lazy switching
 * (CR0.TS and #NM on first use) would save the copies for threads that
 * never use the FPU, at the price of a trap and more state to reason
 * about; with one CPU and 512 bytes, eager is simpler and cheap.
 *
 * fxsave and fxrstor neither check nor raise pending x87 exceptions,
 * so a program's unmasked, pending error stays its own: it is raised
 * (#MF, SIGFPE) at its next x87 instruction, in user mode.
 */
#include <kernel/systm.h>
#include <kernel/machdep.h>
#include <kernel/proc.h>
#include <x86/cpufunc.h>
#include <x86/fpu.h>

#define CPUID_FXSR	(1U << 24)	/* leaf 1, EDX */
#define CPUID_SSE	(1U << 25)

_Static_assert(sizeof(struct savefpu) == 512, "fxsave image is 512 bytes");

/* What a new program starts with: fninit's x87 state, MXCSR's default. */
static struct savefpu fpu_initial;	/* (c) */
/* The user thread whose registers are in the CPU, or NULL. */
static struct thread *fpu_owner;	/* (s) */

#ifdef __x86_64__
/* The 64-bit forms keep 64-bit instruction and operand pointers. */
#define FXSAVE	"fxsave64"
#define FXRSTOR	"fxrstor64"
#else
#define FXSAVE	"fxsave"
#define FXRSTOR	"fxrstor"
#endif

void
fpu_save(struct savefpu *sv)
{
	__asm__ volatile(FXSAVE " %0" : "=m"(*sv));
}

/* fpu_load: see x86/fpu.h. */
void
fpu_load(const struct savefpu *sv)
{
	__asm__ volatile(FXRSTOR " %0" : : "m"(*sv));
}

void
fpu_init(void)
{
	uint32_t regs[4];
	unsigned long cr4;

	do_cpuid(1, regs);
	if ((regs[3] & CPUID_FXSR) == 0)
		panic("fpu_init: this CPU has no fxsave/fxrstor (Vise needs "
		    "a Pentium II or later)");
	/*
	 * MP: fwait obeys TS; NE: x87 errors are #MF, not the PC's old
	 * IRQ 13; EM and TS clear: the x87 runs and nothing traps.
	 */
	load_cr0((rcr0() | CR0_MP | CR0_NE) & ~(CR0_EM | CR0_TS));
	cr4 = rcr4() | CR4_OSFXSR;
	if ((regs[3] & CPUID_SSE) != 0)
		cr4 |= CR4_OSXMMEXCPT;
	load_cr4(cr4);
	/* Drop whatever the firmware left (a pending error, say). */
	__asm__ volatile("fninit");

	/*
	 * The clean image is built, not saved from the CPU: every register
	 * zero (nothing of the boot's left for a program to read), all
	 * tags empty (abridged tag word 0), fninit's control word, and
	 * MXCSR with every exception masked, rounding to nearest.
	 */
	memset(&fpu_initial, 0, sizeof(fpu_initial));
	fpu_initial.sv_fcw = FPU_INIT_FCW;
	fpu_initial.sv_mxcsr = FPU_INIT_MXCSR;
}

void
fpu_thread_init(struct thread *td)
{
	td->td_md.md_flags |= MDTD_USERFPU;
	td->td_md.md_fpu = fpu_initial;
}

void
fpu_fork(struct thread *td)
{
	KASSERT(fpu_owner == curthread,
	    ("fpu_fork: %s does not own the FPU", curthread->td_name));
	td->td_md.md_flags |= MDTD_USERFPU;
	fpu_save(&td->td_md.md_fpu);
}

/*
 * The thread may be a user thread (its registers are in the CPU) or,
 * should a kernel thread ever exec, become one here; interrupts off so
 * that no switch sees the flag without the owner.
 */
void
fpu_exec(struct thread *td)
{
	unsigned long s;

	KASSERT(td == curthread, ("fpu_exec: %s is not curthread",
	    td->td_name));
	s = intr_disable();
	td->td_md.md_flags |= MDTD_USERFPU;
	fpu_load(&fpu_initial);
	fpu_owner = td;
	intr_restore(s);
}

void
fpu_switch(struct thread *td)
{
	/* An exiting thread's registers are not worth keeping. */
	if (fpu_owner != NULL && fpu_owner->td_state != TDS_DEAD)
		fpu_save(&fpu_owner->td_md.md_fpu);
	fpu_owner = NULL;
	if ((td->td_md.md_flags & MDTD_USERFPU) != 0) {
		fpu_load(&td->td_md.md_fpu);
		fpu_owner = td;
	}
}
