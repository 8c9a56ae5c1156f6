/*
 * test_vm_oom_select.c - the OOM killer's choice of victim and its name
 * for what ran out (vm/vm_oom_select.c; SEMANTICS R74, R75), on tables
 * of pretend processes in allproc order (oldest first).
 */
#include <stddef.h>

#include "tap.h"
#include <vm/vm_pageout.h>

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* The pid chosen from `n` candidates, or 0 if none. */
static int
choose(const struct vm_oom_cand *c, size_t n)
{
	struct vm_oom_best best = { .found = false };
	size_t i;

	for (i = 0; i < n; i++)
		vm_oom_consider(&best, &c[i]);
	return (best.found ? best.best.pid : 0);
}

static void
r75_largest_resident_wired_included_wins(void)
{
	/* 30 pageable + 70 wired beats 90 pageable: wired pages count. */
	const struct vm_oom_cand c[] = {
		{ .pid = 10, .resident = 90, .wired = 0 },
		{ .pid = 11, .resident = 100, .wired = 70 },
		{ .pid = 12, .resident = 5, .wired = 5 },
	};

	CHECK(choose(c, NELEM(c)) == 11, "chose %d", choose(c, NELEM(c)));
}

static void
r74_init_system_protected_killed_exiting_skipped(void)
{
	const struct vm_oom_cand c[] = {
		{ .pid = 1, .flags = VM_OOM_C_INIT, .resident = 900 },
		{ .pid = 20, .flags = VM_OOM_C_SYSTEM, .resident = 800 },
		{ .pid = 21, .flags = VM_OOM_C_PROTECTED, .resident = 700 },
		{ .pid = 22, .flags = VM_OOM_C_KILLED, .resident = 600 },
		{ .pid = 23, .flags = VM_OOM_C_EXITING, .resident = 500 },
		{ .pid = 24, .resident = 10 },
	};
	size_t i;

	CHECK(choose(c, NELEM(c)) == 24, "chose %d", choose(c, NELEM(c)));
	for (i = 0; i + 1 < NELEM(c); i++)
		CHECK(!vm_oom_eligible(&c[i]), "pid %d eligible", c[i].pid);
	CHECK(vm_oom_eligible(&c[5]), "pid 24 not eligible");
}

static void
r74_tie_goes_to_the_newest(void)
{
	const struct vm_oom_cand c[] = {
		{ .pid = 30, .resident = 50 },
		{ .pid = 31, .resident = 50 },
		{ .pid = 32, .resident = 49 },
	};

	CHECK(choose(c, NELEM(c)) == 31, "chose %d", choose(c, NELEM(c)));
}

static void
r74_no_victim(void)
{
	const struct vm_oom_cand c[] = {
		{ .pid = 1, .flags = VM_OOM_C_INIT, .resident = 900 },
		{ .pid = 40, .flags = VM_OOM_C_PROTECTED | VM_OOM_C_KILLED,
		    .resident = 80 },
		{ .pid = 41, .resident = 0 },	/* frees nothing */
	};

	CHECK(choose(c, NELEM(c)) == 0, "chose %d", choose(c, NELEM(c)));
	CHECK(choose(c, 0) == 0, "empty list chose something");
}

static void
r75_r76_which_memory_ran_out(void)
{
	CHECK(vm_oom_memory_kind(100, 10, 10) == VM_OOM_PAGEABLE, "pageable");
	CHECK(vm_oom_memory_kind(10, 100, 10) == VM_OOM_USER_WIRED,
	    "user-wired");
	CHECK(vm_oom_memory_kind(10, 10, 100) == VM_OOM_KERNEL_WIRED,
	    "kernel-wired");
	CHECK(vm_oom_memory_kind(50, 50, 10) == VM_OOM_USER_WIRED,
	    "a tie of user-wired and pageable names user-wired");
	CHECK(vm_oom_memory_kind(50, 10, 50) == VM_OOM_KERNEL_WIRED,
	    "a tie of kernel-wired and pageable names kernel-wired");
}

int
main(void)
{
	TAP_RUN(r75_largest_resident_wired_included_wins);
	TAP_RUN(r74_init_system_protected_killed_exiting_skipped);
	TAP_RUN(r74_tie_goes_to_the_newest);
	TAP_RUN(r74_no_victim);
	TAP_RUN(r75_r76_which_memory_ran_out);
	return (tap_exit_status());
}
