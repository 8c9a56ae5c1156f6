/*
 * vm_oom_select.c - the OOM killer's choice of victim and of the name
 * for what ran out (vm_pageout.h), kept pure so that the host tests it
 * with tables of pretend processes (tests/host/test_vm_oom_select.c).
 */
#include <stdbool.h>
#include <vm/vm_pageout.h>

const char *const vm_oom_memory_names[3] = {
	[VM_OOM_PAGEABLE] = "pageable",
	[VM_OOM_USER_WIRED] = "user-wired",
	[VM_OOM_KERNEL_WIRED] = "system/kernel-wired",
};

bool
vm_oom_eligible(const struct vm_oom_cand *c)
{
	return ((c->flags & (VM_OOM_C_INIT | VM_OOM_C_SYSTEM |
	    VM_OOM_C_PROTECTED | VM_OOM_C_KILLED | VM_OOM_C_EXITING)) == 0 &&
	    c->resident > 0);
}

void
vm_oom_consider(struct vm_oom_best *best, const struct vm_oom_cand *c)
{
	if (!vm_oom_eligible(c))
		return;
	if (best->found && c->resident < best->best.resident)
		return;
	best->best = *c;
	best->found = true;
}

enum vm_oom_memory
vm_oom_memory_kind(unsigned long pageable, unsigned long user_wired,
    unsigned long kernel_wired)
{
	if (user_wired >= pageable && user_wired >= kernel_wired)
		return (VM_OOM_USER_WIRED);
	if (kernel_wired >= pageable)
		return (VM_OOM_KERNEL_WIRED);
	return (VM_OOM_PAGEABLE);
}
