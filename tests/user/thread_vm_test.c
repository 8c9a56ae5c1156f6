/*
 * thread_vm_test.c - one address space worked on by 8 threads at once
 * (issue 6): each thread does 12,500 random operations, 100,000 in
 * all, on mappings of its own that lie side by side with the others'
 * in the one map (first fit puts them there, so entries are clipped,
 * merged and split next to another thread's): mmap of 1 to 8 pages,
 * munmap of a whole mapping or of its first page, mmap MAP_FIXED over
 * one of its mappings, mprotect of one page to read-only and back
 * (a write to it meanwhile must fault, with SIGSEGV to the thread that
 * wrote), and touches that check a page and write it anew.  Every page
 * read must hold what its thread last wrote there (fresh memory:
 * zeros), and nothing else may fault.  The runner's leak
 * check then sees that every page, page-table page and kernel stack
 * came back.  Prints TAP; exits 0 only if every check passed.
 */
#include <errno.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define NTHREADS	8
#define NOPS		12500
#define NSLOTS		6
#define MAXPAGES	8
#define PAGE		4096

static int ntest, nfailed;

static void
ok(int cond, const char *name)
{
	ntest++;
	if (!cond)
		nfailed++;
	printf("%sok %d - threads: %s\n", cond ? "" : "not ", ntest, name);
	fflush(stdout);
}

struct slot {
	char		*addr;		/* NULL: free */
	int		npages;
	unsigned int	gen[MAXPAGES];	/* what each page holds; 0: zeros */
};

struct worker {
	int		index;
	unsigned int	rng;
	struct slot	slots[NSLOTS];
	long		ops, maps, unmaps, fixed, touches, protects, faults;
	long		errors, syserrors;
	pthread_t	thread;
	sigjmp_buf	jb;		/* where its expected SIGSEGV lands */
	volatile int	expect_fault;
};

static unsigned int
next_rand(struct worker *w)
{
	w->rng ^= w->rng << 13;
	w->rng ^= w->rng >> 17;
	w->rng ^= w->rng << 5;
	return (w->rng);
}

/* The value a page of worker w holds at generation gen (0: zero). */
static unsigned int
pattern(struct worker *w, struct slot *s, int page, unsigned int gen)
{
	if (gen == 0)
		return (0);
	return ((unsigned int)w->index << 28 ^ (unsigned int)(s - w->slots) << 24 ^
	    (unsigned int)page << 20 ^ gen);
}

/* Check page `page` of s: its first and last word and one between. */
static void
check_page(struct worker *w, struct slot *s, int page)
{
	volatile unsigned int *p = (volatile unsigned int *)(s->addr + page * PAGE);
	unsigned int want = pattern(w, s, page, s->gen[page]);

	if (p[0] != want || p[PAGE / 4 - 1] != want ||
	    p[(s->gen[page] * 7) % (PAGE / 4)] != want) {
		if (w->errors++ < 3)
			printf("# thread %d: page %p holds %#x, not %#x\n",
			    w->index, (void *)p, (unsigned)p[0],
			    (unsigned)want);
	}
}

/* Write generation gen into page `page` of s. */
static void
write_page(struct worker *w, struct slot *s, int page, unsigned int gen)
{
	volatile unsigned int *p = (volatile unsigned int *)(s->addr + page * PAGE);
	unsigned int v = pattern(w, s, page, gen);

	s->gen[page] = gen;
	p[0] = v;
	p[PAGE / 4 - 1] = v;
	p[(gen * 7) % (PAGE / 4)] = v;
}

static void
check_slot(struct worker *w, struct slot *s)
{
	int i;

	for (i = 0; i < s->npages; i++)
		check_page(w, s, i);
}

static struct slot *
pick(struct worker *w, int used)
{
	int i, start = (int)(next_rand(w) % NSLOTS);

	for (i = 0; i < NSLOTS; i++) {
		struct slot *s = &w->slots[(start + i) % NSLOTS];

		if ((s->addr != NULL) == used)
			return (s);
	}
	return (NULL);
}

static void
op_map(struct worker *w)
{
	struct slot *s;
	int i;

	if ((s = pick(w, 0)) == NULL)
		return;
	s->npages = 1 + (int)(next_rand(w) % MAXPAGES);
	s->addr = mmap(NULL, (size_t)s->npages * PAGE, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANON, -1, 0);
	if (s->addr == MAP_FAILED) {
		s->addr = NULL;
		w->syserrors++;
		return;
	}
	for (i = 0; i < s->npages; i++) {
		s->gen[i] = 0;
		check_page(w, s, i);		/* fresh memory is zeros */
		write_page(w, s, i, 1);
	}
	w->maps++;
}

static void
op_unmap(struct worker *w)
{
	struct slot *s;

	if ((s = pick(w, 1)) == NULL)
		return;
	check_slot(w, s);
	if (s->npages > 1 && next_rand(w) % 4 == 0) {
		/* Only the first page: the entry is clipped. */
		if (munmap(s->addr, PAGE) != 0)
			w->syserrors++;
		s->addr += PAGE;
		s->npages--;
		memmove(&s->gen[0], &s->gen[1], s->npages * sizeof(s->gen[0]));
		/* The pages keep their values: re-label them as page - 1. */
		for (int i = 0; i < s->npages; i++)
			write_page(w, s, i, s->gen[i] + 1);
	} else {
		if (munmap(s->addr, (size_t)s->npages * PAGE) != 0)
			w->syserrors++;
		s->addr = NULL;
	}
	w->unmaps++;
}

static void
op_fixed(struct worker *w)
{
	struct slot *s;
	int i;

	if ((s = pick(w, 1)) == NULL)
		return;
	check_slot(w, s);
	if (mmap(s->addr, (size_t)s->npages * PAGE, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANON | MAP_FIXED, -1, 0) != s->addr) {
		w->syserrors++;
		s->addr = NULL;		/* lost: the runner's check tells */
		return;
	}
	for (i = 0; i < s->npages; i++) {
		s->gen[i] = 0;
		check_page(w, s, i);		/* replaced: zeros again */
		write_page(w, s, i, 1);
	}
	w->fixed++;
}

static void
op_touch(struct worker *w)
{
	struct slot *s;
	int page;

	if ((s = pick(w, 1)) == NULL)
		return;
	page = (int)(next_rand(w) % (unsigned int)s->npages);
	check_page(w, s, page);
	write_page(w, s, page, s->gen[page] + 1);
	w->touches++;
}

static struct worker workers[NTHREADS];

/* SIGSEGV: only expected in the thread that wrote a read-only page. */
static void
on_segv(int sig)
{
	pthread_t self = pthread_self();
	int i;

	(void)sig;
	for (i = 0; i < NTHREADS; i++)
		if (pthread_equal(workers[i].thread, self) &&
		    workers[i].expect_fault)
			siglongjmp(workers[i].jb, 1);
	_exit(3);		/* a fault nobody expected */
}

/*
 * One page of a mapping read-only: it still reads what it held, and
 * now and then a write to it must fault; then read-write again.
 */
static void
op_protect(struct worker *w)
{
	struct slot *s;
	char *page;
	int i;

	if ((s = pick(w, 1)) == NULL)
		return;
	i = (int)(next_rand(w) % (unsigned int)s->npages);
	page = s->addr + i * PAGE;
	if (mprotect(page, PAGE, PROT_READ) != 0) {
		w->syserrors++;
		return;
	}
	check_page(w, s, i);
	if (next_rand(w) % 4 == 0) {
		w->expect_fault = 1;
		if (sigsetjmp(w->jb, 1) == 0) {
			*(volatile char *)(page + 8) = 1;
			w->errors++;	/* it did not fault */
		} else
			w->faults++;
		w->expect_fault = 0;
	}
	if (mprotect(page, PAGE, PROT_READ | PROT_WRITE) != 0)
		w->syserrors++;
	check_page(w, s, i);
	w->protects++;
}

static void *
work(void *arg)
{
	struct worker *w = arg;
	unsigned int r;
	int i;

	for (i = 0; i < NOPS; i++) {
		r = next_rand(w) % 100;
		if (r < 30)
			op_map(w);
		else if (r < 50)
			op_unmap(w);
		else if (r < 55)
			op_fixed(w);
		else if (r < 60)
			op_protect(w);
		else
			op_touch(w);
		w->ops++;
	}
	for (i = 0; i < NSLOTS; i++)
		if (w->slots[i].addr != NULL) {
			check_slot(w, &w->slots[i]);
			if (munmap(w->slots[i].addr,
			    (size_t)w->slots[i].npages * PAGE) != 0)
				w->syserrors++;
		}
	return (NULL);
}

int
main(void)
{
	long ops = 0, errors = 0, syserrors = 0, maps = 0, unmaps = 0;
	long fixed = 0, touches = 0, protects = 0, faults = 0;
	struct sigaction sa;
	int i, created = 0;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_segv;
	sigaction(SIGSEGV, &sa, NULL);

	for (i = 0; i < NTHREADS; i++) {
		workers[i].index = i;
		workers[i].rng = 0x9e3779b9u * (unsigned int)(i + 1);
		if (pthread_create(&workers[i].thread, NULL, work,
		    &workers[i]) == 0)
			created++;
	}
	for (i = 0; i < created; i++)
		pthread_join(workers[i].thread, NULL);
	for (i = 0; i < NTHREADS; i++) {
		ops += workers[i].ops;
		errors += workers[i].errors;
		syserrors += workers[i].syserrors;
		maps += workers[i].maps;
		unmaps += workers[i].unmaps;
		fixed += workers[i].fixed;
		touches += workers[i].touches;
		protects += workers[i].protects;
		faults += workers[i].faults;
	}
	printf("# %ld operations: %ld mmap, %ld munmap, %ld MAP_FIXED, "
	    "%ld mprotect (%ld writes faulted), %ld touches\n", ops, maps,
	    unmaps, fixed, protects, faults, touches);
	ok(created == NTHREADS, "8 threads share one address space");
	ok(ops == (long)NTHREADS * NOPS, "100,000 random mmap/munmap/"
	    "MAP_FIXED/mprotect/touch operations ran");
	ok(syserrors == 0, "every mmap, munmap and mprotect succeeded");
	ok(protects > 0 && faults > 0, "writes to read-only pages faulted, "
	    "each in its own thread (SIGSEGV to the writer)");
	ok(errors == 0, "every page read held what its thread last wrote "
	    "(zeros when fresh)");
	printf("1..%d\n", ntest);
	return (nfailed == 0 ? 0 : 1);
}
