/*
 * getdelim.c - reading a whole line of any length: getdelim, getline
 * (POSIX).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "local.h"

/* Make *linep hold at least need bytes; 0, or -1 with errno ENOMEM. */
static int
grow(char **linep, size_t *capp, size_t need)
{
	size_t cap = *capp < 64 ? 64 : *capp;
	char *p;

	if (need <= *capp)
		return (0);
	while (cap < need)
		cap *= 2;
	if ((p = realloc(*linep, cap)) == NULL) {
		errno = ENOMEM;
		return (-1);
	}
	*linep = p;
	*capp = cap;
	return (0);
}

/*
 * Read from fp up to and including the byte delim (or to the end of
 * the input) into *linep, a malloc'd buffer of *capp bytes that is
 * grown (or made, if *linep is NULL) as needed, and NUL-terminate it.
 * Returns the number of bytes read (delim included, the NUL not), or
 * -1 at end of file with nothing read, on a read error, or with errno
 * EINVAL (linep or capp NULL) or ENOMEM (the error indicator is then
 * set too).
 */
static ssize_t
getdelim_unlocked(char ** __restrict linep, size_t * __restrict capp,
    int delim, FILE * __restrict fp)
{
	const unsigned char *start, *found;
	size_t len = 0, n;

	if (linep == NULL || capp == NULL) {
		errno = EINVAL;
		return (-1);
	}
	if (*linep == NULL)
		*capp = 0;
	for (;;) {
		if (fp->ungot != EOF) {
			if (grow(linep, capp, len + 2) != 0)
				goto nomem;
			(*linep)[len++] = (char)fp->ungot;
			fp->ungot = EOF;
			if ((unsigned char)(*linep)[len - 1] ==
			    (unsigned char)delim)
				break;
			continue;
		}
		if (__stdio_refill(fp) != 0)
			break;
		start = fp->buf + fp->rpos;
		n = fp->rlen - fp->rpos;
		if ((found = memchr(start, delim, n)) != NULL)
			n = (size_t)(found - start) + 1;
		if (grow(linep, capp, len + n + 1) != 0)
			goto nomem;
		memcpy(*linep + len, start, n);
		fp->rpos += n;
		len += n;
		if (found != NULL)
			break;
	}
	if (len == 0)
		return (-1);
	(*linep)[len] = '\0';
	return ((ssize_t)len);
nomem:
	fp->flags |= S_ERR;
	return (-1);
}

/* getdelim, under the stdio lock (local.h). */
ssize_t
getdelim(char ** __restrict linep, size_t * __restrict capp, int delim,
    FILE * __restrict fp)
{
	ssize_t r;

	FLOCKFILE();
	r = getdelim_unlocked(linep, capp, delim, fp);
	FUNLOCKFILE();
	return (r);
}

/* getdelim up to a newline. */
ssize_t
getline(char ** __restrict linep, size_t * __restrict capp,
    FILE * __restrict fp)
{
	return (getdelim(linep, capp, '\n', fp));
}
