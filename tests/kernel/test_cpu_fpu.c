/*
 * test_cpu_fpu.c - the machine side of per-thread x87/SSE state
 * (arch/x86/fpu.c): the control registers fpu_init set, and execve's
 * reset (cpu_exec_setregs) of registers a program left dirty.  The
 * switching itself is tested by user programs (test_user.c).
 */
#include <kernel/systm.h>
#include <kernel/ktest.h>
#include <kernel/machdep.h>
#include <kernel/kthread.h>
#include <kernel/exec.h>
#include <kernel/sched.h>
#include <kernel/sleep.h>
#include <kernel/clock.h>
#include <machine/frame.h>
#include <x86/cpufunc.h>
#include <x86/fpu.h>

#define CPUID_SSE	(1U << 25)	/* leaf 1, EDX */

KTEST(fpu_enabled_for_user_code)
{
	unsigned long cr0 = rcr0(), cr4 = rcr4();

	KT_CHECK((cr0 & (CR0_MP | CR0_NE)) == (CR0_MP | CR0_NE) &&
	    (cr0 & (CR0_EM | CR0_TS)) == 0, "cr0 %#lx", cr0);
	KT_CHECK((cr4 & CR4_OSFXSR) != 0, "cr4 %#lx", cr4);
}

struct exec_probe {
	struct savefpu	sv;		/* the registers after the reset */
	volatile int	done;
};

/*
 * A throwaway kernel thread plays a program that calls execve: it
 * dirties the registers, has cpu_exec_setregs reset them (with a frame
 * of its own: a kernel thread has none) and saves what it got.  It is
 * a user thread for the FPU from then on, until it exits.
 */
static void
exec_probe_thread(void *arg)
{
	struct exec_probe *probe = arg;
	struct thread *td = curthread;
	struct trapframe tf;
	uint16_t fcw = 0x0f7f;
	uint32_t mxcsr = 0x7f80, regs[4];
	unsigned long s;

	do_cpuid(1, regs);
	s = intr_disable();
	__asm__ volatile("fldcw %0; fld1; fldpi" : : "m"(fcw));
	if ((regs[3] & CPUID_SSE) != 0)
		__asm__ volatile("ldmxcsr %0; pcmpeqb %%xmm1, %%xmm1" : :
		    "m"(mxcsr));
	td->td_frame = &tf;
	cpu_exec_setregs(td, 0x400000, 0x10000000);
	td->td_frame = NULL;
	fpu_save(&probe->sv);
	intr_restore(s);
	probe->done = 1;
	wakeup(probe);
}

static bool
all_zero(const uint8_t *p, size_t len)
{
	while (len-- > 0)
		if (*p++ != 0)
			return (false);
	return (true);
}

KTEST(fpu_exec_resets_the_registers)
{
	static struct exec_probe probe;
	unsigned long s;
	int rounds = 0;

	probe.done = 0;
	KT_REQUIRE(kthread_add(exec_probe_thread, &probe, "kt-fpuexec",
	    NULL) == 0);
	s = intr_disable();
	while (!probe.done && rounds++ < 10)
		(void)tsleep(&probe, 0, "ktfpu", HZ);
	intr_restore(s);
	sched_yield();		/* the switch after its exit reaps it */
	KT_REQUIRE(probe.done, "the probe thread did not finish");
	KT_CHECK(probe.sv.sv_fcw == FPU_INIT_FCW && probe.sv.sv_fsw == 0 &&
	    probe.sv.sv_ftw == 0, "x87 control %#x status %#x tags %#x",
	    probe.sv.sv_fcw, probe.sv.sv_fsw, probe.sv.sv_ftw);
	KT_CHECK(probe.sv.sv_mxcsr == FPU_INIT_MXCSR, "mxcsr %#x",
	    probe.sv.sv_mxcsr);
	KT_CHECK(all_zero(&probe.sv.sv_st[0][0], sizeof(probe.sv.sv_st)) &&
	    all_zero(&probe.sv.sv_xmm[0][0], sizeof(probe.sv.sv_xmm)),
	    "registers not zero");
}
