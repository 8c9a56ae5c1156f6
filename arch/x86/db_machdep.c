/*
 * db_machdep.c - what the debugger needs to know about the x86: where
 * a switched-out thread's frame is, and how to reset the machine.
 */
#include <kernel/systm.h>
#include <kernel/machdep.h>
#include <kernel/proc.h>
#include <kernel/ddb/ddb.h>
#include <vm/vm.h>
#include <vm/pmap.h>
#include <machine/pte.h>
#include <machine/vmparam.h>
#include <x86/cpufunc.h>

/*
 * cpu_switch (arch/<ARCH>/swtch.asm) leaves on the thread's stack, from
 * td_sp up: the callee-saved registers, the frame pointer last pushed
 * (so just below the return address), and the return address into
 * mi_switch or the first function.
 */
#ifdef __x86_64__
#define SWITCH_FP_SLOT	5	/* r15 r14 r13 r12 rbx rbp, ret */
#else
#define SWITCH_FP_SLOT	3	/* edi esi ebx ebp, ret */
#endif

/* db_md_switch_frame: see ddb.h. */
bool
db_md_switch_frame(const struct thread *td, uintptr_t *pcp, uintptr_t *fpp)
{
	const uintptr_t *sp = (const uintptr_t *)td->td_sp;

	if (!db_kaddr_ok(sp, (SWITCH_FP_SLOT + 2) * sizeof(uintptr_t)))
		return (false);
	*fpp = sp[SWITCH_FP_SLOT];
	*pcp = sp[SWITCH_FP_SLOT + 1];
	return (true);
}

#define KBC_STATUS	0x64
#define KBC_CMD_RESET	0xfe	/* pulse the CPU's reset line */
#define RST_CNT		0xcf9	/* the chipset's reset control */

/* cpu_reset: see ddb.h. */
void
cpu_reset(void)
{
	int i;

	disable_intr();
	/* The keyboard controller, when its input buffer is empty. */
	for (i = 0; i < 100000 && (inb(KBC_STATUS) & 0x02) != 0; i++)
		;
	outb(KBC_STATUS, KBC_CMD_RESET);
	for (i = 0; i < 1000000; i++)
		cpu_pause();
	/* A full reset through the PCI reset control register. */
	outb(RST_CNT, 0x02);
	outb(RST_CNT, 0x06);
	for (i = 0; i < 1000000; i++)
		cpu_pause();
	printf("reset failed; halted\n");
	cpu_halt_forever();
}

/*
 * A pmap's top table and how many of its entries map user space: the
 * PML4's lower half on amd64, the PDPT's slots below the kernel's GiB
 * on i386 (PAE).
 */
#ifdef __x86_64__
#define DB_TOP(pm)	((pm)->pm_pml4)
#define DB_TOP_USER	NUPML4E
#else
#define DB_TOP(pm)	((pt_entry_t *)(pm)->pm_pdpt)
#define DB_TOP_USER	KPDPTI
#endif

/* The page-table pages under `table` (a level-`level` table), itself too. */
static long
db_ptpages(const pt_entry_t *table, int level, int nent)
{
	const pt_entry_t *next;
	pt_entry_t e;
	long n = 1;
	int i;

	if (level == 1 || !db_kaddr_ok(table, nent * sizeof(*table)))
		return (1);
	for (i = 0; i < nent; i++) {
		e = table[i];
		if ((e & PG_V) == 0 || (level < PT_LEVELS && (e & PG_PS) != 0))
			continue;
		next = (const pt_entry_t *)PHYS_TO_DMAP(e & PG_FRAME);
		n += db_ptpages(next, level - 1, NPTEPG);
	}
	return (n);
}

/* db_md_pmap_ptpages: see ddb.h. */
long
db_md_pmap_ptpages(struct pmap *pmap)
{
	if (DB_TOP(pmap) == NULL)
		return (0);
	return (db_ptpages(DB_TOP(pmap), PT_LEVELS, DB_TOP_USER));
}
