/*
 * test_vm_model.c - the randomized model test of the machine-independent
 * VM (issue 4): seeded random sequences of map, unmap, protect, inherit,
 * madvise(MADV_DONTNEED), fork, exit, write and read over up to NVS
 * address spaces, run by the real vm_map, vm_object, vm_fault and vmspace code on the pretend
 * machine (vmhost/) with the fake pmap as the MMU, and compared after
 * every step with a reference model that knows only what a program may
 * observe:
 *
 *	per virtual page of each address space: mapped?, protection,
 *	maximum protection, inheritance, and which "cell" of memory it
 *	shows (a byte written at the page start).  A SHARE child shows the
 *	parent's cell (each sees the other's writes); a COPY child gets a
 *	new cell with the same value (copy-on-write: neither sees the
 *	other's later writes); ZERO gives a new zero cell; NONE a hole.
 *
 * After every step it checks, besides the model: vm_map_check of every
 * map; each entry against the model; vm_object_check and the reference
 * and shadow counts of every object reachable from the maps (references
 * = entries + shadows pointing at it); no other object alive; every page
 * of RAM free, wired by the kernel, or resident in a reachable object;
 * what each page shows through its entry's shadow chain (without
 * faulting); and every mapping in the fake pmap: it maps the page the
 * chain shows, never with more rights than the entry, and writably only
 * a page of the entry's own object when no copy is pending.
 *
 * Accesses go through the fake MMU (pmap_fake_access); on a miss or a
 * protection miss the test calls vm_fault(map, va, type, 0) and tries
 * once more.  The model says whether the access must succeed, and the
 * KERN_* code when it must not.
 *
 * One thing the model steers around: a mapping that is SHARE-shared by
 * two address spaces is never given COPY inheritance.  Forking such a
 * mapping copy-on-write makes the parent's entry copy-on-write too while
 * the other sharer still writes the shared object (the BSD behaviour):
 * neither "shared" nor "a snapshot", so there is nothing simple to
 * predict (see the report of issue 4).
 *
 * Each run happens in a child process (fork), so a panic is a failure
 * like any other and the parent stays at the baseline for the next run.
 * On a failure the parent prints the seed, bisects for the shortest
 * failing prefix of steps, and runs that prefix again printing its
 * operations.  CI: CI_RUNS seeds of CI_STEPS steps.  make fuzz
 * (tests/host/fuzz.mk) sets VM_MODEL_SEED, VM_MODEL_STEPS, VM_MODEL_RUNS.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/wait.h>

#include "tap.h"
#include "rng.h"
#include "vmhost/vmhost.h"
#include "vmhost/pmap_fake.h"

#include <kernel/systm.h>
#include <vm/vm.h>
#include <vm/vm_page.h>
#include <vm/vm_object.h>
#include <vm/vm_radix.h>
#include <vm/vm_map.h>
#include <vm/vmmeter.h>
#include <vm/pmap.h>
#include <machine/vmparam.h>

#define RAM_BYTES	(32UL << 20)

#define NVS		6		/* address spaces alive at most */
#define NPG		64		/* pages of the window used */
#define WBASE		0x10000000UL	/* the window's first address */
#define VA(i)		(WBASE + (vm_offset_t)ptoa(i))
#define WEND		VA(NPG)

#define CI_RUNS		16
#define CI_STEPS	12500

#define MAX_SHADOW_DEPTH 4		/* fork chain bound */
#define KMEM_SLACK	8		/* zone pages a run may leave cached */

/* The model. */
struct mpage {
	bool		mapped;
	vm_prot_t	prot;
	vm_prot_t	maxprot;
	vm_inherit_t	inh;
	int		cell;		/* index into cells[] */
};

struct mvs {
	struct vmspace	*vm;		/* NULL: slot free */
	int		id;		/* for the log: vs<id> */
	struct mpage	pg[NPG];
};

static struct mvs mvs[NVS];
static int next_vs_id;

/* Cells of memory: a value and the live pages showing it. */
static uint8_t	*cell_val;
static int	*cell_ref;
static int	ncells, cells_cap;

/* Operations. */
enum op_type { OP_NEW, OP_MAP, OP_UNMAP, OP_PROTECT, OP_INHERIT, OP_FORK,
	OP_EXIT, OP_EXEC, OP_WRITE, OP_READ, OP_DONTNEED };

struct op {
	enum op_type	type;
	int		slot;		/* the address space acted on */
	int		slot2;		/* fork: the child's slot */
	int		lo, n;		/* pages [lo, lo + n) of the window */
	bool		fixed;		/* map: VMFS_NO_SPACE at lo */
	bool		set_max;	/* protect */
	bool		shortage;	/* write: the first pmap_enter fails */
	vm_prot_t	prot;
	vm_inherit_t	inh;
	uint8_t		val;		/* write */
};

/* State of one run (in a child process). */
static int	cur_step;
static bool	run_failed;
static bool	verbose;
static u_long	base_free, base_kmem, base_pgtable, base_objects;

/* Shared with the parent: where the child was when it died, and counts. */
struct run_report {
	int	step;		/* step under way (nsteps + 1: teardown) */
	int	failed_step;	/* first step a check failed at, or 0 */
	u_long	steps;		/* counts, added up over passing runs: */
	u_long	faults;		/* vm_fault calls that succeeded */
	u_long	denied;		/* accesses refused as the model said */
	u_long	data_reads;	/* reads that found a written byte */
	u_long	forks;
	u_long	max_objects;	/* objects reachable at once */
};
static struct run_report totals;
static struct run_report *report;

static void __printflike(1, 2)
fail(const char *fmt, ...)
{
	va_list ap;

	if (!run_failed && report != NULL)
		report->failed_step = cur_step;
	run_failed = true;
	printf("# step %d: ", cur_step);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	fflush(stdout);
}

#define EXPECT(cond, ...) do {						\
	if (!(cond))							\
		fail(__VA_ARGS__);					\
} while (0)

static const char *
prot_name(vm_prot_t p)
{
	static const char *const names[] = { "---", "r--", "-w-", "rw-",
	    "--x", "r-x", "-wx", "rwx" };

	return (names[p & 7]);
}

static const char *
inh_name(vm_inherit_t i)
{
	static const char *const names[] = { "share", "copy", "none", "zero" };

	return (i < 4 ? names[i] : "?");
}

/* Cells. */

static int
cell_new(uint8_t val)
{
	if (ncells == cells_cap) {
		cells_cap = cells_cap == 0 ? 4096 : cells_cap * 2;
		cell_val = realloc(cell_val, cells_cap);
		cell_ref = realloc(cell_ref, cells_cap * sizeof(int));
		if (cell_val == NULL || cell_ref == NULL) {
			perror("realloc");
			exit(2);
		}
	}
	cell_val[ncells] = val;
	cell_ref[ncells] = 0;
	return (ncells++);
}

static void
page_set(struct mpage *p, vm_prot_t prot, vm_prot_t maxprot,
    vm_inherit_t inh, int cell)
{
	p->mapped = true;
	p->prot = prot;
	p->maxprot = maxprot;
	p->inh = inh;
	p->cell = cell;
	cell_ref[cell]++;
}

static void
page_unmap(struct mpage *p)
{
	if (!p->mapped)
		return;
	cell_ref[p->cell]--;
	p->mapped = false;
}

static int
nlive(void)
{
	int i, n = 0;

	for (i = 0; i < NVS; i++)
		n += mvs[i].vm != NULL;
	return (n);
}

/* A random live slot, or -1. */
static int
pick_live(void)
{
	int i, k, n = nlive();

	if (n == 0)
		return (-1);
	k = rng(n);
	for (i = 0; i < NVS; i++)
		if (mvs[i].vm != NULL && k-- == 0)
			return (i);
	return (-1);
}

static int
pick_free(void)
{
	int i;

	for (i = 0; i < NVS; i++)
		if (mvs[i].vm == NULL)
			return (i);
	return (-1);
}

/* Choosing an operation from the model and the seed. */

static vm_prot_t
random_prot(void)
{
	static const vm_prot_t prots[] = { VM_PROT_NONE, VM_PROT_READ,
	    VM_PROT_READ, VM_PROT_RW, VM_PROT_RW, VM_PROT_RW, VM_PROT_ALL,
	    VM_PROT_ALL };

	return (prots[rng(8)]);
}

/* A page to access: mostly a mapped one, sometimes any. */
static int
random_page(int slot)
{
	int i, k, n = 0;

	for (i = 0; i < NPG; i++)
		n += mvs[slot].pg[i].mapped;
	if (n == 0 || rng(8) == 0)
		return (rng(NPG));
	k = rng(n);
	for (i = 0; i < NPG; i++)
		if (mvs[slot].pg[i].mapped && k-- == 0)
			break;
	return (i);
}

/* Would COPY inheritance apply to a page shared with another space? */
static bool
range_shared(int slot, int lo, int n)
{
	int i;

	for (i = lo; i < lo + n; i++)
		if (mvs[slot].pg[i].mapped &&
		    cell_ref[mvs[slot].pg[i].cell] > 1)
			return (true);
	return (false);
}

static void
random_range(struct op *op, int maxn)
{
	op->lo = rng(NPG);
	op->n = 1 + rng(maxn);
	if (op->lo + op->n > NPG)
		op->n = NPG - op->lo;
}

static void
gen_op(struct op *op)
{
	uint32_t r;

	memset(op, 0, sizeof(*op));
	op->slot = pick_live();
	if (op->slot < 0 || (rng(200) == 0 && pick_free() >= 0)) {
		op->type = OP_NEW;
		op->slot = pick_free();
		return;
	}
	r = rng(100);
	if (r < 20) {
		op->type = OP_MAP;
		op->n = 1 + rng(8);
		op->fixed = rng(3) == 0;
		op->lo = rng(NPG - op->n + 1);
		op->prot = random_prot();
	} else if (r < 28) {
		op->type = OP_UNMAP;
		random_range(op, 16);
	} else if (r < 36) {
		op->type = OP_PROTECT;
		random_range(op, 12);
		op->prot = random_prot();
		op->set_max = rng(8) == 0;
	} else if (r < 44) {
		op->type = OP_INHERIT;
		random_range(op, 12);
		op->inh = rng(4);
		if (op->inh == VM_INHERIT_COPY &&
		    range_shared(op->slot, op->lo, op->n))
			op->inh = VM_INHERIT_SHARE;
	} else if (r < 51) {
		op->type = OP_FORK;
		op->slot2 = pick_free();
		if (op->slot2 < 0)
			op->type = OP_EXIT;
	} else if (r < 54) {
		op->type = OP_EXIT;
	} else if (r < 55) {
		op->type = OP_EXEC;
	} else if (r < 78) {
		op->type = OP_WRITE;
		op->lo = random_page(op->slot);
		op->val = 1 + rng(255);
		op->shortage = rng(16) == 0;
	} else if (r < 81) {
		op->type = OP_DONTNEED;
		random_range(op, 12);
	} else {
		op->type = OP_READ;
		op->lo = random_page(op->slot);
	}
}

static void
print_op(const struct op *op)
{
	int id = mvs[op->slot].id;

	printf("# step %d: ", cur_step);
	switch (op->type) {
	case OP_NEW:
		printf("new vs%d\n", next_vs_id);
		break;
	case OP_MAP:
		printf("vs%d: map %d pages %s %d (%#lx) %s\n", id, op->n,
		    op->fixed ? "at" : "anywhere from", op->lo,
		    (u_long)VA(op->lo), prot_name(op->prot));
		break;
	case OP_UNMAP:
		printf("vs%d: unmap [%d, %d)\n", id, op->lo, op->lo + op->n);
		break;
	case OP_PROTECT:
		printf("vs%d: protect [%d, %d) %s%s\n", id, op->lo,
		    op->lo + op->n, prot_name(op->prot),
		    op->set_max ? " (max)" : "");
		break;
	case OP_INHERIT:
		printf("vs%d: inherit [%d, %d) %s\n", id, op->lo,
		    op->lo + op->n, inh_name(op->inh));
		break;
	case OP_FORK:
		printf("vs%d: fork -> vs%d\n", id, next_vs_id);
		break;
	case OP_EXIT:
		printf("vs%d: exit\n", id);
		break;
	case OP_EXEC:
		printf("vs%d: exec (vmspace_exec_reset)\n", id);
		break;
	case OP_WRITE:
		printf("vs%d: write %#x at page %d%s\n", id, op->val, op->lo,
		    op->shortage ? ", first pmap_enter fails" : "");
		break;
	case OP_READ:
		printf("vs%d: read page %d\n", id, op->lo);
		break;
	case OP_DONTNEED:
		printf("vs%d: madvise DONTNEED [%d, %d)\n", id, op->lo,
		    op->lo + op->n);
		break;
	}
	fflush(stdout);
}

/* Carrying an operation out, on the VM and on the model. */

static void
do_new(struct op *op)
{
	struct mvs *s = &mvs[op->slot];

	s->vm = vmspace_alloc(VM_MIN_USER_ADDRESS, VM_MAX_USER_ADDRESS);
	EXPECT(s->vm != NULL, "vmspace_alloc failed");
	s->id = next_vs_id++;
	memset(s->pg, 0, sizeof(s->pg));
}

/* The model's answer to a map: the first page, or -1 for no space. */
static int
model_find(struct mvs *s, const struct op *op)
{
	int lo, i;

	for (lo = op->lo; lo + op->n <= NPG; lo++) {
		for (i = lo; i < lo + op->n; i++)
			if (s->pg[i].mapped)
				break;
		if (i == lo + op->n)
			return (lo);
		if (op->fixed)
			return (-1);
	}
	return (-1);
}

static void
do_map(struct op *op)
{
	struct mvs *s = &mvs[op->slot];
	vm_offset_t addr = VA(op->lo);
	int expect, rv, i;

	expect = model_find(s, op);
	rv = vm_map_find(&s->vm->vm_map, NULL, 0, &addr, ptoa(op->n),
	    op->fixed ? 0 : WEND, op->fixed ? VMFS_NO_SPACE : VMFS_ANY_SPACE,
	    op->prot, VM_PROT_ALL, 0);
	if (expect < 0) {
		EXPECT(rv == KERN_NO_SPACE, "map: %d, expected KERN_NO_SPACE",
		    rv);
		return;
	}
	if (rv != KERN_SUCCESS || addr != VA(expect)) {
		fail("map: %d at %#lx, expected success at %#lx", rv,
		    (u_long)addr, (u_long)VA(expect));
		return;
	}
	for (i = expect; i < expect + op->n; i++)
		page_set(&s->pg[i], op->prot, VM_PROT_ALL, VM_INHERIT_DEFAULT,
		    cell_new(0));
}

static void
do_unmap(struct op *op)
{
	struct mvs *s = &mvs[op->slot];
	int rv, i;

	rv = vm_map_remove(&s->vm->vm_map, VA(op->lo), VA(op->lo + op->n));
	EXPECT(rv == KERN_SUCCESS, "unmap: %d", rv);
	for (i = op->lo; i < op->lo + op->n; i++)
		page_unmap(&s->pg[i]);
}

static void
do_protect(struct op *op)
{
	struct mvs *s = &mvs[op->slot];
	bool hole = false, beyond_max = false;
	int rv, i;

	for (i = op->lo; i < op->lo + op->n; i++) {
		if (!s->pg[i].mapped)
			hole = true;
		else if ((op->prot & ~s->pg[i].maxprot) != 0)
			beyond_max = true;
	}
	rv = vm_map_protect(&s->vm->vm_map, VA(op->lo), VA(op->lo + op->n),
	    op->prot, op->set_max);
	/* Both wrong: either answer will do; nothing may change. */
	if (hole || beyond_max) {
		EXPECT((hole && rv == KERN_INVALID_ADDRESS) ||
		    (beyond_max && rv == KERN_PROTECTION_FAILURE),
		    "protect: %d, expected %s", rv, hole ?
		    "KERN_INVALID_ADDRESS" : "KERN_PROTECTION_FAILURE");
		return;
	}
	EXPECT(rv == KERN_SUCCESS, "protect: %d, expected success", rv);
	for (i = op->lo; i < op->lo + op->n; i++) {
		if (op->set_max) {
			s->pg[i].maxprot = op->prot;
			s->pg[i].prot &= op->prot;
		} else
			s->pg[i].prot = op->prot;
	}
}

/*
 * madvise(MADV_DONTNEED): the PTEs go, the data stays (POSIX: advice
 * never changes what memory holds), so the model does not change.
 */
static void
do_dontneed(struct op *op)
{
	struct mvs *s = &mvs[op->slot];
	int rv;

	/* The host's <sys/mman.h> is in; its MADV_DONTNEED is Vise's, 4. */
	_Static_assert(MADV_DONTNEED == 4, "MADV_DONTNEED");
	rv = vm_map_madvise(&s->vm->vm_map, VA(op->lo), VA(op->lo + op->n),
	    MADV_DONTNEED);
	EXPECT(rv == KERN_SUCCESS, "madvise DONTNEED: %d", rv);
}

static void
do_inherit(struct op *op)
{
	struct mvs *s = &mvs[op->slot];
	int rv, i;

	rv = vm_map_inherit(&s->vm->vm_map, VA(op->lo), VA(op->lo + op->n),
	    op->inh);
	EXPECT(rv == KERN_SUCCESS, "inherit: %d", rv);
	for (i = op->lo; i < op->lo + op->n; i++)
		if (s->pg[i].mapped)
			s->pg[i].inh = op->inh;
}

static void
do_fork(struct op *op)
{
	struct mvs *p = &mvs[op->slot], *c = &mvs[op->slot2];
	struct mpage *pp, *cp;
	int i;

	c->vm = vmspace_fork(p->vm);
	if (c->vm == NULL) {
		fail("vmspace_fork failed");
		return;
	}
	c->id = next_vs_id++;
	report->forks++;
	memset(c->pg, 0, sizeof(c->pg));
	for (i = 0; i < NPG; i++) {
		pp = &p->pg[i];
		cp = &c->pg[i];
		if (!pp->mapped)
			continue;
		switch (pp->inh) {
		case VM_INHERIT_SHARE:
			page_set(cp, pp->prot, pp->maxprot, pp->inh, pp->cell);
			break;
		case VM_INHERIT_COPY:
			page_set(cp, pp->prot, pp->maxprot, pp->inh,
			    cell_new(cell_val[pp->cell]));
			break;
		case VM_INHERIT_ZERO:
			page_set(cp, pp->prot, pp->maxprot, pp->inh,
			    cell_new(0));
			break;
		default:
			break;
		}
	}
}

static void
do_exit(struct op *op)
{
	struct mvs *s = &mvs[op->slot];
	int i;

	vmspace_free(s->vm);
	s->vm = NULL;
	for (i = 0; i < NPG; i++)
		page_unmap(&s->pg[i]);
}

static void
do_exec(struct op *op)
{
	struct mvs *s = &mvs[op->slot];
	int i;

	vmspace_exec_reset(s->vm);
	for (i = 0; i < NPG; i++)
		page_unmap(&s->pg[i]);
}

/*
 * A write whose first fault runs out of memory in pmap_enter (injected):
 * vm_fault lets everything go, waits (vm_waitpfault: a tick here) and
 * restarts from the lookup (R67: a shortage is never an error of the
 * fault), so it succeeds and the page is mapped for the write; the
 * state is checked after the step.
 */
static bool
fault_shortage(struct mvs *s, int pg, vm_prot_t type)
{
	struct mpage *p = &s->pg[pg];
	pmap_t pmap = vm_map_pmap(&s->vm->vm_map);
	int rv;

	if (!p->mapped || (type & ~p->prot) != 0 ||
	    pmap_fake_access(pmap, VA(pg), type, NULL) == PMAP_FAKE_HIT)
		return (true);
	pmap_fake_fail_enter = 1;
	rv = vm_fault(&s->vm->vm_map, VA(pg), type, 0);
	if (pmap_fake_fail_enter != 0) {
		pmap_fake_fail_enter = 0;
		fail("the fault of page %d did not call pmap_enter", pg);
		return (false);
	}
	if (rv != KERN_SUCCESS) {
		fail("fault of page %d with pmap_enter failing once: %d "
		    "(R67: it waits and restarts)", pg, rv);
		return (false);
	}
	if (pmap_fake_access(pmap, VA(pg), type, NULL) != PMAP_FAKE_HIT) {
		fail("page %d not mapped after the restarted fault", pg);
		return (false);
	}
	return (true);
}

/*
 * An access through the MMU, faulting once if it misses.  Returns the
 * page on success, NULL if the access failed (checked against the
 * model here).
 */
static vm_page_t
mmu_access(struct mvs *s, int pg, vm_prot_t type)
{
	struct mpage *p = &s->pg[pg];
	pmap_t pmap = vm_map_pmap(&s->vm->vm_map);
	bool allowed = p->mapped && (type & ~p->prot) == 0;
	int expect_rv, r, rv;
	vm_page_t m = NULL;

	expect_rv = allowed ? KERN_SUCCESS : !p->mapped ?
	    KERN_INVALID_ADDRESS : KERN_PROTECTION_FAILURE;
	r = pmap_fake_access(pmap, VA(pg), type, &m);
	if (r == PMAP_FAKE_HIT) {
		EXPECT(allowed, "%s of page %d went through the MMU, the "
		    "model forbids it (%s)", prot_name(type), pg,
		    p->mapped ? prot_name(p->prot) : "unmapped");
		report->denied += !allowed;
		return (allowed ? m : NULL);
	}
	rv = vm_fault(&s->vm->vm_map, VA(pg), type, 0);
	if (rv != expect_rv) {
		fail("vm_fault(%s) of page %d: %d, expected %d",
		    prot_name(type), pg, rv, expect_rv);
		return (NULL);
	}
	if (!allowed) {
		report->denied++;
		return (NULL);
	}
	report->faults++;
	r = pmap_fake_access(pmap, VA(pg), type, &m);
	if (r != PMAP_FAKE_HIT) {
		fail("%s of page %d misses (%d) after a successful fault",
		    prot_name(type), pg, r);
		return (NULL);
	}
	return (m);
}

static uint8_t *
page_byte(vm_page_t m)
{
	return ((uint8_t *)PHYS_TO_DMAP(VM_PAGE_TO_PHYS(m)));
}

static void
do_write(struct op *op)
{
	struct mvs *s = &mvs[op->slot];
	vm_page_t m;

	if (op->shortage && !fault_shortage(s, op->lo, VM_PROT_WRITE))
		return;
	m = mmu_access(s, op->lo, VM_PROT_WRITE);
	if (m == NULL)
		return;
	*page_byte(m) = op->val;
	cell_val[s->pg[op->lo].cell] = op->val;
}

static void
do_read(struct op *op)
{
	struct mvs *s = &mvs[op->slot];
	vm_page_t m;
	uint8_t want;

	m = mmu_access(s, op->lo, VM_PROT_READ);
	if (m == NULL)
		return;
	want = cell_val[s->pg[op->lo].cell];
	report->data_reads += want != 0;
	EXPECT(*page_byte(m) == want, "read of page %d: %#x, expected %#x",
	    op->lo, *page_byte(m), want);
}

static void
apply_op(struct op *op)
{
	switch (op->type) {
	case OP_NEW:	do_new(op); break;
	case OP_MAP:	do_map(op); break;
	case OP_UNMAP:	do_unmap(op); break;
	case OP_PROTECT: do_protect(op); break;
	case OP_INHERIT: do_inherit(op); break;
	case OP_FORK:	do_fork(op); break;
	case OP_EXIT:	do_exit(op); break;
	case OP_EXEC:	do_exec(op); break;
	case OP_WRITE:	do_write(op); break;
	case OP_READ:	do_read(op); break;
	case OP_DONTNEED: do_dontneed(op); break;
	}
}

/*
 * The objects reachable from the live maps, with the references and
 * shadows counted to them: a hash set of object pointers.
 */
struct objinfo {
	vm_object_t	obj;
	int		refs;		/* entries + shadows pointing at it */
	int		shadows;
};

#define OBJ_HASH	(1 << 15)
static struct objinfo objs[OBJ_HASH];
static int	obj_used[OBJ_HASH];	/* slots in use, to clear them */
static int	nobjs;

static struct objinfo *
obj_slot(vm_object_t o, bool *isnew)
{
	uintptr_t h = ((uintptr_t)o >> 4) * 2654435761u;
	int i = (int)(h & (OBJ_HASH - 1));

	*isnew = false;
	while (objs[i].obj != NULL && objs[i].obj != o)
		i = (i + 1) & (OBJ_HASH - 1);
	if (objs[i].obj == NULL) {
		if (nobjs >= OBJ_HASH / 2)
			return (NULL);
		objs[i].obj = o;
		objs[i].refs = objs[i].shadows = 0;
		obj_used[nobjs++] = i;
		*isnew = true;
	}
	return (&objs[i]);
}

static void
obj_clear(void)
{
	while (nobjs > 0)
		objs[obj_used[--nobjs]].obj = NULL;
}

/* Count one reference to `o` (from an entry, or from shadow `from`). */
static void
obj_reach(vm_object_t o, bool from_shadow)
{
	struct objinfo *oi;
	bool isnew;

	while (o != NULL) {
		oi = obj_slot(o, &isnew);
		if (oi == NULL) {
			fail("more than %d objects reachable", OBJ_HASH / 2);
			return;
		}
		oi->refs++;
		if (from_shadow)
			oi->shadows++;
		if (!isnew)
			return;
		/* First time here: its backing object gets its reference. */
		o = o->backing_object;
		from_shadow = true;
	}
}

/*
 * The page an entry shows at `va`: the first down its shadow chain, as
 * vm_fault finds it, without faulting.  *where: the object it is in (or
 * where the walk stopped).
 */
static vm_page_t
shown_page(vm_map_entry_t e, vm_offset_t va, vm_object_t *where)
{
	vm_object_t o = e->object, next;
	vm_pindex_t pi;
	vm_page_t m;

	*where = NULL;
	if (o == NULL)
		return (NULL);
	pi = atop(e->offset) + atop(va - e->start);
	VM_OBJECT_WLOCK(o);
	while ((m = vm_page_lookup(o, pi)) == NULL &&
	    (next = o->backing_object) != NULL) {
		pi += atop(o->backing_object_offset);
		if (pi >= next->size)
			break;
		VM_OBJECT_WLOCK(next);
		VM_OBJECT_WUNLOCK(o);
		o = next;
	}
	VM_OBJECT_WUNLOCK(o);
	*where = o;
	return (m);
}

/* One page of a map against the model, the chain and the pmap. */
static void
check_page(struct mvs *s, vm_map_entry_t e, int pg)
{
	struct mpage *p = &s->pg[pg];
	struct pmap_fake_mapping fm;
	vm_object_t where;
	vm_page_t m;
	uint8_t got;

	if (e->protection != p->prot || e->max_protection != p->maxprot ||
	    e->inheritance != p->inh)
		fail("vs%d page %d: entry says %s/%s %s, model %s/%s %s",
		    s->id, pg, prot_name(e->protection),
		    prot_name(e->max_protection), inh_name(e->inheritance),
		    prot_name(p->prot), prot_name(p->maxprot),
		    inh_name(p->inh));
	if (e->object != NULL &&
	    atop(e->offset) + atop(VA(pg) - e->start) >= e->object->size)
		fail("vs%d page %d: beyond its object's end", s->id, pg);
	m = shown_page(e, VA(pg), &where);
	got = m != NULL ? *page_byte(m) : 0;
	if (got != cell_val[p->cell])
		fail("vs%d page %d shows %#x, the model %#x (page %s)", s->id,
		    pg, got, cell_val[p->cell], m != NULL ? "found" : "none");
	if (!pmap_fake_lookup(vm_map_pmap(&s->vm->vm_map), VA(pg), &fm))
		return;
	if (fm.m != m || m == NULL)
		fail("vs%d page %d: the pmap maps %#llx, the chain shows "
		    "%#llx", s->id, pg, (unsigned long long)fm.pa,
		    m != NULL ? (unsigned long long)m->phys_addr : 0ULL);
	if ((fm.prot & ~p->prot) != 0)
		fail("vs%d page %d: mapped %s, the entry allows %s", s->id,
		    pg, prot_name(fm.prot), prot_name(p->prot));
	if ((fm.prot & VM_PROT_WRITE) != 0 && (where != e->object ||
	    (e->eflags & MAP_ENTRY_NEEDS_COPY) != 0))
		fail("vs%d page %d: writable mapping of a page of another "
		    "object, or before the copy (eflags %#x)", s->id, pg,
		    e->eflags);
	if (fm.wired != (e->wired_count > 0) || !fm.managed)
		fail("vs%d page %d: mapping wired %d managed %d, entry wired "
		    "%d", s->id, pg, fm.wired, fm.managed, e->wired_count);
}

/* A map's entries against the model; reachable objects counted. */
static void
check_map(struct mvs *s)
{
	vm_map_t map = &s->vm->vm_map;
	vm_map_entry_t e;
	vm_offset_t va;
	long ptes = 0;
	int pg, mapped = 0, model_mapped = 0;

	vm_map_lock_read(map);
	EXPECT(vm_map_check(map) == 0, "vm_map_check of vs%d", s->id);
	TAILQ_FOREACH(e, &map->entries, link) {
		if (e->start < WBASE || e->end > WEND) {
			fail("vs%d: entry [%#lx, %#lx) outside the window",
			    s->id, (u_long)e->start, (u_long)e->end);
			continue;
		}
		obj_reach(e->object, false);
		for (va = e->start; va < e->end; va += PAGE_SIZE) {
			pg = (int)atop(va - WBASE);
			mapped++;
			if (!s->pg[pg].mapped)
				fail("vs%d page %d: mapped, the model has a "
				    "hole", s->id, pg);
			else
				check_page(s, e, pg);
		}
	}
	for (pg = 0; pg < NPG; pg++) {
		model_mapped += s->pg[pg].mapped;
		ptes += pmap_fake_lookup(map->pmap, VA(pg), NULL);
	}
	EXPECT(mapped == model_mapped, "vs%d: %d pages mapped, the model "
	    "has %d", s->id, mapped, model_mapped);
	EXPECT(ptes == pmap_fake_count(map->pmap), "vs%d: pmap has "
	    "mappings outside the window or the entries", s->id);
	vm_map_unlock_read(map);
}

/* Pages of `o` that are wired (counted in v_wire_count already). */
static u_long
obj_wired_pages(vm_object_t o)
{
	vm_page_t m;
	u_long n = 0;

	VM_OBJECT_WLOCK(o);
	for (m = vm_page_find_least(o, 0); m != NULL;
	    m = vm_page_find_least(o, m->pindex + 1))
		n += m->wire_count > 0;
	VM_OBJECT_WUNLOCK(o);
	return (n);
}

static void
check_all(void)
{
	struct objinfo *oi;
	u_long resident = 0;
	int i, n = 0;

	obj_clear();
	for (i = 0; i < NVS; i++) {
		if (mvs[i].vm == NULL)
			continue;
		n++;
		check_map(&mvs[i]);
	}
	for (i = 0; i < nobjs; i++) {
		oi = &objs[obj_used[i]];
		resident += oi->obj->resident_page_count;
		resident -= obj_wired_pages(oi->obj);
		if (oi->obj->ref_count != oi->refs ||
		    oi->obj->shadow_count != oi->shadows)
			fail("object %p: ref_count %d shadow_count %d, "
			    "counted %d and %d", oi->obj, oi->obj->ref_count,
			    oi->obj->shadow_count, oi->refs, oi->shadows);
		if ((oi->obj->flags & OBJ_DEAD) != 0 ||
		    oi->obj->type == OBJT_DEAD)
			fail("object %p is dead but mapped", oi->obj);
		if (vm_object_check(oi->obj) != 0)
			fail("vm_object_check(%p)", oi->obj);
	}
	if ((u_long)nobjs > report->max_objects)
		report->max_objects = nobjs;
	EXPECT(vm_object_count() == base_objects + nobjs, "%lu objects "
	    "alive, %d reachable (+%lu at the start)", vm_object_count(),
	    nobjs, base_objects);
	EXPECT(vm_cnt.v_free_count + vm_cnt.v_wire_count + resident ==
	    vm_cnt.v_page_count, "pages: %lu free + %lu wired + %lu more "
	    "in objects != %lu", vm_cnt.v_free_count, vm_cnt.v_wire_count,
	    resident, vm_cnt.v_page_count);
	EXPECT(vm_cnt.v_wire_by_reason[VM_WIRE_PGTABLE] == base_pgtable + n,
	    "page-table pages %lu for %d pmaps",
	    vm_cnt.v_wire_by_reason[VM_WIRE_PGTABLE], n);
	EXPECT(pmap_fake_live() == n, "%d pmaps, %d address spaces",
	    pmap_fake_live(), n);
	EXPECT(pmap_fake_check_all() == 0, "pmap_fake_check_all");
}

/* After a failure: each address space as the model and the map see it. */
static void
dump_state(void)
{
	struct mvs *s;
	struct mpage *p;
	vm_map_entry_t e;
	int i, pg;

	for (i = 0; i < NVS; i++) {
		s = &mvs[i];
		if (s->vm == NULL)
			continue;
		printf("# vs%d model:", s->id);
		for (pg = 0; pg < NPG; pg++) {
			p = &s->pg[pg];
			if (p->mapped)
				printf(" %d:%s/%s/%c/%#x", pg,
				    prot_name(p->prot), prot_name(p->maxprot),
				    inh_name(p->inh)[0], cell_val[p->cell]);
		}
		printf("\n# vs%d entries:", s->id);
		TAILQ_FOREACH(e, &s->vm->vm_map.entries, link)
			printf(" [%ld, %ld) %s/%s/%c obj %p+%lu eflags %#x",
			    (long)atop(e->start - WBASE),
			    (long)atop(e->end - WBASE),
			    prot_name(e->protection),
			    prot_name(e->max_protection),
			    inh_name(e->inheritance)[0], e->object,
			    (u_long)atop(e->offset), e->eflags);
		printf("\n");
	}
	fflush(stdout);
}

/* Free every address space; everything must be back at the baseline. */
static void
teardown(void)
{
	u_long kmem;
	int i;

	for (i = 0; i < NVS; i++) {
		if (mvs[i].vm == NULL)
			continue;
		vmspace_free(mvs[i].vm);
		mvs[i].vm = NULL;
	}
	EXPECT(vm_object_count() == base_objects, "%lu objects left "
	    "(baseline %lu)", vm_object_count(), base_objects);
	/* Zones may keep an empty slab each (UMA_MAX_EMPTY_SLABS). */
	kmem = vm_cnt.v_wire_by_reason[VM_WIRE_KMEM] - base_kmem;
	EXPECT(vm_cnt.v_free_count + kmem == base_free && kmem <= KMEM_SLACK,
	    "free pages %lu + %lu more kmem pages, baseline %lu free",
	    vm_cnt.v_free_count, kmem, base_free);
	EXPECT(vm_cnt.v_wire_by_reason[VM_WIRE_PGTABLE] == base_pgtable,
	    "page-table pages %lu, baseline %lu",
	    vm_cnt.v_wire_by_reason[VM_WIRE_PGTABLE], base_pgtable);
	EXPECT(pmap_fake_live() == 0 && pmap_fake_pv_count() == 0,
	    "%d pmaps, %ld pv entries left", pmap_fake_live(),
	    pmap_fake_pv_count());
	EXPECT(vm_page_audit() == 0, "vm_page_audit");
}

/* The baseline a run must come back to. */
static void
baseline(void)
{
	base_free = vm_cnt.v_free_count;
	base_kmem = vm_cnt.v_wire_by_reason[VM_WIRE_KMEM];
	base_pgtable = vm_cnt.v_wire_by_reason[VM_WIRE_PGTABLE];
	base_objects = vm_object_count();
}

/* A run of `nsteps` steps from `seed`, in this (child) process. */
static void
model_run(uint32_t seed, int nsteps)
{
	struct op op;

	baseline();
	report->steps = nsteps;
	rng_state = seed != 0 ? seed : 1;
	for (cur_step = 1; cur_step <= nsteps && !run_failed; cur_step++) {
		report->step = cur_step;
		gen_op(&op);
		if (verbose)
			print_op(&op);
		apply_op(&op);
		if (!run_failed)
			check_all();
		if (cur_step % 1000 == 0 && vm_page_audit() != 0)
			fail("vm_page_audit");
	}
	if (run_failed) {
		if (verbose)
			dump_state();
		return;
	}
	cur_step = nsteps + 1;
	report->step = cur_step;
	if (verbose)
		printf("# step %d: free everything\n", cur_step);
	teardown();
}

/*
 * Run fn(seed, nsteps) in a child.  Returns -1 if it passed, else the
 * step it failed at (0: before the first, nsteps + 1: at the final
 * teardown).  quiet: its output goes to /dev/null.  With
 * VM_MODEL_NOFORK set (for a debugger) it runs in this process.
 */
static bool	opt_nofork;

static int
in_child(void (*fn)(uint32_t, int), uint32_t seed, int nsteps, bool quiet)
{
	pid_t pid;
	int status;

	memset(report, 0, sizeof(*report));
	if (opt_nofork) {
		verbose = true;
		fn(seed, nsteps);
		return (run_failed ? report->failed_step : -1);
	}
	fflush(stdout);
	pid = fork();
	if (pid < 0) {
		perror("fork");
		return (0);
	}
	if (pid == 0) {
		vmhost_fork_child();
		if (quiet && freopen("/dev/null", "w", stdout) == NULL)
			_exit(3);
		verbose = !quiet;
		fn(seed, nsteps);
		fflush(stdout);
		_exit(run_failed ? 1 : 0);
	}
	if (waitpid(pid, &status, 0) != pid)
		return (0);
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return (-1);
	if (report->failed_step != 0)
		return (report->failed_step);
	return (report->step);		/* where it died */
}

/*
 * The shortest prefix of `seed`'s steps that fails (with the teardown's
 * checks at its end), by bisection below `failed_at`.
 */
static int
shortest_prefix(uint32_t seed, int failed_at, int nsteps)
{
	int lo = 0, hi = failed_at > nsteps ? nsteps : failed_at, mid;

	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (in_child(model_run, seed, mid, true) >= 0)
			hi = mid;
		else
			lo = mid;
	}
	return (hi);
}

/* One seed: run it; on failure, bisect and show the failing prefix. */
static bool
model_seed(uint32_t seed, int nsteps)
{
	int at, prefix;

	at = in_child(model_run, seed, nsteps, true);
	if (at < 0) {
		totals.steps += report->steps;
		totals.faults += report->faults;
		totals.denied += report->denied;
		totals.data_reads += report->data_reads;
		totals.forks += report->forks;
		totals.max_objects = MAX(totals.max_objects,
		    report->max_objects);
		return (true);
	}
	if (at == 0 || opt_nofork) {
		printf("# seed %u: failed at step %d (0: before the first)\n",
		    seed, at);
		if (!opt_nofork)
			in_child(model_run, seed, 0, false);
		return (false);
	}
	printf("# seed %u: failed at step %d of %d\n", seed, at, nsteps);
	prefix = shortest_prefix(seed, at, nsteps);
	printf("# seed %u: shortest failing prefix: %d steps; its "
	    "operations:\n", seed, prefix);
	in_child(model_run, seed, prefix, false);
	printf("# reproduce: VM_MODEL_SEED=%u VM_MODEL_STEPS=%d "
	    "VM_MODEL_RUNS=1 %s\n", seed, prefix, "build/host/test_vm_model");
	return (false);
}

static uint32_t	opt_seed = 1;
static int	opt_steps = CI_STEPS;
static int	opt_runs = CI_RUNS;

static void
model_random_operations_match_the_reference(void)
{
	int i, bad = 0;

	printf("# %d runs of %d steps from seed %u\n", opt_runs, opt_steps,
	    opt_seed);
	for (i = 0; i < opt_runs; i++)
		if (!model_seed(opt_seed + (uint32_t)i, opt_steps))
			bad++;
	printf("# passing runs: %lu steps, %lu forks, %lu faults resolved, "
	    "%lu accesses refused, %lu reads of written data, up to %lu "
	    "objects\n", totals.steps, totals.forks, totals.faults,
	    totals.denied, totals.data_reads, totals.max_objects);
	CHECK(bad == 0, "%d of %d seeds failed", bad, opt_runs);
}

/*
 * The fork/exit chain: each generation forks; the child and its parent
 * write a few pages each, and the grandparent exits, so two generations
 * stay alive and copy-on-write leaves a shadow object on each side of
 * every fork.  Collapse and bypass must keep every entry's shadow chain
 * short; contents must follow the model; all pages come back.
 */
#define CHAIN_GENERATIONS 1000
#define CHAIN_PAGES	24	/* 0..15 copy-on-write, 16..23 shared */

static void
chain_write(int slot, int n)
{
	struct op op;

	memset(&op, 0, sizeof(op));
	op.slot = slot;
	while (n-- > 0) {
		op.lo = rng(CHAIN_PAGES);
		op.val = 1 + rng(255);
		do_write(&op);
	}
}

/* The deepest shadow chain under an entry of `slot`'s map. */
static int
chain_depth(int slot)
{
	vm_map_t map = &mvs[slot].vm->vm_map;
	vm_map_entry_t e;
	int depth, deepest = 0;

	vm_map_lock_read(map);
	TAILQ_FOREACH(e, &map->entries, link) {
		if (e->object == NULL)
			continue;
		depth = vm_object_shadow_depth(e->object);
		deepest = MAX(deepest, depth);
	}
	vm_map_unlock_read(map);
	return (deepest);
}

static void
chain_run(uint32_t seed, int generations)
{
	struct op op;
	int gen, old = -1, cur = 0, child, depth, maxdepth = 0;

	baseline();
	rng_state = seed;
	cur_step = 0;
	memset(&op, 0, sizeof(op));
	op.slot = cur;
	do_new(&op);
	op.type = OP_MAP;
	op.fixed = true;
	op.n = 16;
	op.prot = VM_PROT_RW;
	do_map(&op);
	op.lo = 16;
	op.n = CHAIN_PAGES - 16;
	do_map(&op);
	op.inh = VM_INHERIT_SHARE;
	do_inherit(&op);
	chain_write(cur, CHAIN_PAGES);
	check_all();
	for (gen = 1; gen <= generations && !run_failed; gen++) {
		cur_step = gen;
		report->step = gen;
		child = (cur + 1) % 3;
		op.slot = cur;
		op.slot2 = child;
		do_fork(&op);
		if (run_failed)
			break;
		chain_write(child, 2);
		chain_write(cur, 1);
		if (old >= 0) {
			op.slot = old;
			do_exit(&op);
		}
		old = cur;
		cur = child;
		check_all();
		depth = MAX(chain_depth(old), chain_depth(cur));
		maxdepth = MAX(maxdepth, depth);
		EXPECT(depth < MAX_SHADOW_DEPTH, "generation %d: a shadow "
		    "chain %d deep", gen, depth);
	}
	printf("# deepest shadow chain: %d\n", maxdepth);
	if (run_failed) {
		dump_state();
		return;
	}
	cur_step = generations + 1;
	report->step = cur_step;
	teardown();
}

static void
fork_exit_chain_1000_deep_keeps_shadow_chains_short(void)
{
	int at;

	at = in_child(chain_run, 4242, CHAIN_GENERATIONS, false);
	CHECK(at < 0, "the chain failed at generation %d", at);
}

/*
 * The test runner's pattern (user/sbin/init_test.c): a parent forks a
 * manager; both write the same page; the manager forks a child, writes
 * again and the child exits (its release collapses the manager's two
 * shadows, and the result covers the parent's backing object: a
 * bypass); then the manager exits.  The bypass leaves the parent's backing object with one reference, its
 * shadow's; nothing released it, so nothing collapsed it, and each
 * round left one more object with a hidden page under the parent (a
 * page a round, found by the runner's leak check).  The parent's next
 * fork must collapse it: the chain stays short and the free count
 * settles.
 */
#define MANAGER_ROUNDS	200

static void
manager_write(int slot, int val)
{
	struct op op;

	memset(&op, 0, sizeof(op));
	op.slot = slot;
	op.lo = 0;
	op.val = val;
	do_write(&op);
}

static void
manager_run(uint32_t seed, int rounds)
{
	struct op op;
	u_long settled = 0;
	int r, depth, maxdepth = 0;

	(void)seed;
	baseline();
	cur_step = 0;
	memset(&op, 0, sizeof(op));
	op.slot = 0;
	do_new(&op);
	op.type = OP_MAP;
	op.fixed = true;
	op.n = 2;
	op.prot = VM_PROT_RW;
	do_map(&op);
	manager_write(0, 1);
	for (r = 1; r <= rounds && !run_failed; r++) {
		cur_step = report->step = r;
		op.slot = 0;
		op.slot2 = 1;
		do_fork(&op);			/* the manager */
		manager_write(0, 2 + r % 200);	/* the parent waits: a copy */
		manager_write(1, 3);		/* the manager's own copy */
		op.slot = 1;
		op.slot2 = 2;
		do_fork(&op);			/* the test */
		manager_write(1, 4);		/* relaying its output */
		op.slot = 2;
		do_exit(&op);			/* the bypass */
		op.slot = 1;
		do_exit(&op);
		check_all();
		depth = chain_depth(0);
		maxdepth = MAX(maxdepth, depth);
		EXPECT(depth < MAX_SHADOW_DEPTH, "round %d: a shadow chain %d "
		    "deep under the parent", r, depth);
		if (r == 3)
			settled = vm_cnt.v_free_count;
		else if (r > 3)
			EXPECT(vm_cnt.v_free_count == settled, "round %d: %lu "
			    "pages free, %lu after round 3", r,
			    vm_cnt.v_free_count, settled);
	}
	printf("# deepest shadow chain under the parent: %d\n", maxdepth);
	if (run_failed) {
		dump_state();
		return;
	}
	cur_step = rounds + 1;
	report->step = cur_step;
	teardown();
}

static void
runner_pattern_keeps_the_parents_chain_short(void)
{
	int at;

	at = in_child(manager_run, 1, MANAGER_ROUNDS, false);
	CHECK(at < 0, "failed at round %d", at);
}

/* Wire pages [lo, lo + n) of `slot` as mlock does (vm_map_wire). */
static int
wire_by_hand(int slot, int lo, int n)
{
	return (vm_map_wire(&mvs[slot].vm->vm_map, VA(lo), VA(lo + n),
	    VM_MAP_WIRE_USER));
}

/* The entry of `slot` at page `pg` (map unlocked after: one thread). */
static vm_map_entry_t
entry_at(int slot, int pg)
{
	vm_map_t map = &mvs[slot].vm->vm_map;
	vm_map_entry_t e;
	bool found;

	vm_map_lock_read(map);
	found = vm_map_lookup_entry(map, VA(pg), &e);
	vm_map_unlock_read(map);
	return (found ? e : NULL);
}

/*
 * R48: fork copies a wired writable COPY entry into the child at once;
 * the parent's wired pages stay writable and wired, with no fault.
 */
static void
r48_run(uint32_t seed, int npages)
{
	struct pmap_fake_mapping fm;
	struct op op;
	vm_map_entry_t pe, ce;
	u_long user0, faults;
	vm_page_t m;
	int i;

	baseline();
	user0 = vm_cnt.v_wire_by_reason[VM_WIRE_USER];
	rng_state = seed;
	cur_step = report->step = 1;	/* 1: wire and fork, 2: exit */
	memset(&op, 0, sizeof(op));
	do_new(&op);
	op.type = OP_MAP;
	op.fixed = true;
	op.n = npages + 4;
	op.prot = VM_PROT_RW;
	do_map(&op);
	for (op.lo = 0; op.lo < npages + 4; op.lo++) {
		op.val = 0x40 + op.lo;
		do_write(&op);
	}
	EXPECT(wire_by_hand(0, 2, npages) == KERN_SUCCESS, "wiring failed");
	EXPECT(vm_cnt.v_wire_by_reason[VM_WIRE_USER] == user0 + npages,
	    "%lu user-wired pages", vm_cnt.v_wire_by_reason[VM_WIRE_USER]);
	check_all();
	op.slot2 = 1;
	do_fork(&op);
	if (run_failed)
		return;
	check_all();
	pe = entry_at(0, 2);
	ce = entry_at(1, 2);
	if (pe == NULL || ce == NULL) {
		fail("entries missing after fork");
		return;
	}
	EXPECT(pe->wired_count == 1 && (pe->eflags & (MAP_ENTRY_COW |
	    MAP_ENTRY_NEEDS_COPY)) == 0, "parent entry wired %d eflags %#x",
	    pe->wired_count, pe->eflags);
	EXPECT(ce->wired_count == 0 && (ce->eflags & MAP_ENTRY_USER_WIRED) == 0
	    && ce->object != pe->object, "child entry wired %d eflags %#x, "
	    "object %p (parent %p)", ce->wired_count, ce->eflags, ce->object,
	    pe->object);
	EXPECT(pmap_wired_count(vm_map_pmap(&mvs[1].vm->vm_map)) == 0,
	    "the child has wired mappings");
	EXPECT(vm_cnt.v_wire_by_reason[VM_WIRE_USER] == user0 + npages,
	    "fork changed the user wirings: %lu",
	    vm_cnt.v_wire_by_reason[VM_WIRE_USER]);
	for (i = 2; i < 2 + npages; i++)
		EXPECT(pmap_fake_lookup(vm_map_pmap(&mvs[0].vm->vm_map), VA(i),
		    &fm) && fm.wired && (fm.prot & VM_PROT_WRITE) != 0,
		    "parent page %d lost its wired writable mapping", i);
	/* The parent writes without faulting; the child does not see it. */
	faults = report->faults;
	for (op.lo = 2; op.lo < 2 + npages; op.lo++) {
		op.slot = 0;
		op.val = 0xa0 + op.lo;
		do_write(&op);
		op.slot = 1;
		op.val = 0xc0 + op.lo;
		do_write(&op);
	}
	EXPECT(report->faults == faults + npages, "%lu faults for %d "
	    "writes of the parent and %d of the child",
	    report->faults - faults, npages, npages);
	check_all();
	for (i = 2; i < 2 + npages; i++) {
		m = NULL;
		if (pmap_fake_access(vm_map_pmap(&mvs[0].vm->vm_map), VA(i),
		    VM_PROT_READ, &m) == PMAP_FAKE_HIT)
			EXPECT(*page_byte(m) == 0xa0 + i, "parent page %d: "
			    "%#x", i, *page_byte(m));
	}
	if (run_failed) {
		dump_state();
		return;
	}
	/* Exit unwires (R45, R46): the parent first, wired as it is. */
	cur_step = report->step = 2;
	op.slot = 0;
	do_exit(&op);
	EXPECT(vm_cnt.v_wire_by_reason[VM_WIRE_USER] == user0,
	    "%lu user-wired pages after the exit",
	    vm_cnt.v_wire_by_reason[VM_WIRE_USER]);
	check_all();
	cur_step = report->step = 3;
	teardown();
}

static void
r48_fork_copies_a_wired_writable_entry_at_once(void)
{
	int at;

	at = in_child(r48_run, 48, 4, false);
	CHECK(at < 0, "failed at step %d", at);
}

static void
vm_init_for_tests(void)
{
	vmhost_boot(RAM_BYTES);
	vm_radix_zinit();
	vm_object_init();
	vm_map_zinit();
}

static void
options_from_environment(void)
{
	const char *s;

	if ((s = getenv("VM_MODEL_SEED")) != NULL)
		opt_seed = (uint32_t)strtoul(s, NULL, 0);
	if ((s = getenv("VM_MODEL_STEPS")) != NULL)
		opt_steps = atoi(s);
	if ((s = getenv("VM_MODEL_RUNS")) != NULL)
		opt_runs = atoi(s);
	opt_nofork = getenv("VM_MODEL_NOFORK") != NULL;
	if (opt_steps < 1)
		opt_steps = 1;
	if (opt_runs < 1)
		opt_runs = 1;
}

int
main(void)
{
	options_from_environment();
	report = mmap(NULL, sizeof(*report), PROT_READ | PROT_WRITE,
	    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (report == MAP_FAILED) {
		perror("mmap");
		return (2);
	}
	vm_init_for_tests();
	TAP_RUN(model_random_operations_match_the_reference);
	TAP_RUN(fork_exit_chain_1000_deep_keeps_shadow_chains_short);
	TAP_RUN(runner_pattern_keeps_the_parents_chain_short);
	TAP_RUN(r48_fork_copies_a_wired_writable_entry_at_once);
	return (tap_exit_status());
}
