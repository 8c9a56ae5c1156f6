/*
 * nxdata_test.c - issue 5: a program that runs its data gets SIGSEGV
 * with SEGV_ACCERR and si_addr the address it tried to run.  Each case
 * runs in a child: a `ret` (0xc3) written into (a) a static array,
 * (b) a malloc'd buffer, (c) a stack buffer, (d) an anonymous
 * PROT_READ|PROT_WRITE mapping, is called and must fault; (e) in a
 * PROT_READ|PROT_WRITE|PROT_EXEC mapping it runs and returns.
 *
 * The NX bit does it: amd64 has it, and i386 with PAE paging (both
 * ARCHes turn EFER.NXE on when the CPU has NX; `make test` runs QEMU
 * with -cpu max, which has it).
 */
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define RAN		0	/* the child's exit status: the code returned */
#define SEGV_OK		42	/* SIGSEGV, SEGV_ACCERR, si_addr right */
#define SEGV_WRONG	43	/* SIGSEGV with the wrong code or address */
#define GOT_SIGBUS	44

/* What a case runs: a near `call` to the byte at the buffer's start. */
static const unsigned char code[] = { 0xc3 };	/* ret */

static unsigned char data_code[16] = { 0xc3 };
static volatile unsigned long expect_addr;
static int failures, nresults;

static void
on_fault(int sig, siginfo_t *si, void *uc)
{
	char msg[96];
	int n;

	(void)uc;
	if (sig == SIGSEGV && si->si_code == SEGV_ACCERR &&
	    (unsigned long)si->si_addr == expect_addr)
		_exit(SEGV_OK);
	n = snprintf(msg, sizeof(msg), "signal %d code %d at %p, not %#lx\n",
	    sig, si->si_code, si->si_addr, expect_addr);
	(void)write(2, msg, (size_t)n);
	_exit(sig == SIGSEGV ? SEGV_WRONG : GOT_SIGBUS);
}

/* Write the code into `buf` (so that its page is mapped), then call it. */
static void
run_near(unsigned char *buf)
{
	memcpy(buf, code, sizeof(code));
	expect_addr = (unsigned long)buf;
	((void (*)(void))buf)();
}

enum where { STATIC_DATA, MALLOC, STACK, MMAP_RW, MMAP_RWX };
static const char *const where_name[] = { "a static array",
	"a malloc'd buffer", "a stack buffer", "an anonymous PROT_READ|"
	"PROT_WRITE mapping", "an anonymous PROT_READ|PROT_WRITE|PROT_EXEC "
	"mapping" };

static unsigned char *
map(int prot)
{
	void *p;

	p = mmap(NULL, 4096, prot, MAP_ANON | MAP_PRIVATE, -1, 0);
	if (p == MAP_FAILED) {
		perror("mmap");
		_exit(99);
	}
	return (p);
}

/* In the child: run the code in `where`. */
static void
child_case(enum where where)
{
	unsigned char stack_buf[64];

	switch (where) {
	case STATIC_DATA:
		run_near(data_code);
		break;
	case MALLOC:
		run_near(malloc(64));
		break;
	case STACK:
		run_near(stack_buf);
		break;
	case MMAP_RW:
		run_near(map(PROT_READ | PROT_WRITE));
		break;
	case MMAP_RWX:
		run_near(map(PROT_READ | PROT_WRITE | PROT_EXEC));
		break;
	}
}

/*
 * Fork a child that runs `where`; its exit status (RAN, SEGV_OK, ...),
 * or -1 if it died otherwise.
 */
static int
in_child(enum where where)
{
	struct sigaction sa;
	int status;
	pid_t pid;

	fflush(stdout);
	if ((pid = fork()) < 0) {
		perror("fork");
		return (-1);
	}
	if (pid == 0) {
		memset(&sa, 0, sizeof(sa));
		sa.sa_sigaction = on_fault;
		sa.sa_flags = SA_SIGINFO;
		sigemptyset(&sa.sa_mask);
		sigaction(SIGSEGV, &sa, NULL);
		sigaction(SIGBUS, &sa, NULL);
		child_case(where);
		_exit(RAN);
	}
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return (-1);
	return (WEXITSTATUS(status));
}

static const char *
status_name(int st)
{
	switch (st) {
	case RAN:
		return ("it ran");
	case SEGV_OK:
		return ("SIGSEGV/SEGV_ACCERR");
	case SEGV_WRONG:
		return ("SIGSEGV with the wrong si_code or si_addr");
	case GOT_SIGBUS:
		return ("SIGBUS");
	}
	return ("the child died otherwise");
}

static void
result(bool ok, int st, const char *fmt, const char *what)
{
	nresults++;
	printf("%s %d - ", ok ? "ok" : "not ok", nresults);
	printf(fmt, what);
	printf("\n");
	if (!ok) {
		printf("# got: %s\n", status_name(st));
		failures++;
	}
}

int
main(void)
{
	enum where w;
	int st;

	for (w = STATIC_DATA; w <= MMAP_RW; w++) {
		st = in_child(w);
		result(st == SEGV_OK, st, "nx: calling code in %s is SIGSEGV "
		    "with SEGV_ACCERR at its address", where_name[w]);
	}
	st = in_child(MMAP_RWX);
	result(st == RAN, st, "nx: calling code in %s runs",
	    where_name[MMAP_RWX]);
	printf("1..%d\n", nresults);
	return (failures == 0 ? 0 : 1);
}
