/*
 * kern_shutdown.c - panic, failed assertions and power-off.
 *
 * A panic prints the message and a symbolized backtrace, enters the
 * debugger if debug.debugger_on_panic says so (docs/ddb.md), then powers
 * off with status 2 (under the test harness QEMU exits with 2*2+1 = 5,
 * which the harness reports as a panic); on real hardware it halts so
 * the screen can be read.
 */
#include <kernel/systm.h>
#include <kernel/ksyms.h>
#include <kernel/machdep.h>
#include <kernel/shutdown.h>
#include <kernel/ddb/ddb.h>

const char *panicstr;

/* The frame pointer of our caller's caller: saved at our frame's base. */
#define caller_frame()	(*(uintptr_t *)__builtin_frame_address(0))

static void __dead2
vpanic(uintptr_t pc, uintptr_t fp, const char *fmt, va_list ap)
{
	static char buf[256];

	cpu_disable_intr();
	if (panicstr != NULL) {
		/* A panic while panicking: say so and stop, no recursion. */
		printf("\npanic while panicking: %s\n", panicstr);
		cpu_halt_forever();
	}
	vsnprintf(buf, sizeof(buf), fmt, ap);
	panicstr = buf;
	printf("\npanic: %s\n", buf);
	stack_print(pc, fp);
	kdb_panic(pc, fp);
	cpu_poweroff(SHUTDOWN_PANIC);
}

void
panic(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vpanic((uintptr_t)__builtin_return_address(0),
	    caller_frame(), fmt, ap);
}

void
panic_frame(uintptr_t pc, uintptr_t fp, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vpanic(pc, fp, fmt, ap);
}

void
kassert_panic(const char *file, int line, const char *expr,
    const char *fmt, ...)
{
	static char msg[192];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	panic_frame((uintptr_t)__builtin_return_address(0),
	    caller_frame(),
	    "assertion \"%s\" failed at %s:%d: %s", expr, file, line, msg);
}
