/*
 * x86_smap.c - SMEP and SMAP, shared by i386 and amd64.
 *
 * With CR4.SMEP the CPU refuses to fetch ring-0 instructions from a
 * user page (U=1): a kernel bug or exploit cannot make the kernel run
 * code a process wrote.  With CR4.SMAP it refuses ring-0 loads and
 * stores to user pages unless EFLAGS.AC is set: the only place the
 * kernel means to touch user memory is copy_user (support.asm, behind
 * copyin/copyout), which sets AC with stac for the copy and clears it
 * with clac after it and on its fault path.  Every entry into the
 * kernel clears AC too (vector.asm; syscall's SFMASK on amd64), so
 * neither a user program that set AC nor a page fault taken inside a
 * copy leaves the window open while other kernel code runs; iret puts
 * the interrupted copy's AC back.
 *
 * stac and clac are invalid opcodes on a CPU without SMAP, so the
 * assembly runs them only when smap_enabled says so (smap.inc).
 */
#include <kernel/systm.h>
#include <x86/cpufunc.h>
#include <x86/smap.h>

#define CPUID_LEAF_EXTFEAT	7		/* structured extended features */
#define CPUID_STDEXT_SMEP	(1U << 7)	/* leaf 7 subleaf 0, EBX */
#define CPUID_STDEXT_SMAP	(1U << 20)

bool smep_enabled;	/* (c) */
bool smap_enabled;	/* (c) */

void
smap_init(void)
{
	uint32_t regs[4];
	unsigned long cr4;

	do_cpuid(0, regs);
	if (regs[0] >= CPUID_LEAF_EXTFEAT) {
		do_cpuid(CPUID_LEAF_EXTFEAT, regs);
		smep_enabled = (regs[1] & CPUID_STDEXT_SMEP) != 0;
		smap_enabled = (regs[1] & CPUID_STDEXT_SMAP) != 0;
	}
	cr4 = rcr4();
	if (smep_enabled)
		cr4 |= CR4_SMEP;
	if (smap_enabled)
		cr4 |= CR4_SMAP;
	load_cr4(cr4);
	printf("cpu: SMEP %s, SMAP %s\n",
	    smep_enabled ? "on" : "off (not on this CPU)",
	    smap_enabled ? "on" : "off (not on this CPU)");
}
