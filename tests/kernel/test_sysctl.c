/*
 * test_sysctl.c - sysctl by name: the VM counters read back as they
 * are, sizes are reported, a short buffer is ENOMEM, unknown names
 * ENOENT.
 */
#include <sys/errno.h>
#include <kernel/systm.h>
#include <kernel/ktest.h>
#include <kernel/sysctl.h>
#include <vm/vm.h>
#include <vm/vm_page.h>
#include <vm/vmmeter.h>

KTEST(sysctl_vm_counters_by_name)
{
	unsigned long v = 0;
	size_t len = sizeof(v);

	KT_CHECK(kernel_sysctlbyname("vm.stats.vm.v_wire_kstack", &v, &len)
	    == 0 && len == sizeof(v) &&
	    v == vm_cnt.v_wire_by_reason[VM_WIRE_KSTACK], "kstack %lu", v);
	len = sizeof(v);
	KT_CHECK(kernel_sysctlbyname("vm.stats.vm.v_page_count", &v, &len)
	    == 0 && v == vm_cnt.v_page_count);
}

KTEST(sysctl_sizes_and_errors)
{
	char buf[8];
	size_t len = 0;
	int hz;

	KT_CHECK(kernel_sysctlbyname("kern.ostype", NULL, &len) == 0 &&
	    len == 5, "kern.ostype is %zu bytes", len);
	len = 2;
	KT_CHECK(kernel_sysctlbyname("kern.ostype", buf, &len) == ENOMEM);
	len = sizeof(buf);
	KT_CHECK(kernel_sysctlbyname("kern.ostype", buf, &len) == 0 &&
	    strcmp(buf, "Vise") == 0);
	len = sizeof(hz);
	KT_CHECK(kernel_sysctlbyname("kern.hz", &hz, &len) == 0 && hz == 100);
	len = sizeof(buf);
	KT_CHECK(kernel_sysctlbyname("no.such.name", buf, &len) == ENOENT);
}
