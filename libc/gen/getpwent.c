/*
 * getpwent.c - the password database (/etc/passwd): getpwnam,
 * getpwuid, their _r forms, and getpwent/setpwent/endpwent.
 *
 * The file is read afresh by every lookup (it is small, and a lookup
 * must see the file as it is); getpwent keeps its own stream open
 * until endpwent.  The entries returned by the functions without _r
 * live in one static buffer, overwritten by the next call of any of
 * them.  Malformed lines are skipped.
 */
#include <errno.h>
#include <pwd.h>
#include <string.h>

#include "db_local.h"

#define PW_BUFSIZE	1024		/* for the static entry */

static FILE	*pw_fp;			/* getpwent's stream */
static struct passwd pw_static;
static char	pw_buf[PW_BUFSIZE];
static char	pw_empty[] = "";

/* Parse the passwd line in buf into *pw; 0, or -1 if it is malformed. */
static int
pw_parse(char *buf, struct passwd *pw)
{
	char *f[7];
	unsigned uid, gid;

	if (__db_fields(buf, f, 7) != 0 || f[0][0] == '\0' ||
	    __db_id(f[2], &uid) != 0 || __db_id(f[3], &gid) != 0)
		return (-1);
	memset(pw, 0, sizeof(*pw));
	pw->pw_name = f[0];
	pw->pw_passwd = f[1];
	pw->pw_uid = uid;
	pw->pw_gid = gid;
	pw->pw_class = pw_empty;
	pw->pw_gecos = f[4];
	pw->pw_dir = f[5];
	pw->pw_shell = f[6];
	return (0);
}

/*
 * Search the file for the entry with name (if not NULL) or uid, read
 * into buf; 0 with *result set (NULL if there is none), or an errno
 * value: the open's, or ERANGE if a line does not fit in buf.
 */
static int
pw_search(const char *name, uid_t uid, struct passwd *pw, char *buf,
    size_t len, struct passwd **result)
{
	FILE *fp;
	int r, error = 0, saved = errno;

	*result = NULL;
	if ((fp = __db_open(_PATH_PASSWD)) == NULL)
		return (errno);
	while ((r = __db_line(fp, buf, len)) != 0) {
		if (r < 0) {
			error = ERANGE;
			continue;
		}
		if (pw_parse(buf, pw) != 0)
			continue;
		if (name != NULL ? strcmp(pw->pw_name, name) == 0 :
		    pw->pw_uid == uid) {
			*result = pw;
			error = 0;
			break;
		}
	}
	fclose(fp);
	errno = saved;
	return (error);
}

/*
 * The entry for user name, in *pw with its strings in buf[0 .. len).
 * Returns 0 with *result = pw, or 0 with *result = NULL if there is no
 * such user, or an errno value (ERANGE: buf is too small for a line;
 * or why /etc/passwd could not be opened).
 */
int
getpwnam_r(const char *name, struct passwd *pw, char *buf, size_t len,
    struct passwd **result)
{
	return (pw_search(name, 0, pw, buf, len, result));
}

/* getpwnam_r for user id uid. */
int
getpwuid_r(uid_t uid, struct passwd *pw, char *buf, size_t len,
    struct passwd **result)
{
	return (pw_search(NULL, uid, pw, buf, len, result));
}

/* The result of a lookup into the static entry: NULL, errno as it says. */
static struct passwd *
pw_static_result(int error, struct passwd *result)
{
	if (error != 0)
		errno = error;
	return (result);
}

/*
 * The entry for user name (in a static buffer), or NULL: with errno
 * unchanged if there is no such user, set if the file could not be
 * read.
 */
struct passwd *
getpwnam(const char *name)
{
	struct passwd *result;
	int error;

	error = getpwnam_r(name, &pw_static, pw_buf, sizeof(pw_buf), &result);
	return (pw_static_result(error, result));
}

/* getpwnam for user id uid. */
struct passwd *
getpwuid(uid_t uid)
{
	struct passwd *result;
	int error;

	error = getpwuid_r(uid, &pw_static, pw_buf, sizeof(pw_buf), &result);
	return (pw_static_result(error, result));
}

/*
 * The next entry of the file (in a static buffer), opening it at the
 * first call; NULL at the end (errno unchanged) or if it cannot be
 * opened (errno set).
 */
struct passwd *
getpwent(void)
{
	int r;

	if (pw_fp == NULL && (pw_fp = __db_open(_PATH_PASSWD)) == NULL)
		return (NULL);
	while ((r = __db_line(pw_fp, pw_buf, sizeof(pw_buf))) != 0) {
		if (r > 0 && pw_parse(pw_buf, &pw_static) == 0)
			return (&pw_static);
	}
	return (NULL);
}

/* Make getpwent start again at the first entry. */
void
setpwent(void)
{
	if (pw_fp != NULL)
		rewind(pw_fp);
}

/* Close getpwent's stream. */
void
endpwent(void)
{
	if (pw_fp != NULL) {
		fclose(pw_fp);
		pw_fp = NULL;
	}
}
