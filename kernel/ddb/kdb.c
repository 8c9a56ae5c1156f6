/*
 * kdb.c - entering and leaving the debugger (kdb.c in FreeBSD): the
 * ways in, the sysctls, and the signals `kill` queues.
 *
 * Ways in (docs/ddb.md): panic (kdb_panic, if debug.debugger_on_panic),
 * the break sequence Return ~ Ctrl-B on the serial line and
 * Ctrl+Alt+Esc on the keyboard (both seen by tty_poll in the clock
 * interrupt), and `sysctl debug.kdb.enter=1`.  The debugger runs with
 * interrupts off until `continue`: nothing else runs (one CPU), the
 * clock does not tick, the consoles are polled.
 *
 * Signals: `kill` does not post the signal from inside the debugger,
 * which may have stopped the kernel in the middle of changing the very
 * lists psignal walks (a panic, or code with interrupts off).  It
 * queues (pid, signal); the first clock tick after `continue` posts it
 * with psignal (kdb_tick, from tty_poll), in interrupt context like the
 * terminal's ^C, where nothing that psignal needs can be half changed.
 */
#include <sys/signal.h>
#include <kernel/systm.h>
#include <kernel/cmdline.h>
#include <kernel/machdep.h>
#include <kernel/proc.h>
#include <kernel/signalvar.h>
#include <kernel/sysctl.h>
#include <kernel/ddb/ddb.h>

volatile int kdb_active;
uintptr_t kdb_entry_pc, kdb_entry_fp;
bool kdb_in_panic;

/* Kills queued for kdb_tick. */
#define DB_KILLQ	8
static struct {
	int	pid;
	int	sig;
} db_killq[DB_KILLQ];
static volatile int db_nkill;

/* -1: not decided yet (the command line or the test mode decides). */
static int debugger_on_panic = -1;

/* db_kill_queue: see ddb.h. */
int
db_kill_queue(int pid, int sig)
{
	if (db_nkill == DB_KILLQ)
		return (-1);
	db_killq[db_nkill].pid = pid;
	db_killq[db_nkill].sig = sig;
	db_nkill++;
	return (0);
}

/* db_kill_count: see ddb.h. */
int
db_kill_count(void)
{
	return (db_nkill);
}

/* kdb_tick: see ddb.h. */
void
kdb_tick(void)
{
	struct proc *p;
	int i;

	if (db_nkill == 0 || kdb_active)
		return;
	for (i = 0; i < db_nkill; i++) {
		TAILQ_FOREACH(p, &allproc, p_list)
			if (p->p_pid == db_killq[i].pid)
				break;
		if (p != NULL && p->p_state == PRS_NORMAL) {
			printf("ddb: signal %d posted to pid %d\n",
			    db_killq[i].sig, db_killq[i].pid);
			psignal(p, db_killq[i].sig, SI_KERNEL, 0, 0);
		}
	}
	db_nkill = 0;
}

/* Enter, with `bt` starting at (pc, fp). */
static void
kdb_enter_frame(const char *why, uintptr_t pc, uintptr_t fp)
{
	unsigned long s;

	s = intr_disable();
	if (kdb_active) {
		intr_restore(s);
		return;
	}
	kdb_active = 1;
	kdb_entry_pc = pc;
	kdb_entry_fp = fp;
	db_printf("KDB: enter: %s\n", why);
	/* A panic may come before there are threads. */
	if (curthread != NULL && curthread->td_proc != NULL)
		db_printf("[ thread pid %d tid %d ]\n",
		    curthread->td_proc->p_pid, curthread->td_tid);
	db_command_loop();
	kdb_active = 0;
	intr_restore(s);
}

/* kdb_enter: see ddb.h.  Never inlined: `bt` starts at its caller. */
__attribute__((__noinline__)) void
kdb_enter(const char *why)
{
	kdb_enter_frame(why, (uintptr_t)__builtin_return_address(0),
	    *(uintptr_t *)__builtin_frame_address(0));
}

/* debug.debugger_on_panic unless set: ddb.on_panic=, else !test=. */
static bool
kdb_on_panic(void)
{
	const char *v;

	if (debugger_on_panic >= 0)
		return (debugger_on_panic != 0);
	if ((v = kern_getenv("ddb.on_panic")) != NULL)
		return (strcmp(v, "0") != 0);
	return (kern_getenv("test") == NULL);
}

/* kdb_panic: see ddb.h. */
void
kdb_panic(uintptr_t pc, uintptr_t fp)
{
	if (!kdb_on_panic() || kdb_active)
		return;
	kdb_in_panic = true;
	kdb_enter_frame("panic", pc, fp);
}

/* sysctl debug.kdb.enter=1: enter now, from the setting thread. */
static const int kdb_enter_zero;

static int
kdb_sysctl_enter(const struct sysctl_oid *oid, const void *new,
    size_t newlen)
{
	int error, v;

	(void)oid;
	if ((error = sysctl_int_in(new, newlen, &v)) != 0)
		return (error);
	if (v != 0)
		kdb_enter("sysctl debug.kdb.enter");
	return (0);
}

SYSCTL_INT_WRITE(debug_kdb_enter, "debug.kdb.enter", &kdb_enter_zero,
    kdb_sysctl_enter, "set to 1 to enter the debugger (docs/ddb.md)");

static int
kdb_sysctl_on_panic(const struct sysctl_oid *oid, const void *new,
    size_t newlen)
{
	int error, v;

	(void)oid;
	if ((error = sysctl_int_in(new, newlen, &v)) != 0)
		return (error);
	debugger_on_panic = v < 0 ? -1 : v != 0;
	return (0);
}

SYSCTL_INT_WRITE(debug_debugger_on_panic, "debug.debugger_on_panic",
    &debugger_on_panic, kdb_sysctl_on_panic,
    "a panic enters the debugger (1) or stops at once (0); -1: the "
    "default, 1 unless ddb.on_panic=0 or a test= boot");
