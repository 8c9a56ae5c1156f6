/*
 * vm_object.h - VM objects: what a mapping maps.  An object is a set of
 * pages indexed by page offset (pindex), with a pager that can produce a
 * page the object does not hold (anonymous memory: none, so it is
 * zero-filled; later swap and device memory).
 *
 * Copy-on-write uses shadow objects: a shadow holds the pages written
 * since the copy and falls back to its backing_object for the rest.
 * When a backing object is referenced only by its one shadow, the two
 * are merged (collapse) or the shadow skips over it (bypass), so chains
 * stay short however many times a process forks and exits.
 *
 * Lock keys:
 *	(c)  constant after vm_object_allocate()
 *	(o)  the object's lock (VM_OBJECT_WLOCK)
 *	(s)  vm_object_list_mtx (the list of all objects)
 *	(d)  dev_pager_mtx (vm/device_pager.c: the device objects)
 * Lock order: map lock -> object lock (a shadow before its backing
 * object) -> pmap lock -> vm_free_mtx.  Object locks never sleep.
 */
#ifndef _VM_VM_OBJECT_H_
#define _VM_VM_OBJECT_H_

#include <sys/queue.h>
#include <kernel/mutex.h>
#include <vm/vm.h>
#include <vm/vm_radix.h>
#include <vm/vm_page.h>

typedef uint8_t objtype_t;
#define OBJT_DEFAULT	0	/* anonymous memory, zero-filled on demand */
#define OBJT_SWAP	1	/* memory of a tmpfs file or shm object:
				   zero-filled, not OBJ_ANON (swap later) */
#define OBJT_DEVICE	2	/* device memory: fake pages, device_pager.c */
#define OBJT_PHYS	3	/* wired physical pages, never paged (later) */
#define OBJT_DEAD	4	/* terminated */
#define OBJT_KBUF	5	/* copies of a read-only buffer in kernel
				   memory (an initrd file): kbuf_pager.c */
#define OBJT_NTYPES	6

struct vm_object {
	struct mtx	lock;
	TAILQ_ENTRY(vm_object) object_list;	/* (s) all objects */
	LIST_HEAD(, vm_object) shadow_head;	/* (o) objects this one backs */
	LIST_ENTRY(vm_object) shadow_list;	/* (o) in backing's shadow_head */
	struct vm_radix	rtree;			/* (o) resident pages by pindex */
	vm_pindex_t	size;			/* (o) in pages */
	int		ref_count;		/* (o) references */
	int		shadow_count;		/* (o) shadows backed by it */
	int		resident_page_count;	/* (o) pages in rtree */
	int		generation;		/* (o) bumped on every change
						   a collapse must notice */
	int		paging_in_progress;	/* (o) pager calls under way */
	objtype_t	type;			/* (c) OBJT_* */
	uint16_t	flags;			/* (o) OBJ_* */
	struct vm_object *backing_object;	/* (o) what a shadow falls back on */
	vm_ooffset_t	backing_object_offset;	/* (o) our offset in it, bytes */
	void		*handle;		/* (c) the pager's key, or NULL */
	union {
		struct {
			const char *data;	/* (c) the bytes... */
			vm_ooffset_t len;	/* (c) ...and how many */
		} kbuf;				/* OBJT_KBUF */
		struct {
			struct pglist devp_pglist; /* (o) its fake pages */
			const struct dev_pager_ops *devp_ops; /* (c) */
			TAILQ_ENTRY(vm_object) devp_link; /* (d) device
					   objects, device_pager.c */
		} devp;				/* OBJT_DEVICE */
	} un_pager;
};

/* flags */
#define OBJ_DEAD	0x0001	/* being terminated */
#define OBJ_ANON	0x0002	/* anonymous: may collapse, no handle */
#define OBJ_ONEMAPPING	0x0004	/* mapped once, at one offset: pages
				   outside the mapping may be freed */
#define OBJ_FICTITIOUS	0x0008	/* pages are fake (device memory) */
#define OBJ_UNMANAGED	0x0010	/* pages are unmanaged (no pv entries) */
#define OBJ_COLLAPSING	0x0020	/* a collapse is moving its pages */

#define VM_OBJECT_WLOCK(o)	mtx_lock(&(o)->lock)
#define VM_OBJECT_WUNLOCK(o)	mtx_unlock(&(o)->lock)
#define VM_OBJECT_ASSERT_WLOCKED(o) mtx_assert(&(o)->lock, MA_OWNED)

/* vm_object_page_remove options */
#define OBJPR_CLEANONLY	0x1	/* only pages that are not dirty */

/*
 * vm_object_init: the object zone and the radix node zone
 * (vm_radix_zinit).  Boot, after malloc_init (vm_mem_init); a second
 * call does nothing.
 */
void	vm_object_init(void);

/*
 * vm_object_allocate: a new object of `type` and `size` pages with one
 * reference.  Anonymous types get OBJ_ANON | OBJ_ONEMAPPING.  Returns
 * NULL if no memory.  May not sleep yet.
 */
vm_object_t vm_object_allocate(objtype_t type, vm_pindex_t size);

/* vm_object_reference: one more reference.  Object unlocked. */
void	vm_object_reference(vm_object_t object);

/*
 * vm_object_deallocate: drop a reference (NULL is fine).  The last one
 * terminates the object: its pages are freed (wired pages too only if
 * nothing wires them any more: I-P1 says a wired page is unmapped and
 * left to its wirer), its pager is told, and a backing object loses
 * the reference the shadow held.  When an anonymous object is left
 * with one reference and that is a shadow's, the shadow and it are
 * collapsed.  Object unlocked.
 */
void	vm_object_deallocate(vm_object_t object);

/*
 * vm_object_shadow: put a new shadow object of `length` bytes in front
 * of *object at *offset (copy-on-write); *object and *offset are
 * replaced by the shadow and 0.  The shadow takes over the caller's
 * reference to the old object.  Returns false if no memory (nothing
 * changed).  As in FreeBSD, an anonymous *object whose only reference
 * is the caller's needs no shadow (nobody else sees its pages): then
 * nothing changes and true is returned, so callers must use *object and
 * *offset as they are afterwards, not assume a new object.  Objects
 * unlocked.
 */
bool	vm_object_shadow(vm_object_t *object, vm_ooffset_t *offset,
	    vm_size_t length);

/*
 * vm_object_collapse: merge `object` with its backing object while the
 * backing object is anonymous and referenced only by this shadow (pages
 * move up unless the shadow already has that index), or bypass the
 * backing object when the shadow covers all of it (has its own page
 * for every page the backing object holds in the shadow's window);
 * repeated down the chain while either applies.  Both objects must be
 * anonymous and the backing object OBJT_DEFAULT (no pager contents to
 * move yet).  Wired pages the shadow cannot see leave the backing
 * object and stay with their wirer (I-P1).  Object locked (the backing
 * objects are locked inside).
 */
void	vm_object_collapse(vm_object_t object);

/*
 * vm_object_page_remove: remove pages [start, end) (end 0: to the end)
 * from every pmap and free them; wired pages are only unmapped and
 * invalidated (SEMANTICS I-P1), and stay in the object.  With
 * OBJPR_CLEANONLY dirty pages (m->dirty, or the pmap's modified bit)
 * are kept, mapped, and wired pages are unmapped but stay valid.
 * Object locked.
 */
void	vm_object_page_remove(vm_object_t object, vm_pindex_t start,
	    vm_pindex_t end, int options);

/*
 * vm_object_coalesce: can `prev_object` (mapped at prev_offset for
 * prev_size bytes) simply grow by next_size bytes, so that a new
 * mapping right after it extends the same entry?  If so it is grown
 * (pages in the new range freed) and true returned.  Object unlocked.
 */
bool	vm_object_coalesce(vm_object_t prev_object, vm_ooffset_t prev_offset,
	    vm_size_t prev_size, vm_size_t next_size);

/* vm_object_shadow_depth: the length of the chain below `object`. */
int	vm_object_shadow_depth(vm_object_t object);

/*
 * vm_object_check: verify the object's invariants (page index sorted and
 * counted, every page's object and pindex, shadow counts, references).
 * Prints problems; returns how many.  Object unlocked.
 */
int	vm_object_check(vm_object_t object);

/* vm_object_count: objects alive (for leak checks in tests). */
u_long	vm_object_count(void);

/*
 * vm_object_check_all: vm_object_check of every live object, for tests
 * with the VM quiescent (it takes the list lock, not the objects').
 */
int	vm_object_check_all(void);

/*
 * vm_object_ddb_exists: whether `obj` is a live object (on the list of
 * all objects, read without its lock: for the debugger only).
 */
bool	vm_object_ddb_exists(const struct vm_object *obj);

#endif /* !_VM_VM_OBJECT_H_ */
