/*
 * trap_catch.h - catching an expected exception in kernel mode.
 *
 * Code that expects an instruction may fault arms a catch naming the
 * exception and where to continue; trap() then resumes there instead of
 * panicking.  The self tests use it to raise #BP and #UD on purpose;
 * copyin/copyout will use the same mechanism for bad user pointers.
 * One catch at a time (one CPU, no preemption while armed).
 */
#ifndef _X86_TRAP_CATCH_H_
#define _X86_TRAP_CATCH_H_

#include <stdint.h>

struct trap_catch {
	int		tc_trapno;	/* the exception expected */
	uintptr_t	tc_resume;	/* continue here; 0: where the CPU says */
	int		tc_count;	/* exceptions caught so far */
	uintptr_t	tc_pc;		/* pc of the last one */
	unsigned long	tc_err;		/* and its error code (page fault: PGEX_*) */
};

/* trap_catch_arm / _disarm: see above.  Interrupts may be on; no sleep. */
void	trap_catch_arm(struct trap_catch *tc);
void	trap_catch_disarm(void);

#endif /* !_X86_TRAP_CATCH_H_ */
