/*
 * libc_private.h - libc's internal interfaces between its parts, and
 * the hooks the system-dependent part (crt0, system-call wrappers)
 * provides or calls.  Not installed; user programs never see it.
 * Sources include it as "libc_private.h" (libc/ is on the include path).
 */
#ifndef _LIBC_PRIVATE_H_
#define _LIBC_PRIVATE_H_

#include <stddef.h>

/*
 * __libc_morecore: the heap's only source of memory (stdlib/malloc.c).
 * Provided outside the machine-independent code: over mmap(MAP_ANON)
 * in the running system, over the host's mmap in the host tests.
 *
 * Contract: len is a nonzero multiple of MORECORE_PAGE.  Return a
 * pointer aligned to MORECORE_PAGE to len bytes of readable, writable
 * memory that malloc owns from then on (it is never given back), or
 * NULL if there is none.  The contents need not be zero.  Successive
 * calls may return memory anywhere; when one returns the address just
 * past the previous one's end, malloc joins the two.  errno need not be
 * set: malloc reports ENOMEM itself.
 */
#define MORECORE_PAGE	4096
void	*__libc_morecore(size_t len);

/*
 * __libc_run_atexit: call the functions registered with atexit(), the
 * last registered first, each once (stdlib/atexit.c).  exit() calls it
 * before flushing streams and leaving through the exit system call.
 * Each function is taken off the list before it is called, so if one
 * calls exit() (undefined in C), the nested call runs only the rest and
 * none runs twice.
 */
void	__libc_run_atexit(void);

/*
 * __libc_start: called by crt0 (arch/<ARCH>/crt0.asm) with argc, argv
 * and envp as exec laid them out, on an ABI-aligned stack.  Sets
 * environ, calls main(argc, argv, envp) and exit()s with its result:
 * so returning from main runs the atexit functions and flushes stdio.
 */
void	__libc_start(int argc, char **argv, char **envp)
	    __attribute__((__noreturn__));

/*
 * __vdso_timekeep: the clock's record in the shared page (sys/_timekeep.h),
 * from the auxiliary vector's AT_TIMEKEEP (__libc_start), or NULL if
 * exec gave none.  __vdso_clock_gettime: clock `id` from it without a
 * system call (sys/__vdso_gettime.c): 0 and *ts set, or ENOSYS when
 * the caller must make the system call (a clock it does not cover, no
 * record, the kernel says it is not usable, or the record kept
 * changing while it was read).  Any thread; never enters the kernel;
 * a bad ts faults (SIGSEGV), as FreeBSD's does.
 */
struct vdso_timekeep;
struct timespec;
extern const struct vdso_timekeep *__vdso_timekeep;
int	__vdso_clock_gettime(int id, struct timespec *ts);

/*
 * __dtoa_exact: the exact decimal value of a finite double (every
 * double is a finite decimal fraction; stdlib/dtoa.c).  Writes the
 * significant digits of |x| into buf, which must hold DTOA_BUFSIZE
 * bytes, and returns where they start: *ndigits digits, without
 * leading or trailing zeros (0 digits for a zero), with |x| =
 * 0.DIGITS x 10^*decpt.  Not NUL-terminated.  Pure; no errors.
 */
#define DTOA_BUFSIZE	1100
char	*__dtoa_exact(double x, char *buf, int *ndigits, int *decpt);

/*
 * __strtod_parse: the subject sequence of a floating-point number at s
 * (after white space and sign, which the caller skipped: C11 7.22.1.3),
 * decimal or hexadecimal, read exactly (stdlib/strtod_core.c).  On
 * success it returns the end of the number and fills *res: zero, or a
 * 64-bit significand with its top bit set, the power of two of that
 * bit, and whether any nonzero bits were cut off below; infinities and
 * NaNs (with an optional "(chars)") are reported as such.  A decimal
 * number too large for any double is INF with exponent 1, one too
 * small ZERO with sticky 1 (a range error for the caller).  No number
 * there: NULL.  Pure; never sets errno.
 */
struct strtod_result {
	enum { STRTOD_ZERO, STRTOD_FINITE, STRTOD_INF, STRTOD_NAN } kind;
	unsigned long long significand;	/* top bit set when FINITE */
	int		exponent;	/* value = significand * 2^(exponent - 63) */
	int		sticky;		/* nonzero bits below the significand */
};
const char *__strtod_parse(const char *s, struct strtod_result *res);

/*
 * Locks inside libc (gen/libc_lock.c), for the heap and stdio once a
 * program has threads: a word that is 0 (free), 1 (held) or 2 (held,
 * maybe with waiters), taken with an atomic exchange and waited on
 * with _umtx_op (Drepper's "futexes are tricky", mutex 2).  An
 * uncontended lock costs one atomic instruction and no system call, so
 * a program without threads pays almost nothing.  __libc_lock and
 * __libc_unlock: plain; __libc_rlock and __libc_runlock: recursive,
 * the holder being __libc_self().  None sets errno.
 *
 * __libc_futex_lock, __libc_futex_unlock: the same on a bare word
 * (pthread mutexes).  __libc_futex_wait: _umtx_op(UMTX_OP_WAIT_UINT
 * _PRIVATE) on `word` while it is `val`, until `abstime` on clock
 * `clockid` (NULL: no timeout); returns 0, EINTR or ETIMEDOUT and
 * keeps errno.  __libc_futex_wake: wake at most n waiters of `word`.
 */
struct timespec;
struct __libc_lock {
	volatile unsigned int	lk_word;
	void			*lk_owner;	/* recursive ones */
	unsigned int		lk_depth;
};
#define LIBC_LOCK_INITIALIZER	{ 0, NULL, 0 }
void	__libc_lock(struct __libc_lock *lk);
void	__libc_unlock(struct __libc_lock *lk);
void	__libc_rlock(struct __libc_lock *lk);
int	__libc_rtrylock(struct __libc_lock *lk);	/* 0: taken */
void	__libc_runlock(struct __libc_lock *lk);
void	__libc_futex_lock(volatile unsigned int *word);
void	__libc_futex_unlock(volatile unsigned int *word);
int	__libc_futex_wait(volatile unsigned int *word, unsigned int val,
	    const struct timespec *abstime, int clockid);
void	__libc_futex_wake(volatile unsigned int *word, int n);

/*
 * The calling thread: what pthread_self() returns once the program has
 * threads (thr/), a constant until then.  The hooks are NULL until the
 * first pthread_create, which sets them: __libc_self_hook returns the
 * thread, __libc_errno_hook the thread's errno (gen/errno.c).
 */
extern void	*(*__libc_self_hook)(void);
extern int	*(*__libc_errno_hook)(void);
void	*__libc_self(void);

/*
 * The heap's lock (stdlib/malloc.c) and stdio's (stdio/local.h), for
 * fork (sys/fork.c): taken before the child is made and let go in both
 * processes after, so the child never starts with one held by a thread
 * it does not have.  stdio's is taken first (stdio calls malloc).
 */
extern struct __libc_lock __malloc_lock;
extern struct __libc_lock __stdio_lock;

/*
 * fork's side of threads (thr/pthread.c): __libc_fork_prepare takes
 * libc's locks (stdio's, the heap's, the threads' own); after the fork
 * __libc_fork_parent lets them go, and __libc_fork_child too, after
 * making the child's one thread the only one libc knows of.
 */
void	__libc_fork_prepare(void);
void	__libc_fork_parent(void);
void	__libc_fork_child(void);

/* The size of a page, the unit of mmap: 4 KiB on i386 and amd64. */
#define LIBC_PAGE_SIZE	4096

#endif /* !_LIBC_PRIVATE_H_ */
