/*
 * fgets.c - line input: fgets.
 */
#include <string.h>

#include "local.h"

/*
 * Read into s until a newline (kept), end of file or n - 1 bytes,
 * whichever comes first, and end it with a NUL.  Returns s, or NULL if
 * end of file came before any byte or an error occurred (s is then
 * unspecified) or n < 1.
 */
static char *
fgets_unlocked(char * __restrict s, int n, FILE * __restrict fp)
{
	size_t room, len = 0, chunk;
	const unsigned char *start, *nl;

	if (n < 1)
		return (NULL);
	room = (size_t)n - 1;
	if (room > 0 && fp->ungot != EOF) {
		s[len++] = (char)fp->ungot;
		fp->ungot = EOF;
		if (s[0] == '\n')
			goto done;
	}
	while (len < room) {
		if (__stdio_refill(fp) != 0) {
			if (len == 0 || (fp->flags & S_ERR) != 0)
				return (NULL);
			break;
		}
		/* Copy up to the newline, or all that is buffered. */
		start = fp->buf + fp->rpos;
		chunk = fp->rlen - fp->rpos;
		if (chunk > room - len)
			chunk = room - len;
		if ((nl = memchr(start, '\n', chunk)) != NULL)
			chunk = (size_t)(nl - start) + 1;
		memcpy(s + len, start, chunk);
		fp->rpos += chunk;
		len += chunk;
		if (nl != NULL)
			break;
	}
done:
	s[len] = '\0';
	return (s);
}

/* fgets, under the stdio lock (local.h). */
char *
fgets(char * __restrict s, int n, FILE * __restrict fp)
{
	char *r;

	FLOCKFILE();
	r = fgets_unlocked(s, n, fp);
	FUNLOCKFILE();
	return (r);
}
