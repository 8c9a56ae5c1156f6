/*
 * test_kernprot.c - the kernel's own protections, on i386 and amd64:
 * the pmap's check of its tables (pmap_check_kernel), and the hardware
 * enforcing them: a store into kernel text or read-only data faults,
 * page 0 is not mapped, and (with NX: amd64, and i386's PAE) jumping
 * into data faults.
 * Each fault is caught with trap_catch and must be a page fault at the
 * address the test touched.
 */
#include <kernel/systm.h>
#include <kernel/ktest.h>
#include <vm/vm.h>
#include <vm/pmap.h>
#include <x86/cpufunc.h>
#include <x86/trap_catch.h>
#include <x86/x86_var.h>

static const char kernprot_rodata[] = "read-only data";

/* jmp *%rax (amd64), jmp *%eax (i386): back to the test if it runs. */
static uint8_t kernprot_code_in_data[16] __aligned(16) = { 0xff, 0xe0 };

/*
 * Store `val` at `p`; true if that raised a page fault at `p` (the
 * store then did nothing).
 */
static bool
store_faults(volatile uint8_t *p, uint8_t val)
{
	struct trap_catch tc = { .tc_trapno = T_PAGEFLT };

	tc.tc_resume = (uintptr_t)&&resume;
	trap_catch_arm(&tc);
	__asm__ goto("movb %0, (%1)" : : "q"(val), "r"(p) : "memory" : resume);
resume:
	trap_catch_disarm();
	return (tc.tc_count == 1 && rcr2() == (uintptr_t)p);
}

/* Read the byte at `p`; true if that raised a page fault at `p`. */
static bool
load_faults(volatile uint8_t *p)
{
	struct trap_catch tc = { .tc_trapno = T_PAGEFLT };

	tc.tc_resume = (uintptr_t)&&resume;
	trap_catch_arm(&tc);
	__asm__ goto("cmpb $0, (%0)" : : "r"(p) : "cc", "memory" : resume);
resume:
	trap_catch_disarm();
	return (tc.tc_count == 1 && rcr2() == (uintptr_t)p);
}

KTEST(kernprot_pmap_check_kernel_clean)
{
	int problems;

	problems = pmap_check_kernel();
	KT_CHECK(problems == 0, "%d problems (printed above)", problems);
}

KTEST(kernprot_text_readonly)
{
	volatile uint8_t *text = (volatile uint8_t *)(uintptr_t)&store_faults;
	uint8_t before = *text;

	/* The same byte goes back, so a missing protection does no harm. */
	KT_CHECK(store_faults(text, before), "kernel text is writable");
	KT_CHECK(*text == before);
}

KTEST(kernprot_rodata_readonly)
{
	volatile uint8_t *p = (volatile uint8_t *)(uintptr_t)kernprot_rodata;

	KT_CHECK(store_faults(p, (uint8_t)kernprot_rodata[0]),
	    "read-only data is writable");
}

KTEST(kernprot_page0_unmapped)
{
	KT_CHECK(load_faults((volatile uint8_t *)0), "page 0 is readable");
	KT_CHECK(store_faults((volatile uint8_t *)0, 0), "page 0 is writable");
	KT_CHECK(pmap_kextract(0) == 0);
}

/*
 * With NX (amd64, i386 with PAE), data is not executable: a jump into a
 * data page faults at its first byte, an instruction fetch.  Nothing to
 * check on a CPU without NX.
 */
KTEST(kernprot_data_nx)
{
	struct trap_catch tc = { .tc_trapno = T_PAGEFLT };
	uint32_t regs[4];
	bool nx = false;

	do_cpuid(0x80000000, regs);
	if (regs[0] >= 0x80000001) {
		do_cpuid(0x80000001, regs);
		nx = (regs[3] & (1U << 20)) != 0;
	}
	if (!nx) {
		printf("# this CPU has no NX: not checked\n");
		return;
	}
	tc.tc_resume = (uintptr_t)&&resume;
	trap_catch_arm(&tc);
#if defined(__x86_64__)
	__asm__ goto("leaq %l[resume](%%rip), %%rax\n\t"
	    "jmp *%0"
	    : : "r"(kernprot_code_in_data) : "rax", "memory" : resume);
#else
	__asm__ goto("movl $%l[resume], %%eax\n\t"
	    "jmp *%0"
	    : : "r"(kernprot_code_in_data) : "eax", "memory" : resume);
#endif
resume:
	trap_catch_disarm();
	KT_CHECK(tc.tc_count == 1, "data executed");
	KT_CHECK(tc.tc_pc == (uintptr_t)kernprot_code_in_data,
	    "fault at %#lx", (u_long)tc.tc_pc);
	KT_CHECK(rcr2() == (uintptr_t)kernprot_code_in_data,
	    "cr2 %#lx", (u_long)rcr2());
	KT_CHECK((tc.tc_err & PGEX_I) != 0, "error code %#lx without the "
	    "instruction-fetch bit", (u_long)tc.tc_err);
}
