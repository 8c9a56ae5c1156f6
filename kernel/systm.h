/*
 * systm.h - the kernel's everyday interfaces: printf, panic, KASSERT and
 * the libkern string functions.  Machine-independent.
 */
#ifndef _KERNEL_SYSTM_H_
#define _KERNEL_SYSTM_H_

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <sys/cdefs.h>

/* subr_prf.c: formatting, usable from any context, no locks, no sleep. */
int	kvprintf(const char *fmt, void (*put)(int c, void *arg), void *arg,
	    va_list ap);
int	vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int	snprintf(char *buf, size_t size, const char *fmt, ...) __printflike(3, 4);

/* kern_cons.c: print on every attached console. */
int	printf(const char *fmt, ...) __printflike(1, 2);
int	vprintf(const char *fmt, va_list ap);

/* kern_shutdown.c */
void	panic(const char *fmt, ...) __dead2 __printflike(1, 2);
/* panic_frame: panic with the backtrace starting at (pc, fp), e.g. a trap's. */
void	panic_frame(uintptr_t pc, uintptr_t fp, const char *fmt, ...)
	    __dead2 __printflike(3, 4);
extern const char *panicstr;

#ifdef INVARIANTS
#define KASSERT(exp, msg) do {						\
	if (__predict_false(!(exp)))					\
		kassert_panic(__FILE__, __LINE__, #exp, kassert_fmt msg);\
} while (0)
#else
#define KASSERT(exp, msg) do { } while (0)
#endif
/* Helpers for KASSERT's ("fmt", args) message. */
#define kassert_fmt(...)	__VA_ARGS__
void	kassert_panic(const char *file, int line, const char *expr,
	    const char *fmt, ...) __dead2 __printflike(4, 5);

#define CTASSERT(x)	_Static_assert(x, "compile-time assertion failed")

/* libkern.c: what gcc may call and what the kernel needs. */
void	*memcpy(void *dst, const void *src, size_t len);
void	*memmove(void *dst, const void *src, size_t len);
void	*memset(void *dst, int c, size_t len);
int	memcmp(const void *a, const void *b, size_t len);
size_t	strlen(const char *s);
size_t	strnlen(const char *s, size_t max);
int	strcmp(const char *a, const char *b);
int	strncmp(const char *a, const char *b, size_t len);
char	*strchr(const char *s, int c);
char	*strstr(const char *haystack, const char *needle);
size_t	strlcpy(char *dst, const char *src, size_t size);
char	*strrchr(const char *s, int c);
size_t	strcspn(const char *s, const char *reject);

/*
 * Copying between the kernel and curthread's user address space
 * (kernel/subr_copy.c).  A user range outside the user part of the
 * address space, or a page that cannot be faulted in, gives EFAULT;
 * never a panic.  Thread context; may sleep (a fault may).
 * copyinstr copies a string of at most `maxlen` bytes with its NUL
 * (ENAMETOOLONG if there is none in time); *done gets the bytes copied
 * with the NUL, if done is not NULL.
 */
int	copyin(const void *uaddr, void *kaddr, size_t len);
int	copyout(const void *kaddr, void *uaddr, size_t len);
int	copyinstr(const void *uaddr, char *kaddr, size_t maxlen,
	    size_t *done);

#define howmany(x, y)	(((x) + ((y) - 1)) / (y))
#define roundup(x, y)	((((x) + ((y) - 1)) / (y)) * (y))
#define rounddown(x, y)	(((x) / (y)) * (y))
#define MIN(a, b)	((a) < (b) ? (a) : (b))
#define MAX(a, b)	((a) > (b) ? (a) : (b))

#endif /* !_KERNEL_SYSTM_H_ */
