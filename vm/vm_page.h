/*
 * vm_page.h - one struct vm_page per page of usable RAM, the wiring
 * reasons, and the page allocator's interface.
 *
 * Every page of RAM that the memory map calls usable has a vm_page,
 * including the pages the kernel took at boot (page tables, this array
 * itself): those start out wired with their reason, so the wired counts
 * cover all of RAM that is not free.  The kernel image, modules, the
 * boot information and firmware areas have no vm_page.
 *
 * Wiring.  wire_count is the number of wirings a page holds; a page
 * with wire_count > 0 is never reclaimed.  Each wired page also has one
 * wire_reason (enum vm_wire_reason), set when the count goes 0 -> 1 and
 * cleared when it goes 1 -> 0.  A page can be wired more than once only
 * for the same reason (KASSERT), with one exception: the two reasons of
 * map wirings, user and system, mix, because one page can be wired
 * through several map entries (an mlocked MAP_SHARED mapping in one
 * process, a vslock of another mapping of the same object in another).
 * The rule: the reason of the wiring that took the page from 0 stays
 * until the count is back to 0, whatever the order the wirings go in
 * (the map entry keeps its own first reason the same way).  So each
 * wired page counts under exactly one reason, and every counter is
 * back at its baseline when the last wiring goes.  vm_cnt.v_wire_count
 * counts pages with wire_count > 0, and vm_wire_count_by_reason[r] the
 * wired pages whose reason is r; vm_page_audit() checks both against
 * the page array.
 *
 * Fake pages.  Device memory (a framebuffer) has no vm_page in the
 * array; a device pager (vm/device_pager.c) describes each page of it
 * it maps with a fake page (PG_FICTITIOUS) from a zone of its own
 * (vm_page_getfake).  A fake page is unmanaged, wired once when it is
 * made (reason VM_WIRE_DEVICE) and never again: map wiring and
 * unwiring leave it alone (SEMANTICS R62, decision: wire_count 1 for
 * its whole life), it is never on a queue nor in the allocator, and
 * PHYS_TO_VM_PAGE never finds it (I-P5).  It is not RAM, so it is not
 * in v_wire_count (I-P4); v_wire_by_reason[VM_WIRE_DEVICE] (sysctl
 * vm.stats.vm.v_wire_device) counts the fake pages alive, and no RAM
 * page is ever wired for that reason.
 *
 * Lock keys:
 *	(c)  constant after vm_page_startup()
 *	(f)  vm_phys free-queue lock (vm_free_mtx)
 *	(w)  vm_free_mtx too: wire_count, wire_reason, and the counters
 *	(p)  the pmap layer (pv lists, pat_mode), under the pmap's lock
 *	(o)  the owning object's lock (VM_OBJECT_WLOCK)
 *	(k)  the owner of a wired kernel page (uma, kmem, pmap page tables)
 */
#ifndef _VM_VM_PAGE_H_
#define _VM_VM_PAGE_H_

#include <sys/queue.h>
#include <vm/vm.h>

struct pv_entry;

/* Why a page is wired.  Keep vm_wire_reason_names[] in step. */
enum vm_wire_reason {
	VM_WIRE_NONE = 0,	/* not wired */
	VM_WIRE_KMEM,		/* kernel memory: kmem, malloc, the page array */
	VM_WIRE_PGTABLE,	/* page-table pages */
	VM_WIRE_KSTACK,		/* kernel stacks */
	VM_WIRE_USER,		/* user wirings: mlock, mlockall (later) */
	VM_WIRE_SYSTEM,		/* system wirings: vslock (later) */
	VM_WIRE_DEVICE,		/* device-pager fake pages (not RAM) */
	VM_WIRE_NREASONS
};
extern const char *const vm_wire_reason_names[VM_WIRE_NREASONS];

struct vm_page {
	union {
		TAILQ_ENTRY(vm_page) q;	/* (f) free queue, later paging queues */
		struct {		/* (k) a wired kernel page */
			void	*slab;	/* uma: the slab this page holds */
			vm_size_t size;	/* kmem malloc: the allocation's size */
		} uma;
		struct {		/* (k) a page-table page */
			u_int	 entries; /* valid entries it holds */
		} ptp;
	} plinks;
	struct vm_object *object;	/* (o) owning object, or NULL */
	vm_pindex_t	pindex;		/* (o) offset in the object, in pages */
	vm_paddr_t	phys_addr;	/* (c) physical address */
	struct pv_entry	*pv_list;	/* (p) mappings of this page */
	u_int		wire_count;	/* (w) wirings held */
	uint16_t	flags;		/* (f) PG_* */
	uint8_t		oflags;		/* (o) VPO_* */
	uint8_t		aflags;		/* (p) PGA_*: set by the pmap */
	uint8_t		order;		/* (f) buddy order if a free block head */
	uint8_t		freelist;	/* (c) VM_FREELIST_* this page is on */
	uint8_t		wire_reason;	/* (w) enum vm_wire_reason */
	uint8_t		queue;		/* (q) paging queue (later) */
	uint8_t		valid;		/* (o) contents valid */
	uint8_t		dirty;		/* (o) contents differ from backing */
	uint8_t		pat_mode;	/* (p) VM_MEMATTR_* of its mappings */
	uint8_t		busy;		/* (o) busied by an I/O or fault */
};

/* A list of pages linked through plinks.q (pages their owner holds). */
TAILQ_HEAD(pglist, vm_page);

/* flags */
#define PG_FREE		0x0001	/* in the buddy allocator */
#define PG_ZERO		0x0002	/* known to be all zero */
#define PG_FICTITIOUS	0x0004	/* device memory, no RAM behind it */
#define PG_BOOT		0x0008	/* taken by the boot allocator */
#define PG_ORPHAN	0x0010	/* wired, left by its object: the last
				   unwiring frees it (I-P3); vm_free_mtx */

/* oflags */
#define VPO_UNMANAGED	0x01	/* no pv entries, never on paging queues */

/* aflags (set by the pmap from the hardware A/D bits) */
#define PGA_REFERENCED	0x01
#define PGA_WRITEABLE	0x02	/* may have a writable mapping */

/* valid and dirty: the whole page or nothing. */
#define VM_PAGE_BITS_ALL	0xff

#define VM_FREEORDER_NONE	0xff	/* order of a page that heads no free block */
#define PQ_NONE			0xff

/*
 * Allocation requests: one class, then flags.
 *
 * The class says how far into the free-page reserve a request may dig
 * (SEMANTICS R70): NORMAL must leave free_reserved pages, SYSTEM must
 * leave interrupt_free_min, INTERRUPT may take the last page.
 */
#define VM_ALLOC_NORMAL		0x0000
#define VM_ALLOC_SYSTEM		0x0001
#define VM_ALLOC_INTERRUPT	0x0002
#define VM_ALLOC_CLASS_MASK	0x0003
#define VM_ALLOC_WIRED		0x0010	/* return it wired (needs a reason) */
#define VM_ALLOC_ZERO		0x0020	/* return it zeroed */
#define VM_ALLOC_DIRECT		0x0040	/* from RAM inside the direct map */
#define VM_ALLOC_NOWAIT		0x0080	/* never sleep (the only mode until
					   the scheduler brings vm_wait) */
/* The wiring reason goes in bits 8..11. */
#define VM_ALLOC_WREASON(r)	((int)(r) << 8)
#define VM_ALLOC_WREASON_OF(req) (((req) >> 8) & 0xf)

/* Shorthands for the kernel's own wired allocations. */
#define VM_ALLOC_KMEM	(VM_ALLOC_SYSTEM | VM_ALLOC_WIRED | \
			 VM_ALLOC_WREASON(VM_WIRE_KMEM))
#define VM_ALLOC_PGTABLE (VM_ALLOC_SYSTEM | VM_ALLOC_WIRED | \
			 VM_ALLOC_WREASON(VM_WIRE_PGTABLE) | VM_ALLOC_ZERO)

/* The page array: one entry per managed page, sorted by address. */
extern struct vm_page	*vm_page_array;		/* (c) */
extern long		vm_page_array_size;	/* (c) entries */

/*
 * PHYS_TO_VM_PAGE: the vm_page of the RAM page holding `pa`, or NULL if
 * that address is not managed RAM.  Any context, no locks (the array is
 * constant).  Never finds fictitious pages (SEMANTICS I-P5).
 */
vm_page_t vm_page_from_phys(vm_paddr_t pa);
#define PHYS_TO_VM_PAGE(pa)	vm_page_from_phys(pa)
#define VM_PAGE_TO_PHYS(m)	((m)->phys_addr)

/*
 * vm_page_alloc_noobj: allocate one page that belongs to no object
 * (kernel memory, page tables).  `req` is a VM_ALLOC_* class plus flags;
 * with VM_ALLOC_WIRED it must carry a reason (VM_ALLOC_WREASON) and the
 * page comes back with wire_count 1.  The page is unmanaged
 * (VPO_UNMANAGED).  Returns NULL when the class's floor would be
 * crossed.  Takes vm_free_mtx; callable from interrupt handlers; does
 * not sleep.
 */
vm_page_t vm_page_alloc_noobj(int req);

/*
 * vm_page_alloc_contig: `npages` physically contiguous pages in
 * [low, high), aligned to `alignment` bytes (a power of two, at least
 * PAGE_SIZE) and not crossing a multiple of `boundary` (0: none).
 * Same `req` and result rules as vm_page_alloc_noobj; returns the first
 * page (the others follow it in vm_page_array).  Does not sleep.
 */
vm_page_t vm_page_alloc_contig(int req, u_long npages, vm_paddr_t low,
	    vm_paddr_t high, u_long alignment, vm_paddr_t boundary);

/*
 * vm_page_free / vm_page_free_contig: give pages back.  They must be
 * unwired and unmapped (no pv entries).  vm_page_free also takes a page
 * that is still in an object: it is removed from the object first
 * (vm_page_remove), so the object's lock must be held then.
 * vm_page_free_contig's pages must be in no object.  Takes vm_free_mtx;
 * any context.
 */
void	vm_page_free(vm_page_t m);
void	vm_page_free_contig(vm_page_t m, u_long npages);

/*
 * vm_waitpfault: a fault found no page (SEMANTICS R67): sleep until
 * free pages come back (the free count leaves the min state: a free
 * wakes the waiters), `timo` ticks pass, or the process is killed
 * (PKILL: only SIGKILL or single-threading for exit ends it, R68).  If
 * the count is not below free_min when called (pages came back
 * meanwhile) it sleeps one tick, unless debug.inject.page_alloc_fail
 * is what fails the thread's allocations.  No wake-up is lost (a generation, tsleep_gen).  Returns
 * tsleep's result: 0, EWOULDBLOCK or EINTR (killed).  No lock held;
 * sleeps.
 */
int	vm_waitpfault(int timo);

/*
 * Pages of objects.  An object's pages are found by pindex in its radix
 * trie (vm/vm_radix.h); m->object and m->pindex say where a page is.
 * All of these need the object's lock (of both objects for rename) and
 * never sleep.
 *
 * vm_page_alloc: a page like vm_page_alloc_noobj(req), inserted into
 * `object` at `pindex` (which must be free).  It is managed (pv
 * entries: VPO_UNMANAGED clear) unless the object is OBJ_UNMANAGED;
 * valid and dirty are 0, busy 0.  NULL if no page, or no radix node
 * (the page goes back).
 *
 * vm_page_insert: put `m` (in no object) into `object` at `pindex`.
 * Returns 0, or ENOMEM when the radix trie had no node (nothing
 * changed).  The managed flag is left as it is.
 *
 * vm_page_remove: take `m` out of its object; it stays allocated (and
 * mapped, and wired, as it was): the caller frees or keeps it.
 *
 * vm_page_rename: move `m` from its object to `new_object` at
 * `new_pindex` (a collapse moving pages up).  Returns 0, or ENOMEM with
 * nothing changed.  Its mappings are untouched.
 *
 * vm_page_lookup: the page of `object` at `pindex`, or NULL.
 * vm_page_find_least: the page of `object` with the least pindex >=
 * `pindex`, or NULL (to walk an object's pages in order).
 */
vm_page_t vm_page_alloc(struct vm_object *object, vm_pindex_t pindex,
	    int req);
int	vm_page_insert(vm_page_t m, struct vm_object *object,
	    vm_pindex_t pindex);
void	vm_page_remove(vm_page_t m);
int	vm_page_rename(vm_page_t m, struct vm_object *new_object,
	    vm_pindex_t new_pindex);
vm_page_t vm_page_lookup(struct vm_object *object, vm_pindex_t pindex);
vm_page_t vm_page_find_least(struct vm_object *object, vm_pindex_t pindex);

/*
 * vm_page_replace: put `mnew` (in no object) into `object` at `pindex`
 * in place of the page there (there must be one), which is returned,
 * in no object now, for the caller to free or keep.  Never fails (the
 * trie changes in place).  Object locked; no sleep.
 */
vm_page_t vm_page_replace(vm_page_t mnew, struct vm_object *object,
	    vm_pindex_t pindex);

/*
 * Fake pages (see the top of the file).  vm_page_fake_zinit: their
 * zone; boot, from vm_object_init (a second call does nothing).
 * vm_page_getfake: a fake page for physical address `paddr` (device
 * memory) mapped with caching mode `memattr`: PG_FICTITIOUS,
 * VPO_UNMANAGED, valid, wire_count 1 (reason device), in no object;
 * NULL if no memory.  vm_page_putfake: free one; it must
 * be in no object, unmapped, and its wire_count still 1 (R62).
 * vm_page_fake_count: fake pages alive in the zone (for the audit).
 * Any context but interrupts; take the zone's lock and vm_free_mtx
 * briefly (under an object lock is fine); never sleep.
 */
void	vm_page_fake_zinit(void);
vm_page_t vm_page_getfake(vm_paddr_t paddr, vm_memattr_t memattr);
void	vm_page_putfake(vm_page_t m);
u_long	vm_page_fake_count(void);

/*
 * vm_page_dirty: the page's contents differ from its backing store (all
 * of it: valid and dirty are whole-page flags).  For the pmap when it
 * drops a mapping with the hardware dirty bit set.  Object lock or the
 * page's pmap lock.
 */
static inline void
vm_page_dirty(vm_page_t m)
{
	m->dirty = VM_PAGE_BITS_ALL;
}

/*
 * vm_page_wire / vm_page_unwire_noq: add or drop one wiring for
 * `reason`.  The global and per-reason counters change only on the
 * 0 -> 1 and 1 -> 0 transitions (SEMANTICS I-P2), the 1 -> 0 one for
 * the page's reason (that of its first wiring; see "Wiring" above).  A
 * page already wired for another reason panics under INVARIANTS unless
 * both reasons are map wirings (VM_WIRE_USER, VM_WIRE_SYSTEM), which
 * mix.  unwire_noq returns
 * true when it dropped the last wiring (the caller then owns an
 * unwired page, typically to free it).  Takes vm_free_mtx briefly.
 */
void	vm_page_wire(vm_page_t m, enum vm_wire_reason reason);
bool	vm_page_unwire_noq(vm_page_t m, enum vm_wire_reason reason);

/*
 * vm_page_unwire: vm_page_unwire_noq, and if that was the last wiring
 * of a page its object has let go meanwhile (vm_page_release_orphan),
 * the page is freed (SEMANTICS I-P3).  Returns whether it was the last
 * wiring.  For holders that do not own the page's object: the page
 * may be freed under them.  Takes vm_free_mtx briefly; no sleep.
 *
 * vm_page_release_orphan: `m` has just left its object for good
 * (termination, collapse) and is unmapped: free it now if it is not
 * wired, else mark it so that its last unwiring frees it (I-P1: a
 * wired page is never freed under its wirer).  The decision is taken
 * under vm_free_mtx, so a concurrent last unwiring and this never both
 * free the page.  A fake page is left alone: its pager frees it.  No
 * sleep.
 */
bool	vm_page_unwire(vm_page_t m, enum vm_wire_reason reason);
void	vm_page_release_orphan(vm_page_t m);

/*
 * vm_page_startup: build the page array over vm_phys's segments, mark
 * what the boot allocator handed out as wired (with its reason) and put
 * every other page in the buddy allocator.  Boot only, once, after
 * pmap_bootstrap().
 */
void	vm_page_startup(void);

/*
 * vm_page_audit: walk every page and check that the free and wired
 * counters (per reason) match what the pages say, that wire_count and
 * wire_reason agree, and that the buddy lists are well formed.  Prints
 * each mismatch and returns how many it found (0: all consistent).
 * Takes vm_free_mtx for the walk; slow (touches every vm_page).
 */
int	vm_page_audit(void);

/*
 * Below the severe threshold (SEMANTICS R69, R80; vm/vm_severe.c).
 *
 * vm_page_count_severe_exempt: whether process `p` may allocate below
 * severe: init (pid 1) and kernel processes (P_SYSTEM).  A killed
 * process (SIGKILL pending) is exempt too, but the fault path tests
 * that itself (R68).  Reads p_flag without a lock (a snapshot).
 * vm_alloc_class_for: the class for a page `p` needs: VM_ALLOC_SYSTEM
 * if exempt, else VM_ALLOC_NORMAL.  The fault path, for a new page:
 *	if (killed || vm_page_count_severe_exempt(p)) no severe gate, and
 *	req = VM_ALLOC_SYSTEM; else gate, and req = vm_alloc_class_for(p).
 * Any context; do not sleep.
 */
struct proc;
struct thread;
bool	vm_page_count_severe_exempt(const struct proc *p);
int	vm_alloc_class_for(const struct proc *p);
/*
 * vm_wait_severe: wait while the free count is below free_severe,
 * unless td's process is exempt (above) (fork's gate, R69/R80).  It
 * looks again every VM_WAIT_SEVERE_POLL ticks.  0, or EINTR/ERESTART
 * if a signal (SIGKILL among them) ends the wait.  Thread context, no
 * locks held; sleeps.
 */
#define VM_WAIT_SEVERE_POLL	10
int	vm_wait_severe(struct thread *td);

#endif /* !_VM_VM_PAGE_H_ */
