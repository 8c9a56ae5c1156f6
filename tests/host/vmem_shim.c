/*
 * vmem_shim.c - host stand-ins for the kernel services kernel/subr_vmem.c
 * uses, so that it can run under ASan and UBSan (tests/host/vmem.mk):
 * spin mutexes (checked for recursion and for unlocking an unowned
 * mutex), panic and KASSERT (print, then abort), and a page allocator
 * that hands out page-aligned host memory wired as the kernel's would be.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <kernel/mutex.h>
#include <vm/vm_page.h>

#include "vmem_shim.h"

long	shim_pages_outstanding;
long	shim_pages_allocated;
bool	shim_alloc_fails;
void	(*shim_panic_hook)(void);

static void __dead2
shim_abort(void)
{
	if (shim_panic_hook != NULL)
		shim_panic_hook();
	fflush(stdout);
	abort();
}

void
panic(const char *fmt, ...)
{
	va_list ap;

	printf("panic: ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	shim_abort();
}

void
kassert_panic(const char *file, int line, const char *expr, const char *fmt,
    ...)
{
	va_list ap;

	printf("panic: %s:%d: KASSERT(%s) failed: ", file, line, expr);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	shim_abort();
}

void
mtx_init(struct mtx *m, const char *name)
{
	m->mtx_name = name;
	m->mtx_owned = 0;
	m->mtx_file = NULL;
	m->mtx_line = 0;
}

void
_mtx_lock(struct mtx *m, const char *file, int line)
{
	KASSERT(!m->mtx_owned, ("recursing on mutex %s at %s:%d (held since "
	    "%s:%d)", m->mtx_name, file, line, m->mtx_file, m->mtx_line));
	m->mtx_owned = 1;
	m->mtx_file = file;
	m->mtx_line = line;
}

void
_mtx_unlock(struct mtx *m, const char *file, int line)
{
	KASSERT(m->mtx_owned, ("unlocking unowned mutex %s at %s:%d",
	    m->mtx_name, file, line));
	m->mtx_owned = 0;
	m->mtx_file = NULL;
}

/*
 * The page's "physical address" is its host address (the shim's
 * machine/vmparam.h makes the direct map the identity).  Only the
 * requests vmem makes are supported: wired kernel pages.
 */
vm_page_t
vm_page_alloc_noobj(int req)
{
	vm_page_t m;
	void *page;

	KASSERT((req & VM_ALLOC_WIRED) != 0 &&
	    VM_ALLOC_WREASON_OF(req) == VM_WIRE_KMEM,
	    ("shim: vm_page_alloc_noobj(%#x): not a kmem page", req));
	if (shim_alloc_fails)
		return (NULL);
	m = calloc(1, sizeof(*m));
	page = aligned_alloc(PAGE_SIZE, PAGE_SIZE);
	if (m == NULL || page == NULL)
		panic("shim: host out of memory");
	m->phys_addr = (vm_paddr_t)(uintptr_t)page;
	m->wire_count = 1;
	m->wire_reason = VM_WIRE_KMEM;
	m->oflags = VPO_UNMANAGED;
	shim_pages_outstanding++;
	shim_pages_allocated++;
	return (m);
}

bool
vm_page_unwire_noq(vm_page_t m, enum vm_wire_reason reason)
{
	KASSERT(m->wire_count > 0 && m->wire_reason == reason,
	    ("shim: unwire of page %#llx: wire_count %u reason %u, for %d",
	    (unsigned long long)m->phys_addr, m->wire_count, m->wire_reason,
	    reason));
	if (--m->wire_count > 0)
		return (false);
	m->wire_reason = VM_WIRE_NONE;
	return (true);
}

void
vm_page_free(vm_page_t m)
{
	KASSERT(m->wire_count == 0, ("shim: freeing a wired page"));
	free((void *)(uintptr_t)m->phys_addr);
	free(m);
	shim_pages_outstanding--;
}
