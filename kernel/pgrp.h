/*
 * pgrp.h - process groups and sessions (kernel/kern_pgrp.c), the
 * structures job control is made of.
 *
 * A session is a login: its leader (the process that called setsid)
 * and at most one controlling terminal.  A process group is a job: the
 * processes a shell started for one pipeline.  Every process but proc0
 * is in exactly one group, and every group in one session.  fork's
 * child joins its parent's group; a process the kernel starts (init,
 * the self tests' programs) leads a new session and group.  A process
 * stays in its group as a zombie, until it is reaped (so wait4(-pgid)
 * still finds it and the id is not reused).
 *
 * A group is orphaned when no member (zombies aside) has a parent in
 * another group of the same session: nobody is left who could continue
 * it (POSIX).  Orphaned groups are not stopped by SIGTSTP, SIGTTIN and
 * SIGTTOU; a group that becomes orphaned when a process exits and has
 * stopped members gets SIGHUP, then SIGCONT.
 *
 * Lock keys (the legend of proc.h):
 *	(c)  constant after creation
 *	(s)  the process tree lock: interrupts disabled (one CPU)
 *
 * FreeBSD has proctree_lock (sx) over the membership, a mutex per
 * group and per session, and the tty lock.  Vise keeps these under the
 * one lock that already guards allproc and the parent links, because
 * the console's input (the clock interrupt, kernel/tty.c) must read
 * the foreground group and signal its members: interrupts disabled is
 * the lock an interrupt handler can take.  So no lock order is added.
 * Memory is never allocated or freed with interrupts off: the callers
 * allocate before and free after (struct pgrp_garbage).
 */
#ifndef _KERNEL_PGRP_H_
#define _KERNEL_PGRP_H_

#include <kernel/proc.h>

struct tty;

struct session {
	int		s_count;	/* (s) process groups in it */
	struct proc	*s_leader;	/* (s) NULL once the leader exits */
	struct tty	*s_ttyp;	/* (s) controlling terminal, or NULL */
	int		s_sid;		/* (c) the leader's pid */
};

struct pgrp {
	LIST_ENTRY(pgrp) pg_list;	/* (s) in the list of all groups */
	LIST_HEAD(, proc) pg_members;	/* (s) never empty while it exists */
	struct session	*pg_session;	/* (c) */
	int		pg_id;		/* (c) the first leader's pid */
};

/* What to free once interrupts are back on (pgrp_garbage_free). */
struct pgrp_garbage {
	struct pgrp	*pg;
	struct session	*sess;
};

/*
 * pgfind: the group whose id is `pgid`, or NULL.  pgrp_id_busy: whether
 * `id` is the id of a group or a session (pid_alloc may not hand it
 * out again).  (s).
 */
struct pgrp *pgfind(int pgid);
bool	pgrp_id_busy(int id);

/*
 * pgrp_alloc: memory for a new group, with a new session if `session`;
 * NULL if there is none.  Thread context, no lock held.  pgrp_start:
 * put new process `p` (its pid given, not in allproc yet) in its
 * parent's group, or, if `fresh` (from pgrp_alloc(true)) is not NULL,
 * make it the leader of a new session and group (ids: its pid).  (s).
 * pgrp_free_unused: free what pgrp_alloc gave, never linked.  No lock.
 */
struct pgrp *pgrp_alloc(bool session);
void	pgrp_start(struct proc *p, struct pgrp *fresh);
void	pgrp_free_unused(struct pgrp *pg);

/*
 * pgrp_exit: exit1's part, before the children go to init and `p`
 * becomes a zombie: a session leader gives up its controlling
 * terminal (SIGHUP to its foreground group); groups that this exit
 * orphans and that have stopped members get SIGHUP and SIGCONT.  (s).
 */
void	pgrp_exit(struct proc *p);

/*
 * pgrp_leave: take `p` out of its group (proc_reap); a group left
 * empty goes, and a session left without groups; what is to be freed
 * is put in *gp.  (s).  pgrp_garbage_free: free it.  Interrupts on.
 */
void	pgrp_leave(struct proc *p, struct pgrp_garbage *gp);
void	pgrp_garbage_free(struct pgrp_garbage *gp);

/*
 * pgrp_orphaned: whether `pg` is orphaned (see above).  (s).
 * pgsignal: psignal every member of `pg` (zombies ignore it).  (s);
 * any context.
 */
bool	pgrp_orphaned(const struct pgrp *pg);
void	pgsignal(struct pgrp *pg, int sig);

#endif /* !_KERNEL_PGRP_H_ */
