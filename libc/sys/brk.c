/*
 * brk.c - brk(2) and sbrk(2) over the kernel's break(2), which moves the
 * end of the data segment (whole pages) and, given NULL, tells where it
 * is.  libc keeps the break to the byte, as FreeBSD's does: the first
 * call learns the kernel's (the page after the bss), which is also the
 * lowest break there can be.
 */
#include <errno.h>
#include <stdint.h>
#include <unistd.h>

#include "libc_syscalls.h"

static uintptr_t curbrk, minbrk;

/* Learn the first break, once.  0, or -1 with errno set. */
static int
initbrk(void)
{
	void *brk0;

	if (minbrk != 0)
		return (0);
	if ((brk0 = __sys_break(NULL)) == (void *)-1)
		return (-1);
	curbrk = minbrk = (uintptr_t)brk0;
	return (0);
}

/* Move the break to `addr`; the old one, or (void *)-1 with errno set. */
static void *
movebrk(uintptr_t addr)
{
	uintptr_t old;

	if (__sys_break((void *)addr) == (void *)-1)
		return ((void *)-1);
	old = curbrk;
	curbrk = addr;
	return ((void *)old);
}

/*
 * Set the break to addr (not below the first break: it is raised to
 * that).  0, or -1 with errno ENOMEM (past RLIMIT_DATA or RLIMIT_AS, or
 * into another mapping).
 */
int
brk(const void *addr)
{
	if (initbrk() != 0)
		return (-1);
	if ((uintptr_t)addr < minbrk)
		addr = (const void *)minbrk;
	return (movebrk((uintptr_t)addr) == (void *)-1 ? -1 : 0);
}

/*
 * Move the break by incr bytes; the old break (with incr 0, the
 * current one), or (void *)-1 with errno ENOMEM (as brk, or an
 * overflow) or EINVAL (below the first break).
 */
void *
sbrk(intptr_t incr)
{
	uintptr_t new;

	if (initbrk() != 0)
		return ((void *)-1);
	new = curbrk + (uintptr_t)incr;
	if ((incr > 0 && new < curbrk) || (incr < 0 && new > curbrk)) {
		errno = ENOMEM;
		return ((void *)-1);
	}
	if (new < minbrk) {
		errno = EINVAL;
		return ((void *)-1);
	}
	return (movebrk(new));
}
