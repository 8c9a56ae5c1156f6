/*
 * db_local.h - private to libc/gen: reading the colon-separated
 * databases (/etc/passwd, /etc/group; dbline.c).
 */
#ifndef _LIBC_GEN_DB_LOCAL_H_
#define _LIBC_GEN_DB_LOCAL_H_

#include <stdio.h>

/*
 * Open the database at path for reading (close on exec); NULL with
 * errno set.
 */
FILE	*__db_open(const char *path);

/*
 * The next entry of fp into buf (len bytes), without its newline;
 * blank lines and comments (#) are skipped.  Returns 1, 0 at the end,
 * or -1 if a line does not fit (it is skipped; the caller may go on).
 */
int	__db_line(FILE *fp, char *buf, size_t len);

/*
 * Split line at the colons into exactly n fields; 0, or -1 if it has
 * another number of them.
 */
int	__db_fields(char *line, char **fields, int n);

/* A decimal id (0 .. 2^32 - 1) in s; 0, or -1 if s is not one. */
int	__db_id(const char *s, unsigned *id);

#endif /* !_LIBC_GEN_DB_LOCAL_H_ */
