/*
 * machdep.c - amd64 machine-dependent boot pieces: the GDT, TSS and IDT,
 * trap frame printing, and early device mappings through the direct map.
 */
#include <kernel/systm.h>
#include <kernel/machdep.h>
#include <machine/frame.h>
#include <machine/param.h>
#include <x86/cpufunc.h>
#include <x86/segments.h>
#include <machine/segments.h>
#include <x86/x86_var.h>

/*
 * The GDT.  syscall/sysret fix the order: sysret takes the user code
 * selector as STAR[63:48] + 16 and the user stack's as STAR[63:48] + 8,
 * so the 32-bit user code, user data and 64-bit user code descriptors
 * follow each other (machine/segments.h has the selectors).
 */
#define GSEL_TSS	0x30	/* a 64-bit TSS descriptor takes two slots */

#define IST_DOUBLEFAULT	1

struct tss64 {
	uint32_t	reserved0;
	uint64_t	rsp[3];
	uint64_t	reserved1;
	uint64_t	ist[7];
	uint64_t	reserved2;
	uint16_t	reserved3;
	uint16_t	iomap_base;
} __packed;

struct gate64 {
	uint16_t	offset_lo;
	uint16_t	selector;
	uint8_t		ist;
	uint8_t		type_attr;
	uint16_t	offset_mid;
	uint32_t	offset_hi;
	uint32_t	reserved;
} __packed;

struct descptr {
	uint16_t	limit;
	uint64_t	base;
} __packed;

static uint64_t gdt[8] __aligned(16);
static struct gate64 idt[256] __aligned(16);
static struct tss64 tss __aligned(16);
/* A separate stack for double faults, so a kernel stack overflow still prints. */
static uint8_t doublefault_stack[4096] __aligned(16);

static void
gdt_set_tss(int slot, uintptr_t base, uint32_t limit)
{
	gdt[slot] = tss_desc_low(base, limit);
	gdt[slot + 1] = (uint64_t)base >> 32;
}

static void
idt_set_gate(int vec, uintptr_t handler, int ist)
{
	struct gate64 *g = &idt[vec];

	g->offset_lo = handler & 0xffff;
	g->selector = GSEL_KCODE;
	g->ist = ist;
	g->type_attr = 0x8e;	/* present, ring 0, 64-bit interrupt gate */
	g->offset_mid = handler >> 16 & 0xffff;
	g->offset_hi = handler >> 32;
	g->reserved = 0;
}

void
cpu_init_tables(void)
{
	struct descptr gdtr, idtr;
	int vec;

	gdt[0] = 0;
	gdt[GSEL_KCODE / 8] = 0x00209a0000000000ULL;	/* 64-bit code, ring 0 */
	gdt[GSEL_KDATA / 8] = 0x0000920000000000ULL;	/* data, writable */
	gdt[GSEL_UCODE32 / 8] = 0x00cffa000000ffffULL;	/* 32-bit code, ring 3 */
	gdt[GSEL_UDATA / 8] = 0x0000f20000000000ULL;	/* data, ring 3 */
	gdt[GSEL_UCODE / 8] = 0x0020fa0000000000ULL;	/* 64-bit code, ring 3 */
	tss.ist[IST_DOUBLEFAULT - 1] =
	    (uintptr_t)doublefault_stack + sizeof(doublefault_stack);
	tss.iomap_base = sizeof(tss);
	gdt_set_tss(GSEL_TSS / 8, (uintptr_t)&tss, sizeof(tss) - 1);

	gdtr.limit = sizeof(gdt) - 1;
	gdtr.base = (uintptr_t)gdt;
	__asm__ volatile(
	    "lgdt %0\n\t"
	    "pushq %1\n\t"
	    "leaq 1f(%%rip), %%rax\n\t"
	    "pushq %%rax\n\t"
	    "lretq\n"
	    "1:\n\t"
	    "movw %w2, %%ax\n\t"
	    "movw %%ax, %%ds\n\t"
	    "movw %%ax, %%es\n\t"
	    "movw %%ax, %%ss\n\t"
	    "ltr %w3"
	    : : "m"(gdtr), "i"(GSEL_KCODE), "i"(GSEL_KDATA), "r"(GSEL_TSS)
	    : "rax", "memory");

	for (vec = 0; vec < 256; vec++)
		idt_set_gate(vec, vector_table[vec],
		    vec == T_DOUBLEFLT ? IST_DOUBLEFAULT : 0);
	/* int3 and into may come from user mode (SIGTRAP, SIGSEGV). */
	idt[T_BPTFLT].type_attr = 0xee;
	idt[T_OFLOW].type_attr = 0xee;
	idtr.limit = sizeof(idt) - 1;
	idtr.base = (uintptr_t)idt;
	__asm__ volatile("lidt %0" : : "m"(idtr));

	/*
	 * System calls: syscall enters at syscall_entry (vector.asm) with
	 * the kernel's selectors and interrupts masked; sysret returns
	 * with the user's.
	 */
	wrmsr(MSR_STAR, (uint64_t)GSEL_KCODE << 32 |
	    (uint64_t)(GSEL_UCODE32 | SEL_UPL) << 48);
	wrmsr(MSR_LSTAR, (uintptr_t)syscall_entry);
	wrmsr(MSR_SFMASK, PSL_I | PSL_T | PSL_D | PSL_AC);
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SCE);
}

/* Where syscall_entry finds the kernel stack (one CPU: one variable). */
uintptr_t syscall_kstack_top;

/*
 * x86_set_kstack: the kernel stack the CPU switches to when user mode
 * is interrupted (TSS rsp0) or makes a system call.  Interrupts off.
 */
void
x86_set_kstack(uintptr_t top)
{
	tss.rsp[0] = top;
	syscall_kstack_top = top;
}

void
trapframe_print(const struct trapframe *tf)
{
	printf("rip %016lx  cs %04lx  rflags %08lx  err %lx\n",
	    tf->tf_rip, tf->tf_cs, tf->tf_rflags, tf->tf_err);
	printf("rsp %016lx  ss %04lx  cr2 %016lx  cr3 %016lx\n",
	    tf->tf_rsp, tf->tf_ss, rcr2(), rcr3());
	printf("rax %016lx  rbx %016lx  rcx %016lx\n",
	    tf->tf_rax, tf->tf_rbx, tf->tf_rcx);
	printf("rdx %016lx  rsi %016lx  rdi %016lx\n",
	    tf->tf_rdx, tf->tf_rsi, tf->tf_rdi);
	printf("rbp %016lx  r8  %016lx  r9  %016lx\n",
	    tf->tf_rbp, tf->tf_r8, tf->tf_r9);
	printf("r10 %016lx  r11 %016lx  r12 %016lx\n",
	    tf->tf_r10, tf->tf_r11, tf->tf_r12);
	printf("r13 %016lx  r14 %016lx  r15 %016lx\n",
	    tf->tf_r13, tf->tf_r14, tf->tf_r15);
}

/*
 * The first 4 GiB of physical memory are at DMAP_BASE from locore on;
 * pmap_bootstrap() rebuilds the direct map at the same address and at
 * least as large, so what this returned before stays valid after.
 */
void *
pmap_mapdev_early(uint64_t pa, size_t len)
{
	if (pa >= DMAP_EARLY_SIZE || len > DMAP_EARLY_SIZE - pa)
		return (NULL);
	return ((void *)(DMAP_BASE + pa));
}
