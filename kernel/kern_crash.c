/*
 * kern_crash.c - deliberate crashes for testing the panic path
 * (command line crash=badptr|ud|kassert|hang|unwire).  Each crash is a separate,
 * non-inlined function so the backtrace has a name to show.
 */
#include <kernel/systm.h>
#include <kernel/crash.h>
#include <kernel/machdep.h>
#include <vm/vm.h>
#include <vm/vm_page.h>
#include <vm/pmap.h>

/*
 * An address no kernel mapping covers (the first page is never mapped);
 * a variable, so the compiler cannot see the bad access coming.
 */
static volatile uintptr_t crash_bad_address = 0x10;
static volatile int crash_sink;

static void __attribute__((__noinline__))
crash_badptr(void)
{
	volatile int *bad = (volatile int *)crash_bad_address;

	printf("crash: writing through bad pointer %p\n", (void *)bad);
	*bad = 1;
	crash_sink++;
}

static void __attribute__((__noinline__))
crash_ud(void)
{
	printf("crash: executing an invalid opcode\n");
	__asm__ volatile("ud2");
	crash_sink++;
}

static void __attribute__((__noinline__))
crash_hang(void)
{
	printf("crash: hanging with interrupts off\n");
	cpu_halt_forever();
}

static void __attribute__((__noinline__))
crash_kassert(void)
{
	printf("crash: failing an assertion\n");
	KASSERT(crash_sink < 0, ("crash_sink is %d", crash_sink));
	panic("crash=kassert needs a kernel built with INVARIANTS");
}

/*
 * SEMANTICS I-PM1: unwiring a valid mapping that is not wired means the
 * VM's books and the page tables disagree; the pmap must panic.
 */
static void __attribute__((__noinline__))
crash_unwire(void)
{
	static struct pmap pmap;
	vm_offset_t va = 0x400000;
	vm_page_t m;

	if (pmap_pinit(&pmap) != 0 ||
	    (m = vm_page_alloc_noobj(VM_ALLOC_NORMAL)) == NULL ||
	    pmap_enter(&pmap, va, m, VM_PROT_READ, 0) != KERN_SUCCESS)
		panic("crash=unwire: could not set up the mapping");
	printf("crash: unwiring a mapping that is not wired\n");
	pmap_unwire(&pmap, va, va + PAGE_SIZE);
	panic("crash=unwire: pmap_unwire accepted an unwired mapping");
}

void
crash_now(const char *how)
{
	if (strcmp(how, "badptr") == 0)
		crash_badptr();
	else if (strcmp(how, "ud") == 0)
		crash_ud();
	else if (strcmp(how, "kassert") == 0)
		crash_kassert();
	else if (strcmp(how, "hang") == 0)
		crash_hang();
	else if (strcmp(how, "unwire") == 0)
		crash_unwire();
	else
		printf("crash=%s: unknown (known: badptr, ud, kassert, hang, "
		    "unwire)\n", how);
}
