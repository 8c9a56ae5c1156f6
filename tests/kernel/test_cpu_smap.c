/*
 * test_cpu_smap.c - SMEP and SMAP (arch/x86/x86_smap.c) on a user page
 * of a fresh pmap: with SMAP on, a kernel load from it faults outside
 * copyin/copyout and not inside, and the window (EFLAGS.AC) is closed
 * after a copy, also after one that failed; with SMEP on, the kernel
 * cannot execute it.  On a CPU without them the tests say so and check
 * the other side where that is safe (a plain load works without SMAP;
 * without SMEP nothing is executed: that would run the page in ring 0).
 *
 * Interrupts stay off while the test pmap is active: a switch would
 * leave the test on another address space.  Faults are caught with
 * trap_catch; copy faults end in EFAULT (the test runs in proc0, which
 * has no address space for vm_fault).
 */
#include <sys/errno.h>
#include <kernel/systm.h>
#include <kernel/ktest.h>
#include <kernel/machdep.h>
#include <vm/vm.h>
#include <vm/vm_page.h>
#include <vm/pmap.h>
#include <x86/cpufunc.h>
#include <x86/smap.h>
#include <x86/trap_catch.h>
#include <x86/x86_var.h>

#define TVA	0x400000UL	/* a user address on both ARCHes */
#define BYTE0	0x5a		/* what copyout leaves there */

/* A user pmap with one page at TVA (readable, writable, executable). */
struct upage {
	struct pmap	pm;
	vm_page_t	m;
};

static bool
upage_make(struct upage *up, const void *bytes, size_t len)
{
	unsigned long s;
	int error;

	up->m = vm_page_alloc_noobj(VM_ALLOC_NORMAL);
	if (up->m == NULL)
		return (false);
	if (pmap_pinit(&up->pm) != 0) {
		vm_page_free(up->m);
		return (false);
	}
	if (pmap_enter(&up->pm, TVA, up->m, VM_PROT_ALL, VM_PROT_WRITE) !=
	    KERN_SUCCESS) {
		pmap_release(&up->pm);
		vm_page_free(up->m);
		return (false);
	}
	s = intr_disable();
	pmap_activate(&up->pm);
	error = copyout(bytes, (void *)TVA, len);
	pmap_activate(kernel_pmap);
	intr_restore(s);
	return (error == 0);
}

static void
upage_free(struct upage *up)
{
	pmap_remove(&up->pm, TVA, TVA + PAGE_SIZE);
	pmap_release(&up->pm);
	vm_page_free(up->m);
}

KTEST(smap_kernel_load_from_user_page_faults_outside_copyin)
{
	struct trap_catch tc = { .tc_trapno = T_PAGEFLT };
	static const uint8_t byte0 = BYTE0;
	struct upage up;
	unsigned long s, flags_ok, flags_bad;
	uint8_t got = 0, none;
	int error_ok, error_bad;

	KT_REQUIRE(upage_make(&up, &byte0, 1));
	tc.tc_resume = (uintptr_t)&&resume;
	s = intr_disable();
	pmap_activate(&up.pm);
	trap_catch_arm(&tc);
	__asm__ goto("cmpb $0, (%0)" : : "r"(TVA) : "memory", "cc" : resume);
resume:
	trap_catch_disarm();
	error_ok = copyin((const void *)TVA, &got, 1);
	flags_ok = read_flags();
	error_bad = copyin((const void *)(TVA + PAGE_SIZE), &none, 1);
	flags_bad = read_flags();
	pmap_activate(kernel_pmap);
	intr_restore(s);
	upage_free(&up);

	if (smap_enabled)
		KT_CHECK(tc.tc_count == 1, "SMAP on, yet the load did not "
		    "fault");
	else {
		printf("# SMAP is off on this CPU: the load must work\n");
		KT_CHECK(tc.tc_count == 0, "the load faulted without SMAP");
	}
	KT_CHECK(error_ok == 0 && got == BYTE0, "copyin: error %d, byte "
	    "%#x", error_ok, got);
	KT_CHECK(error_bad == EFAULT, "copyin of an unmapped page: %d",
	    error_bad);
	KT_CHECK((flags_ok & PSL_AC) == 0 && (flags_bad & PSL_AC) == 0,
	    "the window stayed open: eflags %#lx after a copy, %#lx after "
	    "a failed one", flags_ok, flags_bad);
}

KTEST(smep_kernel_cannot_execute_a_user_page)
{
	struct trap_catch tc = { .tc_trapno = T_PAGEFLT };
	static const uint8_t ud2[] = { 0x0f, 0x0b };
	struct upage up;
	unsigned long s;

	if (!smep_enabled) {
		printf("# SMEP is off on this CPU: nothing to check (running "
		    "the page would execute it in ring 0)\n");
		return;
	}
	/* ud2: were the fetch allowed, #UD, which nothing catches. */
	KT_REQUIRE(upage_make(&up, ud2, sizeof(ud2)));
	tc.tc_resume = (uintptr_t)&&resume;
	s = intr_disable();
	pmap_activate(&up.pm);
	trap_catch_arm(&tc);
	__asm__ goto("jmp *%0" : : "r"(TVA) : "memory" : resume);
resume:
	trap_catch_disarm();
	pmap_activate(kernel_pmap);
	intr_restore(s);
	upage_free(&up);
	KT_CHECK(tc.tc_count == 1 && tc.tc_pc == TVA, "caught %d page "
	    "faults, pc %#lx", tc.tc_count, (unsigned long)tc.tc_pc);
}
