/*
 * pgrp.c - process groups and sessions: setpgid(2), getpgid(2),
 * getpgrp(2), setsid(2), getsid(2), and killpg over kill(2).
 */
#include <signal.h>
#include <unistd.h>

#include "libc_syscalls.h"

/*
 * Move process pid (0: the caller; else the caller or a child of it
 * that has not exec'd) into process group pgid (0: the group whose id
 * is pid), which must exist in the caller's session or be new with
 * pid as its leader.  0, or -1 with errno EINVAL, ESRCH, EACCES
 * (the child has exec'd) or EPERM.
 */
int
setpgid(pid_t pid, pid_t pgid)
{
	return (__sys_setpgid(pid, pgid));
}

/* The process group of process pid (0: the caller), or -1 (ESRCH). */
pid_t
getpgid(pid_t pid)
{
	return (__sys_getpgid(pid));
}

/* The caller's process group.  Cannot fail. */
pid_t
getpgrp(void)
{
	return (__sys_getpgrp());
}

/*
 * Start a new session, and a new process group in it, both led by the
 * caller and named by its pid, without a controlling terminal.  The
 * new id, or -1 (EPERM: the caller already leads a process group).
 */
pid_t
setsid(void)
{
	return (__sys_setsid());
}

/* The session of process pid (0: the caller), or -1 (ESRCH). */
pid_t
getsid(pid_t pid)
{
	return (__sys_getsid(pid));
}

/* Send sig to every process of group pgrp: kill(-pgrp, sig). */
int
killpg(pid_t pgrp, int sig)
{
	return (__sys_kill(-(long)pgrp, sig));
}
