/*
 * test_vm_wire_model.c - the wiring engine (vm/vm_map_wire.c) against a
 * reference model, on the host: seeded random sequences of user and
 * system wirings and unwirings (NOHOLES and HOLESOK) over random ranges
 * of a map of several entries with holes, PROT_NONE and read-only
 * entries, with entries unmapped and mapped again between them.
 *
 * The model is per page: mapped, protection, UW (0/1), SWC (>= 0) and
 * the reason its pages were wired with (that of the wiring that took
 * WC from 0).  After each step the engine's result code and, for every
 * page, its entry's WC and user flag, the PTE's wired bit, the
 * user-wire count (R35), the wired pages by reason, the pmap's wired
 * count and vm_map_check must match the model; entries in transition
 * must all be gone.  What the model says (SEMANTICS):
 *  - a NOHOLES call fails at the first hole or, for a wiring, the first
 *    unwirable page (R6, R37), a system unwiring at the first page with
 *    SWC 0 (R9), a user wiring at the page where vm.max_user_wired would
 *    be passed (R76, KERN_RESOURCE_SHORTAGE); a failed call changes
 *    nothing (R3: all or nothing); an empty range is success (R1);
 *  - HOLESOK skips holes and unwirable pages (R38);
 *  - a user wiring sets UW, once (R5), a system one adds to SWC; WC =
 *    UW + SWC (R34); a user unwiring clears UW where set, skipping the
 *    rest (R9); pages stay wired while WC > 0 (R8);
 *  - clipping leaves every page's state as it was (R13);
 *  - unmapping user-wired pages discharges them (R45);
 *  - a wiring whose fault fails (a page allocation made to fail with
 *    vm_inject_page_alloc_fail after a few good ones) changes nothing
 *    and returns the fault's code (R3, R7).
 * A failure prints the seed and the step.  8 fixed seeds of 4,000
 * steps; VM_WIRE_MODEL_SEED and VM_WIRE_MODEL_STEPS run one seed
 * (VM_WIRE_MODEL_RUNS: that many in a row, as make fuzz does).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rng.h"
#include "tap.h"
#include "vmhost/vmhost.h"
#include "vmhost/pmap_fake.h"

#include <kernel/systm.h>
#include <vm/vm.h>
#include <vm/vm_inject.h>
#include <vm/vm_map.h>
#include <vm/vm_object.h>
#include <vm/vm_page.h>
#include <vm/vm_radix.h>
#include <vm/vmmeter.h>
#include <vm/pmap.h>

#define RAM_BYTES	(16UL << 20)
#define NP		48			/* pages of the map */
#define MAP_MIN		((vm_offset_t)0x20000000)
#define MAP_MAX		(MAP_MIN + NP * PAGE_SIZE)
#define P(n)		(MAP_MIN + (vm_offset_t)(n) * PAGE_SIZE)
#define CAP		30			/* user-wired pages allowed */
#define SEEDS		8
#define STEPS		4000

enum { R_NONE, R_USER, R_SYSTEM };

struct mpage {
	bool		mapped;
	vm_prot_t	prot;
	int		uw, swc;
	int		reason;		/* while WC > 0 */
};

static struct mpage model[NP];
static struct vm_map map;
static struct pmap upmap;
static u_long uw0, wu0, ws0, saved_cap;
static int step_no;
static uint32_t seed_no;
static long outcomes[4];	/* success, hole, SWC 0, over the cap */
static long injected;		/* wirings whose fault failed */

static bool
wirable(const struct mpage *m)
{
	return (m->mapped &&
	    (m->prot & (VM_PROT_READ | VM_PROT_EXECUTE)) != 0);
}

static int
pages_user_wired(void)
{
	int i, n = 0;

	for (i = 0; i < NP; i++)
		n += model[i].mapped && model[i].uw;
	return (n);
}

/* Map [first, first + n) with `prot` (one entry), in map and model. */
static void
map_range(int first, int n, vm_prot_t prot)
{
	int i, rv;

	vm_map_lock(&map);
	rv = vm_map_insert(&map, NULL, 0, P(first), P(first + n), prot,
	    VM_PROT_ALL, 0);
	vm_map_unlock(&map);
	if (rv != KERN_SUCCESS) {
		printf("# seed %u step %d: insert %d+%d: %d\n", seed_no,
		    step_no, first, n, rv);
		return;
	}
	for (i = first; i < first + n; i++) {
		memset(&model[i], 0, sizeof(model[i]));
		model[i].mapped = true;
		model[i].prot = prot;
	}
}

static vm_prot_t
random_prot(void)
{
	uint32_t r = rng(20);

	if (r < 3)
		return (VM_PROT_NONE);
	if (r < 6)
		return (VM_PROT_READ);
	return (VM_PROT_RW);
}

/* A fresh map: entries of 1 to 6 pages, some holes. */
static void
layout(void)
{
	int first, n;

	memset(model, 0, sizeof(model));
	for (first = 0; first < NP; first += n) {
		n = 1 + (int)rng(6);
		if (first + n > NP)
			n = NP - first;
		if (rng(5) == 0)
			continue;		/* a hole */
		map_range(first, n, random_prot());
	}
}

/* The model's answer to a wiring; applied if it succeeds. */
static int
model_wire(int a, int b, bool user, bool holesok)
{
	int i, charge = 0;

	if (a >= b)
		return (KERN_SUCCESS);			/* R1 */
	if (!holesok && !model[a].mapped)
		return (KERN_INVALID_ADDRESS);		/* R37 */
	for (i = a; i < b; i++) {
		if (!wirable(&model[i])) {
			if (!holesok)
				return (KERN_INVALID_ADDRESS);	/* R6, R37 */
			continue;			/* R38 */
		}
		if (user && !model[i].uw &&
		    pages_user_wired() + ++charge > CAP)
			return (KERN_RESOURCE_SHORTAGE);	/* R76 */
	}
	for (i = a; i < b; i++) {
		if (!wirable(&model[i]))
			continue;
		if (model[i].uw + model[i].swc == 0)
			model[i].reason = user ? R_USER : R_SYSTEM;
		if (user)
			model[i].uw = 1;		/* R5 */
		else
			model[i].swc++;
	}
	return (KERN_SUCCESS);
}

/* The model's answer to an unwiring; applied if it succeeds. */
static int
model_unwire(int a, int b, bool user, bool holesok)
{
	int i;

	if (a >= b)
		return (KERN_SUCCESS);
	if (!holesok && !model[a].mapped)
		return (KERN_INVALID_ADDRESS);
	for (i = a; i < b; i++) {
		if (!model[i].mapped) {
			if (!holesok)
				return (KERN_INVALID_ADDRESS);	/* R12 */
			continue;
		}
		if (!user && model[i].swc == 0)
			return (KERN_INVALID_ARGUMENT);	/* R9 */
	}
	for (i = a; i < b; i++) {
		if (!model[i].mapped)
			continue;
		if (user)
			model[i].uw = 0;		/* R9: skip if not */
		else
			model[i].swc--;
		if (model[i].uw + model[i].swc == 0)
			model[i].reason = R_NONE;	/* R8 */
	}
	return (KERN_SUCCESS);
}

/* Compare everything with the model; 0 if it all matches. */
static int
compare(const char *what, int rv, int want)
{
	struct pmap_fake_mapping pm;
	vm_map_entry_t e;
	u_long wu = 0, ws = 0;
	int i, wc, bad = 0;

	outcomes[want == KERN_SUCCESS ? 0 : want == KERN_INVALID_ADDRESS ?
	    1 : want == KERN_INVALID_ARGUMENT ? 2 : 3]++;
	if (rv != want) {
		printf("# seed %u step %d: %s returned %d, the model %d\n",
		    seed_no, step_no, what, rv, want);
		bad++;
	}
	vm_map_lock_read(&map);
	for (i = 0; i < NP; i++) {
		const struct mpage *m = &model[i];
		bool found = vm_map_lookup_entry(&map, P(i), &e);

		wc = m->uw + m->swc;
		if (found != m->mapped ||
		    (found && (e->wired_count != wc ||
		    ((e->eflags & MAP_ENTRY_USER_WIRED) != 0) != m->uw ||
		    (e->eflags & MAP_ENTRY_IN_TRANSITION) != 0 ||
		    e->protection != m->prot))) {
			printf("# seed %u step %d (%s): page %d: mapped %d/%d "
			    "WC %d/%d UW %d/%d\n", seed_no, step_no, what, i,
			    found, m->mapped, found ? e->wired_count : -1, wc,
			    found ? (e->eflags & MAP_ENTRY_USER_WIRED) != 0 :
			    -1, m->uw);
			bad++;
			break;
		}
		if (!m->mapped)
			continue;
		if ((wc > 0) != (pmap_fake_lookup(&upmap, P(i), &pm) &&
		    pm.wired)) {
			printf("# seed %u step %d: page %d PTE wired is not "
			    "WC %d > 0\n", seed_no, step_no, i, wc);
			bad++;
			break;
		}
		wu += m->reason == R_USER;
		ws += m->reason == R_SYSTEM;
	}
	bad += vm_map_check(&map);
	vm_map_unlock_read(&map);
	if (vm_user_wire_count - uw0 != (u_long)pages_user_wired() ||
	    vm_cnt.v_wire_by_reason[VM_WIRE_USER] - wu0 != wu ||
	    vm_cnt.v_wire_by_reason[VM_WIRE_SYSTEM] - ws0 != ws ||
	    (u_long)pmap_wired_count(&upmap) != wu + ws) {
		printf("# seed %u step %d (%s): user-wire count %lu/%d, "
		    "wired user %lu/%lu system %lu/%lu, pmap %ld\n", seed_no,
		    step_no, what, vm_user_wire_count - uw0,
		    pages_user_wired(), vm_cnt.v_wire_by_reason[VM_WIRE_USER] -
		    wu0, wu, vm_cnt.v_wire_by_reason[VM_WIRE_SYSTEM] - ws0, ws,
		    pmap_wired_count(&upmap));
		bad++;
	}
	return (bad);
}

/*
 * Unmap a range with no system wiring (munmap would wait for those,
 * R36) and map part of it again with a new protection.
 */
static int
step_remap(int a, int b)
{
	int i, rv;

	for (i = a; i < b; i++)
		if (model[i].mapped && model[i].swc > 0)
			return (0);
	rv = vm_map_remove(&map, P(a), P(b));
	for (i = a; i < b; i++)
		memset(&model[i], 0, sizeof(model[i]));	/* R45 */
	if (compare("remove", rv, KERN_SUCCESS) != 0)
		return (1);
	if (rng(3) != 0)
		map_range(a, b - a, random_prot());
	return (compare("insert", KERN_SUCCESS, KERN_SUCCESS));
}

/*
 * A wiring with a page allocation made to fail (vm/vm_inject.h) after
 * 0 to 2 good ones.  If the failure happened (the knob counted down),
 * the call must fail with the fault's KERN_RESOURCE_SHORTAGE and
 * change nothing (R3, R7: the pages wired before it are unwired); if
 * it did not (no page had to be allocated), the model's answer holds.
 */
static int
step_wire_failing(int a, int b, int flags, bool user, bool holesok,
    const char *what)
{
	struct mpage saved[NP];
	int rv, want;

	memcpy(saved, model, sizeof(saved));
	vm_inject_page_alloc_skip = (int)rng(3);
	vm_inject_page_alloc_fail = 1;
	rv = vm_map_wire(&map, P(a), P(b), flags);
	want = model_wire(a, b, user, holesok);
	if (vm_inject_page_alloc_fail == 0) {
		memcpy(model, saved, sizeof(saved));
		want = KERN_RESOURCE_SHORTAGE;
		injected++;
	}
	vm_inject_page_alloc_skip = vm_inject_page_alloc_fail = 0;
	return (compare(what, rv, want));
}

static int
one_step(void)
{
	static const char *const names[] = { "user wire", "user wire holesok",
	    "user unwire", "user unwire holesok", "system wire",
	    "system wire holesok", "system unwire", "system unwire holesok" };
	static const int weights[] = { 0, 0, 1, 2, 2, 2, 3, 4, 5, 6, 6, 6, 7,
	    8, 8, 8 };
	int a, b, op, flags, rv, want;
	bool user, holesok, wire;

	a = (int)rng(NP);
	b = a + (int)rng(12);
	if (b > NP)
		b = NP;
	/*
	 * Weighted so that the map does not fill up with system wirings
	 * (then hardly any wiring would fault), and remaps bring fresh
	 * pages, so that faults allocate.
	 */
	op = weights[rng(sizeof(weights) / sizeof(weights[0]))];
	if (op == 8)
		return (step_remap(a, b > a ? b : a + 1));
	wire = op == 0 || op == 1 || op == 4 || op == 5;
	user = op < 4;
	holesok = (op & 1) != 0;
	flags = (user ? VM_MAP_WIRE_USER : VM_MAP_WIRE_SYSTEM) |
	    (holesok ? VM_MAP_WIRE_HOLESOK : VM_MAP_WIRE_NOHOLES);
	if (wire && rng(4) == 0)
		return (step_wire_failing(a, b, flags, user, holesok,
		    names[op]));
	if (wire) {
		rv = vm_map_wire(&map, P(a), P(b), flags);
		want = model_wire(a, b, user, holesok);
	} else {
		rv = vm_map_unwire(&map, P(a), P(b), flags);
		want = model_unwire(a, b, user, holesok);
	}
	return (compare(names[op], rv, want));
}

/* One seed: a fresh map, `steps` steps; 0 if all matched. */
static int
run_seed(uint32_t seed, int steps)
{
	int bad = 0, i;

	seed_no = seed;
	rng_state = seed;
	memset(&map, 0xa5, sizeof(map));
	vm_map_init(&map, &upmap, MAP_MIN, MAP_MAX);
	uw0 = vm_user_wire_count;
	wu0 = vm_cnt.v_wire_by_reason[VM_WIRE_USER];
	ws0 = vm_cnt.v_wire_by_reason[VM_WIRE_SYSTEM];
	saved_cap = vm_page_max_user_wired;
	vm_page_max_user_wired = uw0 + CAP;
	step_no = 0;
	layout();
	bad = compare("layout", KERN_SUCCESS, KERN_SUCCESS);
	for (step_no = 1; step_no <= steps && bad == 0; step_no++)
		bad = one_step();
	/* Drop the system wirings, then everything (R45). */
	for (i = 0; i < NP; i++)
		while (bad == 0 && model[i].mapped && model[i].swc > 0) {
			bad += vm_map_unwire(&map, P(i), P(i + 1),
			    VM_MAP_WIRE_SYSTEM | VM_MAP_WIRE_NOHOLES) !=
			    KERN_SUCCESS;
			model[i].swc--;
		}
	if (bad == 0) {
		bad += vm_map_remove(&map, MAP_MIN, MAP_MAX) != KERN_SUCCESS;
		bad += vm_user_wire_count != uw0 ||
		    vm_cnt.v_wire_by_reason[VM_WIRE_USER] != wu0 ||
		    vm_cnt.v_wire_by_reason[VM_WIRE_SYSTEM] != ws0 ||
		    pmap_wired_count(&upmap) != 0 ||
		    pmap_resident_count(&upmap) != 0;
		if (bad != 0)
			printf("# seed %u: counters not back after removal\n",
			    seed);
	}
	vm_page_max_user_wired = saved_cap;
	return (bad);
}

static void
r3_r5_r9_r13_r34_r35_r37_r38_random_wirings_match_the_model(void)
{
	const char *s = getenv("VM_WIRE_MODEL_SEED");
	const char *n = getenv("VM_WIRE_MODEL_STEPS");
	const char *r = getenv("VM_WIRE_MODEL_RUNS");
	int steps = n != NULL ? atoi(n) : STEPS;
	int i, runs = r != NULL ? atoi(r) : 1;
	uint32_t seed;

	if (s != NULL) {
		/* make fuzz: `runs` seeds in a row from the one given. */
		seed = (uint32_t)strtoul(s, NULL, 0);
		for (i = 0; i < runs; i++, seed++)
			if (!CHECK(run_seed(seed, steps) == 0, "seed %u: "
			    "replay with VM_WIRE_MODEL_SEED=%u "
			    "VM_WIRE_MODEL_STEPS=%d", seed, seed, steps))
				return;
		printf("# %d seeds of %d steps from %s\n", runs, steps, s);
		return;
	}
	for (seed = 1; seed <= SEEDS; seed++)
		if (!CHECK(run_seed(seed * 2654435761U, steps) == 0,
		    "seed %u", seed * 2654435761U))
			return;
	/* Each kind of outcome must have come up, or the test proves less. */
	CHECK(outcomes[0] > 0 && outcomes[1] > 0 && outcomes[2] > 0 &&
	    outcomes[3] > 0 && injected > 0, "outcomes: %ld ok, %ld hole, "
	    "%ld SWC 0, %ld cap, %ld fault failures", outcomes[0],
	    outcomes[1], outcomes[2], outcomes[3], injected);
	printf("# %d seeds of %d steps: %ld ok, %ld hole or unwirable, "
	    "%ld system unwiring of SWC 0, %ld shortage (over "
	    "vm.max_user_wired, or %ld fault failures)\n", SEEDS, steps,
	    outcomes[0], outcomes[1], outcomes[2], outcomes[3], injected);
}

int
main(void)
{
	vmhost_boot(RAM_BYTES);
	vm_radix_zinit();
	vm_object_init();
	vm_map_zinit();
	if (pmap_pinit(&upmap) != 0) {
		printf("# pmap_pinit failed\n");
		return (2);
	}
	TAP_RUN(r3_r5_r9_r13_r34_r35_r37_r38_random_wirings_match_the_model);
	return (tap_exit_status());
}
