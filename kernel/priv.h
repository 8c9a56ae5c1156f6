/*
 * priv.h - privileges: the checks a system call makes before it does
 * what only the superuser may (kernel/kern_priv.c).
 *
 * Each privileged operation names itself with a PRIV_* number
 * (FreeBSD's names and values), so that the policy lives in one place:
 * today it is "the effective user id is 0" for all of them; a finer
 * policy (for example unprivileged mlock, SEMANTICS "Privilege") is a
 * change in kern_priv.c, not in its callers.
 */
#ifndef _KERNEL_PRIV_H_
#define _KERNEL_PRIV_H_

struct thread;
struct ucred;

#define PRIV_DRIVER		14	/* low-level device access (test devices) */
#define PRIV_CRED_SETUID	50	/* setuid to another id */
#define PRIV_CRED_SETEUID	51	/* seteuid to another id */
#define PRIV_CRED_SETGID	52	/* setgid to another id */
#define PRIV_CRED_SETEGID	53	/* setegid to another id */
#define PRIV_CRED_SETGROUPS	54	/* setgroups */
#define PRIV_CRED_SETRESUID	57	/* setresuid to other ids */
#define PRIV_CRED_SETRESGID	58	/* setresgid to other ids */
#define PRIV_PROC_LIMIT		160	/* fork past RLIMIT_NPROC */
#define PRIV_PROC_SETRLIMIT	162	/* raise a hard resource limit */
#define PRIV_SIGNAL_DIFFCRED	230	/* signal another user's process */
#define PRIV_SYSCTL_WRITE	241	/* set a writable sysctl (knobs, debug hooks) */
#define PRIV_VFS_READ		310	/* read a file without read permission */
#define PRIV_VFS_WRITE		311	/* write a file without write permission */
#define PRIV_VFS_ADMIN		312	/* chmod another's file; remove another's
					   entry from a sticky directory */
#define PRIV_VFS_EXEC		313	/* execute without execute permission */
#define PRIV_VFS_LOOKUP		314	/* search a directory without permission */
#define PRIV_VFS_SETGID		339	/* set S_ISGID with another group */
#define PRIV_VM_MADV_PROTECT	360	/* madvise(MADV_PROTECT) */
#define PRIV_VM_MLOCK		361	/* mlock, mlockall (issue 7) */
#define PRIV_VM_MUNLOCK		362	/* munlock, munlockall (issue 7) */

/*
 * priv_check_cred: whether credentials `cred` hold privilege `priv`:
 * 0, or EPERM.  priv_check: the same for thread `td`'s process.  Any
 * context (the caller keeps `cred` steady); does not sleep.
 */
int	priv_check_cred(const struct ucred *cred, int priv);
int	priv_check(struct thread *td, int priv);

#endif /* !_KERNEL_PRIV_H_ */
