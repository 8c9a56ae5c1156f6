/*
 * getgrent.c - the group database (/etc/group): getgrnam, getgrgid,
 * their _r forms, and getgrent/setgrent/endgrent.
 *
 * As getpwent.c: every lookup reads the file afresh, getgrent keeps
 * its own stream, the functions without _r share one static entry,
 * and malformed lines are skipped.  The member list (gr_mem) is an
 * array of pointers kept in the caller's buffer after the line.
 */
#include <errno.h>
#include <grp.h>
#include <stdint.h>
#include <string.h>

#include "db_local.h"

#define GR_BUFSIZE	2048		/* for the static entry */

static FILE	*gr_fp;			/* getgrent's stream */
static struct group gr_static;
static char	gr_buf[GR_BUFSIZE]
		    __attribute__((__aligned__(sizeof(char *))));

/*
 * Parse the group line at the start of buf (len bytes) into *gr.
 * Returns 0, -1 if it is malformed, or ERANGE if its member list does
 * not fit in buf.
 */
static int
gr_parse(char *buf, size_t len, struct group *gr)
{
	char *f[4], **mem, *p;
	size_t used, n = 1;
	uintptr_t at;
	unsigned gid;

	if (__db_fields(buf, f, 4) != 0 || f[0][0] == '\0' ||
	    __db_id(f[2], &gid) != 0)
		return (-1);
	for (p = f[3]; *p != '\0'; p++)
		if (*p == ',')
			n++;
	/* The pointers go after the line, aligned. */
	used = (size_t)(f[3] - buf) + strlen(f[3]) + 1;
	at = ((uintptr_t)buf + used + sizeof(char *) - 1) &
	    ~(uintptr_t)(sizeof(char *) - 1);
	if (at + (n + 1) * sizeof(char *) > (uintptr_t)buf + len)
		return (ERANGE);
	mem = (char **)at;
	n = 0;
	for (p = f[3]; *p != '\0'; ) {
		mem[n++] = p;
		if ((p = strchr(p, ',')) == NULL)
			break;
		*p++ = '\0';
	}
	mem[n] = NULL;
	gr->gr_name = f[0];
	gr->gr_passwd = f[1];
	gr->gr_gid = gid;
	gr->gr_mem = mem;
	return (0);
}

/*
 * Search the file for the group with name (if not NULL) or gid, read
 * into buf; 0 with *result set (NULL if there is none), or an errno
 * value: the open's, or ERANGE if an entry does not fit in buf.
 */
static int
gr_search(const char *name, gid_t gid, struct group *gr, char *buf,
    size_t len, struct group **result)
{
	FILE *fp;
	int r, error = 0, saved = errno;

	*result = NULL;
	if ((fp = __db_open(_PATH_GROUP)) == NULL)
		return (errno);
	while ((r = __db_line(fp, buf, len)) != 0) {
		if (r > 0)
			r = gr_parse(buf, len, gr);
		else
			r = ERANGE;
		if (r == ERANGE)
			error = ERANGE;
		if (r != 0)
			continue;
		if (name != NULL ? strcmp(gr->gr_name, name) == 0 :
		    gr->gr_gid == gid) {
			*result = gr;
			error = 0;
			break;
		}
	}
	fclose(fp);
	errno = saved;
	return (error);
}

/*
 * The group called name, in *gr with its strings and member list in
 * buf[0 .. len) (aligned for pointers).  Returns 0 with *result = gr,
 * or 0 with *result = NULL if there is no such group, or an errno value
 * (ERANGE: buf is too small; or why /etc/group could not be opened).
 */
int
getgrnam_r(const char *name, struct group *gr, char *buf, size_t len,
    struct group **result)
{
	return (gr_search(name, 0, gr, buf, len, result));
}

/* getgrnam_r for group id gid. */
int
getgrgid_r(gid_t gid, struct group *gr, char *buf, size_t len,
    struct group **result)
{
	return (gr_search(NULL, gid, gr, buf, len, result));
}

/*
 * The group called name (in a static buffer), or NULL: with errno
 * unchanged if there is none, set if the file could not be read.
 */
struct group *
getgrnam(const char *name)
{
	struct group *result;
	int error;

	if ((error = getgrnam_r(name, &gr_static, gr_buf, sizeof(gr_buf),
	    &result)) != 0)
		errno = error;
	return (result);
}

/* getgrnam for group id gid. */
struct group *
getgrgid(gid_t gid)
{
	struct group *result;
	int error;

	if ((error = getgrgid_r(gid, &gr_static, gr_buf, sizeof(gr_buf),
	    &result)) != 0)
		errno = error;
	return (result);
}

/*
 * The next group of the file (in a static buffer), opening it at the
 * first call; NULL at the end (errno unchanged) or if it cannot be
 * opened (errno set).
 */
struct group *
getgrent(void)
{
	int r;

	if (gr_fp == NULL && (gr_fp = __db_open(_PATH_GROUP)) == NULL)
		return (NULL);
	while ((r = __db_line(gr_fp, gr_buf, sizeof(gr_buf))) != 0) {
		if (r > 0 && gr_parse(gr_buf, sizeof(gr_buf), &gr_static) == 0)
			return (&gr_static);
	}
	return (NULL);
}

/* Make getgrent start again at the first group. */
void
setgrent(void)
{
	if (gr_fp != NULL)
		rewind(gr_fp);
}

/* Close getgrent's stream. */
void
endgrent(void)
{
	if (gr_fp != NULL) {
		fclose(gr_fp);
		gr_fp = NULL;
	}
}
