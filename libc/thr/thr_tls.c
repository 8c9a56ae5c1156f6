/*
 * thr_tls.c - the TLS base of the calling thread, which libc points at
 * its thread control block (thr_private.h): sysarch's
 * AMD64_SET_FSBASE on amd64, I386_SET_GSBASE on i386 (the kernel keeps
 * it per thread; sys/_sysarch.h).  New threads get theirs from thr_new.
 */
#include <errno.h>
#include <stdint.h>
#include <sys/_sysarch.h>

#include "libc_syscalls.h"
#include "thr_private.h"

/* See thr_private.h. */
int
__thr_set_tls(struct pthread *tcb)
{
#ifdef __x86_64__
	uint64_t base = (uintptr_t)tcb;

	if (__sys_sysarch(AMD64_SET_FSBASE, &base) != 0)
		return (errno);
#else
	uint32_t base = (uintptr_t)tcb;

	if (__sys_sysarch(I386_SET_GSBASE, &base) != 0)
		return (errno);
#endif
	return (0);
}
