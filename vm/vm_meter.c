/*
 * vm_meter.c - the system-wide page counters and the arithmetic of the
 * free-page thresholds and allocation classes (SEMANTICS 1.6, R70).
 *
 * The arithmetic is kept pure (no locks, no globals) so the host tests
 * can try it at every boundary.
 */
#include <kernel/systm.h>
#include <vm/vm.h>
#include <vm/vmmeter.h>
#include <kernel/sysctl.h>

struct vmmeter vm_cnt;

/* The counters for user space (vmstat, the test runner's leak check). */
SYSCTL_ULONG(v_page_count, "vm.stats.vm.v_page_count", &vm_cnt.v_page_count,
    "managed pages");
SYSCTL_ULONG(v_free_count, "vm.stats.vm.v_free_count", &vm_cnt.v_free_count,
    "free pages");
SYSCTL_ULONG(v_wire_count, "vm.stats.vm.v_wire_count", &vm_cnt.v_wire_count,
    "wired pages");
SYSCTL_ULONG(v_wire_kmem, "vm.stats.vm.v_wire_kmem",
    &vm_cnt.v_wire_by_reason[VM_WIRE_KMEM], "pages wired for kernel memory");
SYSCTL_ULONG(v_wire_pagetable, "vm.stats.vm.v_wire_pagetable",
    &vm_cnt.v_wire_by_reason[VM_WIRE_PGTABLE], "page-table pages");
SYSCTL_ULONG(v_wire_kstack, "vm.stats.vm.v_wire_kstack",
    &vm_cnt.v_wire_by_reason[VM_WIRE_KSTACK], "kernel stack pages");
SYSCTL_ULONG(v_wire_user, "vm.stats.vm.v_wire_user",
    &vm_cnt.v_wire_by_reason[VM_WIRE_USER], "pages wired by mlock");
SYSCTL_ULONG(v_wire_system, "vm.stats.vm.v_wire_system",
    &vm_cnt.v_wire_by_reason[VM_WIRE_SYSTEM], "pages wired by the kernel "
    "for a process (vslock)");
SYSCTL_ULONG(v_wire_device, "vm.stats.vm.v_wire_device",
    &vm_cnt.v_wire_by_reason[VM_WIRE_DEVICE], "device-pager fake pages "
    "alive (not RAM: not in v_wire_count)");
SYSCTL_ULONG(v_cache_kmem, "vm.stats.vm.v_cache_kmem", &vm_cnt.v_cache_kmem,
    "of v_wire_kmem, pages caches keep for reuse (uma's empty slabs)");

const char *const vm_wire_reason_names[VM_WIRE_NREASONS] = {
	[VM_WIRE_NONE] = "none",
	[VM_WIRE_KMEM] = "kmem",
	[VM_WIRE_PGTABLE] = "pagetable",
	[VM_WIRE_KSTACK] = "kstack",
	[VM_WIRE_USER] = "user",
	[VM_WIRE_SYSTEM] = "system",
	[VM_WIRE_DEVICE] = "device",
};

/* Pages the page daemon writes in one go (FreeBSD's pageout cluster). */
#define VM_PAGEOUT_PAGE_COUNT	32

/*
 * FreeBSD's per-domain formulas (vm_pageout_init_domain), with p the
 * managed page count / 200.  p is at least 2 so that the thresholds are
 * strictly ordered even on a tiny machine.
 */
void
vm_thresholds_compute(u_long page_count, struct vm_thresholds *t)
{
	u_long p;

	p = MAX(page_count / 200, 2);
	t->interrupt_free_min = 2;
	t->free_reserved = VM_PAGEOUT_PAGE_COUNT + t->interrupt_free_min +
	    page_count / 768;
	t->free_severe = t->free_reserved + p / 2;
	t->free_min = t->free_reserved + p;
	t->free_target = t->free_reserved + 4 * p;
}

/* The number of free pages a request of this class must leave behind. */
static u_long
vm_alloc_floor(const struct vm_thresholds *t, int req)
{
	switch (req & VM_ALLOC_CLASS_MASK) {
	case VM_ALLOC_NORMAL:
		return (t->free_reserved);
	case VM_ALLOC_SYSTEM:
		return (t->interrupt_free_min);
	default:
		return (0);
	}
}

bool
vm_alloc_allowed(const struct vm_thresholds *t, u_long free_count, int req,
    u_long npages)
{
	return (free_count >= npages &&
	    free_count - npages >= vm_alloc_floor(t, req));
}
