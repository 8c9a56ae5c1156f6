/*
 * vm_map.h - address maps: the sorted set of mapped ranges (entries) of
 * one address space, each mapping a range of an object with a
 * protection, an inheritance and wiring state (SEMANTICS 1.1, 1.2).
 *
 * Entries are kept in address order in a list and in a red-black tree
 * (include/sys/tree.h) augmented with the largest free gap in each
 * subtree, so lookup, insert, delete and the search for free space all
 * cost O(log n).
 *
 * Lock keys:
 *	(c)  constant after vm_map_init()
 *	(m)  the map lock (vm_map_lock: exclusive; vm_map_lock_read: shared)
 *	(t)  the thread that set MAP_ENTRY_IN_TRANSITION on the entry owns it
 *	     (SEMANTICS I-E4), map lock held or not
 *	(h)  also replaced under the read lock (a racy hint, see vm_map.c)
 * Lock order: map lock -> object lock -> pmap lock.
 */
#ifndef _VM_VM_MAP_H_
#define _VM_VM_MAP_H_

#include <sys/queue.h>
#include <sys/tree.h>
#include <kernel/sx.h>
#include <vm/vm.h>
#include <vm/pmap.h>
#include <vm/vm_page.h>

struct thread;

/*
 * A lookup reads rb and start of each entry on its way down the tree:
 * they come first, so that they are usually in one cache line.
 */
struct vm_map_entry {
	RB_ENTRY(vm_map_entry) rb;		/* (m) in map->root */
	vm_offset_t	start;			/* (m) first address */
	vm_offset_t	end;			/* (m) one past the last */
	TAILQ_ENTRY(vm_map_entry) link;		/* (m) in address order */
	vm_size_t	max_free;		/* (m) largest gap before an
						   entry of this subtree,
						   see vm_map.c */
	vm_object_t	object;			/* (m) what it maps, or NULL */
	vm_ooffset_t	offset;			/* (m) where in the object */
	int		eflags;			/* (m) MAP_ENTRY_* */
	vm_prot_t	protection;		/* (m) current protection */
	vm_prot_t	max_protection;		/* (m) mprotect may not exceed */
	vm_inherit_t	inheritance;		/* (m) what fork does */
	int		wired_count;		/* (m,t) wirings: user (0/1)
						   plus system ones */
	struct thread	*wiring_thread;		/* (m) I-E4 owner, or NULL */
};

/* eflags */
#define MAP_ENTRY_COW			0x0004	/* copy on write */
#define MAP_ENTRY_NEEDS_COPY		0x0008	/* needs a shadow first */
#define MAP_ENTRY_NOFAULT		0x0010	/* no object: faults fail */
#define MAP_ENTRY_IN_TRANSITION		0x0100	/* being wired/unwired */
#define MAP_ENTRY_NEEDS_WAKEUP		0x0200	/* someone waits for that */
#define MAP_ENTRY_GROWS_DOWN		0x1000	/* a stack: grows into the
						   gap below it */
#define MAP_ENTRY_WIRE_SKIPPED		0x4000	/* transient, HOLESOK wiring */
#define MAP_ENTRY_GUARD			0x10000	/* guard: no access, no object */
#define MAP_ENTRY_STACK_GAP_DN		0x20000	/* guard below a GROWS_DOWN
						   entry: the room it grows
						   into */
#define MAP_ENTRY_USER_WIRED		0x40000	/* the one user wiring (UW) */
#define MAP_ENTRY_WIRED_SYSTEM		0x80000	/* its pages' wirings have
						   reason SYSTEM (else USER):
						   the reason of the wiring
						   that faulted them in */
/*
 * A wired copy-on-write entry that may become writable (I-E7): wiring
 * gives it its own copies of its pages at once (vm_map_lookup,
 * vm_fault), and fork copies them for the child (R48), so that no
 * write ever has to copy a wired page.
 */
#define VM_MAP_ENTRY_WIRED_PRIVATE(e)					\
	((e)->wired_count != 0 && ((e)->eflags & MAP_ENTRY_COW) != 0 &&	\
	((e)->max_protection & VM_PROT_WRITE) != 0)
/* Never merged with a neighbour (I-E5). */
#define MAP_ENTRY_NOMERGE_MASK	(MAP_ENTRY_IN_TRANSITION | MAP_ENTRY_GUARD)

struct vm_map {
	TAILQ_HEAD(vm_map_entry_list, vm_map_entry)
			entries;		/* (m) in address order */
	RB_HEAD(vm_map_tree, vm_map_entry) root; /* (m) the same, as a tree */
	struct sx	lock;
	vm_offset_t	min_offset;		/* (c) lowest address */
	vm_offset_t	max_offset;		/* (c) one past the highest */
	pmap_t		pmap;			/* (c) its page tables */
	int		nentries;		/* (m) */
	vm_size_t	size;			/* (m) bytes in non-guard entries */
	u_int		timestamp;		/* (m) bumped by each vm_map_unlock */
	int		flags;			/* (m) MAP_* below */
	int		busy;			/* (m) I-M2 wiring threads faulting
						   with the map unlocked */
	bool		needs_wakeup;		/* (m) sleepers in unlock_and_wait */
	volatile u_int	wakeup_gen;		/* (m) bumped by vm_map_wakeup
						   and vm_map_unbusy: sleepers
						   check it (tsleep_gen) */
	bool		system_map;		/* (c) the kernel's map */
	vm_map_entry_t	hint;			/* (h) last entry found, or
						   NULL; see vm_map.c */
};

/* map flags */
#define MAP_WIREFUTURE		0x01	/* mlockall(MCL_FUTURE) in effect */
#define MAP_BUSY_WAKEUP		0x02	/* someone waits in vm_map_wait_busy */

/* vm_map_insert/vm_map_find cow argument */
#define MAP_COPY_ON_WRITE	0x0001
#define MAP_NOFAULT		0x0002
#define MAP_CREATE_GUARD	0x0004
#define MAP_INHERIT_SHARE	0x0008
#define MAP_STACK_GROWS_DOWN	0x0010	/* MAP_ENTRY_GROWS_DOWN */
#define MAP_CREATE_STACK_GAP_DN	0x0020	/* with MAP_CREATE_GUARD: a stack gap */

/*
 * Stacks (vm_map_stack_locked, and their growth in vm_map_lookup): a
 * stack grows SGROWSIZ at a time, and the last STACK_GUARD bytes of its
 * gap are never given to it, so that running off the end faults even
 * when something is mapped right below the gap (FreeBSD's sgrowsiz and
 * security.bsd.stack_guard_page, both fixed here).
 */
#define SGROWSIZ		(128UL * 1024)
#define STACK_GUARD		PAGE_SIZE

/* vm_map_find find_space */
#define VMFS_NO_SPACE		0	/* exactly at *addr */
#define VMFS_ANY_SPACE		1	/* first fit at or above *addr */
#define VMFS_ALIGNED_SPACE(x)	((x) << 8) /* aligned to 2^x bytes */

/*
 * The address space of a process (struct proc's p_vmspace).  Exec sets
 * the data segment and stack fields, fork copies them; brk moves the
 * break (vm_daddr + vm_dsize pages), stack growth adds to vm_ssize.
 * All under the map lock.
 */
struct vmspace {
	struct vm_map	vm_map;		/* the map; vm_map.pmap -> vm_pmap */
	struct pmap	vm_pmap;
	int		vm_refcnt;	/* processes sharing it */
	vm_offset_t	vm_daddr;	/* (m) start of the data segment */
	vm_pindex_t	vm_dsize;	/* (m) pages from it to the break */
	vm_offset_t	vm_maxsaddr;	/* (m) lowest address the main stack
					   may grow to (its reservation) */
	vm_offset_t	vm_stacktop;	/* (m) top of the main stack */
	vm_pindex_t	vm_ssize;	/* (m) pages the main stack has */
};

#define vm_map_pmap(map)	((map)->pmap)
#define vmspace_pmap(vm)	(&(vm)->vm_pmap)

/*
 * Locking (vm_map.c).  No spin mutex may be held; may sleep (later).
 * vm_map_lock/vm_map_lock_read are macros so that a deadlock panic
 * names the caller.  vm_map_unlock and vm_map_lock_downgrade (the ends
 * of an exclusive hold) bump map->timestamp; so does
 * vm_map_unlock_and_wait.  vm_map_lock_upgrade: false: now exclusive;
 * true: failed, the lock is dropped and the caller starts over.
 */
#define vm_map_lock(map)	_vm_map_lock((map), __FILE__, __LINE__)
#define vm_map_lock_read(map)	_vm_map_lock_read((map), __FILE__, __LINE__)
void	_vm_map_lock(vm_map_t map, const char *file, int line);
void	_vm_map_lock_read(vm_map_t map, const char *file, int line);
void	vm_map_unlock(vm_map_t map);
void	vm_map_unlock_read(vm_map_t map);
bool	vm_map_lock_upgrade(vm_map_t map);	/* true: failed, lock dropped */
void	vm_map_lock_downgrade(vm_map_t map);
void	vm_map_assert_locked(vm_map_t map);	/* either mode */
void	vm_map_assert_wlocked(vm_map_t map);	/* exclusive */
/*
 * vm_map_unlock_and_wait: drop the map lock (held either way) and sleep
 * until vm_map_wakeup() (an entry's transition ended) or `timo` ticks.
 * Unlocking and sleeping are one step for the waker (the wake-up
 * generation, tsleep_gen): a wake-up in between is never lost (R41).
 * Returns tsleep's result.  The caller re-locks and looks again.
 */
int	vm_map_unlock_and_wait(vm_map_t map, int timo);
/* The same with tsleep's flags (PCATCH: a signal ends the wait). */
int	vm_map_unlock_and_wait_flags(vm_map_t map, int flags, int timo);
void	vm_map_wakeup(vm_map_t map);
/* R40-R43: the busy count of wiring threads (I-M2). */
void	vm_map_busy(vm_map_t map);
void	vm_map_unbusy(vm_map_t map);
void	vm_map_wait_busy(vm_map_t map);

/*
 * The wiring engine (vm_map_wire.c; SEMANTICS 2.A, 2.E-2.G).
 * flags: one of VM_MAP_WIRE_SYSTEM / VM_MAP_WIRE_USER, one of
 * VM_MAP_WIRE_NOHOLES / VM_MAP_WIRE_HOLESOK, optionally
 * VM_MAP_WIRE_WRITE (only writable entries can be wired).
 */
#define VM_MAP_WIRE_SYSTEM	0x00	/* vslock, kernel */
#define VM_MAP_WIRE_USER	0x01	/* mlock, mlockall */
#define VM_MAP_WIRE_NOHOLES	0x00	/* a gap fails the call */
#define VM_MAP_WIRE_HOLESOK	0x02	/* gaps and unwirable entries skipped */
#define VM_MAP_WIRE_WRITE	0x04	/* the entries must be writable */

/*
 * User wirings, system-wide (R35, R76, R78): vm_user_wire_count is the
 * number of virtual pages in entries with MAP_ENTRY_USER_WIRED (sysctl
 * vm.stats.vm.v_user_wire_count); it never exceeds
 * vm_page_max_user_wired (vm.max_user_wired: 4/5 of the free pages at
 * boot unless the boot tunable vm.max_user_wired says otherwise).
 */
extern u_long	vm_user_wire_count;
extern u_long	vm_page_max_user_wired;

/*
 * vm_wire_audit (vm_wire_audit.c, sysctl debug.vm_wire_audit): check
 * the R47 identities over every process's map, its pmap and the page
 * array; print each violation and return their number (0: all hold),
 * or -ENOMEM if it could not run.  Meaningful on a quiet system: a
 * wiring under way skips the whole-system checks.  Thread context, no
 * locks held; may sleep.
 */
int	vm_wire_audit(void);

/*
 * vm_map_wire: wire [start, end) (clamped to the map, R2; empty: success,
 * R1).  Two passes, all or nothing (R3): the first marks each entry in
 * transition (clipped to the range), faults in every page of an entry
 * whose wired_count was 0 with the map unlocked (R4, R7) and counts the
 * wiring (one user wiring at most, any number of system ones: R5, R34);
 * the second commits or undoes exactly what this call did.  Entries
 * other threads have in transition are waited for (R40).  Results:
 * KERN_SUCCESS; KERN_INVALID_ADDRESS (NOHOLES: a gap, the start
 * unmapped, or an entry whose protection cannot be wired, R6, R37);
 * KERN_RESOURCE_SHORTAGE (vm_page_max_user_wired, or no memory to clip);
 * or a fault's code (KERN_OUT_OF_BOUNDS, KERN_FAILURE,
 * KERN_RESOURCE_SHORTAGE, KERN_PROTECTION_FAILURE: R39).  On failure
 * nothing changed but entries may stay split.  Takes the map lock;
 * vm_map_wire_locked: map write-locked (dropped and taken again while
 * faulting).  May sleep.
 */
int	vm_map_wire(vm_map_t map, vm_offset_t start, vm_offset_t end,
	    int flags);
int	vm_map_wire_locked(vm_map_t map, vm_offset_t start, vm_offset_t end,
	    int flags);

/*
 * vm_map_unwire: undo one wiring of `flags`' kind over [start, end)
 * (clamped, R2; empty: success).  User: every entry with the user
 * wiring loses it, others are skipped (R9, R11).  System: every entry
 * must have a system wiring, else KERN_INVALID_ARGUMENT and nothing
 * changes (R9).  NOHOLES: a gap gives KERN_INVALID_ADDRESS and nothing
 * changes (R12, R37).  An entry whose last wiring goes is fully unwired
 * (R8): pages found through its objects, never by physical address
 * (R61).  Takes the map lock; may sleep (waits for entries in
 * transition, R40).
 */
int	vm_map_unwire(vm_map_t map, vm_offset_t start, vm_offset_t end,
	    int flags);

/*
 * vm_map_entry_unwire: drop every wiring of a wired entry that is being
 * deleted (R45 step 4): the user-wire count if it had the user wiring
 * (R35), the pages' wirings and the PTEs' wired bits.  Map
 * write-locked.  vm/ internal (vm_map.c, vm_map_wire.c).
 */
void	vm_map_entry_unwire(vm_map_t map, vm_map_entry_t entry);

/*
 * mlockall(MCL_FUTURE) (vm_wirefuture.c; R21-R24).  Each user mapping
 * path (sys_mmap, sys_break, vm_map_growstack) calls both, once each.
 *
 * vm_map_wirefuture_check: before a path maps anything: with
 * MAP_WIREFUTURE set, would user-wiring `bytes` more exceed
 * RLIMIT_MEMLOCK of the current process (its map's wired PTEs plus
 * `bytes`; no process: no limit) or vm.max_user_wired?  Then
 * KERN_RESOURCE_SHORTAGE (mmap, brk: EAGAIN; stack growth: SIGSEGV);
 * else, or without MAP_WIREFUTURE, KERN_SUCCESS.  Changes nothing.
 * Map locked.
 *
 * vm_map_wirefuture: the post-mapping hook: with MAP_WIREFUTURE set,
 * user-wire the mapping [start, end) just made (flags:
 * VM_MAP_WIRE_NOHOLES, or VM_MAP_WIRE_HOLESOK for a stack's
 * reservation and for memory that cannot be wired, PROT_NONE, which is
 * then skipped, R6).  KERN_SUCCESS (wired, or nothing to do), or the
 * engine's code (vm_map_wire): nothing of the range is wired then,
 * and the caller undoes its mapping (decisions table: nothing
 * half-done).  Map write-locked, right after the mapping was inserted
 * under the same hold; the lock is dropped while the pages are faulted
 * in (the entries are in transition meanwhile).  May sleep.
 */
int	vm_map_wirefuture_check(vm_map_t map, vm_size_t bytes);
int	vm_map_wirefuture(vm_map_t map, vm_offset_t start, vm_offset_t end,
	    int flags);

/* vm_map_wire_init: boot: the default of vm_page_max_user_wired. */
void	vm_map_wire_init(void);

/* vm_map_init: an empty map over [min, max) using `pmap`. */
void	vm_map_init(vm_map_t map, pmap_t pmap, vm_offset_t min, vm_offset_t max);

/*
 * vm_map_lookup_entry: the entry containing `addr` (true), or the entry
 * before it (false; NULL if none).  O(1) when `addr` is in the entry
 * found last (the hint), else one walk down the tree, O(log n).  Map
 * locked (read or write).
 */
bool	vm_map_lookup_entry(vm_map_t map, vm_offset_t addr,
	    vm_map_entry_t *entry);

/*
 * vm_map_findspace: the lowest address >= start where `length` bytes
 * are free inside the map, in *addr; false if there is none.  O(log n)
 * through the max_free augmentation.  Map locked.
 */
bool	vm_map_findspace(vm_map_t map, vm_offset_t start, vm_size_t length,
	    vm_offset_t *addr);

/*
 * vm_map_insert: map [start, end) of `object` at `offset` (object may be
 * NULL: anonymous memory, an object made on first fault).  The caller's
 * object reference moves to the map.  May extend the entry before it
 * instead of adding one (never one with wired_count != 0, I-E5).
 * KERN_SUCCESS, KERN_NO_SPACE (overlap), KERN_INVALID_ADDRESS (outside
 * the map), KERN_PROTECTION_FAILURE (prot beyond max),
 * KERN_INVALID_ARGUMENT (an object with MAP_NOFAULT or
 * MAP_CREATE_GUARD), KERN_RESOURCE_SHORTAGE; on failure nothing
 * changed and the caller keeps its reference.  MAP_CREATE_GUARD makes
 * a guard entry: no object, protection and maximum NONE.  Map
 * write-locked.
 */
int	vm_map_insert(vm_map_t map, vm_object_t object, vm_ooffset_t offset,
	    vm_offset_t start, vm_offset_t end, vm_prot_t prot, vm_prot_t max,
	    int cow);

/*
 * vm_map_find: vm_map_insert at *addr (VMFS_NO_SPACE) or at free space
 * found at or above *addr below max_addr (0: the map's end), aligned as
 * find_space says; *addr gets the address.  Takes the map lock.
 */
int	vm_map_find(vm_map_t map, vm_object_t object, vm_ooffset_t offset,
	    vm_offset_t *addr, vm_size_t length, vm_offset_t max_addr,
	    int find_space, vm_prot_t prot, vm_prot_t max, int cow);

/*
 * vm_map_delete / vm_map_remove: unmap [start, end): PTEs removed,
 * object references dropped, entries clipped and freed.  In a user map
 * an entry with system wirings is waited for (R45, with the wiring
 * issue); a kernel map never waits (R33).  delete: map write-locked;
 * remove takes the lock.
 */
int	vm_map_delete(vm_map_t map, vm_offset_t start, vm_offset_t end);
int	vm_map_remove(vm_map_t map, vm_offset_t start, vm_offset_t end);
/*
 * vm_map_delete_flags: vm_map_delete whose waits (an entry in
 * transition, system wirings in a user map, R36/R45) take tsleep's
 * `flags`: with PCATCH a signal ends a wait, with PKILL only a kill
 * does (SIGKILL, or the process being single-threaded for exit:
 * SEMANTICS' "SIGKILL ends every wait that user activity can cause");
 * then the entries before the one waited for are deleted, the rest are
 * not, KERN_FAILURE is returned and *errorp (if not NULL) gets EINTR or
 * ERESTART.  munmap uses PCATCH; mmap(MAP_FIXED) over a mapping and brk
 * shrinking use PKILL (neither may fail with EINTR); exit and the
 * kernel do not (exit runs after its threads are gone, and a thread
 * holding a vslock drops it before it leaves the kernel, R31).  Map
 * write-locked; may sleep.
 */
int	vm_map_delete_flags(vm_map_t map, vm_offset_t start, vm_offset_t end,
	    int flags, int *errorp);

/*
 * vm_map_protect: set the current (or, with set_max, the maximum)
 * protection of [start, end).  KERN_PROTECTION_FAILURE if a new current
 * protection exceeds an entry's maximum; KERN_INVALID_ADDRESS if part
 * of the range is not mapped (nothing changed then).  Takes the lock.
 */
int	vm_map_protect(vm_map_t map, vm_offset_t start, vm_offset_t end,
	    vm_prot_t new_prot, bool set_max);

/* vm_map_inherit: set the inheritance of [start, end).  Takes the lock. */
int	vm_map_inherit(vm_map_t map, vm_offset_t start, vm_offset_t end,
	    vm_inherit_t new_inheritance);

/*
 * vm_map_stack_locked: reserve [addrbos, addrbos + max_ssize) for a
 * stack that grows down: an entry of init_ssize bytes (rounded to
 * pages, at least one, at most max_ssize - STACK_GUARD) at the top with
 * `prot`/`max` and `cow` | MAP_STACK_GROWS_DOWN, and below it a guard
 * entry marked MAP_ENTRY_STACK_GAP_DN: a fault there grows the stack
 * (vm_map_growstack, from vm_map_lookup).  KERN_SUCCESS, KERN_NO_SPACE
 * (something is mapped there), KERN_INVALID_ADDRESS (outside the map),
 * KERN_INVALID_ARGUMENT (max_ssize not above STACK_GUARD, or
 * unaligned), KERN_RESOURCE_SHORTAGE (nothing changed).  Map
 * write-locked.
 */
int	vm_map_stack_locked(vm_map_t map, vm_offset_t addrbos,
	    vm_size_t max_ssize, vm_size_t init_ssize, vm_prot_t prot,
	    vm_prot_t max, int cow);

/*
 * vm_map_madvise: madvise(2) advice `behav` (MADV_*, sys/_mman.h) for
 * [start, end), page-aligned; unmapped parts are skipped.  Wired
 * entries are left alone by every advice (R57).  DONTNEED removes the
 * PTEs (the pages and their data stay; the next access faults them
 * back).  FREE also frees the resident pages of anonymous objects that
 * only this entry maps and that have no backing object (FreeBSD's
 * rule: a shadow's page freed would show the older page below it);
 * wired pages stay: the next read of a freed page finds zeros.
 * WILLNEED faults in, for reading, each page of a readable entry that
 * is resident down the entry's shadow chain or that a pager has (a
 * file's page); it never makes a page anonymous memory would
 * zero-fill.  NORMAL, RANDOM, SEQUENTIAL, NOSYNC, AUTOSYNC, NOCORE and
 * CORE change nothing (nothing reads ahead, syncs or dumps core).
 * KERN_SUCCESS or KERN_INVALID_ARGUMENT (unknown advice).  Takes the
 * lock; WILLNEED faults with it dropped, so it may sleep.
 */
int	vm_map_madvise(vm_map_t map, vm_offset_t start, vm_offset_t end,
	    int behav);

/*
 * vm_map_sync: msync(2) on [start, end), page-aligned.  Every page must
 * be mapped (else KERN_INVALID_ADDRESS, nothing done).  With
 * `invalidate`, a user-wired entry anywhere in the range fails the call
 * with KERN_INVALID_ARGUMENT (R56, nothing done); otherwise the clean
 * pages of the pager-backed objects the entries map directly (a file's
 * cached copy) are dropped, to be read again at the next access; dirty
 * and wired ones stay (I-P1).  Anonymous memory has no other copy and
 * nothing here has a writable backing store, so there is nothing to
 * write back.  Takes the lock (read).
 */
int	vm_map_sync(vm_map_t map, vm_offset_t start, vm_offset_t end,
	    bool invalidate);

/*
 * vm_map_mincore: mincore(2)'s byte for each page of [start, end)
 * (page-aligned) into vec[]: MINCORE_INCORE if the page the address
 * shows is resident, MINCORE_REFERENCED/MINCORE_MODIFIED from this
 * map's PTE, MINCORE_MODIFIED_OTHER if the page is dirty; 0 for a guard
 * entry.  KERN_SUCCESS, or KERN_INVALID_ADDRESS if any page is not
 * mapped (vec[] is then partly filled).  Takes the lock (read).
 */
int	vm_map_mincore(vm_map_t map, vm_offset_t start, vm_offset_t end,
	    uint8_t *vec);

/*
 * vm_map_lookup: for the fault path: find the entry for `vaddr`, check
 * `fault_type` against its protection, make the shadow object a write
 * to a NEEDS_COPY entry needs (taking the write lock for it), and return
 * the object and pindex to fault on, the protection to map with and
 * whether the entry is wired.  Returns KERN_SUCCESS with *var_map read-
 * locked (release with vm_map_lookup_done), or KERN_INVALID_ADDRESS /
 * KERN_PROTECTION_FAILURE / KERN_RESOURCE_SHORTAGE unlocked.
 * A wired entry is looked up for its full protection (R71).  An entry
 * without an object gets a new anonymous one at its first fault.  A
 * read fault on a NEEDS_COPY entry gets *out_prot without write.  A
 * guard entry (protection NONE) gives KERN_PROTECTION_FAILURE, a
 * MAP_ENTRY_NOFAULT entry KERN_INVALID_ADDRESS.  An address in a
 * stack's gap grows the stack (SGROWSIZ at a time, within RLIMIT_STACK
 * for the main stack and RLIMIT_AS: R23, R72) and is looked up again;
 * if it cannot grow, KERN_INVALID_ADDRESS.  No reference is taken
 * on *object: it stays valid while the map stays read-locked.  An
 * entry in transition is returned as it is: the caller waits (R44).
 * VM_PROT_COPY in fault_type (a debugger's write) shadows a NEEDS_COPY
 * entry as a write would; it is KERN_PROTECTION_FAILURE on an entry
 * that is neither copy-on-write nor ever writable.
 */
int	vm_map_lookup(vm_map_t *var_map, vm_offset_t vaddr,
	    vm_prot_t fault_type, vm_map_entry_t *out_entry,
	    vm_object_t *object, vm_pindex_t *pindex, vm_prot_t *out_prot,
	    bool *wired);
void	vm_map_lookup_done(vm_map_t map, vm_map_entry_t entry);

/*
 * vm_map_clip_start / vm_map_clip_end: split `entry` so that it starts
 * (ends) at `addr`; both halves get the same wiring state (I-E6).
 * Return KERN_SUCCESS or KERN_RESOURCE_SHORTAGE.  Map write-locked.
 */
int	vm_map_clip_start(vm_map_t map, vm_map_entry_t entry, vm_offset_t addr);
int	vm_map_clip_end(vm_map_t map, vm_map_entry_t entry, vm_offset_t addr);

/*
 * vm_map_simplify_entry: merge `entry` with equal neighbours (same
 * object continuing, protections, inheritance, eflags and wired_count;
 * nothing in MAP_ENTRY_NOMERGE_MASK; I-E5).  Map write-locked.
 */
void	vm_map_simplify_entry(vm_map_t map, vm_map_entry_t entry);

/*
 * vm_map_check: verify order, no overlap, the tree against the list, the
 * max_free augmentation, size and nentries, and the entry invariants of
 * SEMANTICS 1.2 that need no pages (I-E1, I-E2, I-E4, I-E8).  Prints
 * problems; returns how many.  Map locked.
 */
int	vm_map_check(vm_map_t map);

/* vm_map_entry_zinit: boot: the entry zone.  vm_map.c */
void	vm_map_zinit(void);

/* vmspace (vm_vmspace.c) */
/*
 * vmspace_alloc: a new address space [min, max) with its own pmap; every
 * field, flags and busy state included, is set here, never inherited
 * from memory reused (I-M1, I-M3).  NULL if no memory.
 */
struct vmspace *vmspace_alloc(vm_offset_t min, vm_offset_t max);
/*
 * vmspace_free: drop a reference; the last one unmaps all and frees.
 * The count changes with interrupts off, so that a reader of another
 * process's p_vmspace (kern.proc.vmmap) may take a reference with them
 * off (vm_refcnt++ there).
 */
void	vmspace_free(struct vmspace *vm);
/*
 * vmspace_fork: the child's address space by inheritance: SHARE entries
 * shared, COPY entries copy-on-write (a wired writable one is copied
 * eagerly, R48), NONE left out, ZERO fresh memory; the child never
 * inherits wiring or MAP_WIREFUTURE.  NULL if no memory (nothing leaked).
 */
struct vmspace *vmspace_fork(struct vmspace *vm1);
/*
 * vmspace_exec_reset: for exec reusing an address space (R27): remove
 * every mapping and reset the map flags (MAP_WIREFUTURE included, I-M1).
 */
void	vmspace_exec_reset(struct vmspace *vm);

/* vm_fault.c */
#define VM_FAULT_NORMAL	0x00	/* an access by the program */
#define VM_FAULT_WIRE	0x01	/* wiring: full protection, wired PTE */
#define VM_FAULT_DIRTY	0x02	/* mark the page dirty */

/*
 * vm_fault: resolve a fault at `vaddr` in `map` for an access of
 * `fault_type` (VM_PROT_*): zero-fill, copy-on-write through shadow
 * chains, the pager, then pmap_enter (wired if the entry is wired).
 * Returns KERN_SUCCESS, KERN_INVALID_ADDRESS, KERN_PROTECTION_FAILURE,
 * KERN_RESOURCE_SHORTAGE (from the map lookup; no page for a wiring
 * fault, VM_FAULT_WIRE), KERN_OUT_OF_BOUNDS, or KERN_FAILURE (a killed
 * thread gave the fault up, R68); KERN_RESTART and KERN_PAGE_SHORTAGE
 * stay inside.  A fault that finds no page waits for free pages and
 * starts again (R67: never an error), asking the OOM killer after
 * vm.pfault_oom_attempts x vm.pfault_oom_wait seconds; only a kill
 * ends its waits early.  Map unlocked; may sleep.
 */
int	vm_fault(vm_map_t map, vm_offset_t vaddr, vm_prot_t fault_type,
	    int fault_flags);

/*
 * The fault path's patience under shortage (R67, R73; vm_fault.c):
 * sysctls vm.pfault_oom_attempts (3; < 0: never ask), vm.pfault_oom_wait
 * (10 s) and vm.oom_pf_secs (10 s), root-settable, and the count of OOM
 * requests made (vm.stats.vm.v_pfault_oom_asks).  Host tests set and
 * read them directly.
 */
extern int	vm_pfault_oom_attempts, vm_pfault_oom_wait, vm_oom_pf_secs;
extern u_long	vm_pfault_oom_asks;

/*
 * vm_fault_wire / vm_fault_unwire: for an entry whose wired_count just
 * went 0 -> 1 (or 1 -> 0): fault in every page of [start, end) with the
 * entry's full protection, enter it with a wired PTE and give the page
 * one wiring for `reason`; or unwire the PTEs and drop that wiring.
 * Fictitious pages are never wired or unwired (R62).  vm_fault_wire
 * undoes what it did on failure and returns the fault's KERN_* code.
 * `reason`: VM_WIRE_USER or VM_WIRE_SYSTEM, the kind of the wiring that
 * took the entry from 0 (recorded as MAP_ENTRY_WIRED_SYSTEM).
 * vm_fault_wire: map unlocked (it faults, and may sleep); the range's
 * entries are in transition, owned by the caller (they may be clipped
 * meanwhile, R42).  vm_fault_unwire: map locked by
 * the caller, read or write (vm_map_delete holds it for writing); does
 * not sleep.
 */
int	vm_fault_wire(vm_map_t map, vm_offset_t start, vm_offset_t end,
	    enum vm_wire_reason reason);
void	vm_fault_unwire(vm_map_t map, vm_offset_t start, vm_offset_t end,
	    enum vm_wire_reason reason);

/*
 * vm_fault_entry_page: the page `entry` shows at `va`: the first found
 * down its shadow chain, or NULL (never through a physical address, so
 * a device's fake page is found as itself, I-P5).  Map locked; the
 * page stays valid while it is.
 */
vm_page_t vm_fault_entry_page(vm_map_entry_t entry, vm_offset_t va);

/*
 * vm_fault_copy_entry: R48: fill `dst_object` (new, empty, as many pages
 * as the entry) with copies of every page `src_entry` maps, found
 * through its shadow chain, instead of sharing them copy-on-write: fork
 * does this for wired writable entries, whose pages must not become
 * read-only in the parent.  Returns KERN_SUCCESS or
 * KERN_RESOURCE_SHORTAGE (the caller then drops dst_object).  Source
 * map locked.
 */
int	vm_fault_copy_entry(vm_object_t dst_object, vm_map_entry_t src_entry);

#endif /* !_VM_VM_MAP_H_ */
