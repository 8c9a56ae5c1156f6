/*
 * ddb.h - DDB, the in-kernel debugger (docs/ddb.md).
 *
 * The debugger stops the machine (interrupts off; one CPU), reads
 * command lines from the consoles by polling them and prints on every
 * console.  Commands are not listed in one table: each file that owns
 * some data defines the command that shows it, with DB_COMMAND or
 * DB_SHOW_COMMAND, and the linker collects them (set_db_cmds):
 *
 *	DB_SHOW_COMMAND(map, db_show_map, "map <pid>",
 *	    "the address map of a process");
 *	static void
 *	db_show_map(int argc, char **argv) { ... }
 *
 * argv[0] is the command's name ("map" for "show map"), argv[1..] its
 * words.  A command runs with interrupts off and the interrupted code
 * frozen wherever it was: it must not sleep, take a lock, allocate, or
 * trust a pointer it has not checked (db_kaddr_ok); it reads the
 * structures directly, as they are.
 */
#ifndef _KERNEL_DDB_DDB_H_
#define _KERNEL_DDB_DDB_H_

#include <sys/cdefs.h>
#include <sys/linker_set.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef void db_cmdfunc_t(int argc, char **argv);

enum db_table {
	DB_TABLE_TOP,		/* "ps", "bt", "kill" ... */
	DB_TABLE_SHOW,		/* "show <name>" */
};

struct db_command {
	const char	*name;
	db_cmdfunc_t	*fn;
	enum db_table	table;
	const char	*usage;		/* "map <pid>" */
	const char	*help;		/* one line: what it shows or does */
};

#define _DB_CMD(tbl, cname, func, use, text)				\
	static db_cmdfunc_t func;					\
	static const struct db_command __CONCAT(db_cmd_, func) = {	\
		#cname, func, (tbl), (use), (text)			\
	};								\
	DATA_SET(set_db_cmds, __CONCAT(db_cmd_, func))

#define DB_COMMAND(name, func, usage, help)				\
	_DB_CMD(DB_TABLE_TOP, name, func, usage, help)
#define DB_SHOW_COMMAND(name, func, usage, help)			\
	_DB_CMD(DB_TABLE_SHOW, name, func, usage, help)

/* The longest command line, and the most words in one. */
#define DB_LINE_MAX	128
#define DB_MAXARGS	8

/*
 * db_split: split `line` in place into at most `max` blank-separated
 * words (argv); returns how many, or -1 if there were more.  Pure.
 */
int	db_split(char *line, char **argv, int max);

/*
 * db_strtoul: parse `s` as a number: decimal, or hexadecimal after
 * "0x".  0 and *vp, or -1 if s is empty, has other characters, or
 * overflows.  Pure.
 */
int	db_strtoul(const char *s, uintptr_t *vp);

/*
 * db_lookup: the command named `name` in `table` of the `n` commands
 * in `cmds`: the exact name, else the only one `name` is a prefix of.
 * NULL if none; *ambiguous is set when several match.  Pure.
 */
const struct db_command *db_lookup(const struct db_command *const *cmds,
	    size_t n, enum db_table table, const char *name, bool *ambiguous);

/*
 * The break sequence on the serial line: Return, '~', Ctrl-B (as
 * FreeBSD's "alt break").  kdb_alt_break takes each byte the console
 * receives, with its state (start: KDB_ALT_INIT) and says what to do
 * with it.  Pure.
 */
#define KDB_ALT_INIT	1	/* as if a Return had just been typed */
enum kdb_alt {
	KDB_ALT_PASS,		/* give the byte to the terminal */
	KDB_ALT_HOLD,		/* keep it (a '~' after Return) for now */
	KDB_ALT_FLUSH,		/* give the held '~', then the byte */
	KDB_ALT_ENTER,		/* the sequence is complete: enter DDB */
};
enum kdb_alt kdb_alt_break(int *state, int c);

/* What the consoles' getc returns for Ctrl+Alt+Esc on the keyboard. */
#define KDB_KEY_BREAK	0x100

/*
 * kdb_enter: stop the machine and run the debugger until `continue`;
 * `why` is printed first.  Does nothing if the debugger runs already.
 * Any context (it disables interrupts for its whole run).
 */
void	kdb_enter(const char *why);

/*
 * kdb_panic: called by panic() after the message and backtrace: run
 * the debugger if debug.debugger_on_panic says so (by default on,
 * except on test= boots, which must power off and not wait for a
 * person; ddb.on_panic=0|1 on the command line decides otherwise).
 * `bt` starts at (pc, fp), where the panic was called or the trap
 * happened.  Returns when the debugger is left; the panic then goes on.
 */
void	kdb_panic(uintptr_t pc, uintptr_t fp);

/*
 * kdb_tick: the clock interrupt's call (from tty_poll): posts the
 * signals that the debugger's `kill` queued (interrupt context, like
 * the terminal's ^C).
 */
void	kdb_tick(void);

/* kdb_active: whether the debugger runs (the consoles' getc must not
   treat the break key as a new entry). */
extern volatile int kdb_active;

/* For commands. */
#define db_printf	printf
/* db_kaddr_ok: [addr, addr+len) is mapped kernel memory (heap, data). */
bool	db_kaddr_ok(const void *addr, size_t len);
/* db_pfind: the process of pid `pid` (0: proc0), or NULL.  No locks. */
struct proc *db_pfind(int pid);
/* db_arg_pid: argv[i] as a pid, with a message and -1 if it is not. */
int	db_arg_pid(int argc, char **argv, int i);
/* db_kill_queue: queue `sig` for pid (delivered by kdb_tick); 0 or -1. */
int	db_kill_queue(int pid, int sig);
/* db_kill_count: how many signals are queued. */
int	db_kill_count(void);
/* The frame (pc, fp) where the running thread entered the debugger. */
extern uintptr_t kdb_entry_pc, kdb_entry_fp;
/* Whether it was entered from panic (the machine cannot run on). */
extern bool kdb_in_panic;

/* Between the debugger's own files. */
/* db_command_loop: read and run commands until `continue` (db_command.c). */
void	db_command_loop(void);
/* db_readline: a line typed on a console, echoed, NUL-ended (db_input.c). */
void	db_readline(char *buf, size_t size);

/* Machine-dependent (arch/x86/db_machdep.c). */
/* db_md_switch_frame: where switched-out `td` stopped: its pc and fp. */
struct thread;
bool	db_md_switch_frame(const struct thread *td, uintptr_t *pcp,
	    uintptr_t *fpp);
/*
 * db_md_pmap_ptpages: the page-table pages of a user pmap (its top
 * table and every table under the user part of it), counted by walking
 * them without pm_mtx.
 */
struct pmap;
long	db_md_pmap_ptpages(struct pmap *pmap);
/* cpu_reset: reset the machine (keyboard controller, then 0xcf9). */
void	cpu_reset(void) __dead2;

#endif /* !_KERNEL_DDB_DDB_H_ */
