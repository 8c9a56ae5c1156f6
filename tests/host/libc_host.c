/*
 * libc_host.c - the environment the libc host tests give libc: its one
 * hook, __libc_morecore, over the host's mmap, with the controls
 * declared in libc_host.h.
 */
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>

#include "libc_host.h"

#define PAGE		4096
/* The contiguous arena; address space only, pages come when touched. */
#define ARENA_SIZE	((size_t)1 << 30)

void	*__libc_morecore(size_t len);

bool	libc_host_scattered;
size_t	libc_host_budget = SIZE_MAX;
size_t	libc_host_morecore_calls;
size_t	libc_host_morecore_bytes;
size_t	libc_host_contract_violations;

static char	*arena;
static size_t	arena_used;

static void *
scattered_chunk(size_t len)
{
	char *p;

	p = mmap(NULL, len + PAGE, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return (NULL);
	mprotect(p + len, PAGE, PROT_NONE);
	return (p);
}

static void *
arena_chunk(size_t len)
{
	void *p;

	if (arena == NULL) {
		p = mmap(NULL, ARENA_SIZE, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
		if (p == MAP_FAILED)
			return (NULL);
		arena = p;
	}
	if (len > ARENA_SIZE - arena_used)
		return (NULL);
	p = arena + arena_used;
	arena_used += len;
	return (p);
}

/* The hook libc's malloc calls; its contract is in libc/libc_private.h. */
void *
__libc_morecore(size_t len)
{
	void *p;

	libc_host_morecore_calls++;
	if (len == 0 || len % PAGE != 0)
		libc_host_contract_violations++;
	if (len > libc_host_budget)
		return (NULL);
	p = libc_host_scattered ? scattered_chunk(len) : arena_chunk(len);
	if (p != NULL) {
		libc_host_budget -= libc_host_budget == SIZE_MAX ? 0 : len;
		libc_host_morecore_bytes += len;
		/* Dirty, as the contract allows: malloc must not expect zeros. */
		memset(p, 0xa5, len);
	}
	return (p);
}
