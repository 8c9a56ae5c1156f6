/*
 * vm_kern.c - kernel memory: the kernel's VA arena and wired kernel
 * pages (SEMANTICS R32; see vm/vm_kern.h).
 *
 * kmem is wired at page level: every page behind a kmem allocation
 * holds exactly one wiring, reason VM_WIRE_KMEM, taken when the page is
 * allocated (VM_ALLOC_WIRED) and dropped just before it is freed; its
 * mapping is a wired kernel PTE (pmap_kenter).  There is no kernel map
 * entry to wire or unwire.
 *
 * Locking: none of its own.  kernel_arena's lock, the kernel pmap's
 * lock and vm_free_mtx are taken inside the functions called, one at a
 * time.  Nothing here sleeps.
 */
#include <kernel/systm.h>
#include <kernel/vmem.h>
#include <vm/vm.h>
#include <vm/vm_page.h>
#include <vm/vm_kern.h>
#include <vm/pmap.h>
#include <machine/vmparam.h>

vmem_t *kernel_arena;

/*
 * kmem_init: see vm_kern.h.  The arena's quantum is a page.  Boot only,
 * after pmap_init() (the arena's tags may need a page).
 */
void
kmem_init(void)
{
	kernel_arena = vmem_create("kernel arena", VM_KVA_START,
	    VM_KVA_END - VM_KVA_START, PAGE_SIZE, M_WAITOK);
	if (kernel_arena == NULL)
		panic("kmem_init: cannot create the kernel arena");
}

/* Page allocation request for kmem_malloc flags (FreeBSD malloc2vm_flags). */
static int
kmem_page_req(int flags, enum vm_wire_reason reason)
{
	int req;

	req = VM_ALLOC_WIRED | VM_ALLOC_WREASON(reason);
	req |= (flags & M_USE_RESERVE) != 0 ? VM_ALLOC_INTERRUPT :
	    VM_ALLOC_SYSTEM;
	if ((flags & M_ZERO) != 0)
		req |= VM_ALLOC_ZERO;
	return (req);
}

/*
 * kmem_unback: see vm_kern.h.  The PTE goes first, so no mapping of a
 * page outlives its wiring (R32).
 */
void
kmem_unback(vm_offset_t addr, vm_size_t size, enum vm_wire_reason reason)
{
	vm_offset_t va;
	vm_paddr_t pa;
	vm_page_t m;

	for (va = addr; va < addr + size; va += PAGE_SIZE) {
		pa = pmap_kextract(va);
		m = pa != 0 ? PHYS_TO_VM_PAGE(pa) : NULL;
		if (m == NULL)
			panic("kmem: %#lx is not backed by a page of RAM",
			    (u_long)va);
		pmap_kremove(va);
		if (!vm_page_unwire_noq(m, reason))
			panic("kmem: page %#llx at %#lx has more than one "
			    "wiring", (unsigned long long)pa, (u_long)va);
		vm_page_free(m);
	}
}

/* kmem_back: see vm_kern.h. */
bool
kmem_back(vm_offset_t addr, vm_size_t size, int flags,
    enum vm_wire_reason reason)
{
	vm_offset_t va;
	vm_page_t m;
	int req = kmem_page_req(flags, reason);

	for (va = addr; va < addr + size; va += PAGE_SIZE) {
		m = vm_page_alloc_noobj(req);
		if (m == NULL) {
			kmem_unback(addr, va - addr, reason);
			return (false);
		}
		pmap_kenter(va, VM_PAGE_TO_PHYS(m));
	}
	return (true);
}

/*
 * kmem_malloc: see vm_kern.h.  flags: M_NOWAIT or M_WAITOK, M_ZERO,
 * M_USE_RESERVE.  There is no vm_wait yet, so M_WAITOK cannot wait for
 * the page daemon: a shortage panics instead, with what was asked.
 * Takes the arena, pmap and page-queue locks in turn; never sleeps.
 */
vm_offset_t
kmem_malloc(vm_size_t size, int flags)
{
	vmem_addr_t addr;

	KASSERT(((flags & M_NOWAIT) != 0) != ((flags & M_WAITOK) != 0),
	    ("kmem_malloc: one of M_NOWAIT and M_WAITOK (%#x)", flags));
	KASSERT(size > 0, ("kmem_malloc: size 0"));
	size = round_page(size);
	if (vmem_alloc(kernel_arena, size, M_BESTFIT | (flags & M_USE_RESERVE),
	    &addr) != 0)
		goto fail;
	if (pmap_growkernel(addr + size) != 0 || !kmem_back(addr, size, flags,
	    VM_WIRE_KMEM)) {
		vmem_free(kernel_arena, addr, size);
		goto fail;
	}
	return (addr);
fail:
	if ((flags & M_WAITOK) != 0)
		panic("kmem_malloc: no memory for %lu pages (M_WAITOK, and "
		    "there is no vm_wait yet)", (u_long)atop(size));
	return (0);
}

/*
 * kmem_free: see vm_kern.h.  Panics if a page of the range is not
 * mapped, or if the range is not exactly one kmem_malloc allocation.
 * Never sleeps.
 */
void
kmem_free(vm_offset_t addr, vm_size_t size)
{
	KASSERT((addr & PAGE_MASK) == 0 && addr >= VM_KVA_START &&
	    addr < VM_KVA_END, ("kmem_free: %#lx is not kmem", (u_long)addr));
	size = round_page(size);
	kmem_unback(addr, size, VM_WIRE_KMEM);
	vmem_free(kernel_arena, addr, size);
}

/*
 * kva_alloc: see vm_kern.h.  Only VA: the caller makes sure page tables
 * exist (pmap_growkernel) before entering mappings.  Never sleeps.
 */
vm_offset_t
kva_alloc(vm_size_t size)
{
	vmem_addr_t addr;

	if (vmem_alloc(kernel_arena, round_page(size), M_BESTFIT | M_NOWAIT,
	    &addr) != 0)
		return (0);
	return (addr);
}

/* kva_free: see vm_kern.h.  The range must hold no mappings any more. */
void
kva_free(vm_offset_t addr, vm_size_t size)
{
	vmem_free(kernel_arena, addr, round_page(size));
}
