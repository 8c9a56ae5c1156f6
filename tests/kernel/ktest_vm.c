/*
 * ktest_vm.c - helpers the VM self tests share (see ktest_vm.h).
 */
#include <kernel/systm.h>
#include <vm/vm.h>
#include <vm/vm_page.h>
#include <vm/vmmeter.h>
#include "ktest_vm.h"

u_long
ktest_drain(struct pglist *held, u_long floor, int req)
{
	vm_page_t m;
	u_long n = 0;

	while (vm_cnt.v_free_count > floor &&
	    (m = vm_page_alloc_noobj(req)) != NULL) {
		TAILQ_INSERT_TAIL(held, m, plinks.q);
		n++;
	}
	return (n);
}

void
ktest_undrain(struct pglist *held, long n)
{
	vm_page_t m;

	while (n-- != 0 && (m = TAILQ_FIRST(held)) != NULL) {
		TAILQ_REMOVE(held, m, plinks.q);
		vm_page_free(m);
	}
}
