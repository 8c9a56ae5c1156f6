/*
 * utest.h - what the system-call test programs of tests/user share: TAP
 * results counted as they are printed, the check that a call failed
 * with a given errno, and the bad addresses every pointer argument is
 * tried with.  Linked into every test program (tests/user/lib/utest.c);
 * a program uses what it needs.
 */
#ifndef _UTEST_H_
#define _UTEST_H_

/* Results printed so far, and how many of them failed. */
extern int results, failures;

/* Nothing is mapped there (page 0); volatile keeps the compiler quiet. */
extern void *volatile unmapped;

/* Print one TAP result, "ok N - name" or "not ok N - name". */
void	ok(int cond, const char *name);

/*
 * A result that must be -1 with errno `want`; on a mismatch a comment
 * line says what came back instead.
 */
void	fails(long ret, int want, const char *name);

/* An address in the kernel's part of the address space (R65). */
void	*kernel_addr(void);

/*
 * Checks that run in a child (run_in_child): a failed one prints where
 * and what on standard error (a comment line in the runner's stream)
 * and counts in child_failures; the child's exit status says whether
 * all held.
 */
extern int child_failures;
void	check_at(int ok, const char *file, int line, const char *what);
#define CHECK(cond)	check_at((cond), __FILE__, __LINE__, #cond)
/* A call that must fail with errno e. */
#define CHECK_ERR(call, e)	do {					\
	errno = 0;							\
	check_at((long)(call) == -1 && errno == (e), __FILE__, __LINE__, \
	    #call " fails with " #e);					\
} while (0)

/*
 * Run fn in a child whose CHECKs decide one TAP result,
 * "ok N - topic: name".
 */
void	run_in_child(const char *topic, const char *name, void (*fn)(void));

/*
 * Run fn in this process; its CHECKs (counted in child_failures, which
 * is reset first) decide one TAP result, "ok N - topic: name".  For
 * tests that need no child: what they map they unmap themselves.
 */
void	run_here(const char *topic, const char *name, void (*fn)(void));

/*
 * Read *p, or (write != 0) read it and store the same byte back: the
 * signal the access raised (SIGSEGV or SIGBUS), with its si_code in
 * *code if code is not NULL, or 0 if it did not fault.
 */
int	touch(volatile char *p, int write, int *code);

/* Whether touching *p raises signal sig with si_code code. */
int	faults(volatile char *p, int write, int sig, int code);

/*
 * Counters the wiring tests read: an unsigned long sysctl (~0UL, with a
 * comment line, if it cannot be read); uwire, virtual pages in
 * user-wired entries (vm.stats.vm.v_user_wire_count, R35); pwire,
 * physical pages wired for the user (vm.stats.vm.v_wire_user); minflt,
 * this process's page faults so far (getrusage's ru_minflt: a wired
 * page takes none, R4).
 */
unsigned long	sysctl_ulong(const char *name);

/*
 * An int sysctl: sysctl_int its value (-1, with a comment line, if it
 * cannot be read); sysctl_int_set sets it (root; the knobs and
 * tunables), 0 or -1 with errno.
 */
int	sysctl_int(const char *name);
int	sysctl_int_set(const char *name, int v);

/* read(2) at offset `off` (libc has no pread yet): bytes read or -1. */
long	read_at(int fd, void *buf, unsigned long len, long off);

/* Wait for child `pid`: its exit status, 128 + the signal, or -1. */
int	reap(int pid);

/* Process `pid`'s record (kern.proc.pid.<pid>) into *ki: 0 or -1. */
struct kinfo_proc;
int	kinfo(int pid, struct kinfo_proc *ki);
unsigned long	uwire(void);
unsigned long	pwire(void);
long		minflt(void);

/* Print the plan (1..N) and return the exit status: 0 if all passed. */
int	done_testing(void);

#endif /* !_UTEST_H_ */
