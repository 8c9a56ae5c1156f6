/*
 * grp.h - the group database, from /etc/group (four fields a line,
 * separated by colons: name:password:gid:member,member,...).
 */
#ifndef _GRP_H_
#define _GRP_H_

#include <sys/types.h>

#define _PATH_GROUP	"/etc/group"

struct group {
	char		*gr_name;	/* group name */
	char		*gr_passwd;	/* group password ("*": none) */
	gid_t		gr_gid;
	char		**gr_mem;	/* member names, NULL-terminated */
};

struct group *getgrnam(const char *);
struct group *getgrgid(gid_t);
int	getgrnam_r(const char *, struct group *, char *, size_t,
	    struct group **);
int	getgrgid_r(gid_t, struct group *, char *, size_t, struct group **);
struct group *getgrent(void);
void	setgrent(void);
void	endgrent(void);

#endif /* !_GRP_H_ */
