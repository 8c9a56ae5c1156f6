/*
 * signal.h - signal numbers and si_code values (FreeBSD's), shared by
 * the kernel and libc.
 */
#ifndef _SYS_SIGNAL_H_
#define _SYS_SIGNAL_H_

#define SIGHUP		1
#define SIGINT		2
#define SIGQUIT		3
#define SIGILL		4
#define SIGTRAP		5
#define SIGABRT		6
#define SIGFPE		8
#define SIGKILL		9
#define SIGBUS		10
#define SIGSEGV		11
#define SIGSYS		12
#define SIGPIPE		13
#define SIGALRM		14
#define SIGTERM		15
#define SIGSTOP		17
#define SIGTSTP		18
#define SIGCONT		19
#define SIGCHLD		20
#define SIGUSR1		30
#define SIGUSR2		31
#define NSIG		32	/* one more than the highest */

/* si_code for SIGILL */
#define ILL_ILLOPC	1	/* illegal opcode */
#define ILL_PRVOPC	5	/* privileged opcode */
/* si_code for SIGFPE */
#define FPE_INTDIV	2	/* integer divide by zero */
#define FPE_INTOVF	1	/* integer overflow */
/* si_code for SIGSEGV */
#define SEGV_MAPERR	1	/* address not mapped */
#define SEGV_ACCERR	2	/* no permission */
/* si_code for SIGBUS */
#define BUS_ADRALN	1	/* bad alignment */
#define BUS_ADRERR	2	/* no such physical address */
#define BUS_OBJERR	3	/* object error (beyond its end, I/O) */
#define BUS_OOMERR	100	/* no memory to resolve the fault */
/* si_code for SIGTRAP */
#define TRAP_BRKPT	1	/* breakpoint */
#define TRAP_TRACE	2	/* single step */

#endif /* !_SYS_SIGNAL_H_ */
