/*
 * test_pmap_fake.c - host tests of the fake pmap (vmhost/pmap_fake.c)
 * that the host tests of vm/ stand on: its table and counters (I-PM2),
 * pv lists (pmap_remove_all), protection only lowered, the unwire rule
 * (I-PM1), the pretend MMU, kernel mappings that are real memory, and
 * kmem and malloc running for real over it.  A panic is expected in a
 * child process (fork), so it can be tested.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

#include "tap.h"
#include "rng.h"
#include "vmhost/vmhost.h"
#include "vmhost/pmap_fake.h"
#include "vmhost/kmalloc.h"

#include <kernel/systm.h>
#include <vm/vm.h>
#include <vm/vm_page.h>
#include <vm/vm_kern.h>
#include <vm/vmmeter.h>
#include <vm/pmap.h>
#include <machine/vmparam.h>

#define RAM_BYTES	(32UL << 20)

/* A managed page, as an object's page would be (no object needed here). */
static vm_page_t
page_get(void)
{
	vm_page_t m;

	m = vm_page_alloc_noobj(VM_ALLOC_NORMAL | VM_ALLOC_ZERO);
	if (m != NULL)
		m->oflags &= ~VPO_UNMANAGED;
	return (m);
}

static void
page_put(vm_page_t m)
{
	m->oflags |= VPO_UNMANAGED;
	vm_page_free(m);
}

static unsigned char *
page_mem(vm_page_t m)
{
	return ((unsigned char *)PHYS_TO_DMAP(VM_PAGE_TO_PHYS(m)));
}

/* Run `fn` in a child; true if it died of a signal (panic aborts). */
static bool
dies(void (*fn)(void *), void *arg)
{
	pid_t pid;
	int status;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		vmhost_fork_child();
		/* The panic message is expected: keep it out of the TAP. */
		if (freopen("/dev/null", "w", stdout) == NULL)
			_exit(3);
		fn(arg);
		_exit(0);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return (false);
	return (WIFSIGNALED(status));
}

static void
ipm2_pinit_release_take_and_give_a_page(void)
{
	struct pmap pm;
	u_long free0 = vm_cnt.v_free_count;
	u_long pgt0 = vm_cnt.v_wire_by_reason[VM_WIRE_PGTABLE];

	REQUIRE(pmap_pinit(&pm) == 0);
	CHECK(vm_cnt.v_free_count == free0 - 1 &&
	    vm_cnt.v_wire_by_reason[VM_WIRE_PGTABLE] == pgt0 + 1,
	    "pinit took %ld pages", (long)(free0 - vm_cnt.v_free_count));
	CHECK(pm.pm_stats.resident_count == 0 && pm.pm_stats.wired_count == 0);
	CHECK(pmap_fake_live() == 1, "%d live pmaps", pmap_fake_live());
	pmap_release(&pm);
	CHECK(vm_cnt.v_free_count == free0 &&
	    vm_cnt.v_wire_by_reason[VM_WIRE_PGTABLE] == pgt0);
	CHECK(pmap_fake_live() == 0);
	pmap_fake_fail_pinit = 1;
	CHECK(pmap_pinit(&pm) != 0, "injected failure ignored");
	CHECK(vm_cnt.v_free_count == free0);
}

static void
enter_lookup_extract_and_counts(void)
{
	struct pmap pm;
	struct pmap_fake_mapping fm;
	vm_page_t m1, m2;
	vm_offset_t va = 0x400000;

	REQUIRE(pmap_pinit(&pm) == 0);
	m1 = page_get();
	m2 = page_get();
	REQUIRE(m1 != NULL && m2 != NULL);
	CHECK(pmap_enter(&pm, va, m1, VM_PROT_READ, VM_PROT_READ) ==
	    KERN_SUCCESS);
	CHECK(pmap_enter(&pm, va + PAGE_SIZE, m1, VM_PROT_RW,
	    VM_PROT_WRITE | PMAP_ENTER_WIRED) == KERN_SUCCESS);
	CHECK(pm.pm_stats.resident_count == 2 && pm.pm_stats.wired_count == 1,
	    "stats %ld %ld", pm.pm_stats.resident_count,
	    pm.pm_stats.wired_count);
	CHECK(pmap_fake_page_mappings(m1) == 2);
	CHECK(pmap_extract(&pm, va + 0x123) == VM_PAGE_TO_PHYS(m1) + 0x123);
	CHECK(pmap_extract(&pm, va + 2 * PAGE_SIZE) == 0);
	REQUIRE(pmap_fake_lookup(&pm, va + PAGE_SIZE + 5, &fm));
	CHECK(fm.m == m1 && fm.prot == VM_PROT_RW && fm.wired &&
	    fm.managed && fm.referenced && fm.modified);
	CHECK((m1->aflags & PGA_WRITEABLE) != 0);
	REQUIRE(pmap_fake_lookup(&pm, va, &fm));
	CHECK(!fm.wired && !fm.modified && fm.prot == VM_PROT_READ);

	/* The same page again keeps A/D; another page moves the pv entry. */
	CHECK(pmap_enter(&pm, va + PAGE_SIZE, m1, VM_PROT_RW, 0) ==
	    KERN_SUCCESS);
	REQUIRE(pmap_fake_lookup(&pm, va + PAGE_SIZE, &fm));
	CHECK(fm.modified && !fm.wired, "A/D lost or PG_W kept");
	CHECK(pm.pm_stats.resident_count == 2 && pm.pm_stats.wired_count == 0);
	CHECK(pmap_enter(&pm, va, m2, VM_PROT_READ, 0) == KERN_SUCCESS);
	CHECK(pmap_fake_page_mappings(m1) == 1 &&
	    pmap_fake_page_mappings(m2) == 1);
	CHECK(pmap_fake_check(&pm) == 0 && pmap_fake_check_page(m1) == 0 &&
	    pmap_fake_check_page(m2) == 0);

	/* An injected shortage changes nothing. */
	pmap_fake_fail_enter = 1;
	CHECK(pmap_enter(&pm, va + 5 * PAGE_SIZE, m2, VM_PROT_READ, 0) ==
	    KERN_RESOURCE_SHORTAGE);
	CHECK(!pmap_fake_lookup(&pm, va + 5 * PAGE_SIZE, NULL) &&
	    pm.pm_stats.resident_count == 2);

	pmap_remove(&pm, va, va + 2 * PAGE_SIZE);
	CHECK(pm.pm_stats.resident_count == 0 && pmap_fake_count(&pm) == 0);
	CHECK(m1->pv_list == NULL && m2->pv_list == NULL);
	CHECK((m1->aflags & PGA_REFERENCED) != 0, "PG_A not kept on removal");
	pmap_release(&pm);
	page_put(m1);
	page_put(m2);
}

static void
protect_only_lowers_and_none_removes(void)
{
	struct pmap pm;
	struct pmap_fake_mapping fm;
	vm_page_t m;
	vm_offset_t va = 0x10000000;
	int i;

	REQUIRE(pmap_pinit(&pm) == 0);
	REQUIRE((m = page_get()) != NULL);
	for (i = 0; i < 4; i++)
		CHECK(pmap_enter(&pm, va + ptoa(i), m,
		    i == 0 ? VM_PROT_READ : VM_PROT_ALL, 0) == KERN_SUCCESS);
	pmap_protect(&pm, va, va + ptoa(2), VM_PROT_RW);
	CHECK(pmap_fake_lookup(&pm, va, &fm) && fm.prot == VM_PROT_READ,
	    "protect raised %#x", fm.prot);
	CHECK(pmap_fake_lookup(&pm, va + ptoa(1), &fm) &&
	    fm.prot == VM_PROT_RW, "prot %#x", fm.prot);
	CHECK(pmap_fake_lookup(&pm, va + ptoa(2), &fm) &&
	    fm.prot == VM_PROT_ALL, "outside the range changed");
	pmap_protect(&pm, va + ptoa(2), va + ptoa(3), VM_PROT_NONE);
	CHECK(!pmap_fake_lookup(&pm, va + ptoa(2), NULL));
	CHECK(pm.pm_stats.resident_count == 3 &&
	    pmap_fake_page_mappings(m) == 3);
	pmap_remove(&pm, VM_MIN_USER_ADDRESS, VM_MAX_USER_ADDRESS);
	CHECK(pmap_fake_count(&pm) == 0 && m->pv_list == NULL);
	pmap_release(&pm);
	page_put(m);
}

static struct pmap unwire_pm;

static void
unwire_unwired(void *arg)
{
	(void)arg;
	pmap_unwire(&unwire_pm, 0x1000, 0x5000);
}

static void
release_mapped(void *arg)
{
	(void)arg;
	pmap_release(&unwire_pm);
}

static void
ipm1_unwire_skips_invalid_and_panics_on_unwired(void)
{
	vm_page_t m;

	REQUIRE(pmap_pinit(&unwire_pm) == 0);
	REQUIRE((m = page_get()) != NULL);
	CHECK(pmap_enter(&unwire_pm, 0x1000, m, VM_PROT_RW,
	    PMAP_ENTER_WIRED) == KERN_SUCCESS);
	CHECK(pmap_enter(&unwire_pm, 0x3000, m, VM_PROT_RW,
	    PMAP_ENTER_WIRED) == KERN_SUCCESS);
	/* 0x2000 and 0x4000 are not mapped: skipped. */
	pmap_unwire(&unwire_pm, 0x1000, 0x5000);
	CHECK(unwire_pm.pm_stats.wired_count == 0 &&
	    pmap_fake_count_wired(&unwire_pm) == 0);
	CHECK(unwire_pm.pm_stats.resident_count == 2);
	CHECK(dies(unwire_unwired, NULL), "unwiring an unwired mapping "
	    "did not panic (I-PM1)");
	CHECK(dies(release_mapped, NULL), "releasing a pmap with mappings "
	    "did not panic (I-PM2)");
	pmap_remove(&unwire_pm, 0x1000, 0x5000);
	pmap_release(&unwire_pm);
	page_put(m);
}

static void
remove_all_through_pv_lists(void)
{
	struct pmap pm[3];
	vm_page_t m, other;
	int i;

	REQUIRE((m = page_get()) != NULL && (other = page_get()) != NULL);
	for (i = 0; i < 3; i++) {
		REQUIRE(pmap_pinit(&pm[i]) == 0);
		CHECK(pmap_enter(&pm[i], 0x7000, m, VM_PROT_READ, 0) == 0);
		CHECK(pmap_enter(&pm[i], 0x9000 + ptoa(i), m, VM_PROT_RW,
		    i == 1 ? PMAP_ENTER_WIRED : 0) == 0);
		CHECK(pmap_enter(&pm[i], 0x8000, other, VM_PROT_RW, 0) == 0);
	}
	CHECK(pmap_fake_page_mappings(m) == 6);
	CHECK(pmap_fake_check_all() == 0);
	pmap_remove_all(m);
	CHECK(m->pv_list == NULL && (m->aflags & PGA_WRITEABLE) == 0);
	for (i = 0; i < 3; i++) {
		CHECK(pm[i].pm_stats.resident_count == 1 &&
		    pm[i].pm_stats.wired_count == 0, "pmap %d: %ld %ld", i,
		    pm[i].pm_stats.resident_count, pm[i].pm_stats.wired_count);
		CHECK(pmap_fake_lookup(&pm[i], 0x8000, NULL));
	}
	CHECK(pmap_fake_page_mappings(other) == 3);
	CHECK(pmap_fake_check_all() == 0);
	for (i = 0; i < 3; i++) {
		pmap_remove(&pm[i], 0, 0x100000);
		pmap_release(&pm[i]);
	}
	page_put(m);
	page_put(other);
}

static void
mmu_access_sets_bits_and_honours_protection(void)
{
	struct pmap pm[2];
	vm_page_t m, hit;

	REQUIRE((m = page_get()) != NULL);
	REQUIRE(pmap_pinit(&pm[0]) == 0 && pmap_pinit(&pm[1]) == 0);
	CHECK(pmap_fake_access(&pm[0], 0x5000,
	    VM_PROT_READ, &hit) == PMAP_FAKE_MISS);
	CHECK(pmap_enter(&pm[0], 0x5000, m, VM_PROT_READ, 0) == 0);
	CHECK(pmap_enter(&pm[1], 0x6000, m, VM_PROT_RW, 0) == 0);
	CHECK(pmap_fake_access(&pm[0], 0x5010, VM_PROT_WRITE, &hit) ==
	    PMAP_FAKE_PROT);
	CHECK(pmap_fake_access(&pm[0], 0x5010, VM_PROT_EXECUTE, &hit) ==
	    PMAP_FAKE_PROT);
	CHECK(!pmap_is_modified(m));
	CHECK(pmap_ts_referenced(m) == 2, "both entered with A");
	CHECK(pmap_ts_referenced(m) == 0, "A not cleared");
	hit = NULL;
	CHECK(pmap_fake_access(&pm[0], 0x5000, VM_PROT_READ, &hit) ==
	    PMAP_FAKE_HIT && hit == m);
	CHECK(pmap_ts_referenced(m) == 1);
	CHECK(pmap_fake_access(&pm[1], 0x6000, VM_PROT_RW, &hit) ==
	    PMAP_FAKE_HIT);
	CHECK(pmap_is_modified(m));
	pmap_clear_modify(m);
	CHECK(!pmap_is_modified(m));
	/* A write through pm[1] is seen through pm[0]: one page. */
	page_mem(hit)[7] = 0x5a;
	CHECK(pmap_fake_access(&pm[0], 0x5000, VM_PROT_READ, &hit) ==
	    PMAP_FAKE_HIT && page_mem(hit)[7] == 0x5a);
	pmap_remove_all(m);
	pmap_release(&pm[0]);
	pmap_release(&pm[1]);
	page_put(m);
}

static void
zero_and_copy_page(void)
{
	vm_page_t a, b;
	unsigned char *pa, *pb;

	REQUIRE((a = page_get()) != NULL && (b = page_get()) != NULL);
	pa = page_mem(a);
	pb = page_mem(b);
	memset(pa, 0xab, PAGE_SIZE);
	pmap_copy_page(a, b);
	CHECK(pb[0] == 0xab && pb[PAGE_SIZE - 1] == 0xab);
	pmap_zero_page(b);
	CHECK(pb[0] == 0 && pb[PAGE_SIZE - 1] == 0 && pa[9] == 0xab);
	pmap_zero_page(a);
	page_put(a);
	page_put(b);
}

static void
kenter_makes_real_memory(void)
{
	vm_page_t m;
	vm_offset_t va;
	long res0 = kernel_pmap->pm_stats.resident_count;

	REQUIRE((m = page_get()) != NULL);
	va = kva_alloc(PAGE_SIZE);
	REQUIRE(va != 0 && va >= VM_KVA_START && va < VM_KVA_END);
	CHECK(pmap_kextract(va) == 0);
	pmap_kenter(va, VM_PAGE_TO_PHYS(m));
	CHECK(pmap_kextract(va + 12) == VM_PAGE_TO_PHYS(m) + 12);
	CHECK(pmap_extract(kernel_pmap, va) == VM_PAGE_TO_PHYS(m));
	CHECK(kernel_pmap->pm_stats.resident_count == res0 + 1 &&
	    pmap_fake_count_wired(kernel_pmap) ==
	    kernel_pmap->pm_stats.wired_count);
	CHECK(m->pv_list == NULL, "kenter made a pv entry");
	CHECK(pmap_kextract(PHYS_TO_DMAP(VM_PAGE_TO_PHYS(m)) + 3) ==
	    VM_PAGE_TO_PHYS(m) + 3, "direct map not translated");
	if (vmhost_kva_real()) {
		*(volatile unsigned char *)(va + 100) = 0x77;
		CHECK(page_mem(m)[100] == 0x77, "KVA is not the page");
	}
	pmap_kremove(va);
	CHECK(pmap_kextract(va) == 0 &&
	    kernel_pmap->pm_stats.resident_count == res0);
	pmap_kremove(va);	/* nothing there: nothing done */
	kva_free(va, PAGE_SIZE);
	CHECK(pmap_fake_check(kernel_pmap) == 0);
	page_put(m);
}

/* kmem and malloc of vm_kern.c / kern_malloc.c, over the fake. */
static void
r32_kmem_and_malloc_run_on_the_fake(void)
{
	u_long free0 = vm_cnt.v_free_count;
	u_long kmem0 = vm_cnt.v_wire_by_reason[VM_WIRE_KMEM];
	vm_offset_t va;
	unsigned char *small, *big;
	size_t i;

	va = kmem_malloc(3 * PAGE_SIZE, M_WAITOK | M_ZERO);
	REQUIRE(va != 0);
	CHECK(vm_cnt.v_wire_by_reason[VM_WIRE_KMEM] == kmem0 + 3);
	CHECK(pmap_kextract(va + 2 * PAGE_SIZE) != 0);
	if (vmhost_kva_real()) {
		for (i = 0; i < 3 * PAGE_SIZE; i += 512)
			CHECK(((unsigned char *)va)[i] == 0, "not zeroed");
		memset((void *)va, 0x3c, 3 * PAGE_SIZE);
	}
	kmem_free(va, 3 * PAGE_SIZE);
	CHECK(vm_cnt.v_wire_by_reason[VM_WIRE_KMEM] == kmem0 &&
	    vm_cnt.v_free_count == free0, "kmem leaked %ld pages",
	    (long)(free0 - vm_cnt.v_free_count));

	small = kern_malloc(100, M_TEMP, M_WAITOK | M_ZERO);
	big = kern_malloc(3 * PAGE_SIZE + 1, M_TEMP, M_WAITOK);
	REQUIRE(small != NULL && big != NULL);
	CHECK(small[99] == 0);
	CHECK((vm_offset_t)big >= VM_KVA_START && (vm_offset_t)big <
	    VM_KVA_END, "large block not in the kernel arena");
	if (vmhost_kva_real())
		memset(big, 1, 3 * PAGE_SIZE + 1);
	kern_free(big, M_TEMP);
	kern_free(small, M_TEMP);
	/* A failure gives back what it took (the arena may keep a tag). */
	kmem0 = vm_cnt.v_wire_by_reason[VM_WIRE_KMEM];
	pmap_fake_fail_growkernel = 1;
	CHECK(kmem_malloc(PAGE_SIZE, M_NOWAIT) == 0, "growkernel failure "
	    "ignored");
	CHECK(vm_cnt.v_wire_by_reason[VM_WIRE_KMEM] <= kmem0 + 1,
	    "kmem pages %lu, were %lu", vm_cnt.v_wire_by_reason[VM_WIRE_KMEM],
	    kmem0);
	CHECK(vm_page_audit() == 0);
}

/* A child of fork(2) works on its own copy of the pretend RAM. */
static void
fork_child_gets_its_own_ram(void)
{
	vm_page_t m;
	vm_offset_t va;
	pid_t pid;
	int status;

	REQUIRE((m = page_get()) != NULL);
	va = kmem_malloc(PAGE_SIZE, M_WAITOK | M_ZERO);
	REQUIRE(va != 0);
	page_mem(m)[0] = 1;
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		vmhost_fork_child();
		page_mem(m)[0] = 2;
		if (vmhost_kva_real()) {
			/* Kernel mappings follow the copy. */
			*(volatile char *)va = 3;
			if (*(char *)PHYS_TO_DMAP(pmap_kextract(va)) != 3)
				_exit(1);
		}
		_exit(page_mem(m)[0] == 2 ? 0 : 1);
	}
	REQUIRE(pid > 0 && waitpid(pid, &status, 0) == pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "child failed");
	CHECK(page_mem(m)[0] == 1, "the child's write reached the parent");
	if (vmhost_kva_real())
		CHECK(*(volatile char *)va == 0, "the child's kmem write "
		    "reached the parent");
	kmem_free(va, PAGE_SIZE);
	page_put(m);
}

/* Random enter/remove/protect/unwire against a shadow table. */
#define RND_PAGES	64
static void
random_ops_keep_stats_exact(void)
{
	static struct { vm_page_t m; vm_prot_t prot; bool wired; }
	    ref[RND_PAGES];
	struct pmap pm;
	struct pmap_fake_mapping fm;
	vm_page_t pages[4];
	vm_offset_t base = 0x200000;
	long n, w;
	int i, k, step, lo, hi;
	vm_prot_t prot;

	rng_state = 12345;
	REQUIRE(pmap_pinit(&pm) == 0);
	for (i = 0; i < 4; i++)
		REQUIRE((pages[i] = page_get()) != NULL);
	memset(ref, 0, sizeof(ref));
	for (step = 0; step < 20000; step++) {
		lo = rng(RND_PAGES);
		hi = lo + 1 + rng(RND_PAGES - lo);
		switch (rng(4)) {
		case 0:
			prot = rng(2) ? VM_PROT_RW : VM_PROT_READ;
			k = rng(4);
			w = rng(2);
			CHECK(pmap_enter(&pm, base + ptoa(lo), pages[k], prot,
			    w ? PMAP_ENTER_WIRED : 0) == 0);
			ref[lo].m = pages[k];
			ref[lo].prot = prot;
			ref[lo].wired = w;
			break;
		case 1:
			pmap_remove(&pm, base + ptoa(lo), base + ptoa(hi));
			for (i = lo; i < hi; i++)
				ref[i].m = NULL;
			break;
		case 2:
			pmap_protect(&pm, base + ptoa(lo), base + ptoa(hi),
			    VM_PROT_READ);
			for (i = lo; i < hi; i++)
				ref[i].prot &= VM_PROT_READ;
			break;
		case 3:
			for (i = lo; i < hi; i++)
				if (ref[i].m != NULL && !ref[i].wired)
					break;
			if (i < hi)
				break;	/* would panic (I-PM1) */
			pmap_unwire(&pm, base + ptoa(lo), base + ptoa(hi));
			for (i = lo; i < hi; i++)
				ref[i].wired = false;
			break;
		}
	}
	n = w = 0;
	for (i = 0; i < RND_PAGES; i++) {
		if (ref[i].m == NULL) {
			CHECK(!pmap_fake_lookup(&pm, base + ptoa(i), NULL));
			continue;
		}
		n++;
		w += ref[i].wired;
		CHECK(pmap_fake_lookup(&pm, base + ptoa(i), &fm) &&
		    fm.m == ref[i].m && fm.prot == ref[i].prot &&
		    fm.wired == ref[i].wired, "page %d", i);
	}
	CHECK(pm.pm_stats.resident_count == n && pm.pm_stats.wired_count == w,
	    "stats %ld %ld, expected %ld %ld", pm.pm_stats.resident_count,
	    pm.pm_stats.wired_count, n, w);
	CHECK(pmap_fake_check_all() == 0);
	for (k = 0, i = 0; i < 4; i++)
		k += pmap_fake_page_mappings(pages[i]);
	CHECK(k == n, "pv entries %d, mappings %ld", k, n);
	pmap_remove(&pm, 0, PAGE_SIZE * 4096);
	pmap_release(&pm);
	for (i = 0; i < 4; i++)
		page_put(pages[i]);
}

int
main(void)
{
	u_long free0;

	vmhost_boot(RAM_BYTES);
	free0 = vm_cnt.v_free_count;
	TAP_RUN(ipm2_pinit_release_take_and_give_a_page);
	TAP_RUN(enter_lookup_extract_and_counts);
	TAP_RUN(protect_only_lowers_and_none_removes);
	TAP_RUN(ipm1_unwire_skips_invalid_and_panics_on_unwired);
	TAP_RUN(remove_all_through_pv_lists);
	TAP_RUN(mmu_access_sets_bits_and_honours_protection);
	TAP_RUN(zero_and_copy_page);
	TAP_RUN(kenter_makes_real_memory);
	TAP_RUN(r32_kmem_and_malloc_run_on_the_fake);
	TAP_RUN(random_ops_keep_stats_exact);
	TAP_RUN(fork_child_gets_its_own_ram);
	printf("# %lu pages not back (uma and vmem keep some)\n",
	    free0 - vm_cnt.v_free_count);
	return (tap_exit_status());
}
