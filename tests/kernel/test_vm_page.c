/*
 * test_vm_page.c - self tests of the page allocator on the real machine:
 * what the boot found, buddy split and coalesce, contiguous runs, the
 * class floors of R70 at each threshold, wiring counters (I-P2), and the
 * audit.
 */
#include <kernel/systm.h>
#include <kernel/ktest.h>
#include <vm/vm.h>
#include <vm/vm_page.h>
#include <vm/vm_phys.h>
#include <vm/vmmeter.h>
#include <vm/pmap.h>
#include "ktest_vm.h"

KTEST(vm_page_boot_counts_add_up)
{
	u_long sum = 0;
	int i;

	KT_CHECK(vm_cnt.v_page_count == (u_long)vm_page_array_size,
	    "%lu pages counted, array has %ld", vm_cnt.v_page_count,
	    vm_page_array_size);
	KT_CHECK(vm_cnt.v_page_count == atop(vm_phys_ram_bytes()));
	/* Fake pages (reason device) are not RAM (I-P4). */
	for (i = VM_WIRE_NONE + 1; i < VM_WIRE_NREASONS; i++)
		if (i != VM_WIRE_DEVICE)
			sum += vm_cnt.v_wire_by_reason[i];
	KT_CHECK(sum == vm_cnt.v_wire_count, "by reason %lu, total %lu", sum,
	    vm_cnt.v_wire_count);
	KT_CHECK(vm_cnt.v_wire_by_reason[VM_WIRE_PGTABLE] > 0,
	    "the kernel's page tables are not counted");
	KT_CHECK(vm_cnt.v_wire_by_reason[VM_WIRE_KMEM] >=
	    howmany(vm_cnt.v_page_count * sizeof(struct vm_page), PAGE_SIZE),
	    "the page array is not counted as kmem");
	KT_CHECK(vm_cnt.v_free_count <= vm_cnt.v_page_count -
	    vm_cnt.v_wire_count);
#if defined(__x86_64__)
	KT_CHECK(sizeof(struct vm_page) <= 64, "%zu bytes",
	    sizeof(struct vm_page));
#endif
}

KTEST(vm_page_kernel_image_is_not_managed)
{
	extern char _text[], _end[];

	KT_CHECK(PHYS_TO_VM_PAGE(0) == NULL, "page 0 is managed");
	KT_CHECK(PHYS_TO_VM_PAGE((uintptr_t)_text - KERNBASE) == NULL,
	    "kernel text is managed");
	KT_CHECK(PHYS_TO_VM_PAGE(trunc_page((uintptr_t)_end - 1) - KERNBASE)
	    == NULL, "kernel bss is managed");
}

/*
 * A block of the largest order, given back in pieces (most of it as one
 * run, then eight single pages), merges into one block again: a
 * largest-order request restricted to its address gets it back.
 */
KTEST(vm_phys_buddy_split_and_coalesce)
{
	u_long npages = 1UL << (VM_NFREEORDER - 1), free0;
	vm_paddr_t bytes = ptoa(npages);
	vm_page_t big, again;
	int i;

	free0 = vm_cnt.v_free_count;
	big = vm_page_alloc_contig(VM_ALLOC_NORMAL, npages, 0, ~0ULL, bytes,
	    0);
	KT_REQUIRE(big != NULL, "no free 4 MiB block");
	KT_CHECK(vm_cnt.v_free_count == free0 - npages);
	vm_page_free_contig(big + 8, npages - 8);
	for (i = 7; i >= 0; i--)
		vm_page_free(big + i);
	KT_CHECK(vm_cnt.v_free_count == free0);
	again = vm_page_alloc_contig(VM_ALLOC_NORMAL, npages, big->phys_addr,
	    big->phys_addr + bytes, bytes, 0);
	KT_CHECK(again == big, "the pieces did not merge back");
	if (again != NULL)
		vm_page_free_contig(again, npages);
	KT_CHECK(vm_cnt.v_free_count == free0);
}

/* Contiguous, aligned, below a limit, wired and zeroed when asked. */
KTEST(vm_page_alloc_contig_constraints)
{
	u_long wired0 = vm_cnt.v_wire_by_reason[VM_WIRE_KMEM], i;
	vm_page_t m;
	bool zero = true;

	m = vm_page_alloc_contig(VM_ALLOC_KMEM | VM_ALLOC_ZERO, 5, 0,
	    16 << 20, 64 << 10, 0);
	KT_REQUIRE(m != NULL, "5 pages below 16 MiB, 64 KiB aligned");
	KT_CHECK((m->phys_addr & ((64 << 10) - 1)) == 0 &&
	    m->phys_addr + ptoa(5) <= (16 << 20), "at %#llx",
	    (unsigned long long)m->phys_addr);
	KT_CHECK(vm_cnt.v_wire_by_reason[VM_WIRE_KMEM] == wired0 + 5);
	for (i = 0; i < 5; i++) {
		KT_CHECK(m[i].phys_addr == m->phys_addr + ptoa(i) &&
		    m[i].wire_count == 1 && m[i].wire_reason == VM_WIRE_KMEM);
		if (m[i].phys_addr < VM_DIRECT_MAX_PA) {
			const uint64_t *p =
			    (const uint64_t *)PHYS_TO_DMAP(m[i].phys_addr);
			size_t w;

			for (w = 0; w < PAGE_SIZE / sizeof(*p); w++)
				zero = zero && p[w] == 0;
		}
	}
	KT_CHECK(zero, "VM_ALLOC_ZERO page not zero");
	for (i = 0; i < 5; i++)
		vm_page_unwire_noq(&m[i], VM_WIRE_KMEM);
	vm_page_free_contig(m, 5);
	KT_CHECK(vm_cnt.v_wire_by_reason[VM_WIRE_KMEM] == wired0);
}

/*
 * R70 on the real allocator: take pages until exactly at each floor and
 * check who may still allocate: NORMAL stops at free_reserved, SYSTEM
 * at interrupt_free_min, INTERRUPT takes the last page.  The min and
 * severe states follow the free count down and back up.
 */
KTEST(r70_class_floors_on_the_real_allocator)
{
	const struct vm_thresholds *t = &vm_cnt.v_thresh;
	struct pglist held = TAILQ_HEAD_INITIALIZER(held);
	u_long free0 = vm_cnt.v_free_count;
	vm_page_t m;

	KT_REQUIRE(!vm_cnt.v_min && !vm_cnt.v_severe,
	    "machine already short of memory (%lu free)", free0);
	ktest_drain(&held, t->free_severe, VM_ALLOC_NORMAL);
	KT_CHECK(vm_cnt.v_min && !vm_cnt.v_severe,
	    "at free_severe: min %d severe %d", vm_cnt.v_min, vm_cnt.v_severe);
	KT_CHECK(vm_page_count_min() && !vm_page_count_severe());
	ktest_drain(&held, t->free_reserved + 1, VM_ALLOC_NORMAL);
	KT_CHECK(vm_cnt.v_severe && vm_page_count_severe());
	KT_REQUIRE(vm_cnt.v_free_count == t->free_reserved + 1,
	    "drained to %lu", vm_cnt.v_free_count);
	m = vm_page_alloc_noobj(VM_ALLOC_NORMAL);
	KT_CHECK(m != NULL, "NORMAL refused at free_reserved + 1");
	if (m != NULL)
		TAILQ_INSERT_TAIL(&held, m, plinks.q);
	KT_CHECK(vm_page_alloc_noobj(VM_ALLOC_NORMAL) == NULL,
	    "NORMAL went below free_reserved");
	ktest_drain(&held, t->interrupt_free_min, VM_ALLOC_SYSTEM);
	KT_CHECK(vm_cnt.v_free_count == t->interrupt_free_min,
	    "SYSTEM stopped at %lu", vm_cnt.v_free_count);
	KT_CHECK(vm_page_alloc_noobj(VM_ALLOC_SYSTEM) == NULL,
	    "SYSTEM went below interrupt_free_min");
	ktest_drain(&held, 0, VM_ALLOC_INTERRUPT);
	KT_CHECK(vm_cnt.v_free_count == 0, "INTERRUPT stopped at %lu",
	    vm_cnt.v_free_count);
	KT_CHECK(vm_page_alloc_noobj(VM_ALLOC_INTERRUPT) == NULL);
	ktest_undrain(&held, -1);
	KT_CHECK(vm_cnt.v_free_count == free0);
	KT_CHECK(!vm_cnt.v_min && !vm_cnt.v_severe,
	    "min/severe still set after the pages came back");
}

/* I-P2: the counters move on 0 -> 1 and 1 -> 0 only. */
KTEST(ip2_wire_counter_moves_on_transitions_only)
{
	u_long wired0 = vm_cnt.v_wire_count;
	u_long stack0 = vm_cnt.v_wire_by_reason[VM_WIRE_KSTACK];
	vm_page_t m;

	m = vm_page_alloc_noobj(VM_ALLOC_SYSTEM | VM_ALLOC_WIRED |
	    VM_ALLOC_WREASON(VM_WIRE_KSTACK));
	KT_REQUIRE(m != NULL);
	KT_CHECK(m->wire_count == 1 && m->wire_reason == VM_WIRE_KSTACK);
	vm_page_wire(m, VM_WIRE_KSTACK);
	KT_CHECK(vm_cnt.v_wire_count == wired0 + 1 &&
	    vm_cnt.v_wire_by_reason[VM_WIRE_KSTACK] == stack0 + 1);
	KT_CHECK(!vm_page_unwire_noq(m, VM_WIRE_KSTACK));
	KT_CHECK(vm_cnt.v_wire_count == wired0 + 1, "moved on 2 -> 1");
	KT_CHECK(vm_page_unwire_noq(m, VM_WIRE_KSTACK));
	KT_CHECK(vm_cnt.v_wire_count == wired0 &&
	    vm_cnt.v_wire_by_reason[VM_WIRE_KSTACK] == stack0 &&
	    m->wire_reason == VM_WIRE_NONE);
	vm_page_free(m);
}

/* The audit sees a counter that lies (and is quiet again after). */
KTEST(vm_page_audit_detects_wrong_counters)
{
	KT_REQUIRE(vm_page_audit() == 0, "audit fails before the test");
	vm_cnt.v_wire_by_reason[VM_WIRE_DEVICE]++;
	KT_CHECK(vm_page_audit() > 0, "missed a wrong device count");
	vm_cnt.v_wire_by_reason[VM_WIRE_DEVICE]--;
	KT_CHECK(vm_page_audit() == 0);
}

/* Pages of every free list are usable: written and read back. */
KTEST(vm_page_direct_pages_read_back)
{
	vm_page_t m;
	uint32_t *p;

	m = vm_page_alloc_noobj(VM_ALLOC_DIRECT | VM_ALLOC_ZERO);
	KT_REQUIRE(m != NULL);
	KT_CHECK(m->phys_addr < VM_DIRECT_MAX_PA);
	p = (uint32_t *)PHYS_TO_DMAP(m->phys_addr);
	KT_CHECK(p[0] == 0 && p[PAGE_SIZE / 4 - 1] == 0);
	p[0] = 0x5a5a5a5a;
	KT_CHECK(p[0] == 0x5a5a5a5a);
	vm_page_free(m);
}
