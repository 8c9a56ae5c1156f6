/*
 * test_boot.c - what the boot loader handed over was understood: the
 * multiboot2 information of this very boot, parsed at boot, and the
 * command line options; the kernel's symbol table is present.
 */
#include <kernel/systm.h>
#include <kernel/bootinfo.h>
#include <kernel/cmdline.h>
#include <kernel/ksyms.h>
#include <kernel/ktest.h>
#include <machine/param.h>

extern const char _text[];

KTEST(mb2_memory_map_covers_kernel)
{
	uint64_t kpa = KERNLOAD;
	int i, found = 0;

	KT_REQUIRE(bootinfo.nmemranges > 0, "no memory map");
	for (i = 0; i < bootinfo.nmemranges; i++) {
		const struct bi_memrange *r = &bootinfo.memranges[i];

		if (r->type == BI_MEM_AVAILABLE && r->base <= kpa &&
		    kpa - r->base < r->length)
			found = 1;
	}
	KT_CHECK(found, "no available range holds the kernel at %#llx",
	    (unsigned long long)kpa);
}

KTEST(mb2_loader_and_cmdline)
{
	KT_CHECK(strstr(bootinfo.loader_name, "GRUB") != NULL,
	    "loader \"%s\"", bootinfo.loader_name);
	KT_CHECK(strstr(bootinfo.cmdline, "test=kernel") != NULL,
	    "cmdline \"%s\"", bootinfo.cmdline);
	KT_CHECK(bootinfo.mbi_end > bootinfo.mbi_start);
}

KTEST(mb2_has_screen_and_acpi)
{
	KT_CHECK(bootinfo.fb.type != BI_FB_NONE, "no screen information");
	KT_CHECK(bootinfo.rsdp_len >= 20, "RSDP copy of %d bytes",
	    bootinfo.rsdp_len);
}

KTEST(cmdline_options)
{
	const char *v = kern_getenv("test");

	KT_CHECK(v != NULL && strcmp(v, "kernel") == 0, "test=%s",
	    v ? v : "(absent)");
	KT_CHECK(kern_getenv("no-such-option") == NULL);
}

KTEST(ksyms_names_functions)
{
	const char *name;
	uintptr_t offset = ~(uintptr_t)0;

	KT_REQUIRE(ksyms_count() > 0, "empty symbol table");
	name = ksyms_lookup((uintptr_t)ksyms_lookup + 3, &offset);
	KT_CHECK(name != NULL && strcmp(name, "ksyms_lookup") == 0,
	    "got %s", name ? name : "(null)");
	KT_CHECK(offset == 3, "offset %lu", (unsigned long)offset);
	KT_CHECK(ksyms_lookup((uintptr_t)_text - 1, &offset) == NULL);
}
