/*
 * string.h - string and memory functions (C11 7.24), with the POSIX
 * and BSD additions libc has: strnlen, strtok_r, strdup, strndup,
 * strlcpy, strlcat.
 */
#ifndef _STRING_H_
#define _STRING_H_

#define __need_size_t
#define __need_NULL
#include <stddef.h>

void	*memchr(const void *, int, size_t);
int	 memcmp(const void *, const void *, size_t);
void	*memcpy(void * __restrict, const void * __restrict, size_t);
void	*memmove(void *, const void *, size_t);
void	*memset(void *, int, size_t);

char	*strcat(char * __restrict, const char * __restrict);
char	*strchr(const char *, int);
int	 strcmp(const char *, const char *);
int	 strcoll(const char *, const char *);
char	*strcpy(char * __restrict, const char * __restrict);
size_t	 strcspn(const char *, const char *);
char	*strdup(const char *);
char	*strerror(int);
size_t	 strlcat(char * __restrict, const char * __restrict, size_t);
size_t	 strlcpy(char * __restrict, const char * __restrict, size_t);
size_t	 strlen(const char *);
char	*strncat(char * __restrict, const char * __restrict, size_t);
int	 strncmp(const char *, const char *, size_t);
char	*strncpy(char * __restrict, const char * __restrict, size_t);
char	*strndup(const char *, size_t);
size_t	 strnlen(const char *, size_t);
char	*strpbrk(const char *, const char *);
char	*strrchr(const char *, int);
size_t	 strspn(const char *, const char *);
char	*strstr(const char *, const char *);
char	*strtok(char * __restrict, const char * __restrict);
char	*strtok_r(char * __restrict, const char * __restrict,
	    char ** __restrict);
size_t	 strxfrm(char * __restrict, const char * __restrict, size_t);

#endif /* !_STRING_H_ */
