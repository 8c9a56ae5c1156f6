/*
 * db_command.c - the debugger's command loop and its own commands
 * (help, continue, reset, kill), and what every command uses: checked
 * kernel addresses, processes by pid (db_command.c in FreeBSD).
 */
#include <sys/signal.h>
#include <kernel/systm.h>
#include <kernel/proc.h>
#include <kernel/ddb/ddb.h>
#include <machine/param.h>
#include <vm/pmap.h>

SET_DECLARE(set_db_cmds, const struct db_command);

static bool db_continue;		/* `continue` was typed */

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

/* Run one command line, split into words. */
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

/* db_command_loop: see ddb.h. */
void
db_command_loop(void)
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
	if (kdb_in_panic)
		db_printf("after a panic the machine cannot run on: "
		    "it stops now\n");
	if (db_kill_count() != 0 && !kdb_in_panic)
		db_printf("%d signal(s) will be posted at the next clock "
		    "tick\n", db_kill_count());
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
