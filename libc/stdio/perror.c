/*
 * perror.c - perror: the message for errno on stderr.
 */
#include <errno.h>
#include <string.h>

#include "local.h"

/*
 * Write "s: message\n" (or "message\n" if s is NULL or empty) to
 * stderr, where message is strerror(errno).
 */
void
perror(const char *s)
{
	const char *message = strerror(errno);

	if (s != NULL && *s != '\0')
		(void)fprintf(stderr, "%s: %s\n", s, message);
	else
		(void)fprintf(stderr, "%s\n", message);
}
