/*
 * vm_init.c - bring up the VM at boot, in dependency order, and say what
 * it found.
 */
#include <kernel/systm.h>
#include <kernel/bootinfo.h>
#include <kernel/malloc.h>
#include <vm/vm.h>
#include <vm/vm_page.h>
#include <vm/vm_phys.h>
#include <vm/vmmeter.h>
#include <vm/vm_kern.h>
#include <vm/pmap.h>
#include <vm/vm_object.h>
#include <vm/vm_map.h>
#include <vm/vm_init.h>

static void
vm_print_summary(void)
{
	const struct vm_thresholds *t = &vm_cnt.v_thresh;
	int i;

	printf("vm: RAM found: %llu KiB in %d segments; pages managed: %lu "
	    "(%lu free, %lu wired)\n",
	    (unsigned long long)vm_phys_ram_bytes() / 1024, vm_phys_nsegs,
	    vm_cnt.v_page_count, vm_cnt.v_free_count, vm_cnt.v_wire_count);
	for (i = 0; i < vm_phys_nsegs; i++)
		printf("vm:   segment %#012llx - %#012llx  free list %d\n",
		    (unsigned long long)vm_phys_segs[i].start,
		    (unsigned long long)vm_phys_segs[i].end - 1,
		    vm_phys_segs[i].freelist);
	printf("vm: thresholds (pages): interrupt_free_min %lu, "
	    "free_reserved %lu, free_severe %lu, free_min %lu, "
	    "free_target %lu\n", t->interrupt_free_min, t->free_reserved,
	    t->free_severe, t->free_min, t->free_target);
	printf("vm: sizeof(struct vm_page) = %zu bytes; wired at boot:",
	    sizeof(struct vm_page));
	for (i = VM_WIRE_NONE + 1; i < VM_WIRE_NREASONS; i++)
		printf(" %s %lu", vm_wire_reason_names[i],
		    vm_cnt.v_wire_by_reason[i]);
	printf("\n");
}

void
vm_mem_init(void)
{
	vm_phys_init(&bootinfo);
	pmap_bootstrap();
	vm_page_startup();
	pmap_init();
	kmem_init();
	malloc_init();
	vm_object_init();
	vm_map_zinit();
	vm_print_summary();
}
