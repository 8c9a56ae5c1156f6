/*
 * db_main.c - entering and leaving the debugger, reading command lines
 * and running them (kdb.c and db_command.c in FreeBSD).
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
 * with psignal, in interrupt context like the terminal's ^C, where
 * nothing that psignal needs can be half changed.
 */
#include <sys/errno.h>
#include <sys/signal.h>
#include <kernel/systm.h>
#include <kernel/cmdline.h>
#include <kernel/cons.h>
#include <kernel/machdep.h>
#include <kernel/proc.h>
#include <kernel/signalvar.h>
#include <kernel/sysctl.h>
#include <kernel/ddb/ddb.h>
#include <machine/param.h>
#include <vm/pmap.h>

SET_DECLARE(set_db_cmds, const struct db_command);

volatile int kdb_active;
uintptr_t kdb_entry_pc, kdb_entry_fp;

static bool db_continue;		/* `continue` was typed */
static bool db_in_panic;		/* entered from panic */

/* Kills queued for kdb_tick. */
#define DB_KILLQ	8
static struct {
	int	pid;
	int	sig;
} db_killq[DB_KILLQ];
static volatile int db_nkill;

/* -1: not decided yet (the command line or the test mode decides). */
static int debugger_on_panic = -1;

/* db_kaddr_ok: see ddb.h. */
bool
db_kaddr_ok(const void *addr, size_t len)
{
	uintptr_t va = (uintptr_t)addr, end;

	if (va < VM_MIN_KERNEL_ADDRESS || len == 0 ||
	    va + len < va)
		return (false);
	end = va + len - 1;
	for (va &= ~(uintptr_t)PAGE_MASK; ; va += PAGE_SIZE) {
		if (pmap_kextract(va) == 0)
			return (false);
		if (end - va < PAGE_SIZE)
			return (true);
	}
}

/* The most processes a walk of allproc visits: a loop is corruption. */
#define DB_MAXPROC	100000

/* db_pfind: see ddb.h. */
struct proc *
db_pfind(int pid)
{
	struct proc *p;
	int n = 0;

	if (pid == 0)
		return (&proc0);
	TAILQ_FOREACH(p, &allproc, p_list) {
		if (!db_kaddr_ok(p, sizeof(*p)) || ++n > DB_MAXPROC)
			return (NULL);
		if (p->p_pid == pid)
			return (p);
	}
	return (NULL);
}

/* db_arg_pid: see ddb.h. */
int
db_arg_pid(int argc, char **argv, int i)
{
	uintptr_t v;

	if (i >= argc || db_strtoul(argv[i], &v) != 0 || v > 0x7fffffff) {
		db_printf("%s: a pid is needed\n", argv[0]);
		return (-1);
	}
	return ((int)v);
}

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

/* A byte from a console: wait for it, polling. */
static int
db_getc(void)
{
	int c;

	while ((c = cngetc_nowait()) < 0 || c == KDB_KEY_BREAK)
		;
	return (c);
}

/* Read a line with echo; backspace/DEL erase, ^U the whole line. */
static void
db_readline(char *buf, size_t size)
{
	size_t len = 0;
	int c;

	for (;;) {
		c = db_getc();
		if (c == '\r' || c == '\n') {
			cnputc('\n');
			buf[len] = '\0';
			return;
		}
		if (c == '\b' || c == 0x7f) {
			if (len > 0) {
				len--;
				cnputc('\b'), cnputc(' '), cnputc('\b');
			}
		} else if (c == ('u' & 0x1f)) {
			for (; len > 0; len--)
				cnputc('\b'), cnputc(' '), cnputc('\b');
		} else if (c >= ' ' && c < 0x7f && len < size - 1) {
			buf[len++] = (char)c;
			cnputc(c);
		}
	}
}

static void
db_run(int argc, char **argv)
{
	const struct db_command *const *cmds = SET_BEGIN(set_db_cmds);
	size_t n = SET_COUNT(set_db_cmds);
	const struct db_command *cmd;
	enum db_table table = DB_TABLE_TOP;
	bool ambiguous;

	/* "show", or a prefix of it from "sh" on. */
	if (strlen(argv[0]) >= 2 &&
	    strncmp(argv[0], "show", strlen(argv[0])) == 0) {
		if (argc < 2) {
			db_printf("show what? (help lists them)\n");
			return;
		}
		table = DB_TABLE_SHOW;
		argc--, argv++;
	}
	cmd = db_lookup(cmds, n, table, argv[0], &ambiguous);
	if (cmd == NULL) {
		db_printf("%s: %s command\n", argv[0],
		    ambiguous ? "ambiguous" : "no such");
		return;
	}
	argv[0] = (char *)(uintptr_t)cmd->name;
	cmd->fn(argc, argv);
}

/* The command loop, until `continue`. */
static void
db_loop(void)
{
	static char line[DB_LINE_MAX];
	char *argv[DB_MAXARGS + 1];
	int argc;

	db_continue = false;
	while (!db_continue) {
		db_printf("db> ");
		db_readline(line, sizeof(line));
		argc = db_split(line, argv, DB_MAXARGS);
		if (argc < 0) {
			db_printf("too many words (at most %d)\n", DB_MAXARGS);
			continue;
		}
		if (argc == 0)
			continue;
		argv[argc] = NULL;
		db_run(argc, argv);
	}
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
	db_loop();
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
	db_in_panic = true;
	kdb_enter_frame("panic", pc, fp);
}

/* The commands of the debugger itself. */
DB_COMMAND(help, db_help, "help",
    "this list");
static void
db_help(int argc, char **argv)
{
	const struct db_command *const *cp, *next, *last;
	char usage[40];
	int pass;

	/* In the order of their names: the next one after `last`, each time. */
	for (pass = DB_TABLE_TOP; pass <= DB_TABLE_SHOW; pass++)
		for (last = NULL;; last = next) {
			next = NULL;
			SET_FOREACH(cp, set_db_cmds)
				if ((*cp)->table == (enum db_table)pass &&
				    (last == NULL ||
				    strcmp((*cp)->name, last->name) > 0) &&
				    (next == NULL ||
				    strcmp((*cp)->name, next->name) < 0))
					next = *cp;
			if (next == NULL)
				break;
			snprintf(usage, sizeof(usage), "%s%s",
			    pass == DB_TABLE_SHOW ? "show " : "", next->usage);
			db_printf("  %-20s %s\n", usage, next->help);
		}
	db_printf("Commands may be shortened to a unique prefix.\n");
}

DB_COMMAND(continue, db_cont, "continue",
    "leave the debugger; the machine runs on (c)");
static void
db_cont(int argc, char **argv)
{
	if (db_in_panic)
		db_printf("after a panic the machine cannot run on: "
		    "it stops now\n");
	if (db_nkill != 0 && !db_in_panic)
		db_printf("%d signal(s) will be posted at the next clock "
		    "tick\n", db_nkill);
	db_continue = true;
}

/* "c" is short for continue, as in FreeBSD. */
DB_COMMAND(c, db_c, "c", "the same as continue");
static void
db_c(int argc, char **argv)
{
	db_cont(argc, argv);
}

DB_COMMAND(reset, db_reset, "reset",
    "reset the machine at once (nothing is saved)");
static void
db_reset(int argc, char **argv)
{
	db_printf("resetting\n");
	cpu_reset();
}

DB_COMMAND(kill, db_kill, "kill <sig> <pid>",
    "send a signal; it is posted when the debugger continues");
static void
db_kill(int argc, char **argv)
{
	struct proc *p;
	uintptr_t sig;
	int pid;

	if (argc != 3 || db_strtoul(argv[1], &sig) != 0 || sig == 0 ||
	    sig >= NSIG) {
		db_printf("usage: kill <sig> <pid> (sig 1..%d)\n", NSIG - 1);
		return;
	}
	if ((pid = db_arg_pid(argc, argv, 2)) < 0)
		return;
	p = db_pfind(pid);
	if (p == NULL || p == &proc0 || p->p_state != PRS_NORMAL) {
		db_printf("kill: no process %d that can take a signal\n", pid);
		return;
	}
	if (db_kill_queue(pid, (int)sig) != 0) {
		db_printf("kill: too many queued (continue first)\n");
		return;
	}
	db_printf("kill: signal %d for pid %d (%s) queued: posted when the "
	    "debugger continues\n", (int)sig, pid, p->p_comm);
}

/* sysctl debug.kdb.enter=1: enter now, from the setting thread. */
static const int kdb_enter_zero;

static int
kdb_sysctl_enter(int v)
{
	if (v != 0)
		kdb_enter("sysctl debug.kdb.enter");
	return (0);
}
SYSCTL_INT_SET(debug_kdb_enter, "debug.kdb.enter", &kdb_enter_zero,
    kdb_sysctl_enter, "set to 1 to enter the debugger (docs/ddb.md)");

static int
kdb_sysctl_on_panic(int v)
{
	debugger_on_panic = v < 0 ? -1 : v != 0;
	return (0);
}
SYSCTL_INT_SET(debug_debugger_on_panic, "debug.debugger_on_panic",
    &debugger_on_panic, kdb_sysctl_on_panic,
    "a panic enters the debugger (1) or stops at once (0); -1: the "
    "default, 1 unless ddb.on_panic=0 or a test= boot");
