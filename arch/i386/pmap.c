/*
 * pmap.c - the i386 pmap at run time: PAE paging (machine/pte.h: a
 * 4-entry PDPT, page directories and page tables of 512 64-bit
 * entries), 4 KiB pages for everything a pmap enters.  User pmaps
 * (pmap_pinit .. pmap_release), pmap_enter and the range operations on
 * any pmap, the pv-based queries of a managed page.  pmap_bootstrap.c
 * builds the kernel's own tables at boot; pmap_kernel.c has the kernel
 * VA arena's mappings (pmap_kenter, pmap_mapdev_attr) and page zeroing
 * and copying.
 *
 * Decisions:
 *
 * - PAE rather than 2-level paging, for the NX bit (bit 63 of an entry,
 *   honoured when EFER.NXE is on): user data, stacks, heaps and
 *   anonymous memory are not executable, as on amd64, and neither is
 *   the kernel's data.  FreeBSD's i386 pmap is PAE for the same reason.
 *   pmap_enter sets PG_NX unless VM_PROT_EXECUTE, pmap_protect sets it
 *   when VM_PROT_EXECUTE goes.  On a CPU without NX pg_nx is 0 and
 *   everything readable is executable.
 *
 * - The kernel's GiB (PDPT slot 3, KERNBASE ..) has one page directory,
 *   pmap_kpd, and every pmap's PDPT points its slot 3 at it: kernel
 *   mappings are the same in every address space with nothing copied.
 *   pmap_bootstrap() makes every kernel page table there will ever be
 *   (the direct window's, all 128 of the 256 MiB kernel VA arena's and
 *   the temporary-mapping area's), so no kernel PDE changes after boot
 *   and pmap_growkernel() only checks bounds.  (With the directory
 *   shared, growing it on demand would be safe too; making the tables
 *   at boot keeps the kernel's page tables fixed, which pmap_kextract
 *   and pmap_check_kernel rely on, for 512 KiB of tables.)
 *
 * - A user pmap has its own PDPT: one page from the direct window (so
 *   below 4 GiB, as CR3 needs, and 32-byte aligned), slots 0..2 for its
 *   own page directories.  Directories and page tables come when
 *   pmap_enter needs them and go when their last entry goes; each
 *   one's vm_page counts its valid entries in plinks.ptp.entries, the
 *   PDPT page its user directories; pm_stats.pgtable_count counts the
 *   pmap's own table pages, the PDPT included.  The CPU reads the four
 *   PDPT entries only when CR3 is loaded, so a change to one of the
 *   current pmap is followed by pmap_invalidate_all(), which reloads
 *   CR3, before the new directory is used or the old one freed.
 *
 * - Every page-table page, kernel or user, lies in the direct window
 *   (user ones are allocated with VM_ALLOC_DIRECT), so entries are
 *   reached at PHYS_TO_DMAP(); there is no recursive mapping.
 *
 * - RAM above the direct window (512 MiB .. 4 GiB) has no permanent
 *   mapping.  pmap_zero_page() and pmap_copy_page() map such a page for
 *   a moment at this CPU's temporary addresses (pmap_kernel.c).
 *
 * - Entries are 64 bits on a 32-bit CPU: every read and write of a live
 *   entry is one atomic cmpxchg8b (pte_load, pte_store, pte_update in
 *   machine/pte.h, which says why).
 *
 * A mapping's PTE carries PG_W when it is wired (pm_stats.wired_count
 * counts those) and PG_MANAGED when the page has a pv entry for it.
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
#include <sys/queue.h>
#include <vm/vm.h>
#include <vm/vm_page.h>
#include <vm/pmap.h>
#include <machine/vmparam.h>
#include <x86/cpufunc.h>
#include <x86/pat.h>
#include <x86/pv.h>

/* A user page table or directory: the leaf PTEs decide the rest. */
#define UPDE_BITS	(PG_V | PG_RW | PG_U | PG_A)
/* A PDPT entry may have nothing else (machine/pte.h). */
#define PDPTE_BITS	PG_V

/* User page-table pages: wired, zeroed, reachable by the direct window. */
#define PMAP_PTP_REQ	(VM_ALLOC_PGTABLE | VM_ALLOC_DIRECT | VM_ALLOC_NOWAIT)

/* m->dirty when the hardware says the page was written: all of it. */
#define PMAP_DIRTY_ALL	((uint8_t)~0)

struct pmap	kernel_pmap_store;
pt_entry_t	pmap_pg_g;
vm_paddr_t	pmap_direct_end;

/*
 * Page-table pages a removal emptied, to be freed once the TLB no longer
 * holds them; `reload` when a PDPT entry changed (CR3 must be loaded).
 */
struct pmap_free {
	TAILQ_HEAD(, vm_page) list;
	bool	reload;
};
#define PMAP_FREE_INIT(f)	{ TAILQ_HEAD_INITIALIZER((f).list), false }

/*
 * The level-`level` entry for `va` in `pmap` (3: PDPT .. 1: PT), or NULL
 * if an entry above it is not present or maps a 2 MiB page.  Kernel
 * addresses go through the shared kernel directory.  pm_mtx held, or
 * `va` is a kernel address.
 */
static pt_entry_t *
pmap_entry(pmap_t pmap, vm_offset_t va, int level)
{
	pt_entry_t *table = pmap->pm_pdpt, e;
	int l;

	for (l = PT_LEVELS; l > level; l--) {
		e = pte_load(&table[PT_INDEX(va, l)]);
		if ((e & PG_V) == 0 || (l < PT_LEVELS && (e & PG_PS) != 0))
			return (NULL);
		table = (pt_entry_t *)PHYS_TO_DMAP(e & PG_FRAME);
	}
	return (&table[PT_INDEX(va, level)]);
}

/* pmap_pte (machine/pmap.h). */
pt_entry_t *
pmap_pte(pmap_t pmap, vm_offset_t va)
{
	return (pmap_entry(pmap, va, 1));
}

/*
 * The PTE of `va` if its page table exists.  If not, NULL, and *nextp is
 * the first address past the hole (the span of the first missing entry).
 */
static pt_entry_t *
pmap_pte_or_skip(pmap_t pmap, vm_offset_t va, vm_offset_t *nextp)
{
	pt_entry_t *table = pmap->pm_pdpt, e;
	int l;

	for (l = PT_LEVELS; l > 1; l--) {
		e = pte_load(&table[PT_INDEX(va, l)]);
		if ((e & PG_V) == 0) {
			*nextp = (vm_offset_t)((va | (PT_SPAN(l) - 1)) + 1);
			return (NULL);
		}
		KASSERT(l == PT_LEVELS || (e & PG_PS) == 0,
		    ("pmap %p: 2 MiB page at %#lx", pmap, (u_long)va));
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

static void
pmap_free_pgtable_page(vm_page_t m)
{
	bool last;

	last = vm_page_unwire_noq(m, VM_WIRE_PGTABLE);
	KASSERT(last, ("pmap: page table %#llx wired twice",
	    (unsigned long long)m->phys_addr));
	vm_page_free(m);
}

/*
 * Free the page-table pages on `free`, after reloading CR3 if a PDPT
 * entry of `pmap` changed (the caller has flushed the TLB entries of
 * the mappings they held).  pm_mtx held.
 */
static void
pmap_free_ptps(pmap_t pmap, struct pmap_free *free)
{
	vm_page_t m;

	if (free->reload) {
		pmap_invalidate_all(pmap);
		free->reload = false;
	}
	while ((m = TAILQ_FIRST(&free->list)) != NULL) {
		TAILQ_REMOVE(&free->list, m, plinks.q);
		pmap_free_pgtable_page(m);
	}
}

/*
 * The level-`level` entry of `va` in user pmap `pmap` was just cleared:
 * count it, and when its table is left empty, clear the entry above
 * that points to the table and put the table on `free`, up to (not
 * including) the PDPT.  The caller flushes the TLB before freeing.
 */
static void
pmap_ptp_unuse(pmap_t pmap, vm_offset_t va, int level, struct pmap_free *free)
{
	vm_page_t m;

	for (;; level++) {
		m = pmap_ptp_of(pmap_entry(pmap, va, level));
		KASSERT(m->plinks.ptp.entries > 0, ("pmap %p: table %#llx "
		    "already empty", pmap, (unsigned long long)m->phys_addr));
		if (--m->plinks.ptp.entries > 0 || level == PT_LEVELS)
			return;
		(void)pte_load_clear(pmap_entry(pmap, va, level + 1));
		if (level + 1 == PT_LEVELS)
			free->reload = true;
		pmap->pm_stats.pgtable_count--;
		TAILQ_INSERT_TAIL(&free->list, m, plinks.q);
	}
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
	KASSERT(m != NULL, ("pmap: managed PTE %#llx maps no vm_page",
	    (unsigned long long)oldpte));
	if ((oldpte & PG_M) != 0)
		m->dirty = PMAP_DIRTY_ALL;
	if ((oldpte & PG_A) != 0)
		m->aflags |= PGA_REFERENCED;
	pv_remove(m, pmap, va);
}

/*
 * Remove the valid mapping of `va` at `pte`: counters, the pv entry,
 * and (user pmaps) the tables it leaves empty, onto `free`.  No TLB
 * flush: the caller does it.  pm_mtx held.
 */
static void
pmap_remove_pte(pmap_t pmap, vm_offset_t va, pt_entry_t *pte,
    struct pmap_free *free)
{
	pt_entry_t old;

	old = pte_load_clear(pte);
	KASSERT((old & PG_V) != 0, ("pmap_remove_pte: %#lx not mapped",
	    (u_long)va));
	pmap_unmap_account(pmap, va, old);
	if (pmap != kernel_pmap)
		pmap_ptp_unuse(pmap, va, 1, free);
}

/*
 * pmap_pinit (vm/pmap.h): a PDPT page in the direct window (below 4
 * GiB, page aligned) whose slot 3 is the kernel's page directory.  0 or
 * ENOMEM.  No locks held on entry; does not sleep.
 */
int
pmap_pinit(pmap_t pmap)
{
	vm_page_t m;
	vm_paddr_t pa;

	m = vm_page_alloc_noobj(PMAP_PTP_REQ);
	if (m == NULL)
		return (ENOMEM);
	pa = VM_PAGE_TO_PHYS(m);
	KASSERT(pa < pmap_direct_end, ("PDPT %#llx outside the direct "
	    "window", (unsigned long long)pa));
	m->plinks.ptp.entries = 0;
	mtx_init(&pmap->pm_mtx, "pmap");
	pmap->pm_pdpt = (pdpt_entry_t *)PHYS_TO_DMAP(pa);
	pmap->pm_cr3 = pa;
	pmap->pm_stats.resident_count = 0;
	pmap->pm_stats.wired_count = 0;
	pmap->pm_stats.pgtable_count = 1;	/* the PDPT */
	/* Slots 0..2 are zero (VM_ALLOC_ZERO); nothing uses this PDPT yet. */
	pmap->pm_pdpt[KPDPTI] = pte_load(&kernel_pmap->pm_pdpt[KPDPTI]);
	return (0);
}

/*
 * pmap_release (vm/pmap.h): free the PDPT of a pmap without mappings
 * (I-PM2) and without page directories, which must not be active.
 * Does not sleep.
 */
void
pmap_release(pmap_t pmap)
{
	vm_page_t m;
	u_int i;

	KASSERT(pmap != kernel_pmap, ("pmap_release of the kernel pmap"));
	KASSERT(pmap->pm_stats.resident_count == 0 &&
	    pmap->pm_stats.wired_count == 0,
	    ("pmap_release: %p still has %ld resident, %ld wired", pmap,
	    pmap->pm_stats.resident_count, pmap->pm_stats.wired_count));
	KASSERT((rcr3() & ~(u_long)PAGE_MASK) != pmap->pm_cr3,
	    ("pmap_release: %p is active", pmap));
	m = PHYS_TO_VM_PAGE(pmap->pm_cr3);
	KASSERT(m->plinks.ptp.entries == 0, ("pmap_release: %p still has "
	    "%u page directories", pmap, m->plinks.ptp.entries));
	KASSERT(pmap->pm_stats.pgtable_count == 1, ("pmap_release: %p "
	    "counts %ld page-table pages", pmap,
	    pmap->pm_stats.pgtable_count));
	for (i = 0; i < KPDPTI; i++)
		KASSERT(pte_load(&pmap->pm_pdpt[i]) == 0,
		    ("pmap_release: %p: PDPT slot %u in use", pmap, i));
	pmap_free_pgtable_page(m);
	pmap->pm_stats.pgtable_count = 0;
	pmap->pm_pdpt = NULL;
	pmap->pm_cr3 = 0;
}

/*
 * The highest level (2 or 3) whose entry on the way to `va`'s PTE is not
 * valid, or 1 if the page table exists.  pm_mtx held.
 */
static int
pmap_missing_level(pmap_t pmap, vm_offset_t va)
{
	pt_entry_t *table = pmap->pm_pdpt, e;
	int l;

	for (l = PT_LEVELS; l > 1; l--) {
		e = pte_load(&table[PT_INDEX(va, l)]);
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
	while (n-- > 0)
		pmap_free_pgtable_page(ptp[n]);
}

/*
 * Allocate `n` user page-table pages into ptp[].  On failure give back
 * what was taken and return false.
 */
static bool
pmap_alloc_ptps(vm_page_t *ptp, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		ptp[i] = vm_page_alloc_noobj(PMAP_PTP_REQ);
		if (ptp[i] == NULL) {
			pmap_unalloc_ptps(ptp, i);
			return (false);
		}
		KASSERT(VM_PAGE_TO_PHYS(ptp[i]) < pmap_direct_end,
		    ("page table %#llx outside the direct window",
		    (unsigned long long)ptp[i]->phys_addr));
	}
	return (true);
}

/*
 * Hook the fresh tables ptp[0..] in below the missing level-`level`
 * entry of user address `va`, top down, each new entry counted in its
 * table and each new table in pgtable_count; a new PDPT entry is loaded
 * into the CPU by a CR3 reload.  Returns the PTE of `va`.  pm_mtx held.
 */
static pt_entry_t *
pmap_link_ptps(pmap_t pmap, vm_offset_t va, int level, vm_page_t *ptp)
{
	pt_entry_t *e;
	bool reload = false;
	int i;

	for (i = 0; level > 1; level--, i++) {
		e = pmap_entry(pmap, va, level);
		KASSERT((pte_load(e) & PG_V) == 0, ("pmap_link_ptps: level %d "
		    "of %#lx is mapped", level, (u_long)va));
		ptp[i]->plinks.ptp.entries = 0;
		(void)pte_store(e, VM_PAGE_TO_PHYS(ptp[i]) |
		    (level == PT_LEVELS ? PDPTE_BITS : UPDE_BITS));
		pmap_ptp_of(e)->plinks.ptp.entries++;
		pmap->pm_stats.pgtable_count++;
		if (level == PT_LEVELS)
			reload = true;
	}
	if (reload)
		pmap_invalidate_all(pmap);
	return (pmap_entry(pmap, va, 1));
}

/* The PTE bits pmap_enter asks for, without the frame. */
static pt_entry_t
pmap_enter_bits(pmap_t pmap, vm_page_t m, vm_prot_t prot, u_int flags)
{
	pt_entry_t bits;

	bits = PG_V | (pt_entry_t)pat_pte_bits(m->pat_mode, false);
	if ((prot & VM_PROT_WRITE) != 0)
		bits |= PG_RW;
	if ((prot & VM_PROT_EXECUTE) == 0)
		bits |= pg_nx;
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
 * Put `newpte` at `pte` (of `va`) where the valid `old` was, keeping the
 * counters and the old page's pv entry right (the same page keeps its
 * pv entry and what the hardware recorded).  pm_mtx held.
 */
static void
pmap_enter_replace(pmap_t pmap, vm_offset_t va, pt_entry_t *pte,
    pt_entry_t old, pt_entry_t newpte)
{
	pt_entry_t cur;

	if ((old & PG_FRAME) == (newpte & PG_FRAME)) {
		KASSERT((old & PG_MANAGED) == (newpte & PG_MANAGED),
		    ("pmap_enter: page at %#lx changed managed state",
		    (u_long)va));
		/* Keep A/D, even ones the MMU sets meanwhile. */
		do {
			cur = old;
			old = pte_cmpxchg(pte, cur, newpte |
			    (cur & (PG_A | PG_M)));
		} while (old != cur);
		if ((old & PG_W) != 0)
			pmap->pm_stats.wired_count--;
		if ((newpte & PG_W) != 0)
			pmap->pm_stats.wired_count++;
		if ((old & ~(PG_W | PG_A | PG_M)) !=
		    (newpte & ~(PG_W | PG_A | PG_M)))
			pmap_invalidate_page(pmap, va);
		return;
	}
	/* Another page was mapped here: it goes, with what it recorded. */
	pmap_unmap_account(pmap, va, pte_load_clear(pte));
	pmap_invalidate_page(pmap, va);
	pmap->pm_stats.resident_count++;
	if ((newpte & PG_W) != 0)
		pmap->pm_stats.wired_count++;
	(void)pte_store(pte, newpte);
}

/*
 * pmap_enter (vm/pmap.h): for a user pmap `va` is below KERNBASE, for
 * the kernel pmap in the VA arena.  NX unless VM_PROT_EXECUTE.
 * KERN_RESOURCE_SHORTAGE (nothing changed) if a page directory, a page
 * table or a pv entry could not be had.  Takes pm_mtx; does not sleep.
 */
int
pmap_enter(pmap_t pmap, vm_offset_t va, vm_page_t m, vm_prot_t prot,
    u_int flags)
{
	vm_page_t ptp[PT_LEVELS - 1];
	pt_entry_t *pte, newpte, old = 0;
	vm_paddr_t pa;
	bool managed, same;
	int level, nptp;

	pmap_check_range(pmap, va, va + PAGE_SIZE);
	pa = VM_PAGE_TO_PHYS(m);
	KASSERT(pa < VM_PHYS_MAX_PA, ("pmap_enter: page %#llx beyond 4 GiB",
	    (unsigned long long)pa));
	managed = (m->oflags & VPO_UNMANAGED) == 0;
	newpte = pa | pmap_enter_bits(pmap, m, prot, flags);

	mtx_lock(&pmap->pm_mtx);
	/* What can fail comes first, so that a failure changes nothing. */
	level = pmap_missing_level(pmap, va);
	nptp = level - 1;
	if (nptp > 0 && pmap == kernel_pmap)
		panic("pmap_enter: no kernel page table for %#lx", (u_long)va);
	if (!pmap_alloc_ptps(ptp, nptp)) {
		mtx_unlock(&pmap->pm_mtx);
		return (KERN_RESOURCE_SHORTAGE);
	}
	pte = nptp == 0 ? pmap_entry(pmap, va, 1) : NULL;
	if (pte != NULL)
		old = pte_load(pte);
	same = (old & PG_V) != 0 && (old & PG_FRAME) == pa;
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
		/* Not present before: no TLB entry to flush. */
		(void)pte_store(pte, newpte);
	}
	if (managed && (newpte & PG_RW) != 0)
		m->aflags |= PGA_WRITEABLE;
	mtx_unlock(&pmap->pm_mtx);
	return (KERN_SUCCESS);
}

/*
 * pmap_remove (vm/pmap.h): skips missing page directories and tables
 * whole (1 GiB, 2 MiB), so a sparse range costs what is mapped in it.
 * Frees the user tables it empties.  Takes pm_mtx; does not sleep.
 */
void
pmap_remove(pmap_t pmap, vm_offset_t sva, vm_offset_t eva)
{
	struct pmap_free free = PMAP_FREE_INIT(free);
	vm_offset_t va, next, first = 0, last = 0;
	pt_entry_t *pte;
	bool removed = false;

	pmap_check_range(pmap, sva, eva);
	mtx_lock(&pmap->pm_mtx);
	for (va = sva; va < eva && va >= sva; va = next) {
		pte = pmap_pte_or_skip(pmap, va, &next);
		if (pte == NULL || (pte_load(pte) & PG_V) == 0)
			continue;
		pmap_remove_pte(pmap, va, pte, &free);
		if (!removed)
			first = va;
		last = va;
		removed = true;
	}
	if (removed)
		pmap_invalidate_range(pmap, first, last + PAGE_SIZE);
	pmap_free_ptps(pmap, &free);
	mtx_unlock(&pmap->pm_mtx);
}

/*
 * pmap_protect (vm/pmap.h): clears PG_RW without VM_PROT_WRITE and sets
 * NX without VM_PROT_EXECUTE; never raises.  A lowered mapping keeps its
 * dirty bit.  Takes pm_mtx.
 */
void
pmap_protect(pmap_t pmap, vm_offset_t sva, vm_offset_t eva, vm_prot_t prot)
{
	vm_offset_t va, next, first = 0, last = 0;
	pt_entry_t *pte, clear = 0, set = 0, e;
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
	for (va = sva; va < eva && va >= sva; va = next) {
		pte = pmap_pte_or_skip(pmap, va, &next);
		if (pte == NULL)
			continue;
		e = pte_load(pte);
		if ((e & PG_V) == 0 || ((e & clear) == 0 && (~e & set) == 0))
			continue;
		(void)pte_update(pte, clear, set);
		if (!changed)
			first = va;
		last = va;
		changed = true;
	}
	if (changed)
		pmap_invalidate_range(pmap, first, last + PAGE_SIZE);
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
	pt_entry_t *pte, e;

	pmap_check_range(pmap, sva, eva);
	mtx_lock(&pmap->pm_mtx);
	for (va = sva; va < eva && va >= sva; va = next) {
		pte = pmap_pte_or_skip(pmap, va, &next);
		if (pte == NULL || ((e = pte_load(pte)) & PG_V) == 0)
			continue;
		if ((e & PG_W) == 0)
			panic("pmap_unwire: pmap %p va %#lx: valid "
			    "mapping %#llx is not wired (I-PM1)", pmap,
			    (u_long)va, (unsigned long long)e);
		(void)pte_update(pte, PG_W, 0);
		pmap->pm_stats.wired_count--;
	}
	mtx_unlock(&pmap->pm_mtx);
}

/*
 * pmap_kextract (vm/pmap.h): any kernel address (direct window, image,
 * arena, device window, temporary mappings), or 0.  No lock: the
 * kernel's page tables never go away and pmap_kwalk reads each entry in
 * one piece.  Any context.
 */
vm_paddr_t
pmap_kextract(vm_offset_t va)
{
	pt_entry_t e;
	int level;

	level = pmap_kwalk(va, &e);
	if ((e & PG_V) == 0)
		return (0);
	if (level == 2)
		return ((e & PG_PS_FRAME) | (va & PDRMASK));
	return ((e & PG_FRAME) | (va & PAGE_MASK));
}

/* pmap_extract (vm/pmap.h): takes pm_mtx of a user pmap. */
vm_paddr_t
pmap_extract(pmap_t pmap, vm_offset_t va)
{
	pt_entry_t *pte, e = 0;

	if (pmap == kernel_pmap || va >= VM_MIN_KERNEL_ADDRESS)
		return (pmap_kextract(va));
	mtx_lock(&pmap->pm_mtx);
	pte = pmap_entry(pmap, va, 1);
	if (pte != NULL)
		e = pte_load(pte);
	mtx_unlock(&pmap->pm_mtx);
	if ((e & PG_V) == 0)
		return (0);
	return ((e & PG_FRAME) | (va & PAGE_MASK));
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
	pte = pmap_entry(pmap, va, 1);
	if (pte != NULL)
		bits = pte_load(pte);
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

	if (pmap == kernel_pmap || va >= VM_MAX_USER_ADDRESS)
		return (false);
	mtx_lock(&pmap->pm_mtx);
	pte = pmap_entry(pmap, va, 1);
	if (pte != NULL)
		bits = pte_load(pte);
	mtx_unlock(&pmap->pm_mtx);
	return ((bits & (PG_V | PG_W)) == (PG_V | PG_W));
}

/* pmap_pv_pte: see x86/pv.h. */
pt_entry_t *
pmap_pv_pte(vm_page_t m, struct pv_entry *pv)
{
	pt_entry_t *pte;

	pte = pmap_entry(pv->pv_pmap, pv->pv_va, 1);
	KASSERT(pte != NULL && (pte_load(pte) & PG_V) != 0 &&
	    (pte_load(pte) & PG_FRAME) == VM_PAGE_TO_PHYS(m),
	    ("pmap: pv entry of page %#llx at %#lx in pmap %p has no PTE",
	    (unsigned long long)m->phys_addr, (u_long)pv->pv_va,
	    pv->pv_pmap));
	return (pte);
}

/*
 * pmap_remove_all (vm/pmap.h): every mapping of managed page `m`, found
 * through its pv list; takes each pmap's lock in turn.
 */
void
pmap_remove_all(vm_page_t m)
{
	struct pmap_free free = PMAP_FREE_INIT(free);
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
		pmap_free_ptps(pmap, &free);
		mtx_unlock(&pmap->pm_mtx);
	}
	m->aflags &= ~PGA_WRITEABLE;
}

/*
 * pmap_activate (vm/pmap.h): load `pmap`'s PDPT.  The kernel part is the
 * same in all, so only user translations change.
 */
void
pmap_activate(pmap_t pmap)
{
	if ((rcr3() & ~(u_long)PAGE_MASK) != pmap->pm_cr3)
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
		panic("pmap_init: the kernel PDPT is not a wired "
		    "page-table page");
	pv_init();
}
