/*
 * test_vm_pageout.c - the page daemon's OOM trigger (vm/vm_pageout.c;
 * SEMANTICS R73): a shortage below free_min that lasts
 * vm.pageout_oom_seq looks (VM_PAGEOUT_PERIOD ticks of guest time each)
 * runs one OOM round, and only one per vm.pageout_oom_seq looks; no
 * shortage, no round.  (There is no user process during test=kernel,
 * so the round finds no victim and says so.)
 */
#include <kernel/systm.h>
#include <kernel/ktest.h>
#include <kernel/sleep.h>
#include <vm/vm.h>
#include <vm/vm_page.h>
#include <vm/vm_pageout.h>
#include <vm/vmmeter.h>
#include "ktest_vm.h"

static int ktest_pageout_chan;

/* Sleep `n` page-daemon periods. */
static void
ktest_periods(int n)
{
	(void)tsleep(&ktest_pageout_chan, 0, "ktpgout",
	    n * VM_PAGEOUT_PERIOD);
}

KTEST(r73_page_daemon_oom_round_after_sustained_shortage)
{
	const struct vm_thresholds *t = &vm_cnt.v_thresh;
	struct pglist held = TAILQ_HEAD_INITIALIZER(held);
	int seq0 = vm_pageout_oom_seq;
	u_long r0;

	KT_REQUIRE(!vm_page_count_min(), "machine already short (%lu free)",
	    vm_cnt.v_free_count);
	vm_pageout_oom_seq = 3;
	r0 = vm_oom_rounds;
	ktest_periods(5);
	KT_CHECK(vm_oom_rounds == r0, "%lu rounds with no shortage",
	    vm_oom_rounds - r0);

	/* Below free_min for 4.5 periods: looks 3 (a round) and 6 (not yet). */
	ktest_drain(&held, t->free_severe, VM_ALLOC_NORMAL);
	KT_CHECK(vm_page_count_min());
	ktest_periods(4);
	(void)tsleep(&ktest_pageout_chan, 0, "ktpgout",
	    VM_PAGEOUT_PERIOD / 2);
	KT_CHECK(vm_oom_rounds == r0 + 1, "%lu rounds after 4.5 periods",
	    vm_oom_rounds - r0);

	/* 0 turns the trigger off. */
	vm_pageout_oom_seq = 0;
	r0 = vm_oom_rounds;
	ktest_periods(5);
	KT_CHECK(vm_oom_rounds == r0, "%lu rounds with the trigger off",
	    vm_oom_rounds - r0);
	ktest_undrain(&held, -1);
	vm_pageout_oom_seq = seq0;
}
