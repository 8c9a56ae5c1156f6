/*
 * vm_pageout.c - the page daemon and the OOM killer (vm_pageout.h;
 * SEMANTICS R73-R76, docs/exhaustion.md "The OOM killer").
 *
 * The page daemon has no pages to write out (no swap, no pageout yet):
 * its one job is to notice a shortage that does not go away.  Every
 * VM_PAGEOUT_PERIOD ticks of guest time it looks at the free count; at
 * vm.pageout_oom_seq consecutive looks below free_min it runs one OOM
 * round (VM_OOM_MEM) and starts counting again, so the victim has as
 * long again to exit before another is chosen.  vm.pageout_oom_seq 0
 * turns this trigger off.  The fault path's trigger (VM_OOM_MEM_PF) is
 * vm/vm_fault.c's.
 *
 * The round reads the process list and the pmaps' counters with
 * interrupts disabled (the scheduler's lock, which guards allproc,
 * p_flag, p_siglist and p_vmspace) and sends SIGKILL from there, so the
 * victim cannot exit in between; it allocates nothing and takes no
 * sleep lock.  The console message is printed afterwards.
 */
#include <sys/errno.h>
#include <kernel/systm.h>
#include <kernel/kthread.h>
#include <kernel/machdep.h>
#include <kernel/proc.h>
#include <kernel/signalvar.h>
#include <kernel/sleep.h>
#include <kernel/sysctl.h>
#include <vm/vm.h>
#include <vm/vm_map.h>
#include <vm/vm_page.h>
#include <vm/vm_pageout.h>
#include <vm/vmmeter.h>
#include <vm/pmap.h>

static int vm_panic_on_oom;
SYSCTL_INT_RW(vm_panic_on_oom, "vm.panic_on_oom", &vm_panic_on_oom,
    "1: panic instead of killing a process when memory runs out");

int vm_pageout_oom_seq = 30;
SYSCTL_INT_RW(vm_pageout_oom_seq, "vm.pageout_oom_seq", &vm_pageout_oom_seq,
    "page-daemon checks (100 ms of guest time each) below free_min "
    "before an OOM kill; 0: never");

u_long vm_oom_rounds;
SYSCTL_ULONG(v_oom_rounds, "vm.stats.vm.v_oom_rounds", &vm_oom_rounds,
    "OOM rounds run, with or without a victim");

static u_long vm_oom_kills;
SYSCTL_ULONG(v_oom_kills, "vm.stats.vm.v_oom_kills", &vm_oom_kills,
    "processes the OOM killer has killed");

static int vm_oom_last_pid;
SYSCTL_INT(vm_oom_last_pid, "vm.oom_last_pid", &vm_oom_last_pid,
    "the last OOM victim's pid (0: none yet)");

static int vm_oom_last_reason;
SYSCTL_INT(vm_oom_last_reason, "vm.oom_last_reason", &vm_oom_last_reason,
    "the last OOM kill's trigger: 1 VM_OOM_MEM, 2 VM_OOM_MEM_PF (0: none)");

static char vm_oom_last_memory[24] = "";
SYSCTL_STRING(vm_oom_last_memory, "vm.oom_last_memory", vm_oom_last_memory,
    "what had run out at the last OOM kill: pageable, user-wired, "
    "system/kernel-wired");

static const char *
vm_oom_trigger_name(int shortage)
{
	return (shortage == VM_OOM_MEM_PF ?
	    "a thread waited too long for a page (VM_OOM_MEM_PF)" :
	    "failed to reclaim memory (VM_OOM_MEM)");
}

/* The candidate for process `p`.  Interrupts disabled. */
static void
vm_oom_candidate(struct proc *p, struct vm_oom_cand *c)
{
	pmap_t pmap;

	c->pid = p->p_pid;
	c->flags = 0;
	c->resident = c->wired = 0;
	if (p->p_pid == 1)
		c->flags |= VM_OOM_C_INIT;
	if ((p->p_flag & P_SYSTEM) != 0)
		c->flags |= VM_OOM_C_SYSTEM;
	if ((p->p_flag & P_PROTECTED) != 0)
		c->flags |= VM_OOM_C_PROTECTED;
	if ((p->p_flag & P_KILLED) != 0 ||
	    (p->p_siglist & SIGBIT(SIGKILL)) != 0)
		c->flags |= VM_OOM_C_KILLED;
	if (p->p_state != PRS_NORMAL || p->p_singlethread != NULL ||
	    p->p_vmspace == NULL) {
		c->flags |= VM_OOM_C_EXITING;
		return;
	}
	pmap = vmspace_pmap(p->p_vmspace);
	c->resident = pmap_resident_count(pmap);
	c->wired = pmap_wired_count(pmap);
}

void
vm_pageout_oom(int shortage)
{
	struct vm_oom_best best = { .found = false };
	struct vm_oom_cand c;
	struct proc *p, *victim = NULL;
	char comm[TD_NAMELEN];
	u_long wired, uwired, kwired, pageable;
	enum vm_oom_memory kind;
	unsigned long s;

	KASSERT(shortage == VM_OOM_MEM || shortage == VM_OOM_MEM_PF,
	    ("vm_pageout_oom: shortage %d", shortage));
	/* Unlocked reads: a snapshot for the message. */
	uwired = vm_cnt.v_wire_by_reason[VM_WIRE_USER];
	wired = vm_cnt.v_wire_count - vm_cnt.v_wire_by_reason[VM_WIRE_DEVICE];
	kwired = wired > uwired ? wired - uwired : 0;
	pageable = vm_cnt.v_page_count > vm_cnt.v_free_count + wired ?
	    vm_cnt.v_page_count - vm_cnt.v_free_count - wired : 0;
	kind = vm_oom_memory_kind(pageable, uwired, kwired);

	s = intr_disable();
	vm_oom_rounds++;
	TAILQ_FOREACH(p, &allproc, p_list) {
		vm_oom_candidate(p, &c);
		vm_oom_consider(&best, &c);
		if (best.found && best.best.pid == p->p_pid)
			victim = p;
	}
	if (victim != NULL) {
		strlcpy(comm, victim->p_comm, sizeof(comm));
		if (vm_panic_on_oom == 0) {
			psignal(victim, SIGKILL, SI_KERNEL, 0, 0);
			vm_oom_kills++;
			vm_oom_last_pid = best.best.pid;
			vm_oom_last_reason = shortage;
			strlcpy(vm_oom_last_memory, vm_oom_memory_names[kind],
			    sizeof(vm_oom_last_memory));
		}
	}
	intr_restore(s);

	printf("vm_pageout_oom: out of memory: %s; %s memory ran out "
	    "(pages: %lu pageable, %lu user-wired, %lu system/kernel-wired, "
	    "%lu free)\n", vm_oom_trigger_name(shortage),
	    vm_oom_memory_names[kind], pageable, uwired, kwired,
	    vm_cnt.v_free_count);
	if (victim == NULL) {
		printf("vm_pageout_oom: no process may be killed (init, "
		    "kernel, protected, exiting or already killed): "
		    "nothing done\n");
		return;
	}
	if (vm_panic_on_oom != 0)
		panic("out of memory: vm.panic_on_oom is set; the victim "
		    "would be pid %d (%s), %lu resident pages, %lu wired",
		    best.best.pid, comm, best.best.resident, best.best.wired);
	printf("pid %d (%s), %lu resident pages (%lu wired), was killed: "
	    "out of memory\n", best.best.pid, comm, best.best.resident,
	    best.best.wired);
}

/*
 * debug.oom_kill_now=N (root; a test hook): run one OOM round now, as
 * if trigger N (1 VM_OOM_MEM, 2 VM_OOM_MEM_PF) had fired.  EINVAL for
 * any other value.  Reads as 0.
 */
static int vm_oom_kill_now;

static int
vm_oom_kill_now_write(const struct sysctl_oid *oid, const void *new,
    size_t newlen)
{
	int v, error;

	(void)oid;
	if ((error = sysctl_int_in(new, newlen, &v)) != 0)
		return (error);
	if (v != VM_OOM_MEM && v != VM_OOM_MEM_PF)
		return (EINVAL);
	vm_pageout_oom(v);
	return (0);
}
SYSCTL_INT_WRITE(debug_oom_kill_now, "debug.oom_kill_now", &vm_oom_kill_now,
    vm_oom_kill_now_write,
    "test hook: write 1 (VM_OOM_MEM) or 2 (VM_OOM_MEM_PF) to run one OOM "
    "round now");

/* The page daemon: see the top of the file. */
static void
vm_pageout_daemon(void *arg)
{
	int seq = 0;

	(void)arg;
	for (;;) {
		(void)tsleep(&vm_pageout_oom_seq, 0, "psleep",
		    VM_PAGEOUT_PERIOD);
		if (vm_pageout_oom_seq <= 0 || !vm_page_count_min()) {
			seq = 0;
			continue;
		}
		if (++seq >= vm_pageout_oom_seq) {
			vm_pageout_oom(VM_OOM_MEM);
			seq = 0;
		}
	}
}

void
vm_pageout_init(void)
{
	if (kthread_add(vm_pageout_daemon, NULL, "pagedaemon", NULL) != 0)
		panic("vm_pageout_init: cannot start the page daemon");
}
