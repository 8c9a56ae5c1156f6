/*
 * kern_pgrp.c - process groups and sessions (see pgrp.h): setpgid,
 * getpgid, getpgrp, setsid and getsid; a process's group at fork, exit
 * and reap; orphaned groups; signalling a whole group.
 *
 * The list of all groups is a plain list (FreeBSD hashes it): there
 * are as many groups as jobs, a handful.
 *
 * Locking: see pgrp.h; everything here runs with interrupts disabled
 * except the allocation and freeing of groups and sessions.
 */
#include <sys/errno.h>
#include <sys/signal.h>
#include <kernel/systm.h>
#include <kernel/machdep.h>
#include <kernel/malloc.h>
#include <kernel/pgrp.h>
#include <kernel/proc.h>
#include <kernel/signalvar.h>
#include <kernel/syscallvar.h>
#include <kernel/tty.h>

MALLOC_DEFINE(M_PGRP, "pgrp", "process groups and sessions");

static LIST_HEAD(, pgrp) allpgrp = LIST_HEAD_INITIALIZER(allpgrp);

/* pgfind: see pgrp.h. */
struct pgrp *
pgfind(int pgid)
{
	struct pgrp *pg;

	LIST_FOREACH(pg, &allpgrp, pg_list)
		if (pg->pg_id == pgid)
			return (pg);
	return (NULL);
}

/* pgrp_id_busy: see pgrp.h. */
bool
pgrp_id_busy(int id)
{
	struct pgrp *pg;

	LIST_FOREACH(pg, &allpgrp, pg_list)
		if (pg->pg_id == id || pg->pg_session->s_sid == id)
			return (true);
	return (false);
}

/* pgrp_alloc: see pgrp.h. */
struct pgrp *
pgrp_alloc(bool session)
{
	struct pgrp *pg;

	if ((pg = malloc(sizeof(*pg), M_PGRP, M_NOWAIT | M_ZERO)) == NULL)
		return (NULL);
	LIST_INIT(&pg->pg_members);
	if (session && (pg->pg_session = malloc(sizeof(*pg->pg_session),
	    M_PGRP, M_NOWAIT | M_ZERO)) == NULL) {
		free(pg, M_PGRP);
		return (NULL);
	}
	return (pg);
}

/* pgrp_free_unused: see pgrp.h. */
void
pgrp_free_unused(struct pgrp *pg)
{
	if (pg->pg_session != NULL)
		free(pg->pg_session, M_PGRP);
	free(pg, M_PGRP);
}

/*
 * Make fresh group `pg` the group `id` of session `sess`, or, if sess
 * is NULL, of the new session it was allocated with, led by `leader`.
 */
static void
pgrp_link(struct pgrp *pg, int id, struct session *sess, struct proc *leader)
{
	if (sess == NULL) {
		sess = pg->pg_session;
		sess->s_sid = id;
		sess->s_leader = leader;
	}
	pg->pg_session = sess;
	pg->pg_id = id;
	sess->s_count++;
	LIST_INSERT_HEAD(&allpgrp, pg, pg_list);
}

static void
pgrp_join(struct proc *p, struct pgrp *pg)
{
	p->p_pgrp = pg;
	LIST_INSERT_HEAD(&pg->pg_members, p, p_pglist);
}

/*
 * Take `p` out of its group.  A group left empty is unlinked (the
 * terminal forgets it if it was the foreground), and its session when
 * no group is left; both go into *gp to be freed.
 */
static void
pgrp_unlink_member(struct proc *p, struct pgrp_garbage *gp)
{
	struct pgrp *pg = p->p_pgrp;
	struct session *sess;

	LIST_REMOVE(p, p_pglist);
	p->p_pgrp = NULL;
	if (!LIST_EMPTY(&pg->pg_members))
		return;
	LIST_REMOVE(pg, pg_list);
	tty_pgrp_gone(pg);
	gp->pg = pg;
	sess = pg->pg_session;
	if (--sess->s_count == 0) {
		KASSERT(sess->s_ttyp == NULL && sess->s_leader == NULL,
		    ("pgrp: session %d goes with its leader or terminal",
		    sess->s_sid));
		gp->sess = sess;
	}
}

/* pgrp_start: see pgrp.h. */
void
pgrp_start(struct proc *p, struct pgrp *fresh)
{
	if (fresh != NULL) {
		pgrp_link(fresh, p->p_pid, NULL, p);
		pgrp_join(p, fresh);
		return;
	}
	KASSERT(p->p_pptr->p_pgrp != NULL, ("pgrp_start: parent of pid %d "
	    "has no group", p->p_pid));
	pgrp_join(p, p->p_pptr->p_pgrp);
}

/* pgrp_leave: see pgrp.h. */
void
pgrp_leave(struct proc *p, struct pgrp_garbage *gp)
{
	gp->pg = NULL;
	gp->sess = NULL;
	if (p->p_pgrp != NULL)
		pgrp_unlink_member(p, gp);
}

/* pgrp_garbage_free: see pgrp.h. */
void
pgrp_garbage_free(struct pgrp_garbage *gp)
{
	if (gp->pg != NULL)
		free(gp->pg, M_PGRP);
	if (gp->sess != NULL)
		free(gp->sess, M_PGRP);
}

/*
 * Whether member `q` keeps its group from being orphaned: it is alive
 * and its parent is in another group of the same session.  `gone` is
 * treated as having exited already (its children as init's).
 */
static bool
pgrp_member_qualifies(const struct proc *q, const struct proc *gone)
{
	const struct proc *parent = q->p_pptr;

	if (q == gone || q->p_state != PRS_NORMAL)
		return (false);
	if (parent == gone)
		parent = initproc;
	if (parent == NULL || parent->p_pgrp == NULL)
		return (false);
	return (parent->p_pgrp != q->p_pgrp &&
	    parent->p_pgrp->pg_session == q->p_pgrp->pg_session);
}

static bool
pgrp_orphaned_without(const struct pgrp *pg, const struct proc *gone)
{
	const struct proc *q;

	LIST_FOREACH(q, &pg->pg_members, p_pglist)
		if (pgrp_member_qualifies(q, gone))
			return (false);
	return (true);
}

/* pgrp_orphaned: see pgrp.h. */
bool
pgrp_orphaned(const struct pgrp *pg)
{
	return (pgrp_orphaned_without(pg, NULL));
}

/* pgsignal: see pgrp.h. */
void
pgsignal(struct pgrp *pg, int sig)
{
	struct proc *q;

	LIST_FOREACH(q, &pg->pg_members, p_pglist)
		psignal(q, sig, SI_KERNEL, 0, 0);
}

/*
 * If the exit of `p` orphans `pg` and a member of it is stopped, each
 * member gets SIGHUP and then SIGCONT (POSIX): nobody is left to
 * continue them.
 */
static void
pgrp_check_orphaned(struct pgrp *pg, struct proc *p)
{
	struct proc *q;

	if (pgrp_orphaned(pg) || !pgrp_orphaned_without(pg, p))
		return;
	LIST_FOREACH(q, &pg->pg_members, p_pglist)
		if ((q->p_flag & P_STOPPED_SIG) != 0)
			break;
	if (q == NULL)
		return;
	LIST_FOREACH(q, &pg->pg_members, p_pglist) {
		psignal(q, SIGHUP, SI_KERNEL, 0, 0);
		psignal(q, SIGCONT, SI_KERNEL, 0, 0);
	}
}

/* pgrp_exit: see pgrp.h. */
void
pgrp_exit(struct proc *p)
{
	struct pgrp *pg = p->p_pgrp;
	struct session *sess = pg->pg_session;
	struct proc *child, *q;

	if (sess->s_leader == p) {
		sess->s_leader = NULL;
		if (sess->s_ttyp != NULL)
			tty_session_exit(sess);
	}
	/* Its own group, and each of its children's groups once. */
	pgrp_check_orphaned(pg, p);
	LIST_FOREACH(child, &p->p_children, p_sibling) {
		if (child->p_pgrp == pg || child->p_pgrp == NULL)
			continue;
		for (q = LIST_FIRST(&p->p_children); q != child;
		    q = LIST_NEXT(q, p_sibling))
			if (q->p_pgrp == child->p_pgrp)
				break;
		if (q == child)
			pgrp_check_orphaned(child->p_pgrp, p);
	}
}

/* A live process by pid (not a zombie nor one being made), or NULL. */
static struct proc *
pgrp_pfind(int pid)
{
	struct proc *p;

	TAILQ_FOREACH(p, &allproc, p_list)
		if (p->p_pid == pid)
			return (p->p_state == PRS_NORMAL ? p : NULL);
	return (NULL);
}

/* sys_getpgrp: getpgrp(): the caller's process group.  Never fails. */
int
sys_getpgrp(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	unsigned long s;

	(void)args;
	s = intr_disable();
	retval[0] = td->td_proc->p_pgrp->pg_id;
	intr_restore(s);
	return (0);
}

/*
 * getpgid(pid) and getsid(pid): the group or the session of process
 * `pid` (0: the caller).  ESRCH if there is no such live process.
 */
static int
pgrp_getid(struct thread *td, int pid, bool session, syscallarg_t *retval)
{
	struct proc *p;
	unsigned long s;
	int error = 0;

	s = intr_disable();
	p = pid == 0 ? td->td_proc : pgrp_pfind(pid);
	if (p == NULL || p->p_pgrp == NULL)
		error = ESRCH;
	else
		retval[0] = session ? p->p_pgrp->pg_session->s_sid :
		    p->p_pgrp->pg_id;
	intr_restore(s);
	return (error);
}

/* sys_getpgid: getpgid(pid). */
int
sys_getpgid(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	return (pgrp_getid(td, (int)args[0], false, retval));
}

/* sys_getsid: getsid(pid). */
int
sys_getsid(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	return (pgrp_getid(td, (int)args[0], true, retval));
}

/*
 * sys_setsid: setsid(): the caller leads a new session and a new group
 * (both with its pid as id), without a controlling terminal; returns
 * the id.  EPERM if it already leads a group (a group with its id
 * exists), ENOMEM.
 */
int
sys_setsid(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	struct proc *p = td->td_proc;
	struct pgrp_garbage g = { NULL, NULL };
	struct pgrp *fresh;
	unsigned long s;
	int error = 0;

	(void)args;
	if ((fresh = pgrp_alloc(true)) == NULL)
		return (ENOMEM);
	s = intr_disable();
	if (pgfind(p->p_pid) != NULL)
		error = EPERM;
	else {
		pgrp_unlink_member(p, &g);
		pgrp_link(fresh, p->p_pid, NULL, p);
		pgrp_join(p, fresh);
		retval[0] = p->p_pid;
	}
	intr_restore(s);
	if (error != 0)
		pgrp_free_unused(fresh);
	pgrp_garbage_free(&g);
	return (error);
}

/*
 * Check setpgid's rules for moving `targ` (the caller or its child)
 * into group `pgid` (the group itself is checked by the caller).
 */
static int
setpgid_check(struct proc *curp, struct proc *targ)
{
	struct session *sess = curp->p_pgrp->pg_session;

	if (targ != curp) {
		if (targ->p_pptr != curp)
			return (ESRCH);
		if (targ->p_pgrp->pg_session != sess)
			return (EPERM);
		if ((targ->p_flag & P_EXEC) != 0)
			return (EACCES);
	}
	if (targ->p_pgrp->pg_session->s_leader == targ)
		return (EPERM);
	return (0);
}

/*
 * sys_setpgid: setpgid(pid, pgid): move process `pid` (0: the caller;
 * else the caller or a child of it) into group `pgid` (0: the one
 * whose id is its pid), which must exist in the caller's session or be
 * new with the process as its leader.  EINVAL (pgid < 0), ESRCH (no
 * such process, or not a child), EACCES (the child has exec'd), EPERM
 * (a session leader, another session, or no such group to join).
 */
int
sys_setpgid(struct thread *td, syscallarg_t *args, syscallarg_t *retval)
{
	struct proc *curp = td->td_proc, *targ;
	struct pgrp_garbage g = { NULL, NULL };
	int pid = (int)args[0], pgid = (int)args[1], error;
	struct pgrp *fresh, *pg;
	unsigned long s;

	(void)retval;
	if (pgid < 0)
		return (EINVAL);
	if ((fresh = pgrp_alloc(false)) == NULL)
		return (ENOMEM);
	s = intr_disable();
	targ = pid == 0 ? curp : pgrp_pfind(pid);
	if (targ == NULL)
		error = ESRCH;
	else
		error = setpgid_check(curp, targ);
	if (error != 0)
		goto out;
	if (pgid == 0)
		pgid = targ->p_pid;
	if ((pg = pgfind(pgid)) == NULL) {
		if (pgid != targ->p_pid) {
			error = EPERM;
			goto out;
		}
		pg = fresh;
		fresh = NULL;
		pgrp_link(pg, pgid, targ->p_pgrp->pg_session, NULL);
	} else if (pg->pg_session != curp->p_pgrp->pg_session) {
		error = EPERM;
		goto out;
	}
	if (pg != targ->p_pgrp) {
		pgrp_unlink_member(targ, &g);
		pgrp_join(targ, pg);
	}
out:
	intr_restore(s);
	pgrp_garbage_free(&g);
	if (fresh != NULL)
		pgrp_free_unused(fresh);
	return (error);
}
