/*
 * vmstat.c - the page counts: managed, free, wired, and wired pages by
 * the reason they are wired (vm.stats.vm.* through sysctl), in pages
 * and KiB.
 */
#include <stdio.h>
#include <sys/sysctl.h>
#include <unistd.h>

static const char *const counters[][2] = {
	{ "vm.stats.vm.v_page_count", "managed" },
	{ "vm.stats.vm.v_free_count", "free" },
	{ "vm.stats.vm.v_wire_count", "wired" },
	{ "vm.stats.vm.v_wire_kmem", "  kernel memory" },
	{ "vm.stats.vm.v_wire_pagetable", "  page tables" },
	{ "vm.stats.vm.v_wire_kstack", "  kernel stacks" },
	{ "vm.stats.vm.v_wire_user", "  user (mlock)" },
	{ "vm.stats.vm.v_wire_system", "  system (vslock)" },
	/* Not RAM, not in "wired": device memory mapped (fake pages). */
	{ "vm.stats.vm.v_wire_device", "device (fake)" },
};

int
main(void)
{
	unsigned long v, kib = (unsigned long)getpagesize() / 1024;
	size_t len;
	unsigned i;
	int status = 0;

	printf("%-20s %10s %12s\n", "pages", "count", "KiB");
	for (i = 0; i < sizeof(counters) / sizeof(counters[0]); i++) {
		len = sizeof(v);
		if (sysctlbyname(counters[i][0], &v, &len, NULL, 0) != 0) {
			perror(counters[i][0]);
			status = 1;
			continue;
		}
		printf("%-20s %10lu %12lu\n", counters[i][1], v, v * kib);
	}
	return (status);
}
