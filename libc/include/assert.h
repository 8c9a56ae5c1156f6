/*
 * assert.h - diagnostics (C11 7.2).  Not guarded: each inclusion
 * defines assert anew, as NDEBUG is then (C requires it).
 *
 * A failed assertion prints "Assertion failed: (EXPR), function F,
 * file FILE, line N." on stderr (FreeBSD's words) and calls abort().
 */
#undef assert

#ifdef NDEBUG
#define assert(e)	((void)0)
#else
#define assert(e)	((e) ? (void)0 : \
			    __assert(__func__, __FILE__, __LINE__, #e))
#endif

#ifndef _ASSERT_H_
#define _ASSERT_H_

#define static_assert	_Static_assert

void	__assert(const char *func, const char *file, int line,
	    const char *expr) __attribute__((__noreturn__));

#endif /* !_ASSERT_H_ */
