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
#define SIGURG		16
#define SIGTSTP		18
#define SIGCONT		19
#define SIGCHLD		20
#define SIGTTIN		21	/* a background process read its terminal */
#define SIGTTOU		22	/* ... or changed it (tcsetpgrp) */
#define SIGWINCH	28
#define SIGINFO		29
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

/* A set of signals: bit (sig - 1). */
typedef __UINT32_TYPE__	__sigset_t;

#define SIG_DFL		((void (*)(int))0)	/* the default action */
#define SIG_IGN		((void (*)(int))1)	/* ignore it */
#define SIG_ERR		((void (*)(int))-1)

/* sigaction flags (FreeBSD's values) */
#define SA_ONSTACK	0x0001	/* not supported: EINVAL */
#define SA_RESTART	0x0002	/* restart an interrupted system call */
#define SA_RESETHAND	0x0004	/* back to SIG_DFL once delivered */
#define SA_NODEFER	0x0010	/* do not block the signal in its handler */
#define SA_NOCLDSTOP	0x0008	/* no SIGCHLD when a child stops or continues */
#define SA_SIGINFO	0x0040	/* handler(sig, siginfo_t *, void *) */

/* sigprocmask how */
#define SIG_BLOCK	1
#define SIG_UNBLOCK	2
#define SIG_SETMASK	3

/*
 * The kernel's struct sigaction: the handler, its flags and the signals
 * blocked while it runs.  libc's sigaction() adds the address of its
 * return trampoline as the system call's fourth argument.
 */
struct __sigaction {
	void		(*sa_handler)(int);	/* or (int, siginfo_t *, void *) */
	int		sa_flags;
	__sigset_t	sa_mask;
};

/* What a SA_SIGINFO handler gets as its second argument. */
struct __siginfo {
	int		si_signo;
	int		si_errno;
	int		si_code;	/* SEGV_MAPERR ..., or SI_USER */
	int		si_pid;		/* the sender, for SI_USER */
	unsigned	si_uid;
	int		si_status;
	void		*si_addr;	/* the faulting address or instruction */
	long		si_spare[6];
};

#define SI_USER		0x10001	/* sent by kill(2) */
#define SI_KERNEL	0x10006	/* sent by the kernel (the terminal, job
					   control) */
#define SI_LWP		0x10007	/* sent to one thread by thr_kill(2) */

/* si_code for SIGCHLD (si_pid: the child) */
#define CLD_EXITED	1	/* it exited */
#define CLD_KILLED	2	/* a signal ended it */
#define CLD_STOPPED	5	/* it stopped */
#define CLD_CONTINUED	6	/* it was continued (SIGCONT) */

#endif /* !_SYS_SIGNAL_H_ */
