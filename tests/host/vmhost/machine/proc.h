/*
 * proc.h (host) - the machine-dependent part of struct thread
 * (kernel/proc.h's td_md) for building vm/ and kern_sx.c on the host:
 * the pretend machine has no registers to keep per thread.
 */
#ifndef _MACHINE_PROC_H_
#define _MACHINE_PROC_H_

struct mdthread {
	int	md_flags;	/* unused */
};

#endif /* !_MACHINE_PROC_H_ */
