/*
 * vm_glue.c - where the VM meets the rest of the kernel: kernel stacks
 * for threads, and vslock/vsunlock (SEMANTICS R29-R31): a system wiring
 * of a user buffer of the current process while the kernel works on it
 * directly, with vsmap/vsunmap, a kernel window onto such a buffer.
 *
 * A kernel stack is KSTACK_SIZE of wired pages (reason VM_WIRE_KSTACK,
 * so `vmstat` can tell them from other kernel memory) above one page of
 * kernel VA left unmapped: a thread that overflows its stack takes a
 * page fault on the guard page and the panic names it, instead of
 * silently overwriting whatever lies below.
 */
#include <sys/errno.h>
#include <kernel/systm.h>
#include <kernel/mutex.h>
#include <kernel/proc.h>
#include <kernel/sysctl.h>
#include <vm/vm.h>
#include <vm/vm_kern.h>
#include <vm/vm_glue.h>
#include <vm/vm_map.h>
#include <vm/vm_page.h>
#include <vm/pmap.h>

#define KSTACK_GUARD	PAGE_SIZE

/* vm_thread_stack_alloc: see vm_glue.h. */
vm_offset_t
vm_thread_stack_alloc(void)
{
	vm_offset_t va;

	va = kva_alloc(KSTACK_GUARD + KSTACK_SIZE);
	if (va == 0)
		return (0);
	if (pmap_growkernel(va + KSTACK_GUARD + KSTACK_SIZE) != 0 ||
	    !kmem_back(va + KSTACK_GUARD, KSTACK_SIZE, M_NOWAIT,
	    VM_WIRE_KSTACK)) {
		kva_free(va, KSTACK_GUARD + KSTACK_SIZE);
		return (0);
	}
	return (va + KSTACK_GUARD);
}

/* vm_thread_stack_free: see vm_glue.h. */
void
vm_thread_stack_free(vm_offset_t stack)
{
	kmem_unback(stack, KSTACK_SIZE, VM_WIRE_KSTACK);
	kva_free(stack - KSTACK_GUARD, KSTACK_GUARD + KSTACK_SIZE);
}

/*
 * Bytes vslocked and not yet vsunlocked, system-wide: the sum of every
 * thread's td_vslock_sz.  Nothing may stay behind a system call (R31),
 * so tests read it before and after.
 */
static u_long vm_vslock_bytes;
static struct mtx vm_vslock_mtx = MTX_INITIALIZER("vslock bytes");
SYSCTL_ULONG(v_vslock_bytes, "vm.stats.vm.v_vslock_bytes", &vm_vslock_bytes,
    "bytes of user buffers vslocked now (R31: 0 outside system calls)");

static vm_map_t
vslock_map(void)
{
	return (&curthread->td_proc->p_vmspace->vm_map);
}

/*
 * The pages of [addr, addr + len): *startp, *endp.  EINVAL if the range
 * wraps (R29).
 */
static int
vslock_range(const void *addr, size_t len, vm_offset_t *startp,
    vm_offset_t *endp)
{
	vm_offset_t a = (vm_offset_t)addr;

	if (a + len < a || round_page(a + len) < a + len)
		return (EINVAL);
	*startp = trunc_page(a);
	*endp = round_page(a + len);
	return (0);
}

/*
 * Whether [start, end) lies in the user part of the current map: the
 * engine clamps a range to its map (R2) and would wire nothing of a
 * kernel address, so such a range is EFAULT here.
 */
static bool
vslock_in_map(vm_offset_t start, vm_offset_t end)
{
	vm_map_t map = vslock_map();

	return (start == end || (start >= map->min_offset &&
	    end <= map->max_offset));
}

/* vslock: see vm_glue.h. */
int
vslock(void *addr, size_t len)
{
	vm_offset_t start, end;
	int error;

	if ((error = vslock_range(addr, len, &start, &end)) != 0)
		return (error);
	if (atop(end - start) > vm_page_max_user_wired)
		return (ENOMEM);
	if (!vslock_in_map(start, end))
		return (EFAULT);
	if (vm_map_wire(vslock_map(), start, end, VM_MAP_WIRE_SYSTEM |
	    VM_MAP_WIRE_NOHOLES) != KERN_SUCCESS)
		return (EFAULT);
	curthread->td_vslock_sz += len;
	mtx_lock(&vm_vslock_mtx);
	vm_vslock_bytes += len;
	mtx_unlock(&vm_vslock_mtx);
	return (0);
}

/* vsunlock: see vm_glue.h. */
void
vsunlock(void *addr, size_t len)
{
	vm_offset_t start, end;
	int error;

	KASSERT(curthread->td_vslock_sz >= len, ("vsunlock: %zu bytes, only "
	    "%zu vslocked (R30)", len, curthread->td_vslock_sz));
	error = vslock_range(addr, len, &start, &end);
	KASSERT(error == 0, ("vsunlock: %p+%zu was never vslocked", addr,
	    len));
	curthread->td_vslock_sz -= len;
	mtx_lock(&vm_vslock_mtx);
	vm_vslock_bytes -= len;
	mtx_unlock(&vm_vslock_mtx);
	if (error == 0)
		(void)vm_map_unwire(vslock_map(), start, end,
		    VM_MAP_WIRE_SYSTEM | VM_MAP_WIRE_NOHOLES);
}

/* Take the window's first `n` pages out again and give its VA back. */
static void
vsmap_release(vm_offset_t kva, vm_size_t size, vm_size_t n)
{
	vm_size_t i;

	for (i = 0; i < n; i++)
		pmap_kremove(kva + ptoa(i));
	kva_free(kva, size);
}

/*
 * vsmap: see vm_glue.h.  Each page's physical address comes from the
 * user's PTE, under the map lock: the page is wired, so the PTE exists
 * and stays (a wired page is neither paged out nor, while the map
 * holds the wiring, unmapped: munmap waits, R36).  The window maps it
 * with the page's caching mode (a page of RAM: its pat_mode; memory
 * with no vm_page, a device's: uncached), so no page is mapped twice
 * with different modes.
 */
int
vsmap(void *addr, size_t len, vm_prot_t prot, void **kvap)
{
	vm_offset_t start, end, kva, va;
	vm_map_entry_t entry;
	vm_map_t map = vslock_map();
	vm_paddr_t pa;
	vm_page_t m;
	int error;

	if ((error = vslock_range(addr, len, &start, &end)) != 0)
		return (error);
	if (!vslock_in_map(start, end))
		return (EFAULT);
	if (len == 0) {
		*kvap = addr;	/* nothing may be touched through it */
		return (0);
	}
	if ((kva = kva_alloc(end - start)) == 0)
		return (ENOMEM);
	if (pmap_growkernel(kva + (end - start)) != 0) {
		kva_free(kva, end - start);
		return (ENOMEM);
	}
	vm_map_lock_read(map);
	for (va = start; va < end; va += PAGE_SIZE) {
		if (!vm_map_lookup_entry(map, va, &entry) ||
		    entry->wired_count <= 0 ||
		    (entry->protection & prot) != prot) {
			error = EFAULT;
			break;
		}
		pa = trunc_page(pmap_extract(vm_map_pmap(map), va));
		KASSERT(pa != 0, ("vsmap: wired %#lx has no PTE", (u_long)va));
		if (pa == 0) {
			error = EFAULT;
			break;
		}
		/* The caching mode of the user's mapping: no aliasing. */
		m = PHYS_TO_VM_PAGE(pa);
		pmap_kenter_attr(kva + (va - start), pa, m != NULL ?
		    m->pat_mode : VM_MEMATTR_UNCACHEABLE);
	}
	vm_map_unlock_read(map);
	if (error != 0) {
		vsmap_release(kva, end - start, atop(va - start));
		return (error);
	}
	*kvap = (void *)(kva + ((vm_offset_t)addr & PAGE_MASK));
	return (0);
}

/* vsunmap: see vm_glue.h. */
void
vsunmap(void *kaddr, size_t len)
{
	vm_offset_t kva = trunc_page((vm_offset_t)kaddr);
	vm_size_t size = round_page((vm_offset_t)kaddr + len) - kva;

	if (len == 0)
		return;
	vsmap_release(kva, size, atop(size));
}
