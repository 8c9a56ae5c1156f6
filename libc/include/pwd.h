/*
 * pwd.h - the password database: user names, ids, home directories and
 * shells, from /etc/passwd (seven fields a line, separated by colons:
 * name:password:uid:gid:gecos:home:shell).  struct passwd has
 * FreeBSD's fields; those /etc/passwd does not have (pw_change,
 * pw_class, pw_expire) are 0 or "".
 */
#ifndef _PWD_H_
#define _PWD_H_

#include <sys/types.h>
#include <sys/_timespec.h>

#define _PATH_PASSWD	"/etc/passwd"

struct passwd {
	char		*pw_name;	/* user name */
	char		*pw_passwd;	/* encrypted password ("*": none) */
	uid_t		pw_uid;
	gid_t		pw_gid;
	__time_t	pw_change;	/* password change time: 0 */
	char		*pw_class;	/* login class: "" */
	char		*pw_gecos;	/* full name, office, ... */
	char		*pw_dir;	/* home directory */
	char		*pw_shell;	/* login shell */
	__time_t	pw_expire;	/* account expiry time: 0 */
};

struct passwd *getpwnam(const char *);
struct passwd *getpwuid(uid_t);
int	getpwnam_r(const char *, struct passwd *, char *, size_t,
	    struct passwd **);
int	getpwuid_r(uid_t, struct passwd *, char *, size_t, struct passwd **);
struct passwd *getpwent(void);
void	setpwent(void);
void	endpwent(void);

#endif /* !_PWD_H_ */
