/*
 * pmap_fake.c - vm/pmap.h for the host build of vm/: a pmap without
 * page tables.  Each mapping is a struct pv_entry kept in its pmap's
 * red-black tree by virtual address, with what a PTE would say (page,
 * protection, PG_W, PG_A, PG_M); a mapping of a managed page is also on
 * the page's pv list (vm_page.pv_list, linked by pv_next as in the real
 * pmaps), so pmap_remove_all and the A/D queries work per page.
 *
 * It keeps pm_stats exact, checks what the real pmaps check (I-PM1 in
 * pmap_unwire, I-PM2 in pmap_release, ranges, a write access to a
 * read-only mapping), and a user pmap holds one wired page (reason
 * VM_WIRE_PGTABLE) as its pretend top-level table, so leaking a pmap
 * leaks a page.  Kernel mappings (pmap_kenter, or pmap_enter on
 * kernel_pmap) inside the host's kernel VA arena also map the page of
 * the pretend RAM there (vmhost_kva_map), so kmem memory is usable.
 *
 * Mapping records come from the C library's calloc: they are the fake's
 * own bookkeeping, not kernel memory.
 *
 * Tests look at and steer it through pmap_fake.h.  One thread; each
 * function takes the pmap's mutex like the real ones, and none sleeps.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kernel/systm.h>
#include <kernel/mutex.h>
#include <sys/_mman.h>
#include <sys/queue.h>
#include <sys/tree.h>
#include <vm/vm.h>
#include <vm/vm_page.h>
#include <vm/pmap.h>
#include <machine/vmparam.h>

#include "pmap_fake.h"
#include "vmhost.h"

/* The user half ends here (VM_MAX_USER_ADDRESS rounded up to 512 GiB). */
#define PMAP_FAKE_USER_END	0x8000000000UL

struct pv_entry {
	pmap_t		pv_pmap;	/* the pmap that maps the page */
	vm_offset_t	pv_va;		/* at this address */
	struct pv_entry	*pv_next;	/* the page's next mapping */
	RB_ENTRY(pv_entry) pv_rb;	/* in pv_pmap->pm_tree */
	vm_page_t	pv_m;		/* the page, or NULL if not RAM */
	vm_paddr_t	pv_pa;
	vm_prot_t	pv_prot;
	bool		pv_wired;
	bool		pv_managed;
	bool		pv_referenced;
	bool		pv_modified;
};

static int
pv_cmp(struct pv_entry *a, struct pv_entry *b)
{
	return (a->pv_va < b->pv_va ? -1 : a->pv_va > b->pv_va);
}

RB_GENERATE_STATIC(pmap_fake_tree, pv_entry, pv_rb, pv_cmp)

struct pmap kernel_pmap_store = {
	.pm_mtx = MTX_INITIALIZER("kernel pmap"),
	.pm_tree = RB_HEAD_INITIALIZER(&kernel_pmap_store.pm_tree),
	.pm_live = true,
};

static LIST_HEAD(, pmap) pmap_fake_pmaps =
    LIST_HEAD_INITIALIZER(pmap_fake_pmaps);
static int pmap_fake_nlive;
static long pmap_fake_npv;
static pmap_t pmap_fake_current;

int	pmap_fake_fail_enter;
int	pmap_fake_fail_pinit;
int	pmap_fake_fail_growkernel;
u_long	pmap_fake_nenter;
u_long	pmap_fake_nremove_all;

/* An injected failure: true on the counter's n-th call. */
static bool
pmap_fake_inject(int *counter)
{
	if (*counter <= 0)
		return (false);
	return (--*counter == 0);
}

static bool
pmap_fake_kva(vm_offset_t va)
{
	return (va >= VM_KVA_START && va < VM_KVA_END);
}

/* Ranges must be page aligned and inside the pmap's half. */
static void
pmap_check_range(pmap_t pmap, vm_offset_t sva, vm_offset_t eva)
{
	KASSERT(sva <= eva && ((sva | eva) & PAGE_MASK) == 0,
	    ("pmap: bad range %#lx-%#lx", (u_long)sva, (u_long)eva));
	KASSERT(pmap->pm_live, ("pmap %p is not initialized or released",
	    pmap));
	if (pmap == kernel_pmap)
		KASSERT(sva >= VM_KVA_START && eva <= VM_KVA_END,
		    ("pmap: kernel range %#lx-%#lx outside the VA arena",
		    (u_long)sva, (u_long)eva));
	else
		KASSERT(eva <= PMAP_FAKE_USER_END, ("pmap: user range "
		    "%#lx-%#lx reaches the kernel", (u_long)sva, (u_long)eva));
}

/* The mapping of page-aligned `va`, or NULL.  pm_mtx held. */
static struct pv_entry *
pv_find(pmap_t pmap, vm_offset_t va)
{
	struct pv_entry key;

	key.pv_va = va;
	return (RB_FIND(pmap_fake_tree, &pmap->pm_tree, &key));
}

/* The first mapping at or above `va`, or NULL.  pm_mtx held. */
static struct pv_entry *
pv_nfind(pmap_t pmap, vm_offset_t va)
{
	struct pv_entry key;

	key.pv_va = va;
	return (RB_NFIND(pmap_fake_tree, &pmap->pm_tree, &key));
}

/* Take `pv` off its page's pv list. */
static void
pv_unlink(struct pv_entry *pv)
{
	struct pv_entry **pp;

	for (pp = &pv->pv_m->pv_list; *pp != NULL; pp = &(*pp)->pv_next) {
		if (*pp == pv) {
			*pp = pv->pv_next;
			pv->pv_next = NULL;
			pmap_fake_npv--;
			return;
		}
	}
	panic("pmap: mapping of %#lx in pmap %p is not on page %#llx's "
	    "pv list", (u_long)pv->pv_va, pv->pv_pmap,
	    (unsigned long long)pv->pv_pa);
}

static void
pv_link(struct pv_entry *pv)
{
	pv->pv_next = pv->pv_m->pv_list;
	pv->pv_m->pv_list = pv;
	pmap_fake_npv++;
}

/*
 * Remove mapping `pv` from `pmap`: counters, the pv list (the page
 * keeps PG_A as PGA_REFERENCED and PG_M as vm_page_dirty, as vm_page.h
 * asks of a pmap), the host mapping of a kernel address.  pm_mtx held.
 */
static void
pmap_remove_pv(pmap_t pmap, struct pv_entry *pv)
{
	RB_REMOVE(pmap_fake_tree, &pmap->pm_tree, pv);
	pmap->pm_stats.resident_count--;
	if (pv->pv_wired)
		pmap->pm_stats.wired_count--;
	if (pv->pv_managed) {
		if (pv->pv_referenced)
			pv->pv_m->aflags |= PGA_REFERENCED;
		if (pv->pv_modified)
			vm_page_dirty(pv->pv_m);
		pv_unlink(pv);
	}
	if (pmap == kernel_pmap && pmap_fake_kva(pv->pv_va))
		vmhost_kva_unmap(pv->pv_va);
	pmap->pm_ninval++;
	free(pv);
}

/*
 * pmap_pinit: see vm/pmap.h.  Takes one PGTABLE page (class SYSTEM)
 * as the pretend top-level table; ENOMEM without it or when a failure
 * is injected (pmap_fake_fail_pinit).
 */
int
pmap_pinit(pmap_t pmap)
{
	vm_page_t m;

	if (pmap_fake_inject(&pmap_fake_fail_pinit))
		return (ENOMEM);
	m = vm_page_alloc_noobj(VM_ALLOC_PGTABLE);
	if (m == NULL)
		return (ENOMEM);
	memset(pmap, 0, sizeof(*pmap));
	mtx_init(&pmap->pm_mtx, "pmap");
	RB_INIT(&pmap->pm_tree);
	pmap->pm_cr3 = VM_PAGE_TO_PHYS(m);
	pmap->pm_stats.pgtable_count = 1;	/* its one pretend table */
	pmap->pm_live = true;
	LIST_INSERT_HEAD(&pmap_fake_pmaps, pmap, pm_link);
	pmap_fake_nlive++;
	return (0);
}

/* pmap_release: see vm/pmap.h.  I-PM2: empty, and not the current one. */
void
pmap_release(pmap_t pmap)
{
	vm_page_t m;

	KASSERT(pmap != kernel_pmap, ("pmap_release: the kernel pmap"));
	KASSERT(pmap->pm_live, ("pmap_release: pmap %p not live", pmap));
	KASSERT(pmap->pm_stats.resident_count == 0 &&
	    pmap->pm_stats.wired_count == 0, ("pmap_release: pmap %p still "
	    "has %ld pages mapped, %ld wired (I-PM2)", pmap,
	    pmap->pm_stats.resident_count, pmap->pm_stats.wired_count));
	KASSERT(RB_EMPTY(&pmap->pm_tree), ("pmap_release: pmap %p has "
	    "mappings its counters miss", pmap));
	KASSERT(pmap != pmap_fake_current, ("pmap_release: pmap %p is "
	    "active", pmap));
	m = PHYS_TO_VM_PAGE(pmap->pm_cr3);
	if (!vm_page_unwire_noq(m, VM_WIRE_PGTABLE))
		panic("pmap_release: top-level table of %p wired twice", pmap);
	vm_page_free(m);
	LIST_REMOVE(pmap, pm_link);
	pmap_fake_nlive--;
	pmap->pm_live = false;
	pmap->pm_stats.pgtable_count = 0;
	pmap->pm_cr3 = 0;
}

/*
 * The pv entry for a new mapping of `m` at `va`: what pmap_enter puts
 * in the PTE (A always, M for a write access, W when wired).
 */
static struct pv_entry *
pv_new(pmap_t pmap, vm_offset_t va, vm_page_t m, vm_prot_t prot,
    u_int flags)
{
	struct pv_entry *pv;

	pv = calloc(1, sizeof(*pv));
	if (pv == NULL)
		panic("pmap_fake: out of host memory");
	pv->pv_pmap = pmap;
	pv->pv_va = va;
	pv->pv_m = m;
	pv->pv_pa = VM_PAGE_TO_PHYS(m);
	pv->pv_prot = prot;
	pv->pv_wired = (flags & PMAP_ENTER_WIRED) != 0;
	pv->pv_managed = (m->oflags & VPO_UNMANAGED) == 0;
	pv->pv_referenced = true;
	pv->pv_modified = (flags & VM_PROT_WRITE) != 0;
	return (pv);
}

/*
 * pmap_enter: see vm/pmap.h.  Replacing a mapping of the same page
 * keeps its A and M bits (as hardware would have them); of another
 * page, removes it first.  KERN_RESOURCE_SHORTAGE only when injected
 * (pmap_fake_fail_enter); nothing changed then.
 */
int
pmap_enter(pmap_t pmap, vm_offset_t va, vm_page_t m, vm_prot_t prot,
    u_int flags)
{
	struct pv_entry *old, *pv;

	pmap_check_range(pmap, va, va + PAGE_SIZE);
	KASSERT((flags & VM_PROT_WRITE) == 0 || (prot & VM_PROT_WRITE) != 0,
	    ("pmap_enter: write access to a read-only mapping"));
	KASSERT((m->flags & PG_FREE) == 0, ("pmap_enter: page %#llx is free",
	    (unsigned long long)m->phys_addr));
	if (pmap_fake_inject(&pmap_fake_fail_enter))
		return (KERN_RESOURCE_SHORTAGE);
	pmap_fake_nenter++;
	pv = pv_new(pmap, va, m, prot, flags);
	mtx_lock(&pmap->pm_mtx);
	old = pv_find(pmap, va);
	if (old != NULL && old->pv_m == m) {
		KASSERT(old->pv_managed == pv->pv_managed, ("pmap_enter: "
		    "page at %#lx changed management", (u_long)va));
		pv->pv_referenced |= old->pv_referenced;
		pv->pv_modified |= old->pv_modified;
	}
	if (old != NULL)
		pmap_remove_pv(pmap, old);
	RB_INSERT(pmap_fake_tree, &pmap->pm_tree, pv);
	pmap->pm_stats.resident_count++;
	if (pv->pv_wired)
		pmap->pm_stats.wired_count++;
	if (pv->pv_managed) {
		pv_link(pv);
		if ((prot & VM_PROT_WRITE) != 0)
			m->aflags |= PGA_WRITEABLE;
	}
	if (pmap == kernel_pmap)
		vmhost_kva_map(va, pv->pv_pa);
	mtx_unlock(&pmap->pm_mtx);
	return (KERN_SUCCESS);
}

/* pmap_remove: see vm/pmap.h.  Costs what is mapped in the range. */
void
pmap_remove(pmap_t pmap, vm_offset_t sva, vm_offset_t eva)
{
	struct pv_entry *pv, *next;

	pmap_check_range(pmap, sva, eva);
	mtx_lock(&pmap->pm_mtx);
	for (pv = pv_nfind(pmap, sva); pv != NULL && pv->pv_va < eva;
	    pv = next) {
		next = RB_NEXT(pmap_fake_tree, &pmap->pm_tree, pv);
		pmap_remove_pv(pmap, pv);
	}
	mtx_unlock(&pmap->pm_mtx);
}

/*
 * pmap_protect: see vm/pmap.h.  Like x86: only write and execute can be
 * taken away; VM_PROT_NONE removes.
 */
void
pmap_protect(pmap_t pmap, vm_offset_t sva, vm_offset_t eva, vm_prot_t prot)
{
	struct pv_entry *pv;

	if (prot == VM_PROT_NONE) {
		pmap_remove(pmap, sva, eva);
		return;
	}
	pmap_check_range(pmap, sva, eva);
	mtx_lock(&pmap->pm_mtx);
	for (pv = pv_nfind(pmap, sva); pv != NULL && pv->pv_va < eva;
	    pv = RB_NEXT(pmap_fake_tree, &pmap->pm_tree, pv)) {
		pv->pv_prot &= prot | VM_PROT_READ;
		pmap->pm_ninval++;
	}
	mtx_unlock(&pmap->pm_mtx);
}

/* pmap_extract: see vm/pmap.h. */
vm_paddr_t
pmap_extract(pmap_t pmap, vm_offset_t va)
{
	struct pv_entry *pv;
	vm_paddr_t pa = 0;

	if (pmap == kernel_pmap)
		return (pmap_kextract(va));
	mtx_lock(&pmap->pm_mtx);
	pv = pv_find(pmap, trunc_page(va));
	if (pv != NULL)
		pa = pv->pv_pa | (va & PAGE_MASK);
	mtx_unlock(&pmap->pm_mtx);
	return (pa);
}

/* pmap_mincore: see vm/pmap.h. */
int
pmap_mincore(pmap_t pmap, vm_offset_t va)
{
	struct pv_entry *pv;
	int val = 0;

	if (pmap == kernel_pmap)
		return (0);
	mtx_lock(&pmap->pm_mtx);
	pv = pv_find(pmap, trunc_page(va));
	if (pv != NULL) {
		val = MINCORE_INCORE;
		if (pv->pv_referenced)
			val |= MINCORE_REFERENCED;
		if (pv->pv_modified)
			val |= MINCORE_MODIFIED;
	}
	mtx_unlock(&pmap->pm_mtx);
	return (val);
}

/* pmap_is_wired: see vm/pmap.h. */
bool
pmap_is_wired(pmap_t pmap, vm_offset_t va)
{
	struct pv_entry *pv;
	bool wired = false;

	if (pmap == kernel_pmap)
		return (false);
	mtx_lock(&pmap->pm_mtx);
	pv = pv_find(pmap, trunc_page(va));
	if (pv != NULL)
		wired = pv->pv_wired;
	mtx_unlock(&pmap->pm_mtx);
	return (wired);
}

/* pmap_unwire: see vm/pmap.h (I-PM1): a valid mapping without W panics. */
void
pmap_unwire(pmap_t pmap, vm_offset_t sva, vm_offset_t eva)
{
	struct pv_entry *pv;

	pmap_check_range(pmap, sva, eva);
	mtx_lock(&pmap->pm_mtx);
	for (pv = pv_nfind(pmap, sva); pv != NULL && pv->pv_va < eva;
	    pv = RB_NEXT(pmap_fake_tree, &pmap->pm_tree, pv)) {
		if (!pv->pv_wired)
			panic("pmap_unwire: pmap %p va %#lx: valid mapping "
			    "of %#llx is not wired (I-PM1)", pmap,
			    (u_long)pv->pv_va, (unsigned long long)pv->pv_pa);
		pv->pv_wired = false;
		pmap->pm_stats.wired_count--;
	}
	mtx_unlock(&pmap->pm_mtx);
}

/* pmap_remove_all: see vm/pmap.h.  Each mapping under its pmap's lock. */
void
pmap_remove_all(vm_page_t m)
{
	struct pv_entry *pv;
	pmap_t pmap;

	KASSERT((m->oflags & VPO_UNMANAGED) == 0,
	    ("pmap_remove_all: page %#llx is unmanaged",
	    (unsigned long long)m->phys_addr));
	pmap_fake_nremove_all++;
	while ((pv = m->pv_list) != NULL) {
		pmap = pv->pv_pmap;
		mtx_lock(&pmap->pm_mtx);
		pmap_remove_pv(pmap, pv);
		mtx_unlock(&pmap->pm_mtx);
	}
	m->aflags &= ~PGA_WRITEABLE;
}

/* pmap_is_modified / pmap_clear_modify / pmap_ts_referenced: vm/pmap.h. */
bool
pmap_is_modified(vm_page_t m)
{
	struct pv_entry *pv;
	bool modified = false;

	KASSERT((m->oflags & VPO_UNMANAGED) == 0,
	    ("pmap_is_modified: page %#llx is unmanaged",
	    (unsigned long long)m->phys_addr));
	for (pv = m->pv_list; pv != NULL && !modified; pv = pv->pv_next) {
		mtx_lock(&pv->pv_pmap->pm_mtx);
		modified = pv->pv_modified;
		mtx_unlock(&pv->pv_pmap->pm_mtx);
	}
	return (modified);
}

void
pmap_clear_modify(vm_page_t m)
{
	struct pv_entry *pv;

	KASSERT((m->oflags & VPO_UNMANAGED) == 0,
	    ("pmap_clear_modify: page %#llx is unmanaged",
	    (unsigned long long)m->phys_addr));
	for (pv = m->pv_list; pv != NULL; pv = pv->pv_next) {
		mtx_lock(&pv->pv_pmap->pm_mtx);
		pv->pv_modified = false;
		mtx_unlock(&pv->pv_pmap->pm_mtx);
	}
}

int
pmap_ts_referenced(vm_page_t m)
{
	struct pv_entry *pv;
	int count = 0;

	KASSERT((m->oflags & VPO_UNMANAGED) == 0,
	    ("pmap_ts_referenced: page %#llx is unmanaged",
	    (unsigned long long)m->phys_addr));
	for (pv = m->pv_list; pv != NULL; pv = pv->pv_next) {
		mtx_lock(&pv->pv_pmap->pm_mtx);
		if (pv->pv_referenced)
			count++;
		pv->pv_referenced = false;
		mtx_unlock(&pv->pv_pmap->pm_mtx);
	}
	return (count);
}

/* pmap_zero_page / pmap_copy_page: over the pretend RAM.  Any context. */
void
pmap_zero_page(vm_page_t m)
{
	memset((void *)PHYS_TO_DMAP(VM_PAGE_TO_PHYS(m)), 0, PAGE_SIZE);
}

void
pmap_copy_page(vm_page_t src, vm_page_t dst)
{
	KASSERT(src != dst, ("pmap_copy_page: page %#llx onto itself",
	    (unsigned long long)src->phys_addr));
	memcpy((void *)PHYS_TO_DMAP(VM_PAGE_TO_PHYS(dst)),
	    (void *)PHYS_TO_DMAP(VM_PAGE_TO_PHYS(src)), PAGE_SIZE);
}

/* pmap_copy_to_page: see vm/pmap.h. */
void
pmap_copy_to_page(const void *src, vm_page_t m, size_t len)
{
	char *dst = (char *)PHYS_TO_DMAP(VM_PAGE_TO_PHYS(m));

	KASSERT(len <= PAGE_SIZE, ("pmap_copy_to_page: %zu bytes", len));
	memcpy(dst, src, len);
	memset(dst + len, 0, PAGE_SIZE - len);
}

/*
 * pmap_kenter_attr / pmap_kenter: see vm/pmap.h.  A wired kernel
 * mapping without pv entry, counted in kernel_pmap's statistics; the
 * page of pretend RAM becomes visible at `va`.
 */
void
pmap_kenter_attr(vm_offset_t va, vm_paddr_t pa, vm_memattr_t ma)
{
	pmap_t pmap = kernel_pmap;
	struct pv_entry *old, *pv;

	(void)ma;
	pmap_check_range(pmap, va, va + PAGE_SIZE);
	KASSERT((pa & PAGE_MASK) == 0, ("pmap_kenter: pa %#llx",
	    (unsigned long long)pa));
	pv = calloc(1, sizeof(*pv));
	if (pv == NULL)
		panic("pmap_fake: out of host memory");
	pv->pv_pmap = pmap;
	pv->pv_va = va;
	pv->pv_m = PHYS_TO_VM_PAGE(pa);
	pv->pv_pa = pa;
	pv->pv_prot = VM_PROT_RW;
	pv->pv_wired = true;
	pv->pv_referenced = pv->pv_modified = true;
	mtx_lock(&pmap->pm_mtx);
	old = pv_find(pmap, va);
	if (old != NULL) {
		KASSERT(!old->pv_managed, ("pmap_kenter: %#lx has a managed "
		    "mapping", (u_long)va));
		pmap_remove_pv(pmap, old);
	}
	RB_INSERT(pmap_fake_tree, &pmap->pm_tree, pv);
	pmap->pm_stats.resident_count++;
	pmap->pm_stats.wired_count++;
	vmhost_kva_map(va, pa);
	mtx_unlock(&pmap->pm_mtx);
}

void
pmap_kenter(vm_offset_t va, vm_paddr_t pa)
{
	pmap_kenter_attr(va, pa, VM_MEMATTR_DEFAULT);
}

/* pmap_kremove: see vm/pmap.h.  Nothing mapped: nothing done. */
void
pmap_kremove(vm_offset_t va)
{
	pmap_t pmap = kernel_pmap;
	struct pv_entry *pv;

	pmap_check_range(pmap, va, va + PAGE_SIZE);
	mtx_lock(&pmap->pm_mtx);
	pv = pv_find(pmap, va);
	if (pv != NULL) {
		KASSERT(!pv->pv_managed, ("pmap_kremove: %#lx has a managed "
		    "mapping", (u_long)va));
		pmap_remove_pv(pmap, pv);
	}
	mtx_unlock(&pmap->pm_mtx);
}

/*
 * pmap_kextract: see vm/pmap.h.  Like amd64's, a direct-map address
 * translates too.
 */
vm_paddr_t
pmap_kextract(vm_offset_t va)
{
	pmap_t pmap = kernel_pmap;
	struct pv_entry *pv;
	vm_paddr_t pa = 0;

	if (vmhost_is_dmap(va))
		return (DMAP_TO_PHYS(va));
	mtx_lock(&pmap->pm_mtx);
	pv = pv_find(pmap, trunc_page(va));
	if (pv != NULL)
		pa = pv->pv_pa | (va & PAGE_MASK);
	mtx_unlock(&pmap->pm_mtx);
	return (pa);
}

/*
 * pmap_growkernel: see vm/pmap.h.  There are no tables to grow: 0, or
 * ENOMEM when injected (pmap_fake_fail_growkernel).
 */
int
pmap_growkernel(vm_offset_t addr)
{
	KASSERT(addr <= VM_KVA_END, ("pmap_growkernel: %#lx is past the "
	    "kernel VA arena", (u_long)addr));
	if (pmap_fake_inject(&pmap_fake_fail_growkernel))
		return (ENOMEM);
	return (0);
}

/* pmap_activate: see vm/pmap.h.  Remembered, so release can check it. */
void
pmap_activate(pmap_t pmap)
{
	KASSERT(pmap->pm_live, ("pmap_activate: pmap %p not live", pmap));
	pmap_fake_current = pmap == kernel_pmap ? NULL : pmap;
}

/* TLB invalidations: only counted. */
void
pmap_invalidate_page(pmap_t pmap, vm_offset_t va)
{
	(void)va;
	pmap->pm_ninval++;
}

void
pmap_invalidate_range(pmap_t pmap, vm_offset_t sva, vm_offset_t eva)
{
	(void)sva;
	(void)eva;
	pmap->pm_ninval++;
}

void
pmap_invalidate_all(pmap_t pmap)
{
	pmap->pm_ninval++;
}

/* pmap_init: see vm/pmap.h.  Reserves the kernel VA arena. */
void
pmap_init(void)
{
	vmhost_kva_init();
}

/* Test interface (pmap_fake.h). */

void
pmap_fake_kva_remap(void)
{
	struct pv_entry *pv;

	RB_FOREACH(pv, pmap_fake_tree, &kernel_pmap->pm_tree)
		if (pmap_fake_kva(pv->pv_va))
			vmhost_kva_map(pv->pv_va, pv->pv_pa);
}

static void
pmap_fake_fill(struct pv_entry *pv, struct pmap_fake_mapping *out)
{
	out->m = pv->pv_m;
	out->pa = pv->pv_pa;
	out->prot = pv->pv_prot;
	out->wired = pv->pv_wired;
	out->managed = pv->pv_managed;
	out->referenced = pv->pv_referenced;
	out->modified = pv->pv_modified;
}

bool
pmap_fake_lookup(pmap_t pmap, vm_offset_t va, struct pmap_fake_mapping *out)
{
	struct pv_entry *pv;

	mtx_lock(&pmap->pm_mtx);
	pv = pv_find(pmap, trunc_page(va));
	if (pv != NULL && out != NULL)
		pmap_fake_fill(pv, out);
	mtx_unlock(&pmap->pm_mtx);
	return (pv != NULL);
}

long
pmap_fake_count(pmap_t pmap)
{
	struct pv_entry *pv;
	long n = 0;

	RB_FOREACH(pv, pmap_fake_tree, &pmap->pm_tree)
		n++;
	return (n);
}

long
pmap_fake_count_wired(pmap_t pmap)
{
	struct pv_entry *pv;
	long n = 0;

	RB_FOREACH(pv, pmap_fake_tree, &pmap->pm_tree)
		n += pv->pv_wired;
	return (n);
}

int
pmap_fake_page_mappings(vm_page_t m)
{
	struct pv_entry *pv;
	int n = 0;

	for (pv = m->pv_list; pv != NULL; pv = pv->pv_next)
		n++;
	return (n);
}

int
pmap_fake_access(pmap_t pmap, vm_offset_t va, vm_prot_t type,
    vm_page_t *mp)
{
	struct pv_entry *pv;
	int result;

	mtx_lock(&pmap->pm_mtx);
	pv = pv_find(pmap, trunc_page(va));
	if (pv == NULL)
		result = PMAP_FAKE_MISS;
	else if ((type & ~pv->pv_prot) != 0)
		result = PMAP_FAKE_PROT;
	else {
		result = PMAP_FAKE_HIT;
		pv->pv_referenced = true;
		if ((type & VM_PROT_WRITE) != 0)
			pv->pv_modified = true;
		if (mp != NULL)
			*mp = pv->pv_m;
	}
	mtx_unlock(&pmap->pm_mtx);
	return (result);
}

/* Is `pv` on page m's pv list? */
static bool
pv_listed(vm_page_t m, struct pv_entry *pv)
{
	struct pv_entry *p;

	for (p = m->pv_list; p != NULL; p = p->pv_next)
		if (p == pv)
			return (true);
	return (false);
}

/* The problems of one mapping of `pmap`. */
static int
pmap_fake_check_pv(pmap_t pmap, struct pv_entry *pv)
{
	int bad = 0;

	if (pv->pv_pmap != pmap || (pv->pv_va & PAGE_MASK) != 0 ||
	    (pmap == kernel_pmap ? !pmap_fake_kva(pv->pv_va) :
	    pv->pv_va >= PMAP_FAKE_USER_END)) {
		printf("# pmap %p: bad mapping record at %#lx\n", pmap,
		    (u_long)pv->pv_va);
		bad++;
	}
	if (pv->pv_m != NULL && ((pv->pv_m->flags & PG_FREE) != 0 ||
	    VM_PAGE_TO_PHYS(pv->pv_m) != pv->pv_pa)) {
		printf("# pmap %p: %#lx maps page %#llx, which is free or "
		    "not its page\n", pmap, (u_long)pv->pv_va,
		    (unsigned long long)pv->pv_pa);
		bad++;
	}
	if (pv->pv_managed && (pv->pv_m == NULL || !pv_listed(pv->pv_m, pv))) {
		printf("# pmap %p: managed mapping at %#lx not on its page's "
		    "pv list\n", pmap, (u_long)pv->pv_va);
		bad++;
	}
	return (bad);
}

int
pmap_fake_check(pmap_t pmap)
{
	struct pv_entry *pv, *prev = NULL;
	long n = 0, wired = 0;
	int bad = 0;

	if (!pmap->pm_live) {
		printf("# pmap %p is not live\n", pmap);
		return (1);
	}
	RB_FOREACH(pv, pmap_fake_tree, &pmap->pm_tree) {
		if (prev != NULL && prev->pv_va >= pv->pv_va) {
			printf("# pmap %p: %#lx after %#lx\n", pmap,
			    (u_long)pv->pv_va, (u_long)prev->pv_va);
			bad++;
		}
		bad += pmap_fake_check_pv(pmap, pv);
		n++;
		wired += pv->pv_wired;
		prev = pv;
	}
	if (n != pmap->pm_stats.resident_count ||
	    wired != pmap->pm_stats.wired_count) {
		printf("# pmap %p: %ld mappings, %ld wired; pm_stats say %ld, "
		    "%ld\n", pmap, n, wired, pmap->pm_stats.resident_count,
		    pmap->pm_stats.wired_count);
		bad++;
	}
	return (bad);
}

int
pmap_fake_check_page(vm_page_t m)
{
	struct pv_entry *pv;
	int bad = 0;

	for (pv = m->pv_list; pv != NULL; pv = pv->pv_next) {
		if (!pv->pv_pmap->pm_live ||
		    pv_find(pv->pv_pmap, pv->pv_va) != pv ||
		    pv->pv_m != m || !pv->pv_managed) {
			printf("# page %#llx: stale pv entry (pmap %p, va "
			    "%#lx)\n", (unsigned long long)m->phys_addr,
			    pv->pv_pmap, (u_long)pv->pv_va);
			bad++;
		}
	}
	return (bad);
}

int
pmap_fake_check_all(void)
{
	pmap_t pmap;
	long npv = 0;
	int bad;

	bad = pmap_fake_check(kernel_pmap);
	npv = kernel_pmap->pm_stats.resident_count;
	LIST_FOREACH(pmap, &pmap_fake_pmaps, pm_link) {
		bad += pmap_fake_check(pmap);
		npv += pmap->pm_stats.resident_count;
	}
	if (npv < pmap_fake_npv) {
		printf("# pmap: %ld pv entries, only %ld mappings\n",
		    pmap_fake_npv, npv);
		bad++;
	}
	return (bad);
}

int
pmap_fake_live(void)
{
	return (pmap_fake_nlive);
}

long
pmap_fake_pv_count(void)
{
	return (pmap_fake_npv);
}
