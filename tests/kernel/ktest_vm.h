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

#endif /* !_TESTS_KERNEL_KTEST_VM_H_ */
