/*
 * machdep.c - i386 machine-dependent boot pieces: the GDT, TSS and IDT,
 * trap frame printing, and early mappings before the pmap exists: the
 * direct window for what the final one will cover, else 2 MiB uncached
 * pages in the device window below the top of the address space.
 */
#include <kernel/systm.h>
#include <kernel/bootinfo.h>
#include <kernel/machdep.h>
#include <machine/frame.h>
#include <machine/param.h>
#include <vm/vm.h>
#include <vm/pmap.h>
#include <x86/cpufunc.h>
#include <x86/segments.h>
#include <machine/segments.h>
#include <x86/x86_var.h>

#define GSEL_TSS	0x18	/* the others are in machine/segments.h */

#define LEGACY_END	0x100000ULL	/* BIOS data, VGA memory, ROMs */

struct tss32 {
	uint32_t	link;
	uint32_t	esp0, ss0, esp1, ss1, esp2, ss2;
	uint32_t	cr3, eip, eflags;
	uint32_t	eax, ecx, edx, ebx, esp, ebp, esi, edi;
	uint32_t	es, cs, ss, ds, fs, gs, ldt;
	uint16_t	trap, iomap_base;
} __packed;

struct gate32 {
	uint16_t	offset_lo;
	uint16_t	selector;
	uint8_t		zero;
	uint8_t		type_attr;
	uint16_t	offset_hi;
} __packed;

struct descptr {
	uint16_t	limit;
	uint32_t	base;
} __packed;


static uint64_t gdt[7] __aligned(16);
static struct gate32 idt[256] __aligned(16);
static struct tss32 tss;
static uintptr_t devwin_next = DEVWIN_EARLY_BASE;
vm_paddr_t i386_early_direct_used;

/* A 4 GiB segment (limit 0xfffff pages) at `base`. */
static uint64_t
seg_desc_base(uint8_t access, uint32_t base)
{
	return (0x0000ffffULL | 0x000f0000ULL << 32 | (uint64_t)access << 40 |
	    0xcULL << 52 |		/* 4 KiB granularity, 32-bit */
	    (uint64_t)(base & 0xffffff) << 16 | (uint64_t)(base >> 24) << 56);
}

/* A flat 4 GiB segment: base 0. */
static uint64_t
seg_desc(uint8_t access)
{
	return (seg_desc_base(access, 0));
}

/*
 * i386_set_ugs_base: the base of GSEL_UGS, the user %gs segment (TLS);
 * a %gs loaded after this (the next return to user mode) uses it.
 * Interrupts off.
 */
void
i386_set_ugs_base(unsigned int base)
{
	gdt[GSEL_UGS / 8] = seg_desc_base(0xf2, base);
}

void
cpu_init_tables(void)
{
	struct descptr gdtr, idtr;
	int vec;

	gdt[0] = 0;
	gdt[GSEL_KCODE / 8] = seg_desc(0x9a);	/* code, ring 0 */
	gdt[GSEL_KDATA / 8] = seg_desc(0x92);	/* data, writable */
	gdt[GSEL_UCODE / 8] = seg_desc(0xfa);	/* code, ring 3 */
	gdt[GSEL_UDATA / 8] = seg_desc(0xf2);	/* data, ring 3 */
	gdt[GSEL_UGS / 8] = seg_desc(0xf2);	/* TLS data, ring 3 */
	tss.ss0 = GSEL_KDATA;
	tss.esp0 = (uintptr_t)boot_kstack_top;
	tss.iomap_base = sizeof(tss);
	gdt[GSEL_TSS / 8] = tss_desc_low((uintptr_t)&tss, sizeof(tss) - 1);

	gdtr.limit = sizeof(gdt) - 1;
	gdtr.base = (uintptr_t)gdt;
	__asm__ volatile(
	    "lgdt %0\n\t"
	    "ljmp %1, $1f\n"
	    "1:\n\t"
	    "movw %w2, %%ax\n\t"
	    "movw %%ax, %%ds\n\t"
	    "movw %%ax, %%es\n\t"
	    "movw %%ax, %%fs\n\t"
	    "movw %%ax, %%gs\n\t"
	    "movw %%ax, %%ss\n\t"
	    "ltr %w3"
	    : : "m"(gdtr), "i"(GSEL_KCODE), "i"(GSEL_KDATA), "r"(GSEL_TSS)
	    : "eax", "memory");

	for (vec = 0; vec < 256; vec++) {
		struct gate32 *g = &idt[vec];

		g->offset_lo = vector_table[vec] & 0xffff;
		g->selector = GSEL_KCODE;
		g->zero = 0;
		g->type_attr = 0x8e;	/* present, ring 0, interrupt gate */
		g->offset_hi = vector_table[vec] >> 16;
	}
	/* System calls (int $0x80), int3 and into may come from ring 3. */
	idt[T_SYSCALL].type_attr = 0xee;
	idt[T_BPTFLT].type_attr = 0xee;
	idt[T_OFLOW].type_attr = 0xee;
	idtr.limit = sizeof(idt) - 1;
	idtr.base = (uintptr_t)idt;
	__asm__ volatile("lidt %0" : : "m"(idtr));
}

/*
 * x86_set_kstack: the kernel stack the CPU switches to when user mode
 * is interrupted or makes a system call (TSS esp0).  Interrupts off.
 */
void
x86_set_kstack(uintptr_t top)
{
	tss.esp0 = top;
}

void
trapframe_print(const struct trapframe *tf)
{
	/* From kernel mode the CPU pushed no esp: it was just above eflags. */
	uint32_t esp = TF_USERMODE(tf) ? tf->tf_esp : (uintptr_t)&tf->tf_esp;

	printf("eip %08x  cs %04x  eflags %08x  err %x\n",
	    tf->tf_eip, tf->tf_cs, tf->tf_eflags, tf->tf_err);
	printf("esp %08x  cr2 %08lx  cr3 %08lx\n", esp, rcr2(), rcr3());
	printf("eax %08x  ebx %08x  ecx %08x  edx %08x\n",
	    tf->tf_eax, tf->tf_ebx, tf->tf_ecx, tf->tf_edx);
	printf("esi %08x  edi %08x  ebp %08x\n",
	    tf->tf_esi, tf->tf_edi, tf->tf_ebp);
	printf("ds %04x  es %04x  fs %04x  gs %04x\n",
	    tf->tf_ds, tf->tf_es, tf->tf_fs, tf->tf_gs);
}

/* i386_direct_window_end (machine/pmap.h): from bootinfo; no locks. */
vm_paddr_t
i386_direct_window_end(void)
{
	const struct bi_memrange *r;
	vm_paddr_t end = LEGACY_END;
	int i;

	if (bootinfo.nmemranges == 0)
		return (0);
	for (i = 0; i < bootinfo.nmemranges; i++) {
		r = &bootinfo.memranges[i];
		if (r->type == BI_MEM_AVAILABLE && r->base + r->length > end)
			end = r->base + r->length;
	}
	if (end > VM_DIRECT_MAX_PA)
		end = VM_DIRECT_MAX_PA;
	return (end & ~(vm_paddr_t)PAGE_MASK);
}

/*
 * Will the final direct window map [pa, pa + len)?  Before the memory
 * map is known, the only thing mapped is the boot information itself,
 * which the loader put in usable RAM, hence inside the final window if
 * it is below VM_DIRECT_MAX_PA; pmap_bootstrap() checks that.
 */
static bool
in_final_direct_window(uint64_t pa, size_t len)
{
	vm_paddr_t end;

	end = i386_direct_window_end();
	if (end == 0)
		end = VM_DIRECT_MAX_PA;
	return (pa < end && len <= end - pa);
}

/*
 * Addresses handed out here stay valid for good: pmap_bootstrap() maps
 * the final direct window over every range this sends there, and copies
 * the device window's PDEs.  After pmap_bootstrap() the kernel's PDEs
 * are fixed, so no new device-window page may be made: use
 * pmap_mapdev_attr() then.  The entries go into locore's directory of
 * the kernel's GiB (boot_kpd), which nothing else reads or writes yet,
 * hence plain stores.
 */
void *
pmap_mapdev_early(uint64_t pa, size_t len)
{
	uint64_t first, last, chunk;
	uintptr_t va;
	pd_entry_t *pd = (pd_entry_t *)((uintptr_t)boot_kpd + KERNBASE);

	KASSERT(kernel_pmap->pm_pdpt == NULL,
	    ("pmap_mapdev_early(%#llx) after pmap_bootstrap",
	    (unsigned long long)pa));
	if (len == 0)
		len = 1;
	if (in_final_direct_window(pa, len)) {
		if (pa + len > i386_early_direct_used)
			i386_early_direct_used = pa + len;
		return ((void *)(uintptr_t)(KERNBASE + pa));
	}
	if (pa >= VM_PHYS_MAX_PA || len > VM_PHYS_MAX_PA - pa)
		return (NULL);	/* the kernel maps 32-bit physical addresses */
	first = pa & ~(uint64_t)PDRMASK;
	last = (pa + len - 1) & ~(uint64_t)PDRMASK;
	if ((last - first) / NBPDR + 1 > (DEVWIN_EARLY_END - devwin_next) / NBPDR)
		return (NULL);
	va = devwin_next;
	/*
	 * These PDEs were not present, and the CPU caches no translation
	 * from a non-present entry, so there is nothing to invalidate.
	 */
	for (chunk = first; chunk <= last; chunk += NBPDR) {
		pd[pdei(devwin_next)] = (pd_entry_t)chunk | PG_V | PG_RW |
		    PG_PS | PG_PCD;
		devwin_next += NBPDR;
	}
	return ((void *)(va + (uintptr_t)(pa - first)));
}
