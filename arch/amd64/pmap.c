/*
 * pmap.c - amd64 page tables at run time: user pmaps (pmap_pinit ..
 * pmap_release), mappings in the kernel VA arena (pmap_kenter,
 * pmap_growkernel, pmap_mapdev_attr), the pv-based queries of a managed
 * page, and TLB invalidation.  pmap_bootstrap.c builds the kernel's own
 * tables at boot.
 *
 * Page tables are reached through the direct map.  A user pmap's
 * page-table pages are allocated when pmap_enter needs them and freed
 * when their last valid entry goes: each one's vm_page counts its valid
 * entries in plinks.ptp.entries (the PML4 counts its user-half entries,
 * so pmap_release can check that nothing is left), and the pmap counts
 * the tables it owns in pm_stats.pgtable_count (the PML4 included).  The
 * kernel pmap's tables are never freed and not counted there.
 *
 * A mapping's PTE carries PG_W when it is wired (pm_stats.wired_count
 * counts those) and PG_MANAGED when the page has a pv entry for it.
 * Mappings in the kernel VA arena, pmap_kenter's included, count in
 * kernel_pmap's statistics; pmap_kenter mappings are wired (PG_W).  The
 * direct map and the kernel image are not counted.
 *
 * Locking: pm_mtx around every change of a pmap's tables or counters.
 * Page allocation and freeing happen under it (vm_free_mtx is a leaf),
 * and so do pv_insert/pv_remove, as x86/pv.h asks.  The pv list of a
 * page is walked with one pmap lock at a time: with one CPU and no pmap
 * work in interrupt handlers nothing changes it meanwhile.
 */
#include <kernel/systm.h>
#include <kernel/mutex.h>
#include <sys/errno.h>
#include <sys/_mman.h>
#include <sys/queue.h>
#include <vm/vm.h>
#include <vm/vm_page.h>
#include <vm/vm_kern.h>
#include <vm/pmap.h>
#include <machine/vmparam.h>
#include <x86/cpufunc.h>
#include <x86/pat.h>
#include <x86/pv.h>

/* The user half: PML4 slots 0 .. NUPML4E - 1. */
#define PMAP_USER_END	((vm_offset_t)NUPML4E << PML4SHIFT)

/* Flush single pages up to this many; beyond it, the whole TLB. */

/* Kernel page tables exist for [VM_KVA_START, kernel_vm_end). (l) */
static vm_offset_t kernel_vm_end = VM_KVA_START;

TAILQ_HEAD(pmap_ptplist, vm_page);


/* Whether this CPU translates through `pmap` now. */
static bool
pmap_is_current(pmap_t pmap)
{
	return (pmap == kernel_pmap || (rcr3() & PG_FRAME) == pmap->pm_cr3);
}

/*
 * The entry for `va` in `pmap`'s level-`level` table (4: PML4 .. 1: PT),
 * or NULL if a table above it is missing or an entry above it is a large
 * page.  pm_mtx held, or the kernel pmap (its tables are never freed).
 */
static pt_entry_t *
pmap_entry(pmap_t pmap, vm_offset_t va, int level)
{
	pt_entry_t *table = pmap->pm_pml4, e;
	int l;

	for (l = PT_LEVELS; l > level; l--) {
		e = table[PT_INDEX(va, l)];
		if ((e & PG_V) == 0 || (e & PG_PS) != 0)
			return (NULL);
		table = (pt_entry_t *)PHYS_TO_DMAP(e & PG_FRAME);
	}
	return (&table[PT_INDEX(va, level)]);
}

/*
 * The PTE of `va` if its page table exists.  If not, NULL, and *nextp is
 * the first address past the hole (the span of the first missing entry).
 */
static pt_entry_t *
pmap_pte_or_skip(pmap_t pmap, vm_offset_t va, vm_offset_t *nextp)
{
	pt_entry_t *table = pmap->pm_pml4, e;
	int l;

	for (l = PT_LEVELS; l > 1; l--) {
		e = table[PT_INDEX(va, l)];
		if ((e & PG_V) == 0) {
			*nextp = (va | (PT_SPAN(l) - 1)) + 1;
			return (NULL);
		}
		KASSERT((e & PG_PS) == 0, ("pmap %p: large page at %#lx",
		    pmap, (u_long)va));
		table = (pt_entry_t *)PHYS_TO_DMAP(e & PG_FRAME);
	}
	*nextp = va + PAGE_SIZE;
	return (&table[PT_INDEX(va, 1)]);
}

/* The vm_page of the page-table page that holds entry `e`. */
static vm_page_t
pmap_ptp_of(pt_entry_t *e)
{
	vm_page_t m;

	m = PHYS_TO_VM_PAGE(DMAP_TO_PHYS(trunc_page((vm_offset_t)e)));
	KASSERT(m != NULL, ("pmap: page table at %p has no vm_page", e));
	return (m);
}

/* Ranges must be page aligned and inside the pmap's half. */
static void
pmap_check_range(pmap_t pmap, vm_offset_t sva, vm_offset_t eva)
{
	KASSERT(sva <= eva && ((sva | eva) & PAGE_MASK) == 0,
	    ("pmap: bad range %#lx-%#lx", (u_long)sva, (u_long)eva));
	if (pmap == kernel_pmap)
		KASSERT(sva >= VM_KVA_START && eva <= VM_KVA_END,
		    ("pmap: kernel range %#lx-%#lx outside the VA arena",
		    (u_long)sva, (u_long)eva));
	else
		KASSERT(eva <= PMAP_USER_END, ("pmap: user range "
		    "%#lx-%#lx reaches the kernel", (u_long)sva, (u_long)eva));
}

/* Unwire and free page-table pages collected on `free`. */
static void
pmap_free_ptps(struct pmap_ptplist *free)
{
	vm_page_t m;
	bool last;

	while ((m = TAILQ_FIRST(free)) != NULL) {
		TAILQ_REMOVE(free, m, plinks.q);
		last = vm_page_unwire_noq(m, VM_WIRE_PGTABLE);
		KASSERT(last, ("pmap: page table %#llx wired twice",
		    (unsigned long long)m->phys_addr));
		vm_page_free(m);
	}
}

/*
 * The level-`level` entry of `va` in user pmap `pmap` was just cleared:
 * count it, and when its table is left empty, clear the entry above
 * that points to the table and put the table on `free`, up to (not
 * including) the PML4.  The caller flushes the TLB before freeing.
 */
static void
pmap_ptp_unuse(pmap_t pmap, vm_offset_t va, int level,
    struct pmap_ptplist *free)
{
	vm_page_t m;

	for (;; level++) {
		m = pmap_ptp_of(pmap_entry(pmap, va, level));
		KASSERT(m->plinks.ptp.entries > 0, ("pmap %p: table %#llx "
		    "already empty", pmap, (unsigned long long)m->phys_addr));
		if (--m->plinks.ptp.entries > 0 || level == PT_LEVELS)
			return;
		*pmap_entry(pmap, va, level + 1) = 0;
		pmap->pm_stats.pgtable_count--;
		TAILQ_INSERT_TAIL(free, m, plinks.q);
	}
}

/*
 * Remove the valid mapping of `va` at `pte`: counters, the pv entry,
 * and (user pmaps) the tables it leaves empty, onto `free`.  No TLB
 * flush: the caller does it.  pm_mtx held.
 */
static void
pmap_remove_pte(pmap_t pmap, vm_offset_t va, pt_entry_t *pte,
    struct pmap_ptplist *free)
{
	pt_entry_t old;
	vm_page_t m;

	old = __atomic_exchange_n(pte, 0, __ATOMIC_SEQ_CST);
	KASSERT((old & PG_V) != 0, ("pmap_remove_pte: %#lx not mapped",
	    (u_long)va));
	pmap->pm_stats.resident_count--;
	if ((old & PG_W) != 0)
		pmap->pm_stats.wired_count--;
	if ((old & PG_MANAGED) != 0) {
		m = PHYS_TO_VM_PAGE(old & PG_FRAME);
		if ((old & PG_A) != 0)
			m->aflags |= PGA_REFERENCED;
		pv_remove(m, pmap, va);
	}
	if (pmap != kernel_pmap)
		pmap_ptp_unuse(pmap, va, 1, free);
}

/* pmap_pinit: see vm/pmap.h.  One PGTABLE page (class SYSTEM); no sleep. */
int
pmap_pinit(pmap_t pmap)
{
	vm_page_t m;
	pt_entry_t *pml4;
	int i;

	m = vm_page_alloc_noobj(VM_ALLOC_PGTABLE);
	if (m == NULL)
		return (ENOMEM);
	m->plinks.ptp.entries = 0;
	pml4 = (pt_entry_t *)PHYS_TO_DMAP(VM_PAGE_TO_PHYS(m));
	/* The user half is zero (VM_ALLOC_ZERO); share the kernel half. */
	for (i = NUPML4E; i < NPTEPG; i++)
		pml4[i] = kernel_pmap->pm_pml4[i];
	mtx_init(&pmap->pm_mtx, "pmap");
	pmap->pm_pml4 = pml4;
	pmap->pm_cr3 = VM_PAGE_TO_PHYS(m);
	pmap->pm_stats.resident_count = 0;
	pmap->pm_stats.wired_count = 0;
	pmap->pm_stats.pgtable_count = 1;	/* the PML4 */
	return (0);
}

/*
 * pmap_release: see vm/pmap.h.  The pmap must be empty (I-PM2, and no
 * page-table page left under its PML4) and not loaded.  No sleep.
 */
void
pmap_release(pmap_t pmap)
{
	vm_page_t m;
	bool last;

	KASSERT(pmap != kernel_pmap, ("pmap_release: the kernel pmap"));
	KASSERT(pmap->pm_stats.resident_count == 0 &&
	    pmap->pm_stats.wired_count == 0, ("pmap_release: pmap %p still "
	    "has %ld pages mapped, %ld wired (I-PM2)", pmap,
	    pmap->pm_stats.resident_count, pmap->pm_stats.wired_count));
	KASSERT(!pmap_is_current(pmap), ("pmap_release: pmap %p is active",
	    pmap));
	m = PHYS_TO_VM_PAGE(pmap->pm_cr3);
	KASSERT(m->plinks.ptp.entries == 0, ("pmap_release: pmap %p still "
	    "has %u page-table pages", pmap, m->plinks.ptp.entries));
	KASSERT(pmap->pm_stats.pgtable_count == 1, ("pmap_release: pmap %p "
	    "counts %ld page-table pages", pmap,
	    pmap->pm_stats.pgtable_count));
	pmap->pm_stats.pgtable_count = 0;
	last = vm_page_unwire_noq(m, VM_WIRE_PGTABLE);
	KASSERT(last, ("pmap_release: PML4 wired twice"));
	vm_page_free(m);
	pmap->pm_pml4 = NULL;
	pmap->pm_cr3 = 0;
}

/*
 * The highest level (2..4) whose entry on the way to `va`'s PTE is not
 * valid, or 1 if the page table exists.  pm_mtx held.
 */
static int
pmap_missing_level(pmap_t pmap, vm_offset_t va)
{
	pt_entry_t *table = pmap->pm_pml4, e;
	int l;

	for (l = PT_LEVELS; l > 1; l--) {
		e = table[PT_INDEX(va, l)];
		if ((e & PG_V) == 0)
			return (l);
		table = (pt_entry_t *)PHYS_TO_DMAP(e & PG_FRAME);
	}
	return (1);
}

/* Give back page-table pages ptp[0 .. n-1], not linked anywhere. */
static void
pmap_unalloc_ptps(vm_page_t *ptp, int n)
{
	struct pmap_ptplist free = TAILQ_HEAD_INITIALIZER(free);

	while (n-- > 0)
		TAILQ_INSERT_TAIL(&free, ptp[n], plinks.q);
	pmap_free_ptps(&free);
}

/*
 * Allocate `n` page-table pages with request `req` into ptp[].  On
 * failure give back what was taken and return false.
 */
static bool
pmap_alloc_ptps(vm_page_t *ptp, int n, int req)
{
	int i;

	for (i = 0; i < n; i++) {
		ptp[i] = vm_page_alloc_noobj(req);
		if (ptp[i] == NULL) {
			pmap_unalloc_ptps(ptp, i);
			return (false);
		}
	}
	return (true);
}

/*
 * Hook the fresh tables ptp[0..] in below the missing level-`level`
 * entry of `va`, top down.  Upper-level entries allow everything (the
 * PTE decides); user ones have PG_U.  In a user pmap each new entry is
 * counted in its table, and each new table in pgtable_count.  Returns
 * the PTE of `va`.  pm_mtx held.
 */
static pt_entry_t *
pmap_link_ptps(pmap_t pmap, vm_offset_t va, int level, vm_page_t *ptp)
{
	pt_entry_t *e, bits = PG_V | PG_RW | PG_A;
	int i;

	if (pmap != kernel_pmap)
		bits |= PG_U;
	for (i = 0; level > 1; level--, i++) {
		e = pmap_entry(pmap, va, level);
		KASSERT((*e & PG_V) == 0, ("pmap_link_ptps: level %d of %#lx "
		    "is mapped", level, (u_long)va));
		ptp[i]->plinks.ptp.entries = 0;
		*e = VM_PAGE_TO_PHYS(ptp[i]) | bits;
		if (pmap != kernel_pmap) {
			pmap_ptp_of(e)->plinks.ptp.entries++;
			pmap->pm_stats.pgtable_count++;
		}
	}
	return (pmap_entry(pmap, va, 1));
}

/* The PTE bits pmap_enter gives a mapping, without the frame. */
static pt_entry_t
pmap_enter_bits(pmap_t pmap, vm_page_t m, vm_prot_t prot, u_int flags)
{
	pt_entry_t bits = PG_V | PG_A;

	KASSERT((flags & VM_PROT_WRITE) == 0 || (prot & VM_PROT_WRITE) != 0,
	    ("pmap_enter: write access to a read-only mapping"));
	if ((prot & VM_PROT_WRITE) != 0)
		bits |= PG_RW;
	if ((prot & VM_PROT_EXECUTE) == 0)
		bits |= pg_nx;
	if ((flags & VM_PROT_WRITE) != 0)
		bits |= PG_M;
	if ((flags & PMAP_ENTER_WIRED) != 0)
		bits |= PG_W;
	if ((m->oflags & VPO_UNMANAGED) == 0)
		bits |= PG_MANAGED;
	bits |= pmap == kernel_pmap ? pmap_pg_g : PG_U;
	return (bits | pat_pte_bits(m->pat_mode, false));
}

/*
 * Put `newpte` at `pte` (of `va`) where `old` was, keeping the counters
 * and the old page's pv entry right.  The new page's pv entry exists.
 */
static void
pmap_enter_replace(pmap_t pmap, vm_offset_t va, pt_entry_t *pte,
    pt_entry_t old, pt_entry_t newpte)
{
	vm_page_t om;

	if ((old & PG_FRAME) == (newpte & PG_FRAME)) {
		/* Same page: keep what the hardware recorded. */
		KASSERT((old & PG_MANAGED) == (newpte & PG_MANAGED),
		    ("pmap_enter: page at %#lx changed management",
		    (u_long)va));
		newpte |= old & (PG_A | PG_M);
	} else if ((old & PG_MANAGED) != 0) {
		om = PHYS_TO_VM_PAGE(old & PG_FRAME);
		if ((old & PG_A) != 0)
			om->aflags |= PGA_REFERENCED;
		pv_remove(om, pmap, va);
	}
	if ((old & PG_W) != 0)
		pmap->pm_stats.wired_count--;
	if ((newpte & PG_W) != 0)
		pmap->pm_stats.wired_count++;
	__atomic_store_n(pte, newpte, __ATOMIC_SEQ_CST);
	pmap_invalidate_page(pmap, va);
}

/*
 * pmap_enter: see vm/pmap.h.  User mappings get PG_U, kernel ones PG_G;
 * NX unless VM_PROT_EXECUTE; A always, D too for a write access.  Takes
 * pm_mtx, allocates page-table pages (class SYSTEM) and a pv entry
 * under it; never sleeps.
 */
int
pmap_enter(pmap_t pmap, vm_offset_t va, vm_page_t m, vm_prot_t prot,
    u_int flags)
{
	vm_page_t ptp[PT_LEVELS - 1];
	pt_entry_t *pte, newpte, old = 0;
	bool managed, same;
	int level, nptp;

	pmap_check_range(pmap, va, va + PAGE_SIZE);
	managed = (m->oflags & VPO_UNMANAGED) == 0;
	newpte = VM_PAGE_TO_PHYS(m) | pmap_enter_bits(pmap, m, prot, flags);

	mtx_lock(&pmap->pm_mtx);
	/* What can fail comes first, so that a failure changes nothing. */
	level = pmap_missing_level(pmap, va);
	nptp = level - 1;
	if (nptp > 0 && pmap == kernel_pmap)
		panic("pmap_enter: no kernel page table for %#lx "
		    "(pmap_growkernel first)", (u_long)va);
	if (!pmap_alloc_ptps(ptp, nptp, VM_ALLOC_PGTABLE)) {
		mtx_unlock(&pmap->pm_mtx);
		return (KERN_RESOURCE_SHORTAGE);
	}
	pte = nptp == 0 ? pmap_entry(pmap, va, 1) : NULL;
	if (pte != NULL)
		old = *pte;
	same = (old & PG_V) != 0 && (old & PG_FRAME) == VM_PAGE_TO_PHYS(m);
	if (managed && !same && !pv_insert(m, pmap, va)) {
		pmap_unalloc_ptps(ptp, nptp);
		mtx_unlock(&pmap->pm_mtx);
		return (KERN_RESOURCE_SHORTAGE);
	}

	if (nptp > 0)
		pte = pmap_link_ptps(pmap, va, level, ptp);
	if ((old & PG_V) != 0)
		pmap_enter_replace(pmap, va, pte, old, newpte);
	else {
		pmap->pm_stats.resident_count++;
		if ((newpte & PG_W) != 0)
			pmap->pm_stats.wired_count++;
		if (pmap != kernel_pmap)
			pmap_ptp_of(pte)->plinks.ptp.entries++;
		__atomic_store_n(pte, newpte, __ATOMIC_SEQ_CST);
	}
	if (managed && (newpte & PG_RW) != 0)
		m->aflags |= PGA_WRITEABLE;
	mtx_unlock(&pmap->pm_mtx);
	return (KERN_SUCCESS);
}

/*
 * pmap_remove: see vm/pmap.h.  Skips missing page tables whole, so a
 * sparse range costs what is mapped in it.  Takes pm_mtx; no sleep.
 */
void
pmap_remove(pmap_t pmap, vm_offset_t sva, vm_offset_t eva)
{
	struct pmap_ptplist free = TAILQ_HEAD_INITIALIZER(free);
	vm_offset_t va, next;
	pt_entry_t *pte;
	bool removed = false;

	pmap_check_range(pmap, sva, eva);
	mtx_lock(&pmap->pm_mtx);
	for (va = sva; va < eva; va = next) {
		pte = pmap_pte_or_skip(pmap, va, &next);
		if (pte != NULL && (*pte & PG_V) != 0) {
			pmap_remove_pte(pmap, va, pte, &free);
			removed = true;
		}
	}
	if (removed)
		pmap_invalidate_range(pmap, sva, eva);
	pmap_free_ptps(&free);
	mtx_unlock(&pmap->pm_mtx);
}

/*
 * pmap_protect: see vm/pmap.h.  Clears PG_RW without VM_PROT_WRITE and
 * sets NX without VM_PROT_EXECUTE; sets nothing else.  Takes pm_mtx.
 */
void
pmap_protect(pmap_t pmap, vm_offset_t sva, vm_offset_t eva, vm_prot_t prot)
{
	vm_offset_t va, next;
	pt_entry_t *pte, clear = 0, set = 0, old;
	bool changed = false;

	if (prot == VM_PROT_NONE) {
		pmap_remove(pmap, sva, eva);
		return;
	}
	pmap_check_range(pmap, sva, eva);
	if ((prot & VM_PROT_WRITE) == 0)
		clear |= PG_RW;
	if ((prot & VM_PROT_EXECUTE) == 0)
		set |= pg_nx;
	if (clear == 0 && set == 0)
		return;
	mtx_lock(&pmap->pm_mtx);
	for (va = sva; va < eva; va = next) {
		pte = pmap_pte_or_skip(pmap, va, &next);
		if (pte == NULL || (*pte & PG_V) == 0)
			continue;
		old = pte_update(pte, clear, set);
		if ((old & clear) != 0 || (~old & set) != 0)
			changed = true;
	}
	if (changed)
		pmap_invalidate_range(pmap, sva, eva);
	mtx_unlock(&pmap->pm_mtx);
}

/*
 * pmap_unwire: see vm/pmap.h (I-PM1).  No TLB flush: the CPU ignores
 * PG_W.  Takes pm_mtx; panics on a valid PTE without PG_W.
 */
void
pmap_unwire(pmap_t pmap, vm_offset_t sva, vm_offset_t eva)
{
	vm_offset_t va, next;
	pt_entry_t *pte;

	pmap_check_range(pmap, sva, eva);
	mtx_lock(&pmap->pm_mtx);
	for (va = sva; va < eva; va = next) {
		pte = pmap_pte_or_skip(pmap, va, &next);
		if (pte == NULL || (*pte & PG_V) == 0)
			continue;
		if ((*pte & PG_W) == 0)
			panic("pmap_unwire: pmap %p va %#lx: valid mapping "
			    "%#llx is not wired (I-PM1)", pmap, (u_long)va,
			    (unsigned long long)*pte);
		/* PG_W is the OS's bit: the TLB does not care. */
		pte_update(pte, PG_W, 0);
		pmap->pm_stats.wired_count--;
	}
	mtx_unlock(&pmap->pm_mtx);
}

/* pmap_extract: see vm/pmap.h.  Takes pm_mtx of a user pmap; no sleep. */
vm_paddr_t
pmap_extract(pmap_t pmap, vm_offset_t va)
{
	pt_entry_t *pte;
	vm_paddr_t pa = 0;

	/* The kernel half is the kernel pmap's, shared. */
	if (pmap == kernel_pmap || va >= PMAP_USER_END)
		return (pmap_kextract(va));
	mtx_lock(&pmap->pm_mtx);
	pte = pmap_entry(pmap, va, 1);
	if (pte != NULL && (*pte & PG_V) != 0)
		pa = (*pte & PG_FRAME) | (va & PAGE_MASK);
	mtx_unlock(&pmap->pm_mtx);
	return (pa);
}

/* pmap_mincore: see vm/pmap.h. */
int
pmap_mincore(pmap_t pmap, vm_offset_t va)
{
	pt_entry_t *pte, bits = 0;
	int val = 0;

	if (pmap == kernel_pmap || va >= PMAP_USER_END)
		return (0);
	mtx_lock(&pmap->pm_mtx);
	pte = pmap_entry(pmap, va, 1);
	if (pte != NULL)
		bits = *pte;
	mtx_unlock(&pmap->pm_mtx);
	if ((bits & PG_V) == 0)
		return (0);
	val = MINCORE_INCORE;
	if ((bits & PG_A) != 0)
		val |= MINCORE_REFERENCED;
	if ((bits & (PG_M | PG_RW)) == (PG_M | PG_RW))
		val |= MINCORE_MODIFIED;
	return (val);
}

/* pmap_is_wired: see vm/pmap.h. */
bool
pmap_is_wired(pmap_t pmap, vm_offset_t va)
{
	pt_entry_t *pte, bits = 0;

	if (pmap == kernel_pmap || va >= PMAP_USER_END)
		return (false);
	mtx_lock(&pmap->pm_mtx);
	pte = pmap_entry(pmap, va, 1);
	if (pte != NULL)
		bits = *pte;
	mtx_unlock(&pmap->pm_mtx);
	return ((bits & (PG_V | PG_W)) == (PG_V | PG_W));
}

/* pmap_pv_pte: see x86/pv.h. */
pt_entry_t *
pmap_pv_pte(vm_page_t m, struct pv_entry *pv)
{
	pt_entry_t *pte;

	pte = pmap_entry(pv->pv_pmap, pv->pv_va, 1);
	KASSERT(pte != NULL && (*pte & PG_V) != 0 &&
	    (*pte & PG_FRAME) == VM_PAGE_TO_PHYS(m),
	    ("pmap: pv entry of page %#llx at %#lx in pmap %p has no PTE",
	    (unsigned long long)m->phys_addr, (u_long)pv->pv_va,
	    pv->pv_pmap));
	return (pte);
}

/*
 * pmap_remove_all: see vm/pmap.h.  Takes each mapping's pmap lock in
 * turn; the page may no longer be writable anywhere afterwards.
 */
void
pmap_remove_all(vm_page_t m)
{
	struct pmap_ptplist free = TAILQ_HEAD_INITIALIZER(free);
	struct pv_entry *pv;
	pmap_t pmap;
	vm_offset_t va;

	KASSERT((m->oflags & VPO_UNMANAGED) == 0,
	    ("pmap_remove_all: page %#llx is unmanaged",
	    (unsigned long long)m->phys_addr));
	while ((pv = m->pv_list) != NULL) {
		pmap = pv->pv_pmap;
		va = pv->pv_va;
		mtx_lock(&pmap->pm_mtx);
		pmap_remove_pte(pmap, va, pmap_pv_pte(m, pv), &free);
		pmap_invalidate_page(pmap, va);
		pmap_free_ptps(&free);
		mtx_unlock(&pmap->pm_mtx);
	}
	m->aflags &= ~PGA_WRITEABLE;
}

/* The direct-map address of page `m`; every page of RAM has one. */
static void *
pmap_page_dmap(vm_page_t m)
{
	KASSERT(VM_PAGE_TO_PHYS(m) < dmap_max_pa, ("pmap: page %#llx is "
	    "outside the direct map", (unsigned long long)m->phys_addr));
	return ((void *)PHYS_TO_DMAP(VM_PAGE_TO_PHYS(m)));
}

/* pmap_zero_page / pmap_copy_page: through the DMAP.  Any context. */
void
pmap_zero_page(vm_page_t m)
{
	pagezero(pmap_page_dmap(m));
}

void
pmap_copy_page(vm_page_t src, vm_page_t dst)
{
	pagecopy(pmap_page_dmap(dst), pmap_page_dmap(src));
}

/* pmap_copy_to_page: see vm/pmap.h.  Through the DMAP. */
void
pmap_copy_to_page(const void *src, vm_page_t m, size_t len)
{
	char *dst = pmap_page_dmap(m);

	KASSERT(len <= PAGE_SIZE, ("pmap_copy_to_page: %zu bytes", len));
	memcpy(dst, src, len);
	memset(dst + len, 0, PAGE_SIZE - len);
}

/* pmap_quick_enter_page / pmap_quick_remove_page: the DMAP, nothing held. */
vm_offset_t
pmap_quick_enter_page(vm_page_t m)
{
	return ((vm_offset_t)pmap_page_dmap(m));
}

void
pmap_quick_remove_page(vm_offset_t va)
{
	(void)va;
}

/*
 * pmap_kenter_attr / pmap_kenter: see vm/pmap.h.  These mappings are
 * wired (PG_W) and counted in kernel_pmap's statistics like pmap_enter's,
 * so either kind may be removed with either function; they have no pv
 * entry.  Takes the kernel pmap's lock; panics if the page table is
 * missing (pmap_growkernel first).  No sleep.
 */
void
pmap_kenter_attr(vm_offset_t va, vm_paddr_t pa, vm_memattr_t ma)
{
	pmap_t pmap = kernel_pmap;
	pt_entry_t *pte, old;

	pmap_check_range(pmap, va, va + PAGE_SIZE);
	KASSERT((pa & PAGE_MASK) == 0, ("pmap_kenter: pa %#llx",
	    (unsigned long long)pa));
	mtx_lock(&pmap->pm_mtx);
	pte = pmap_entry(pmap, va, 1);
	if (pte == NULL)
		panic("pmap_kenter: no page table for %#lx "
		    "(pmap_growkernel first)", (u_long)va);
	old = __atomic_exchange_n(pte, pa | PG_V | PG_RW | PG_A | PG_M | PG_W |
	    pmap_pg_g | pg_nx | pat_pte_bits(ma, false), __ATOMIC_SEQ_CST);
	KASSERT((old & PG_MANAGED) == 0, ("pmap_kenter: %#lx has a managed "
	    "mapping", (u_long)va));
	if ((old & PG_V) == 0)
		pmap->pm_stats.resident_count++;
	if ((old & PG_W) == 0)
		pmap->pm_stats.wired_count++;
	if ((old & PG_V) != 0)
		pmap_invalidate_page(pmap, va);
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
	pt_entry_t *pte, old;

	pmap_check_range(pmap, va, va + PAGE_SIZE);
	mtx_lock(&pmap->pm_mtx);
	pte = pmap_entry(pmap, va, 1);
	if (pte != NULL && (*pte & PG_V) != 0) {
		old = __atomic_exchange_n(pte, 0, __ATOMIC_SEQ_CST);
		KASSERT((old & PG_MANAGED) == 0, ("pmap_kremove: %#lx has a "
		    "managed mapping", (u_long)va));
		pmap->pm_stats.resident_count--;
		if ((old & PG_W) != 0)
			pmap->pm_stats.wired_count--;
		pmap_invalidate_page(pmap, va);
	}
	mtx_unlock(&pmap->pm_mtx);
}

/* Kernel page tables may take the last free pages (class INTERRUPT). */
#define PMAP_KTABLE_REQ	((VM_ALLOC_PGTABLE & ~VM_ALLOC_CLASS_MASK) | \
			 VM_ALLOC_INTERRUPT)

/*
 * pmap_growkernel: see vm/pmap.h.  Tables exist for [VM_KVA_START,
 * kernel_vm_end), grown 2 MiB at a time; a step that cannot get its
 * pages takes none.  Takes the kernel pmap's lock; no sleep.
 */
int
pmap_growkernel(vm_offset_t addr)
{
	pmap_t pmap = kernel_pmap;
	vm_page_t ptp[PT_LEVELS - 1];
	vm_offset_t end;
	int level;

	KASSERT(addr <= VM_KVA_END, ("pmap_growkernel: %#lx is past the "
	    "kernel VA arena", (u_long)addr));
	end = roundup(addr, NBPDR);
	mtx_lock(&pmap->pm_mtx);
	for (; kernel_vm_end < end; kernel_vm_end += NBPDR) {
		/* The arena's PDPT exists from pmap_bootstrap on. */
		level = pmap_missing_level(pmap, kernel_vm_end);
		KASSERT(level < PT_LEVELS, ("pmap_growkernel: no PDPT"));
		if (!pmap_alloc_ptps(ptp, level - 1, PMAP_KTABLE_REQ)) {
			mtx_unlock(&pmap->pm_mtx);
			return (ENOMEM);
		}
		pmap_link_ptps(pmap, kernel_vm_end, level, ptp);
	}
	mtx_unlock(&pmap->pm_mtx);
	return (0);
}

/*
 * pmap_mapdev_attr / pmap_unmapdev: see vm/pmap.h.  VA from kva_alloc,
 * one pmap_kenter_attr per page.  No locks held by the caller; no sleep.
 */
void *
pmap_mapdev_attr(vm_paddr_t pa, vm_size_t size, vm_memattr_t ma)
{
	vm_offset_t va, offset, i;

	offset = pa & PAGE_MASK;
	size = round_page(offset + size);
	pa -= offset;
	va = kva_alloc(size);
	if (va == 0)
		return (NULL);
	if (pmap_growkernel(va + size) != 0) {
		kva_free(va, size);
		return (NULL);
	}
	for (i = 0; i < size; i += PAGE_SIZE)
		pmap_kenter_attr(va + i, pa + i, ma);
	return ((void *)(va + offset));
}

void
pmap_unmapdev(void *p, vm_size_t size)
{
	vm_offset_t va = (vm_offset_t)p, offset, i;

	offset = va & PAGE_MASK;
	size = round_page(offset + size);
	va -= offset;
	for (i = 0; i < size; i += PAGE_SIZE)
		pmap_kremove(va + i);
	kva_free(va, size);
}

/*
 * pmap_activate: load `pmap`'s PML4.  Non-global (user) TLB entries go;
 * the kernel's global ones stay, the kernel half being the same in every
 * pmap.  Any context.
 */
void
pmap_activate(pmap_t pmap)
{
	load_cr3(pmap->pm_cr3);
}

/* pmap_init: see vm/pmap.h.  Boot only. */
void
pmap_init(void)
{
	pv_init();
}
