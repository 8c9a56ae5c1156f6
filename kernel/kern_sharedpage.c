/*
 * kern_sharedpage.c - the shared page: one page of kernel memory that
 * exec maps read-only at SHAREDPAGE, the last page of every user
 * address space, and whose clock record (struct vdso_timekeep,
 * sys/_timekeep.h) lets libc's clock_gettime read CLOCK_MONOTONIC and
 * CLOCK_REALTIME without a system call (FreeBSD's shared page and its
 * vdso_timekeep, found through AT_TIMEKEEP; Linux's vDSO data page).
 *
 * The page is allocated once at boot with kmem_malloc (wired kernel
 * memory, never freed), and the kernel writes it through that address.
 * User space sees it through a device object (vm/device_pager.c) whose
 * d_mmap gives the page's physical address: the object's one fake page
 * is made at boot (dev_pager_populate), and the kernel's reference
 * keeps the object, so mapping, faulting, wiring (mlockall: the device
 * rules, R62) and unmapping the page in a process never allocate or
 * free a page; each process's mapping holds a reference on the object.
 * The mapping's maximum protection is read: no process can write to
 * it or run it, and a debugger's write (proc_rwmem) refuses fake pages.
 *
 * The record is written only by timekeep_push_vdso, with interrupts
 * off (one CPU), under the generation protocol of sys/_timekeep.h.
 * It is usable as soon as the TSC is calibrated: the kernel's own
 * clock is the TSC whatever CPUID says of it (QEMU's TCG does not
 * claim an invariant TSC, CPUID 0x80000007 EDX bit 8, even with -cpu
 * max; its TSC follows the virtual clock, under -icount exactly), so
 * libc reading the same TSC with the same formula gives what the
 * system call would; FreeBSD checks invariance because its kernel may
 * choose another timecounter, which this one never does.
 * kern.timecounter.fast_gettime (FreeBSD's name; 1 by default) lets
 * root turn the fast path off: libc then makes the system call.
 */
#include <sys/errno.h>
#include <sys/_timekeep.h>
#include <kernel/systm.h>
#include <kernel/machdep.h>
#include <kernel/sharedpage.h>
#include <kernel/sysctl.h>
#include <kernel/time.h>
#include <vm/vm.h>
#include <vm/vm_kern.h>
#include <vm/vm_map.h>
#include <vm/vm_object.h>
#include <vm/vm_pager.h>
#include <vm/pmap.h>

static vm_offset_t shared_page_kva;		/* (c) the kernel's view */
static vm_paddr_t shared_page_pa;		/* (c) */
static vm_object_t shared_page_obj;		/* (c) */
static uint32_t timekeep_gen;			/* (i) last tk_gen given */
static int fast_gettime = 1;			/* the sysctl */

/* d_mmap: the one page, in RAM the kernel owns, cached as usual. */
static int
shared_page_d_mmap(void *handle, vm_ooffset_t offset, vm_paddr_t *paddr,
    vm_memattr_t *memattr)
{
	(void)handle, (void)memattr;
	if (offset != 0)
		return (EINVAL);
	*paddr = shared_page_pa;
	return (0);
}

static const struct dev_pager_ops shared_page_ops = {
	.d_mmap = shared_page_d_mmap,
};

/* shared_page_init: see sharedpage.h. */
void
shared_page_init(void)
{
	struct vdso_timekeep *tk;

	shared_page_kva = kmem_malloc(PAGE_SIZE, M_WAITOK | M_ZERO);
	if (shared_page_kva == 0)
		panic("shared_page_init: no memory");
	shared_page_pa = pmap_kextract(shared_page_kva);
	shared_page_obj = dev_pager_alloc((void *)&shared_page_ops,
	    &shared_page_ops, PAGE_SIZE);
	if (shared_page_obj == NULL ||
	    dev_pager_populate(shared_page_obj, 0) != 0)
		panic("shared_page_init: no memory for its object");
	tk = (struct vdso_timekeep *)(shared_page_kva +
	    (SHAREDPAGE_TIMEKEEP - SHAREDPAGE));
	tk->tk_ver = VDSO_TK_VER_CURR;	/* tk_gen 0: not usable yet */
}

/* shared_page_map: see sharedpage.h. */
int
shared_page_map(struct vmspace *vm)
{
	int rv;

	vm_object_reference(shared_page_obj);
	rv = vm_map_insert(&vm->vm_map, shared_page_obj, 0, SHAREDPAGE,
	    SHAREDPAGE + PAGE_SIZE, VM_PROT_READ, VM_PROT_READ,
	    MAP_INHERIT_SHARE);
	if (rv != KERN_SUCCESS)
		vm_object_deallocate(shared_page_obj);
	return (rv);
}

/* shared_page_object_is: see sharedpage.h. */
bool
shared_page_object_is(const struct vm_object *obj)
{
	return (obj != NULL && obj == shared_page_obj);
}

/* timekeep_push_vdso: see sharedpage.h. */
void
timekeep_push_vdso(void)
{
	struct vdso_timekeep *tk;
	unsigned long s;
	bool usable;

	if (shared_page_kva == 0)
		return;
	tk = (struct vdso_timekeep *)(shared_page_kva +
	    (SHAREDPAGE_TIMEKEEP - SHAREDPAGE));
	s = intr_disable();
	__atomic_store_n(&tk->tk_gen, 0, __ATOMIC_RELEASE);
	usable = tc_fill_vdso_timehands(tk);
	tk->tk_enabled = usable && fast_gettime != 0;
	if (++timekeep_gen == 0)
		timekeep_gen = 1;		/* 0 means "being written" */
	__atomic_store_n(&tk->tk_gen, usable ? timekeep_gen : 0,
	    __ATOMIC_RELEASE);
	intr_restore(s);
}

/* The sysctl's write handler: the value, then a new record. */
static int
sysctl_fast_gettime(const struct sysctl_oid *oid, const void *new,
    size_t newlen)
{
	int error;

	if ((error = sysctl_handle_value(oid, new, newlen)) == 0)
		timekeep_push_vdso();
	return (error);
}

static const struct sysctl_oid sysctl_fast_gettime_oid = {
	"kern.timecounter.fast_gettime", SYSCTL_TYPE_INT, &fast_gettime,
	"libc reads the clock from the shared page (0: system call)", 0,
	sysctl_fast_gettime
};
DATA_SET(set_sysctl, sysctl_fast_gettime_oid);
