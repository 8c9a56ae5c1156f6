/*
 * test_clock.c - the periodic clock interrupt is running: ticks advance
 * while the CPU halts waiting for interrupts, at about HZ per second of
 * TSC time (checked loosely: the TSC rate differs between QEMU and PCs).
 */
#include <kernel/systm.h>
#include <kernel/clock.h>
#include <kernel/ktest.h>
#include <kernel/machdep.h>

#define WAIT_TICKS	10
/* Each halt ends at an interrupt; the clock's come every tick. */
#define MAX_HALTS	(WAIT_TICKS * 100)

KTEST(clock_ticks_advance)
{
	uint64_t start = ticks, tsc_start, tsc_end;
	int halts;

	tsc_start = cpu_ticks();
	for (halts = 0; ticks - start < WAIT_TICKS && halts < MAX_HALTS;
	    halts++)
		cpu_idle();
	tsc_end = cpu_ticks();
	KT_REQUIRE(ticks - start >= WAIT_TICKS, "only %llu ticks in %d halts",
	    (unsigned long long)(ticks - start), halts);
	KT_CHECK(tsc_end > tsc_start, "TSC did not advance");
}
