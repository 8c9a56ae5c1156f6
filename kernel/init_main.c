/*
 * init_main.c - the machine-independent part of boot: what the kernel
 * does once the machine is set up (consoles, traps, clock).
 *
 * For now: report what the loader gave us, then do what the command
 * line asks (crash on purpose, power off, run the self tests) or idle.
 */
#include <kernel/systm.h>
#include <kernel/bootinfo.h>
#include <kernel/cmdline.h>
#include <kernel/machdep.h>
#include <kernel/shutdown.h>
#include <kernel/ktest.h>
#include <kernel/crash.h>
#include <kernel/init.h>
#include <kernel/initrd.h>
#include <kernel/sched.h>
#include <kernel/time.h>
#include <vm/vm_init.h>

struct bootinfo bootinfo;

static const char *const memrange_names[] = {
	[BI_MEM_AVAILABLE] = "available",
	[BI_MEM_RESERVED] = "reserved",
	[BI_MEM_ACPI] = "ACPI reclaimable",
	[BI_MEM_NVS] = "ACPI NVS",
	[BI_MEM_BAD] = "bad",
};

static void
print_bootinfo(const struct bootinfo *bi)
{
	uint64_t avail = 0;
	int i;

	printf("boot loader: %s\n", bi->loader_name[0] ? bi->loader_name : "?");
	printf("command line: %s\n", bi->cmdline);
	printf("memory map:\n");
	for (i = 0; i < bi->nmemranges; i++) {
		const struct bi_memrange *r = &bi->memranges[i];
		uint32_t t = r->type;

		printf("  %#014llx - %#014llx  %s\n",
		    (unsigned long long)r->base,
		    (unsigned long long)(r->base + r->length - 1),
		    t < nitems(memrange_names) && memrange_names[t] != NULL ?
		    memrange_names[t] : "unknown");
		if (t == BI_MEM_AVAILABLE)
			avail += r->length;
	}
	printf("memory: %llu KiB available\n", (unsigned long long)avail / 1024);
	for (i = 0; i < bi->nmodules; i++)
		printf("module %d: %#llx - %#llx %s\n", i,
		    (unsigned long long)bi->modules[i].start,
		    (unsigned long long)bi->modules[i].end,
		    bi->modules[i].cmdline);
	if (bi->fb.type == BI_FB_RGB)
		printf("framebuffer: %ux%u, %u bpp at %#llx\n", bi->fb.width,
		    bi->fb.height, bi->fb.bpp, (unsigned long long)bi->fb.addr);
	else if (bi->fb.type == BI_FB_EGA_TEXT)
		printf("text console: %ux%u\n", bi->fb.width, bi->fb.height);
	if (bi->ntruncated > 0)
		printf("warning: %u boot information items did not fit\n",
		    bi->ntruncated);
}

void
mi_startup(void)
{
	const char *test, *crash;

	print_bootinfo(&bootinfo);
	vm_mem_init();
	sched_init();
	tc_init();
	initrd_attach();

	crash = kern_getenv("crash");
	if (crash != NULL)
		crash_now(crash);

	if (kern_getenv("poweroff") != NULL) {
		printf("poweroff: switching off as asked\n");
		cpu_poweroff(SHUTDOWN_OK);
	}

	test = kern_getenv("test");
	if (test != NULL) {
		if (strcmp(test, "kernel") == 0)
			cpu_poweroff(ktest_run_all(kern_getenv("ktest")) == 0 ?
			    SHUTDOWN_OK : SHUTDOWN_FAIL);
		printf("test=%s: unknown test suite (known: kernel)\n", test);
		cpu_poweroff(SHUTDOWN_FAIL);
	}
	printf("No init to run yet (/sbin/init and the shell are next). "
	    "Idling (in QEMU, Ctrl-A X quits).\n");
	for (;;)
		cpu_idle();
}
