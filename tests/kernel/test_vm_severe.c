/*
 * test_vm_severe.c - who may allocate below the severe threshold
 * (vm/vm_severe.c; SEMANTICS R69, R80): init (pid 1) and P_SYSTEM
 * processes are exempt and get class SYSTEM, which still gets pages
 * where an ordinary process's NORMAL request is refused; fork's wait
 * lets an exempt process through at once.
 */
#include <kernel/systm.h>
#include <kernel/clock.h>
#include <kernel/ktest.h>
#include <kernel/proc.h>
#include <vm/vm.h>
#include <vm/vm_page.h>
#include <vm/vmmeter.h>
#include "ktest_vm.h"

KTEST(r80_init_and_system_processes_are_exempt)
{
	struct proc p;

	memset(&p, 0, sizeof(p));
	p.p_pid = 1;
	KT_CHECK(vm_page_count_severe_exempt(&p), "init not exempt");
	KT_CHECK(vm_alloc_class_for(&p) == VM_ALLOC_SYSTEM);
	p.p_pid = 7;
	KT_CHECK(!vm_page_count_severe_exempt(&p), "pid 7 exempt");
	KT_CHECK(vm_alloc_class_for(&p) == VM_ALLOC_NORMAL);
	p.p_flag = P_PROTECTED;
	KT_CHECK(!vm_page_count_severe_exempt(&p),
	    "P_PROTECTED is about the OOM killer only, not the gate");
	p.p_flag = P_SYSTEM;
	KT_CHECK(vm_page_count_severe_exempt(&p), "P_SYSTEM not exempt");
	KT_CHECK(vm_alloc_class_for(&p) == VM_ALLOC_SYSTEM);
	KT_CHECK(vm_page_count_severe_exempt(&proc0), "proc0 not exempt");
}

/*
 * Below severe, down at free_reserved: an ordinary process's class is
 * refused, init's is served; fork's wait returns at once for the
 * kernel (this test runs in a thread of proc0).
 */
KTEST(r69_r80_below_severe_init_gets_pages_ordinary_does_not)
{
	const struct vm_thresholds *t = &vm_cnt.v_thresh;
	struct pglist held = TAILQ_HEAD_INITIALIZER(held);
	struct proc init, ord;
	u_long free0 = vm_cnt.v_free_count;
	uint64_t t0;
	vm_page_t m;

	memset(&init, 0, sizeof(init));
	memset(&ord, 0, sizeof(ord));
	init.p_pid = 1;
	ord.p_pid = 9;
	KT_REQUIRE(!vm_cnt.v_severe, "machine already short (%lu free)",
	    free0);
	ktest_drain(&held, t->free_reserved, VM_ALLOC_NORMAL);
	KT_CHECK(vm_page_count_severe(), "not severe at %lu free",
	    vm_cnt.v_free_count);
	KT_CHECK(vm_page_alloc_noobj(vm_alloc_class_for(&ord)) == NULL,
	    "an ordinary process got a page at free_reserved");
	m = vm_page_alloc_noobj(vm_alloc_class_for(&init));
	KT_CHECK(m != NULL, "init got no page at free_reserved");
	if (m != NULL)
		TAILQ_INSERT_TAIL(&held, m, plinks.q);
	t0 = ticks;
	KT_CHECK(vm_wait_severe(curthread) == 0, "the kernel's wait failed");
	KT_CHECK(ticks == t0, "the kernel waited %llu ticks below severe",
	    (unsigned long long)(ticks - t0));
	ktest_undrain(&held, -1);
	KT_CHECK(vm_cnt.v_free_count == free0);
}
