/*
 * db_trace.c - `bt`: backtraces by frame pointers, named with the
 * kernel's symbol table (kernel/kern_ksyms.c).  Every frame is checked
 * before it is read: a thread's stack may be anything.
 */
#include <kernel/systm.h>
#include <kernel/ksyms.h>
#include <kernel/proc.h>
#include <kernel/ddb/ddb.h>

#define DB_BT_FRAMES	32

static void
db_print_pc(int depth, uintptr_t pc)
{
	const char *name;
	uintptr_t off;

	if ((name = ksyms_lookup(pc, &off)) != NULL)
		db_printf("#%d %p at %s+%#lx\n", depth, (void *)pc, name,
		    (unsigned long)off);
	else
		db_printf("#%d %p\n", depth, (void *)pc);
}

/*
 * Walk from (pc, fp); frames must lie in [lo, hi) when hi != 0 (the
 * thread's kernel stack), and go up.
 */
static void
db_walk(uintptr_t pc, uintptr_t fp, uintptr_t lo, uintptr_t hi)
{
	uintptr_t *frame = (uintptr_t *)fp;
	int depth;

	db_print_pc(0, pc);
	for (depth = 1; depth < DB_BT_FRAMES; depth++) {
		if (((uintptr_t)frame & (sizeof(uintptr_t) - 1)) != 0 ||
		    !db_kaddr_ok(frame, 2 * sizeof(uintptr_t)))
			return;
		if (hi != 0 && ((uintptr_t)frame < lo ||
		    (uintptr_t)frame + 2 * sizeof(uintptr_t) > hi))
			return;
		if (frame[1] == 0)
			return;
		db_print_pc(depth, frame[1]);
		if (frame[0] <= (uintptr_t)frame)
			return;
		frame = (uintptr_t *)frame[0];
	}
}

static void
db_trace_thread(const struct thread *td)
{
	uintptr_t pc, fp, lo = 0, hi = 0;

	db_printf("tid %d (%s):\n", td->td_tid, td->td_name);
	if (td->td_kstack_size != 0) {
		lo = td->td_kstack;
		hi = td->td_kstack + td->td_kstack_size;
	}
	if (td == curthread) {
		pc = kdb_entry_pc;
		fp = kdb_entry_fp;
		lo = hi = 0;	/* the boot stack, or an interrupt's */
	} else if (td->td_state == TDS_RUNQ ||
	    td->td_state == TDS_SLEEPING || td->td_state == TDS_STOPPED) {
		if (!db_md_switch_frame(td, &pc, &fp)) {
			db_printf("  (its saved stack is unreadable)\n");
			return;
		}
	} else {
		db_printf("  (not switched out: no stack to show)\n");
		return;
	}
	db_walk(pc, fp, lo, hi);
}

DB_COMMAND(bt, db_bt, "bt [pid]",
    "backtrace of the interrupted thread, or of a process's threads");
static void
db_bt(int argc, char **argv)
{
	struct thread *td;
	struct proc *p;
	int pid, n = 0;

	if (argc < 2) {
		if (curthread != NULL)
			db_trace_thread(curthread);
		else
			db_walk(kdb_entry_pc, kdb_entry_fp, 0, 0);
		return;
	}
	if ((pid = db_arg_pid(argc, argv, 1)) < 0)
		return;
	if ((p = db_pfind(pid)) == NULL) {
		db_printf("bt: no process %d\n", pid);
		return;
	}
	TAILQ_FOREACH(td, &p->p_threads, td_plist) {
		if (!db_kaddr_ok(td, sizeof(*td)) || ++n > MAXTHREADS_PER_PROC)
			break;
		db_trace_thread(td);
	}
}
