/*
 * dbline.c - reading the colon-separated databases (/etc/passwd,
 * /etc/group): lines, fields and ids, shared by getpwent.c and
 * getgrent.c.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "db_local.h"

/* See db_local.h. */
FILE *
__db_open(const char *path)
{
	return (fopen(path, "re"));
}

/* See db_local.h. */
int
__db_line(FILE *fp, char *buf, size_t len)
{
	size_t n;
	int c;

	for (;;) {
		if (fgets(buf, (int)len, fp) == NULL)
			return (0);
		n = strlen(buf);
		if (n > 0 && buf[n - 1] == '\n')
			buf[--n] = '\0';
		else if (n + 1 == len && (c = fgetc(fp)) != EOF && c != '\n') {
			/* Too long: skip the rest of it. */
			while ((c = fgetc(fp)) != EOF && c != '\n')
				;
			return (-1);
		}
		if (n > 0 && buf[0] != '#')
			return (1);
	}
}

/* See db_local.h. */
int
__db_fields(char *line, char **fields, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		fields[i] = line;
		line = strchr(line, ':');
		if (i == n - 1)
			return (line == NULL ? 0 : -1);
		if (line == NULL)
			return (-1);
		*line++ = '\0';
	}
	return (0);
}

/* See db_local.h. */
int
__db_id(const char *s, unsigned *id)
{
	uint64_t v = 0;

	if (*s == '\0')
		return (-1);
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9')
			return (-1);
		v = v * 10 + (uint64_t)(*s - '0');
		if (v > UINT32_MAX)
			return (-1);
	}
	*id = (unsigned)v;
	return (0);
}
