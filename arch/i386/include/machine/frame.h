/*
 * frame.h - i386 trap frame: what vector.asm saves on the kernel stack
 * before calling trap().  Lowest address first, so the order is the
 * reverse of the pushes in vector.asm (pusha stores eax first, at the
 * highest address of its block).
 */
#ifndef _MACHINE_FRAME_H_
#define _MACHINE_FRAME_H_

#include <stdint.h>

struct trapframe {
	uint32_t	tf_gs;
	uint32_t	tf_fs;
	uint32_t	tf_es;
	uint32_t	tf_ds;
	uint32_t	tf_edi;		/* pusha block */
	uint32_t	tf_esi;
	uint32_t	tf_ebp;
	uint32_t	tf_isp;		/* esp when pusha ran: ignored */
	uint32_t	tf_ebx;
	uint32_t	tf_edx;
	uint32_t	tf_ecx;
	uint32_t	tf_eax;
	uint32_t	tf_trapno;
	uint32_t	tf_err;
	/* pushed by the CPU */
	uint32_t	tf_eip;
	uint32_t	tf_cs;
	uint32_t	tf_eflags;
	/* pushed by the CPU only on a change of privilege (from user mode) */
	uint32_t	tf_esp;
	uint32_t	tf_ss;
};

/* Machine-independent names for the fields trap() needs. */
#define TF_PC(tf)	((tf)->tf_eip)
#define TF_FP(tf)	((tf)->tf_ebp)
#define TF_FLAGS(tf)	((tf)->tf_eflags)
#define TF_USERMODE(tf)	(((tf)->tf_cs & 3) != 0)

#endif /* !_MACHINE_FRAME_H_ */
