/*
 * syscallvar.h - the kernel side of system calls: the dispatch table
 * made from sys/syscalls.def (kernel/init_sysent.c), the handlers'
 * shape, and what the machine-dependent code provides.
 */
#ifndef _KERNEL_SYSCALLVAR_H_
#define _KERNEL_SYSCALLVAR_H_

#include <kernel/systm.h>
#include <sys/syscall.h>

struct thread;
struct trapframe;

/*
 * Kernel-only results of a system call handler (never seen by user
 * space): ERESTART, do the call again (a signal interrupted it and its
 * handler has SA_RESTART); EJUSTRETURN, leave the registers as the
 * handler set them (sigreturn).  Not in <sys/errno.h>: the host's C
 * library has an ERESTART of its own.
 */
#define ERESTART	(-1)
#define EJUSTRETURN	(-2)

/* One argument or result: a register's worth. */
typedef unsigned long syscallarg_t;

/*
 * A handler gets its arguments in args[0..nargs-1] and puts its
 * result(s) in retval[0] (and retval[1]); it returns 0 or an errno
 * value.  Thread context; may sleep.
 */
typedef int sy_call_t(struct thread *td, syscallarg_t *args,
    syscallarg_t *retval);

struct sysent {
	const char	*sy_name;	/* for traces and messages */
	int		sy_narg;
	sy_call_t	*sy_call;	/* NULL: no such system call */
};

#define SYSCALL(number, name, nargs)	sy_call_t sys_##name;
#include <sys/syscalls.def>
#undef SYSCALL

extern const struct sysent sysent[];
extern const int nsysent;

/*
 * syscall: the system call entry from the ARCH's trap code, with the
 * user's registers in `tf` and interrupts off (they are on while the
 * handler runs).  Returns nonzero when every register of the frame must
 * come back as it is (sigreturn): amd64 then returns with iretq, not
 * sysret, which loses rcx and r11.
 */
int	syscall(struct trapframe *tf);

/*
 * cpu_syscall_fetch (arch): the arguments from `tf` into args[0..5];
 * returns the system call number.  cpu_syscall_return (arch): put the
 * result into `tf` (error: errno value and the carry flag).
 */
int	cpu_syscall_fetch(struct trapframe *tf, syscallarg_t *args);
void	cpu_syscall_return(struct trapframe *tf, int error,
	    syscallarg_t *retval);

#endif /* !_KERNEL_SYSCALLVAR_H_ */
