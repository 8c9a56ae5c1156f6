/*
 * ucred.c - the user and group id calls: getuid, geteuid, getgid,
 * getegid, setuid, seteuid, setgid, setegid, getresuid, getresgid,
 * setresuid, setresgid, getgroups, setgroups.
 *
 * The rules (kernel/kern_prot.c) are POSIX's: root (effective user id
 * 0) may set any id; any other process may only move among the ids it
 * has, and fails with EPERM otherwise.
 */
#include <unistd.h>

#include "libc_syscalls.h"

/* The real user id.  Cannot fail. */
uid_t
getuid(void)
{
	return ((uid_t)__sys_getuid());
}

/* The effective user id.  Cannot fail. */
uid_t
geteuid(void)
{
	return ((uid_t)__sys_geteuid());
}

/* The real group id.  Cannot fail. */
gid_t
getgid(void)
{
	return ((gid_t)__sys_getgid());
}

/* The effective group id.  Cannot fail. */
gid_t
getegid(void)
{
	return ((gid_t)__sys_getegid());
}

/*
 * Root: the real, effective and saved user ids become uid.  Others:
 * the effective one, if uid is the real or saved id.  0, or -1 with
 * errno EPERM or EINVAL ((uid_t)-1).
 */
int
setuid(uid_t uid)
{
	return (__sys_setuid(uid));
}

/*
 * The effective user id becomes uid: root may give any, others only
 * the real or saved id.  0, or -1 with errno EPERM or EINVAL.
 */
int
seteuid(uid_t uid)
{
	return (__sys_seteuid(uid));
}

/* setuid for the group ids. */
int
setgid(gid_t gid)
{
	return (__sys_setgid(gid));
}

/* seteuid for the group ids. */
int
setegid(gid_t gid)
{
	return (__sys_setegid(gid));
}

/*
 * The real, effective and saved user ids, each into its pointer (NULL:
 * not wanted).  0, or -1 with errno EFAULT.
 */
int
getresuid(uid_t *ruid, uid_t *euid, uid_t *suid)
{
	return (__sys_getresuid(ruid, euid, suid));
}

/* getresuid for the group ids. */
int
getresgid(gid_t *rgid, gid_t *egid, gid_t *sgid)
{
	return (__sys_getresgid(rgid, egid, sgid));
}

/*
 * Set the real, effective and saved user ids; (uid_t)-1 leaves one as
 * it is.  Others than root may only use ids they have.  0, or -1 with
 * errno EPERM.
 */
int
setresuid(uid_t ruid, uid_t euid, uid_t suid)
{
	return (__sys_setresuid(ruid, euid, suid));
}

/* setresuid for the group ids. */
int
setresgid(gid_t rgid, gid_t egid, gid_t sgid)
{
	return (__sys_setresgid(rgid, egid, sgid));
}

/*
 * The supplementary groups (the effective group id is not among them):
 * their number; with n > 0 also the groups, into gids[0..n-1].  -1
 * with errno EINVAL if n is nonzero and too small, EFAULT.
 */
int
getgroups(int n, gid_t gids[])
{
	return (__sys_getgroups(n, gids));
}

/*
 * The supplementary groups become gids[0..n-1] (root only).  0, or -1
 * with errno EINVAL (n over NGROUPS_MAX or negative), EFAULT or EPERM.
 */
int
setgroups(int n, const gid_t *gids)
{
	return (__sys_setgroups(n, gids));
}
