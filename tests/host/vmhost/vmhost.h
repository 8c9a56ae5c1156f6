/*
 * vmhost.h - the host tests' pretend machine (see vmhost.c): pretend
 * RAM, a pretend kernel VA arena, and the boot of the VM over them.
 */
#ifndef _TESTS_HOST_VMHOST_H_
#define _TESTS_HOST_VMHOST_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <vm/vm.h>

/*
 * vmhost_phys_alloc: reserve `bytes` of pretend physical memory at 0
 * (zero-filled; untouched pages cost nothing).
 */
void	vmhost_phys_alloc(size_t bytes);

/*
 * vmhost_boot: a whole small machine: `bytes` of RAM in one segment
 * (page 0 left out, so that physical address 0 is never a page), the
 * page array, pmap_init (the kernel VA arena), kmem_init and
 * malloc_init.  What is left for a test to start is the machine-
 * independent VM above them (vm_radix_zinit, vm_object_init,
 * vm_map_zinit...).  Once per program.
 */
void	vmhost_boot(size_t bytes);

/*
 * vmhost_fork_child: call first thing in a child process of fork(2)
 * that will use the VM: the pretend RAM is shared memory (so that kernel
 * mappings can alias it), and this gives the child its own copy, so
 * that the parent's VM stays as it was.
 */
void	vmhost_fork_child(void);

/* The pretend kernel VA arena (pmap_fake.c calls these). */
void	vmhost_kva_init(void);
void	vmhost_kva_map(vm_offset_t va, vm_paddr_t pa);
void	vmhost_kva_unmap(vm_offset_t va);
/* vmhost_is_dmap: is `va` inside the pretend RAM's direct map? */
bool	vmhost_is_dmap(vm_offset_t va);
/* vmhost_kva_real: does a kernel mapping make the page visible at its VA? */
bool	vmhost_kva_real(void);

/*
 * vmhost_limits: proc0's (curthread's process's) soft RLIMIT_STACK and
 * RLIMIT_AS, which stack growth reads; INT64_MAX is RLIM_INFINITY.
 * vmhost_curvmspace: make `vm` (or NULL) that process's address space,
 * whose main stack RLIMIT_STACK bounds.  (synch_host.c)
 */
struct vmspace;
void	vmhost_limits(int64_t stack, int64_t vmem);
/* vmhost_memlock: proc0's soft RLIMIT_MEMLOCK (MCL_FUTURE checks it). */
void	vmhost_memlock(int64_t memlock);
void	vmhost_curvmspace(struct vmspace *vm);
/*
 * vmhost_signal_pending: from now on tsleep with PCATCH returns `error`
 * (EINTR, ERESTART) at once, as a pending signal makes the kernel's do;
 * 0: no signal.  Sleeps without PCATCH are not affected.
 */
void	vmhost_signal_pending(int error);
/*
 * vmhost_killed: mark proc0 killed (P_KILLED: SIGKILL posted) or not:
 * the fault path then allocates with class SYSTEM, and PKILL sleeps
 * return EINTR at once.
 */
void	vmhost_killed(bool killed);
/* vmhost_pid: proc0's pid (1: it is init for the fault path, R80). */
void	vmhost_pid(int pid);

#endif
