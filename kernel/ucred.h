/*
 * ucred.h - a process's credentials: its user and group ids and its
 * supplementary groups (kernel/kern_prot.c).
 *
 * Copied, not shared.  FreeBSD keeps credentials in a reference-counted
 * struct that is never changed once shared: a thread holds a reference
 * for the length of a system call and an open file keeps its opener's.
 * Vise has no file that remembers who opened it, so each process
 * carries its own copy inside struct proc, which all its threads use:
 * fork copies the parent's, exec keeps it (only the saved ids change,
 * as POSIX says), nothing is allocated and nothing can fail for lack of
 * memory.  When files keep credentials, this becomes FreeBSD's
 * crget/crhold/crfree.
 *
 * Locking: a system call that changes them reads, decides and writes
 * under the process's p_credlock (an sx lock: two threads of a process
 * changing them at once are serialized, kern_prot.c), and the write
 * itself is done with interrupts disabled (proc_set_cred), so another
 * process or thread (kill's permission check, ps, a thread's priv_check)
 * reads a consistent set with interrupts disabled, or without a lock
 * when a torn read cannot matter (a thread reading its own process's
 * while it is not changing them sees one set or the other).
 *
 * Every id starts at 0 (root): proc0 is zero-initialized, and every
 * other process descends from it.
 */
#ifndef _KERNEL_UCRED_H_
#define _KERNEL_UCRED_H_

#include <sys/syslimits.h>

struct proc;
struct thread;

/*
 * The ids are uid_t and gid_t (sys/_types.h's __uid_t, __gid_t, which
 * kern_prot.c checks), spelled out: host tests include this header
 * through proc.h next to the C library's headers, whose reserved type
 * names sys/_types.h would collide with.
 */
struct ucred {
	__UINT32_TYPE__	cr_uid;		/* effective user id */
	__UINT32_TYPE__	cr_ruid;	/* real user id */
	__UINT32_TYPE__	cr_svuid;	/* saved user id */
	__UINT32_TYPE__	cr_gid;		/* effective group id */
	__UINT32_TYPE__	cr_rgid;	/* real group id */
	__UINT32_TYPE__	cr_svgid;	/* saved group id */
	int		cr_ngroups;	/* supplementary groups in use */
	__UINT32_TYPE__	cr_groups[NGROUPS_MAX];	/* the supplementary groups */
};

/*
 * proc_set_cred: make `cr` the credentials of `p` (curthread's
 * process), in one step as other processes see it.  Any context; does
 * not sleep.
 */
void	proc_set_cred(struct proc *p, const struct ucred *cr);

/*
 * cred_exec: what exec does to the credentials of `p`: the saved ids
 * become the effective ones (POSIX).  There are no set-user-ID or
 * set-group-ID programs (see kern_prot.c), so nothing else changes.
 */
void	cred_exec(struct proc *p);

/*
 * cr_cansignal: whether a process with credentials `sender` may send a
 * signal to one with `target`: root may signal anyone; others only a
 * process whose real or saved user id is the sender's real or
 * effective user id.  0 or EPERM.
 * p_cansignal: the same for curthread `td` and process `p`; a process
 * may always signal itself.  Interrupts disabled (p's credentials).
 */
int	cr_cansignal(const struct ucred *sender, const struct ucred *target);
int	p_cansignal(struct thread *td, struct proc *p);

#endif /* !_KERNEL_UCRED_H_ */
