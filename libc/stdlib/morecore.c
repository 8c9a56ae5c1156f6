/*
 * morecore.c - the heap's source of memory in a running program
 * (malloc.c's one hook, contract in libc_private.h): anonymous private
 * mappings.  The host tests have their own (tests/host/libc_host.c).
 */
#include <sys/mman.h>

#include "libc_private.h"

/* See libc_private.h. */
void *
__libc_morecore(size_t len)
{
	void *p;

	p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANON,
	    -1, 0);
	return (p == MAP_FAILED ? NULL : p);
}
