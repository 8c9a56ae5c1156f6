/*
 * pmap.c - the i386 pmap at run time: 2-level page tables, 4 KiB pages,
 * no PAE.  User pmaps (pmap_pinit .. pmap_release), pmap_enter and the
 * range operations on any pmap, the pv-based queries of a managed page,
 * and TLB invalidation.  pmap_bootstrap.c builds the kernel's own tables
 * at boot; pmap_kernel.c has the kernel VA arena's mappings (pmap_kenter,
 * pmap_mapdev_attr) and page zeroing and copying.
 *
 * Decisions:
 *
 * - The kernel's PDEs never change after boot.  pmap_bootstrap()
 *   allocates every kernel page table there will ever be: the direct
 *   window's, all 64 of the 256 MiB kernel VA arena's and the
 *   temporary-mapping area's; the early device window's 4 MiB pages are
 *   fixed too.  pmap_pinit() therefore copies PDEs 768..1023 once and a
 *   kernel mapping made later is seen by every pmap, with no list of
 *   all pmaps to update (FreeBSD's i386 pmap_growkernel walks one).
 *   pmap_growkernel() only checks bounds.  The cost is 256 KiB of page
 *   tables for the arena on every machine, 32 MiB ones included.
 *
 * - Every page-table page, kernel or user, lies in the direct window
 *   (user ones are allocated with VM_ALLOC_DIRECT), so PTEs are reached
 *   at PHYS_TO_DMAP(); there is no recursive mapping.
 *
 * - RAM above the direct window (512 MiB .. 4 GiB) has no permanent
 *   mapping.  pmap_zero_page() and pmap_copy_page() map such a page for
 *   a moment at this CPU's temporary addresses (pmap_kernel.c).
 *
 * - No NX: i386 PTEs without PAE have no execute-disable bit, so
 *   VM_PROT_EXECUTE cannot be taken away and every readable page is
 *   executable.
 *
 * A mapping's PTE carries PG_W when it is wired (pm_stats.wired_count
 * counts those) and PG_MANAGED when the page has a pv entry for it.  A
 * user page table's vm_page counts its valid entries in
 * plinks.ptp.entries; the table is freed when that drops to 0.
 * Mappings in the kernel VA arena, pmap_kenter's included, count in
 * kernel_pmap's statistics (pmap_kenter mappings are wired); the direct
 * window, the kernel image and the temporary mappings do not.
 *
 * Locking: pm_mtx around every change of a pmap's tables or counters.
 * Page allocation and freeing happen under it (vm_free_mtx is a leaf),
 * and so do pv_insert/pv_remove, as x86/pv.h asks.  A page's pv list is
 * walked with one pmap lock at a time: with one CPU and no pmap work in
 * interrupt handlers, nothing changes it meanwhile.  TLB entries are
 * flushed only in pmap_invalidate_page/range/all, where SMP shootdown
 * will go.
 */
#include <kernel/systm.h>
#include <kernel/mutex.h>
#include <sys/errno.h>
#include <sys/_mman.h>
#include <vm/vm.h>
#include <vm/vm_page.h>
#include <vm/pmap.h>
#include <machine/vmparam.h>
#include <x86/cpufunc.h>
#include <x86/pat.h>
#include <x86/pv.h>

/* Flush single pages up to this many; beyond it, the whole TLB. */


/* A user page table: writable and user-accessible (the PTEs decide). */
#define UPDE_BITS	(PG_V | PG_RW | PG_U | PG_A)

/* m->dirty when the hardware says the page was written: all of it. */
#define PMAP_DIRTY_ALL	((uint8_t)~0)

struct pmap	kernel_pmap_store;
pt_entry_t	pmap_pg_g;
vm_paddr_t	pmap_direct_end;

/* Clear a PTE and return what it held, A/D bits set meanwhile included. */
static inline pt_entry_t
pte_load_clear(pt_entry_t *pte)
{
	return (__atomic_exchange_n(pte, 0, __ATOMIC_SEQ_CST));
}

static inline void
pte_clear_bits(pt_entry_t *pte, pt_entry_t bits)
{
	__atomic_fetch_and(pte, ~bits, __ATOMIC_SEQ_CST);
}

pt_entry_t *
pmap_pte(pmap_t pmap, vm_offset_t va)
{
	pd_entry_t pde;

	pde = pmap->pm_pdir[pdei(va)];
	if ((pde & PG_V) == 0 || (pde & PG_PS) != 0)
		return (NULL);
	return ((pt_entry_t *)PHYS_TO_DMAP(pde & PG_FRAME) + ptei(va));
}

/* Where [va, eva) leaves the 4 MiB that one page table covers. */
static vm_offset_t
pmap_pde_end(vm_offset_t va, vm_offset_t eva)
{
	vm_offset_t next;

	next = (va + NBPDR) & ~(vm_offset_t)PDRMASK;
	return (next != 0 && next < eva ? next : eva);
}

/*
 * The ranges the MI interfaces may work on: user addresses in a user
 * pmap, the kernel VA arena in the kernel's.
 */
static void
pmap_check_range(pmap_t pmap, vm_offset_t sva, vm_offset_t eva)
{
	KASSERT(sva <= eva && (sva & PAGE_MASK) == 0 &&
	    (eva & PAGE_MASK) == 0, ("pmap: bad range %#lx - %#lx",
	    (u_long)sva, (u_long)eva));
	KASSERT(pmap == kernel_pmap ?
	    sva >= VM_KVA_START && eva <= VM_KVA_END :
	    eva <= VM_MIN_KERNEL_ADDRESS,
	    ("pmap %p: range %#lx - %#lx outside its part", pmap, (u_long)sva,
	    (u_long)eva));
}

/* The vm_page of a user page table, from its PDE. */
static vm_page_t
pmap_ptp_page(pmap_t pmap, vm_offset_t va)
{
	if (pmap == kernel_pmap)
		return (NULL);	/* never counted, never freed */
	return (PHYS_TO_VM_PAGE(pmap->pm_pdir[pdei(va)] & PG_FRAME));
}

static void
pmap_free_pgtable_page(vm_page_t m)
{
	if (vm_page_unwire_noq(m, VM_WIRE_PGTABLE))
		vm_page_free(m);
}

/*
 * A user page table for `va`, zeroed and linked into the page directory,
 * or NULL if no page was free.  pm_mtx held.
 */
static vm_page_t
pmap_alloc_ptp(pmap_t pmap, vm_offset_t va)
{
	vm_page_t m;
	vm_paddr_t pa;

	m = vm_page_alloc_noobj(VM_ALLOC_PGTABLE | VM_ALLOC_DIRECT |
	    VM_ALLOC_NOWAIT);
	if (m == NULL)
		return (NULL);
	pa = VM_PAGE_TO_PHYS(m);
	KASSERT(pa < pmap_direct_end, ("page table %#llx outside the direct "
	    "window", (unsigned long long)pa));
	m->plinks.ptp.entries = 0;
	pmap->pm_pdir[pdei(va)] = (pd_entry_t)pa | UPDE_BITS;
	return (m);
}

/*
 * Unlink the empty user page table `ptp` covering `va` and free it.
 * The caller has flushed the TLB entries of its former mappings.
 * pm_mtx held.
 */
static void
pmap_free_ptp(pmap_t pmap, vm_offset_t va, vm_page_t ptp)
{
	KASSERT(ptp->plinks.ptp.entries == 0, ("pmap: freeing page table "
	    "%#llx with %u entries", (unsigned long long)ptp->phys_addr,
	    ptp->plinks.ptp.entries));
	pmap->pm_pdir[pdei(va)] = 0;
	/*
	 * The PTEs are all invalid already; invlpg drops what the CPU may
	 * have cached of the PDE (the paging-structure caches).
	 */
	pmap_invalidate_page(pmap, va);
	pmap_free_pgtable_page(ptp);
}

/*
 * Account for the mapping `oldpte` of `va`, just cleared: counters, the
 * page's pv entry, and its A/D bits moved to the vm_page.  pm_mtx held.
 */
static void
pmap_unmap_account(pmap_t pmap, vm_offset_t va, pt_entry_t oldpte)
{
	vm_page_t m;

	pmap->pm_stats.resident_count--;
	if ((oldpte & PG_W) != 0)
		pmap->pm_stats.wired_count--;
	if ((oldpte & PG_MANAGED) == 0)
		return;
	m = PHYS_TO_VM_PAGE(oldpte & PG_FRAME);
	KASSERT(m != NULL, ("pmap: managed PTE %#x maps no vm_page", oldpte));
	if ((oldpte & PG_M) != 0)
		m->dirty = PMAP_DIRTY_ALL;
	if ((oldpte & PG_A) != 0)
		m->aflags |= PGA_REFERENCED;
	pv_remove(m, pmap, va);
}

/*
 * Remove the valid mappings in [sva, eva), which one page table at `pt`
 * covers; flush them and free the page table if it became empty.
 * pm_mtx held.
 */
static void
pmap_remove_ptes(pmap_t pmap, pt_entry_t *pt, vm_offset_t sva,
    vm_offset_t eva)
{
	vm_offset_t va, first = 0, last = 0;
	vm_page_t ptp;
	pt_entry_t *pte;
	bool any = false;

	ptp = pmap_ptp_page(pmap, sva);
	for (va = sva; va < eva; va += PAGE_SIZE) {
		pte = &pt[ptei(va)];
		if ((*pte & PG_V) == 0)
			continue;
		pmap_unmap_account(pmap, va, pte_load_clear(pte));
		if (ptp != NULL)
			ptp->plinks.ptp.entries--;
		if (!any)
			first = va;
		last = va;
		any = true;
	}
	if (!any)
		return;
	pmap_invalidate_range(pmap, first, last + PAGE_SIZE);
	if (ptp != NULL && ptp->plinks.ptp.entries == 0)
		pmap_free_ptp(pmap, sva, ptp);
}

/*
 * pmap_pinit (vm/pmap.h): a page directory in the direct window with the
 * kernel's PDEs copied in; they never change (see the top of the file).
 * 0 or ENOMEM.  No locks held on entry; does not sleep.
 */
int
pmap_pinit(pmap_t pmap)
{
	vm_page_t m;
	vm_paddr_t pa;

	m = vm_page_alloc_noobj(VM_ALLOC_PGTABLE | VM_ALLOC_DIRECT |
	    VM_ALLOC_NOWAIT);
	if (m == NULL)
		return (ENOMEM);
	pa = VM_PAGE_TO_PHYS(m);
	KASSERT(pa < pmap_direct_end, ("page directory %#llx outside the "
	    "direct window", (unsigned long long)pa));
	mtx_init(&pmap->pm_mtx, "pmap");
	pmap->pm_pdir = (pd_entry_t *)PHYS_TO_DMAP(pa);
	pmap->pm_cr3 = pa;
	pmap->pm_stats.resident_count = 0;
	pmap->pm_stats.wired_count = 0;
	memcpy(&pmap->pm_pdir[KPDI], &kernel_pmap->pm_pdir[KPDI],
	    (NPDEPG - KPDI) * sizeof(pd_entry_t));
	return (0);
}

/* Whether a user pmap's page directory has no page table left. */
static bool __unused
pmap_user_pdes_empty(pmap_t pmap)
{
	u_int i;

	for (i = 0; i < KPDI; i++)
		if (pmap->pm_pdir[i] != 0)
			return (false);
	return (true);
}

/*
 * pmap_release (vm/pmap.h): free the page directory of a pmap without
 * mappings (I-PM2), which must not be active.  Does not sleep.
 */
void
pmap_release(pmap_t pmap)
{
	KASSERT(pmap != kernel_pmap, ("pmap_release of the kernel pmap"));
	KASSERT(pmap->pm_stats.resident_count == 0 &&
	    pmap->pm_stats.wired_count == 0,
	    ("pmap_release: %p still has %ld resident, %ld wired", pmap,
	    pmap->pm_stats.resident_count, pmap->pm_stats.wired_count));
	KASSERT(pmap_user_pdes_empty(pmap),
	    ("pmap_release: %p still has page tables", pmap));
	KASSERT(rcr3() != pmap->pm_cr3, ("pmap_release: %p is active", pmap));
	pmap_free_pgtable_page(PHYS_TO_VM_PAGE(pmap->pm_cr3));
	pmap->pm_pdir = NULL;
	pmap->pm_cr3 = 0;
}

/* The PTE bits pmap_enter asks for. */
static pt_entry_t
pmap_enter_bits(pmap_t pmap, vm_page_t m, vm_prot_t prot, u_int flags)
{
	pt_entry_t bits;

	bits = PG_V | (pt_entry_t)pat_pte_bits(m->pat_mode, false);
	if ((prot & VM_PROT_WRITE) != 0)
		bits |= PG_RW;
	if ((flags & VM_PROT_ALL) != 0)
		bits |= PG_A;
	if ((flags & prot & VM_PROT_WRITE) != 0)
		bits |= PG_M;
	if ((flags & PMAP_ENTER_WIRED) != 0)
		bits |= PG_W;
	if ((m->oflags & VPO_UNMANAGED) == 0)
		bits |= PG_MANAGED;
	bits |= pmap == kernel_pmap ? pmap_pg_g : PG_U;
	return (bits);
}

/*
 * The same page entered again at `va`: new protection and wiring, the
 * pv entry and the A/D bits stay.  pm_mtx held.
 */
static void
pmap_enter_same(pmap_t pmap, vm_offset_t va, pt_entry_t *pte,
    pt_entry_t origpte, pt_entry_t newpte)
{
	KASSERT((origpte & PG_MANAGED) == (newpte & PG_MANAGED),
	    ("pmap_enter: page at %#lx changed managed state", (u_long)va));
	newpte |= origpte & (PG_A | PG_M);
	if ((origpte & PG_W) != 0 && (newpte & PG_W) == 0)
		pmap->pm_stats.wired_count--;
	else if ((origpte & PG_W) == 0 && (newpte & PG_W) != 0)
		pmap->pm_stats.wired_count++;
	*pte = newpte;
	if ((origpte & ~PG_W) != (newpte & ~PG_W))
		pmap_invalidate_page(pmap, va);
}

/*
 * pmap_enter (vm/pmap.h): for a user pmap `va` is below KERNBASE, for
 * the kernel pmap in the VA arena.  KERN_RESOURCE_SHORTAGE (nothing
 * changed) if a page table or a pv entry could not be had.  Takes
 * pm_mtx; does not sleep.
 */
int
pmap_enter(pmap_t pmap, vm_offset_t va, vm_page_t m, vm_prot_t prot,
    u_int flags)
{
	pt_entry_t *pte, origpte, newpte;
	vm_paddr_t pa;
	vm_page_t ptp = NULL;

	pmap_check_range(pmap, va, va + PAGE_SIZE);
	pa = VM_PAGE_TO_PHYS(m);
	KASSERT(pa < VM_PHYS_MAX_PA, ("pmap_enter: page %#llx beyond 4 GiB",
	    (unsigned long long)pa));
	newpte = (pt_entry_t)pa | pmap_enter_bits(pmap, m, prot, flags);

	mtx_lock(&pmap->pm_mtx);
	pte = pmap_pte(pmap, va);
	if (pte == NULL) {
		KASSERT(pmap != kernel_pmap, ("pmap_enter: no kernel page "
		    "table for %#lx", (u_long)va));
		ptp = pmap_alloc_ptp(pmap, va);
		if (ptp == NULL) {
			mtx_unlock(&pmap->pm_mtx);
			return (KERN_RESOURCE_SHORTAGE);
		}
		pte = pmap_pte(pmap, va);
	}
	origpte = *pte;
	if ((origpte & PG_V) != 0 && (origpte & PG_FRAME) == pa) {
		pmap_enter_same(pmap, va, pte, origpte, newpte);
		mtx_unlock(&pmap->pm_mtx);
		return (KERN_SUCCESS);
	}
	if ((newpte & PG_MANAGED) != 0 && !pv_insert(m, pmap, va)) {
		if (ptp != NULL)
			pmap_free_ptp(pmap, va, ptp);
		mtx_unlock(&pmap->pm_mtx);
		return (KERN_RESOURCE_SHORTAGE);
	}
	if ((origpte & PG_V) != 0) {
		/* Another page was mapped here: it goes. */
		pmap_unmap_account(pmap, va, pte_load_clear(pte));
	} else if (pmap != kernel_pmap) {
		pmap_ptp_page(pmap, va)->plinks.ptp.entries++;
	}
	pmap->pm_stats.resident_count++;
	if ((newpte & PG_W) != 0)
		pmap->pm_stats.wired_count++;
	if ((newpte & (PG_MANAGED | PG_RW)) == (PG_MANAGED | PG_RW))
		m->aflags |= PGA_WRITEABLE;
	*pte = newpte;
	if ((origpte & PG_V) != 0)
		pmap_invalidate_page(pmap, va);
	mtx_unlock(&pmap->pm_mtx);
	return (KERN_SUCCESS);
}

/*
 * pmap_remove (vm/pmap.h): skips missing page tables 4 MiB at a time.
 * Takes pm_mtx; does not sleep.
 */
void
pmap_remove(pmap_t pmap, vm_offset_t sva, vm_offset_t eva)
{
	vm_offset_t va, next;
	pt_entry_t *pte;

	pmap_check_range(pmap, sva, eva);
	mtx_lock(&pmap->pm_mtx);
	for (va = sva; va < eva; va = next) {
		next = pmap_pde_end(va, eva);
		pte = pmap_pte(pmap, va);
		if (pte != NULL)
			pmap_remove_ptes(pmap, pte - ptei(va), va, next);
	}
	mtx_unlock(&pmap->pm_mtx);
}

/*
 * pmap_protect (vm/pmap.h): only write permission can go (no NX on
 * i386); a lowered mapping keeps its dirty bit.  Takes pm_mtx.
 */
void
pmap_protect(pmap_t pmap, vm_offset_t sva, vm_offset_t eva, vm_prot_t prot)
{
	vm_offset_t va, next, first, last;
	pt_entry_t *pte;
	bool any;

	if (prot == VM_PROT_NONE) {
		pmap_remove(pmap, sva, eva);
		return;
	}
	pmap_check_range(pmap, sva, eva);
	if ((prot & VM_PROT_WRITE) != 0)
		return;
	mtx_lock(&pmap->pm_mtx);
	for (va = sva; va < eva; va = next) {
		next = pmap_pde_end(va, eva);
		if ((pte = pmap_pte(pmap, va)) == NULL)
			continue;
		any = false;
		first = last = va;
		for (; va < next; va += PAGE_SIZE, pte++) {
			if ((*pte & (PG_V | PG_RW)) != (PG_V | PG_RW))
				continue;
			pte_clear_bits(pte, PG_RW);
			if (!any)
				first = va;
			last = va;
			any = true;
		}
		if (any)
			pmap_invalidate_range(pmap, first, last + PAGE_SIZE);
	}
	mtx_unlock(&pmap->pm_mtx);
}

/*
 * pmap_unwire (vm/pmap.h, SEMANTICS I-PM1).  PG_W is a software bit:
 * no TLB flush.  Takes pm_mtx; panics on a valid PTE without PG_W.
 */
void
pmap_unwire(pmap_t pmap, vm_offset_t sva, vm_offset_t eva)
{
	vm_offset_t va, next;
	pt_entry_t *pte;

	pmap_check_range(pmap, sva, eva);
	mtx_lock(&pmap->pm_mtx);
	for (va = sva; va < eva; va = next) {
		next = pmap_pde_end(va, eva);
		if ((pte = pmap_pte(pmap, va)) == NULL)
			continue;
		for (; va < next; va += PAGE_SIZE, pte++) {
			if ((*pte & PG_V) == 0)
				continue;
			if ((*pte & PG_W) == 0)
				panic("pmap_unwire: pmap %p va %#lx: valid "
				    "mapping %#x is not wired (I-PM1)", pmap,
				    (u_long)va, *pte);
			pte_clear_bits(pte, PG_W);
			pmap->pm_stats.wired_count--;
		}
	}
	mtx_unlock(&pmap->pm_mtx);
}

/* The physical address `va` maps to in `pmap`, or 0.  No lock taken. */
static vm_paddr_t
pmap_extract_locked(pmap_t pmap, vm_offset_t va)
{
	pd_entry_t pde;
	pt_entry_t *pte;

	pde = pmap->pm_pdir[pdei(va)];
	if ((pde & (PG_V | PG_PS)) == (PG_V | PG_PS))
		return ((pde & PG_PS_FRAME) | (va & PDRMASK));
	pte = pmap_pte(pmap, va);
	if (pte == NULL || (*pte & PG_V) == 0)
		return (0);
	return ((*pte & PG_FRAME) | (va & PAGE_MASK));
}

/* pmap_extract (vm/pmap.h): takes pm_mtx. */
vm_paddr_t
pmap_extract(pmap_t pmap, vm_offset_t va)
{
	vm_paddr_t pa;

	mtx_lock(&pmap->pm_mtx);
	pa = pmap_extract_locked(pmap, va);
	mtx_unlock(&pmap->pm_mtx);
	return (pa);
}

/* pmap_mincore (vm/pmap.h): takes pm_mtx. */
int
pmap_mincore(pmap_t pmap, vm_offset_t va)
{
	pt_entry_t *pte, bits = 0;
	int val;

	if (pmap == kernel_pmap || va >= VM_MAX_USER_ADDRESS)
		return (0);
	mtx_lock(&pmap->pm_mtx);
	pte = pmap_pte(pmap, va);
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

/*
 * pmap_kextract (vm/pmap.h): any kernel address (direct window, image,
 * arena, device window).  No lock: the kernel's page tables never go
 * away, and one PTE read is atomic.  Any context.
 */
vm_paddr_t
pmap_kextract(vm_offset_t va)
{
	return (pmap_extract_locked(kernel_pmap, va));
}

/*
 * pmap_remove_all (vm/pmap.h): every mapping of managed page `m`, found
 * through its pv list; takes each pmap's lock in turn.
 */
void
pmap_remove_all(vm_page_t m)
{
	struct pv_entry *pv;
	pmap_t pmap;
	vm_offset_t va;
	pt_entry_t *pte;

	KASSERT((m->oflags & VPO_UNMANAGED) == 0,
	    ("pmap_remove_all: page %#llx is unmanaged",
	    (unsigned long long)m->phys_addr));
	while ((pv = m->pv_list) != NULL) {
		pmap = pv->pv_pmap;
		va = pv->pv_va;
		mtx_lock(&pmap->pm_mtx);
		pte = pmap_pte(pmap, va);
		KASSERT(pte != NULL && (*pte & PG_FRAME) == m->phys_addr &&
		    (*pte & PG_V) != 0, ("pmap_remove_all: pv entry for %#lx "
		    "in pmap %p but no mapping", (u_long)va, pmap));
		pmap_remove_ptes(pmap, pte - ptei(va), va, va + PAGE_SIZE);
		mtx_unlock(&pmap->pm_mtx);
	}
	m->aflags &= ~PGA_WRITEABLE;
}

/*
 * Call `fn` on the PTE of each mapping of managed page `m`, with that
 * pmap locked; returns the sum of what `fn` returned.
 */
static int
pmap_pv_foreach(vm_page_t m, int (*fn)(pmap_t, vm_offset_t, pt_entry_t *))
{
	struct pv_entry *pv;
	pt_entry_t *pte;
	int sum = 0;

	KASSERT((m->oflags & VPO_UNMANAGED) == 0,
	    ("pmap: A/D query of unmanaged page %#llx",
	    (unsigned long long)m->phys_addr));
	for (pv = m->pv_list; pv != NULL; pv = pv->pv_next) {
		mtx_lock(&pv->pv_pmap->pm_mtx);
		pte = pmap_pte(pv->pv_pmap, pv->pv_va);
		KASSERT(pte != NULL && (*pte & PG_V) != 0,
		    ("pmap: pv entry for %#lx in pmap %p but no mapping",
		    (u_long)pv->pv_va, pv->pv_pmap));
		sum += fn(pv->pv_pmap, pv->pv_va, pte);
		mtx_unlock(&pv->pv_pmap->pm_mtx);
	}
	return (sum);
}

static int
pte_is_modified(pmap_t pmap, vm_offset_t va, pt_entry_t *pte)
{
	return ((*pte & PG_M) != 0);
}

static int
pte_clear_modify(pmap_t pmap, vm_offset_t va, pt_entry_t *pte)
{
	if ((*pte & PG_M) == 0)
		return (0);
	/* Flush too, or a cached dirty translation never sets D again. */
	pte_clear_bits(pte, PG_M);
	pmap_invalidate_page(pmap, va);
	return (1);
}

static int
pte_ts_referenced(pmap_t pmap, vm_offset_t va, pt_entry_t *pte)
{
	if ((*pte & PG_A) == 0)
		return (0);
	pte_clear_bits(pte, PG_A);
	pmap_invalidate_page(pmap, va);
	return (1);
}

/* pmap_is_modified (vm/pmap.h): takes the pmap locks in turn. */
bool
pmap_is_modified(vm_page_t m)
{
	return (pmap_pv_foreach(m, pte_is_modified) != 0);
}

/* pmap_clear_modify (vm/pmap.h): takes the pmap locks in turn. */
void
pmap_clear_modify(vm_page_t m)
{
	(void)pmap_pv_foreach(m, pte_clear_modify);
}

/* pmap_ts_referenced (vm/pmap.h): takes the pmap locks in turn. */
int
pmap_ts_referenced(vm_page_t m)
{
	return (pmap_pv_foreach(m, pte_ts_referenced));
}

/*
 * pmap_activate (vm/pmap.h): load `pmap`'s page directory.  The kernel
 * part is the same in all, so only user translations change.
 */
void
pmap_activate(pmap_t pmap)
{
	if (rcr3() != pmap->pm_cr3)
		load_cr3(pmap->pm_cr3);
}

/*
 * pmap_init (vm/pmap.h): the pv zone.  The kernel's page tables were
 * wired (VM_WIRE_PGTABLE) by vm_page_startup() as boot allocations.
 */
void
pmap_init(void)
{
	vm_page_t m;

	m = PHYS_TO_VM_PAGE(kernel_pmap->pm_cr3);
	if (m == NULL || m->wire_count != 1 ||
	    m->wire_reason != VM_WIRE_PGTABLE)
		panic("pmap_init: the kernel page directory is not a wired "
		    "page-table page");
	pv_init();
}

