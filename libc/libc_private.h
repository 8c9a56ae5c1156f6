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

/* The size of a page, the unit of mmap: 4 KiB on i386 and amd64. */
#define LIBC_PAGE_SIZE	4096

#endif /* !_LIBC_PRIVATE_H_ */
