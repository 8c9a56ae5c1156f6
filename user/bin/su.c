/*
 * su - run a shell or a command as another user.
 *
 *	su [-c command] [user]		(user: root if not given; the
 *					operands may come in either order)
 *
 * Only root may use su: Vise has no passwords (every /etc/passwd entry
 * has "*"), so su cannot ask anyone to prove who they are, and lets
 * only the superuser become someone else; anyone else gets EPERM.  It
 * is for demonstrations and labs: "su student" gives a shell as an
 * unprivileged user.
 *
 * su is Vise's login path, so it applies the user's default resource
 * limits, as FreeBSD's login classes do at login (setusercontext):
 *
 *	RLIMIT_MEMLOCK	infinite (soft and hard) for root,
 *			64 KiB (soft and hard) for every other user
 *
 * The kernel's defaults (proc0's, kept by fork and exec) are root's; a
 * process that calls setuid itself keeps whatever limits it has, as in
 * FreeBSD: only the login path changes them.  The limits are set while
 * su is still root (raising a hard limit needs privilege), then the
 * groups (the user's group and every /etc/group entry that names the
 * user), the gid and last the uid.  HOME, USER, LOGNAME and SHELL are
 * set from the password entry; the current directory is kept.  Then su
 * execs the user's shell, or "sh -c command" with that shell.
 *
 * Exit status: the command's (su execs it); 1 if su itself fails (the
 * reason is printed), 2 for a usage error.
 */
#include <errno.h>
#include <grp.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/resource.h>

/* A user's default RLIMIT_MEMLOCK, soft and hard (see above). */
#define MEMLOCK_USER	(64 * 1024)

static void
usage(void)
{
	fprintf(stderr, "usage: su [-c command] [user]\n");
	exit(2);
}

/*
 * The groups of user `pw`: its own group first, then each group whose
 * member list names it; at most NGROUPS_MAX.  Returns the count.
 */
static int
user_groups(const struct passwd *pw, gid_t *groups)
{
	struct group *gr;
	int n = 0, i;

	groups[n++] = pw->pw_gid;
	setgrent();
	while ((gr = getgrent()) != NULL && n < NGROUPS_MAX) {
		if (gr->gr_gid == pw->pw_gid)
			continue;
		for (i = 0; gr->gr_mem[i] != NULL; i++)
			if (strcmp(gr->gr_mem[i], pw->pw_name) == 0) {
				groups[n++] = gr->gr_gid;
				break;
			}
	}
	endgrent();
	return (n);
}

/* The login path's default limits for `uid` (see above). */
static int
set_limits(uid_t uid)
{
	struct rlimit rl;

	rl.rlim_cur = rl.rlim_max = uid == 0 ? RLIM_INFINITY : MEMLOCK_USER;
	return (setrlimit(RLIMIT_MEMLOCK, &rl));
}

/* Become `pw`: limits, groups, gid, uid; exits with a message on error. */
static void
become(const struct passwd *pw)
{
	gid_t groups[NGROUPS_MAX];
	const char *what;
	int ngroups;

	ngroups = user_groups(pw, groups);
	if (set_limits(pw->pw_uid) != 0)
		what = "setrlimit";
	else if (setgroups(ngroups, groups) != 0)
		what = "setgroups";
	else if (setgid(pw->pw_gid) != 0)
		what = "setgid";
	else if (setuid(pw->pw_uid) != 0)
		what = "setuid";
	else
		return;
	fprintf(stderr, "su: %s: %s\n", what, strerror(errno));
	exit(1);
}

int
main(int argc, char **argv)
{
	const char *user = NULL, *command = NULL, *shell, *base;
	struct passwd *pw;
	char *args[4];
	int i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-c") == 0) {
			if (++i == argc || command != NULL)
				usage();
			command = argv[i];
		} else if (argv[i][0] == '-' || user != NULL)
			usage();
		else
			user = argv[i];
	}
	if (user == NULL)
		user = "root";
	if (geteuid() != 0) {
		fprintf(stderr, "su: %s (only root may use su: there are no "
		    "passwords)\n", strerror(EPERM));
		return (1);
	}
	if ((pw = getpwnam(user)) == NULL) {
		fprintf(stderr, "su: unknown user %s\n", user);
		return (1);
	}
	/* Copy what the exec needs: getpwnam's entry is static. */
	shell = pw->pw_shell[0] != '\0' ? strdup(pw->pw_shell) : "/bin/sh";
	if (shell == NULL || setenv("HOME", pw->pw_dir, 1) != 0 ||
	    setenv("USER", pw->pw_name, 1) != 0 ||
	    setenv("LOGNAME", pw->pw_name, 1) != 0 ||
	    setenv("SHELL", shell, 1) != 0) {
		fprintf(stderr, "su: %s\n", strerror(ENOMEM));
		return (1);
	}
	become(pw);
	base = strrchr(shell, '/') != NULL ? strrchr(shell, '/') + 1 : shell;
	args[0] = (char *)base;
	args[1] = command != NULL ? "-c" : NULL;
	args[2] = (char *)command;
	args[3] = NULL;
	execv(shell, args);
	fprintf(stderr, "su: %s: %s\n", shell, strerror(errno));
	return (1);
}
