/*
 * proc.h - the machine-dependent part of a thread (struct thread's
 * td_md, kernel/proc.h): the user x87/SSE state (arch/x86/fpu.c) and
 * the TLS base (the %gs base, sys_machdep.c).  Lock keys are kernel/proc.h's.
 */
#ifndef _MACHINE_PROC_H_
#define _MACHINE_PROC_H_

#include <x86/fpu.h>

struct mdthread {
	int		md_flags;	/* (c) MDTD_* */
	/* The user FPU/SSE registers while the thread is switched out. */
	struct savefpu	md_fpu;		/* (s) */
	uintptr_t	md_tlsbase;	/* (t) the user TLS base */
};

#define MDTD_USERFPU	0x01	/* a user thread: it has FPU state */

#endif /* !_MACHINE_PROC_H_ */
