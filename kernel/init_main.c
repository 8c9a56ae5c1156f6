/*
 * init_main.c - the machine-independent part of boot: what the kernel
 * does once the machine is set up (consoles, traps, clock).
 *
 * Report what the loader gave us, start the VM, the scheduler, the
 * clocks and the initrd, then do what the command line asks (crash on
 * purpose, power off, run the self tests) or start init (pid 1): the
 * program named by init=, else /sbin/init.
 *
 * test=kernel runs the kernel's self tests (kernel/kern_ktest.c);
 * test=user starts /sbin/init as "init -t [utest=WORD]", which runs
 * the user test programs (user/sbin/init_test.c) and exits with their
 * result.  Either way the machine then switches off with a status.
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
#include <kernel/mount.h>
#include <kernel/sched.h>
#include <kernel/sharedpage.h>
#include <kernel/time.h>
#include <kernel/exec.h>
#include <kernel/proc.h>
#include <vm/vm_init.h>
#include <vm/vm_pageout.h>

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

/*
 * init's path and arguments: init=PATH on the command line, or
 * /sbin/init (with -t and a filter under test=user).
 */
static char *init_argv[4];

/*
 * The first process's first act, in the kernel: become init (pid 1).
 * Without it there is nothing for the system to do: panic, as BSD does.
 */
static void
start_init(void *arg)
{
	int error;

	(void)arg;
	error = kern_execve(curthread, init_argv[0], init_argv, NULL, false);
	if (error != 0)
		panic("start_init: cannot exec %s (error %d)", init_argv[0],
		    error);
}

/*
 * Start init and wait for it: it ends only when its work is done
 * (init -c, or a program named by init=); the machine is then switched
 * off with a status that says whether it exited 0.
 */
static void __dead2
run_init(void)
{
	const char *path = init_argv[0];
	int error, pid, xstat;

	if ((error = proc_spawn_kernel(start_init, NULL, "init",
	    &initproc)) != 0)
		panic("run_init: no process for init (error %d)", error);
	printf("init: starting %s as pid %d\n", path, initproc->p_pid);
	error = kern_wait4(curthread, initproc->p_pid, &xstat, 0, &pid);
	if (error != 0)
		panic("run_init: waiting for init: error %d", error);
	initproc = NULL;
	printf("init exited with status %#x: switching off\n", xstat);
	cpu_poweroff(xstat == 0 ? SHUTDOWN_OK : SHUTDOWN_FAIL);
}

void
mi_startup(void)
{
	const char *test, *crash, *init;

	print_bootinfo(&bootinfo);
	vm_mem_init();
	sched_init();
	vm_pageout_init();
	shared_page_init();
	tc_init();
	initrd_attach();
	vfs_mountroot();

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
		if (strcmp(test, "user") != 0) {
			printf("test=%s: unknown test suite (known: kernel, "
			    "user)\n", test);
			cpu_poweroff(SHUTDOWN_FAIL);
		}
	}
	init = kern_getenv("init");
	init_argv[0] = (char *)(init != NULL ? init : "/sbin/init");
	if (test != NULL) {
		/* test=user: init's test runner, on these tests. */
		init_argv[1] = "-t";
		init_argv[2] = (char *)kern_getenv("utest");
	}
	if (initrd_lookup(init_argv[0]) != NULL)
		run_init();
	if (test != NULL) {
		printf("test=user: no %s in the initrd\n", init_argv[0]);
		cpu_poweroff(SHUTDOWN_FAIL);
	}
	printf("No %s in the initrd: nothing to run. Idling (in QEMU, "
	    "Ctrl-A X quits).\n", init_argv[0]);
	for (;;)
		cpu_idle();
}
