/*
 * bench_vm_map.c - make bench-host: what a map lookup and a fault cost
 * with few and with many map entries, on the pretend machine (vmhost/)
 * with the fake pmap, built with -O2 and without sanitizers or
 * INVARIANTS (tests/host/bench.mk).
 *
 * For each map size the map gets that many entries of RUN pages, a page
 * apart (so none merge), the first FRUN pages of each faulted in (more
 * would not fit the pretend machine's direct map at 10,000 entries).
 * Two patterns of addresses, from the same random sequence for every
 * size:
 *
 *	random	each address in another entry picked at random: every
 *		lookup walks the tree (the hint almost never holds), so
 *		this shows the tree's O(log n) and its cache misses;
 *	runs	an entry picked at random, then its pages in order (RUN
 *		for lookups, FRUN for faults), as a program touching a
 *		buffer faults: the first lookup walks the tree, the
 *		others find the hint.
 *
 * and two operations:
 *
 *	lookup	vm_map_lookup + vm_map_lookup_done for a read, what
 *		vm_fault does first: the read lock, the entry, the
 *		protection checks;
 *	fault	pmap_remove of the page's PTE, then vm_fault for a read:
 *		the page is resident in the entry's object, so this is the
 *		whole soft-fault path (lookup, object, pmap_enter).  The
 *		fake pmap keeps its mappings in a tree of its own (a real
 *		pmap walks page tables in constant time), so at 10,000
 *		entries much of this figure is the fake's, not vm/'s.
 *
 * Each figure is the best of BENCH_REPEATS timed passes (host wall
 * clock: a benchmark, never a test).  The run fails (status 1) if a
 * lookup in runs costs more than LIMIT times as much among BIG entries
 * as among SMALL ones (issue 4's figure).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "rng.h"
#include "vmhost/vmhost.h"

#include <kernel/systm.h>
#include <vm/vm.h>
#include <vm/vm_map.h>
#include <vm/vm_object.h>
#include <vm/vm_radix.h>
#include <vm/pmap.h>

#define RAM_BYTES	(256UL << 20)
#define BASE		((vm_offset_t)0x10000000)
#define SMALL		10
#define BIG		10000
#define RUN		16		/* pages per entry: 64 KiB */
#define FRUN		4		/* of which resident (faulted in) */
#define LOOKUPS		(1 << 20)	/* a multiple of RUN */
#define FAULTS		(1 << 18)
#define BENCH_REPEATS	5
#define LIMIT		1.5

static struct pmap upmap;
static struct vm_map map;
static uint32_t *picks;		/* random numbers, the same for each size */

static vm_offset_t entry_va(int i);

static vm_offset_t
entry_va(int i)
{
	return (BASE + (vm_offset_t)ptoa((RUN + 1) * i));
}

/* The k-th address of a pattern over a map of n entries, runs of `run`. */
static vm_offset_t
pattern_va(bool runs, int k, int n, int run)
{
	if (runs)
		return (entry_va(picks[k / run] % n) + ptoa(k % run));
	return (entry_va(picks[k] % n) + ptoa(picks[k] % run));
}

static double
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (ts.tv_sec * 1e9 + ts.tv_nsec);
}

static void
die(const char *what, int rv)
{
	printf("bench_vm_map: %s failed (%d)\n", what, rv);
	exit(2);
}

/* A map of `n` one-page entries, each with its page resident. */
static void
map_build(int n)
{
	int i, p, rv;

	vm_map_init(&map, &upmap, BASE, entry_va(n));
	for (i = 0; i < n; i++) {
		vm_map_lock(&map);
		rv = vm_map_insert(&map, NULL, 0, entry_va(i),
		    entry_va(i) + ptoa(RUN), VM_PROT_RW, VM_PROT_ALL, 0);
		vm_map_unlock(&map);
		if (rv != KERN_SUCCESS)
			die("vm_map_insert", rv);
		for (p = 0; p < FRUN; p++)
			if ((rv = vm_fault(&map, entry_va(i) + ptoa(p),
			    VM_PROT_WRITE, VM_FAULT_NORMAL)) != KERN_SUCCESS)
				die("vm_fault", rv);
	}
}

static double
time_lookups(bool runs, int n)
{
	vm_map_t m;
	vm_map_entry_t entry;
	vm_object_t object;
	vm_pindex_t pindex;
	vm_prot_t prot;
	bool wired;
	double t0, best = 0;
	int r, i, rv;

	for (r = 0; r < BENCH_REPEATS; r++) {
		t0 = now_ns();
		for (i = 0; i < LOOKUPS; i++) {
			m = &map;
			rv = vm_map_lookup(&m, pattern_va(runs, i, n, RUN),
			    VM_PROT_READ, &entry, &object, &pindex, &prot,
			    &wired);
			if (rv != KERN_SUCCESS)
				die("vm_map_lookup", rv);
			vm_map_lookup_done(m, entry);
		}
		t0 = (now_ns() - t0) / LOOKUPS;
		if (r == 0 || t0 < best)
			best = t0;
	}
	return (best);
}

static double
time_faults(bool runs, int n)
{
	vm_offset_t va;
	double t0, best = 0;
	int r, i, rv;

	for (r = 0; r < BENCH_REPEATS; r++) {
		t0 = now_ns();
		for (i = 0; i < FAULTS; i++) {
			va = pattern_va(runs, i, n, FRUN);
			pmap_remove(&upmap, va, va + PAGE_SIZE);
			rv = vm_fault(&map, va, VM_PROT_READ, VM_FAULT_NORMAL);
			if (rv != KERN_SUCCESS)
				die("vm_fault", rv);
		}
		t0 = (now_ns() - t0) / FAULTS;
		if (r == 0 || t0 < best)
			best = t0;
	}
	return (best);
}

int
main(void)
{
	static const int sizes[] = { SMALL, 100, 1000, BIG };
	double lookup[2][nitems(sizes)], fault[2];
	double ratio[2];
	unsigned i;
	int k, runs;

	vmhost_boot(RAM_BYTES);
	vm_radix_zinit();
	vm_object_init();
	vm_map_zinit();
	if (pmap_pinit(&upmap) != 0)
		die("pmap_pinit", 0);
	if ((picks = malloc(LOOKUPS * sizeof(*picks))) == NULL)
		die("malloc", 0);
	rng_state = 12345;
	for (k = 0; k < LOOKUPS; k++)
		picks[k] = rng(BIG * RUN);

	printf("ns per operation; runs of %d pages for lookups, %d for "
	    "faults\n", RUN, FRUN);
	printf("%8s %14s %14s %14s %14s\n", "entries", "lookup random",
	    "lookup runs", "fault random", "fault runs");
	for (i = 0; i < nitems(sizes); i++) {
		map_build(sizes[i]);
		for (runs = 0; runs < 2; runs++) {
			lookup[runs][i] = time_lookups(runs, sizes[i]);
			fault[runs] = time_faults(runs, sizes[i]);
		}
		printf("%8d %14.1f %14.1f %14.1f %14.1f\n", sizes[i],
		    lookup[0][i], lookup[1][i], fault[0], fault[1]);
		vm_map_remove(&map, map.min_offset, map.max_offset);
	}
	for (runs = 0; runs < 2; runs++)
		ratio[runs] = lookup[runs][nitems(sizes) - 1] / lookup[runs][0];
	printf("lookup at %d entries / at %d entries: random %.2f "
	    "(log2(%d)/log2(%d) = %.1f), runs %.2f (limit %.1f)\n", BIG,
	    SMALL, ratio[0], BIG, SMALL, log2(BIG) / log2(SMALL), ratio[1],
	    LIMIT);
	return (ratio[1] <= LIMIT ? 0 : 1);
}
