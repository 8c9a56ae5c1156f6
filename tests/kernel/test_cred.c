/*
 * test_cred.c - credentials and resource limits inside the kernel: the
 * privilege policy (priv_check_cred), who may signal whom
 * (cr_cansignal, every combination of the ids that matter), exec's
 * saved ids, and proc0's limits and their accessors.  The system calls
 * are tested from user mode by tests/user/cred_test.c and
 * tests/user/rlimit_test.c, which the user test runner runs (test=user)
 * with its leak check.
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

