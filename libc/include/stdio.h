/*
 * stdio.h - standard input and output (C11 7.21): FILE streams over
 * file descriptors, formatted output to streams, descriptors and
 * memory.
 *
 * FILE is opaque: getc and putc are functions, not macros that reach
 * into the structure, so the layout can change without rebuilding
 * programs.  There is no writable file system yet, so no tmpfile,
 * remove or rename.
 */
#ifndef _STDIO_H_
#define _STDIO_H_

#define __need_size_t
#define __need_NULL
#include <stddef.h>
#include <stdarg.h>
#include <sys/_types.h>

typedef struct __sFILE FILE;
typedef __off_t		fpos_t;		/* a position, as fgetpos saves it */
typedef __off_t		off_t;
typedef __ssize_t	ssize_t;

#define EOF	(-1)
#define BUFSIZ	1024		/* the size of a stream's buffer */

/* fseek's whence: the kernel's values (<sys/_stat.h> has them too). */
#define SEEK_SET	0
#define SEEK_CUR	1
#define SEEK_END	2

/* setvbuf modes. */
#define _IOFBF	0		/* fully buffered */
#define _IOLBF	1		/* line buffered */
#define _IONBF	2		/* unbuffered */

extern FILE	*__stdinp, *__stdoutp, *__stderrp;
#define stdin	__stdinp
#define stdout	__stdoutp
#define stderr	__stderrp

FILE	*fopen(const char * __restrict, const char * __restrict);
FILE	*fdopen(int, const char *);
int	 fclose(FILE *);
FILE	*tmpfile(void);
int	 remove(const char *);
int	 rename(const char *, const char *);
int	 fflush(FILE *);
int	 setvbuf(FILE * __restrict, char * __restrict, int, size_t);
void	 setbuf(FILE * __restrict, char * __restrict);

int	 fgetc(FILE *);
int	 getc(FILE *);
int	 getchar(void);
char	*fgets(char * __restrict, int, FILE * __restrict);
size_t	 fread(void * __restrict, size_t, size_t, FILE * __restrict);
int	 ungetc(int, FILE *);
ssize_t	 getdelim(char ** __restrict, size_t * __restrict, int,
	    FILE * __restrict);
ssize_t	 getline(char ** __restrict, size_t * __restrict, FILE * __restrict);

int	 fputc(int, FILE *);
int	 putc(int, FILE *);
int	 putchar(int);
int	 fputs(const char * __restrict, FILE * __restrict);
int	 puts(const char *);
size_t	 fwrite(const void * __restrict, size_t, size_t, FILE * __restrict);

int	 fseek(FILE *, long, int);
int	 fseeko(FILE *, off_t, int);
long	 ftell(FILE *);
off_t	 ftello(FILE *);
void	 rewind(FILE *);
int	 fgetpos(FILE * __restrict, fpos_t * __restrict);
int	 fsetpos(FILE *, const fpos_t *);

int	 feof(FILE *);
int	 ferror(FILE *);
void	 clearerr(FILE *);
int	 fileno(FILE *);
/* Threads: hold every stream (one lock for all of stdio, recursive). */
void	 flockfile(FILE *);
int	 ftrylockfile(FILE *);
void	 funlockfile(FILE *);
void	 perror(const char *);

int	printf(const char * __restrict, ...)
	    __attribute__((__format__(__printf__, 1, 2)));
int	fprintf(FILE * __restrict, const char * __restrict, ...)
	    __attribute__((__format__(__printf__, 2, 3)));
int	dprintf(int, const char * __restrict, ...)
	    __attribute__((__format__(__printf__, 2, 3)));
int	vprintf(const char * __restrict, va_list)
	    __attribute__((__format__(__printf__, 1, 0)));
int	vfprintf(FILE * __restrict, const char * __restrict, va_list)
	    __attribute__((__format__(__printf__, 2, 0)));
int	vdprintf(int, const char * __restrict, va_list)
	    __attribute__((__format__(__printf__, 2, 0)));
int	snprintf(char * __restrict, size_t, const char * __restrict, ...)
	    __attribute__((__format__(__printf__, 3, 4)));
int	sprintf(char * __restrict, const char * __restrict, ...)
	    __attribute__((__format__(__printf__, 2, 3)));
int	vsnprintf(char * __restrict, size_t, const char * __restrict,
	    va_list) __attribute__((__format__(__printf__, 3, 0)));
int	vsprintf(char * __restrict, const char * __restrict, va_list)
	    __attribute__((__format__(__printf__, 2, 0)));


int	scanf(const char * __restrict, ...)
	    __attribute__((__format__(__scanf__, 1, 2)));
int	fscanf(FILE * __restrict, const char * __restrict, ...)
	    __attribute__((__format__(__scanf__, 2, 3)));
int	sscanf(const char * __restrict, const char * __restrict, ...)
	    __attribute__((__format__(__scanf__, 2, 3)));
int	vscanf(const char * __restrict, va_list)
	    __attribute__((__format__(__scanf__, 1, 0)));
int	vfscanf(FILE * __restrict, const char * __restrict, va_list)
	    __attribute__((__format__(__scanf__, 2, 0)));
int	vsscanf(const char * __restrict, const char * __restrict, va_list)
	    __attribute__((__format__(__scanf__, 2, 0)));

#endif /* !_STDIO_H_ */
