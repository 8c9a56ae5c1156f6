/*
 * vmhost.c - what vm/ needs from the machine and the kernel, for the
 * host tests: a "physical memory" buffer, pmap_zero_page over it,
 * interrupt masking that does nothing, panic and KASSERT failures that
 * abort.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include <kernel/systm.h>
#include <kernel/machdep.h>
#include <vm/vm.h>
#include <vm/vm_page.h>
#include <vm/pmap.h>
#include <machine/vmparam.h>
#include "vmhost.h"

char *vmhost_phys;

void
vmhost_phys_alloc(size_t bytes)
{
	/* Untouched pages of an anonymous mapping cost nothing. */
	vmhost_phys = mmap(NULL, bytes, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (vmhost_phys == MAP_FAILED) {
		perror("mmap");
		exit(2);
	}
}

void
pmap_zero_page(vm_page_t m)
{
	memset((void *)PHYS_TO_DMAP(m->phys_addr), 0, PAGE_SIZE);
}

unsigned long
intr_disable(void)
{
	return (0);
}

void
intr_restore(unsigned long saved)
{
	(void)saved;
}

void
panic(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	printf("# panic: ");
	vprintf(fmt, ap);
	printf("\n");
	va_end(ap);
	abort();
}

void
kassert_panic(const char *file, int line, const char *expr,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	printf("# %s:%d: KASSERT(%s) failed: ", file, line, expr);
	vprintf(fmt, ap);
	printf("\n");
	va_end(ap);
	abort();
}
