/*
 * test_user.c - user mode on the real machine: small programs
 * (tests/kernel/user/uprog_<ARCH>.asm) run in their own address space
 * and make system calls: write to the console, getpid, exit; a bad or
 * kernel pointer gives EFAULT; an unknown call ENOSYS; stack pages
 * fault in as they are touched; a store to a kernel address or to
 * read-only text and an invalid opcode end the process with SIGSEGV or
 * SIGILL (the default action while there are no signal handlers).
 * After each program every page, page table, stack and structure it
 * had is given back.  The C test programs (tests/user/) run under init's
 * test runner instead (test=user, docs/testing.md), which reaps their
 * orphans as init must and checks the same counts.
 */
#include <sys/errno.h>
#include <sys/signal.h>
#include <sys/_wait.h>
#include <kernel/systm.h>
#include <kernel/ktest.h>
#include <kernel/clock.h>
#include <kernel/initrd.h>
#include <kernel/machdep.h>
#include <kernel/proc.h>
#include <kernel/sched.h>
#include <kernel/sleep.h>
#include <vm/vm.h>
#include <vm/vm_page.h>
#include <vm/vm_map.h>
#include <vm/vmmeter.h>
#include <vm/pmap.h>
#include <machine/vmparam.h>
#include <x86/cpufunc.h>

#define UTEXT		0x400000UL	/* where uprog_<ARCH>.asm is linked */
#define USTACK_TOP	0x10000000UL
#define USTACK_PAGES	8

extern const char uprog_start[], uprog_end[];

/* The programs, in the order of the table at the start of the image. */
enum uprog { HELLO, EFAULT_PTR, KERNEL_WRITE, STACK_TOUCH, BADSYS,
	ILLEGAL, TEXT_WRITE, KERNEL_PTR, FORK_WAIT, MMAP_PRIVATE, MMAP_SHARED,
	USE_AFTER_MUNMAP, MMAP_BAD, WAIT_NOCHILD, EXEC_OK, EXEC_NOENT, EXEC_DIR,
	EXEC_NOTELF, EXEC_NOEXEC, EXEC_BADPTR, EXEC_HELLO, FPU_FORK, FPU_CLEAN };

static vm_offset_t
uprog_entry(enum uprog which)
{
	if (sizeof(void *) == 8)
		return (((const uint64_t *)uprog_start)[which]);
	return (((const uint32_t *)uprog_start)[which]);
}

/* An address space with the image at UTEXT (read, execute) and a stack. */
static struct vmspace *
uprog_vmspace(void)
{
	size_t len = uprog_end - uprog_start;
	vm_size_t tsize = round_page(len);
	struct vmspace *vm;
	unsigned long s;
	vm_offset_t va;
	int rv, error;

	vm = vmspace_alloc(VM_MIN_USER_ADDRESS, VM_MAX_USER_ADDRESS);
	if (vm == NULL)
		return (NULL);
	vm_map_lock(&vm->vm_map);
	rv = vm_map_insert(&vm->vm_map, NULL, 0, UTEXT, UTEXT + tsize,
	    VM_PROT_RW, VM_PROT_ALL, 0);
	if (rv == KERN_SUCCESS)
		rv = vm_map_insert(&vm->vm_map, NULL, 0,
		    USTACK_TOP - ptoa(USTACK_PAGES), USTACK_TOP, VM_PROT_RW,
		    VM_PROT_ALL, 0);
	vm_map_unlock(&vm->vm_map);
	for (va = UTEXT; rv == KERN_SUCCESS && va < UTEXT + tsize;
	    va += PAGE_SIZE)
		rv = vm_fault(&vm->vm_map, va, VM_PROT_WRITE, VM_FAULT_NORMAL);
	if (rv != KERN_SUCCESS) {
		vmspace_free(vm);
		return (NULL);
	}
	/*
	 * Through its own page tables and copyout (SMAP); no switch may
	 * come in between.
	 */
	s = intr_disable();
	pmap_activate(vmspace_pmap(vm));
	error = copyout(uprog_start, (void *)UTEXT, len);
	pmap_activate(kernel_pmap);
	intr_restore(s);
	if (error != 0 || vm_map_protect(&vm->vm_map, UTEXT, UTEXT + tsize,
	    VM_PROT_READ | VM_PROT_EXECUTE, false) != KERN_SUCCESS) {
		vmspace_free(vm);
		return (NULL);
	}
	return (vm);
}

struct counts {
	u_long	free, kstack, pgtable, kmem;
};

/*
 * The counts a program must give back, with the empty slabs uma keeps
 * for reuse set apart (v_cache_kmem), as the user test runner does.
 */
static struct counts
counts_now(void)
{
	return ((struct counts){ vm_cnt.v_free_count + vm_cnt.v_cache_kmem,
	    vm_cnt.v_wire_by_reason[VM_WIRE_KSTACK],
	    vm_cnt.v_wire_by_reason[VM_WIRE_PGTABLE],
	    vm_cnt.v_wire_by_reason[VM_WIRE_KMEM] - vm_cnt.v_cache_kmem });
}

/*
 * Run program `which` to its end; its exit status (W_EXITCODE), or -1
 * if it could not start.  *pidp gets its pid.
 */
static int
uprog_run(enum uprog which, int *pidp)
{
	struct vmspace *vm;
	struct proc *p;
	int pid, xstat;

	if ((vm = uprog_vmspace()) == NULL)
		return (-1);
	if (proc_spawn(vm, uprog_entry(which), USTACK_TOP, "uprog", &p) !=
	    0) {
		vmspace_free(vm);
		return (-1);
	}
	*pidp = p->p_pid;
	/* The test runs in proc0, the new process's parent. */
	if (kern_wait4(curthread, *pidp, &xstat, 0, &pid) != 0 ||
	    pid != *pidp)
		return (-1);
	sched_yield();		/* the switch after its exit reaps its thread */
	return (xstat);
}

/*
 * Run `which`, check its status and that everything came back.  It
 * runs twice and the second run is measured: the first may leave zones
 * and malloc buckets (processes, threads, address spaces, descriptor
 * tables, exec's buffers) with the slabs its peak needed, and those
 * stay (caches, not leaks); a leak shows again the second time.
 */
static void
uprog_expect(enum uprog which, int want, const char *what)
{
	struct counts base, now;
	int pid = 0, xstat;

	(void)uprog_run(which, &pid);
	base = counts_now();
	xstat = uprog_run(which, &pid);
	if (want < 0)
		want = W_EXITCODE(pid & 0xff, 0);
	KT_CHECK(xstat == want, "%s: status %#x, want %#x", what, xstat,
	    want);
	now = counts_now();
	KT_CHECK(now.free == base.free && now.kstack == base.kstack &&
	    now.pgtable == base.pgtable && now.kmem == base.kmem,
	    "%s: free %lu/%lu kstack %lu/%lu pagetable %lu/%lu kmem %lu/%lu",
	    what, now.free, base.free, now.kstack, base.kstack, now.pgtable,
	    base.pgtable, now.kmem, base.kmem);
}

KTEST(user_write_getpid_exit)
{
	uprog_expect(HELLO, -1, "hello");
}

KTEST(user_bad_pointer_gives_efault)
{
	uprog_expect(EFAULT_PTR, W_EXITCODE(EFAULT, 0), "unmapped pointer");
	uprog_expect(KERNEL_PTR, W_EXITCODE(EFAULT, 0), "kernel pointer");
}

KTEST(user_unknown_syscall_gives_enosys)
{
	uprog_expect(BADSYS, W_EXITCODE(ENOSYS, 0), "syscall 999");
}

KTEST(user_stack_pages_fault_in)
{
	uprog_expect(STACK_TOUCH, W_EXITCODE(42, 0), "24 KiB of pushes");
}

KTEST(r65_user_write_to_kernel_address_is_sigsegv)
{
	uprog_expect(KERNEL_WRITE, W_EXITCODE(0, SIGSEGV), "kernel write");
}

KTEST(r66_user_write_to_read_only_text_is_sigsegv)
{
	uprog_expect(TEXT_WRITE, W_EXITCODE(0, SIGSEGV), "text write");
}

KTEST(user_invalid_opcode_is_sigill)
{
	uprog_expect(ILLEGAL, W_EXITCODE(0, SIGILL), "ud2");
}

KTEST(user_fork_and_wait4)
{
	uprog_expect(FORK_WAIT, W_EXITCODE(0, 0), "fork + wait4");
	uprog_expect(WAIT_NOCHILD, W_EXITCODE(ECHILD, 0), "wait4, no child");
}

KTEST(r49_mmap_private_is_copied_at_fork)
{
	uprog_expect(MMAP_PRIVATE, W_EXITCODE(5, 0), "private mapping");
}

KTEST(r50_mmap_shared_stays_shared_at_fork)
{
	uprog_expect(MMAP_SHARED, W_EXITCODE(5 + 37, 0), "shared mapping");
}

KTEST(user_munmap_then_touch_is_sigsegv)
{
	uprog_expect(USE_AFTER_MUNMAP, W_EXITCODE(0, SIGSEGV), "munmap");
	uprog_expect(MMAP_BAD, W_EXITCODE(EINVAL, 0), "mmap length 0");
}

/*
 * execve of /ktest/bin/exectest (in the self tests' initrd, made by
 * scripts/test-all) with argv and envp: the new program checks its
 * stack and exits 94.  The failures leave the old program running,
 * which exits with the errno value.
 */
KTEST(user_execve_runs_a_program_from_the_initrd)
{
	if (initrd_lookup("/ktest/bin/exectest") == NULL) {
		printf("# no /ktest/bin/exectest: the initrd of make test "
		    "has it\n");
		return;
	}
	uprog_expect(EXEC_OK, W_EXITCODE(94, 0), "exec exectest");
}

KTEST(user_execve_failures_keep_the_old_program)
{
	if (initrd_lookup("/ktest/bin/exectest") == NULL) {
		printf("# no /ktest/bin/exectest: the initrd of make test "
		    "has it\n");
		return;
	}
	uprog_expect(EXEC_NOENT, W_EXITCODE(ENOENT, 0), "missing file");
	uprog_expect(EXEC_DIR, W_EXITCODE(EACCES, 0), "a directory");
	uprog_expect(EXEC_NOTELF, W_EXITCODE(ENOEXEC, 0), "not ELF");
	uprog_expect(EXEC_NOEXEC, W_EXITCODE(EACCES, 0), "no execute bit");
	uprog_expect(EXEC_BADPTR, W_EXITCODE(EFAULT, 0), "bad path pointer");
}

/*
 * A C program on libc (user/bin/hello.c: crt0, stdio, exit), execed
 * with arguments: it prints them and exits 0.
 */
KTEST(user_execve_a_libc_program)
{
	if (initrd_lookup("/ktest/bin/hello") == NULL) {
		printf("# no /ktest/bin/hello: the initrd of make test has "
		    "it\n");
		return;
	}
	uprog_expect(EXEC_HELLO, W_EXITCODE(0, 0), "exec hello");
}

/*
 * x87/SSE registers are per thread (arch/x86/fpu.c): a forked child
 * starts with its parent's, and parent and child each keep their own
 * across preemptions while the other runs with different values (the
 * programs spin until preempted: up to two time slices); then a new
 * process starts clean, although the last ones left values behind.
 */
KTEST(user_fpu_registers_are_per_thread)
{
	uint32_t regs[4];

	do_cpuid(1, regs);
	if ((regs[3] & (1U << 26)) == 0) {
		printf("# no SSE2 on this CPU: the test programs need it\n");
		return;
	}
	uprog_expect(FPU_FORK, W_EXITCODE(0, 0), "fpu: fork, preemption");
	uprog_expect(FPU_CLEAN, W_EXITCODE(0, 0), "fpu: clean start");
}
