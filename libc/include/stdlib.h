/*
 * stdlib.h - general utilities (C11 7.22): number conversion, the heap,
 * sorting and searching, pseudo-random numbers, the environment,
 * ending the program (exit, _Exit, abort).
 */
#ifndef _STDLIB_H_
#define _STDLIB_H_

#define __need_size_t
#define __need_wchar_t
#define __need_NULL
#include <stddef.h>

#define EXIT_SUCCESS	0
#define EXIT_FAILURE	1
#define RAND_MAX	0x7fffffff

typedef struct {
	int	quot;
	int	rem;
} div_t;

typedef struct {
	long	quot;
	long	rem;
} ldiv_t;

typedef struct {
	long long	quot;
	long long	rem;
} lldiv_t;

int	 abs(int);
long	 labs(long);
long long llabs(long long);
div_t	 div(int, int);
ldiv_t	 ldiv(long, long);
lldiv_t	 lldiv(long long, long long);

int	 atoi(const char *);
long	 atol(const char *);
long long atoll(const char *);
long	 strtol(const char * __restrict, char ** __restrict, int);
long long strtoll(const char * __restrict, char ** __restrict, int);
unsigned long strtoul(const char * __restrict, char ** __restrict, int);
unsigned long long strtoull(const char * __restrict, char ** __restrict,
	    int);
double	 atof(const char *);
double	 strtod(const char * __restrict, char ** __restrict);
float	 strtof(const char * __restrict, char ** __restrict);
long double strtold(const char * __restrict, char ** __restrict);

void	*malloc(size_t);
void	*calloc(size_t, size_t);
void	*realloc(void *, size_t);
void	 free(void *);
int	 posix_memalign(void **, size_t, size_t);
void	*aligned_alloc(size_t, size_t);

void	 qsort(void *, size_t, size_t, int (*)(const void *, const void *));
void	*bsearch(const void *, const void *, size_t, size_t,
	    int (*)(const void *, const void *));

int	 rand(void);
void	 srand(unsigned);

int	 mkstemp(char *);
int	 mkstemps(char *, int);
char	*mkdtemp(char *);
char	*getenv(const char *);
int	 setenv(const char *, const char *, int);
int	 unsetenv(const char *);

void	 abort(void) __attribute__((__noreturn__));
int	 atexit(void (*)(void));
void	 exit(int) __attribute__((__noreturn__));
void	 _Exit(int) __attribute__((__noreturn__));

#endif /* !_STDLIB_H_ */
