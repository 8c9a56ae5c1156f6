/*
 * test_cred.c - credentials and resource limits inside the kernel: the
 * privilege policy (priv_check_cred), who may signal whom
 * (cr_cansignal, every combination of the ids that matter), exec's
 * saved ids, and proc0's limits and their accessors.  The system calls
 * are tested from user mode by tests/user/cred_test.c and
 * tests/user/rlimit_test.c, which the last two tests run (from
 * /ktest/tests in the initrd of make test), checking that each exits 0
 * and gives back every page it had.
 */
#include <sys/errno.h>
#include <sys/_types.h>
#include <sys/signal.h>
#include <sys/_wait.h>
#include <kernel/systm.h>
#include <kernel/ktest.h>
#include <kernel/exec.h>
#include <kernel/file.h>
#include <kernel/initrd.h>
#include <kernel/priv.h>
#include <kernel/proc.h>
#include <kernel/resourcevar.h>
#include <kernel/sched.h>
#include <kernel/ucred.h>
#include <vm/vm.h>
#include <vm/vm_page.h>
#include <vm/vmmeter.h>

static struct ucred
cred(__uid_t ruid, __uid_t euid, __uid_t svuid)
{
	struct ucred cr;

	memset(&cr, 0, sizeof(cr));
	cr.cr_ruid = ruid;
	cr.cr_uid = euid;
	cr.cr_svuid = svuid;
	return (cr);
}

KTEST(cred_priv_is_euid_0)
{
	struct ucred root = cred(1001, 0, 1001), user = cred(0, 1001, 0);

	KT_CHECK(priv_check_cred(&root, PRIV_CRED_SETUID) == 0);
	KT_CHECK(priv_check_cred(&root, PRIV_PROC_SETRLIMIT) == 0);
	KT_CHECK(priv_check_cred(&user, PRIV_CRED_SETUID) == EPERM);
	KT_CHECK(priv_check_cred(&user, PRIV_SIGNAL_DIFFCRED) == EPERM);
	/* The self tests run as proc0: root. */
	KT_CHECK(priv_check(curthread, PRIV_PROC_LIMIT) == 0);
}

/*
 * Non-root senders: allowed iff the sender's real or effective id is
 * the target's real or saved id (the target's effective id is not
 * asked).
 */
KTEST(cred_cansignal_matrix)
{
	struct ucred root = cred(0, 0, 0), t = cred(10, 20, 30), s;
	__uid_t ids[] = { 10, 20, 30, 40 };
	unsigned int r, e;
	bool want;

	KT_CHECK(cr_cansignal(&root, &t) == 0);
	for (r = 0; r < nitems(ids); r++)
		for (e = 0; e < nitems(ids); e++) {
			s = cred(ids[r], ids[e], 40);
			want = ids[r] == 10 || ids[r] == 30 ||
			    ids[e] == 10 || ids[e] == 30;
			KT_CHECK(cr_cansignal(&s, &t) == (want ? 0 : EPERM),
			    "sender ruid %u euid %u", ids[r], ids[e]);
		}
	/* A non-root process may not signal root's. */
	s = cred(1001, 1001, 1001);
	KT_CHECK(cr_cansignal(&s, &root) == EPERM);
	/* Nor may root's saved id in a non-root process help it. */
	s = cred(1001, 1001, 0);
	KT_CHECK(cr_cansignal(&s, &root) == EPERM);
}

KTEST(cred_proc0_root_and_limits)
{
	struct rlimit rl;

	KT_CHECK(proc0.p_ucred.cr_uid == 0 && proc0.p_ucred.cr_ruid == 0 &&
	    proc0.p_ucred.cr_svuid == 0 && proc0.p_ucred.cr_gid == 0 &&
	    proc0.p_ucred.cr_ngroups == 0);
	KT_CHECK(lim_cur(&proc0, RLIMIT_NOFILE) == NDFILE);
	KT_CHECK(lim_max(&proc0, RLIMIT_NOFILE) == NDFILE);
	KT_CHECK(lim_cur(&proc0, RLIMIT_STACK) == MAXSSIZ);
	KT_CHECK(lim_cur(&proc0, RLIMIT_NPROC) == LIM_NPROC_DEFAULT);
	KT_CHECK(lim_cur(&proc0, RLIMIT_MEMLOCK) == RLIM_INFINITY);
	KT_CHECK(lim_max(&proc0, RLIMIT_MEMLOCK) == RLIM_INFINITY);
	lim_rlimit(&proc0, RLIMIT_AS, &rl);
	KT_CHECK(rl.rlim_cur == RLIM_INFINITY && rl.rlim_max == RLIM_INFINITY);
	KT_CHECK(RLIM_INFINITY > 0 && RLIM_INFINITY + 0ULL == ~0ULL >> 1);
}

KTEST(cred_exec_saves_effective_ids)
{
	static struct proc p;		/* big for a kernel stack */

	memset(&p, 0, sizeof(p));
	p.p_ucred = cred(1001, 1002, 1003);
	p.p_ucred.cr_rgid = 7;
	p.p_ucred.cr_gid = 8;
	p.p_ucred.cr_svgid = 9;
	p.p_ucred.cr_ngroups = 1;
	p.p_ucred.cr_groups[0] = 5;
	cred_exec(&p);
	KT_CHECK(p.p_ucred.cr_ruid == 1001 && p.p_ucred.cr_uid == 1002 &&
	    p.p_ucred.cr_svuid == 1002);
	KT_CHECK(p.p_ucred.cr_rgid == 7 && p.p_ucred.cr_gid == 8 &&
	    p.p_ucred.cr_svgid == 8);
	KT_CHECK(p.p_ucred.cr_ngroups == 1 && p.p_ucred.cr_groups[0] == 5);
}

/*
 * A new process's first act: exec `arg` (a path) as "path -q" (the
 * test programs then print only their failures: this test's line is
 * the verdict).
 */
static void
exec_test_prog(void *arg)
{
	char *argv[3] = { arg, "-q", NULL };

	int error;

	/* 0: on to user mode, in the new program. */
	if ((error = kern_execve(curthread, arg, argv, NULL, false)) != 0) {
		printf("# exec %s: error %d\n", (char *)arg, error);
		exit1(curthread, W_EXITCODE(127, 0));
	}
}

/* Run `path` to its end: its wait status, or -1. */
static int
run_test_prog(const char *path)
{
	struct proc *p;
	int pid, xstat;

	if (proc_spawn_kernel(exec_test_prog, (void *)path, "ktest", &p) != 0)
		return (-1);
	pid = p->p_pid;
	if (kern_wait4(curthread, pid, &xstat, 0, &pid) != 0)
		return (-1);
	sched_yield();		/* the switch after its exit reaps its thread */
	return (xstat);
}

/*
 * Run `path` twice; it must exit 0, and the second run must give back
 * every free, kernel-stack, page-table and kmem page (the first may
 * fill caches).
 */
static void
test_prog_expect(const char *path)
{
	u_long free0, kstack0, pt0, kmem0;
	int xstat;

	if (initrd_lookup(path) == NULL) {
		printf("# no %s: the initrd of make test has it\n", path);
		return;
	}
	(void)run_test_prog(path);
	free0 = vm_cnt.v_free_count;
	kstack0 = vm_cnt.v_wire_by_reason[VM_WIRE_KSTACK];
	pt0 = vm_cnt.v_wire_by_reason[VM_WIRE_PGTABLE];
	kmem0 = vm_cnt.v_wire_by_reason[VM_WIRE_KMEM];
	xstat = run_test_prog(path);
	KT_CHECK(xstat == 0, "%s: status %#x", path, xstat);
	KT_CHECK(vm_cnt.v_free_count == free0 &&
	    vm_cnt.v_wire_by_reason[VM_WIRE_KSTACK] == kstack0 &&
	    vm_cnt.v_wire_by_reason[VM_WIRE_PGTABLE] == pt0 &&
	    vm_cnt.v_wire_by_reason[VM_WIRE_KMEM] == kmem0,
	    "%s: free %lu/%lu kstack %lu/%lu pagetable %lu/%lu kmem %lu/%lu",
	    path, (u_long)vm_cnt.v_free_count, free0,
	    (u_long)vm_cnt.v_wire_by_reason[VM_WIRE_KSTACK], kstack0,
	    (u_long)vm_cnt.v_wire_by_reason[VM_WIRE_PGTABLE], pt0,
	    (u_long)vm_cnt.v_wire_by_reason[VM_WIRE_KMEM], kmem0);
}

/* tests/user/cred_test.c: ids, fork, exec, set*id rules, kill EPERM. */
KTEST(user_cred_test)
{
	test_prog_expect("/ktest/tests/cred_test");
}

/* tests/user/rlimit_test.c: limits, their errors and their enforcement. */
KTEST(user_rlimit_test)
{
	test_prog_expect("/ktest/tests/rlimit_test");
}
