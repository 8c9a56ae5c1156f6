/*
 * pmap_kernel.c - the i386 kernel's own mappings after boot: the kernel
 * VA arena (pmap_kenter, pmap_kremove, pmap_mapdev_attr) and access to
 * any page of RAM (pmap_zero_page, pmap_copy_page, pmap_quick_enter_page).
 *
 * Pages inside the direct window are reached there.  RAM above it
 * (512 MiB .. 4 GiB) has no permanent mapping: such a page is mapped
 * for a moment at one of this CPU's temporary addresses
 * (PMAP_TMPMAP_VA), with pmap_tmpmap_mtx held.  That mutex masks
 * interrupts, so an interrupt handler can zero or copy pages too and
 * never finds a slot in use; each slot is flushed with invlpg when it is
 * emptied, so the next user never sees a stale translation.
 *
 * Arena mappings count in kernel_pmap's statistics; pmap_kenter's are
 * wired (PG_W), global and never managed.  Lock order: kernel pmap lock,
 * then vm_free_mtx; pmap_tmpmap_mtx is a leaf.
 */
#include <kernel/systm.h>
#include <kernel/mutex.h>
#include <vm/vm.h>
#include <vm/vm_page.h>
#include <vm/vm_kern.h>
#include <vm/pmap.h>
#include <machine/vmparam.h>
#include <x86/pat.h>

static struct mtx pmap_tmpmap_mtx = MTX_INITIALIZER("pmap tmpmap");

/* pagecopy: copy one page between kernel addresses. */
static inline void
pagecopy(void *dst, const void *src)
{
	int edi, esi, ecx;

	__asm__ volatile("rep movsl"
	    : "=D"(edi), "=S"(esi), "=c"(ecx)
	    : "0"(dst), "1"(src), "2"(PAGE_SIZE / 4)
	    : "memory");
}

/*
 * Map physical `pa` at this CPU's temporary slot `slot`; returns the
 * address.  pmap_tmpmap_mtx held (interrupts off, so no one else uses
 * the slot until pmap_tmpmap_remove).
 */
static void *
pmap_tmpmap_enter(int slot, vm_paddr_t pa)
{
	vm_offset_t va;
	pt_entry_t *pte;

	mtx_assert(&pmap_tmpmap_mtx, MA_OWNED);
	va = PMAP_TMPMAP_VA(0, slot);
	pte = pmap_pte(kernel_pmap, va);
	KASSERT(*pte == 0, ("pmap: temporary slot %d in use", slot));
	/* Not present before, so no TLB entry to flush first. */
	*pte = (pt_entry_t)pa | PG_V | PG_RW | PG_A | PG_M;
	return ((void *)va);
}

static void
pmap_tmpmap_remove(int slot)
{
	vm_offset_t va;

	mtx_assert(&pmap_tmpmap_mtx, MA_OWNED);
	va = PMAP_TMPMAP_VA(0, slot);
	*pmap_pte(kernel_pmap, va) = 0;
	pmap_invalidate_page(kernel_pmap, va);
}

/*
 * pmap_zero_page (vm/pmap.h): through the direct window, or a temporary
 * mapping for RAM above it.  Any context, interrupt handlers included.
 */
void
pmap_zero_page(vm_page_t m)
{
	vm_paddr_t pa = VM_PAGE_TO_PHYS(m);

	if (pa < pmap_direct_end) {
		pagezero((void *)PHYS_TO_DMAP(pa));
		return;
	}
	mtx_lock(&pmap_tmpmap_mtx);
	pagezero(pmap_tmpmap_enter(0, pa));
	pmap_tmpmap_remove(0);
	mtx_unlock(&pmap_tmpmap_mtx);
}

/*
 * pmap_copy_page (vm/pmap.h): each side through the direct window or a
 * temporary mapping of its own.  Any context.
 */
void
pmap_copy_page(vm_page_t src, vm_page_t dst)
{
	vm_paddr_t spa = VM_PAGE_TO_PHYS(src), dpa = VM_PAGE_TO_PHYS(dst);
	bool shigh = spa >= pmap_direct_end, dhigh = dpa >= pmap_direct_end;
	void *s, *d;

	if (!shigh && !dhigh) {
		pagecopy((void *)PHYS_TO_DMAP(dpa), (void *)PHYS_TO_DMAP(spa));
		return;
	}
	mtx_lock(&pmap_tmpmap_mtx);
	s = shigh ? pmap_tmpmap_enter(0, spa) : (void *)PHYS_TO_DMAP(spa);
	d = dhigh ? pmap_tmpmap_enter(1, dpa) : (void *)PHYS_TO_DMAP(dpa);
	pagecopy(d, s);
	if (shigh)
		pmap_tmpmap_remove(0);
	if (dhigh)
		pmap_tmpmap_remove(1);
	mtx_unlock(&pmap_tmpmap_mtx);
}

/*
 * pmap_copy_to_page (vm/pmap.h): through the direct window, or a
 * temporary mapping for RAM above it.  Any context.
 */
void
pmap_copy_to_page(const void *src, vm_page_t m, size_t len)
{
	vm_paddr_t pa = VM_PAGE_TO_PHYS(m);
	char *dst;

	KASSERT(len <= PAGE_SIZE, ("pmap_copy_to_page: %zu bytes", len));
	if (pa < pmap_direct_end) {
		dst = (char *)PHYS_TO_DMAP(pa);
		memcpy(dst, src, len);
		memset(dst + len, 0, PAGE_SIZE - len);
		return;
	}
	mtx_lock(&pmap_tmpmap_mtx);
	dst = pmap_tmpmap_enter(0, pa);
	memcpy(dst, src, len);
	memset(dst + len, 0, PAGE_SIZE - len);
	pmap_tmpmap_remove(0);
	mtx_unlock(&pmap_tmpmap_mtx);
}

/*
 * pmap_quick_enter_page (vm/pmap.h): the direct window, or temporary
 * slot 0 with pmap_tmpmap_mtx held (interrupts off) until
 * pmap_quick_remove_page.
 */
vm_offset_t
pmap_quick_enter_page(vm_page_t m)
{
	vm_paddr_t pa = VM_PAGE_TO_PHYS(m);

	if (pa < pmap_direct_end)
		return (PHYS_TO_DMAP(pa));
	mtx_lock(&pmap_tmpmap_mtx);
	return ((vm_offset_t)pmap_tmpmap_enter(0, pa));
}

void
pmap_quick_remove_page(vm_offset_t va)
{
	if (va != PMAP_TMPMAP_VA(0, 0))
		return;
	pmap_tmpmap_remove(0);
	mtx_unlock(&pmap_tmpmap_mtx);
}

/*
 * pmap_kenter_attr (vm/pmap.h): a wired, global, read/write mapping in
 * the kernel VA arena, counted in kernel_pmap's statistics; replaces
 * (and flushes) an earlier unmanaged mapping of `va`.  Takes the kernel
 * pmap's lock; any context.
 */
void
pmap_kenter_attr(vm_offset_t va, vm_paddr_t pa, vm_memattr_t ma)
{
	pt_entry_t *pte, origpte;

	KASSERT(va >= VM_KVA_START && va < VM_KVA_END &&
	    (va & PAGE_MASK) == 0, ("pmap_kenter: %#lx is not in the arena",
	    (u_long)va));
	KASSERT((pa & PAGE_MASK) == 0 && pa < VM_PHYS_MAX_PA,
	    ("pmap_kenter: bad physical address %#llx",
	    (unsigned long long)pa));
	mtx_lock(&kernel_pmap->pm_mtx);
	pte = pmap_pte(kernel_pmap, va);
	origpte = *pte;
	KASSERT((origpte & PG_MANAGED) == 0,
	    ("pmap_kenter: %#lx holds a managed mapping", (u_long)va));
	if ((origpte & PG_V) == 0)
		kernel_pmap->pm_stats.resident_count++;
	if ((origpte & PG_W) == 0)
		kernel_pmap->pm_stats.wired_count++;
	*pte = (pt_entry_t)pa | PG_V | PG_RW | PG_A | PG_M | PG_W |
	    pmap_pg_g | (pt_entry_t)pat_pte_bits(ma, false);
	if ((origpte & PG_V) != 0)
		pmap_invalidate_page(kernel_pmap, va);
	mtx_unlock(&kernel_pmap->pm_mtx);
}

/* pmap_kenter (vm/pmap.h): pmap_kenter_attr with write-back caching. */
void
pmap_kenter(vm_offset_t va, vm_paddr_t pa)
{
	pmap_kenter_attr(va, pa, VM_MEMATTR_DEFAULT);
}

/*
 * pmap_kremove (vm/pmap.h): remove whatever maps `va` in the arena, as
 * pmap_remove of one page does.  Takes the kernel pmap's lock.
 */
void
pmap_kremove(vm_offset_t va)
{
	pmap_remove(kernel_pmap, va, va + PAGE_SIZE);
}

/*
 * pmap_mapdev_attr (vm/pmap.h): kernel VA from kva_alloc, one
 * pmap_kenter_attr per page.  Physical addresses are 32 bits (no PAE).
 */
void *
pmap_mapdev_attr(vm_paddr_t pa, vm_size_t size, vm_memattr_t ma)
{
	vm_paddr_t base;
	vm_offset_t va;
	vm_size_t off, len, i;

	if (pa >= VM_PHYS_MAX_PA || size > VM_PHYS_MAX_PA - pa)
		return (NULL);
	base = pa & ~(vm_paddr_t)PAGE_MASK;
	off = (vm_size_t)(pa - base);
	len = round_page(off + size);
	va = kva_alloc(len);
	if (va == 0)
		return (NULL);
	for (i = 0; i < len; i += PAGE_SIZE)
		pmap_kenter_attr(va + i, base + i, ma);
	return ((void *)(va + off));
}

/* pmap_unmapdev (vm/pmap.h): undo pmap_mapdev_attr(pa, size). */
void
pmap_unmapdev(void *p, vm_size_t size)
{
	vm_offset_t va = (vm_offset_t)p, base;
	vm_size_t len;

	base = trunc_page(va);
	len = round_page(va - base + size);
	pmap_remove(kernel_pmap, base, base + len);
	kva_free(base, len);
}
