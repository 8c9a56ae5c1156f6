/*
 * frame.h - amd64 trap frame: what vector.asm saves on the kernel stack
 * before calling trap().  Lowest address first, so the order is the
 * reverse of the pushes in vector.asm.
 */
#ifndef _MACHINE_FRAME_H_
#define _MACHINE_FRAME_H_

#include <stdint.h>

struct trapframe {
	uint64_t	tf_rax;
	uint64_t	tf_rbx;
	uint64_t	tf_rcx;
	uint64_t	tf_rdx;
	uint64_t	tf_rsi;
	uint64_t	tf_rdi;
	uint64_t	tf_rbp;
	uint64_t	tf_r8;
	uint64_t	tf_r9;
	uint64_t	tf_r10;
	uint64_t	tf_r11;
	uint64_t	tf_r12;
	uint64_t	tf_r13;
	uint64_t	tf_r14;
	uint64_t	tf_r15;
	uint64_t	tf_trapno;
	uint64_t	tf_err;
	/* pushed by the CPU */
	uint64_t	tf_rip;
	uint64_t	tf_cs;
	uint64_t	tf_rflags;
	uint64_t	tf_rsp;
	uint64_t	tf_ss;
};

/* Machine-independent names for the fields trap() needs. */
#define TF_PC(tf)	((tf)->tf_rip)
#define TF_FP(tf)	((tf)->tf_rbp)
#define TF_FLAGS(tf)	((tf)->tf_rflags)
#define TF_USERMODE(tf)	(((tf)->tf_cs & 3) != 0)

#endif /* !_MACHINE_FRAME_H_ */
