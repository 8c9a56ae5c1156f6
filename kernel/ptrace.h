/*
 * ptrace.h - a debugger's access to another process's memory
 * (kernel/sys_process.c).  There is no ptrace(2) yet; today the users
 * are the debug.proc_poke sysctl (root) and the kernel's self tests,
 * later DDB and ptrace.
 */
#ifndef _KERNEL_PTRACE_H_
#define _KERNEL_PTRACE_H_

#include <vm/vm.h>

struct proc;
struct vmspace;

/*
 * proc_rwmem_vm: read (writing false) or write `len` bytes between the
 * kernel buffer `buf` and the user address `va` of address space `vm`,
 * a page at a time, each page faulted in on behalf of the space's
 * owner.  A write is a debugger's (VM_PROT_COPY): into a read-only
 * private mapping it goes to the entry's own copy of the page (the
 * file or the backing object never changes; in a wired entry the
 * wiring moves to the copy, R52), into a read-only shared mapping only
 * if it may ever be writable.  Returns 0, or EFAULT (unmapped, not
 * readable, a shared mapping that can never be written, a fault that
 * failed; what was done before stays).  Thread context, map unlocked;
 * may sleep.  `buf` must be kernel memory.
 */
int	proc_rwmem_vm(struct vmspace *vm, vm_offset_t va, void *buf,
	    size_t len, bool writing);

/*
 * proc_rwmem: the same for process `p`'s address space, which it holds
 * a reference to for the duration.  ESRCH if `p` has none (a kernel
 * process, or one exiting).  The caller decided that it may.
 */
int	proc_rwmem(struct proc *p, vm_offset_t va, void *buf, size_t len,
	    bool writing);

#endif /* !_KERNEL_PTRACE_H_ */
