/*
 * fault_test.c - what a program that does something wrong gets from
 * the CPU and the kernel (issue 5; SEMANTICS R65, R66): each case runs
 * in a child of its own with a SA_SIGINFO handler that sends the
 * siginfo (signal, si_code, si_addr) back through a pipe, and the
 * parent checks it:
 *
 *	store/load at an unmapped address	SIGSEGV SEGV_MAPERR, the address
 *	store to read-only data or text		SIGSEGV SEGV_ACCERR
 *	store/load/jump to a kernel address	SIGSEGV SEGV_MAPERR (R65)
 *	execute data (NX)			SIGSEGV SEGV_ACCERR
 *	ud2					SIGILL ILL_ILLOPC
 *	divide by zero				SIGFPE FPE_INTDIV
 *	int3					SIGTRAP TRAP_BRKPT
 *	a privileged instruction (#GP)		SIGBUS BUS_OBJERR (FreeBSD's)
 *
 * and that a kernel pointer given to a system call is EFAULT while the
 * process (and the kernel) carry on.  Prints TAP; exits 0 only if every
 * result passed.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define PAGE	4096

static int results, failures;

/* Print one TAP result. */
static void
ok(int cond, const char *name)
{
	printf("%sok %d - %s\n", cond ? "" : "not ", ++results, name);
	if (!cond)
		failures++;
}

/*
 * A result that cannot hold on this machine yet (todo: why): printed
 * with TAP's "# SKIP" directive, so the reason shows in every run.
 */
static void
ok_todo(int cond, const char *name, const char *todo)
{
	if (cond || todo == NULL) {
		ok(cond, name);
		return;
	}
	printf("ok %d - %s # SKIP %s\n", ++results, name, todo);
}

/* An address in the kernel's part of the address space. */
static void *
kernel_addr(void)
{
	return ((void *)(unsigned long)(sizeof(void *) == 8 ?
	    (unsigned long)0xffffffff80000000ULL : (unsigned long)0xc0000000UL));
}

/* The first address above user space (VM_MAX_USER_ADDRESS). */
static unsigned long
user_top(void)
{
	return (sizeof(void *) == 8 ? (unsigned long)0x00007ffffffff000ULL :
	    (unsigned long)0xbfc00000UL);
}

/*
 * Small routines in assembly, so that the address of the instruction
 * that traps is known (si_addr is the instruction's address for these,
 * the address after it for int3, which is a trap: execution goes on
 * there).  eax, ecx and edx are the caller's to lose on both ARCHes.
 */
void	do_ud2(void);
void	do_int3(void);
void	do_int3_after(void);
void	do_div0(void);
void	do_div0_insn(void);
void	do_divov(void);
void	do_divov_insn(void);
void	do_hlt(void);
__asm__(
    "	.text\n"
    "	.globl	do_ud2\n"
    "do_ud2:\n"
    "	ud2\n"
    "	.globl	do_int3, do_int3_after\n"
    "do_int3:\n"
    "	int3\n"
    "do_int3_after:\n"
    "	ret\n"
    "	.globl	do_div0, do_div0_insn\n"
    "do_div0:\n"
    "	xorl	%ecx, %ecx\n"
    "	movl	$1, %eax\n"
    "	xorl	%edx, %edx\n"
    "do_div0_insn:\n"
    "	divl	%ecx\n"
    "	ret\n"
    "	.globl	do_divov, do_divov_insn\n"
    "do_divov:\n"
    "	movl	$0x80000000, %eax\n"
    "	cltd\n"
    "	movl	$-1, %ecx\n"
    "do_divov_insn:\n"
    "	idivl	%ecx\n"
    "	ret\n"
    "	.globl	do_hlt\n"
    "do_hlt:\n"
    "	hlt\n"
    "	ret\n");

/* What a child reports: the signal its handler got, or 0 if none. */
struct report {
	int	signo;
	int	code;
	void	*addr;
};

static int report_fd = -1;

/* The children's handler: report the siginfo and end the child. */
static void
on_fault(int sig, siginfo_t *si, void *uc)
{
	struct report r = { sig, si->si_code, si->si_addr };

	(void)uc;
	(void)write(report_fd, &r, sizeof(r));
	_exit(0);
}

/* The int3 case's handler reports, then returns: int3 is a trap. */
static void
on_trap_return(int sig, siginfo_t *si, void *uc)
{
	struct report r = { sig, si->si_code, si->si_addr };

	(void)uc;
	(void)write(report_fd, &r, sizeof(r));
}

static void
catch(int sig, void (*fn)(int, siginfo_t *, void *))
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = fn;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

/* How a case's child ended. */
struct outcome {
	struct report r;	/* what the handler saw (signo 0: nothing) */
	int	reported;	/* whether a report came */
	int	status;		/* the child's wait status */
};

/*
 * Run `fn(arg)` in a child that catches the fault signals; a child
 * whose fn returns reports signal 0.  With `handlers` 0 nothing is
 * caught (the default actions).
 */
static struct outcome
run(void (*fn)(void *), void *arg, int handlers)
{
	static const int sigs[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP };
	struct outcome o;
	struct report none = { 0, 0, NULL };
	unsigned i;
	int p[2];
	pid_t pid;

	memset(&o, 0, sizeof(o));
	o.status = -1;
	if (pipe(p) != 0)
		return (o);
	fflush(stdout);
	if ((pid = fork()) == 0) {
		close(p[0]);
		report_fd = p[1];
		for (i = 0; handlers && i < sizeof(sigs) / sizeof(sigs[0]); i++)
			catch(sigs[i], on_fault);
		fn(arg);
		(void)write(report_fd, &none, sizeof(none));
		_exit(0);
	}
	close(p[1]);
	if (pid > 0) {
		o.reported = read(p[0], &o.r, sizeof(o.r)) == sizeof(o.r);
		waitpid(pid, &o.status, 0);
	}
	close(p[0]);
	return (o);
}

/*
 * The case passed if the handler saw exactly sig, code and addr (NULL:
 * any address).  todo: see ok_todo.
 */
static void
expect_todo(struct outcome o, int sig, int code, void *addr,
    const char *name, const char *todo)
{
	int good = o.reported && o.r.signo == sig && o.r.code == code &&
	    (addr == NULL || o.r.addr == addr) && WIFEXITED(o.status) &&
	    WEXITSTATUS(o.status) == 0;

	ok_todo(good, name, todo);
	if (good)
		return;
	if (o.reported)
		printf("# got signal %d code %d addr %p; want %d %d %p\n",
		    o.r.signo, o.r.code, o.r.addr, sig, code, addr);
	else
		printf("# no report; wait status %#x\n", o.status);
}

static void
expect(struct outcome o, int sig, int code, void *addr, const char *name)
{
	expect_todo(o, sig, code, addr, name, NULL);
}

/* The case passed if the child was killed by `sig`. */
static void
expect_killed(struct outcome o, int sig, const char *name)
{
	ok(!o.reported && WIFSIGNALED(o.status) && WTERMSIG(o.status) == sig,
	    name);
	if (o.reported)
		printf("# the child reported signal %d code %d\n", o.r.signo,
		    o.r.code);
}

/* The cases' bodies: each does one wrong thing with `arg`. */

static void
store_at(void *arg)
{
	*(volatile int *)arg = 1;
}

static void
load_at(void *arg)
{
	(void)*(volatile int *)arg;
}

static void
call_at(void *arg)
{
	((void (*)(void))arg)();
}

/* A store to page 16 bytes into page 0, which is never mapped. */
static void
t_store_unmapped(void)
{
	expect(run(store_at, (void *)16, 1), SIGSEGV, SEGV_MAPERR, (void *)16,
	    "R66 store to an unmapped address: SIGSEGV SEGV_MAPERR at it");
}

/* A load from a page that was mapped and is no longer. */
static void
t_load_unmapped(void)
{
	char *p = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANON, -1, 0);

	if (p == MAP_FAILED || munmap(p + PAGE, PAGE) != 0) {
		ok(0, "R66 load from an unmapped page: mmap/munmap");
		return;
	}
	expect(run(load_at, p + PAGE + 8, 1), SIGSEGV, SEGV_MAPERR,
	    p + PAGE + 8,
	    "R66 load from a page munmap removed: SIGSEGV SEGV_MAPERR at it");
	munmap(p, PAGE);
}

static const char literal[] = "read-only";

/* A string literal is in the read-only data segment (r--). */
static void
t_store_rodata(void)
{
	expect(run(store_at, (void *)literal, 1), SIGSEGV, SEGV_ACCERR,
	    (void *)literal,
	    "R66 store to read-only data: SIGSEGV SEGV_ACCERR at it");
}

/* Program text is r-x. */
static void
t_store_text(void)
{
	void *text = (void *)(unsigned long)do_ud2;

	expect(run(store_at, text, 1), SIGSEGV, SEGV_ACCERR, text,
	    "R66 store to program text: SIGSEGV SEGV_ACCERR at it");
}

/* A PROT_READ mapping refuses stores, PROT_NONE everything. */
static void
t_prot_mappings(void)
{
	char *r = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANON, -1, 0);
	char *n = mmap(NULL, PAGE, PROT_NONE, MAP_PRIVATE | MAP_ANON, -1, 0);

	if (r == MAP_FAILED || n == MAP_FAILED) {
		ok(0, "R66 PROT_READ and PROT_NONE mappings: mmap");
		return;
	}
	expect(run(store_at, r + 4, 1), SIGSEGV, SEGV_ACCERR, r + 4,
	    "R66 store to a PROT_READ mapping: SIGSEGV SEGV_ACCERR at it");
	expect(run(load_at, n + 4, 1), SIGSEGV, SEGV_ACCERR, n + 4,
	    "R66 load from a PROT_NONE mapping: SIGSEGV SEGV_ACCERR at it");
	munmap(r, PAGE);
	munmap(n, PAGE);
}

/*
 * The kernel's addresses are mapped, but not for user mode: to a
 * program they are as good as unmapped (R65: SEGV_MAPERR).
 */
static void
t_kernel_addresses(void)
{
	void *k = kernel_addr();

	expect(run(store_at, k, 1), SIGSEGV, SEGV_MAPERR, k,
	    "R65 store to a kernel address: SIGSEGV SEGV_MAPERR at it");
	expect(run(load_at, k, 1), SIGSEGV, SEGV_MAPERR, k,
	    "R65 load from a kernel address: SIGSEGV SEGV_MAPERR at it");
	expect(run(call_at, k, 1), SIGSEGV, SEGV_MAPERR, k,
	    "R65 jump to a kernel address: SIGSEGV SEGV_MAPERR at it");
}

/*
 * Execute data: the child writes a return instruction (0xc3) into
 * data memory and calls it.  Executed, it would just come back (the
 * child then reports signal 0); the data segment, the stack and a
 * PROT_READ|PROT_WRITE mapping must refuse the instruction fetch
 * instead.  amd64 has the NX bit for this.  i386 without PAE has no NX
 * bit: a fetch from a page that is mapped already is allowed by the
 * MMU, so there it is skipped until the i386 pmap uses PAE (a code
 * segment limit).
 */
static unsigned char data_code[16];

static void
exec_written(void *arg)
{
	volatile unsigned char *code = arg;

	code[0] = 0xc3;
	call_at((void *)code);
}

/* The buffer stays live until after the call (no tail call). */
static void
exec_stack(void *arg)
{
	volatile unsigned char code[16];

	(void)arg;
	exec_written((void *)code);
	code[1] = 0;
}

/* The SKIP reason for an execute-data case that ran the data. */
static const char *
exec_todo(struct outcome o)
{
	if (sizeof(void *) == 4 && o.reported && o.r.signo == 0)
		return ("i386 has no NX until its pmap uses PAE");
	return (NULL);
}

static void
t_exec_data(void)
{
	struct outcome o;
	unsigned char *m;

	o = run(exec_written, data_code, 1);
	expect_todo(o, SIGSEGV, SEGV_ACCERR, data_code,
	    "execute the data segment: SIGSEGV SEGV_ACCERR at it",
	    exec_todo(o));
	o = run(exec_stack, NULL, 1);
	expect_todo(o, SIGSEGV, SEGV_ACCERR, NULL,
	    "execute the stack: SIGSEGV SEGV_ACCERR", exec_todo(o));
	m = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANON,
	    -1, 0);
	if (m == MAP_FAILED) {
		ok(0, "execute a PROT_READ|PROT_WRITE mapping: mmap");
		return;
	}
	o = run(exec_written, m, 1);
	expect_todo(o, SIGSEGV, SEGV_ACCERR, m,
	    "execute a PROT_READ|PROT_WRITE mapping: SIGSEGV SEGV_ACCERR at "
	    "it", exec_todo(o));
	munmap(m, PAGE);
}

/* ...while PROT_EXEC memory runs: the same bytes, allowed. */
static void
t_exec_allowed(void)
{
	unsigned char *m = mmap(NULL, PAGE, PROT_READ | PROT_WRITE |
	    PROT_EXEC, MAP_PRIVATE | MAP_ANON, -1, 0);
	struct outcome o;

	if (m == MAP_FAILED) {
		ok(0, "execute a PROT_EXEC mapping: mmap");
		return;
	}
	o = run(exec_written, m, 1);
	ok(o.reported && o.r.signo == 0 && WIFEXITED(o.status),
	    "execute a PROT_EXEC mapping: it runs");
	munmap(m, PAGE);
}

static void
t_ud2(void)
{
	expect(run(call_at, (void *)(unsigned long)do_ud2, 1), SIGILL,
	    ILL_ILLOPC, (void *)(unsigned long)do_ud2,
	    "ud2: SIGILL ILL_ILLOPC at the instruction");
}

static void
t_divide(void)
{
	expect(run(call_at, (void *)(unsigned long)do_div0, 1), SIGFPE,
	    FPE_INTDIV, (void *)(unsigned long)do_div0_insn,
	    "divide by zero: SIGFPE FPE_INTDIV at the instruction");
	expect(run(call_at, (void *)(unsigned long)do_divov, 1), SIGFPE,
	    FPE_INTDIV, (void *)(unsigned long)do_divov_insn,
	    "INT_MIN / -1 (#DE too): SIGFPE FPE_INTDIV at the instruction");
}

/* int3's handler returns, and the program goes on after the int3. */
static void
int3_and_return(void *arg)
{
	(void)arg;
	catch(SIGTRAP, on_trap_return);
	do_int3();
	/* Here only if the handler returned: say so with a second report. */
	catch(SIGTRAP, on_fault);
	raise(SIGTRAP);
}

static void
t_int3(void)
{
	struct report second;
	struct outcome o;
	int p[2], status = -1;
	pid_t pid;

	o = run(call_at, (void *)(unsigned long)do_int3, 1);
	expect(o, SIGTRAP, TRAP_BRKPT, (void *)(unsigned long)do_int3_after,
	    "int3: SIGTRAP TRAP_BRKPT, si_addr after the int3");

	/* The same by hand, to see the second report. */
	if (pipe(p) != 0) {
		ok(0, "int3: pipe");
		return;
	}
	fflush(stdout);
	if ((pid = fork()) == 0) {
		close(p[0]);
		report_fd = p[1];
		int3_and_return(NULL);
		_exit(1);
	}
	close(p[1]);
	ok(read(p[0], &o.r, sizeof(o.r)) == sizeof(o.r) &&
	    read(p[0], &second, sizeof(second)) == sizeof(second) &&
	    o.r.signo == SIGTRAP && second.signo == SIGTRAP &&
	    second.code == SI_USER && waitpid(pid, &status, 0) == pid &&
	    WIFEXITED(status) && WEXITSTATUS(status) == 0,
	    "int3: the handler returns and the program goes on after it");
	close(p[0]);
}

/* hlt is privileged: #GP, which FreeBSD and Vise make SIGBUS. */
static void
t_privileged(void)
{
	expect(run(call_at, (void *)(unsigned long)do_hlt, 1), SIGBUS,
	    BUS_OBJERR, (void *)(unsigned long)do_hlt,
	    "hlt in user mode (#GP): SIGBUS BUS_OBJERR at the instruction");
}

/*
 * amd64: an address that is not canonical is no page fault but a #GP,
 * which says nothing of the address: SIGBUS, si_addr the instruction.
 */
static void
t_noncanonical(void)
{
	struct outcome o;

	if (sizeof(void *) != 8) {
		ok(1, "a non-canonical address: SIGBUS # SKIP amd64 only");
		return;
	}
	o = run(load_at, (void *)(unsigned long)0x8000000000000000ULL, 1);
	ok(o.reported && o.r.signo == SIGBUS && o.r.code == BUS_OBJERR,
	    "a non-canonical address (#GP): SIGBUS BUS_OBJERR");
}

/* Without a handler the default action ends the process. */
static void
t_default_action(void)
{
	expect_killed(run(store_at, (void *)16, 0), SIGSEGV,
	    "no handler: a fault ends the process with SIGSEGV");
	expect_killed(run(call_at, (void *)(unsigned long)do_ud2, 0), SIGILL,
	    "no handler: ud2 ends the process with SIGILL");
	expect_killed(run(call_at, (void *)(unsigned long)do_div0, 0), SIGFPE,
	    "no handler: a division by zero ends the process with SIGFPE");
}

/* A fault whose signal is blocked cannot wait: it kills. */
static void
store_blocked(void *arg)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGSEGV);
	sigprocmask(SIG_BLOCK, &set, NULL);
	store_at(arg);
}

static void
t_blocked(void)
{
	expect_killed(run(store_blocked, (void *)16, 1), SIGSEGV,
	    "SIGSEGV blocked: a fault still ends the process with SIGSEGV");
}

/*
 * Unbounded recursion runs off the end of the stack; the handler has
 * no stack to run on (there is no sigaltstack), so SIGSEGV kills.
 */
static int
recurse(unsigned long depth)
{
	volatile char buf[1024];

	buf[0] = (char)depth;
	if (depth == 0)
		return (0);
	return (recurse(depth - 1) + buf[0]);
}

static void
overflow(void *arg)
{
	(void)arg;
	(void)recurse(ULONG_MAX);	/* never gets to the bottom */
}

static void
t_stack_overflow(void)
{
	expect_killed(run(overflow, NULL, 1), SIGSEGV,
	    "stack overflow with a SIGSEGV handler: no room for it, SIGSEGV "
	    "kills");
}

/*
 * A kernel pointer given to a system call is EFAULT: the kernel must
 * neither write there (read into its own text) nor read from there
 * (write out its own memory), and the process goes on.
 */
static void
t_syscall_kernel_pointers(void)
{
	struct stat sb;
	char buf[8];
	int fd, p[2];

	fd = open("/dev/zero", O_RDONLY);
	errno = 0;
	ok(fd >= 0 && read(fd, kernel_addr(), 64) == -1 && errno == EFAULT,
	    "read from /dev/zero into kernel text: EFAULT");
	ok(read(fd, buf, sizeof(buf)) == sizeof(buf) && buf[0] == 0,
	    "read: the process and the kernel carry on after that EFAULT");
	close(fd);
	if (pipe(p) != 0) {
		ok(0, "write from kernel memory: pipe");
		return;
	}
	errno = 0;
	ok(write(p[1], kernel_addr(), 64) == -1 && errno == EFAULT,
	    "write from kernel memory into a pipe: EFAULT");
	ok(fstat(p[0], &sb) == 0 && sb.st_size == 0,
	    "write: nothing of the kernel's memory reached the pipe");
	close(p[0]);
	close(p[1]);
	errno = 0;
	ok(stat("/ktest/motd", kernel_addr()) == -1 && errno == EFAULT,
	    "stat into a kernel address: EFAULT");
	errno = 0;
	ok(stat(kernel_addr(), &sb) == -1 && errno == EFAULT,
	    "stat of a path at a kernel address: EFAULT");
}

/*
 * A buffer that starts in user space (the top of the stack) and runs
 * past its end is EFAULT as a whole.  In a child: the top of the stack
 * holds its arguments.
 */
static void
straddle_read(void *arg)
{
	int fd = open("/dev/zero", O_RDONLY);
	struct report r = { 0, 0, NULL };

	(void)arg;
	errno = 0;
	if (read(fd, (void *)(user_top() - 16), 64) == -1 && errno == EFAULT)
		r.code = 1;
	(void)write(report_fd, &r, sizeof(r));
	_exit(0);
}

static void
t_straddle(void)
{
	struct outcome o = run(straddle_read, NULL, 1);

	ok(o.reported && o.r.signo == 0 && o.r.code == 1,
	    "read into a buffer that runs past the top of user space: EFAULT");
}

int
main(void)
{
	t_store_unmapped();
	t_load_unmapped();
	t_store_rodata();
	t_store_text();
	t_prot_mappings();
	t_kernel_addresses();
	t_exec_data();
	t_exec_allowed();
	t_ud2();
	t_divide();
	t_int3();
	t_privileged();
	t_noncanonical();
	t_default_action();
	t_blocked();
	t_stack_overflow();
	t_syscall_kernel_pointers();
	t_straddle();
	printf("1..%d\n", results);
	return (failures == 0 ? 0 : 1);
}
