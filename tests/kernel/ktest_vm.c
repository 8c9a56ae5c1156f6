/*
 * ktest_vm.c - helpers the VM self tests share (see ktest_vm.h).
 */
#include <kernel/systm.h>
#include <vm/vm.h>
#include <vm/vm_page.h>
#include <vm/vmmeter.h>
#include <vm/vm_object.h>
#include <vm/vm_map.h>
#include <vm/pmap.h>
#include <kernel/machdep.h>
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

struct ktest_vm_counts
ktest_vm_counts(void)
{
	return ((struct ktest_vm_counts){ vm_cnt.v_free_count,
	    vm_cnt.v_wire_count, vm_cnt.v_wire_by_reason[VM_WIRE_PGTABLE],
	    vm_object_count() });
}

int
ktest_map_check(struct vm_map *map)
{
	int problems;

	vm_map_lock_read(map);
	problems = vm_map_check(map);
	vm_map_unlock_read(map);
	return (problems);
}

int
ktest_uaccess(struct vmspace *vm, vm_offset_t va, bool write, int value)
{
	uint8_t byte = (uint8_t)value;
	unsigned long s;
	int error;

	s = intr_disable();
	pmap_activate(&vm->vm_pmap);
	if (write)
		error = copyout(&byte, (void *)va, 1);
	else
		error = copyin((const void *)va, &byte, 1);
	pmap_activate(kernel_pmap);
	intr_restore(s);
	if (error != 0)
		return (-1);
	return (write ? 0 : byte);
}
