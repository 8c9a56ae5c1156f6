/*
 * test_trap.c - exceptions raised on purpose in kernel mode are caught
 * (trap_catch) and execution continues: a breakpoint (#BP, a trap: the
 * CPU resumes after the instruction) and an invalid opcode (#UD, a
 * fault: we resume at a label past it).
 */
#include <kernel/systm.h>
#include <kernel/ktest.h>
#include <x86/trap_catch.h>
#include <x86/x86_var.h>

KTEST(trap_breakpoint_caught_and_returns)
{
	struct trap_catch tc = { .tc_trapno = T_BPTFLT };
	volatile int after = 0;

	trap_catch_arm(&tc);
	__asm__ volatile("int3" : : : "memory");
	after = 1;
	trap_catch_disarm();
	KT_CHECK(tc.tc_count == 1, "caught %d breakpoints", tc.tc_count);
	KT_CHECK(after == 1, "did not continue after int3");
}

KTEST(trap_invalid_opcode_caught_and_resumed)
{
	struct trap_catch tc = { .tc_trapno = T_PRIVINFLT };
	volatile int skipped = 0;

	tc.tc_resume = (uintptr_t)&&resume;
	trap_catch_arm(&tc);
	__asm__ goto("ud2" : : : "memory" : resume);
	skipped = 1;		/* never reached: ud2 faults */
resume:
	trap_catch_disarm();
	KT_CHECK(tc.tc_count == 1, "caught %d #UD", tc.tc_count);
	KT_CHECK(skipped == 0, "ud2 did not fault");
	KT_CHECK(tc.tc_pc != 0 && tc.tc_pc < (uintptr_t)&&resume,
	    "fault pc %#lx", (unsigned long)tc.tc_pc);
}

KTEST(trap_names_cover_exceptions)
{
	KT_CHECK(strcmp(trap_name(T_PAGEFLT), "page fault") == 0);
	KT_CHECK(strcmp(trap_name(T_PRIVINFLT), "invalid opcode") == 0);
	KT_CHECK(strcmp(trap_name(31), "reserved exception") == 0);
}
