/*
 * kern_proc_ddb.c - the debugger's view of processes and threads
 * (kern_proc.c owns them): `ps` and `show proc <pid>`.  Read as they
 * are, without locks (ddb.h).
 */
#include <kernel/systm.h>
#include <kernel/pgrp.h>
#include <kernel/proc.h>
#include <kernel/signalvar.h>
#include <kernel/ddb/ddb.h>
#include <vm/vm_map.h>
#include <vm/pmap.h>

static const char *
db_td_state(const struct thread *td)
{
	switch (td->td_state) {
	case TDS_INACTIVE:	return ("new");
	case TDS_RUNQ:		return ("runq");
	case TDS_RUNNING:	return ("run");
	case TDS_SLEEPING:
		return ((td->td_flags & TDF_SINTR) != 0 ? "sleep" : "SLEEP");
	case TDS_STOPPED:	return ("stop");
	case TDS_DEAD:		return ("dead");
	}
	return ("?");
}

static const char *
db_p_state(const struct proc *p)
{
	if (p == &proc0)
		return ("sys");
	switch (p->p_state) {
	case PRS_NEW:		return ("new");
	case PRS_NORMAL:
		return ((p->p_flag & P_STOPPED_SIG) != 0 ? "stop" : "norm");
	case PRS_ZOMBIE:	return ("zomb");
	}
	return ("?");
}

/* What one thread waits for, or "-". */
static const char *
db_td_wmesg(const struct thread *td)
{
	if (td->td_state != TDS_SLEEPING || td->td_wmesg == NULL ||
	    !db_kaddr_ok(td->td_wmesg, 1))
		return ("-");
	return (td->td_wmesg);
}

static void
db_ps_one(struct proc *p)
{
	struct thread *td;
	int n = 0;

	db_printf("%5d %5d %5d %4u %-4s %3d ", p->p_pid,
	    p->p_pptr != NULL && db_kaddr_ok(p->p_pptr, sizeof(*p)) ?
	    p->p_pptr->p_pid : 0,
	    p->p_pgrp != NULL && db_kaddr_ok(p->p_pgrp, sizeof(*p->p_pgrp)) ?
	    p->p_pgrp->pg_id : 0,
	    (unsigned)p->p_ucred.cr_uid, db_p_state(p), p->p_numthreads);
	td = TAILQ_FIRST(&p->p_threads);
	if (td != NULL && db_kaddr_ok(td, sizeof(*td)))
		db_printf("%-5s %-10.10s", db_td_state(td), db_td_wmesg(td));
	else
		db_printf("%-5s %-10s", "-", "-");
	db_printf(" %s%s\n", p->p_comm,
	    (p->p_siglist & SIGBIT(SIGKILL)) != 0 ? " (SIGKILL pending)" : "");
	/* Kernel threads are proc0's: one line each. */
	if (p != &proc0)
		return;
	TAILQ_FOREACH(td, &p->p_threads, td_plist) {
		if (!db_kaddr_ok(td, sizeof(*td)) || ++n > 1000)
			break;
		db_printf("%29s tid %-4d %-5s %-10.10s %s\n", "", td->td_tid,
		    db_td_state(td), db_td_wmesg(td), td->td_name);
	}
}

DB_COMMAND(ps, db_ps, "ps",
    "every process: pid, parent, group, uid, state, threads, wait");
static void
db_ps(int argc, char **argv)
{
	struct proc *p;
	int n = 0;

	db_printf("  pid  ppid  pgrp  uid stat thr tdst  wchan      cmd\n");
	db_ps_one(&proc0);
	TAILQ_FOREACH(p, &allproc, p_list) {
		if (!db_kaddr_ok(p, sizeof(*p)) || ++n > 100000) {
			db_printf("(the process list is damaged here)\n");
			break;
		}
		db_ps_one(p);
	}
}

DB_SHOW_COMMAND(proc, db_show_proc, "proc <pid>",
    "one process: state, signals, address space, each thread");
static void
db_show_proc(int argc, char **argv)
{
	struct thread *td;
	struct proc *p;
	int pid, n = 0;

	if ((pid = db_arg_pid(argc, argv, 1)) < 0)
		return;
	if ((p = db_pfind(pid)) == NULL) {
		db_printf("show proc: no process %d\n", pid);
		return;
	}
	db_printf("proc %p pid %d \"%s\" state %s flags %#x\n", (void *)p,
	    p->p_pid, p->p_comm, db_p_state(p), p->p_flag);
	db_printf("  parent %d uid %u ruid %u threads %d\n",
	    p->p_pptr != NULL && db_kaddr_ok(p->p_pptr, sizeof(*p)) ?
	    p->p_pptr->p_pid : 0, (unsigned)p->p_ucred.cr_uid,
	    (unsigned)p->p_ucred.cr_ruid, p->p_numthreads);
	db_printf("  signals pending %#x; exit status %#x\n",
	    (unsigned)p->p_siglist, (unsigned)p->p_xstat);
	if (p->p_vmspace != NULL &&
	    db_kaddr_ok(p->p_vmspace, sizeof(*p->p_vmspace)))
		db_printf("  vmspace %p: %d entries, %lu KiB mapped, "
		    "%ld resident, %ld wired in the pmap\n",
		    (void *)p->p_vmspace, p->p_vmspace->vm_map.nentries,
		    (unsigned long)(p->p_vmspace->vm_map.size / 1024),
		    (long)pmap_resident_count(vmspace_pmap(p->p_vmspace)),
		    (long)pmap_wired_count(vmspace_pmap(p->p_vmspace)));
	else
		db_printf("  no address space of its own\n");
	TAILQ_FOREACH(td, &p->p_threads, td_plist) {
		if (!db_kaddr_ok(td, sizeof(*td)) || ++n > MAXTHREADS_PER_PROC)
			break;
		db_printf("  thread %p tid %d \"%s\" %s%s%s flags %#x "
		    "mask %#x pending %#x kstack %p\n", (void *)td,
		    td->td_tid, td->td_name, db_td_state(td),
		    td->td_state == TDS_SLEEPING ? " on " : "",
		    td->td_state == TDS_SLEEPING ? db_td_wmesg(td) : "",
		    td->td_flags, (unsigned)td->td_sigmask,
		    (unsigned)td->td_siglist, (void *)td->td_kstack);
	}
}
