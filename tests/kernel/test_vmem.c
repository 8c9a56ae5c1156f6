/*
 * test_vmem.c - self tests of vmem in the kernel: the kernel arena
 * covers exactly the kernel VA range and hands out pieces inside it; an
 * arena needing more boundary tags than the boot supply takes wired
 * kmem pages for them and gives every one back when its tags are free.
 * (The allocator itself is tested against a model on the host:
 * tests/host/test_vmem.c.)
 */
#include <kernel/systm.h>
#include <kernel/ktest.h>
#include <kernel/vmem.h>
#include <vm/vm.h>
#include <vm/vm_page.h>
#include <vm/vmmeter.h>
#include <vm/vm_kern.h>
#include <machine/vmparam.h>

KTEST(vmem_kernel_arena_in_kva_range)
{
	static const vm_size_t sizes[] = { 1, PAGE_SIZE, 3 * PAGE_SIZE + 1,
	    1 << 20, 5 * PAGE_SIZE };
	vm_offset_t va[nitems(sizes)];
	vmem_size_t inuse0 = vmem_size_inuse(kernel_arena), sum = 0;
	int i;

	KT_CHECK(vmem_size_total(kernel_arena) == VM_KVA_END - VM_KVA_START,
	    "arena total %#lx", (u_long)vmem_size_total(kernel_arena));
	KT_CHECK(vmem_check(kernel_arena) == 0);
	for (i = 0; i < (int)nitems(sizes); i++) {
		va[i] = kva_alloc(sizes[i]);
		sum += round_page(sizes[i]);
		KT_CHECK(va[i] >= VM_KVA_START && (va[i] & PAGE_MASK) == 0 &&
		    va[i] + round_page(sizes[i]) <= VM_KVA_END,
		    "%#lx bytes at %#lx", (u_long)sizes[i], (u_long)va[i]);
	}
	KT_CHECK(vmem_size_inuse(kernel_arena) == inuse0 + sum);
	KT_CHECK(vmem_check(kernel_arena) == 0);
	for (i = 0; i < (int)nitems(sizes); i++)
		if (va[i] != 0)
			kva_free(va[i], sizes[i]);
	KT_CHECK(vmem_size_inuse(kernel_arena) == inuse0);
	KT_CHECK(vmem_check(kernel_arena) == 0);
}

#define TAG_TEST_PIECES	600

static vmem_addr_t tag_test_addrs[TAG_TEST_PIECES];

KTEST(vmem_tag_pages_are_kmem_and_go_back)
{
	u_long free0 = vm_cnt.v_free_count;
	u_long kmem0 = vm_cnt.v_wire_by_reason[VM_WIRE_KMEM], kmem_max = 0;
	vmem_t *vm;
	int i, failed = 0;

	vm = vmem_create("ktest", 0x10000, TAG_TEST_PIECES * 64, 16, M_WAITOK);
	KT_REQUIRE(vm != NULL);
	/* Each piece leaves a hole behind it: two tags per piece. */
	for (i = 0; i < TAG_TEST_PIECES; i++) {
		failed += vmem_xalloc(vm, 16, 64, 16, 0, 0, 0,
		    M_NOWAIT | M_FIRSTFIT, &tag_test_addrs[i]) != 0;
		kmem_max = MAX(kmem_max, vm_cnt.v_wire_by_reason[VM_WIRE_KMEM]);
	}
	KT_CHECK(failed == 0, "%d allocations failed", failed);
	KT_CHECK(vmem_check(vm) == 0);
	KT_CHECK(kmem_max > kmem0, "no tag page was taken for %d pieces",
	    TAG_TEST_PIECES);
	for (i = 0; i < TAG_TEST_PIECES; i++)
		if (i % 3 != 0)
			vmem_free(vm, tag_test_addrs[i], 16);
	KT_CHECK(vmem_check(vm) == 0);
	for (i = 0; i < TAG_TEST_PIECES; i += 3)
		vmem_free(vm, tag_test_addrs[i], 16);
	KT_CHECK(vmem_size_inuse(vm) == 0 && vmem_check(vm) == 0);
	vmem_destroy(vm);
	KT_CHECK(vm_cnt.v_free_count == free0 &&
	    vm_cnt.v_wire_by_reason[VM_WIRE_KMEM] == kmem0,
	    "free %lu (was %lu), kmem wired %lu (was %lu)", vm_cnt.v_free_count,
	    free0, vm_cnt.v_wire_by_reason[VM_WIRE_KMEM], kmem0);
}
