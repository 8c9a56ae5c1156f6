/*
 * kern_prot.c - process identity: getpid and getppid, and the
 * credentials (kernel/ucred.h): the user and group id calls, the
 * supplementary groups, and who may signal whom.
 *
 * The rules are POSIX's.  A process whose effective user id is 0 may
 * set any id (PRIV_CRED_*, kernel/priv.h); setuid and setgid by it set
 * the real, effective and saved ids together, so a root process that
 * calls setuid(1001) cannot come back.  Any other process may only set
 * its effective id to its real or saved id (setuid, seteuid, setgid,
 * setegid), or each of its three ids to one of the three it has
 * (setresuid, setresgid); anything else is EPERM.  FreeBSD also lets an
 * unprivileged setuid(geteuid()) set all three (POSIX's Appendix B
 * clause); Vise does not.  (uid_t)-1 and (gid_t)-1 mean "unchanged" to
 * setresuid and setresgid and are EINVAL to the others.
 *
 * Set-user-ID and set-group-ID programs are not supported: the only
 * file system is the initrd, which scripts/mkinitrd packs with owner 0
 * and without those mode bits, and which nothing can write; exec never
 * looks at S_ISUID/S_ISGID.  When a writable file system can carry the
 * bits, exec should set the effective (and then saved) id from the
 * file's owner there.  Files are not yet checked against credentials.
 *
 * getgroups and setgroups handle the supplementary groups only; the
 * effective group id is not among them (FreeBSD's getgroups used to put
 * it first).
 */
#include <sys/errno.h>
#include <sys/_types.h>
#include <kernel/systm.h>
#include <kernel/machdep.h>
#include <kernel/priv.h>
#include <kernel/proc.h>
#include <kernel/sx.h>
#include <kernel/syscallvar.h>
#include <kernel/ucred.h>

#define NOID	((__uid_t)-1)		/* "unchanged"; the same for gids */

CTASSERT(sizeof(((struct ucred *)0)->cr_uid) == sizeof(__uid_t));
CTASSERT(sizeof(((struct ucred *)0)->cr_gid) == sizeof(__gid_t));
CTASSERT((__uid_t)-1 > 0 && (__gid_t)-1 > 0);	/* unsigned, as the fields */

/* sys_getpid: getpid(2).  Never fails. */
int
sys_getpid(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	(void)args;
	retval[0] = td->td_proc->p_pid;
	return (0);
}

/* sys_getppid: getppid(2).  Never fails. */
int
sys_getppid(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	(void)args;
	retval[0] = td->td_proc->p_pptr->p_pid;
	return (0);
}

/* proc_set_cred: see ucred.h. */
void
proc_set_cred(struct proc *p, const struct ucred *cr)
{
	unsigned long s;

	s = intr_disable();
	p->p_ucred = *cr;
	intr_restore(s);
}

/* cred_exec: see ucred.h. */
void
cred_exec(struct proc *p)
{
	struct ucred cr = p->p_ucred;

	cr.cr_svuid = cr.cr_uid;
	cr.cr_svgid = cr.cr_gid;
	proc_set_cred(p, &cr);
}

/* cr_cansignal: see ucred.h. */
int
cr_cansignal(const struct ucred *sender, const struct ucred *target)
{
	if (priv_check_cred(sender, PRIV_SIGNAL_DIFFCRED) == 0)
		return (0);
	if (sender->cr_ruid == target->cr_ruid ||
	    sender->cr_ruid == target->cr_svuid ||
	    sender->cr_uid == target->cr_ruid ||
	    sender->cr_uid == target->cr_svuid)
		return (0);
	return (EPERM);
}

/* p_cansignal: see ucred.h. */
int
p_cansignal(struct thread *td, struct proc *p)
{
	unsigned long s;
	int error;

	if (td->td_proc == p)
		return (0);
	s = intr_disable();
	error = cr_cansignal(&td->td_proc->p_ucred, &p->p_ucred);
	intr_restore(s);
	return (error);
}

/* sys_getuid: getuid(2): the real user id.  Never fails. */
int
sys_getuid(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	(void)args;
	retval[0] = td->td_proc->p_ucred.cr_ruid;
	return (0);
}

/* sys_geteuid: geteuid(2): the effective user id.  Never fails. */
int
sys_geteuid(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	(void)args;
	retval[0] = td->td_proc->p_ucred.cr_uid;
	return (0);
}

/* sys_getgid: getgid(2): the real group id.  Never fails. */
int
sys_getgid(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	(void)args;
	retval[0] = td->td_proc->p_ucred.cr_rgid;
	return (0);
}

/* sys_getegid: getegid(2): the effective group id.  Never fails. */
int
sys_getegid(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	(void)args;
	retval[0] = td->td_proc->p_ucred.cr_gid;
	return (0);
}

/*
 * sys_setuid: setuid(uid).  Privileged: real, effective and saved user
 * ids become uid.  Otherwise uid must be the real or saved id, and only
 * the effective one changes.  EINVAL for (uid_t)-1, EPERM.
 */
static int
cred_setuid(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	struct proc *p = td->td_proc;
	struct ucred cr = p->p_ucred;
	__uid_t uid = (__uid_t)args[0];

	(void)retval;
	if (uid == NOID)
		return (EINVAL);
	if (priv_check_cred(&cr, PRIV_CRED_SETUID) == 0)
		cr.cr_ruid = cr.cr_svuid = uid;
	else if (uid != cr.cr_ruid && uid != cr.cr_svuid)
		return (EPERM);
	cr.cr_uid = uid;
	proc_set_cred(p, &cr);
	return (0);
}

/*
 * sys_seteuid: seteuid(euid): the effective user id becomes euid, which
 * must be the real or saved one unless privileged.  EINVAL, EPERM.
 */
static int
cred_seteuid(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	struct proc *p = td->td_proc;
	struct ucred cr = p->p_ucred;
	__uid_t euid = (__uid_t)args[0];
	int error;

	(void)retval;
	if (euid == NOID)
		return (EINVAL);
	if (euid != cr.cr_ruid && euid != cr.cr_svuid &&
	    (error = priv_check_cred(&cr, PRIV_CRED_SETEUID)) != 0)
		return (error);
	cr.cr_uid = euid;
	proc_set_cred(p, &cr);
	return (0);
}

/* sys_setgid: setgid(gid); setuid's rules for the group ids. */
static int
cred_setgid(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	struct proc *p = td->td_proc;
	struct ucred cr = p->p_ucred;
	__gid_t gid = (__gid_t)args[0];

	(void)retval;
	if (gid == NOID)
		return (EINVAL);
	if (priv_check_cred(&cr, PRIV_CRED_SETGID) == 0)
		cr.cr_rgid = cr.cr_svgid = gid;
	else if (gid != cr.cr_rgid && gid != cr.cr_svgid)
		return (EPERM);
	cr.cr_gid = gid;
	proc_set_cred(p, &cr);
	return (0);
}

/* sys_setegid: setegid(egid); seteuid's rules for the group ids. */
static int
cred_setegid(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	struct proc *p = td->td_proc;
	struct ucred cr = p->p_ucred;
	__gid_t egid = (__gid_t)args[0];
	int error;

	(void)retval;
	if (egid == NOID)
		return (EINVAL);
	if (egid != cr.cr_rgid && egid != cr.cr_svgid &&
	    (error = priv_check_cred(&cr, PRIV_CRED_SETEGID)) != 0)
		return (error);
	cr.cr_gid = egid;
	proc_set_cred(p, &cr);
	return (0);
}

/* Whether id is NOID or one of a, b, c: what an unprivileged setres* may. */
static bool
id_allowed(__uid_t id, __uid_t a, __uid_t b, __uid_t c)
{
	return (id == NOID || id == a || id == b || id == c);
}

/*
 * sys_setresuid: setresuid(ruid, euid, suid): each id that is not -1
 * replaces the real, effective or saved user id; unprivileged, each
 * must be one of the three the process has.  EPERM.
 */
static int
cred_setresuid(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	struct proc *p = td->td_proc;
	struct ucred cr = p->p_ucred;
	__uid_t r = (__uid_t)args[0], e = (__uid_t)args[1];
	__uid_t s = (__uid_t)args[2];
	int error;

	(void)retval;
	if ((!id_allowed(r, cr.cr_ruid, cr.cr_uid, cr.cr_svuid) ||
	    !id_allowed(e, cr.cr_ruid, cr.cr_uid, cr.cr_svuid) ||
	    !id_allowed(s, cr.cr_ruid, cr.cr_uid, cr.cr_svuid)) &&
	    (error = priv_check_cred(&cr, PRIV_CRED_SETRESUID)) != 0)
		return (error);
	if (r != NOID)
		cr.cr_ruid = r;
	if (e != NOID)
		cr.cr_uid = e;
	if (s != NOID)
		cr.cr_svuid = s;
	proc_set_cred(p, &cr);
	return (0);
}

/* sys_setresgid: setresgid(rgid, egid, sgid); setresuid's rules. */
static int
cred_setresgid(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	struct proc *p = td->td_proc;
	struct ucred cr = p->p_ucred;
	__gid_t r = (__gid_t)args[0], e = (__gid_t)args[1];
	__gid_t s = (__gid_t)args[2];
	int error;

	(void)retval;
	if ((!id_allowed(r, cr.cr_rgid, cr.cr_gid, cr.cr_svgid) ||
	    !id_allowed(e, cr.cr_rgid, cr.cr_gid, cr.cr_svgid) ||
	    !id_allowed(s, cr.cr_rgid, cr.cr_gid, cr.cr_svgid)) &&
	    (error = priv_check_cred(&cr, PRIV_CRED_SETRESGID)) != 0)
		return (error);
	if (r != NOID)
		cr.cr_rgid = r;
	if (e != NOID)
		cr.cr_gid = e;
	if (s != NOID)
		cr.cr_svgid = s;
	proc_set_cred(p, &cr);
	return (0);
}

/* Copy out three ids to the user pointers that are not NULL. */
static int
ids_copyout(syscallarg_t *args, __uid_t a, __uid_t b, __uid_t c)
{
	__uid_t ids[3] = { a, b, c };
	int error = 0, i;

	for (i = 0; i < 3 && error == 0; i++)
		if (args[i] != 0)
			error = copyout(&ids[i], (void *)args[i],
			    sizeof(ids[i]));
	return (error);
}

/*
 * sys_getresuid: getresuid(ruid, euid, suid): the real, effective and
 * saved user ids, each into its pointer unless it is NULL.  EFAULT.
 */
int
sys_getresuid(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	struct ucred *cr = &td->td_proc->p_ucred;

	(void)retval;
	return (ids_copyout(args, cr->cr_ruid, cr->cr_uid, cr->cr_svuid));
}

/* sys_getresgid: getresgid(rgid, egid, sgid); as getresuid. */
int
sys_getresgid(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	struct ucred *cr = &td->td_proc->p_ucred;

	(void)retval;
	return (ids_copyout(args, cr->cr_rgid, cr->cr_gid, cr->cr_svgid));
}

/*
 * sys_getgroups: getgroups(n, gidset): the number of supplementary
 * groups; with n > 0 they are copied to gidset too.  EINVAL if n is
 * not 0 and smaller than the number (or negative), EFAULT.
 */
int
sys_getgroups(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	struct ucred *cr = &td->td_proc->p_ucred;
	int n = (int)args[0], error;

	if (n == 0) {
		retval[0] = cr->cr_ngroups;
		return (0);
	}
	if (n < cr->cr_ngroups)
		return (EINVAL);
	if (cr->cr_ngroups > 0 && (error = copyout(cr->cr_groups,
	    (void *)args[1], cr->cr_ngroups * sizeof(cr->cr_groups[0]))) != 0)
		return (error);
	retval[0] = cr->cr_ngroups;
	return (0);
}

/*
 * sys_setgroups: setgroups(n, gidset): the supplementary groups become
 * the n in gidset.  EINVAL if n is negative or over NGROUPS_MAX, EFAULT,
 * EPERM unless privileged (checked in that order, as FreeBSD does).
 */
static int
cred_setgroups(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	struct proc *p = td->td_proc;
	struct ucred cr = p->p_ucred;
	int n = (int)args[0], error;

	(void)retval;
	if (n < 0 || n > NGROUPS_MAX)
		return (EINVAL);
	if (n > 0 && (error = copyin((const void *)args[1], cr.cr_groups,
	    n * sizeof(cr.cr_groups[0]))) != 0)
		return (error);
	if ((error = priv_check_cred(&cr, PRIV_CRED_SETGROUPS)) != 0)
		return (error);
	cr.cr_ngroups = n;
	proc_set_cred(p, &cr);
	return (0);
}

/*
 * The system calls that change credentials: each reads them, decides
 * and writes them back under the process's p_credlock, so two threads
 * of a process changing them at once do not lose one change.
 */
#define CRED_SYSCALL(name)						\
int									\
sys_##name(struct thread *td, syscallarg_t *args, syscallarg_t *retval)	\
{									\
	int error;							\
									\
	sx_xlock(&td->td_proc->p_credlock);				\
	error = cred_##name(td, args, retval);				\
	sx_xunlock(&td->td_proc->p_credlock);				\
	return (error);							\
}

CRED_SYSCALL(setuid)
CRED_SYSCALL(seteuid)
CRED_SYSCALL(setgid)
CRED_SYSCALL(setegid)
CRED_SYSCALL(setresuid)
CRED_SYSCALL(setresgid)
CRED_SYSCALL(setgroups)
