/*
 * test_vmem.c - host tests for the vmem allocator (kernel/subr_vmem.c).
 *
 * The core is a randomized model test: random allocations (with random
 * alignment, phase, boundary and address limits, under each policy) and
 * frees, checked after every step against a reference model that keeps
 * one busy bit per quantum of each span:
 *	- every piece vmem hands out lies in one span, is free in the model,
 *	  and meets its constraints; it starts at the lowest fitting address
 *	  of its free segment; first fit gives the lowest fitting address of
 *	  all, best fit a segment as small as any that fits;
 *	- vmem fails only when the model has no place for the request (or,
 *	  in the test that starves it, when it could not get a tag page);
 *	- vmem_check() finds nothing and the counters agree with the model;
 *	- free space is merged: the largest free run of the model can be
 *	  allocated whole, at the address first fit must pick.
 * A failure prints the seed and step; a panic inside vmem (KASSERT)
 * prints them too before the program aborts.
 *
 * The build (tests/host/vmem.mk) gives vmem a boot supply of only 4
 * boundary tags, so the tests also exercise tag pages coming from the
 * page allocator (tests/host/vmem_shim.c) and going back to it.
 */
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <kernel/vmem.h>
#include <vm/vm_kern.h>

#include "rng.h"
#include "tap.h"
#include "vmem_shim.h"

#define QUANTUM		16
#define MAXSPANS	2
#define SPAN_NQ		1024		/* quanta in a span, at most */
#define MAXALLOCS	400
#define NSEEDS		24
#define NSTEPS		3000

struct span {
	vmem_addr_t	base;
	bool		busy[SPAN_NQ];	/* one per quantum */
};

struct piece {
	vmem_addr_t	addr;
	vmem_size_t	size;
};

static struct {
	vmem_t		*vm;
	int		nspans;
	int		span_nq;	/* quanta in each span */
	struct span	spans[MAXSPANS];
	struct piece	pieces[MAXALLOCS];
	int		npieces;
	vmem_size_t	inuse;
	uint32_t	seed;
	int		step;
} model;

static void
print_context(void)
{
	printf("# context: seed %u, step %d\n", model.seed, model.step);
	fflush(stdout);
}

struct request {
	vmem_size_t	size;		/* a multiple of QUANTUM */
	vmem_size_t	align;		/* 0 or a power of two */
	vmem_size_t	phase;
	vmem_size_t	nocross;
	vmem_addr_t	minaddr;
	vmem_addr_t	maxaddr;	/* inclusive; 0: none */
	int		policy;		/* 0, M_BESTFIT or M_FIRSTFIT */
};

/* Does the request allow a piece at addr (ignoring what is busy)? */
static bool
req_allows(const struct request *r, vmem_addr_t addr)
{
	vmem_size_t align = r->align == 0 ? QUANTUM : r->align;
	vmem_addr_t last = addr + (r->size - 1);
	vmem_addr_t max = r->maxaddr == 0 ? ~(vmem_addr_t)0 : r->maxaddr;

	if (last < addr || addr % align != r->phase || addr < r->minaddr ||
	    last > max)
		return (false);
	return (r->nocross == 0 || addr / r->nocross == last / r->nocross);
}

/* free_run[i]: free quanta from i to the end of the span's free run. */
static void
span_free_runs(const struct span *s, int free_run[SPAN_NQ + 1])
{
	int i;

	free_run[model.span_nq] = 0;
	for (i = model.span_nq - 1; i >= 0; i--)
		free_run[i] = s->busy[i] ? 0 : free_run[i + 1] + 1;
}

/* Could a piece start at quantum i of span s? */
static bool
model_fits_at(const struct span *s, const int *free_run, int i,
    const struct request *r)
{
	return ((vmem_size_t)free_run[i] * QUANTUM >= r->size &&
	    req_allows(r, s->base + (vmem_addr_t)i * QUANTUM));
}

/*
 * The model's answers for request r: whether any place fits, the lowest
 * such address, and the size of the smallest free segment with a place.
 */
struct model_answer {
	bool		feasible;
	vmem_addr_t	lowest;
	vmem_size_t	best_seg;
};

static struct model_answer
model_query(const struct request *r)
{
	struct model_answer a = { false, 0, 0 };
	int free_run[SPAN_NQ + 1];
	int sp, i, seg_start;
	bool seg_fits;

	for (sp = 0; sp < model.nspans; sp++) {
		const struct span *s = &model.spans[sp];

		span_free_runs(s, free_run);
		for (seg_start = 0; seg_start < model.span_nq;) {
			if (s->busy[seg_start]) {
				seg_start++;
				continue;
			}
			seg_fits = false;
			for (i = seg_start; i < seg_start + free_run[seg_start];
			    i++) {
				if (!model_fits_at(s, free_run, i, r))
					continue;
				if (!a.feasible || s->base + (vmem_addr_t)i *
				    QUANTUM < a.lowest)
					a.lowest = s->base + (vmem_addr_t)i *
					    QUANTUM;
				a.feasible = seg_fits = true;
				break;
			}
			if (seg_fits && (a.best_seg == 0 ||
			    (vmem_size_t)free_run[seg_start] * QUANTUM <
			    a.best_seg))
				a.best_seg = (vmem_size_t)free_run[seg_start] *
				    QUANTUM;
			seg_start += free_run[seg_start];
		}
	}
	return (a);
}

/* The span holding addr, and the quantum index there; NULL if none. */
static struct span *
model_span_of(vmem_addr_t addr, int *index)
{
	int sp;

	for (sp = 0; sp < model.nspans; sp++) {
		struct span *s = &model.spans[sp];

		if (addr >= s->base &&
		    addr - s->base < (vmem_size_t)model.span_nq * QUANTUM) {
			*index = (addr - s->base) / QUANTUM;
			return (s);
		}
	}
	return (NULL);
}

static void
model_mark(vmem_addr_t addr, vmem_size_t size, bool busy)
{
	struct span *s;
	int i, j;

	s = model_span_of(addr, &i);
	for (j = 0; j < (int)(size / QUANTUM); j++)
		s->busy[i + j] = busy;
}

/* The start and size of the free segment (in the model) holding addr. */
static void
model_segment_of(vmem_addr_t addr, vmem_addr_t *start, vmem_size_t *size)
{
	struct span *s;
	int i, lo, hi;

	s = model_span_of(addr, &i);
	for (lo = i; lo > 0 && !s->busy[lo - 1]; lo--)
		;
	for (hi = i; hi < model.span_nq && !s->busy[hi]; hi++)
		;
	*start = s->base + (vmem_addr_t)lo * QUANTUM;
	*size = (vmem_size_t)(hi - lo) * QUANTUM;
}

static bool
model_check_arena(void)
{
	return (CHECK(vmem_check(model.vm) == 0, "seed %u step %d: vmem_check",
	    model.seed, model.step) &&
	    CHECK(vmem_size_inuse(model.vm) == model.inuse,
	    "seed %u step %d: in use %#lx, model %#lx", model.seed, model.step,
	    (u_long)vmem_size_inuse(model.vm), (u_long)model.inuse));
}

/* A random request; sizes mostly small, sometimes large. */
static struct request
random_request(void)
{
	struct request r;
	vmem_size_t nq, total = (vmem_size_t)model.nspans * model.span_nq *
	    QUANTUM;
	vmem_addr_t lo = model.spans[0].base;

	memset(&r, 0, sizeof(r));
	nq = rng(4) != 0 ? 1 + rng(8) :
	    1 + rng(rng(8) == 0 ? model.span_nq : 64);
	r.size = nq * QUANTUM;
	if (rng(2) == 0) {
		r.align = (vmem_size_t)QUANTUM << rng(6);
		if (rng(2) == 0)
			r.phase = rng(r.align / QUANTUM) * QUANTUM;
	}
	if (rng(4) == 0) {
		r.nocross = QUANTUM;
		while (r.nocross < r.size)
			r.nocross <<= 1;
		r.nocross <<= rng(3);
	}
	if (rng(4) == 0) {
		r.minaddr = lo + rng(total / QUANTUM) * QUANTUM;
		r.maxaddr = r.minaddr + rng(total / QUANTUM) * QUANTUM +
		    QUANTUM - 1;
	}
	r.policy = (int[]){ 0, M_BESTFIT, M_FIRSTFIT }[rng(3)];
	return (r);
}

static int
do_xalloc(const struct request *r, vmem_addr_t *addrp)
{
	return (vmem_xalloc(model.vm, r->size, r->align, r->phase, r->nocross,
	    r->minaddr, r->maxaddr, r->policy | M_NOWAIT, addrp));
}

/*
 * One allocation, checked against the model.  starved: the page
 * allocator fails, so ENOMEM is also right when a tag was needed.
 * Returns false if a check failed.
 */
static bool
step_alloc(const struct request *r, bool starved, bool *tag_failure)
{
	struct model_answer a = model_query(r);
	vmem_addr_t addr = 0, seg_start;
	vmem_size_t seg_size;
	int error;

	error = do_xalloc(r, &addr);
	if (error != 0) {
		if (!CHECK(error == ENOMEM, "seed %u step %d: error %d",
		    model.seed, model.step, error))
			return (false);
		if (a.feasible && starved && tag_failure != NULL) {
			*tag_failure = true;
			return (true);
		}
		return (CHECK(!a.feasible, "seed %u step %d: ENOMEM for size "
		    "%#lx align %#lx phase %#lx nocross %#lx [%#lx, %#lx] "
		    "policy %#x, model fits it at %#lx", model.seed,
		    model.step, (u_long)r->size, (u_long)r->align,
		    (u_long)r->phase, (u_long)r->nocross, (u_long)r->minaddr,
		    (u_long)r->maxaddr, r->policy, (u_long)a.lowest));
	}
	if (!CHECK(a.feasible, "seed %u step %d: got %#lx, model has no "
	    "place", model.seed, model.step, (u_long)addr) ||
	    !CHECK(req_allows(r, addr), "seed %u step %d: %#lx breaks the "
	    "constraints", model.seed, model.step, (u_long)addr) ||
	    !CHECK(model_span_of(addr, &(int){ 0 }) != NULL &&
	    model_query(&(struct request){ r->size, 0, 0, 0, addr, addr +
	    (r->size - 1), 0 }).feasible, "seed %u step %d: %#lx+%#lx not "
	    "free in the model", model.seed, model.step, (u_long)addr,
	    (u_long)r->size))
		return (false);
	model_segment_of(addr, &seg_start, &seg_size);
	/* Every policy takes the lowest fitting place of its segment. */
	if (!CHECK(model_query(&(struct request){ r->size, r->align, r->phase,
	    r->nocross, r->minaddr > seg_start ? r->minaddr : seg_start,
	    addr + (r->size - 1), 0 }).lowest == addr,
	    "seed %u step %d: %#lx is not the lowest place in its segment",
	    model.seed, model.step, (u_long)addr))
		return (false);
	if (r->policy == M_FIRSTFIT && !CHECK(addr == a.lowest,
	    "seed %u step %d: first fit gave %#lx, lowest is %#lx",
	    model.seed, model.step, (u_long)addr, (u_long)a.lowest))
		return (false);
	if (r->policy == M_BESTFIT && !CHECK(seg_size == a.best_seg,
	    "seed %u step %d: best fit took a segment of %#lx, smallest "
	    "fitting is %#lx", model.seed, model.step, (u_long)seg_size,
	    (u_long)a.best_seg))
		return (false);
	model_mark(addr, r->size, true);
	model.pieces[model.npieces++] = (struct piece){ addr, r->size };
	model.inuse += r->size;
	return (true);
}

static void
step_free(int k)
{
	struct piece p = model.pieces[k];

	vmem_free(model.vm, p.addr, p.size);
	model_mark(p.addr, p.size, false);
	model.pieces[k] = model.pieces[--model.npieces];
	model.inuse -= p.size;
}

/*
 * Merging: the largest free run of the model must come back whole from
 * first fit, at the lowest address of such a run.
 */
static bool
check_merged(void)
{
	int free_run[SPAN_NQ + 1], sp, i, best = 0;
	vmem_addr_t best_addr = 0, addr;

	for (sp = 0; sp < model.nspans; sp++) {
		span_free_runs(&model.spans[sp], free_run);
		for (i = 0; i < model.span_nq; i++)
			if (free_run[i] > best) {
				best = free_run[i];
				best_addr = model.spans[sp].base +
				    (vmem_addr_t)i * QUANTUM;
			}
	}
	if (best == 0)
		return (true);
	if (!CHECK(vmem_xalloc(model.vm, (vmem_size_t)best * QUANTUM, 0, 0, 0,
	    0, 0, M_FIRSTFIT | M_NOWAIT, &addr) == 0 && addr == best_addr,
	    "seed %u step %d: free run of %d quanta at %#lx not merged",
	    model.seed, model.step, best, (u_long)best_addr))
		return (false);
	vmem_free(model.vm, addr, (vmem_size_t)best * QUANTUM);
	return (true);
}

/* A new arena of `nspans` adjacent spans of `nq` quanta from `base`. */
static void
model_start(uint32_t seed, int nspans, int nq, vmem_addr_t base)
{
	vmem_size_t span_size = (vmem_size_t)nq * QUANTUM;
	int sp;

	memset(&model, 0, sizeof(model));
	model.seed = seed;
	rng_state = seed;
	model.nspans = nspans;
	model.span_nq = nq;
	model.vm = vmem_create("test", base, span_size, QUANTUM, M_NOWAIT);
	model.spans[0].base = base;
	for (sp = 1; sp < nspans; sp++) {
		/* Right after the previous span: must not merge with it. */
		model.spans[sp].base = base + sp * span_size;
		CHECK(vmem_add(model.vm, model.spans[sp].base, span_size,
		    M_NOWAIT) == 0, "vmem_add");
	}
}

static void
model_finish(void)
{
	while (model.npieces > 0)
		step_free(rng(model.npieces));
	model_check_arena();
	check_merged();
	vmem_destroy(model.vm);
}

static void
random_ops_match_model(void)
{
	uint32_t seed;
	bool ok = true;

	for (seed = 1; seed <= NSEEDS && ok; seed++) {
		model_start(seed, seed % 2 == 0 ? 2 : 1, SPAN_NQ, 0x100000);
		for (model.step = 0; model.step < NSTEPS && ok; model.step++) {
			if (model.npieces < MAXALLOCS && rng(5) < 3) {
				struct request r = random_request();

				ok = step_alloc(&r, false, NULL);
			} else if (model.npieces > 0)
				step_free(rng(model.npieces));
			ok = ok && model_check_arena();
			if (ok && model.step % 50 == 0)
				ok = check_merged();
		}
		if (ok)
			model_finish();
	}
}

/* Whole spans: separately added spans never merge, even when adjacent. */
static void
spans_do_not_merge(void)
{
	vmem_addr_t addr;

	model_start(7, 2, SPAN_NQ, 0x200000);
	CHECK(vmem_size_total(model.vm) == 2 * SPAN_NQ * QUANTUM, "total %#lx",
	    (u_long)vmem_size_total(model.vm));
	CHECK(vmem_alloc(model.vm, 2 * SPAN_NQ * QUANTUM, M_NOWAIT, &addr) ==
	    ENOMEM, "an allocation spanning two spans succeeded");
	CHECK(vmem_alloc(model.vm, SPAN_NQ * QUANTUM, M_NOWAIT, &addr) == 0,
	    "a whole span could not be allocated");
	vmem_free(model.vm, addr, SPAN_NQ * QUANTUM);
	CHECK(vmem_check(model.vm) == 0, "vmem_check");
	vmem_destroy(model.vm);
}

/*
 * A span that ends at the top of the address space: no wrap-around,
 * whatever the request (step_alloc checks each against the model).
 */
static void
span_at_top_of_address_space(void)
{
	vmem_addr_t base = (vmem_addr_t)0 - 64 * QUANTUM, addr = 0;
	int i, n = 0;

	model_start(11, 1, 64, base);
	CHECK(vmem_xalloc(model.vm, QUANTUM, 128 * QUANTUM, 0, 0, 0, 0,
	    M_NOWAIT, &addr) == ENOMEM, "alignment past the top gave %#lx",
	    (u_long)addr);
	CHECK(vmem_xalloc(model.vm, QUANTUM, 128 * QUANTUM, 64 * QUANTUM, 0, 0,
	    0, M_NOWAIT | M_BESTFIT, &addr) == 0 && addr == base,
	    "phase at the base gave %#lx", (u_long)addr);
	model_mark(base, QUANTUM, true);
	model.pieces[model.npieces++] = (struct piece){ base, QUANTUM };
	model.inuse += QUANTUM;
	for (i = 0; i < 200; i++) {
		struct request r = random_request();

		r.minaddr = r.maxaddr = 0;
		if (!step_alloc(&r, false, NULL))
			break;
		n++;
	}
	model_finish();
	CHECK(n == 200, "stopped after %d allocations", n);
}

/*
 * With the page allocator failing, allocations that need a new tag fail
 * with ENOMEM and change nothing; frees still work; once pages come
 * back, everything works again.
 */
static void
tag_shortage_changes_nothing(void)
{
	struct request r = { QUANTUM, 2 * QUANTUM, QUANTUM, 0, 0, 0,
	    M_FIRSTFIT };
	bool tag_failure = false;
	int i;

	model_start(13, 1, SPAN_NQ, 0x300000);
	shim_alloc_fails = true;
	/* Each piece is cut from the middle of a free segment: two tags. */
	for (i = 0; i < SPAN_NQ / 2 && !tag_failure; i++)
		if (!step_alloc(&r, true, &tag_failure) || !model_check_arena())
			break;
	CHECK(tag_failure, "no allocation failed for want of a tag");
	CHECK(vmem_add(model.vm, 0x800000, SPAN_NQ * QUANTUM, M_NOWAIT) ==
	    ENOMEM, "vmem_add without tags succeeded");
	model_check_arena();
	for (i = 0; i < 10 && model.npieces > 0; i++)
		step_free(rng(model.npieces));
	model_check_arena();
	shim_alloc_fails = false;
	tag_failure = false;
	CHECK(step_alloc(&r, false, NULL), "allocation after the shortage");
	model_finish();
}

/*
 * Tag pages: the 4 boot tags cannot hold the tests' arenas, so pages
 * were taken; now that every arena is gone, at most the one page the
 * reserve keeps is still out.
 */
static void
tag_pages_go_back(void)
{
	CHECK(shim_pages_allocated > 0, "no tag page was ever allocated");
	CHECK(shim_pages_outstanding <= 1, "%ld tag pages still held",
	    shim_pages_outstanding);
}

/* vmem_free of something that was not allocated must panic. */
static void
bad_free_panics(void)
{
	vmem_addr_t addr;
	pid_t pid;
	int status;

	model_start(17, 1, SPAN_NQ, 0x400000);
	CHECK(vmem_alloc(model.vm, 4 * QUANTUM, M_NOWAIT, &addr) == 0,
	    "alloc");
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		shim_panic_hook = NULL;
		if (freopen("/dev/null", "w", stdout) == NULL)
			_exit(2);
		vmem_free(model.vm, addr, 2 * QUANTUM);	/* wrong size */
		_exit(0);
	}
	CHECK(pid > 0 && waitpid(pid, &status, 0) == pid &&
	    WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT,
	    "a free with the wrong size did not panic");
	pid = fork();
	if (pid == 0) {
		shim_panic_hook = NULL;
		if (freopen("/dev/null", "w", stdout) == NULL)
			_exit(2);
		vmem_free(model.vm, addr + QUANTUM, QUANTUM);
		_exit(0);
	}
	CHECK(pid > 0 && waitpid(pid, &status, 0) == pid &&
	    WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT,
	    "a free inside a piece did not panic");
	vmem_free(model.vm, addr, 4 * QUANTUM);
	vmem_destroy(model.vm);
}

int
main(void)
{
	shim_panic_hook = print_context;
	TAP_RUN(random_ops_match_model);
	TAP_RUN(spans_do_not_merge);
	TAP_RUN(span_at_top_of_address_space);
	TAP_RUN(tag_shortage_changes_nothing);
	TAP_RUN(bad_free_panics);
	TAP_RUN(tag_pages_go_back);
	return (tap_exit_status());
}
