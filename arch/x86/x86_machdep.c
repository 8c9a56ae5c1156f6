/*
 * x86_machdep.c - the boot sequence shared by i386 and amd64, from the
 * first C instruction to mi_startup(), and the small machine services
 * of kernel/machdep.h.
 */
#include <kernel/systm.h>
#include <kernel/bootinfo.h>
#include <kernel/clock.h>
#include <kernel/cmdline.h>
#include <kernel/ksyms.h>
#include <kernel/machdep.h>
#include <kernel/init.h>
#include <boot/multiboot2.h>
#include <machine/param.h>
#include <x86/cpufunc.h>
#include <x86/console.h>
#include <x86/acpi.h>
#include <x86/fpu.h>
#include <x86/smap.h>
#include <x86/x86_var.h>

#ifdef __x86_64__
#define ARCH_NAME	"amd64"
#else
#define ARCH_NAME	"i386"
#endif

uint64_t
cpu_ticks(void)
{
	return (rdtsc());
}

void
cpu_disable_intr(void)
{
	disable_intr();
}

void
cpu_enable_intr(void)
{
	enable_intr();
}

unsigned long
intr_disable(void)
{
	unsigned long flags;

	flags = read_flags();
	disable_intr();
	return (flags);
}

void
intr_restore(unsigned long saved)
{
	if (saved & PSL_I)
		enable_intr();
}

void
cpu_idle(void)
{
	enable_intr_and_halt();
}

void
cpu_halt_forever(void)
{
	for (;;) {
		disable_intr();
		halt();
	}
}

void
cpu_poweroff(int status)
{
	disable_intr();
	debug_exit(status);
	printf("powering off (status %d)\n", status);
	acpi_poweroff();
	printf("power-off failed; halted. It is safe to switch off now.\n");
	cpu_halt_forever();
}

/* Map the loader's information block and decode it into bootinfo. */
static void
bootinfo_init(uint32_t magic, uint32_t mbi_pa)
{
	const struct mb2_info_header *hdr;
	uint32_t total;

	if (magic != MB2_BOOTLOADER_MAGIC)
		panic("not booted by a multiboot2 loader (magic %#x)", magic);
	hdr = pmap_mapdev_early(mbi_pa, sizeof(*hdr));
	if (hdr == NULL)
		panic("cannot map the boot information at %#x", mbi_pa);
	total = hdr->total_size;
	hdr = pmap_mapdev_early(mbi_pa, total);
	if (hdr == NULL)
		panic("cannot map %u bytes of boot information", total);
	if (mb2_parse(hdr, total, &bootinfo) != 0)
		panic("multiboot2 information at %#x: %s (tag type %u at "
		    "offset %u)", mbi_pa, bootinfo.parse_error,
		    bootinfo.parse_error_tag, bootinfo.parse_error_offset);
	bootinfo.mbi_start = mbi_pa;
	bootinfo.mbi_end = (uint64_t)mbi_pa + total;
}

/* The screen: VGA text mode under BIOS, a framebuffer under UEFI. */
static void
screen_cons_init(void)
{
	const struct bi_framebuffer *fb = &bootinfo.fb;
	void *va;

	if (fb->type == BI_FB_NONE)
		return;
	va = pmap_mapdev_early(fb->addr, (size_t)fb->pitch * fb->height);
	if (va == NULL) {
		printf("screen at %#llx cannot be mapped; serial only\n",
		    (unsigned long long)fb->addr);
		return;
	}
	if (fb->type == BI_FB_EGA_TEXT)
		vgatext_cons_attach(va, fb->width, fb->height);
	else
		fbcons_attach(fb, va);
}

void
x86_boot(uint32_t magic, uint32_t mbi_pa)
{
	uint64_t boot_insns;

	uart_cons_attach();
	bootinfo_init(magic, mbi_pa);
	cmdline_init(bootinfo.cmdline);

	/*
	 * Under QEMU with -icount shift=0 the TSC counts guest
	 * instructions, so this is the boot cost in instructions; on a
	 * real PC it is CPU cycles.
	 */
	boot_insns = cpu_ticks() - boot_tsc;
	printf("Vise (" ARCH_NAME ") booting: %llu TSC ticks since the "
	    "boot loader's hand-over\n", (unsigned long long)boot_insns);
	/* The screen gets the banner too: the console layer replays it. */
	screen_cons_init();
	atkbd_cons_attach();

	cpu_init_tables();
	fpu_init();
	smap_init();
	i8259_init();
	i8254_init(HZ);
	enable_intr();
	printf("kernel symbols: %u\n", ksyms_count());
	acpi_init();
	mi_startup();
	panic("mi_startup returned");
}
