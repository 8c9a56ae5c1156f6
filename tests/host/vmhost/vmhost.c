/*
 * vmhost.c - what vm/ needs from the machine and the kernel, for the
 * host tests: "physical memory" (a buffer; when the host allows, a
 * memfd, so a page of it can also be mapped at a second address), a
 * kernel VA arena inside the test program's address space where
 * pmap_kenter maps those pages, interrupt masking that does nothing, a
 * clock that ticks when idled, panic and KASSERT failures that abort.
 * The pmap itself is pmap_fake.c.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <asm/unistd.h>	/* __NR_memfd_create: <sys/syscall.h> is Vise's here */

#include <kernel/systm.h>
#include <kernel/machdep.h>
#include <kernel/clock.h>
#include <vm/vm.h>
#include <vm/vm_page.h>
#include <vm/vm_phys.h>
#include <vm/vm_kern.h>
#include <vm/pmap.h>
#include <machine/vmparam.h>
#include "vmhost.h"
#include "pmap_fake.h"

/* kernel/malloc.h would clash with <stdlib.h>: only this is needed. */
void	malloc_init(void);

/* Linux's lseek whences, which <unistd.h> shows only to _GNU_SOURCE. */
#ifndef SEEK_DATA
#define SEEK_DATA	3
#define SEEK_HOLE	4
#endif

/* The size of the pretend kernel VA arena. */
#define VMHOST_KVA_SIZE	(256UL << 20)

char *vmhost_phys;
static size_t vmhost_phys_size;
static int vmhost_phys_fd = -1;		/* the memfd behind it, or -1 */
unsigned long vmhost_kva_start, vmhost_kva_end;

void
vmhost_phys_alloc(size_t bytes)
{
	void *p;

	/* memfd_create(2), without needing _GNU_SOURCE before cdefs.h. */
	vmhost_phys_fd = (int)syscall(__NR_memfd_create, "vmhost-ram", 0);
	if (vmhost_phys_fd >= 0 && ftruncate(vmhost_phys_fd, bytes) != 0) {
		close(vmhost_phys_fd);
		vmhost_phys_fd = -1;
	}
	if (vmhost_phys_fd >= 0)
		p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_SHARED,
		    vmhost_phys_fd, 0);
	else
		/* Untouched pages of an anonymous mapping cost nothing. */
		p = mmap(NULL, bytes, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (p == MAP_FAILED) {
		perror("mmap");
		exit(2);
	}
	vmhost_phys = p;
	vmhost_phys_size = bytes;
}

bool
vmhost_is_dmap(vm_offset_t va)
{
	return (vmhost_phys != NULL && va >= (vm_offset_t)vmhost_phys &&
	    va < (vm_offset_t)vmhost_phys + vmhost_phys_size);
}

bool
vmhost_kva_real(void)
{
	return (vmhost_phys_fd >= 0);
}

/* vmhost_kva_init: reserve the arena, inaccessible until mapped. */
void
vmhost_kva_init(void)
{
	void *p;

	if (vmhost_kva_start != 0)
		return;
	p = mmap(NULL, VMHOST_KVA_SIZE, PROT_NONE,
	    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (p == MAP_FAILED) {
		perror("mmap (kernel VA)");
		exit(2);
	}
	vmhost_kva_start = (unsigned long)p;
	vmhost_kva_end = vmhost_kva_start + VMHOST_KVA_SIZE;
}

/* Make RAM page `pa` visible at kernel VA `va` (when the host can). */
void
vmhost_kva_map(vm_offset_t va, vm_paddr_t pa)
{
	if (vmhost_phys_fd < 0 || pa + PAGE_SIZE > vmhost_phys_size)
		return;
	if (mmap((void *)va, PAGE_SIZE, PROT_READ | PROT_WRITE,
	    MAP_SHARED | MAP_FIXED, vmhost_phys_fd, (off_t)pa) == MAP_FAILED) {
		perror("mmap (kenter)");
		abort();
	}
}

/* Make kernel VA `va` inaccessible again. */
void
vmhost_kva_unmap(vm_offset_t va)
{
	if (vmhost_phys_fd < 0)
		return;
	if (mmap((void *)va, PAGE_SIZE, PROT_NONE, MAP_PRIVATE |
	    MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED, -1, 0) == MAP_FAILED) {
		perror("mmap (kremove)");
		abort();
	}
}

/*
 * vmhost_fork_child: see vmhost.h.  A new memfd gets a copy of the data
 * extents of the old one (holes stay holes) and replaces it at the same
 * address; then the kernel mappings are made again over it.
 */
void
vmhost_fork_child(void)
{
	off_t data, hole, size = (off_t)vmhost_phys_size;
	int fd;

	if (vmhost_phys_fd < 0)
		return;		/* a private mapping: fork copied it */
	fd = (int)syscall(__NR_memfd_create, "vmhost-ram-child", 0);
	if (fd < 0 || ftruncate(fd, size) != 0) {
		perror("memfd (fork child)");
		abort();
	}
	for (data = 0; data < size; data = hole) {
		data = lseek(vmhost_phys_fd, data, SEEK_DATA);
		if (data < 0)
			break;		/* no data beyond */
		hole = lseek(vmhost_phys_fd, data, SEEK_HOLE);
		if (hole < 0 || hole > size)
			hole = size;
		if (pwrite(fd, vmhost_phys + data, (size_t)(hole - data),
		    data) != hole - data) {
			perror("pwrite (fork child)");
			abort();
		}
	}
	if (mmap(vmhost_phys, vmhost_phys_size, PROT_READ | PROT_WRITE,
	    MAP_SHARED | MAP_FIXED, fd, 0) == MAP_FAILED) {
		perror("mmap (fork child)");
		abort();
	}
	close(vmhost_phys_fd);
	vmhost_phys_fd = fd;
	pmap_fake_kva_remap();
}

void
vmhost_boot(size_t bytes)
{
	vmhost_phys_alloc(bytes);
	vm_phys_add_seg(0, bytes);
	vm_phys_exclude(0, PAGE_SIZE);
	vm_page_startup();
	pmap_init();
	kmem_init();
	malloc_init();
}

/*
 * The clock (kernel/kern_clock.c): no interrupts on the host, so
 * cpu_idle() stands for "an interrupt came" and advances it
 * (kern_synch.c's tsleep with a timeout then returns after `timo`
 * turns, without waiting).
 */
void
cpu_idle(void)
{
	hardclock();
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
	fflush(stdout);
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
	fflush(stdout);
	abort();
}
