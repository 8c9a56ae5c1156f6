/*
 * ktest_vm.h - helpers the VM self tests share: taking free pages away
 * to make a real shortage, and giving them back.
 */
#ifndef _TESTS_KERNEL_KTEST_VM_H_
#define _TESTS_KERNEL_KTEST_VM_H_

#include <vm/vm.h>
#include <vm/vm_page.h>

/*
 * ktest_drain: allocate pages of class `req` onto `held` while more than
 * `floor` pages are free and the allocator says yes.  Returns how many
 * it took.
 */
u_long	ktest_drain(struct pglist *held, u_long floor, int req);

/* ktest_undrain: free `n` pages of `held` (all of them if n < 0). */
void	ktest_undrain(struct pglist *held, long n);

struct vmspace;
struct vm_map;

/* The counts a VM test must leave as it found them. */
struct ktest_vm_counts {
	u_long	free, wired, pgtable, objects;
};

/* ktest_vm_counts: the counts now. */
struct ktest_vm_counts ktest_vm_counts(void);

#define KT_CHECK_VM_COUNTS(now, base)					\
	KT_CHECK((now).free == (base).free &&				\
	    (now).wired == (base).wired &&				\
	    (now).pgtable == (base).pgtable &&				\
	    (now).objects == (base).objects,				\
	    "free %lu/%lu wired %lu/%lu pagetable %lu/%lu objects %lu/%lu", \
	    (now).free, (base).free, (now).wired, (base).wired,		\
	    (now).pgtable, (base).pgtable, (now).objects, (base).objects)

/* ktest_map_check: vm_map_check under the read lock; the problems found. */
int	ktest_map_check(struct vm_map *map);

/*
 * ktest_uaccess: read (write false) or write a byte at `va` through the
 * address space `vm`, by copyin/copyout (the kernel's one way into user
 * pages, SMAP) with interrupts off, so that no switch changes the
 * address space in between.  The byte read; 0 for a good write; -1 if
 * the access faulted.
 */
int	ktest_uaccess(struct vmspace *vm, vm_offset_t va, bool write,
	    int value);

#endif /* !_TESTS_KERNEL_KTEST_VM_H_ */
