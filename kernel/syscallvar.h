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
 * handler runs).
 */
void	syscall(struct trapframe *tf);

/*
 * cpu_syscall_fetch (arch): the arguments from `tf` into args[0..5];
 * returns the system call number.  cpu_syscall_return (arch): put the
 * result into `tf` (error: errno value and the carry flag).
 */
int	cpu_syscall_fetch(struct trapframe *tf, syscallarg_t *args);
void	cpu_syscall_return(struct trapframe *tf, int error,
	    syscallarg_t *retval);

#endif /* !_KERNEL_SYSCALLVAR_H_ */
