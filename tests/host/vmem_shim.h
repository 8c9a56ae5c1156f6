/*
 * vmem_shim.h - what the vmem host test can see and steer of the kernel
 * pieces that tests/host/vmem_shim.c stands in for: the page allocator
 * (host pages from aligned_alloc, counted, with injected failures) and
 * panics (KASSERT) that abort the program after a hook has printed the
 * test's context (its seed).
 */
#ifndef _TESTS_HOST_VMEM_SHIM_H_
#define _TESTS_HOST_VMEM_SHIM_H_

#include <stdbool.h>

/* Pages handed out by vm_page_alloc_noobj and not yet freed. */
extern long	shim_pages_outstanding;
/* Pages handed out in all. */
extern long	shim_pages_allocated;
/* While true, vm_page_alloc_noobj fails (returns NULL). */
extern bool	shim_alloc_fails;
/* Called before a panic aborts the program (may be NULL). */
extern void	(*shim_panic_hook)(void);

#endif /* !_TESTS_HOST_VMEM_SHIM_H_ */
