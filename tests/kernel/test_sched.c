/*
 * test_sched.c - threads, the scheduler, sleep and sx locks on the real
 * machine: kernel threads run and exit and give their stacks back,
 * tsleep ends by wakeup or by its timeout, round robin order, the clock
 * preempts a thread that never gives up the CPU, and a contended sx
 * lock puts the waiter to sleep until it is released.
 */
#include <sys/errno.h>
#include <kernel/systm.h>
#include <kernel/ktest.h>
#include <kernel/clock.h>
#include <kernel/machdep.h>
#include <kernel/kthread.h>
#include <kernel/sched.h>
#include <kernel/sleep.h>
#include <kernel/sx.h>
#include <vm/vm.h>
#include <vm/vm_page.h>
#include <vm/vmmeter.h>

/* How many test threads are still running; each exit wakes live_chan. */
static volatile int live;
static int live_chan;

static void
live_add(int n)
{
	unsigned long s;

	s = intr_disable();
	live += n;
	intr_restore(s);
}

static void
live_done(void)
{
	unsigned long s;

	s = intr_disable();
	live--;
	wakeup(&live_chan);
	intr_restore(s);
}

/* Wait (at most ~10 s) until every test thread has finished. */
static bool
live_wait(void)
{
	unsigned long s;
	int rounds = 0;

	s = intr_disable();
	while (live > 0 && rounds++ < 10)
		(void)tsleep(&live_chan, 0, "ktlive", HZ);
	intr_restore(s);
	/* The last one to exit is reaped by the next switch: make one. */
	sched_yield();
	return (live == 0);
}

static int
spawn(void (*fn)(void *), void *arg, const char *name)
{
	int error;

	live_add(1);
	error = kthread_add(fn, arg, name, NULL);
	if (error != 0)
		live_add(-1);
	return (error);
}

static void
set_flag(void *arg)
{
	*(volatile int *)arg = 1;
	live_done();
}

/* A thread runs, exits, and its stack pages come back. */
KTEST(kthread_runs_exits_and_frees_its_stack)
{
	u_long kstack = vm_cnt.v_wire_by_reason[VM_WIRE_KSTACK];
	u_long free = vm_cnt.v_free_count;
	volatile int flag = 0;

	KT_REQUIRE(spawn(set_flag, (void *)&flag, "kt-flag") == 0);
	KT_CHECK(vm_cnt.v_wire_by_reason[VM_WIRE_KSTACK] ==
	    kstack + atop(KSTACK_SIZE), "a new thread wires %lu stack pages",
	    vm_cnt.v_wire_by_reason[VM_WIRE_KSTACK] - kstack);
	KT_REQUIRE(live_wait(), "the thread did not finish");
	KT_CHECK(flag == 1);
	KT_CHECK(vm_cnt.v_wire_by_reason[VM_WIRE_KSTACK] == kstack,
	    "kstack wired %lu, was %lu",
	    vm_cnt.v_wire_by_reason[VM_WIRE_KSTACK], kstack);
	KT_CHECK(vm_cnt.v_free_count == free, "free %lu, was %lu",
	    vm_cnt.v_free_count, free);
}

/* A timed sleep nobody ends returns EWOULDBLOCK after its ticks. */
KTEST(tsleep_timeout_returns_ewouldblock)
{
	static int chan;
	uint64_t start = ticks;
	int error;

	error = tsleep(&chan, 0, "kttimo", 3);
	KT_CHECK(error == EWOULDBLOCK, "tsleep returned %d", error);
	KT_CHECK(ticks - start >= 3, "woke after %llu ticks",
	    (unsigned long long)(ticks - start));
}

struct sleeper {
	int	chan;
	int	error;
	bool	awake;
};

static void
sleeper_body(void *arg)
{
	struct sleeper *sl = arg;

	sl->error = tsleep(&sl->chan, 0, "ktsleep", 0);
	sl->awake = true;
	live_done();
}

/* wakeup() ends a sleep without timeout; the sleeper sees 0. */
KTEST(wakeup_ends_a_sleep)
{
	static struct sleeper sl;
	struct thread *td = NULL;

	sl.error = -1;
	sl.awake = false;
	live_add(1);
	KT_REQUIRE(kthread_add(sleeper_body, &sl, "kt-sleeper", &td) == 0);
	sched_yield();		/* it runs and falls asleep */
	KT_CHECK(td->td_state == TDS_SLEEPING && td->td_wchan == &sl.chan &&
	    strcmp(td->td_wmesg, "ktsleep") == 0,
	    "the sleeper is in state %d", td->td_state);
	KT_CHECK(!sl.awake);
	wakeup(&sl.chan);
	KT_REQUIRE(live_wait(), "the sleeper did not finish");
	KT_CHECK(sl.awake && sl.error == 0, "tsleep returned %d", sl.error);
}

/* Threads that yield run in turn, in the order they were made. */
static char order[16];
static volatile int norder;

static void
round_robin_body(void *arg)
{
	int i;

	for (i = 0; i < 3; i++) {
		order[norder++] = *(const char *)arg;
		sched_yield();
	}
	live_done();
}

KTEST(sched_round_robin_in_order)
{
	static const char names[] = "ABC";
	int i;

	norder = 0;
	for (i = 0; i < 3; i++)
		KT_REQUIRE(spawn(round_robin_body, (void *)&names[i],
		    "kt-rr") == 0);
	KT_REQUIRE(live_wait(), "the threads did not finish");
	order[norder] = '\0';
	KT_CHECK(strcmp(order, "ABCABCABC") == 0, "order %s", order);
}

/* A thread that never yields loses the CPU when its slice is used up. */
static volatile bool spin_stop;
static volatile u_long spin_count;

static void
spinner_body(void *arg __unused)
{
	while (!spin_stop)
		spin_count++;
	live_done();
}

KTEST(clock_preempts_a_spinning_thread)
{
	uint64_t start;

	spin_stop = false;
	spin_count = 0;
	KT_REQUIRE(spawn(spinner_body, NULL, "kt-spin") == 0);
	start = ticks;
	/* Only preemption brings us back: the spinner never yields. */
	sched_yield();
	KT_CHECK(spin_count > 0, "the spinner did not run");
	KT_CHECK(ticks - start >= SCHED_SLICE - 1,
	    "back after %llu ticks, the slice is %d",
	    (unsigned long long)(ticks - start), SCHED_SLICE);
	spin_stop = true;
	KT_REQUIRE(live_wait(), "the spinner did not stop");
}

/* A thread that wants a held sx lock sleeps until it is let go. */
static struct sx ktsx;
static volatile bool sx_got;

static void
sx_body(void *arg __unused)
{
	sx_xlock(&ktsx);
	sx_got = true;
	sx_xunlock(&ktsx);
	live_done();
}

KTEST(sx_contention_sleeps_until_released)
{
	struct thread *td = NULL;

	sx_init(&ktsx, "ktsx");
	sx_got = false;
	sx_slock(&ktsx);
	live_add(1);
	KT_REQUIRE(kthread_add(sx_body, NULL, "kt-sx", &td) == 0);
	sched_yield();
	KT_CHECK(td->td_state == TDS_SLEEPING && td->td_wchan == &ktsx &&
	    strcmp(td->td_wmesg, "ktsx") == 0, "the waiter is in state %d",
	    td->td_state);
	KT_CHECK(!sx_got, "got an sx lock held shared");
	sx_sunlock(&ktsx);
	KT_REQUIRE(live_wait(), "the waiter did not finish");
	KT_CHECK(sx_got);
	sx_assert(&ktsx, SA_UNLOCKED);
}

/* Many threads come and go; stacks and memory end where they began. */
static volatile int many_ran;

static void
many_body(void *arg __unused)
{
	many_ran++;
	live_done();
}

KTEST(hundred_threads_come_and_go_at_baseline)
{
	u_long kstack = vm_cnt.v_wire_by_reason[VM_WIRE_KSTACK];
	u_long kmem = vm_cnt.v_wire_by_reason[VM_WIRE_KMEM];
	u_long free = vm_cnt.v_free_count;
	int i;

	many_ran = 0;
	for (i = 0; i < 100; i++) {
		KT_REQUIRE(spawn(many_body, NULL, "kt-many") == 0);
		if (i % 10 == 9)
			sched_yield();
	}
	KT_REQUIRE(live_wait(), "%d threads did not finish", live);
	KT_CHECK(many_ran == 100, "%d ran", many_ran);
	KT_CHECK(vm_cnt.v_wire_by_reason[VM_WIRE_KSTACK] == kstack &&
	    vm_cnt.v_wire_by_reason[VM_WIRE_KMEM] == kmem &&
	    vm_cnt.v_free_count == free, "kstack %lu/%lu kmem %lu/%lu "
	    "free %lu/%lu", vm_cnt.v_wire_by_reason[VM_WIRE_KSTACK], kstack,
	    vm_cnt.v_wire_by_reason[VM_WIRE_KMEM], kmem,
	    vm_cnt.v_free_count, free);
}
